// Package collect runs the pipeline that fills a store: sources yield
// pages, fetch reads them politely, an Extractor turns them into articles
// (with quotes attributed), and the store keeps them with a fetch log.
//
// A collection can be stopped at any moment, by cancellation or by a
// kill, and run again: articles are stored before their fetch-log entry,
// the store refuses duplicates, and pages whose entry says they are
// finished are not fetched again. It does not extract or store anything
// itself: those are the Extractor's and the Store's jobs.
package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sync"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/source"
	"github.com/newsclip/newsclip/store"
)

// Extractor turns a fetched page into an article. newsclip.New(...)
// returns one.
type Extractor interface {
	ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error)
}

// Config sets up a collection. Zero fields take defaults.
type Config struct {
	// Fetch configures the HTTP client (robots.txt, limits, politeness).
	Fetch fetch.Options
	// Source sets the limits of sources (sitemap depth, URL counts);
	// its Get is filled in by Run.
	Source source.Options
	// Workers is how many pages are fetched and extracted at once
	// (default: Fetch.Concurrency, or 8).
	Workers int
	// MaxPages stops the collection after this many pages were handled
	// (0: no limit). Pages skipped as already finished do not count.
	MaxPages int
	// Refresh fetches finished pages again, conditionally (ETag,
	// Last-Modified from the fetch log), instead of skipping them.
	Refresh bool
	// Extractor extracts articles; Run fails without one.
	Extractor Extractor
	// Stdin is read as a list of URLs for the source argument "-".
	Stdin io.Reader
	// Log receives one line per page and per problem (nil: none).
	Log io.Writer
	// Bar draws a progress bar on Log instead of lines (for terminals).
	Bar bool
}

// Summary counts what a collection did.
type Summary struct {
	Sources    int `json:"sources"`    // source arguments opened
	Pages      int `json:"pages"`      // pages handled (not counting those skipped as finished)
	Fetched    int `json:"fetched"`    // HTTP fetches made: pages, and the feeds, sitemaps and URL arguments read to find them
	Stored     int `json:"stored"`     // new articles stored
	Duplicates int `json:"duplicates"` // articles the store already had
	Unchanged  int `json:"unchanged"`  // 304 Not Modified answers on --refresh
	Finished   int `json:"finished"`   // pages skipped because an earlier run finished them
	NonHTML    int `json:"non_html"`   // responses skipped because they are not HTML
	// Archived counts archived responses (WARC) with a status other than
	// 2xx, mostly redirects: skipped, they are not errors of the run.
	Archived int `json:"archived"`
	// Errors counts problems by kind: "robots", "blocked" (the SSRF
	// guard), "network", "timeout", "too-large", "redirect", "bad-url",
	// "http-4xx", "http-5xx", "extract", "store", "source", "truncated".
	Errors  map[string]int `json:"errors"`
	Elapsed time.Duration  `json:"elapsed_ns"`
}

// ErrorCount is the total of Errors.
func (s Summary) ErrorCount() int {
	n := 0
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// PagesPerSecond is the rate of pages handled.
func (s Summary) PagesPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Pages) / s.Elapsed.Seconds()
}

// String is the summary printed at the end of "newsclip collect".
func (s Summary) String() string {
	out := fmt.Sprintf("collected %d pages from %d sources in %s (%.1f pages/s): fetched %d, stored %d, duplicates %d, unchanged %d, already finished %d, skipped non-HTML %d",
		s.Pages, s.Sources, s.Elapsed.Round(time.Millisecond), s.PagesPerSecond(), s.Fetched, s.Stored, s.Duplicates, s.Unchanged, s.Finished, s.NonHTML)
	if s.Archived > 0 {
		out += fmt.Sprintf(", skipped archived redirects and errors %d", s.Archived)
	}
	out += fmt.Sprintf(", errors %d", s.ErrorCount())
	for _, k := range sortedKeys(s.Errors) {
		out += fmt.Sprintf("\n  %-10s %d", k, s.Errors[k])
	}
	return out
}

// Run collects the pages of every source argument (see source.Open for
// what an argument can be) into st. It returns when all are done or ctx
// is cancelled; then the error is ctx's, and the summary counts what was
// done. Problems with single pages or sources are counted and logged, not
// returned.
func Run(ctx context.Context, cfg Config, sources []string, st store.Store) (Summary, error) {
	if cfg.Extractor == nil {
		return Summary{}, errors.New("collect: no Extractor configured")
	}
	if st == nil {
		return Summary{}, errors.New("collect: no store")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = cfg.Fetch.Concurrency
		if cfg.Workers <= 0 {
			cfg.Workers = 8
		}
	}
	start := time.Now()
	r := &run{
		cfg:    cfg,
		st:     st,
		client: fetch.New(cfg.Fetch),
		sum:    Summary{Errors: map[string]int{}},
		// Unbuffered: pages wait in the dispatcher, where they can still
		// be reordered across hosts, until a worker is free.
		jobs:  make(chan source.Page),
		queue: newDispatcher(),
		puts:  make(chan putJob, 2*maxBatch),
	}
	r.rep = newReporter(cfg.Log, cfg.Bar, r.queue.len)
	srcOpts := cfg.Source
	srcOpts.Get = r.get
	var pwg sync.WaitGroup
	pwg.Add(1)
	go func() {
		defer pwg.Done()
		r.writer(ctx)
	}()
	var wg sync.WaitGroup
	for i := 0; i < cfg.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range r.jobs {
				r.page(ctx, p)
			}
		}()
	}
	stopWake := context.AfterFunc(ctx, r.queue.wake)
	defer stopWake()
	var dwg sync.WaitGroup
	dwg.Add(1)
	go func() {
		defer dwg.Done()
		r.queue.run(ctx, r.jobs)
	}()
	r.produce(ctx, sources, srcOpts)
	r.queue.close()
	dwg.Wait()
	close(r.jobs)
	wg.Wait()
	close(r.puts)
	pwg.Wait()
	r.mu.Lock()
	r.sum.Elapsed = time.Since(start)
	sum := r.sum
	r.mu.Unlock()
	r.rep.finish()
	return sum, ctx.Err()
}

type run struct {
	cfg    Config
	st     store.Store
	client *fetch.Client
	jobs   chan source.Page
	queue  *dispatcher
	rep    *reporter
	// puts carries extracted articles from the workers to the writer.
	puts chan putJob

	mu  sync.Mutex
	sum Summary
}

// count changes the summary under the lock.
func (r *run) count(f func(s *Summary)) {
	r.mu.Lock()
	f(&r.sum)
	r.mu.Unlock()
}

// get is the Getter sources read feeds, sitemaps and home pages with.
func (r *run) get(ctx context.Context, u string) (source.Page, error) {
	// Feeds and sitemaps may be larger than pages (a sitemap may hold
	// 50 MB): they get the sources' own cap.
	limit := r.cfg.Source.MaxDocBytes
	if limit <= 0 {
		limit = source.DefaultMaxDocBytes
	}
	resp, err := r.client.Fetch(ctx, u, fetch.Request{MaxBytes: max(limit, r.client.Options().MaxBytes)})
	if err != nil {
		return source.Page{}, err
	}
	r.count(func(s *Summary) { s.Fetched++ })
	return source.Page{URL: u, FinalURL: resp.URL, Status: resp.Status, Header: resp.Header, Body: resp.Body, FetchedAt: resp.FetchedAt}, nil
}

// produce opens the sources in order and queues their pages, skipping
// duplicates within the run and pages an earlier run finished.
func (r *run) produce(ctx context.Context, args []string, opts source.Options) {
	seen := map[string]bool{}
	queued := 0
	for _, arg := range args {
		if ctx.Err() != nil {
			return
		}
		r.count(func(s *Summary) { s.Sources++ })
		if isURL(arg) && !r.cfg.Refresh {
			// A page given as an argument that is finished is not fetched
			// again (feeds and sitemaps are never in the fetch log).
			if done, _ := r.finished(ctx, arg); done {
				seen[arg] = true
				r.count(func(s *Summary) { s.Finished++ })
				continue
			}
		}
		var src source.Source
		var err error
		if arg == "-" && r.cfg.Stdin != nil {
			src = source.ListReader(r.cfg.Stdin, "stdin", opts)
		} else {
			src, err = source.Open(ctx, arg, opts)
		}
		if err != nil {
			r.problem(arg, "source", err)
			continue
		}
		for p, err := range src.Pages(ctx) {
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				kind := "source"
				if errors.Is(err, source.ErrTruncated) {
					kind = "truncated"
				} else if k := fetchKind(err); k != "" {
					kind = k // a URL argument that could not be fetched
				}
				r.problem(src.String(), kind, err)
				continue
			}
			if seen[p.URL] {
				continue
			}
			seen[p.URL] = true
			if !r.cfg.Refresh {
				done, err := r.finished(ctx, p.URL)
				if err != nil {
					r.problem(p.URL, "store", err)
					continue
				}
				if done {
					r.count(func(s *Summary) { s.Finished++ })
					continue
				}
			}
			if r.cfg.MaxPages > 0 && queued >= r.cfg.MaxPages {
				return
			}
			queued++
			if p.HasBody() {
				// Archived and already fetched pages wait for no host.
				select {
				case r.jobs <- p:
				case <-ctx.Done():
					return
				}
				continue
			}
			if !r.queue.push(ctx, p) {
				return
			}
		}
	}
}

// finished reports whether the fetch log says u needs no more work: it
// was fetched and answered (stored, a duplicate, not HTML, or not an
// article).
func (r *run) finished(ctx context.Context, u string) (bool, error) {
	rec, ok, err := r.st.LastFetch(ctx, u)
	if err != nil || !ok {
		return false, err
	}
	return isFinished(rec.Status), nil
}

func isFinished(status int) bool {
	return status == 200 || status == 203 || status == 304
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// page takes one page through fetch, extract and store.
func (r *run) page(ctx context.Context, p source.Page) {
	if ctx.Err() != nil {
		return
	}
	r.count(func(s *Summary) { s.Pages++ })
	handed := false // to the writer, which then reports the page done
	defer func() {
		if !handed {
			r.rep.done()
		}
	}()
	if !p.HasBody() {
		var v fetch.Validators
		var prev *store.FetchRecord
		if r.cfg.Refresh {
			if rec, ok, err := r.st.LastFetch(ctx, p.URL); err == nil && ok {
				prev = rec
				v = fetch.Validators{ETag: rec.ETag, LastModified: rec.LastModified}
			}
		}
		resp, err := r.client.GetConditional(ctx, p.URL, v)
		if err != nil {
			if ctx.Err() != nil {
				return // cancelled: not a fault of the page, and not finished
			}
			r.fail(ctx, p.URL, 0, errorKind(err), err)
			return
		}
		r.count(func(s *Summary) { s.Fetched++ })
		if resp.NotModified {
			rec := store.FetchRecord{URL: p.URL, Status: resp.Status, FetchedAt: resp.FetchedAt}
			if prev != nil {
				rec.ETag, rec.LastModified = prev.ETag, prev.LastModified
			}
			if e := resp.ETag(); e != "" {
				rec.ETag = e
			}
			r.logFetch(ctx, rec)
			r.count(func(s *Summary) { s.Unchanged++ })
			r.rep.line("unchanged %s", p.URL)
			return
		}
		p.FinalURL, p.Status, p.Header, p.Body, p.FetchedAt = resp.URL, resp.Status, resp.Header, resp.Body, resp.FetchedAt
	}
	if p.FetchedAt.IsZero() {
		p.FetchedAt = time.Now()
	}
	if p.FinalURL == "" {
		p.FinalURL = p.URL
	}
	rec := store.FetchRecord{URL: p.URL, Status: p.Status, FetchedAt: p.FetchedAt,
		ETag: p.Header.Get("ETag"), LastModified: p.Header.Get("Last-Modified")}
	if (p.Status < 200 || p.Status > 299) && p.Via == source.ViaWARC {
		rec.Err = fmt.Sprintf("archived HTTP status %d", p.Status)
		r.logFetch(ctx, rec)
		r.count(func(s *Summary) { s.Archived++ })
		r.rep.line("skip %s archived HTTP status %d", p.URL, p.Status)
		return
	}
	if p.Status < 200 || p.Status > 299 {
		kind := fmt.Sprintf("http-%dxx", p.Status/100)
		r.fail(ctx, p.URL, p.Status, kind, fmt.Errorf("HTTP status %d", p.Status))
		return
	}
	ct := p.ContentType()
	if !source.IsHTML(ct, p.Body) {
		rec.Err = "not HTML: " + ct
		r.logFetch(ctx, rec)
		r.count(func(s *Summary) { s.NonHTML++ })
		r.rep.line("skip %s not HTML (%s)", p.URL, ct)
		return
	}
	a, err := safeExtract(ctx, r.cfg.Extractor, p.Body, ct, p.FinalURL)
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		r.fail(ctx, p.URL, p.Status, "extract", err)
		return
	}
	if a.URL == "" {
		a.URL = p.FinalURL
	}
	// The writer stores it, then logs the fetch.
	r.puts <- putJob{a: a, rec: rec}
	handed = true
}

// putJob is an extracted article on its way to the store, with the
// fetch-log entry that follows it there.
type putJob struct {
	a   *article.Article
	rec store.FetchRecord // rec.URL is the URL as listed
}

// A batch is written when it holds maxBatch articles or its first
// article has waited batchWait: one transaction for several articles
// costs little more than one for a single article.
const (
	maxBatch  = 32
	batchWait = 20 * time.Millisecond
)

// writer stores the articles the workers extracted, in batches, until
// r.puts is closed.
//
// Store first, then log: a kill between the two leaves a page that is
// fetched again and found a duplicate, never a page logged as finished
// whose article is missing. A page counts as stored only once its
// transaction committed. An extracted article is stored even when the
// run is being cancelled: that work is done.
func (r *run) writer(ctx context.Context) {
	ctx = context.WithoutCancel(ctx)
	batch := make([]putJob, 0, maxBatch)
	timer := time.NewTimer(batchWait)
	timer.Stop()
	for first := range r.puts {
		batch = append(batch[:0], first)
		timer.Reset(batchWait)
	fill:
		for len(batch) < maxBatch {
			select {
			case j, ok := <-r.puts:
				if !ok {
					break fill
				}
				batch = append(batch, j)
			case <-timer.C:
				break fill
			}
		}
		timer.Stop()
		r.store(ctx, batch)
		clear(batch) // let the articles go
	}
}

// store writes a batch in one transaction when the store can; a batch
// that fails is written again article by article, so that one bad
// article costs only itself.
func (r *run) store(ctx context.Context, batch []putJob) {
	if bp, ok := r.st.(store.BatchPutter); ok && len(batch) > 1 {
		as := make([]*article.Article, len(batch))
		at := make([]time.Time, len(batch))
		for i, j := range batch {
			as[i], at[i] = j.a, j.rec.FetchedAt
		}
		if res, err := bp.PutEach(ctx, as, at); err == nil {
			logged := false
			if bl, ok := r.st.(store.FetchBatchLogger); ok {
				// One transaction for the batch's fetch log too; if it
				// fails, each page is logged on its own below.
				rs := make([]store.FetchRecord, len(batch))
				for i, j := range batch {
					rs[i] = j.rec
				}
				logged = bl.LogFetches(ctx, rs) == nil
			}
			for i, j := range batch {
				r.stored(ctx, j, res[i].ID, res[i].New, logged)
			}
			return
		}
	}
	for _, j := range batch {
		id, isNew, err := r.st.Put(ctx, j.a, j.rec.FetchedAt)
		if err != nil {
			r.count(func(s *Summary) { s.Errors["store"]++ })
			r.rep.problem("error %s store: %v", j.rec.URL, err)
			r.rep.done()
			continue
		}
		r.stored(ctx, j, id, isNew, false)
	}
}

// stored logs the fetch of a page whose article is committed, unless the
// batch's log already holds it, and counts it.
func (r *run) stored(ctx context.Context, j putJob, id int64, isNew, logged bool) {
	if !logged {
		r.logFetch(ctx, j.rec)
	}
	if isNew {
		r.count(func(s *Summary) { s.Stored++ })
		r.rep.line("stored %s id=%d", j.rec.URL, id)
	} else {
		r.count(func(s *Summary) { s.Duplicates++ })
		r.rep.line("duplicate %s id=%d", j.rec.URL, id)
	}
	r.rep.done()
}

// safeExtract runs the extractor, turning a panic into an error: one
// hostile page must not end a collection of thousands.
func safeExtract(ctx context.Context, e Extractor, body []byte, ct, u string) (a *article.Article, err error) {
	defer func() {
		if v := recover(); v != nil {
			a, err = nil, fmt.Errorf("extractor panicked on %s: %v", u, v)
		}
	}()
	a, err = e.ExtractBytes(ctx, body, ct, u)
	if err == nil && a == nil {
		err = fmt.Errorf("extractor returned no article for %s", u)
	}
	return a, err
}

// fail counts and logs a page that could not be collected, and records
// it in the fetch log (a status outside 2xx is not finished, so a later
// run tries again).
func (r *run) fail(ctx context.Context, u string, status int, kind string, err error) {
	r.count(func(s *Summary) { s.Errors[kind]++ })
	r.rep.problem("error %s %s: %v", u, kind, err)
	r.logFetch(ctx, store.FetchRecord{URL: u, Status: status, Err: kind + ": " + err.Error(), FetchedAt: time.Now()})
}

func (r *run) logFetch(ctx context.Context, rec store.FetchRecord) {
	if err := r.st.LogFetch(ctx, rec); err != nil && ctx.Err() == nil {
		r.count(func(s *Summary) { s.Errors["store"]++ })
		r.rep.problem("error %s store: fetch log: %v", rec.URL, err)
	}
}

// problem counts and logs a problem with a source.
func (r *run) problem(name, kind string, err error) {
	r.count(func(s *Summary) { s.Errors[kind]++ })
	r.rep.problem("error %s %s: %v", name, kind, err)
}

// errorKind names the kind of a fetch error for the summary.
func errorKind(err error) string {
	if k := fetchKind(err); k != "" {
		return k
	}
	return "network"
}

// fetchKind names the fetch errors that have a kind of their own.
func fetchKind(err error) string {
	switch {
	case errors.Is(err, fetch.ErrBlocked):
		return "blocked"

	case errors.Is(err, fetch.ErrRobots):
		return "robots"
	case errors.Is(err, fetch.ErrTooLarge):
		return "too-large"
	case errors.Is(err, fetch.ErrRedirects), errors.Is(err, fetch.ErrLoop):
		return "redirect"
	case errors.Is(err, fetch.ErrScheme):
		return "bad-url"
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return "timeout"
	}
	return ""
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
