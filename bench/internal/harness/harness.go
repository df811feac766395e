// Package harness runs article extractors one after another over the same
// in-memory pages and measures, for each, the ScrapingHub benchmark's
// quality figures (scored by the main module's eval package), speed and
// memory use.
//
// It does not know any extractor: tools are plain functions (see Tool), so
// the peers live in package peers and tests can pass fakes. It does not
// run tools concurrently: one tool at a time, one page at a time, so that
// the allocation and heap figures belong to that tool alone.
package harness

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"github.com/newsclip/newsclip/eval"
	"github.com/newsclip/newsclip/fetch"
)

// Page is one benchmark page held in memory.
type Page struct {
	ID   string
	URL  string
	HTML []byte // decoded to UTF-8 once, the same way for every tool
}

// Tool is one extractor under test.
type Tool struct {
	Name string
	// Module is the Go module whose version the report shows ("" for none).
	Module string
	// Note says how the tool is called (options, text output used).
	Note string
	// Extract returns the body text of one page. It may return an error or
	// panic; either counts as a failed page.
	Extract func(ctx context.Context, p *Page) (string, error)
}

// Options controls a run.
type Options struct {
	// Repeat is how many times each tool goes over all pages for the
	// timing and memory figures (at least 1). Quality is scored on the
	// first pass.
	Repeat int
	// Warmup is how many pages each tool extracts, unmeasured, before its
	// measured run (one-time set-up such as compiling regular expressions
	// is thus left out of the speed figures).
	Warmup int
	// Resamples is the number of bootstrap resamples for the standard
	// deviations (0 skips them); Seed seeds them.
	Resamples int
	Seed      uint64
	// SampleEvery is the heap sampler's interval (default 1ms).
	SampleEvery time.Duration
}

// Failure is one page a tool failed on.
type Failure struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

// Result holds one tool's figures.
type Result struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	Note    string `json:"note,omitempty"`

	Pages  int `json:"pages"`  // pages scored
	Failed int `json:"failed"` // errors and panics (first pass)
	Empty  int `json:"empty"`  // no error but an empty text
	// Failures lists the failed pages (first pass).
	Failures []Failure `json:"failures,omitempty"`

	Quality eval.Summary `json:"quality"`

	Runs    int     `json:"runs"`    // page extractions measured (pages x repeat)
	Seconds float64 `json:"seconds"` // all passes
	// PassSeconds is the time of each pass over all pages. PagesPerSec
	// and MBPerSec (input MB, 1e6 bytes of UTF-8 HTML) come from the
	// fastest pass: on a shared machine other load only ever slows a
	// pass down. MeanPagesPerSec is over all passes.
	PassSeconds     []float64 `json:"pass_seconds"`
	PagesPerSec     float64   `json:"pages_per_sec"`
	MBPerSec        float64   `json:"mb_per_sec"`
	MeanPagesPerSec float64   `json:"mean_pages_per_sec"`
	AllocsPerPage   float64   `json:"allocs_per_page"`
	BytesPerPage    float64   `json:"alloc_bytes_per_page"`
	// BaseHeap is the heap (live objects plus not yet swept garbage,
	// runtime/metrics /memory/classes/heap/objects:bytes) right after the
	// GC that precedes the run: the harness itself (the pages are held
	// off the heap on Linux).
	BaseHeap uint64 `json:"base_heap_bytes"`
	// PeakHeap is the largest sampled value of the same metric during the
	// run: the heap the process needed for this tool.
	PeakHeap uint64 `json:"peak_heap_bytes"`
	// PeakLive is the largest live heap a GC cycle marked during the run
	// (/gc/heap/live:bytes); BaseLive is its value before the run.
	PeakLive    uint64 `json:"peak_live_bytes"`
	BaseLive    uint64 `json:"base_live_bytes"`
	HeapSamples int    `json:"heap_samples"`
	// OutputBytes is the size of the first pass's texts, which the run
	// keeps for scoring: by the end of the pass they are part of the live
	// heap measured above.
	OutputBytes int64  `json:"output_bytes"`
	GCs         uint32 `json:"gc_cycles"`

	// Predictions are the first pass's texts, soft hyphens removed, by
	// page ID (what was scored).
	Predictions map[string]string `json:"-"`
}

// LiveOverBase is the largest live heap the tool held beyond what was live
// before its run.
func (r *Result) LiveOverBase() uint64 {
	if r.PeakLive < r.BaseLive {
		return 0
	}
	return r.PeakLive - r.BaseLive
}

// Bench is a loaded benchmark: the gold set (for scoring) and its pages in
// memory, in the same order.
type Bench struct {
	Set   *eval.GoldSet
	Pages []Page
}

// InputBytes is the total size of the decoded pages.
func (b *Bench) InputBytes() int64 {
	var n int64
	for i := range b.Pages {
		n += int64(len(b.Pages[i].HTML))
	}
	return n
}

// Load reads a ScrapingHub benchmark folder (html/<id>.html and
// ground-truth.json) with the eval package's loader and decodes every page
// to UTF-8 with fetch.ToUTF8 (no Content-Type, as the files have none).
// On Linux the decoded pages are then held outside the Go heap (offHeap).
// limit > 0 keeps only the first limit pages (sorted by ID). Entries the
// loader could not use are in Set.Problems.
func Load(dir string, limit int) (*Bench, error) {
	set, err := eval.LoadScrapingHub(dir)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if limit > 0 && limit < len(set.Pages) {
		set.Pages = set.Pages[:limit]
	}
	pages := make([]Page, 0, len(set.Pages))
	for _, g := range set.Pages {
		raw, err := os.ReadFile(g.File)
		if err != nil {
			return nil, fmt.Errorf("load page %s: %w", g.ID, err)
		}
		utf, _, err := fetch.ToUTF8(raw, "")
		if err != nil {
			return nil, fmt.Errorf("decode page %s: %w", g.ID, err)
		}
		pages = append(pages, Page{ID: g.ID, URL: g.URL, HTML: utf})
	}
	chunks := make([][]byte, len(pages))
	for i := range pages {
		chunks[i] = pages[i].HTML
	}
	for i, c := range offHeap(chunks) {
		pages[i].HTML = c
	}
	return &Bench{Set: set, Pages: pages}, nil
}

// call runs one extraction, turning a panic into an error.
func call(ctx context.Context, t Tool, p *Page) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("panic: %v", r)
		}
	}()
	return t.Extract(ctx, p)
}

// Measure runs one tool over the bench's pages and returns its figures.
// Quality is scored by eval.ScoreBodies, exactly as the ScrapingHub
// benchmark scores (soft hyphens removed, a failed page scored as empty).
func Measure(ctx context.Context, t Tool, b *Bench, opts Options) Result {
	pages := b.Pages
	repeat := max(opts.Repeat, 1)
	res := Result{Tool: t.Name, Version: ModuleVersion(t.Module), Note: t.Note, Pages: len(pages)}
	for i := 0; i < opts.Warmup && i < len(pages); i++ {
		_, _ = call(ctx, t, &pages[i])
	}

	outs := make([]string, len(pages))
	errs := make([]error, len(pages))
	inBytes := b.InputBytes()

	// Start from a collected heap so that garbage left by the previous
	// tool is neither counted nor collected on this tool's time.
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	s := startSampler(opts.SampleEvery)
	res.BaseHeap, res.BaseLive = s.base, s.baseLive
	start := time.Now()
	res.PassSeconds = make([]float64, 0, repeat)
	for r := range repeat {
		passStart := time.Now()
		for i := range pages {
			if ctx.Err() != nil {
				break
			}
			out, err := call(ctx, t, &pages[i])
			if r == 0 {
				outs[i], errs[i] = out, err
			}
			s.sample()
		}
		res.PassSeconds = append(res.PassSeconds, time.Since(passStart).Seconds())
	}
	elapsed := time.Since(start)
	res.PeakHeap, res.PeakLive, res.HeapSamples = s.stop()
	runtime.ReadMemStats(&m1)

	res.Runs = repeat * len(pages)
	res.Seconds = elapsed.Seconds()
	if best := slices.Min(res.PassSeconds); best > 0 {
		res.PagesPerSec = float64(len(pages)) / best
		res.MBPerSec = float64(inBytes) / 1e6 / best
	}
	if res.Seconds > 0 {
		res.MeanPagesPerSec = float64(res.Runs) / res.Seconds
	}
	if res.Runs > 0 {
		res.AllocsPerPage = float64(m1.Mallocs-m0.Mallocs) / float64(res.Runs)
		res.BytesPerPage = float64(m1.TotalAlloc-m0.TotalAlloc) / float64(res.Runs)
	}
	res.GCs = m1.NumGC - m0.NumGC

	for _, o := range outs {
		res.OutputBytes += int64(len(o))
	}
	// Failed pages get no entry, so ScoreBodies scores them as empty.
	res.Predictions = make(map[string]string, len(pages))
	for i, p := range pages {
		switch {
		case errs[i] != nil:
			res.Failed++
			res.Failures = append(res.Failures, Failure{ID: p.ID, Error: errs[i].Error()})
			continue
		case outs[i] == "":
			res.Empty++
		}
		res.Predictions[p.ID] = eval.CleanPrediction(outs[i])
	}
	resamples := opts.Resamples
	if resamples <= 0 {
		resamples = -1 // eval: 0 means its default, < 0 none
	}
	rep := eval.ScoreBodies(b.Set, res.Predictions, eval.Options{Resamples: resamples, Seed: opts.Seed})
	res.Quality = rep.Summary
	return res
}

// Run measures each tool in turn. A tool that fails or panics on pages is
// reported in its Result; it never stops the run.
func Run(ctx context.Context, tools []Tool, b *Bench, opts Options, progress func(Result)) []Result {
	out := make([]Result, 0, len(tools))
	for _, t := range tools {
		if ctx.Err() != nil {
			break
		}
		r := Measure(ctx, t, b, opts)
		if progress != nil {
			progress(r)
		}
		out = append(out, r)
	}
	return out
}

// ModuleVersion is the version of module path linked into this binary,
// "workspace" for a module replaced by a local directory (newsclip
// itself), "" when path is empty and "?" when it is not linked in (test
// binaries carry no dependency list).
func ModuleVersion(path string) string {
	bi, _ := debug.ReadBuildInfo()
	return moduleVersion(bi, path)
}

func moduleVersion(bi *debug.BuildInfo, path string) string {
	if path == "" {
		return ""
	}
	if bi == nil {
		return "?"
	}
	if bi.Main.Path == path {
		return "workspace"
	}
	for _, d := range bi.Deps {
		if d.Path != path {
			continue
		}
		if d.Replace != nil {
			if d.Replace.Version == "" || d.Replace.Version == "(devel)" {
				return "workspace"
			}
			return d.Replace.Version
		}
		if d.Version == "(devel)" {
			return "workspace"
		}
		return d.Version
	}
	return "?"
}
