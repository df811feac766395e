package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/attribute"
	"github.com/newsclip/newsclip/store/sqlite"
)

// seed is an article built in code; its quotes come from the real
// attributor, so offsets and speakers are what the pipeline would store.
type seed struct {
	url, site, lang, headline string
	published                 string
	section, authors          []string
	body                      []article.Block
}

func para(s string) article.Block { return article.Block{Type: article.Paragraph, Text: s} }

var seeds = []seed{
	{
		url: "https://harbourtimes.example/news/2026/03/02/mayor-rebuild-harbour", site: "Harbour Times", lang: "en",
		headline:  "Mayor vows to rebuild harbour after storm",
		published: "2026-03-02T09:30:00Z",
		section:   []string{"News", "City"}, authors: []string{"Ana Costa"},
		body: []article.Block{
			para("The storm destroyed half of the old harbour on Sunday night, leaving dozens of fishing boats stranded on the quay."),
			para(`"We will rebuild every pier, and we will do it before summer," said Maria Lopez, the mayor of Porto Claro.`),
			{Type: article.FigureBlk, Figure: &article.Figure{Src: testFigure, Alt: "Boats on the quay", Caption: "Boats lie stranded on the quay after the storm.", Credit: "Photo: J. Silva"}},
			{Type: article.Heading, Level: 2, Text: "Emergency funds"},
			para("Lopez told reporters that the city would ask the national government for emergency funds."),
			para(`"The harbour is the heart of this town," said Tomas Reis, a fisherman.`),
		},
	},
	{
		url: "https://coastpost.example/2026/03/10/first-pier", site: "Coast Post", lang: "en",
		headline:  "First pier reopens in Porto Claro",
		published: "2026-03-10T12:00:00Z",
		authors:   []string{"Rui Mendes"},
		body: []article.Block{
			para("Workers finished the first of the harbour's piers a week after the storm."),
			para(`"The first pier is finished, and the boats can come home," said Maria Lopez, the mayor of Porto Claro.`),
		},
	},
	{
		url: "https://harbourtimes.example/news/2026/02/20/council-budget", site: "Harbour Times", lang: "en",
		headline:  "Council approves the city budget",
		published: "2026-02-20T08:00:00Z",
		body: []article.Block{
			para("The city council approved next year's budget by nine votes to two."),
			para(`"This budget keeps every school open," said John Carter, the council's finance chief.`),
		},
	},
}

func (s seed) article(t testing.TB) *article.Article {
	t.Helper()
	pub, err := time.Parse(time.RFC3339, s.published)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{
		URL: s.url, CanonicalURL: s.url, Headline: s.headline, SiteName: s.site, Language: s.lang,
		Section: s.section, Authors: s.authors, Published: &article.Stamp{Time: pub, Source: "test"},
		Body: s.body,
	}
	attribute.Article(a, attribute.Options{})
	return a
}

// testFigure is the path of the seed figure's image: newEnv serves it
// beside the server (from "another site") and rewrites the URL.
const testFigure = "/test-figure.svg"

const figureSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="200" viewBox="0 0 640 200"><rect width="640" height="200" fill="#6a9fc0"/><rect y="150" width="640" height="50" fill="#8a7f6a"/></svg>`

// testEnv is a server over a fresh SQLite store holding the seeds.
type testEnv struct {
	srv *Server
	ts  *httptest.Server
	ids []int64
}

func newEnv(t testing.TB, cfg Config) *testEnv {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &testEnv{}
	var handler http.Handler
	e.ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == testFigure {
			w.Header().Set("Content-Type", "image/svg+xml")
			io.WriteString(w, figureSVG)
			return
		}
		handler.ServeHTTP(w, r)
	}))
	for _, sd := range seeds {
		a := sd.article(t)
		a.Body = append([]article.Block(nil), a.Body...) // the seeds are shared
		for i, b := range a.Body {
			if b.Figure != nil && b.Figure.Src == testFigure {
				f := *b.Figure
				f.Src = e.ts.URL + testFigure
				a.Body[i].Figure = &f
			}
		}
		id, _, err := st.Put(context.Background(), a, time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		e.ids = append(e.ids, id)
	}
	cfg.Store = st
	if cfg.Extractor == nil {
		cfg.Extractor = newsclip.New(newsclip.WithQuotes(true))
	}
	e.srv, err = New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	handler = e.srv
	t.Cleanup(func() {
		e.ts.Close()
		e.srv.Close()
	})
	return e
}

// do sends a request and returns the status, the headers and the body.
func (e *testEnv) do(t testing.TB, method, path, contentType, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, e.ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// decode unmarshals JSON or fails the test.
func decode[T any](t testing.TB, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

// newsPage is a small news page with two attributable quotes.
const newsPage = `<!doctype html><html lang="en"><head><title>Bridge to close for repairs | Valley Daily</title>
<meta property="og:site_name" content="Valley Daily">
<meta property="article:published_time" content="2026-04-01T10:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Bridge to close for repairs</h1>
<p>The old river bridge will close for three months from May, the county said on Tuesday, after inspectors found cracks in two of its arches.</p>
<p>"Nobody will cross this bridge until it is safe," said Helen Park, the county engineer, at a news conference on Tuesday afternoon.</p>
<p>Drivers will be sent on a detour through the town centre, which shopkeepers fear will bring traffic jams to the high street for the whole summer.</p>
<p>"We expect long queues in the first weeks," said Omar Haddad, who runs a bakery near the bridge and has asked the county for help.</p>
</article><footer><p>Copyright Valley Daily. All rights reserved.</p></footer></body></html>`
