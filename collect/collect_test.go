package collect

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/source"
)

// testConfig is fast and polite enough for loopback test servers.
func testConfig(log *bytes.Buffer) Config {
	return Config{
		Fetch: fetch.Options{
			// A timeout far above a loopback answer even under -race on
			// a busy machine, far below the slow handlers' 3 s; no
			// retries of timeouts, to keep the tests quick.
			AllowPrivate: true, ObeyRobots: true, Timeout: time.Second, Retries: -1,
			MaxBytes: 256 << 10, RetryBase: time.Millisecond, MaxRetryWait: 10 * time.Millisecond,
			PerHostConcurrency: 4,
		},
		Workers:   4,
		Extractor: testExtractor{},
		Log:       log,
	}
}

func writeList(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "urls.txt")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunSitemap(t *testing.T) {
	site := newTestSite(20)
	defer site.Close()
	st := newMemStore()
	var log bytes.Buffer
	sum, err := Run(context.Background(), testConfig(&log), []string{site.URL + "/sitemap.xml"}, st)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 20 || sum.Pages != 20 || sum.Fetched != 21 || sum.ErrorCount() != 0 {
		t.Fatalf("summary: %+v\n%s", sum, log.String())
	}
	urls := st.urls()
	for i := 0; i < 20; i++ {
		if u := fmt.Sprintf("%s/news/%d", site.URL, i); urls[u] != 1 {
			t.Errorf("%s stored %d times", u, urls[u])
		}
	}
	if n := strings.Count(log.String(), "stored "); n != 20 {
		t.Errorf("%d stored lines", n)
	}
	// A second run fetches only the sitemap: every page is finished.
	sum, err = Run(context.Background(), testConfig(&log), []string{site.URL + "/sitemap.xml"}, st)
	if err != nil || sum.Finished != 20 || sum.Fetched != 1 || sum.Pages != 0 {
		t.Errorf("re-run: %+v %v", sum, err)
	}
	for i := 0; i < 20; i++ {
		if h := site.hit(fmt.Sprintf("/news/%d", i)); h != 1 {
			t.Errorf("/news/%d fetched %d times", i, h)
		}
	}
	// --refresh revisits them conditionally: all unchanged.
	cfg := testConfig(&log)
	cfg.Refresh = true
	sum, err = Run(context.Background(), cfg, []string{site.URL + "/sitemap.xml"}, st)
	if err != nil || sum.Unchanged != 20 || sum.Stored != 0 || len(st.articles) != 20 {
		t.Errorf("refresh: %+v %v", sum, err)
	}
}

// TestRunTroubles feeds the collector every kind of bad input; each gets
// a clear line in the log and the good pages are still stored.
func TestRunTroubles(t *testing.T) {
	site := newTestSite(5)
	defer site.Close()
	u := site.URL
	list := writeList(t,
		"# troubles",
		u+"/news/1",
		u+"/private/secret",
		u+"/slow",
		u+"/fail",
		u+"/missing",
		u+"/loop1",
		u+"/huge",
		u+"/binary",
		u+"/pdf",
		u+"/not-an-article",
		u+"/panic",
		u+"/moved",
		"not a url",
		u+"/news/2",
	)
	warc := filepath.Join(t.TempDir(), "cut.warc.gz")
	writeWARC(t, warc, 4, true)
	st := newMemStore()
	var log bytes.Buffer
	sum, err := Run(context.Background(), testConfig(&log), []string{
		list, u + "/bad-feed.xml", u + "/bad-sitemap.xml", u + "/feed.xml", warc,
		filepath.Join(t.TempDir(), "does-not-exist"),
	}, st)
	if err != nil {
		t.Fatal(err)
	}
	out := log.String()
	wantLines := []string{
		"error " + u + "/private/secret robots: ",
		"error " + u + "/slow timeout: ",
		"error " + u + "/fail http-5xx: HTTP status 500",
		"error " + u + "/missing http-4xx: HTTP status 404",
		"error " + u + "/loop1 redirect: ",
		"redirect loop",
		"error " + u + "/huge too-large: ",
		"response exceeds 262144 bytes",
		"skip " + u + "/binary not HTML (application/octet-stream)",
		"skip " + u + "/pdf not HTML (application/pdf)",
		"error " + u + "/not-an-article extract: ",
		"error " + u + "/panic extract: extractor panicked on " + u + "/panic: runtime error: index out of range",
		"urls.txt:14: not an absolute http(s) URL",
		"/bad-feed.xml source: ",
		"/bad-sitemap.xml source: ",
		"malformed XML",
		"truncated: ",
		"does-not-exist source: ",
	}
	for _, w := range wantLines {
		if !strings.Contains(out, w) {
			t.Errorf("log lacks %q", w)
		}
	}
	urls := st.urls()
	for _, want := range []string{u + "/news/1", u + "/news/2", u + "/news/7", u + "/news/0"} {
		if urls[want] != 1 {
			t.Errorf("%s stored %d times", want, urls[want])
		}
	}
	// The WARC file was cut inside its last record: the others are kept.
	for i := 0; i < 3; i++ {
		if w := fmt.Sprintf("https://archive.example/story/%d", i); urls[w] != 1 {
			t.Errorf("%s from the WARC file stored %d times", w, urls[w])
		}
	}
	if site.hit("/private/secret") != 0 {
		t.Error("a page disallowed by robots.txt was fetched")
	}
	if !strings.Contains(out, "skip https://archive.example/old archived HTTP status 301") {
		t.Error("archived redirect not reported as skipped")
	}
	if sum.NonHTML != 2 || sum.Archived != 1 || sum.Errors["robots"] != 1 || sum.Errors["redirect"] != 1 || sum.Errors["truncated"] != 1 {
		t.Errorf("summary: %v", sum)
	}
	if !strings.Contains(sum.String(), "skipped non-HTML 2") {
		t.Errorf("summary text: %s", sum)
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("log:\n%s\n%s", out, sum)
	}
}

// writeWARC writes n HTML responses; with cut, the file ends inside the
// last record.
func writeWARC(t testing.TB, path string, n int, cut bool) {
	t.Helper()
	var buf bytes.Buffer
	date := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		h := http.Header{"Content-Type": {"text/html"}}
		if err := source.WriteResponse(&buf, fmt.Sprintf("https://archive.example/story/%d", i), date, 200, h, []byte(articleHTML(100+i)), true); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			// Archives hold redirects too: skipped, not errors.
			h := http.Header{"Location": {"https://archive.example/story/0"}, "Content-Type": {"text/html"}}
			source.WriteResponse(&buf, "https://archive.example/old", date, 301, h, []byte("<a href=/story/0>moved</a>"), true)
		}
	}
	b := buf.Bytes()
	if cut {
		b = b[:len(b)-20]
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// cancelAfter is a log that cancels the run once n articles were stored.
type cancelAfter struct {
	mu     sync.Mutex
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if bytes.HasPrefix(b, []byte("stored ")) {
		if c.n--; c.n == 0 {
			c.cancel()
		}
	}
	return len(b), nil
}

func TestRunCancel(t *testing.T) {
	site := newTestSite(200)
	defer site.Close()
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log)
	cfg.Fetch.PerHostDelay = 2 * time.Millisecond
	cfg.Fetch.PerHostConcurrency = 1
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg.Log = &cancelAfter{n: 10, cancel: cancel}
	sum, err := Run(ctx, cfg, []string{site.URL + "/sitemap.xml"}, st)
	if err == nil {
		t.Fatal("no error after cancellation")
	}
	if sum.Stored < 10 || sum.Stored >= 200 || sum.Stored != len(st.articles) {
		t.Errorf("stored %d, store has %d", sum.Stored, len(st.articles))
	}
	// Every page logged as finished has its article.
	urls := st.urls()
	for u, rec := range st.fetches {
		if isFinished(rec.Status) && urls[u] != 1 {
			t.Errorf("%s logged finished but stored %d times", u, urls[u])
		}
	}
	// The rest is collected on the next run, nothing twice.
	sum2, err := Run(context.Background(), testConfig(&log), []string{site.URL + "/sitemap.xml"}, st)
	if err != nil || sum2.Stored+sum.Stored != 200 || len(st.articles) != 200 || sum2.Duplicates != 0 {
		t.Errorf("second run: %+v %v (first stored %d)", sum2, err, sum.Stored)
	}
}

func TestRunMaxPagesAndPutError(t *testing.T) {
	site := newTestSite(10)
	defer site.Close()
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log)
	cfg.MaxPages = 3
	sum, err := Run(context.Background(), cfg, []string{site.URL + "/sitemap.xml"}, st)
	if err != nil || sum.Pages != 3 || len(st.articles) != 3 {
		t.Errorf("max pages: %+v %v", sum, err)
	}
	st.putErr = errTest
	sum, err = Run(context.Background(), testConfig(&log), []string{site.URL + "/news/9"}, st)
	if err != nil || sum.Errors["store"] != 1 {
		t.Errorf("put error: %+v %v", sum, err)
	}
	// A page whose article could not be stored is not logged finished.
	if rec, ok, _ := st.LastFetch(context.Background(), site.URL+"/news/9"); ok && isFinished(rec.Status) {
		t.Errorf("page with failed Put logged finished: %+v", rec)
	}
	if _, err := Run(context.Background(), Config{}, nil, st); err == nil {
		t.Error("no error without an extractor")
	}
}

func TestRunStdin(t *testing.T) {
	site := newTestSite(3)
	defer site.Close()
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log)
	cfg.Stdin = strings.NewReader("# from a pipe\n" + site.URL + "/news/0\n" + site.URL + "/news/2\n")
	sum, err := Run(context.Background(), cfg, []string{"-"}, st)
	if err != nil || sum.Stored != 2 {
		t.Errorf("%+v %v\n%s", sum, err, log.String())
	}
}

func TestRunURLArgumentFinished(t *testing.T) {
	site := newTestSite(3)
	defer site.Close()
	st := newMemStore()
	var log bytes.Buffer
	for i := 0; i < 2; i++ {
		if _, err := Run(context.Background(), testConfig(&log), []string{site.URL + "/news/1", site.URL + "/moved"}, st); err != nil {
			t.Fatal(err)
		}
	}
	if site.hit("/news/1") != 1 || site.hit("/moved") != 1 || len(st.articles) != 2 {
		t.Errorf("hits /news/1 %d, /moved %d; %d articles", site.hit("/news/1"), site.hit("/moved"), len(st.articles))
	}
}

// TestRunBadHosts: a host whose robots.txt fails with 503 (treated as
// disallowed, RFC 9309), a host that answers 503 to everything but
// robots.txt (retried, then reported), and a host too slow to answer.
// Each gets its error and the good host is still collected.
func TestRunBadHosts(t *testing.T) {
	good := newTestSite(2)
	defer good.Close()
	var downHits, robotsDownHits int32
	var mu sync.Mutex
	robotsDown := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		robotsDownHits++
		mu.Unlock()
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer robotsDown.Close()
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		downHits++
		mu.Unlock()
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer down.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	list := writeList(t, robotsDown.URL+"/a", down.URL+"/b", slow.URL+"/c", good.URL+"/news/0", good.URL+"/news/1")
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log)
	cfg.Fetch.Retries = 2
	sum, err := Run(context.Background(), cfg, []string{list}, st)
	if err != nil {
		t.Fatal(err)
	}
	out := log.String()
	for _, w := range []string{
		"error " + robotsDown.URL + "/a robots: ",
		"status 503, host treated as disallowed",
		"error " + down.URL + "/b http-5xx: HTTP status 503",
		"error " + slow.URL + "/c timeout: ",
		"timed out after 1s",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("log lacks %q", w)
		}
	}
	if downHits != 3 {
		t.Errorf("failing host asked %d times, want 1 + 2 retries", downHits)
	}
	if sum.Stored != 2 || len(st.articles) != 2 {
		t.Errorf("stored %d", sum.Stored)
	}
	if t.Failed() {
		t.Logf("log:\n%s", out)
	}
}

// TestRunLargeSitemap: a sitemap larger than the page size cap is read
// under the sources' own cap.
func TestRunLargeSitemap(t *testing.T) {
	site := newTestSite(6000) // about 330 KB of sitemap
	defer site.Close()
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log) // pages capped at 256 KiB
	cfg.MaxPages = 3
	sum, err := Run(context.Background(), cfg, []string{site.URL + "/sitemap.xml"}, st)
	if err != nil || sum.Stored != 3 || sum.ErrorCount() != 0 {
		t.Errorf("%v %v\n%s", sum, err, log.String())
	}
	cfg.Source.MaxDocBytes = 100 << 10
	cfg.Fetch.MaxBytes = 50 << 10
	sum, _ = Run(context.Background(), cfg, []string{site.URL + "/sitemap.xml"}, newMemStore())
	if sum.Errors["too-large"] != 1 {
		t.Errorf("a sitemap over the cap: %v", sum)
	}
}
