package collect

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsclip/newsclip/source"
)

func TestHostSpread(t *testing.T) {
	h := newHostSpread()
	for _, u := range []string{"http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1", "http://c/2", "http://A/4"} {
		h.push(source.Page{URL: u})
	}
	var got []string
	for {
		p, ok := h.pop()
		if !ok {
			break
		}
		got = append(got, strings.TrimPrefix(p.URL, "http://"))
	}
	want := "[a/1 b/1 c/1 a/2 c/2 a/3 A/4]"
	if fmt.Sprint(got) != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if h.n != 0 || len(h.ring) != 0 || len(h.queues) != 0 {
		t.Errorf("not empty: %+v", h)
	}
}

// TestRunSpreadsHosts: a list sorted by host, a slow-paced host first.
// The other host's pages must not wait behind it.
func TestRunSpreadsHosts(t *testing.T) {
	a := newTestSite(0)
	defer a.Close()
	b := newTestSite(0)
	defer b.Close()
	var lines []string
	for i := 0; i < 20; i++ {
		lines = append(lines, fmt.Sprintf("%s/news/%d", a.URL, i))
	}
	lines = append(lines, b.URL+"/news/100", b.URL+"/news/101")
	list := writeList(t, lines...)
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log)
	cfg.Fetch.PerHostConcurrency = 1
	cfg.Fetch.PerHostDelay = 30 * time.Millisecond
	cfg.Fetch.ObeyRobots = false
	sum, err := Run(context.Background(), cfg, []string{list}, st)
	if err != nil || sum.Stored != 22 {
		t.Fatalf("%+v %v", sum, err)
	}
	var stored []string
	for _, l := range strings.Split(log.String(), "\n") {
		if strings.HasPrefix(l, "stored ") {
			stored = append(stored, l)
		}
	}
	for _, l := range stored[len(stored)-5:] {
		if strings.Contains(l, b.URL) {
			t.Errorf("a page of the second host was among the last stored:\n%s", strings.Join(stored, "\n"))
			break
		}
	}
}

// releaseAfter is a log that closes release once n articles were stored.
type releaseAfter struct {
	mu      sync.Mutex
	n       int
	release chan struct{}
}

func (r *releaseAfter) Write(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if bytes.HasPrefix(b, []byte("stored ")) {
		if r.n--; r.n == 0 {
			close(r.release)
		}
	}
	return len(b), nil
}

// TestRunPagesFlowWhileSourcesLoad: pages found so far are collected
// while the source is still reading (here a child sitemap that answers
// only once three pages are stored).
func TestRunPagesFlowWhileSourcesLoad(t *testing.T) {
	release := make(chan struct{})
	var timedOut atomic.Bool
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/index.xml":
			fmt.Fprintf(w, `<sitemapindex><sitemap><loc>%s/fast.xml</loc></sitemap><sitemap><loc>%s/slow.xml</loc></sitemap></sitemapindex>`, base, base)
		case "/fast.xml":
			fmt.Fprintf(w, `<urlset><url><loc>%s/news/1</loc></url><url><loc>%s/news/2</loc></url><url><loc>%s/news/3</loc></url></urlset>`, base, base, base)
		case "/slow.xml":
			select {
			case <-release:
			case <-time.After(3 * time.Second):
				timedOut.Store(true)
			}
			fmt.Fprintf(w, `<urlset><url><loc>%s/news/4</loc></url></urlset>`, base)
		default:
			var i int
			fmt.Sscanf(r.URL.Path, "/news/%d", &i)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML(i))
		}
	}))
	defer srv.Close()
	base = srv.URL
	st := newMemStore()
	cfg := testConfig(nil)
	cfg.Fetch.Timeout = 5 * time.Second
	cfg.Log = &releaseAfter{n: 3, release: release}
	sum, err := Run(context.Background(), cfg, []string{base + "/index.xml"}, st)
	if err != nil || sum.Stored != 4 {
		t.Fatalf("%+v %v", sum, err)
	}
	if timedOut.Load() {
		t.Error("the pages of the first sitemap waited for the second one")
	}
}
