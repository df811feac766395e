// Command loadtest measures the server under load on loopback: many
// concurrent clients post benchmark pages to /v1/extract and search
// /v1/articles for a fixed time, then it reports errors, latency
// percentiles per endpoint, throughput, and peak memory (Go heap sampled
// during the run, the process's peak RSS from /proc). The server and the
// clients share the process, so the memory figures include the clients.
//
//	go run ./server/internal/loadtest -duration 30s -clients 200
//
// It exits with status 1 when any request failed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/server"
	"github.com/newsclip/newsclip/store/sqlite"
)

// sharedBench is the full benchmark when this machine has it.
const sharedBench = "/work/shared/bench/scrapinghub"

// repoBench is the repository's shared copy of benchmark pages, as seen
// from the repository root (go run ./server/internal/loadtest) and from
// this package's directory (go test).
var repoBench = []string{
	filepath.Join("testdata", "scrapinghub"),
	filepath.Join("..", "..", "..", "testdata", "scrapinghub"),
}

type options struct {
	duration    time.Duration
	clients     int
	pagesDir    string
	maxPages    int
	searchShare float64
	maxExtract  int
	out         io.Writer
}

type result struct {
	extract, search []time.Duration
	errors          int64
	refused         int64 // 422 answers: pages the extractor gave up on
	firstErrors     []string
	elapsed         time.Duration
	peakHeap        uint64
	peakRSS         int64 // bytes; -1 when unknown
	pages, stored   int
}

func main() {
	o := options{out: os.Stdout}
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long the clients run")
	flag.IntVar(&o.clients, "clients", 200, "concurrent clients")
	dir := flag.String("dir", "", "benchmark folder in the ScrapingHub layout, pages in DIR/html (default: "+sharedBench+" when present, else the repository's testdata/scrapinghub)")
	flag.StringVar(&o.pagesDir, "pages", "", "directory of .html pages (overrides -dir)")
	flag.IntVar(&o.maxPages, "max-pages", 0, "use at most this many pages (0: all)")
	flag.Float64Var(&o.searchShare, "search-share", 0.5, "share of requests that are searches (the rest are extractions)")
	flag.IntVar(&o.maxExtract, "max-extractions", 0, "the server's MaxExtractions (0: its default)")
	flag.Parse()
	if o.pagesDir == "" {
		if *dir == "" {
			*dir = defaultBench()
		}
		o.pagesDir = filepath.Join(*dir, "html")
	}
	r, err := run(context.Background(), o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
	report(o, r)
	if r.errors > 0 {
		os.Exit(1)
	}
}

// defaultBench is the shared benchmark when present, else the first
// repository copy found; loadPages reports the path when none is.
func defaultBench() string {
	for _, d := range append([]string{sharedBench}, repoBench...) {
		if st, err := os.Stat(filepath.Join(d, "html")); err == nil && st.IsDir() {
			return d
		}
	}
	return repoBench[0]
}

type page struct {
	url  string
	body []byte
}

func loadPages(dir string, max int) ([]page, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	if max > 0 && len(names) > max {
		names = names[:max]
	}
	var out []page
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, page{url: "https://bench.example/" + strings.TrimSuffix(filepath.Base(n), ".html"), body: b})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no .html pages in %s", dir)
	}
	return out, nil
}

// searches are the queries the clients send: words, filters and paging.
var searches = []string{
	"q=said", "q=government", "q=market", "q=game", "q=police",
	"q=president", "q=year&limit=50", "lang=en&limit=10", "q=new&offset=20", "",
}

func run(ctx context.Context, o options) (result, error) {
	var r result
	pages, err := loadPages(o.pagesDir, o.maxPages)
	if err != nil {
		return r, err
	}
	r.pages = len(pages)
	dir, err := os.MkdirTemp("", "newsclip-loadtest-")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(filepath.Join(dir, "load.db"))
	if err != nil {
		return r, err
	}
	defer st.Close()
	ex := newsclip.New(newsclip.WithQuotes(true))
	// The store holds the pages, so that searches find something.
	for _, p := range pages {
		a, err := seedExtract(ctx, ex, p)
		if err != nil {
			continue // a page the extractor refuses is still posted below
		}
		if _, isNew, err := st.Put(ctx, a, time.Now()); err == nil && isNew {
			r.stored++
		}
	}
	srv, err := server.New(server.Config{Store: st, Extractor: ex, MaxExtractions: o.maxExtract})
	if err != nil {
		return r, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return r, err
	}
	sctx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(sctx, ln) }()
	defer func() {
		stop()
		<-served
	}()
	base := "http://" + ln.Addr().String()

	client := &http.Client{
		Timeout:   2 * time.Minute,
		Transport: &http.Transport{MaxIdleConns: o.clients, MaxIdleConnsPerHost: o.clients, IdleConnTimeout: time.Minute},
	}
	var (
		mu        sync.Mutex
		errs      atomic.Int64
		refused   atomic.Int64
		peak      atomic.Uint64
		doneMem   = make(chan struct{})
		memExited = make(chan struct{})
	)
	go func() { // sample the heap while the clients run
		defer close(memExited)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-doneMem:
				return
			case <-t.C:
			}
		}
	}()
	fail := func(msg string) {
		errs.Add(1)
		mu.Lock()
		if len(r.firstErrors) < 5 {
			r.firstErrors = append(r.firstErrors, msg)
		}
		mu.Unlock()
	}
	start := time.Now()
	deadline := start.Add(o.duration)
	var wg sync.WaitGroup
	for c := 0; c < o.clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var ext, sea []time.Duration
			// A fixed walk per client keeps runs comparable.
			for i := 0; time.Now().Before(deadline); i++ {
				isSearch := float64((c*7+i*13)%100) < o.searchShare*100
				var req *http.Request
				if isSearch {
					req, _ = http.NewRequestWithContext(ctx, "GET", base+"/v1/articles?"+searches[(c+i)%len(searches)], nil)
				} else {
					p := pages[(c*31+i)%len(pages)]
					req, _ = http.NewRequestWithContext(ctx, "POST", base+"/v1/extract?url="+url.QueryEscape(p.url), bytes.NewReader(p.body))
					req.Header.Set("Content-Type", "text/html")
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					fail(err.Error())
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				switch {
				case err != nil:
					fail(req.URL.Path + ": " + err.Error())
				case resp.StatusCode != http.StatusOK && !(resp.StatusCode == http.StatusUnprocessableEntity && !isSearch):
					fail(fmt.Sprintf("%s %s: %d %s", req.Method, req.URL.Path, resp.StatusCode, firstLine(body)))
				case isSearch:
					sea = append(sea, d)
				default:
					// 422 is the extractor refusing a page: an answer, not an error.
					if resp.StatusCode == http.StatusUnprocessableEntity {
						refused.Add(1)
					}
					ext = append(ext, d)
				}
			}
			mu.Lock()
			r.extract = append(r.extract, ext...)
			r.search = append(r.search, sea...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	close(doneMem)
	<-memExited
	r.errors = errs.Load()
	r.refused = refused.Load()
	r.peakHeap = peak.Load()
	r.peakRSS = peakRSS()
	if r.errors == 0 && len(r.extract)+len(r.search) == 0 {
		return r, errors.New("no request finished: is the duration too short?")
	}
	return r, nil
}

// seedExtract extracts a page for the store, a panic of the extractor
// being an error (the server itself recovers and answers 500).
func seedExtract(ctx context.Context, ex *newsclip.Extractor, p page) (a *article.Article, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("extract %s: panic: %v", p.url, v)
		}
	}()
	return ex.ExtractBytes(ctx, p.body, "text/html", p.url)
}

// firstLine is the problem's code and detail, or the body's first line.
func firstLine(b []byte) string {
	var p struct{ Code, Detail string }
	if json.Unmarshal(b, &p) == nil && p.Code != "" {
		b = []byte(p.Code + ": " + p.Detail)
	}
	s := string(b)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

// peakRSS reads VmHWM, the process's peak resident set, on Linux.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := int(float64(len(ds)-1) * p)
	return ds[i]
}

func report(o options, r result) {
	w := o.out
	fmt.Fprintf(w, "loadtest: %d clients for %s on loopback, GOMAXPROCS %d, %d pages from %s (%d stored before the run)\n",
		o.clients, r.elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0), r.pages, o.pagesDir, r.stored)
	for _, k := range []struct {
		name string
		ds   []time.Duration
	}{{"POST /v1/extract", r.extract}, {"GET /v1/articles", r.search}} {
		slices.Sort(k.ds)
		fmt.Fprintf(w, "  %-17s %6d ok  %7.1f req/s  p50 %-9s p90 %-9s p99 %-9s max %s\n", k.name, len(k.ds),
			float64(len(k.ds))/r.elapsed.Seconds(), round(percentile(k.ds, .5)), round(percentile(k.ds, .9)),
			round(percentile(k.ds, .99)), round(percentile(k.ds, 1)))
	}
	fmt.Fprintf(w, "  errors %d (extractions answered 422, page refused by the extractor: %d)\n", r.errors, r.refused)
	for _, e := range r.firstErrors {
		fmt.Fprintf(w, "    %s\n", e)
	}
	rss := "unknown"
	if r.peakRSS >= 0 {
		rss = fmt.Sprintf("%.1f MiB", float64(r.peakRSS)/(1<<20))
	}
	fmt.Fprintf(w, "  peak Go heap in use %.1f MiB, peak RSS %s (server and clients)\n", float64(r.peakHeap)/(1<<20), rss)
}

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	case d > time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d
}
