package eval

import (
	"strings"
	"unicode"
)

// collapseSpace trims s and replaces every run of white space (including
// no-break spaces) with one space.
func collapseSpace(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// snippetResult is the outcome of one page in the snippet layout.
type snippetResult struct {
	tp, fp, fn int      // must found, must_not found, must missing
	missed     []string // must snippets not found
	leaked     []string // must_not snippets found
}

// checkSnippets looks for each snippet of p in the predicted body text:
// white space collapsed on both sides, soft hyphens removed from the
// prediction, then an exact, case-sensitive substring test.
func checkSnippets(p Page, pred string) snippetResult {
	body := collapseSpace(CleanPrediction(pred))
	var r snippetResult
	for _, s := range p.Must {
		if strings.Contains(body, s) {
			r.tp++
		} else {
			r.fn++
			r.missed = append(r.missed, s)
		}
	}
	for _, s := range p.MustNot {
		if strings.Contains(body, s) {
			r.fp++
			r.leaked = append(r.leaked, s)
		}
	}
	return r
}

// ratio is a/(a+b) with the per-page conventions of Counts: 1 when there
// is no error at all (b = other = 0), 0 when a = b = 0.
func ratio(a, b, other int) float64 {
	switch {
	case b == 0 && other == 0:
		return 1
	case a == 0 && b == 0:
		return 0
	}
	return float64(a) / float64(a+b)
}

// snippetPoint computes the snippet layout's corpus figures over the pages
// at idx: precision and recall over all snippets pooled (must snippets
// found are true positives, must_not snippets found false positives, must
// snippets missing false negatives), F1 their harmonic mean, accuracy the
// share of pages with every must and no must_not snippet.
func snippetPoint(rs []snippetResult, idx []int) (p, r, f, acc float64) {
	var tp, fp, fn, ok int
	for _, i := range idx {
		tp += rs[i].tp
		fp += rs[i].fp
		fn += rs[i].fn
		if rs[i].fp == 0 && rs[i].fn == 0 {
			ok++
		}
	}
	p, r = ratio(tp, fp, fn), ratio(tp, fn, fp)
	if len(idx) > 0 {
		acc = float64(ok) / float64(len(idx))
	}
	return p, r, harmonic(p, r), acc
}
