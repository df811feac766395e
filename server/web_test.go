package server

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

func TestReaderPages(t *testing.T) {
	e := newEnv(t, Config{})
	tests := []struct {
		name, method, path, ct, body string
		status                       int
		want                         []string // substrings of the HTML
		not                          []string
	}{
		{"search form", "GET", "/", "", "", 200,
			[]string{`<form class="filters"`, `name="q"`, "Council approves the city budget", `href="/articles/1"`}, nil},
		{"search hits", "GET", "/?q=pier", "", "", 200,
			[]string{"First pier reopens in Porto Claro", `value="pier"`}, []string{"Council approves"}},
		{"search escapes input", "GET", "/?q=%3Cscript%3Ealert(1)%3C/script%3E", "", "", 200,
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script>"}},
		{"search bad date", "GET", "/?from=soon", "", "", 400, []string{`role="alert"`, "parameter from"}, nil},
		{"paging links", "GET", "/?limit=1", "", "", 200, []string{`rel="next"`, "offset=1"}, []string{`rel="prev"`}},
		{"article", "GET", "/articles/1", "", "", 200, []string{
			"<h1>", "Mayor vows", `<p class="section">News / City</p>`, "By Ana Costa",
			`<figcaption>Boats lie stranded on the quay after the storm. <span class="credit">Photo: J. Silva</span></figcaption>`,
			`<mark class="q q-direct" data-quote="2" title="Maria Lopez">&#34;We will rebuild every pier, and we will do it before summer,&#34;</mark><span class="who"> — <a href="/speakers/Maria%20Lopez">Maria Lopez</a>`,
			`<h2>Emergency funds</h2>`, `<table class="quotes">`, `id="quote-2"`,
		}, nil},
		{"article unknown", "GET", "/articles/77", "", "", 404, []string{"There is no article 77."}, nil},
		{"article bad id", "GET", "/articles/x", "", "", 400, []string{"parameter id"}, nil},
		{"speakers", "GET", "/speakers", "", "", 200, []string{`<a href="/speakers/Maria%20Lopez">Maria Lopez</a>`, "Tomas Reis"}, nil},
		{"speaker", "GET", "/speakers/maria%20lopez", "", "", 200, []string{
			"<h1>Maria Lopez</h1>", "<svg", `role="img"`, "We will rebuild every pier", "The first pier is finished",
			"counted per day",
		}, nil},
		{"speaker unknown", "GET", "/speakers/Nobody", "", "", 404, []string{"No quotes by"}, nil},
		{"extract form", "GET", "/extract", "", "", 200, []string{`<form class="extract" method="post"`, `name="html"`}, nil},
		{"extract pasted", "POST", "/extract", "application/x-www-form-urlencoded", "html=" + url.QueryEscape(newsPage), 200, []string{
			"Bridge to close for repairs", `title="Helen Park"`, `<a href="/speakers/Omar%20Haddad">Omar Haddad</a>`, `<table class="quotes">`,
		}, nil},
		{"extract empty", "POST", "/extract", "application/x-www-form-urlencoded", "html=&url=", 400, []string{"Give a URL or paste a page."}, nil},
		{"extract bad url", "POST", "/extract", "application/x-www-form-urlencoded", "url=notaurl", 400, []string{"is not an absolute http or https URL"}, nil},
		{"wrong method", "DELETE", "/speakers", "", "", 405, []string{"405 Method Not Allowed"}, nil},
		{"unknown page", "GET", "/nowhere", "", "", 404, []string{"There is no page at /nowhere."}, nil},
		{"stylesheet", "GET", "/static/style.css", "", "", 200, []string{"mark.q"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, h, b := e.do(t, tc.method, tc.path, tc.ct, tc.body)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, b)
			}
			if !strings.HasSuffix(tc.path, ".css") && h.Get("Content-Type") != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", h.Get("Content-Type"))
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(string(b), w) {
					t.Errorf("page has %q", w)
				}
			}
		})
	}
}

// TestReaderPasteTooLarge: the form body is limited like the API's.
func TestReaderPasteTooLarge(t *testing.T) {
	e := newEnv(t, Config{MaxBodyBytes: 1024})
	status, _, b := e.do(t, "POST", "/extract", "application/x-www-form-urlencoded", "html="+strings.Repeat("a", 4096))
	if status != 413 || !strings.Contains(string(b), "exceeds 1024 bytes") {
		t.Errorf("status %d: %s", status, b)
	}
}

func TestLayoutArticle(t *testing.T) {
	a := &article.Article{
		Headline: "Héadline",
		Body: []article.Block{
			{Type: article.Paragraph, Text: `"One," he said, "two."`},
			{Type: article.FigureBlk, Figure: &article.Figure{Caption: "Cap"}},
			{Type: article.FigureBlk, Figure: &article.Figure{}}, // empty: not in Text
			{Type: article.List, Items: []string{"alpha", "beta gamma"}},
			{Type: article.Paragraph, Text: "tail"},
		},
	}
	text := a.Text()
	at := func(s string) int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, text)
		}
		return i
	}
	one, two := at(`"One,"`), at(`"two."`)
	gamma := at("gamma")
	a.Quotes = []article.Quote{
		{Text: `"One," "two."`, Start: one, End: two + len(`"two."`), Kind: "direct", Speaker: &article.Entity{Name: "Al"},
			Parts: []article.Mention{{Start: one, End: one + len(`"One,"`)}, {Start: two, End: two + len(`"two."`)}}},
		{Text: "gamma", Start: gamma, End: gamma + 5, Kind: "indirect"},
		{Text: "bad", Start: 2, End: 3},                         // inside "é": not on a rune boundary
		{Text: "out", Start: len(text) - 2, End: len(text) + 9}, // past the end
		{Text: "tai", Start: at("tail"), End: at("tail") + 3, Kind: "partial", Speaker: &article.Entity{Name: "Bo"}},
	}
	p := layoutArticle(a)
	show := func(segs []seg) string {
		var sb strings.Builder
		for _, s := range segs {
			if s.N == 0 {
				sb.WriteString(s.Text)
				continue
			}
			fmt.Fprintf(&sb, "[%d:%s", s.N, s.Text)
			if s.Label {
				fmt.Fprintf(&sb, "|%s", s.Speaker)
			}
			sb.WriteString("]")
		}
		return sb.String()
	}
	if got := show(p.Headline); got != "Héadline" {
		t.Errorf("headline %q", got)
	}
	if len(p.Blocks) != 4 {
		t.Fatalf("%d blocks, want 4 (the empty figure is not laid out)", len(p.Blocks))
	}
	if got, want := show(p.Blocks[0].Segs), `[1:"One,"] he said, [1:"two."|Al]`; got != want {
		t.Errorf("paragraph %q, want %q", got, want)
	}
	if p.Blocks[1].Figure == nil || p.Blocks[1].Figure.Caption != "Cap" || p.Blocks[1].Segs != nil {
		t.Errorf("figure %+v", p.Blocks[1])
	}
	if got := show(p.Blocks[2].Items[0]) + "/" + show(p.Blocks[2].Items[1]); got != "alpha/beta [2:gamma|]" {
		t.Errorf("list %q", got)
	}
	if got := show(p.Blocks[3].Segs); got != "[5:tai|Bo]l" {
		t.Errorf("tail %q", got)
	}
	if len(p.Quotes) != 5 || p.Quotes[0].Speaker != "Al" || p.Quotes[1].Speaker != "" {
		t.Errorf("quote rows %+v", p.Quotes)
	}
}

func TestTimeline(t *testing.T) {
	at := func(day string) store.QuoteHit {
		d, _ := time.Parse(time.DateOnly, day)
		return store.QuoteHit{Published: &d}
	}
	withWhen := at("2026-01-01")
	withWhen.Quote.When = &article.When{Text: "on Friday", Date: "2026-01-03"}
	tests := []struct {
		name   string
		qs     []store.QuoteHit
		unit   string
		counts []int
		first  string
	}{
		{"one day", []store.QuoteHit{at("2026-03-02"), at("2026-03-02")}, "day", []int{2}, "2 Mar 2026"},
		{"days with gaps", []store.QuoteHit{at("2026-03-02"), at("2026-03-04"), at("2026-03-04")}, "day", []int{1, 0, 2}, "2 Mar 2026"},
		{"resolved date wins", []store.QuoteHit{withWhen, at("2026-01-01")}, "day", []int{1, 0, 1}, "1 Jan 2026"},
		// 2026-01-07 is a Wednesday: weeks start on Monday 5 January.
		{"weeks beyond 60 days", []store.QuoteHit{at("2026-01-07"), at("2026-01-11"), at("2026-03-20")}, "week", []int{2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, "5 Jan 2026"},
		{"months beyond two years", []store.QuoteHit{at("2023-11-30"), at("2023-11-01"), at("2026-01-15")}, "month", append(append([]int{2}, make([]int, 25)...), 1), "Nov 2023"},
		{"years beyond fifty", []store.QuoteHit{at("1901-06-01"), at("2026-01-15")}, "year", append(append([]int{1}, make([]int, 124)...), 1), "1901"},
		{"year one does not overflow", []store.QuoteHit{at("0001-01-01"), at("2026-01-15")}, "year", append(append([]int{1}, make([]int, 2024)...), 1), "0001"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := timeline(tc.qs)
			var counts []int
			for _, b := range c.Bars {
				counts = append(counts, b.Count)
				if b.Y+b.H != float64(c.Baseline) || b.H < 0 {
					t.Errorf("bar %+v does not stand on the baseline %d", b, c.Baseline)
				}
			}
			if c.Unit != tc.unit || fmt.Sprint(counts) != fmt.Sprint(tc.counts) || c.First != tc.first {
				t.Errorf("unit %s counts %v first %s; want %s %v %s", c.Unit, counts, c.First, tc.unit, tc.counts, tc.first)
			}
			tallest := c.Bars[0]
			for _, b := range c.Bars {
				if b.Count > tallest.Count {
					tallest = b
				}
			}
			if tallest.Y != float64(c.PlotTop) {
				t.Errorf("the tallest bar starts at %v, want the top %d", tallest.Y, c.PlotTop)
			}
		})
	}
	if c := timeline(nil); len(c.Bars) != 0 {
		t.Errorf("no quotes gave %d bars", len(c.Bars))
	}
}

// TestArticleHighlightsEveryQuote: every quote of a stored article with
// valid offsets is marked in the page, with its speaker's name after it.
func TestArticleHighlightsEveryQuote(t *testing.T) {
	e := newEnv(t, Config{})
	for i, id := range e.ids {
		_, _, b := e.do(t, "GET", fmt.Sprintf("/articles/%d", id), "", "")
		a := seeds[i].article(t)
		marks := regexp.MustCompile(`data-quote="(\d+)"`).FindAllStringSubmatch(string(b), -1)
		seen := map[string]bool{}
		for _, m := range marks {
			seen[m[1]] = true
		}
		if len(a.Quotes) == 0 {
			t.Fatalf("seed %d has no quotes: the attributor found none", i)
		}
		for n, q := range a.Quotes {
			if !seen[fmt.Sprint(n+1)] {
				t.Errorf("article %d: quote %d %q is not marked", id, n+1, q.Text)
			}
			if q.Speaker != nil && !strings.Contains(string(b), `— <a href="/speakers/`+url.PathEscape(q.Speaker.Name)+`">`) {
				t.Errorf("article %d: speaker %s is not named after the quote", id, q.Speaker.Name)
			}
		}
	}
}
