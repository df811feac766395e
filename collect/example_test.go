package collect_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/collect"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/store/sqlite"
)

func ExampleRun() {
	// A small site: a sitemap of two stories.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/sitemap.xml":
			fmt.Fprintf(w, `<urlset><url><loc>http://%s/a</loc></url><url><loc>http://%s/b</loc></url></urlset>`, r.Host, r.Host)
		case "/a", "/b":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><head><title>Story %s</title></head><body><article><h1>Story %s</h1>
<p>The city council approved the new transport plan on Monday after a long debate that ran late into the evening, officials said.</p>
<p>The plan adds three bus lines and a cycle lane along the river, and it will be paid for from the regional budget over five years.</p>
<p>"This is a good day for everyone who takes the bus," the mayor told reporters outside the town hall after the vote.</p>
</article></body></html>`, r.URL.Path, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	dir, _ := os.MkdirTemp("", "collect")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(filepath.Join(dir, "news.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	cfg := collect.Config{
		// The test server is on loopback: allow it past the SSRF guard.
		Fetch:     fetch.Options{AllowPrivate: true, ObeyRobots: true},
		Extractor: newsclip.New(newsclip.WithQuotes(true)),
	}
	sum, err := collect.Run(context.Background(), cfg, []string{srv.URL + "/sitemap.xml"}, st)
	fmt.Println(sum.Stored, sum.ErrorCount(), err)

	// Run again: both pages are finished and not fetched again.
	sum, err = collect.Run(context.Background(), cfg, []string{srv.URL + "/sitemap.xml"}, st)
	fmt.Println(sum.Stored, sum.Finished, err)
	// Output:
	// 2 0 <nil>
	// 0 2 <nil>
}
