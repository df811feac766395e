package collect

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/newsclip/newsclip/article"
)

// testExtractor stands in for the real extractor: the <h1> is the
// headline, the <p>s the body. A page that says EXTRACT-FAIL fails.
type testExtractor struct{}

var (
	h1Re = regexp.MustCompile(`(?s)<h1>(.*?)</h1>`)
	pRe  = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
)

func (testExtractor) ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error) {
	if bytes.Contains(page, []byte("EXTRACT-PANIC")) {
		var blocks []article.Block
		_ = blocks[len(page)] // an extractor bug
	}
	if bytes.Contains(page, []byte("EXTRACT-FAIL")) {
		return nil, fmt.Errorf("extract %s: no article content", pageURL)
	}
	a := &article.Article{URL: pageURL, Body: []article.Block{}}
	if m := h1Re.FindSubmatch(page); m != nil {
		a.Headline = string(m[1])
	}
	for _, m := range pRe.FindAllSubmatch(page, -1) {
		a.Body = append(a.Body, article.Block{Type: article.Paragraph, Text: string(m[1])})
	}
	return a, nil
}

// testSite is a news site with every kind of trouble. Hits are counted
// per path.
type testSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func (s *testSite) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func articleHTML(i int) string {
	return fmt.Sprintf(`<!doctype html><html><head><title>Story %d</title></head><body><h1>Story %d</h1><p>Paragraph one of story %d.</p><p>"We will see," the minister said.</p></body></html>`, i, i, i)
}

func newTestSite(articles int) *testSite {
	s := &testSite{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		base := "http://" + r.Host
		p := r.URL.Path
		switch {
		case p == "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nSitemap: %s/sitemap.xml\n", base)
		case strings.HasPrefix(p, "/news/"):
			var i int
			fmt.Sscanf(p, "/news/%d", &i)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("ETag", fmt.Sprintf(`"a%d"`, i))
			if r.Header.Get("If-None-Match") == fmt.Sprintf(`"a%d"`, i) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			io.WriteString(w, articleHTML(i))
		case p == "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			io.WriteString(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := 0; i < articles; i++ {
				fmt.Fprintf(w, "<url><loc>%s/news/%d</loc></url>", base, i)
			}
			io.WriteString(w, "</urlset>")
		case p == "/feed.xml":
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>t</title><item><link>%s/news/0</link></item><item><link>%s/news/1</link></item></channel></rss>`, base, base)
		case p == "/bad-feed.xml":
			io.WriteString(w, `<rss version="2.0"><channel><item><link>`)
		case p == "/bad-sitemap.xml":
			fmt.Fprintf(w, `<urlset><url><loc>%s/news/1</loc></url><url><loc>%s/news/2</lo`, base, base)
		case p == "/private/secret":
			io.WriteString(w, articleHTML(999))
		case p == "/slow":
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		case p == "/fail":
			w.WriteHeader(http.StatusInternalServerError)
		case p == "/missing":
			http.NotFound(w, r)
		case p == "/loop1":
			http.Redirect(w, r, "/loop2", http.StatusFound)
		case p == "/loop2":
			http.Redirect(w, r, "/loop1", http.StatusFound)
		case p == "/moved":
			http.Redirect(w, r, "/news/7", http.StatusMovedPermanently)
		case p == "/huge":
			w.Header().Set("Content-Type", "text/html")
			w.Write(bytes.Repeat([]byte("<p>x</p>"), 1<<17))
		case p == "/binary":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3})
		case p == "/pdf":
			w.Header().Set("Content-Type", "application/pdf")
			io.WriteString(w, "%PDF-1.4")
		case p == "/panic":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><body>EXTRACT-PANIC</body></html>")
		case p == "/not-an-article":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><body>EXTRACT-FAIL</body></html>")
		default:
			http.NotFound(w, r)
		}
	})
	s.Server = httptest.NewServer(mux)
	return s
}

var errTest = errors.New("test")
