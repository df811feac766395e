package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsclip/newsclip/article"
)

// ExtractFunc extracts the article of one page. url is the page's original
// address from the gold set (may be empty).
type ExtractFunc func(ctx context.Context, page []byte, url string) (*article.Article, error)

// Defaults of Options.
const (
	DefaultResamples   = 1000
	DefaultMaxPage     = 64 << 20
	DefaultPageTimeout = 60 * time.Second
)

// Options control an evaluation. The zero value uses the defaults.
type Options struct {
	// Workers is the number of pages extracted at once; < 1 means
	// GOMAXPROCS. The report does not depend on it (timing aside).
	Workers int
	// Resamples is the number of bootstrap resamples behind the ±
	// figures: 0 means DefaultResamples, < 0 none.
	Resamples int
	// Seed seeds the bootstrap, so the ± figures are reproducible.
	Seed uint64
	// Worst is how many of the lowest-scoring pages the report details.
	Worst int
	// AllPages puts every page, detailed like the worst ones, in
	// Report.PageResults (for comparing two runs page by page).
	AllPages bool
	// MaxPageBytes skips (as failed) page files larger than this; 0 means
	// DefaultMaxPage.
	MaxPageBytes int64
	// PageTimeout abandons (as failed) a page whose extraction takes
	// longer; 0 means DefaultPageTimeout.
	PageTimeout time.Duration
}

func (o Options) resamples() int {
	switch {
	case o.Resamples == 0:
		return DefaultResamples
	case o.Resamples < 0:
		return 0
	}
	return o.Resamples
}

// PageResult is the score of one page.
type PageResult struct {
	ID        string  `json:"id"`
	URL       string  `json:"url,omitempty"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Exact is true when the page counts toward accuracy: token lists
	// equal (ScrapingHub) or every must and no must_not snippet
	// (snippets).
	Exact bool `json:"exact"`
	// Error is why extraction failed; the page is then scored as an empty
	// prediction.
	Error string `json:"error,omitempty"`
	// Missed and Leaked are short excerpts of the expected text the
	// prediction lacks and of the text it adds (ScrapingHub), or the must
	// snippets not found and the must_not snippets found (snippets).
	// Filled for the pages listed as worst only.
	Missed       []string    `json:"missed,omitempty"`
	Leaked       []string    `json:"leaked,omitempty"`
	MissedTokens int         `json:"missed_tokens,omitempty"`
	LeakedTokens int         `json:"leaked_tokens,omitempty"`
	Meta         []MetaCheck `json:"metadata,omitempty"`
	// Predicted is the body text the extractor gave (empty on failure).
	Predicted string `json:"-"`
}

// Timing is how long extraction took. Unlike the rest of a Report it
// varies from run to run.
type Timing struct {
	Workers        int     `json:"workers"`
	WallSeconds    float64 `json:"wall_seconds"`
	PagesPerSecond float64 `json:"pages_per_second"`
	MeanMillis     float64 `json:"mean_ms"`   // per page
	MedianMillis   float64 `json:"median_ms"` // per page
	MaxMillis      float64 `json:"max_ms"`
	SlowestPage    string  `json:"slowest_page,omitempty"`
}

// SnippetTotals counts the snippets of a snippet-layout evaluation.
type SnippetTotals struct {
	Must         int `json:"must"`
	MustFound    int `json:"must_found"`
	MustNot      int `json:"must_not"`
	MustNotFound int `json:"must_not_found"`
}

// Report is the outcome of an evaluation.
type Report struct {
	Layout Layout `json:"layout"`
	Dir    string `json:"dir"`
	// Pages is the number of pages scored, failed ones included.
	Pages int `json:"pages"`
	// Failed counts pages the extractor could not handle (error, panic,
	// timeout, unreadable or oversized file); they are scored as empty
	// predictions. Missing counts gold entries whose page file is absent,
	// Malformed gold entries that could not be decoded, Unlabeled page
	// files with no gold entry; those three are not scored.
	Failed    int `json:"failed"`
	Missing   int `json:"missing"`
	Malformed int `json:"malformed"`
	Unlabeled int `json:"unlabeled"`
	Summary
	Resamples int            `json:"bootstrap_resamples"`
	Seed      uint64         `json:"seed"`
	Snippets  *SnippetTotals `json:"snippets,omitempty"`
	// Edges totals the missed and leaked tokens by position (ScrapingHub).
	Edges    *Edges       `json:"edges,omitempty"`
	Metadata []MetaScore  `json:"metadata,omitempty"`
	Timing   *Timing      `json:"timing,omitempty"`
	Problems []Problem    `json:"problems,omitempty"`
	Worst    []PageResult `json:"worst,omitempty"`
	// Baseline compares this run with another, when asked for.
	Baseline *Comparison `json:"baseline,omitempty"`
	// PageResults lists every scored page, sorted by ID, when
	// Options.AllPages asks for it.
	PageResults []PageResult `json:"page_results,omitempty"`
	// Results holds every scored page, sorted by ID.
	Results []PageResult `json:"-"`
}

// prediction is what the extractor (or a prediction file) gave for a page.
type prediction struct {
	body string
	art  *article.Article
	err  error
	dur  time.Duration
}

// Run extracts every page of set with extract, concurrently, and scores
// the results. Failures of single pages are counted in the report, never
// returned; the error is only for a cancelled ctx.
func Run(ctx context.Context, set *GoldSet, extract ExtractFunc, opts Options) (*Report, error) {
	workers := opts.Workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	preds := make([]prediction, len(set.Pages))
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range min(workers, max(len(set.Pages), 1)) {
		wg.Go(func() {
			for i := range jobs {
				preds[i] = extractPage(ctx, set.Pages[i], extract, opts)
			}
		})
	}
feed:
	for i := range set.Pages {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	wall := time.Since(start)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval %s: %w", set.Dir, err)
	}
	r := score(set, preds, opts)
	r.Timing = timing(set, preds, workers, wall)
	return r, nil
}

// ScoreBodies scores predicted body texts (page ID -> text, as another
// tool extracted them) against set. A page with no entry in predicted is
// counted as failed and scored as an empty prediction. Soft hyphens are
// removed from the predictions.
func ScoreBodies(set *GoldSet, predicted map[string]string, opts Options) *Report {
	preds := make([]prediction, len(set.Pages))
	for i, p := range set.Pages {
		body, ok := predicted[p.ID]
		if !ok {
			preds[i].err = errors.New("no prediction for this page")
		}
		preds[i].body = body
	}
	return score(set, preds, opts)
}

// extractPage reads and extracts one page, turning errors, panics and
// timeouts into a failed prediction.
func extractPage(ctx context.Context, p Page, extract ExtractFunc, opts Options) prediction {
	limit := opts.MaxPageBytes
	if limit <= 0 {
		limit = DefaultMaxPage
	}
	page, err := readPage(p.File, limit)
	if err != nil {
		return prediction{err: err}
	}
	timeout := opts.PageTimeout
	if timeout <= 0 {
		timeout = DefaultPageTimeout
	}
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := make(chan prediction, 1)
	start := time.Now()
	go func() {
		var pr prediction
		defer func() {
			if v := recover(); v != nil {
				pr = prediction{err: fmt.Errorf("extractor panicked: %v", v)}
			}
			pr.dur = time.Since(start)
			done <- pr
		}()
		a, err := extract(pctx, page, p.URL)
		switch {
		case err != nil:
			pr.err = err
		case a == nil:
			pr.err = errors.New("extractor returned no article")
		default:
			pr = prediction{body: a.BodyText(), art: a}
		}
	}()
	select {
	case pr := <-done:
		return pr
	case <-pctx.Done():
		// An extractor that ignores its context is abandoned here; its
		// goroutine ends when the extractor returns.
		return prediction{err: fmt.Errorf("extraction abandoned: %w", pctx.Err()), dur: time.Since(start)}
	}
}

func readPage(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: more than %d bytes", path, limit)
	}
	return data, nil
}

// score turns predictions into a report; it is deterministic.
func score(set *GoldSet, preds []prediction, opts Options) *Report {
	r := &Report{Layout: set.Layout, Dir: set.Dir, Pages: len(set.Pages), Resamples: opts.resamples(), Seed: opts.Seed}
	r.Results = make([]PageResult, len(set.Pages))
	checks := make([][]MetaCheck, len(set.Pages))
	var counts []Counts
	var exact []bool
	var snips []snippetResult
	var diffs []textDifference
	for i, p := range set.Pages {
		pr := preds[i]
		res := PageResult{ID: p.ID, URL: p.URL, Predicted: pr.body}
		if pr.err != nil {
			res.Error = pr.err.Error()
			r.Problems = append(r.Problems, Problem{p.ID, ProblemFailed, res.Error})
			pr.body, res.Predicted = "", ""
		}
		switch set.Layout {
		case Snippets:
			s := checkSnippets(p, pr.body)
			snips = append(snips, s)
			c := s.counts()
			res.Precision, res.Recall = c.Precision(), c.Recall()
			res.Exact = s.fp == 0 && s.fn == 0
		default:
			d := diffTexts(p.Body, CleanPrediction(pr.body), ShingleSize)
			diffs = append(diffs, d)
			counts, exact = append(counts, d.counts), append(exact, d.exact)
			if r.Edges == nil {
				r.Edges = &Edges{}
			}
			r.Edges.add(d)
			res.Precision, res.Recall, res.Exact = d.counts.Precision(), d.counts.Recall(), d.exact
		}
		res.F1 = harmonic(res.Precision, res.Recall)
		checks[i] = checkMeta(p, pr.art)
		res.Meta = checks[i]
		r.Results[i] = res
	}
	switch set.Layout {
	case Snippets:
		r.Summary = summarize(len(snips), r.Resamples, opts.Seed, func(idx []int) (float64, float64, float64, float64) {
			return snippetPoint(snips, idx)
		})
		t := &SnippetTotals{}
		for i, p := range set.Pages {
			t.Must += len(p.Must)
			t.MustNot += len(p.MustNot)
			t.MustFound += snips[i].tp
			t.MustNotFound += snips[i].fp
		}
		r.Snippets = t
	default:
		r.Summary = SummarizeText(counts, exact, r.Resamples, opts.Seed)
	}
	r.Metadata = metaScores(checks)
	r.Problems = append(r.Problems, set.Problems...)
	sortProblems(r.Problems)
	for _, p := range r.Problems {
		switch p.Kind {
		case ProblemFailed:
			r.Failed++
		case ProblemMissing:
			r.Missing++
		case ProblemMalformed:
			r.Malformed++
		case ProblemUnlabeled:
			r.Unlabeled++
		}
	}
	r.Worst = worst(r.Results, snips, diffs, opts.Worst)
	if opts.AllPages {
		for i := range r.Results {
			r.PageResults = append(r.PageResults, detail(r.Results, snips, diffs, i))
		}
	}
	return r
}

// worst details the n pages with the lowest F1 (ties by ID).
func worst(results []PageResult, snips []snippetResult, diffs []textDifference, n int) []PageResult {
	if n <= 0 {
		return nil
	}
	order := make([]int, len(results))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if results[a].F1 != results[b].F1 {
			if results[a].F1 < results[b].F1 {
				return -1
			}
			return 1
		}
		return strings.Compare(results[a].ID, results[b].ID)
	})
	var out []PageResult
	for _, i := range order[:min(n, len(order))] {
		out = append(out, detail(results, snips, diffs, i))
	}
	return out
}

// detail returns the result of page i with what it missed and leaked
// (snips for the snippet layout, diffs for the others).
func detail(results []PageResult, snips []snippetResult, diffs []textDifference, i int) PageResult {
	res := results[i]
	if snips != nil {
		res.Missed, res.Leaked = snips[i].missed, snips[i].leaked
		res.MissedTokens, res.LeakedTokens = len(snips[i].missed), len(snips[i].leaked)
		return res
	}
	res.Missed, res.Leaked, res.MissedTokens, res.LeakedTokens = diffs[i].excerpts()
	return res
}

func timing(set *GoldSet, preds []prediction, workers int, wall time.Duration) *Timing {
	t := &Timing{Workers: workers, WallSeconds: wall.Seconds()}
	if len(preds) == 0 {
		return t
	}
	if wall > 0 {
		t.PagesPerSecond = float64(len(preds)) / wall.Seconds()
	}
	ds := make([]time.Duration, len(preds))
	var sum, slowest time.Duration
	for i, p := range preds {
		ds[i] = p.dur
		sum += p.dur
		if p.dur > slowest {
			slowest, t.SlowestPage = p.dur, set.Pages[i].ID
		}
	}
	t.MeanMillis = ms(sum / time.Duration(len(preds)))
	t.MaxMillis = ms(slowest)
	slices.Sort(ds)
	t.MedianMillis = ms(ds[len(ds)/2])
	return t
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
