package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/eval"
)

const evalUsage = `Usage: newsclip eval [flags] DIR

Scores the extractor on a gold set and prints a summary table (or, with
--json, one JSON object). DIR is one of:
  - a ScrapingHub benchmark folder: html/<id>.html + ground-truth.json
  - a snippet folder: pages/<id>.html + snippets.json or pages/<id>.json
  - an attribution gold set: a .jsonl file, or a folder with gold_dev.jsonl
See docs/eval.md for the layouts and how the figures are computed.

Flags:
`

// runEval implements "newsclip eval".
func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return evalCommand(ctx, args, stdout, stderr, extractorFunc())
}

// evalCommand is runEval with the extractor under evaluation as a
// parameter, so that tests can stand in a known one.
func evalCommand(ctx context.Context, args []string, stdout, stderr io.Writer, extractor eval.ExtractFunc) int {
	fs := newFlagSet("eval", evalUsage, stderr)
	asJSON := fs.Bool("json", false, "print one JSON object instead of the table")
	worst := fs.Int("worst", 0, "detail the `N` worst pages (what was missed, what leaked in)")
	workers := fs.Int("j", 0, "pages extracted at once (0: GOMAXPROCS)")
	seed := fs.Uint64("seed", 1, "seed of the bootstrap behind the ± figures")
	resamples := fs.Int("bootstrap", eval.DefaultResamples, "bootstrap resamples (0: no ± figures)")
	layout := fs.String("layout", "auto", "gold layout: auto, scrapinghub or snippets")
	save := fs.String("save", "", "also write the predicted body texts to `FILE` (ScrapingHub prediction format)")
	allPages := fs.Bool("pages", false, "with --json, list every page's scores and differences (to compare runs)")
	baseline := fs.String("baseline", "", "compare with the predictions in `FILE` (as written by --save, or another tool's)")
	noTiming := fs.Bool("no-timing", false, "leave timing out, so that output is byte-for-byte reproducible")
	pos, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "newsclip eval: want exactly one gold folder or file")
		fs.Usage()
		return 2
	}
	if *worst < 0 {
		fmt.Fprintln(stderr, "newsclip eval: --worst must not be negative")
		return 2
	}
	dir := pos[0]
	if isAttributionGold(dir) {
		// The page-extraction flags mean nothing here: say so rather than
		// ignore them.
		var unused []string
		fs.Visit(func(f *flag.Flag) {
			if f.Name != "json" && f.Name != "worst" && f.Name != "no-timing" {
				unused = append(unused, "--"+f.Name)
			}
		})
		if len(unused) > 0 {
			fmt.Fprintf(stderr, "newsclip eval: %s: not for an attribution gold set (it takes --json, --worst, --no-timing)\n", strings.Join(unused, ", "))
			return 2
		}
		return runAttributionEval(ctx, dir, *asJSON, *worst, *noTiming, stdout, stderr)
	}

	var set *eval.GoldSet
	var err error
	switch *layout {
	case "auto":
		set, err = eval.Load(dir)
	case string(eval.ScrapingHub), string(eval.Snippets):
		set, err = eval.LoadLayout(dir, eval.Layout(*layout))
	default:
		fmt.Fprintf(stderr, "newsclip eval: unknown layout %q (want auto, scrapinghub or snippets)\n", *layout)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
		return 1
	}
	opts := eval.Options{Workers: *workers, Seed: *seed, Worst: *worst, Resamples: *resamples, AllPages: *allPages && *asJSON}
	if *resamples == 0 {
		opts.Resamples = -1
	}
	report, err := eval.Run(ctx, set, extractor, opts)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
		return 1
	}
	if *baseline != "" {
		preds, err := eval.LoadPredictions(*baseline)
		if err != nil {
			fmt.Fprintf(stderr, "newsclip eval: baseline: %v\n", err)
			return 1
		}
		bopts := opts
		bopts.Worst, bopts.AllPages = 0, false
		base := eval.ScoreBodies(set, preds, bopts)
		report.Baseline = eval.Compare(report, base, *baseline, max(*worst, 10))
	}
	if *save != "" {
		if err := savePredictions(*save, report); err != nil {
			fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
			return 1
		}
	}
	if *noTiming {
		report.Timing = nil
	}
	if *asJSON {
		err = eval.WriteJSON(stdout, report)
	} else {
		err = eval.WriteText(stdout, report)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
		return 1
	}
	return 0
}

// extractorFunc is the extractor under evaluation: the root API with its
// default options, which tells HTML from plain text by itself.
func extractorFunc() eval.ExtractFunc {
	x := newsclip.New()
	return func(ctx context.Context, page []byte, url string) (*article.Article, error) {
		return x.ExtractBytes(ctx, page, "", url)
	}
}

func savePredictions(path string, r *eval.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := eval.WritePredictions(f, r); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// isAttributionGold reports whether path is an attribution gold set: a
// .jsonl file or a folder holding eval.AttrGoldFile.
func isAttributionGold(path string) bool {
	_, ok := eval.AttributionGoldPath(path)
	return ok
}
