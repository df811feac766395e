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
func uncovered(tok []string, sp []span, other map[string]int, n int) [][2]int {
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

// textDiff reports what the prediction missed of the truth and what it
// added, as short excerpts, with the token counts of each.
func textDiff(truth, pred string, n int) (missed, leaked []string, nMissed, nLeaked int) {
	if n < 1 {
		n = ShingleSize
	}
	tsp, psp := tokenSpans(truth), tokenSpans(pred)
	tt, pt := spanTokens(truth, tsp), spanTokens(pred, psp)
	missed, nMissed = excerpts(truth, tsp, uncovered(tt, tsp, Shingles(pt, n), n))
	leaked, nLeaked = excerpts(pred, psp, uncovered(pt, psp, Shingles(tt, n), n))
	return missed, leaked, nMissed, nLeaked
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
