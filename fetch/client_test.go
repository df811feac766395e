package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// testOptions are fast options for loopback test servers.
func testOptions() Options {
	return Options{AllowPrivate: true, RetryBase: time.Millisecond, MaxRetryWait: 50 * time.Millisecond, Timeout: 5 * time.Second}
}

func TestGetBasics(t *testing.T) {
	var gotUA, gotAE string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAE = r.Header.Get("User-Agent"), r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, "<p>hello</p>")
	}))
	defer srv.Close()
	c := New(testOptions())
	resp, err := c.Get(context.Background(), srv.URL+"/a#frag")
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || string(resp.Body) != "<p>hello</p>" || resp.ContentType != "text/html; charset=utf-8" {
		t.Errorf("got %d %q %q", resp.Status, resp.Body, resp.ContentType)
	}
	if resp.URL != srv.URL+"/a" || resp.ETag() != `"v1"` {
		t.Errorf("URL %q ETag %q", resp.URL, resp.ETag())
	}
	if gotUA != DefaultUserAgent {
		t.Errorf("User-Agent %q", gotUA)
	}
	if !strings.Contains(gotAE, "br") || !strings.Contains(gotAE, "gzip") {
		t.Errorf("Accept-Encoding %q", gotAE)
	}
	o := testOptions()
	o.UserAgent = "mybot/2"
	if _, err := New(o).Get(context.Background(), srv.URL); err != nil || gotUA != "mybot/2" {
		t.Errorf("custom UA: %q %v", gotUA, err)
	}
}

func TestGetBadURLs(t *testing.T) {
	c := New(testOptions())
	for _, u := range []string{"ftp://example.com/x", "file:///etc/passwd", "http:///nohost", "::bad", "javascript:alert(1)"} {
		_, err := c.Get(context.Background(), u)
		if !errors.Is(err, ErrScheme) {
			t.Errorf("%s: err = %v, want ErrScheme", u, err)
		}
	}
}

func TestContentEncodings(t *testing.T) {
	const text = "<html><body>compressed body</body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		switch r.URL.Path {
		case "/gzip":
			zw := gzip.NewWriter(&buf)
			zw.Write([]byte(text))
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip")
		case "/br":
			bw := brotli.NewWriter(&buf)
			bw.Write([]byte(text))
			bw.Close()
			w.Header().Set("Content-Encoding", "br")
		case "/badgzip":
			w.Header().Set("Content-Encoding", "gzip")
			buf.WriteString("not gzip at all")
		case "/bomb":
			zw := gzip.NewWriter(&buf)
			zw.Write(bytes.Repeat([]byte("a"), 1<<20))
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip")
		}
		w.Write(buf.Bytes())
	}))
	defer srv.Close()
	o := testOptions()
	o.MaxBytes = 64 << 10
	c := New(o)
	for _, p := range []string{"/gzip", "/br"} {
		resp, err := c.Get(context.Background(), srv.URL+p)
		if err != nil || string(resp.Body) != text {
			t.Errorf("%s: %q %v", p, resp.Body, err)
		}
		if resp != nil && resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: Content-Encoding left in header", p)
		}
	}
	if _, err := c.Get(context.Background(), srv.URL+"/badgzip"); err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("bad gzip: %v", err)
	}
	_, err := c.Get(context.Background(), srv.URL+"/bomb")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "response exceeds 65536 bytes") {
		t.Errorf("gzip bomb: %v", err)
	}
}

func TestSizeCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			for i := 0; i < 100; i++ {
				w.Write(bytes.Repeat([]byte("x"), 1000))
				w.(http.Flusher).Flush()
			}
			return
		}
		w.Header().Set("Content-Length", "100000")
		w.Write(bytes.Repeat([]byte("x"), 100000))
	}))
	defer srv.Close()
	o := testOptions()
	o.MaxBytes = 1000
	c := New(o)
	for _, p := range []string{"/len", "/chunked"} {
		_, err := c.Get(context.Background(), srv.URL+p)
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "response exceeds 1000 bytes") {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestFetchMaxBytesOverride(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 5000))
	}))
	defer srv.Close()
	o := testOptions()
	o.MaxBytes = 1000
	c := New(o)
	if _, err := c.Get(context.Background(), srv.URL); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Get: %v", err)
	}
	resp, err := c.Fetch(context.Background(), srv.URL, Request{MaxBytes: 10000})
	if err != nil || len(resp.Body) != 5000 {
		t.Errorf("Fetch with a larger cap: %v", err)
	}
}

func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case r.URL.Path == "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			var n int
			fmt.Sscanf(r.URL.Path, "/chain/%d", &n)
			if n == 0 {
				fmt.Fprint(w, "end")
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusMovedPermanently)
		case r.URL.Path == "/to-ftp":
			http.Redirect(w, r, "ftp://example.com/", http.StatusFound)
		}
	}))
	defer srv.Close()
	o := testOptions()
	o.MaxRedirects = 3
	c := New(o)
	resp, err := c.Get(context.Background(), srv.URL+"/chain/3")
	if err != nil || resp.URL != srv.URL+"/chain/0" || string(resp.Body) != "end" {
		t.Fatalf("3 redirects: %v %v", resp, err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/chain/4"); !errors.Is(err, ErrRedirects) {
		t.Errorf("4 redirects: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/loop-a"); !errors.Is(err, ErrLoop) || !strings.Contains(err.Error(), "redirect loop") {
		t.Errorf("loop: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/to-ftp"); !errors.Is(err, ErrScheme) {
		t.Errorf("to ftp: %v", err)
	}
}

func TestRetries(t *testing.T) {
	var hits sync.Map
	count := func(p string) int {
		v, _ := hits.LoadOrStore(p, new(int32))
		return int(atomic.LoadInt32(v.(*int32)))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, _ := hits.LoadOrStore(r.URL.Path, new(int32))
		n := atomic.AddInt32(v.(*int32), 1)
		switch r.URL.Path {
		case "/flaky": // 503 twice, then fine
			if n <= 2 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, "ok")
		case "/429date":
			if n == 1 {
				w.Header().Set("Retry-After", time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat))
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			fmt.Fprint(w, "ok")
		case "/down":
			w.WriteHeader(http.StatusInternalServerError)
		case "/404":
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	c := New(testOptions())
	ctx := context.Background()
	if resp, err := c.Get(ctx, srv.URL+"/flaky"); err != nil || resp.Status != 200 {
		t.Errorf("flaky: %v %v", resp, err)
	}
	if resp, err := c.Get(ctx, srv.URL+"/429date"); err != nil || resp.Status != 200 {
		t.Errorf("429: %v %v", resp, err)
	}
	resp, err := c.Get(ctx, srv.URL+"/down")
	if err != nil || resp.Status != 500 {
		t.Errorf("down: %v %v", resp, err)
	}
	if got := count("/down"); got != 1+DefaultRetries {
		t.Errorf("down hit %d times, want %d", got, 1+DefaultRetries)
	}
	c.Get(ctx, srv.URL+"/404")
	if got := count("/404"); got != 1 {
		t.Errorf("404 hit %d times, want 1 (no retry)", got)
	}
	o := testOptions()
	o.Retries = -1
	New(o).Get(ctx, srv.URL+"/down")
	if got := count("/down"); got != 2+DefaultRetries {
		t.Errorf("Retries -1: down hit %d times in total, want %d", got, 2+DefaultRetries)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"":                              0,
		"3":                             3 * time.Second,
		"-4":                            0,
		"soon":                          0,
		"Thu, 01 Jan 2026 00:00:10 GMT": 10 * time.Second,
		"Wed, 31 Dec 2025 00:00:10 GMT": 0,
	}
	for in, want := range tests {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
	c := New(Options{MaxRetryWait: time.Second, RetryBase: 100 * time.Millisecond})
	if got := c.backoff(0, time.Hour); got != time.Second {
		t.Errorf("Retry-After not capped: %v", got)
	}
	for attempt := 0; attempt < 30; attempt++ {
		if got := c.backoff(attempt, 0); got <= 0 || got > time.Second {
			t.Errorf("backoff(%d) = %v out of (0, 1s]", attempt, got)
		}
	}
}

func TestConditional(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 02 Jan 2006 15:04:05 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, "body")
	}))
	defer srv.Close()
	c := New(testOptions())
	for _, v := range []Validators{{ETag: `"v1"`}, {LastModified: "Mon, 02 Jan 2006 15:04:05 GMT"}} {
		resp, err := c.GetConditional(context.Background(), srv.URL, v)
		if err != nil || !resp.NotModified || resp.Status != 304 || len(resp.Body) != 0 {
			t.Errorf("%+v: %+v %v", v, resp, err)
		}
	}
	resp, err := c.GetConditional(context.Background(), srv.URL, Validators{ETag: `"old"`})
	if err != nil || resp.NotModified || string(resp.Body) != "body" {
		t.Errorf("changed: %+v %v", resp, err)
	}
}

func TestRobotsObeyed(t *testing.T) {
	var robotsHits, pageHits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			robotsHits.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /secret\n")
		case "/redir-to-secret":
			http.Redirect(w, r, "/secret/x", http.StatusFound)
		default:
			pageHits.Add(1)
			fmt.Fprint(w, "page")
		}
	}))
	defer srv.Close()
	o := testOptions()
	o.ObeyRobots = true
	c := New(o)
	ctx := context.Background()
	if _, err := c.Get(ctx, srv.URL+"/open"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, srv.URL+"/secret/page"); !errors.Is(err, ErrRobots) {
		t.Errorf("secret: %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/redir-to-secret"); !errors.Is(err, ErrRobots) {
		t.Errorf("redirect into disallowed path: %v", err)
	}
	if robotsHits.Load() != 1 || pageHits.Load() != 1 {
		t.Errorf("robots fetched %d times, pages %d", robotsHits.Load(), pageHits.Load())
	}
}

// TestRobotsFileFromCache: a caller that reads robots.txt itself (site
// discovery reads its Sitemap lines) gets the file the robots check
// already fetched, in either order, and the site sees one request.
func TestRobotsFileFromCache(t *testing.T) {
	const file = "User-agent: *\nDisallow: /secret\nSitemap: https://example.com/sitemap.xml\n"
	for _, pageFirst := range []bool{true, false} {
		var robotsHits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				robotsHits.Add(1)
				fmt.Fprint(w, file)
				return
			}
			fmt.Fprint(w, "page")
		}))
		o := testOptions()
		o.ObeyRobots = true
		c := New(o)
		ctx := context.Background()
		if pageFirst {
			if _, err := c.Get(ctx, srv.URL+"/open"); err != nil {
				t.Fatal(err)
			}
		}
		resp, err := c.Get(ctx, srv.URL+"/robots.txt")
		if err != nil || resp.Status != http.StatusOK || string(resp.Body) != file {
			t.Errorf("pageFirst=%v: robots.txt read as %+v, %v", pageFirst, resp, err)
		}
		if !pageFirst {
			if _, err := c.Get(ctx, srv.URL+"/open"); err != nil {
				t.Fatal(err)
			}
		}
		if n := robotsHits.Load(); n != 1 {
			t.Errorf("pageFirst=%v: robots.txt requested %d times, want 1", pageFirst, n)
		}
		srv.Close()
	}
}

func TestRobotsServerErrorDisallows(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "page")
	}))
	defer srv.Close()
	o := testOptions()
	o.ObeyRobots = true
	_, err := New(o).Get(context.Background(), srv.URL+"/x")
	if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "status 503") {
		t.Errorf("err = %v", err)
	}
}

func TestCrawlDelayAndHostConcurrency(t *testing.T) {
	var mu sync.Mutex
	var inFlight, maxInFlight int
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.1\n")
			return
		}
		mu.Lock()
		inFlight++
		maxInFlight = max(maxInFlight, inFlight)
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
	}))
	defer srv.Close()
	o := testOptions()
	o.ObeyRobots = true
	o.PerHostConcurrency = 2
	c := New(o)
	var wg sync.WaitGroup
	begin := time.Now()
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), fmt.Sprintf("%s/p%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if maxInFlight > 2 {
		t.Errorf("%d requests in flight to one host, want <= 2", maxInFlight)
	}
	// Crawl-delay 0.1s: request k (in the order the client let them go)
	// cannot start before begin + k*100ms, so the k-th arrival cannot be
	// earlier either, however the machine schedules them.
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	for k, s := range starts {
		if min := time.Duration(k) * 100 * time.Millisecond; s.Sub(begin) < min-5*time.Millisecond {
			t.Errorf("request %d arrived %v after the start, before the crawl delay allows (%v)", k, s.Sub(begin), min)
		}
	}
}

func TestCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := New(testOptions()).Get(ctx, srv.URL)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}

func TestTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	o := testOptions()
	o.Timeout = 50 * time.Millisecond
	o.Retries = -1
	_, err := New(o).Get(context.Background(), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "timeout") && !strings.Contains(err.Error(), "deadline") {
		t.Errorf("err = %v", err)
	}
}
