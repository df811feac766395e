package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/newsclip/newsclip/attribute"
	"github.com/newsclip/newsclip/eval"
)

// attrDocResult is the score of one gold article.
type attrDocResult struct {
	DocID string         `json:"doc_id"`
	Gold  int            `json:"gold"`
	Pred  int            `json:"predicted"`
	Score eval.AttrScore `json:"score"`
}

// runAttributionEval scores the attributor on a PolNeAR-style gold file
// (path to a .jsonl file or a folder holding gold_dev.jsonl). asJSON selects
// JSON output; worst lists the N worst articles.
func runAttributionEval(ctx context.Context, path string, asJSON bool, worst int, noTiming bool, stdout, stderr io.Writer) int {
	docs, err := eval.LoadAttributionGold(path)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
		return 1
	}
	total := eval.NewAttrScore()
	results := make([]attrDocResult, 0, len(docs))
	nGold, nPred, bytes := 0, 0, 0
	start := time.Now()
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
			return 1
		}
		var opts attribute.Options
		if t, err := time.Parse("2006-01-02", d.PublicationDate); err == nil {
			opts.Published = t
		}
		res := attribute.Text(d.Text, opts)
		sc := eval.ScoreAttribution(d, res.Quotes)
		total.Add(sc)
		results = append(results, attrDocResult{DocID: d.DocID, Gold: len(d.Attributions), Pred: len(res.Quotes), Score: sc})
		nGold += len(d.Attributions)
		nPred += len(res.Quotes)
		bytes += len(d.Text)
	}
	elapsed := time.Since(start)
	// Worst first by lenient F1, ties by ID; an article with neither gold
	// nor predictions is perfect, not worst.
	results = slices.DeleteFunc(results, func(r attrDocResult) bool {
		c := r.Score.Lenient["all"]
		return c.TP+c.FP+c.FN == 0
	})
	slices.SortStableFunc(results, func(a, b attrDocResult) int {
		if c := cmp.Compare(a.Score.Lenient["all"].F1(), b.Score.Lenient["all"].F1()); c != 0 {
			return c
		}
		return strings.Compare(a.DocID, b.DocID)
	})
	if worst > len(results) {
		worst = len(results)
	}
	if asJSON {
		out := struct {
			Articles     int             `json:"articles"`
			Gold         int             `json:"gold"`
			Predicted    int             `json:"predicted"`
			Score        eval.AttrScore  `json:"score"`
			Worst        []attrDocResult `json:"worst,omitempty"`
			MBPerSecond  float64         `json:"mb_per_second,omitempty"`
			ElapsedMilli float64         `json:"elapsed_ms,omitempty"`
		}{Articles: len(docs), Gold: nGold, Predicted: nPred, Score: total, Worst: results[:worst]}
		if !noTiming {
			out.MBPerSecond, out.ElapsedMilli = float64(bytes)/1e6/elapsed.Seconds(), float64(elapsed)/1e6
		}
		if err := writeJSON(stdout, out, false); err != nil {
			fmt.Fprintf(stderr, "newsclip eval: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "attribution: %d articles, %d gold attributions, %d predicted\n\n", len(docs), nGold, nPred)
	fmt.Fprintf(stdout, "%-8s %-22s %-22s %-22s %-9s %-9s %-9s\n", "subset", "lenient P/R/F1 (≥0.3)", "strict P/R/F1 (≥0.8)", "exact P/R/F1", "spk-ment", "spk-name", "cue")
	for _, sub := range eval.AttrSubsets {
		l, s, e := total.Lenient[sub], total.Strict[sub], total.Exact[sub]
		fmt.Fprintf(stdout, "%-8s %-22s %-22s %-22s %-9s %-9s %-9s\n", sub, prf(l), prf(s), prf(e),
			pct(total.SpeakerMention[sub]), pct(total.SpeakerName[sub]), pct(total.Cue[sub]))
	}
	fmt.Fprintf(stdout, "\nsubsets by content_quote_marks: quoted = full + partial; speaker and cue on lenient pairs\n")
	if !noTiming {
		fmt.Fprintf(stdout, "speed: %.2f MB/s (%d bytes in %v, one core, wall clock)\n", float64(bytes)/1e6/elapsed.Seconds(), bytes, elapsed.Round(time.Millisecond))
	}
	if worst > 0 {
		fmt.Fprintf(stdout, "\nworst %d articles by lenient F1:\n", worst)
		for _, r := range results[:worst] {
			l := r.Score.Lenient["all"]
			fmt.Fprintf(stdout, "  %-50s F1 %.3f  tp %d fp %d fn %d\n", r.DocID, l.F1(), l.TP, l.FP, l.FN)
		}
	}
	return 0
}

func prf(c eval.AttrCounts) string {
	return fmt.Sprintf("%.3f/%.3f/%.3f", c.P(), c.R(), c.F1())
}

func pct(r eval.AttrRate) string {
	if r.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*r.Value())
}
