package sqlite

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustPut(t testing.TB, s *Store, a *article.Article, at time.Time) int64 {
	t.Helper()
	id, isNew, err := s.Put(context.Background(), a, at)
	if err != nil {
		t.Fatal(err)
	}
	if !isNew {
		t.Fatalf("Put(%s): isNew=false, want a new article", articleName(a))
	}
	return id
}

func count(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func quote(speaker, text string) article.Quote {
	q := article.Quote{Text: text, Kind: article.Direct, Cue: "said"}
	if speaker != "" {
		q.Speaker = &article.Entity{Name: speaker, Kind: article.Person}
	}
	return q
}

// wire is a long wire story; variants of it appear on several sites.
var wire = genParagraphs(rand.New(rand.NewPCG(42, 42)), 8)

func TestPutGetRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := &article.Article{
		URL: "https://example.com/a?utm=1", CanonicalURL: "https://Example.com/a/",
		Headline: "Talks resume", SiteName: "Example", Language: "en-GB",
		Published: &article.Stamp{Time: time.Date(2025, 2, 3, 10, 0, 0, 0, time.FixedZone("CET", 3600)), Source: "json-ld"},
		Body:      paragraphs("First paragraph.", "Second paragraph."),
		Quotes:    []article.Quote{quote("Jane Doe", "We will talk.")},
		Speakers:  []article.Speaker{{Name: "Jane Doe", Quotes: []int{0}, Mentions: []article.Mention{}}},
	}
	id := mustPut(t, s, a, t0)
	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Story != id || !got.FetchedAt.Equal(t0) {
		t.Errorf("Get: id=%d story=%d fetched=%v, want %d %d %v", got.ID, got.Story, got.FetchedAt, id, id, t0)
	}
	if got.Article.Headline != a.Headline || got.Article.BodyText() != a.BodyText() ||
		len(got.Article.Quotes) != 1 || got.Article.Quotes[0].Speaker.Name != "Jane Doe" ||
		!got.Article.Published.Time.Equal(a.Published.Time) {
		t.Errorf("Get returned a different article: %+v", got.Article)
	}
	if _, err := s.Get(ctx, id+100); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
}

func TestDedupByCanonicalURL(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	body := paragraphs("Some text.")
	tests := []struct {
		name  string
		a     article.Article
		isNew bool
		sameN int // index into earlier results whose ID must match
	}{
		{"first", article.Article{URL: "https://a.test/x?ref=rss", CanonicalURL: "https://a.test/x", Body: body}, true, -1},
		{"same canonical, other URL", article.Article{URL: "https://m.a.test/x", CanonicalURL: "https://a.test/x", Body: body}, false, 0},
		{"canonical differs by case of host, fragment and slash", article.Article{CanonicalURL: "HTTPS://A.TEST/x/#top", Body: body}, false, 0},
		{"no canonical, URL only", article.Article{URL: "https://b.test/y", Body: body}, true, -1},
		{"same URL again", article.Article{URL: "https://b.test/y", Headline: "changed", Body: body}, false, 3},
		{"no URL at all", article.Article{Headline: "Plain", Body: body}, true, -1},
		{"same text, no URL", article.Article{Headline: "Plain", Body: body}, false, 5},
		{"other text, no URL", article.Article{Headline: "Other", Body: body}, true, -1},
	}
	var ids []int64
	for _, tt := range tests {
		id, isNew, err := s.Put(ctx, &tt.a, t0)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if isNew != tt.isNew {
			t.Errorf("%s: isNew = %v, want %v", tt.name, isNew, tt.isNew)
		}
		if tt.sameN >= 0 && id != ids[tt.sameN] {
			t.Errorf("%s: id = %d, want %d", tt.name, id, ids[tt.sameN])
		}
		ids = append(ids, id)
	}
	if n := count(t, s, "articles"); n != 4 {
		t.Errorf("%d articles stored, want 4", n)
	}
	// The database itself refuses a second copy, not just Put's check.
	_, err := s.w.Exec(`INSERT INTO articles (url_key, fetched_ns) VALUES ('https://a.test/x', 1)`)
	if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Errorf("duplicate url_key insert: err = %v, want a UNIQUE constraint error", err)
	}
}

func TestStories(t *testing.T) {
	s := openTemp(t)
	edited := slices.Clone(wire)
	edited[0] = "PARIS (Wire) - " + edited[0]
	edited[3] = strings.ToUpper(edited[3][:1]) + strings.ReplaceAll(edited[3][1:], ".", ";")
	edited[7] = edited[7] + " (Reporting by Wire staff)"
	other := genParagraphs(rand.New(rand.NewPCG(7, 7)), 8)
	tests := []struct {
		name      string
		a         *article.Article
		sameStory string // name of an earlier article whose story it joins; "" = its own
	}{
		{"wire on site A", &article.Article{URL: "https://a.test/1", Body: paragraphs(wire...)}, ""},
		{"same wire on site B with small edits", &article.Article{URL: "https://b.test/9", Body: paragraphs(edited...)}, "wire on site A"},
		{"same wire on site C, identical", &article.Article{URL: "https://c.test/3", Body: paragraphs(wire...)}, "wire on site A"},
		{"different story", &article.Article{URL: "https://a.test/2", Body: paragraphs(other...)}, ""},
		{"short brief", &article.Article{URL: "https://a.test/3", Body: paragraphs("Markets closed higher.")}, ""},
		{"same short brief elsewhere is not grouped", &article.Article{URL: "https://b.test/3", Body: paragraphs("Markets closed higher.")}, ""},
	}
	ids := map[string]int64{}
	for _, tt := range tests {
		id := mustPut(t, s, tt.a, t0)
		ids[tt.name] = id
		got, err := s.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		want := id
		if tt.sameStory != "" {
			want = ids[tt.sameStory]
		}
		if got.Story != want {
			t.Errorf("%s: story = %d, want %d", tt.name, got.Story, want)
		}
	}
}

func TestStatements(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	later, earlier := t0.Add(2*time.Hour), t0
	// Stored out of order: the second outlet was fetched first.
	a := &article.Article{URL: "https://a.test/s", Headline: "A", Body: paragraphs("x"),
		Quotes: []article.Quote{quote("Jane Doe", "We will not give up.")}}
	b := &article.Article{URL: "https://b.test/s", Headline: "B", Body: paragraphs("y"),
		Quotes: []article.Quote{quote("jane doe", "“We will not give up”"), quote("John Roe", "We will not give up.")}}
	mustPut(t, s, a, later)
	mustPut(t, s, b, earlier)
	hits, err := s.Quotes(ctx, "", "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("%d quotes, want 3", len(hits))
	}
	byKey := map[string]store.QuoteHit{}
	for _, h := range hits {
		byKey[h.URL+"|"+h.Quote.Speaker.Name] = h
	}
	ja, jb, jr := byKey["https://a.test/s|Jane Doe"], byKey["https://b.test/s|jane doe"], byKey["https://b.test/s|John Roe"]
	if ja.Statement == 0 || ja.Statement != jb.Statement {
		t.Errorf("Jane Doe's statement in two outlets: %d and %d, want one statement", ja.Statement, jb.Statement)
	}
	if jr.Statement == ja.Statement {
		t.Errorf("same words by another speaker share statement %d", jr.Statement)
	}
	if !ja.FirstSeen.Equal(earlier) || !jb.FirstSeen.Equal(earlier) {
		t.Errorf("first seen = %v, %v, want %v", ja.FirstSeen, jb.FirstSeen, earlier)
	}
	if n := count(t, s, "statements"); n != 2 {
		t.Errorf("%d statements, want 2", n)
	}
	if n := count(t, s, "speakers"); n != 2 {
		t.Errorf("%d speakers, want 2 (names match case-blind)", n)
	}
}

// fixture is a small store for filter tests: name -> ID.
func fixture(t testing.TB) (*Store, map[string]int64) {
	s := openTemp(t)
	day := func(d int) *article.Stamp { return stamp(time.Date(2025, 1, d, 9, 0, 0, 0, time.UTC)) }
	arts := []struct {
		name string
		a    article.Article
	}{
		{"oil-en", article.Article{URL: "https://www.herald.test/oil", Headline: "Oil prices climb after OPEC cut", Language: "en-GB", Published: day(5),
			Body:   paragraphs("Crude rose on Monday as producers agreed to reduce output.", "Traders expect higher prices."),
			Quotes: []article.Quote{quote("Amina Mohammed", "The cut is temporary."), quote("John Smith", "Prices will rise.")}}},
		{"oil-fr", article.Article{URL: "https://journal.test/petrole", Headline: "Le pétrole grimpe", Language: "fr", Published: day(6),
			Body: paragraphs("Les prix du pétrole ont augmenté lundi, oil traders said.")}},
		{"election", article.Article{URL: "https://news.herald.test/vote", Headline: "Voters head to the polls", Language: "en", Published: day(10),
			Body:   paragraphs("Millions vote in a close election; turnout is high.", "Oil was not an issue in the campaign."),
			Quotes: []article.Quote{quote("Amina Mohammed", "Every vote counts.")}}},
		{"undated", article.Article{URL: "https://daily.test/undated", Headline: "Storm warning for the coast", Language: "en",
			Body: paragraphs("A storm is expected; oil rigs were evacuated.")}},
		{"nyc", article.Article{URL: "https://daily.test/nyc", Headline: "Prices in New York", Language: "en-US", Published: day(20),
			Body: paragraphs("New York prices rose (again) by 5% - officials said \"NEAR record\".")}},
	}
	ids := map[string]int64{}
	for i, x := range arts {
		ids[x.name] = mustPut(t, s, &x.a, t0.Add(time.Duration(i)*time.Minute))
	}
	return s, ids
}

func TestSearchFilters(t *testing.T) {
	s, ids := fixture(t)
	d := func(day int) time.Time { return time.Date(2025, 1, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		q    store.Query
		want []string // in rank order when ordered, else sorted by name
		ord  bool
	}{
		{"one word", store.Query{Text: "oil"}, []string{"election", "oil-en", "oil-fr", "undated"}, false},
		{"headline ranks first", store.Query{Text: "oil"}, []string{"oil-en"}, true},
		{"two words are AND", store.Query{Text: "oil storm"}, []string{"undated"}, false},
		{"OR", store.Query{Text: "storm OR voters"}, []string{"election", "undated"}, false},
		{"phrase", store.Query{Text: `"close election"`}, []string{"election"}, false},
		{"phrase in wrong order", store.Query{Text: `"election close"`}, nil, false},
		{"prefix", store.Query{Text: "evacu*"}, []string{"undated"}, false},
		{"exclude", store.Query{Text: "oil -storm -vote"}, []string{"oil-en", "oil-fr"}, false},
		{"diacritics folded", store.Query{Text: "petrole"}, []string{"oil-fr"}, false},
		{"case blind", store.Query{Text: "OPEC"}, []string{"oil-en"}, false},
		{"site with subdomains and www", store.Query{Text: "oil", Site: "herald.test"}, []string{"election", "oil-en"}, false},
		{"site exact subdomain", store.Query{Text: "oil", Site: "news.herald.test"}, []string{"election"}, false},
		{"site is not a suffix match", store.Query{Text: "oil", Site: "ald.test"}, nil, false},
		{"language with subtags", store.Query{Text: "prices", Language: "en"}, []string{"nyc", "oil-en"}, false},
		{"language exact", store.Query{Text: "prices", Language: "EN-us"}, []string{"nyc"}, false},
		{"language is not a prefix match", store.Query{Text: "prices", Language: "e"}, nil, false},
		{"language with LIKE wildcards", store.Query{Text: "prices", Language: "e%"}, nil, false},
		{"from", store.Query{Text: "oil", From: d(6)}, []string{"election", "oil-fr"}, false},
		{"to is inclusive", store.Query{Text: "oil", To: time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)}, []string{"oil-en", "oil-fr"}, false},
		{"range excludes undated", store.Query{Text: "oil", From: d(1), To: d(31)}, []string{"election", "oil-en", "oil-fr"}, false},
		{"speaker", store.Query{Text: "oil", Speaker: "amina MOHAMMED"}, []string{"election", "oil-en"}, false},
		{"speaker only, no text", store.Query{Speaker: "John Smith"}, []string{"oil-en"}, false},
		{"no text lists newest first", store.Query{Language: "en"}, []string{"nyc", "election", "oil-en", "undated"}, true},
		{"limit", store.Query{Language: "en", Limit: 2}, []string{"nyc", "election"}, true},
		{"offset", store.Query{Language: "en", Limit: 2, Offset: 2}, []string{"oil-en", "undated"}, true},
		{"unknown speaker", store.Query{Text: "oil", Speaker: "Nobody"}, nil, false},
	}
	names := map[int64]string{}
	for n, id := range ids {
		names[id] = n
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, names[h.ID])
			}
			if tt.ord {
				got = got[:min(len(got), len(tt.want))]
			} else {
				slices.Sort(got)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSearchHit(t *testing.T) {
	s, ids := fixture(t)
	hits, err := s.Search(context.Background(), store.Query{Text: "evacuated"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatalf("%d hits, want 1", len(hits))
	}
	h := hits[0]
	if h.ID != ids["undated"] || h.URL != "https://daily.test/undated" || h.Site != "daily.test" ||
		h.Headline != "Storm warning for the coast" || h.Language != "en" || h.Published != nil || h.Story != h.ID {
		t.Errorf("hit = %+v", h)
	}
	if !strings.Contains(h.Snippet, "oil rigs were evacuated") {
		t.Errorf("snippet %q does not show the match", h.Snippet)
	}
	hits, err = s.Search(context.Background(), store.Query{Text: "OPEC"})
	if err != nil || len(hits) != 1 || hits[0].Language != "en-GB" || hits[0].Published == nil || !hits[0].Published.Equal(time.Date(2025, 1, 5, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("published of hit: %+v, %v", hits, err)
	}
}

func TestSearchHostile(t *testing.T) {
	s, _ := fixture(t)
	queries := []string{
		`"`, `""`, `"""`, `"oil`, `oil"`, `'oil'`, `(`, `)`, `(oil`, `oil)`, `((oil OR)`,
		`AND`, `OR`, `NOT`, `oil AND`, `OR oil`, `oil OR`, `oil NOT`, `NOT oil`, `-oil`, `- oil`, `--`, `-`,
		`NEAR(oil prices)`, `NEAR(oil prices, 2)`, `oil NEAR prices`, `*`, `**`, `oil*`, `*oil`, `o*l`,
		`headline:oil`, `body:oil`, `{headline}:oil`, `^oil`, `oil + prices`, `5%`, `%_\`, `'; DROP TABLE articles; --`,
		"oil\x00prices", "\u00a0", "☃", "🛢️", "石油", `"NEAR record"`, `New York`, strings.Repeat("(", 1000),
		strings.Repeat(`"a" `, 500), strings.Repeat("oil ", 200),
	}
	for _, q := range queries {
		_, err := s.Search(context.Background(), store.Query{Text: q})
		if err != nil && !errors.Is(err, store.ErrNoWords) {
			t.Errorf("Search(%.40q): %.200v", q, err)
		}
	}
	// Operators typed by a user are words: "NEAR record" is a phrase.
	hits, err := s.Search(context.Background(), store.Query{Text: `"NEAR record"`})
	if err != nil || len(hits) != 1 {
		t.Errorf(`Search("NEAR record") = %d hits, %v; want 1`, len(hits), err)
	}
	if n := count(t, s, "articles"); n != 5 {
		t.Errorf("articles = %d after hostile queries, want 5", n)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"oil", `"oil"`},
		{"oil prices", `"oil" "prices"`},
		{`"oil prices" rise`, `"oil prices" "rise"`},
		{`say "he said ""no""`, `"say" "he said " "no"`},
		{"oil*", `"oil"*`},
		{"a OR b c", `"a" OR "b" "c"`},
		{"OR a OR", `"a"`},
		{"a AND b", `"a" "b"`},
		{"a -b NOT c", `("a") NOT "b" NOT "c"`},
		{"(a) NEAR(b", `"(a)" "NEAR(b"`},
		{"col:x", `"col:x"`},
		{"*** ( )", ""},
		{"-a", ""},
	}
	for _, tt := range tests {
		got, err := ftsQuery(tt.in)
		if tt.want == "" {
			if !errors.Is(err, store.ErrNoWords) {
				t.Errorf("ftsQuery(%q) = %q, %v; want store.ErrNoWords", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestQuotesAndSpeakers(t *testing.T) {
	s, _ := fixture(t)
	ctx := context.Background()
	tests := []struct {
		speaker, text string
		want          []string
	}{
		{"amina mohammed", "", []string{"The cut is temporary.", "Every vote counts."}}, // oldest first
		{"Amina  Mohammed", "VOTE", []string{"Every vote counts."}},
		{"", "prices", []string{"Prices will rise."}},
		{"Nobody", "", nil},
	}
	for _, tt := range tests {
		hits, err := s.Quotes(ctx, tt.speaker, tt.text, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Quote.Text)
			if h.URL == "" || h.ArticleID == 0 || h.Statement == 0 || h.FirstSeen.IsZero() {
				t.Errorf("incomplete hit %+v", h)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Quotes(%q, %q) = %q, want %q", tt.speaker, tt.text, got, tt.want)
		}
	}
	sp, err := s.Speakers(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(sp); got != "[{Amina Mohammed  person 2} {John Smith  person 1}]" {
		t.Errorf("Speakers = %s", got)
	}
	sp, _ = s.Speakers(ctx, 1, 1)
	if len(sp) != 1 || sp[0].Name != "John Smith" {
		t.Errorf("Speakers(1, 1) = %v", sp)
	}
}

func TestExportOrder(t *testing.T) {
	s, ids := fixture(t)
	var got []int64
	err := s.Export(context.Background(), func(st *store.Stored) error {
		if st.Article.URL == "" {
			return errors.New("empty article")
		}
		got = append(got, st.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for _, id := range ids {
		want = append(want, id)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Export order %v, want %v", got, want)
	}
	stop := errors.New("stop")
	n := 0
	err = s.Export(context.Background(), func(*store.Stored) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Export did not stop at fn's error: %v after %d", err, n)
	}
}

func TestFetchLog(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, ok, err := s.LastFetch(ctx, "https://a.test/"); ok || err != nil {
		t.Fatalf("LastFetch on empty log = %v, %v", ok, err)
	}
	recs := []store.FetchRecord{
		{URL: "https://a.test/", Status: 200, ETag: `"v1"`, LastModified: "Mon, 01 Jan 2024 00:00:00 GMT", FetchedAt: t0},
		{URL: "https://a.test/", Status: 304, ETag: `"v1"`, FetchedAt: t0.Add(time.Hour)},
		{URL: "https://b.test/", Status: 0, Err: "timeout", FetchedAt: t0.Add(2 * time.Hour)},
		{URL: "https://a.test/", Status: 500, FetchedAt: t0.Add(-time.Hour)}, // logged late, older
	}
	for _, r := range recs {
		if err := s.LogFetch(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.LastFetch(ctx, "https://a.test/")
	if err != nil || !ok || *got != recs[1] {
		t.Errorf("LastFetch = %+v, %v, %v; want %+v", got, ok, err, recs[1])
	}
	if err := s.LogFetch(ctx, store.FetchRecord{URL: "https://c.test/"}); err == nil {
		t.Error("LogFetch with zero time: no error")
	}
}

// TestLogFetches: a batch of fetch records is logged whole, or not at
// all when one record is invalid.
func TestLogFetches(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	good := []store.FetchRecord{
		{URL: "https://a.test/1", Status: 200, ETag: `"x"`, FetchedAt: t0},
		{URL: "https://a.test/2", Status: 200, FetchedAt: t0.Add(time.Second)},
	}
	if err := s.LogFetches(ctx, good); err != nil {
		t.Fatal(err)
	}
	for _, r := range good {
		if got, ok, err := s.LastFetch(ctx, r.URL); err != nil || !ok || *got != r {
			t.Errorf("LastFetch(%s) = %+v, %v, %v; want %+v", r.URL, got, ok, err, r)
		}
	}
	bad := []store.FetchRecord{
		{URL: "https://b.test/1", Status: 200, FetchedAt: t0},
		{URL: "https://b.test/2", Status: 200}, // no fetch time
	}
	if err := s.LogFetches(ctx, bad); err == nil {
		t.Error("LogFetches with a zero time: no error")
	}
	if _, ok, err := s.LastFetch(ctx, "https://b.test/1"); ok || err != nil {
		t.Errorf("a failed batch left a record behind: %v, %v", ok, err)
	}
}

func TestConcurrentPut(t *testing.T) {
	s := openTemp(t)
	// A second handle on the same file stands for a second process (a
	// collector and a server, two collectors): deduplication must hold
	// across them too.
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	handles := []*Store{s, s2}
	ctx := context.Background()
	const workers, each, distinct = 8, 30, 60
	var wg sync.WaitGroup
	var mu sync.Mutex
	newByKey := map[string]int{}
	idByKey := map[string]map[int64]bool{}
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				k := (w*7 + i*13) % distinct // every key is put by several workers
				a := genArticle(1, k)
				h := handles[(w+i)%2]
				id, isNew, err := h.Put(ctx, a, t0)
				if err != nil {
					errs <- err
					return
				}
				// Readers run alongside the writers.
				if _, err := h.Search(ctx, store.Query{Text: "minister"}); err != nil {
					errs <- err
					return
				}
				mu.Lock()
				if isNew {
					newByKey[a.URL]++
				}
				if idByKey[a.URL] == nil {
					idByKey[a.URL] = map[int64]bool{}
				}
				idByKey[a.URL][id] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	n := count(t, s, "articles")
	if n != len(idByKey) {
		t.Errorf("%d articles stored, %d distinct URLs put", n, len(idByKey))
	}
	for k, ids := range idByKey {
		if len(ids) != 1 || newByKey[k] != 1 {
			t.Errorf("%s: ids %v, reported new %d times; want one ID, new once", k, ids, newByKey[k])
		}
	}
}

func TestPutBatchAtomic(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	good := genArticle(3, 1)
	// A nil article fails the whole batch before anything is written.
	if _, err := s.PutBatch(ctx, []*article.Article{good, nil}, t0); err == nil {
		t.Fatal("PutBatch with nil: no error")
	}
	if n := count(t, s, "articles"); n != 0 {
		t.Fatalf("%d articles after a failed batch, want 0", n)
	}
	// A cancelled context fails it too, and leaves nothing half stored.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutBatch(cctx, []*article.Article{genArticle(3, 2), genArticle(3, 3)}, t0); err == nil {
		t.Fatal("PutBatch with cancelled context: no error")
	}
	for _, tb := range []string{"articles", "quotes", "statements", "minhash", "minhash_bands", "articles_fts"} {
		if n := count(t, s, tb); n != 0 {
			t.Errorf("%s has %d rows after failed batches", tb, n)
		}
	}
	res, err := s.PutBatch(ctx, []*article.Article{good, genArticle(3, 2), good}, t0)
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].New || !res[1].New || res[2].New || res[2].ID != res[0].ID {
		t.Errorf("PutBatch results %+v: want new, new, duplicate of the first", res)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(""); err == nil {
		t.Error("Open(\"\"): no error")
	}
	if _, err := Open(filepath.Join(dir, "missing", "dir", "x.db")); err == nil {
		t.Error("Open in a missing directory: no error")
	}
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 500)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(garbage); err == nil || !strings.Contains(err.Error(), garbage) {
		t.Errorf("Open of a non-database file: %v, want an error naming the file", err)
	}
	if _, err := Open(dir); err == nil {
		t.Error("Open of a directory: no error")
	}
	p := filepath.Join(dir, "future.db")
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	s.w.Exec("PRAGMA user_version = 99")
	s.Close()
	if _, err := Open(p); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v", err)
	}
}

func TestRankWindow(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// Article i mentions "harbour" i+1 times: older articles rank lower
	// with BM25, so exact ranking would put the newest first anyway; the
	// headline hit on the oldest one ranks it first when it is in the window.
	var ids []int64
	for i := range 6 {
		a := &article.Article{URL: fmt.Sprintf("https://h.test/%d", i), Body: paragraphs(strings.Repeat("harbour boats ", i+1) + "end.")}
		if i == 0 {
			a.Headline = "Harbour"
		}
		ids = append(ids, mustPut(t, s, a, t0))
	}
	search := func(limit, offset int) []int64 {
		hits, err := s.Search(ctx, store.Query{Text: "harbour", Limit: limit, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, h := range hits {
			got = append(got, h.ID)
		}
		return got
	}
	if got := search(1, 0); len(got) != 1 || got[0] != ids[0] {
		t.Errorf("exact ranking: top %v, want the headline match %d", got, ids[0])
	}
	s.rankWindow = 3
	got := search(2, 0)
	if len(got) != 2 || slices.Contains(got, ids[0]) || slices.Contains(got, ids[1]) || slices.Contains(got, ids[2]) {
		t.Errorf("window of 3: hits %v, want 2 of the newest 3 (%v)", got, ids[3:])
	}
	// Paging past the window widens it: nothing is unreachable.
	if got := search(2, 4); len(got) != 2 {
		t.Errorf("page past the window: %v, want 2 hits", got)
	}
}

func TestPutOddText(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		a      article.Article
		search string
	}{
		{"NUL bytes", article.Article{URL: "https://o.test/nul", Headline: "zero\x00byte", Body: paragraphs("before\x00after harbourmaster")}, "harbourmaster"},
		{"invalid UTF-8", article.Article{URL: "https://o.test/utf8", Headline: "bad \xff\xfe bytes", Body: paragraphs("lighthouse \xc3\x28 keeper")}, "lighthouse"},
		{"empty article", article.Article{URL: "https://o.test/empty"}, ""},
		{"huge body", article.Article{URL: "https://o.test/huge", Body: paragraphs(strings.Repeat("tugboat ", 200000))}, "tugboat"},
		{"hostile URL", article.Article{URL: "javascript:alert(1)//%zz\n", Headline: "x", Body: paragraphs("quayside")}, "quayside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := mustPut(t, s, &tt.a, t0)
			st, err := s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Article.URL != tt.a.URL {
				t.Errorf("URL %q, want %q", st.Article.URL, tt.a.URL)
			}
			if tt.search == "" {
				return
			}
			hits, err := s.Search(ctx, store.Query{Text: tt.search})
			if err != nil || len(hits) != 1 || hits[0].ID != id {
				t.Errorf("Search(%q) = %v, %v; want article %d", tt.search, hits, err, id)
			}
		})
	}
}
