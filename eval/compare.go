package eval

import (
	"cmp"
	"slices"
	"strings"
)

// Comparison sets a report beside a baseline scored on the same gold set
// (an earlier run, or another tool's predictions): both summaries and the
// pages whose F1 changed.
type Comparison struct {
	Source string  `json:"source"` // where the baseline came from, e.g. a file name
	Before Summary `json:"before"`
	// Better, Worse and Same count the pages whose F1 rose, fell or moved
	// by no more than Tolerance.
	Better    int     `json:"better"`
	Worse     int     `json:"worse"`
	Same      int     `json:"same"`
	Tolerance float64 `json:"tolerance"`
	// Gains and Losses list the pages with the largest changes, largest
	// first, at most the number asked for each.
	Gains  []PageChange `json:"gains,omitempty"`
	Losses []PageChange `json:"losses,omitempty"`
}

// PageChange is one page's F1 in the baseline and now.
type PageChange struct {
	ID     string  `json:"id"`
	URL    string  `json:"url,omitempty"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// CompareTolerance is the F1 change below which a page counts as the same.
const CompareTolerance = 0.001

// Compare sets r beside base, matching pages by ID (pages in only one of
// them are ignored) and listing at most n gains and n losses.
func Compare(r, base *Report, source string, n int) *Comparison {
	c := &Comparison{Source: source, Before: base.Summary, Tolerance: CompareTolerance}
	before := make(map[string]float64, len(base.Results))
	for _, p := range base.Results {
		before[p.ID] = p.F1
	}
	var changes []PageChange
	for _, p := range r.Results {
		b, ok := before[p.ID]
		if !ok {
			continue
		}
		switch d := p.F1 - b; {
		case d > CompareTolerance:
			c.Better++
		case d < -CompareTolerance:
			c.Worse++
		default:
			c.Same++
			continue
		}
		changes = append(changes, PageChange{p.ID, p.URL, b, p.F1})
	}
	delta := func(x PageChange) float64 { return x.After - x.Before }
	slices.SortStableFunc(changes, func(a, b PageChange) int {
		if c := cmp.Compare(delta(b), delta(a)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for _, x := range changes {
		if delta(x) > 0 && len(c.Gains) < n {
			c.Gains = append(c.Gains, x)
		}
	}
	for i := len(changes) - 1; i >= 0 && len(c.Losses) < n; i-- {
		if delta(changes[i]) < 0 {
			c.Losses = append(c.Losses, changes[i])
		}
	}
	return c
}
