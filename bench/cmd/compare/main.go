// Command compare runs newsclip and its Go peers over the same benchmark
// pages, one tool after another in one process, and prints one table of
// quality (the ScrapingHub benchmark's precision, recall, F1 and exact-match
// accuracy), speed and memory. bench/README.md explains every column.
//
//	cd bench && go run ./cmd/compare [-dir DIR] [-tools a,b] [-repeat N] [-json FILE]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newsclip/newsclip/bench/internal/harness"
	"github.com/newsclip/newsclip/bench/internal/peers"
)

const defaultDir = "/work/shared/bench/scrapinghub"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// report is what -json writes.
type report struct {
	Date       string           `json:"date"`
	Dir        string           `json:"dir"`
	Pages      int              `json:"pages"`
	InputBytes int64            `json:"input_bytes"`
	GoVersion  string           `json:"go_version"`
	GOMAXPROCS int              `json:"gomaxprocs"`
	NumCPU     int              `json:"num_cpu"`
	Repeat     int              `json:"repeat"`
	Warmup     int              `json:"warmup"`
	GCPercent  int              `json:"gc_percent"`
	Problems   int              `json:"gold_problems"`
	Results    []harness.Result `json:"results"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", defaultDir, "benchmark folder: html/<id>.html + ground-truth.json")
	tools := fs.String("tools", "all", "comma-separated tools to run, in this order: "+strings.Join(peers.Names(), ","))
	repeat := fs.Int("repeat", 1, "passes over all pages per tool for speed and memory (quality uses the first)")
	warmup := fs.Int("warmup", 1, "pages each tool extracts, unmeasured, before its run")
	procs := fs.Int("procs", 1, "GOMAXPROCS for the run (tools still run one page at a time)")
	limit := fs.Int("limit", 0, "use only the first N pages (sorted by id); 0 for all")
	jsonOut := fs.String("json", "", "also write the full results as JSON to this file (- for stdout)")
	predDir := fs.String("predictions", "", "write each tool's texts to DIR/<tool>.json in the benchmark's prediction format")
	resamples := fs.Int("resamples", 1000, "bootstrap resamples for the ± figures (0 to skip)")
	gcPercent := fs.Int("gcpercent", 100, "GOGC for the run (lower it to bring the peak heap closer to the live heap, at a cost in speed)")
	sample := fs.Duration("sample", time.Millisecond, "heap sampling interval")
	list := fs.Bool("list", false, "list the tools and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "compare: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *list {
		for _, t := range peers.All() {
			fmt.Fprintf(stdout, "%-26s %-40s %s\n", t.Name, t.Module+" "+harness.ModuleVersion(t.Module), t.Note)
		}
		return 0
	}
	if *repeat < 1 || *procs < 1 || *warmup < 0 || *limit < 0 || *resamples < 0 {
		fmt.Fprintln(stderr, "compare: -repeat and -procs must be >= 1; -warmup, -limit and -resamples >= 0")
		return 2
	}
	selected, err := peers.Select(*tools)
	if err != nil {
		fmt.Fprintf(stderr, "compare: %v\n", err)
		return 2
	}

	bench, err := harness.Load(*dir, *limit)
	if err != nil {
		fmt.Fprintf(stderr, "compare: %v\n", err)
		return 1
	}
	if len(bench.Pages) == 0 {
		fmt.Fprintf(stderr, "compare: %s: no pages\n", *dir)
		return 1
	}
	problems := bench.Set.Problems
	for _, p := range problems {
		fmt.Fprintf(stderr, "compare: gold problem %s %s: %s\n", p.Kind, p.ID, p.Error)
	}
	inBytes := bench.InputBytes()

	runtime.GOMAXPROCS(*procs)
	debug.SetGCPercent(*gcPercent)
	opts := harness.Options{Repeat: *repeat, Warmup: *warmup, Resamples: *resamples, Seed: 1, SampleEvery: *sample}
	fmt.Fprintf(stderr, "compare: %d pages (%.1f MB), GOMAXPROCS=%d, GOGC=%d, repeat=%d, %s\n",
		len(bench.Pages), float64(inBytes)/1e6, *procs, *gcPercent, *repeat, runtime.Version())
	results := harness.Run(ctx, selected, bench, opts, func(r harness.Result) {
		fmt.Fprintf(stderr, "compare: %-26s F1 %.3f  %6.1f pages/s  failed %d\n", r.Tool, r.Quality.F1, r.PagesPerSec, r.Failed)
		for _, f := range r.Failures {
			fmt.Fprintf(stderr, "compare:   %s failed on %s: %s\n", r.Tool, f.ID, oneLine(f.Error, 200))
		}
	})
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "compare: interrupted")
		return 1
	}

	writeTable(stdout, results)

	if *predDir != "" {
		if err := writePredictions(*predDir, results); err != nil {
			fmt.Fprintf(stderr, "compare: %v\n", err)
			return 1
		}
	}
	if *jsonOut != "" {
		rep := report{
			Date: time.Now().UTC().Format(time.RFC3339), Dir: *dir, Pages: len(bench.Pages), InputBytes: inBytes,
			GoVersion: runtime.Version(), GOMAXPROCS: *procs, NumCPU: runtime.NumCPU(),
			Repeat: *repeat, Warmup: *warmup, GCPercent: *gcPercent, Problems: len(problems), Results: results,
		}
		if err := writeJSON(*jsonOut, stdout, rep); err != nil {
			fmt.Fprintf(stderr, "compare: %v\n", err)
			return 1
		}
	}
	return 0
}

func writeTable(w io.Writer, results []harness.Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "tool\tversion\tpages\tfailed\tempty\tprecision\trecall\tF1\taccuracy\tpages/s\tMB/s\tallocs/page\tKB alloc/page\tpeak heap MB\tpeak live MB\t")
	for _, r := range results {
		q := r.Quality
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f ± %.3f\t%.3f ± %.3f\t%.1f\t%.2f\t%.0f\t%.0f\t%.1f\t%.1f\t\n",
			r.Tool, shortVersion(r.Version), r.Pages, r.Failed, r.Empty,
			q.Precision, q.PrecisionStd, q.Recall, q.RecallStd, q.F1, q.F1Std, q.Accuracy, q.AccuracyStd,
			r.PagesPerSec, r.MBPerSec, r.AllocsPerPage, r.BytesPerPage/1024,
			float64(r.PeakHeap)/1e6, float64(r.LiveOverBase())/1e6)
	}
	tw.Flush()
}

// shortVersion keeps pseudo-versions readable: v0.0.0-2025...-9f5bf5ca7612
// becomes 9f5bf5ca7612.
func shortVersion(v string) string {
	if i := strings.LastIndexByte(v, '-'); i >= 0 && len(v)-i-1 == 12 && strings.Count(v, "-") >= 2 {
		return v[i+1:]
	}
	return v
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		s = s[:max] + "..."
	}
	return s
}

// writePredictions writes {"<id>": {"articleBody": "..."}} per tool, the
// benchmark's prediction format, so that its own evaluate script can check
// the scores.
func writePredictions(dir string, results []harness.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("predictions: %w", err)
	}
	for _, r := range results {
		out := make(map[string]map[string]string, len(r.Predictions))
		for id, text := range r.Predictions {
			out[id] = map[string]string{"articleBody": text}
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return fmt.Errorf("predictions %s: %w", r.Tool, err)
		}
		if err := os.WriteFile(filepath.Join(dir, r.Tool+".json"), append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("predictions: %w", err)
		}
	}
	return nil
}

func writeJSON(path string, stdout io.Writer, rep report) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("json: %w", err)
	}
	b = append(b, '\n')
	if path == "-" {
		_, err = stdout.Write(b)
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	return nil
}
