package eval

import "strings"

// collapseSpace trims s and replaces every run of white space (including
// no-break spaces) with one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
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

// counts are the page's snippet tallies as Counts, for their precision
// and recall conventions.
func (r snippetResult) counts() Counts {
	return Counts{TP: float64(r.tp), FP: float64(r.fp), FN: float64(r.fn)}
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
	c := snippetResult{tp: tp, fp: fp, fn: fn}.counts()
	p, r = c.Precision(), c.Recall()
	if len(idx) > 0 {
		acc = float64(ok) / float64(len(idx))
	}
	return p, r, harmonic(p, r), acc
}
