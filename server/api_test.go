package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

func TestArticlesSearch(t *testing.T) {
	e := newEnv(t, Config{})
	tests := []struct {
		name  string
		query string
		want  []string // headlines, in order
		next  bool
	}{
		{"text", "?q=harbour", []string{"Mayor vows to rebuild harbour after storm", "First pier reopens in Porto Claro"}, false},
		{"no filter lists newest first", "", []string{"First pier reopens in Porto Claro", "Mayor vows to rebuild harbour after storm", "Council approves the city budget"}, false},
		{"site", "?site=harbourtimes.example", []string{"Mayor vows to rebuild harbour after storm", "Council approves the city budget"}, false},
		{"from date", "?from=2026-03-01", []string{"First pier reopens in Porto Claro", "Mayor vows to rebuild harbour after storm"}, false},
		{"to date is inclusive", "?to=2026-03-02", []string{"Mayor vows to rebuild harbour after storm", "Council approves the city budget"}, false},
		{"range", "?from=2026-03-02&to=2026-03-09", []string{"Mayor vows to rebuild harbour after storm"}, false},
		{"speaker", "?speaker=John%20Carter", []string{"Council approves the city budget"}, false},
		{"language", "?lang=pt", nil, false},
		{"limit pages", "?limit=2", []string{"First pier reopens in Porto Claro", "Mayor vows to rebuild harbour after storm"}, true},
		{"offset", "?limit=2&offset=2", []string{"Council approves the city budget"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, h, b := e.do(t, "GET", "/v1/articles"+tc.query, "", "")
			if status != http.StatusOK {
				t.Fatalf("status %d: %s", status, b)
			}
			if ct := h.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			p := decode[page[store.Hit]](t, b)
			var got []string
			for _, hit := range p.Items {
				got = append(got, hit.Headline)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("headlines\n got %q\nwant %q", got, tc.want)
			}
			if (p.NextOffset != nil) != tc.next {
				t.Errorf("next_offset %v, want present=%v", p.NextOffset, tc.next)
			}
		})
	}
}

// TestProblems checks the status and problem code of every kind of bad
// request.
func TestProblems(t *testing.T) {
	e := newEnv(t, Config{MaxBodyBytes: 4096})
	big := strings.Repeat("<p>filler text</p>", 1000)
	tests := []struct {
		name, method, path, ct, body string
		status                       int
		code                         string
	}{
		{"limit zero", "GET", "/v1/articles?limit=0", "", "", 400, "bad-parameter"},
		{"limit too big", "GET", "/v1/articles?limit=100000", "", "", 400, "bad-parameter"},
		{"offset negative", "GET", "/v1/quotes?offset=-1", "", "", 400, "bad-parameter"},
		{"bad date", "GET", "/v1/articles?from=yesterday", "", "", 400, "bad-parameter"},
		{"to before from", "GET", "/v1/articles?from=2026-03-05&to=2026-03-01", "", "", 400, "bad-parameter"},
		{"id not a number", "GET", "/v1/articles/abc", "", "", 400, "bad-parameter"},
		{"id unknown", "GET", "/v1/articles/999", "", "", 404, "not-found"},
		{"no such endpoint", "GET", "/v1/nothing", "", "", 404, "not-found"},
		{"wrong method", "DELETE", "/v1/articles", "", "", 405, "method-not-allowed"},
		{"GET extract", "GET", "/v1/extract", "", "", 405, "method-not-allowed"},
		{"no content type", "POST", "/v1/extract", "", "<p>x</p>", 415, "unsupported-media-type"},
		{"xml body", "POST", "/v1/extract", "application/xml", "<a/>", 415, "unsupported-media-type"},
		{"body too large", "POST", "/v1/extract", "text/html", big, 413, "body-too-large"},
		{"json too large", "POST", "/v1/extract", "application/json", `{"url":"https://a.example/` + big + `"}`, 413, "body-too-large"},
		{"empty page", "POST", "/v1/extract", "text/html", "", 400, "empty-body"},
		{"bad json", "POST", "/v1/extract", "application/json", `{"url":`, 400, "bad-json"},
		{"unknown json field", "POST", "/v1/extract", "application/json", `{"href":"https://a.example/"}`, 400, "bad-json"},
		{"no url", "POST", "/v1/extract", "application/json", `{}`, 400, "bad-json"},
		{"ftp url", "POST", "/v1/extract", "application/json", `{"url":"ftp://a.example/x"}`, 400, "bad-url"},
		{"relative url", "POST", "/v1/extract", "application/json", `{"url":"/etc/passwd"}`, 400, "bad-url"},
		{"bad base url", "POST", "/v1/extract?url=javascript:alert(1)", "text/html", newsPage, 400, "bad-url"},
		{"binary page", "POST", "/v1/extract", "text/html", "\x00\x01\x02\x03\x89PNG\r\n\x1a\n\x00\x00", 422, "extract-failed"},
		{"collect not json", "POST", "/v1/collect", "text/plain", "x", 415, "unsupported-media-type"},
		{"collect no sources", "POST", "/v1/collect", "application/json", `{"sources":[]}`, 400, "bad-json"},
		{"collect local file", "POST", "/v1/collect", "application/json", `{"sources":["/etc/passwd"]}`, 422, "bad-source"},
		{"collect file url", "POST", "/v1/collect", "application/json", `{"sources":["file:///etc/passwd"]}`, 422, "bad-source"},
		{"collect bad max", "POST", "/v1/collect", "application/json", `{"sources":["https://a.example/"],"max_pages":-1}`, 422, "bad-max-pages"},
		{"job unknown", "GET", "/v1/jobs/42", "", "", 404, "not-found"},
		{"query without words", "GET", "/v1/articles?q=%22%27*", "", "", 400, "bad-query"},
		{"query of operators", "GET", "/v1/articles?q=AND", "", "", 400, "bad-query"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, h, b := e.do(t, tc.method, tc.path, tc.ct, tc.body)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, b)
			}
			if ct := h.Get("Content-Type"); ct != "application/problem+json" {
				t.Fatalf("Content-Type %q, want application/problem+json", ct)
			}
			p := decode[Problem](t, b)
			if p.Status != tc.status || p.Code != tc.code || p.Type != "about:blank" || p.Title != http.StatusText(tc.status) || p.Detail == "" {
				t.Errorf("problem %+v, want status %d code %s", p, tc.status, tc.code)
			}
			if tc.status == 405 && h.Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
		})
	}
}

// TestOddQueries: whatever people type into the search box gives results
// or a 400, never a 500.
func TestOddQueries(t *testing.T) {
	e := newEnv(t, Config{})
	for _, q := range []string{`"`, `AND`, `*`, `NEAR(`, `-`, `harbour OR`, `a:b`, `"harbour`, `(`, `^`, "\x00", `'`, `harbour*`, `ü`, `-harbour`, `NOT`} {
		for _, path := range []string{"/v1/articles?q=", "/v1/quotes?q=", "/v1/quotes?speaker=", "/?q="} {
			status, _, b := e.do(t, "GET", path+url.QueryEscape(q), "", "")
			if status != 200 && status != 400 {
				t.Errorf("%s%q: status %d: %s", path, q, status, b)
			}
		}
	}
}

func TestArticleAndQuotes(t *testing.T) {
	e := newEnv(t, Config{})
	status, _, b := e.do(t, "GET", fmt.Sprintf("/v1/articles/%d", e.ids[0]), "", "")
	if status != 200 {
		t.Fatalf("status %d: %s", status, b)
	}
	st := decode[store.Stored](t, b)
	if st.ID != e.ids[0] || st.Article.Headline != seeds[0].headline || len(st.Article.Body) != len(seeds[0].body) {
		t.Errorf("got article %d %q with %d blocks", st.ID, st.Article.Headline, len(st.Article.Body))
	}

	status, _, b = e.do(t, "GET", "/v1/quotes?speaker=maria%20lopez", "", "")
	if status != 200 {
		t.Fatalf("status %d: %s", status, b)
	}
	qs := decode[page[store.QuoteHit]](t, b)
	var texts []string
	for _, q := range qs.Items {
		if q.Quote.Speaker == nil || q.Quote.Speaker.Name != "Maria Lopez" {
			t.Errorf("quote %q by %v", q.Quote.Text, q.Quote.Speaker)
		}
		texts = append(texts, q.Quote.Text)
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"We will rebuild every pier", "The first pier is finished"} {
		if !strings.Contains(all, want) {
			t.Errorf("quotes of Maria Lopez lack %q: %q", want, texts)
		}
	}

	status, _, b = e.do(t, "GET", "/v1/quotes?q=heart%20of%20this%20town", "", "")
	qs = decode[page[store.QuoteHit]](t, b)
	if status != 200 || len(qs.Items) != 1 || qs.Items[0].Quote.Speaker == nil || qs.Items[0].Quote.Speaker.Name != "Tomas Reis" {
		t.Errorf("quote search: status %d, %s", status, b)
	}

	status, _, b = e.do(t, "GET", "/v1/speakers", "", "")
	sp := decode[page[store.SpeakerSummary]](t, b)
	if status != 200 || len(sp.Items) == 0 || sp.Items[0].Name != "Maria Lopez" || sp.Items[0].Quotes < 2 {
		t.Errorf("speakers: status %d, %s", status, b)
	}
}

func TestExtractPosted(t *testing.T) {
	e := newEnv(t, Config{})
	tests := []struct {
		name, ct, path, body string
		headline             string
		speakers             []string
	}{
		{"html", "text/html; charset=utf-8", "/v1/extract?url=https://valley.example/bridge", newsPage, "Bridge to close for repairs", []string{"Helen Park", "Omar Haddad"}},
		{"xhtml", "application/xhtml+xml", "/v1/extract", newsPage, "Bridge to close for repairs", []string{"Helen Park", "Omar Haddad"}},
		{"plain text", "text/plain", "/v1/extract",
			"Bridge to close for repairs\n\n\"Nobody will cross this bridge until it is safe,\" said Helen Park, the county engineer, on Tuesday.\n\n\"We expect long queues in the first weeks,\" said Omar Haddad, who runs a bakery near the bridge.\n",
			"Bridge to close for repairs", []string{"Helen Park", "Omar Haddad"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, _, b := e.do(t, "POST", tc.path, tc.ct, tc.body)
			if status != 200 {
				t.Fatalf("status %d: %s", status, b)
			}
			a := decode[article.Article](t, b)
			if a.Headline != tc.headline {
				t.Errorf("headline %q, want %q", a.Headline, tc.headline)
			}
			got := map[string]bool{}
			for _, q := range a.Quotes {
				if q.Speaker != nil {
					got[q.Speaker.Name] = true
				}
			}
			for _, s := range tc.speakers {
				if !got[s] {
					t.Errorf("no quote by %s in %s", s, b)
				}
			}
		})
	}
	// The url parameter names the page; the server never fetches it.
	status, _, b := e.do(t, "POST", "/v1/extract?url=https://valley.example/bridge", "text/html", newsPage)
	if a := decode[article.Article](t, b); status != 200 || a.URL != "https://valley.example/bridge" {
		t.Errorf("url parameter: status %d, article URL %q", status, a.URL)
	}
}

// TestOpenAPI checks that the document is served, is the copy in docs/,
// and names every API route the server answers.
func TestOpenAPI(t *testing.T) {
	e := newEnv(t, Config{})
	status, h, b := e.do(t, "GET", "/v1/openapi.json", "", "")
	if status != 200 || h.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, Content-Type %q", status, h.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	routes := map[string]string{
		"/v1/extract": "post", "/v1/articles": "get", "/v1/articles/{id}": "get", "/v1/quotes": "get",
		"/v1/speakers": "get", "/v1/collect": "post", "/v1/jobs/{id}": "get", "/v1/openapi.json": "get",
	}
	for path, method := range routes {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("document lacks %s %s", method, path)
		}
	}
	if len(doc.Paths) != len(routes) {
		t.Errorf("document has %d paths, the server %d", len(doc.Paths), len(routes))
	}
	// Every $ref points at a component that exists.
	var whole map[string]any
	if err := json.Unmarshal(b, &whole); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	refs := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); ok && k == "$ref" {
					refs++
					var at any = whole
					for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
						m, ok := at.(map[string]any)
						if !ok {
							at = nil
							break
						}
						at = m[part]
					}
					if at == nil {
						t.Errorf("dangling $ref %s", ref)
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(whole)
	if refs < 20 {
		t.Errorf("only %d $refs found: is the walk broken?", refs)
	}
	docs, err := os.ReadFile("../docs/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(docs) != string(openAPI) {
		t.Error("docs/openapi.json differs from server/openapi.json: copy server/openapi.json to docs/")
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t, Config{})
	for _, path := range []string{"/", "/v1/articles", "/static/style.css", "/nowhere"} {
		_, h, _ := e.do(t, "GET", path, "", "")
		for _, k := range []string{"X-Content-Type-Options", "Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"} {
			if h.Get(k) == "" {
				t.Errorf("%s: no %s", path, k)
			}
		}
		if csp := h.Get("Content-Security-Policy"); strings.Contains(csp, "script-src") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q allows scripts", path, csp)
		}
	}
}

func TestNewNeedsStoreAndExtractor(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New without a store: no error")
	}
	e := newEnv(t, Config{})
	if _, err := New(Config{Store: e.srv.cfg.Store}); err == nil {
		t.Error("New without an extractor: no error")
	}
}

// gatedExtractor counts the extractions running at once.
type gatedExtractor struct {
	mu        sync.Mutex
	running   int
	most      int
	release   chan struct{}
	started   chan struct{}
	extractor Extractor
}

func (g *gatedExtractor) ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error) {
	g.mu.Lock()
	g.running++
	g.most = max(g.most, g.running)
	g.mu.Unlock()
	g.started <- struct{}{}
	<-g.release
	g.mu.Lock()
	g.running--
	g.mu.Unlock()
	return g.extractor.ExtractBytes(ctx, page, contentType, pageURL)
}

// TestMaxExtractions: no more extractions run at once than the limit;
// the others wait their turn and are answered.
func TestMaxExtractions(t *testing.T) {
	g := &gatedExtractor{release: make(chan struct{}), started: make(chan struct{}, 10), extractor: newsclip.New(newsclip.WithQuotes(true))}
	e := newEnv(t, Config{Extractor: g, MaxExtractions: 2})
	const n = 5
	statuses := make(chan int, n)
	for i := 0; i < n; i++ {
		go func() {
			resp, err := e.ts.Client().Post(e.ts.URL+"/v1/extract", "text/html", strings.NewReader(newsPage))
			if err != nil {
				statuses <- 0
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	<-g.started
	<-g.started
	select {
	case <-g.started:
		t.Fatal("a third extraction started while two were running")
	case <-time.After(200 * time.Millisecond):
	}
	close(g.release)
	for i := 0; i < n; i++ {
		if s := <-statuses; s != 200 {
			t.Errorf("request answered %d", s)
		}
	}
	if g.most != 2 {
		t.Errorf("at most %d extractions ran at once, want 2", g.most)
	}
}

// syncBuffer is a buffer safe to write from the server and read here.
type syncBuffer struct {
	mu sync.Mutex
	sb strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sb.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sb.String()
}

func TestAccessLog(t *testing.T) {
	var log syncBuffer
	e := newEnv(t, Config{AccessLog: &log})
	e.do(t, "GET", "/v1/articles?q=pier", "", "")
	e.do(t, "GET", "/v1/articles/999", "", "")
	// The line is written once the handler returns, maybe after the
	// client has read the answer.
	var lines []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if lines = strings.Split(strings.TrimSpace(log.String()), "\n"); len(lines) == 2 {
			break
		}
	}
	if len(lines) != 2 || !strings.Contains(lines[0], "GET /v1/articles?q=pier 200 ") || !strings.Contains(lines[1], "GET /v1/articles/999 404 ") {
		t.Errorf("access log:\n%s", log.String())
	}
}
