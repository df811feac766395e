package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// maxProblemsShown bounds the problems WriteText lists; JSON lists all.
const maxProblemsShown = 20

// WriteJSON writes r as one indented JSON object.
func WriteJSON(w io.Writer, r *Report) error { return encodeIndented(w, r) }

// encodeIndented writes v as indented JSON without HTML escaping.
func encodeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteText writes r as a summary table for people, followed by the
// problems and the worst pages when there are any.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "newsclip eval: %s gold set %s\n", r.Layout, r.Dir)
	fmt.Fprintf(bw, "pages scored %d (failed %d); not scored: missing %d, malformed %d, unlabeled %d\n\n",
		r.Pages, r.Failed, r.Missing, r.Malformed, r.Unlabeled)
	fmt.Fprintf(bw, "%-10s %6s %7s\n", "metric", "value", "± std")
	for _, m := range []struct {
		name     string
		val, std float64
	}{
		{"precision", r.Precision, r.PrecisionStd},
		{"recall", r.Recall, r.RecallStd},
		{"F1", r.F1, r.F1Std},
		{"accuracy", r.Accuracy, r.AccuracyStd},
	} {
		fmt.Fprintf(bw, "%-10s %6.3f %7.3f\n", m.name, m.val, m.std)
	}
	if r.Resamples > 1 {
		fmt.Fprintf(bw, "(± is the standard deviation over %d bootstrap resamples, seed %d)\n", r.Resamples, r.Seed)
	} else {
		fmt.Fprintln(bw, "(no bootstrap: ± not computed)")
	}
	if s := r.Snippets; s != nil {
		fmt.Fprintf(bw, "\nsnippets: must %d (found %d), must_not %d (found %d)\n", s.Must, s.MustFound, s.MustNot, s.MustNotFound)
	}
	if e := r.Edges; e != nil {
		fmt.Fprintf(bw, "\n%-14s %7s %7s %7s %7s\n", "tokens", "start", "middle", "end", "all")
		fmt.Fprintf(bw, "%-14s %7d %7d %7d %7d\n", "missed", e.MissedStart, e.MissedMiddle, e.MissedEnd, e.MissedAll)
		fmt.Fprintf(bw, "%-14s %7d %7d %7d %7d\n", "leaked", e.LeakedStart, e.LeakedMiddle, e.LeakedEnd, e.LeakedAll)
		fmt.Fprintln(bw, "(where the passages the extraction missed or added lie in their text)")
	}
	if len(r.Metadata) > 0 {
		fmt.Fprintf(bw, "\n%-10s %6s %8s %9s\n", "metadata", "pages", "correct", "accuracy")
		for _, m := range r.Metadata {
			fmt.Fprintf(bw, "%-10s %6d %8d %9.3f\n", m.Field, m.Pages, m.Correct, m.Accuracy)
		}
	}
	if t := r.Timing; t != nil {
		fmt.Fprintf(bw, "\ntime: %.2f s wall, %.1f pages/s with %d workers; per page mean %.1f ms, median %.1f ms, max %.1f ms (%s)\n",
			t.WallSeconds, t.PagesPerSecond, t.Workers, t.MeanMillis, t.MedianMillis, t.MaxMillis, t.SlowestPage)
	}
	if c := r.Baseline; c != nil {
		fmt.Fprintf(bw, "\ncompared with %s:\n", c.Source)
		fmt.Fprintf(bw, "%-10s %7s %7s %8s\n", "metric", "before", "now", "change")
		for _, m := range []struct {
			name     string
			was, now float64
		}{
			{"precision", c.Before.Precision, r.Precision},
			{"recall", c.Before.Recall, r.Recall},
			{"F1", c.Before.F1, r.F1},
			{"accuracy", c.Before.Accuracy, r.Accuracy},
		} {
			fmt.Fprintf(bw, "%-10s %7.3f %7.3f %+8.3f\n", m.name, m.was, m.now, m.now-m.was)
		}
		fmt.Fprintf(bw, "pages: %d better, %d worse, %d the same (F1 within %g)\n", c.Better, c.Worse, c.Same, c.Tolerance)
		for _, x := range c.Gains {
			fmt.Fprintf(bw, "  + %s  F1 %.3f -> %.3f  %s\n", x.ID, x.Before, x.After, x.URL)
		}
		for _, x := range c.Losses {
			fmt.Fprintf(bw, "  - %s  F1 %.3f -> %.3f  %s\n", x.ID, x.Before, x.After, x.URL)
		}
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(bw, "\nproblems (%d):\n", len(r.Problems))
		for i, p := range r.Problems {
			if i == maxProblemsShown {
				fmt.Fprintf(bw, "  ... and %d more (--json lists all)\n", len(r.Problems)-i)
				break
			}
			fmt.Fprintf(bw, "  %-9s %s: %s\n", p.Kind, p.ID, shorten(p.Error, 200))
		}
	}
	if len(r.Worst) > 0 {
		fmt.Fprintf(bw, "\nworst %d pages by F1:\n", len(r.Worst))
		for i, p := range r.Worst {
			fmt.Fprintf(bw, "%3d. %s  F1 %.3f  P %.3f  R %.3f  %s\n", i+1, p.ID, p.F1, p.Precision, p.Recall, p.URL)
			if p.Error != "" {
				fmt.Fprintf(bw, "     failed: %s\n", shorten(p.Error, 200))
			}
			unit := "token"
			if r.Layout == Snippets {
				unit = "snippet"
			}
			if len(p.Missed) > 0 {
				fmt.Fprintf(bw, "     missed %s:\n", plural(p.MissedTokens, unit))
				for _, s := range p.Missed {
					fmt.Fprintf(bw, "       - %s\n", s)
				}
			}
			if len(p.Leaked) > 0 {
				fmt.Fprintf(bw, "     leaked %s:\n", plural(p.LeakedTokens, unit))
				for _, s := range p.Leaked {
					fmt.Fprintf(bw, "       + %s\n", s)
				}
			}
			for _, m := range p.Meta {
				if !m.OK {
					fmt.Fprintf(bw, "     %s: want %q, got %q\n", m.Field, m.Want, m.Got)
				}
			}
		}
	}
	return bw.Flush()
}
