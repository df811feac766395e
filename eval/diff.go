package eval

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxExcerpts is how many missed or leaked passages a page reports, the
// longest first; maxExcerptRunes bounds the length of each.
const (
	maxExcerpts     = 3
	maxExcerptRunes = 140
)

// uncovered returns the runs of tokens of text (spans sp, tokens tok) that
// no matched shingle covers. A shingle of text matches while the other
// text still has an unused copy of it (multiset matching, in reading
// order), so repeated passages are only matched as often as they occur in
// both texts.
func uncovered(tok []string, other map[string]int, n int) [][2]int {
	if len(tok) == 0 {
		return nil
	}
	budget := make(map[string]int, len(other))
	for k, v := range other {
		budget[k] = v
	}
	covered := make([]bool, len(tok))
	w := min(n, len(tok))
	for i := 0; i+w <= len(tok); i++ {
		k := shingleKey(tok[i : i+w])
		if budget[k] > 0 {
			budget[k]--
			for j := i; j < i+w; j++ {
				covered[j] = true
			}
		}
	}
	var runs [][2]int
	for i := 0; i < len(tok); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(tok) && !covered[j] {
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

// excerpts turns the runs of text into at most maxExcerpts short quotes,
// the longest runs first, each marked with where it lies in the text
// (start, middle, end, or all of it) and followed by its length in tokens,
// and returns the total number of tokens in all runs.
func excerpts(text string, sp []span, runs [][2]int) ([]string, int) {
	total := 0
	for _, r := range runs {
		total += r[1] - r[0]
	}
	runs = slices.Clone(runs) // (the difference keeps its runs in text order)
	slices.SortStableFunc(runs, func(a, b [2]int) int { return (b[1] - b[0]) - (a[1] - a[0]) })
	var out []string
	for _, r := range runs[:min(len(runs), maxExcerpts)] {
		// Where the passage sits tells edge errors (bylines, "read more")
		// from holes in the middle (ads, captions, a second container).
		where := "middle"
		switch {
		case r[0] == 0 && r[1] == len(sp):
			where = "all"
		case r[0] == 0:
			where = "start"
		case r[1] == len(sp):
			where = "end"
		}
		s := collapseSpace(text[sp[r[0]].start:sp[r[1]-1].end])
		out = append(out, fmt.Sprintf("[%s] %s (%s)", where, shorten(s, maxExcerptRunes), plural(r[1]-r[0], "token")))
	}
	return out, total
}

// shorten keeps the start and the end of s when it has more than max
// runes, joined by an ellipsis.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	half := (max - 3) / 2
	return strings.TrimSpace(string(rs[:half])) + " … " + strings.TrimSpace(string(rs[len(rs)-half:]))
}

// excerpts returns what truth misses and pred leaks as passages, longest
// first, with their token counts.
func (d textDifference) excerpts() (missed, leaked []string, nMissed, nLeaked int) {
	missed, nMissed = excerpts(d.truth, d.tsp, d.missed)
	leaked, nLeaked = excerpts(d.pred, d.psp, d.leaked)
	return missed, leaked, nMissed, nLeaked
}

// textDifference holds both texts, their token spans, the runs of tokens
// the other text does not match, and the shingle counts and exactness
// that ScoreText would give: one tokenisation serves scoring and detail.
type textDifference struct {
	truth, pred    string
	tsp, psp       []span
	missed, leaked [][2]int
	counts         Counts
	exact          bool
}

func diffTexts(truth, pred string, n int) textDifference {
	if n < 1 {
		n = ShingleSize
	}
	d := textDifference{truth: truth, pred: pred, tsp: tokenSpans(truth), psp: tokenSpans(pred)}
	tt, pt := spanTokens(truth, d.tsp), spanTokens(pred, d.psp)
	ts, ps := Shingles(tt, n), Shingles(pt, n)
	d.missed = uncovered(tt, ps, n)
	d.leaked = uncovered(pt, ts, n)
	d.counts, d.exact = shingleCounts(ts, ps), slices.Equal(tt, pt)
	return d
}

// Edges totals missed and leaked tokens over all pages by where their
// passage lies: at the start of its text, in the middle, at the end, or
// the whole text. Most extraction errors are at the edges of the content.
type Edges struct {
	MissedStart  int `json:"missed_start"`
	MissedMiddle int `json:"missed_middle"`
	MissedEnd    int `json:"missed_end"`
	MissedAll    int `json:"missed_all"`
	LeakedStart  int `json:"leaked_start"`
	LeakedMiddle int `json:"leaked_middle"`
	LeakedEnd    int `json:"leaked_end"`
	LeakedAll    int `json:"leaked_all"`
}

func (e *Edges) add(d textDifference) {
	for _, r := range d.missed {
		addRun(r, len(d.tsp), &e.MissedStart, &e.MissedMiddle, &e.MissedEnd, &e.MissedAll)
	}
	for _, r := range d.leaked {
		addRun(r, len(d.psp), &e.LeakedStart, &e.LeakedMiddle, &e.LeakedEnd, &e.LeakedAll)
	}
}

func addRun(r [2]int, n int, start, middle, end, all *int) {
	k := r[1] - r[0]
	switch {
	case r[0] == 0 && r[1] == n:
		*all += k
	case r[0] == 0:
		*start += k
	case r[1] == n:
		*end += k
	default:
		*middle += k
	}
}

func spanTokens(text string, sp []span) []string {
	out := make([]string, len(sp))
	for i, s := range sp {
		out[i] = text[s.start:s.end]
	}
	return out
}

// plural writes a count with its noun: "1 token", "3 tokens".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
