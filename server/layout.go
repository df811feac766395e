package server

import (
	"fmt"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

// articlePage is an article laid out for the reader: its blocks cut into
// segments where quotes start and end, so that the template can mark the
// quoted text and name the speaker after it.
type articlePage struct {
	Headline []seg
	Blocks   []blockView
	Quotes   []quoteRow
}

// seg is a run of text, inside quote N (1-based) or outside (N == 0).
// Label is set on the last segment of a quote: the speaker's name follows it.
type seg struct {
	Text    string
	N       int
	Kind    string
	Speaker string
	Label   bool
}

type blockView struct {
	Type    string
	Segs    []seg
	Items   [][]seg
	Ordered bool
	Rows    [][]string
	Figure  *article.Figure
}

type quoteRow struct {
	N                        int
	Text, Kind, Cue, Where   string
	Speaker, Role, Addressee string
	When                     string
}

// span is a stretch of article.Text() inside quote n.
type span struct {
	start, end, n int
}

// layoutArticle cuts the article's text where its quotes are. Quote
// offsets refer to a.Text(): the headline, then every non-empty block,
// separated by blank lines; the layout walks the blocks the same way.
func layoutArticle(a *article.Article) articlePage {
	var p articlePage
	text := a.Text()
	var spans []span
	for i, q := range a.Quotes {
		parts := q.Parts
		if len(parts) == 0 {
			parts = []article.Mention{{Start: q.Start, End: q.End}}
		}
		for _, m := range parts {
			if m.Start >= 0 && m.End <= len(text) && m.Start < m.End &&
				utf8.RuneStart(text[m.Start]) && (m.End == len(text) || utf8.RuneStart(text[m.End])) {
				spans = append(spans, span{m.Start, m.End, i + 1})
			}
		}
		row := quoteRow{N: i + 1, Text: q.Text, Kind: q.Kind, Cue: q.Cue, Where: q.Where}
		if q.Speaker != nil {
			row.Speaker, row.Role = q.Speaker.Name, q.Speaker.Role
		}
		if q.Addressee != nil {
			row.Addressee = q.Addressee.Name
		}
		if q.When != nil {
			row.When = q.When.Text
			if q.When.Date != "" {
				row.When += " (" + q.When.Date + ")"
			}
		}
		p.Quotes = append(p.Quotes, row)
	}
	// Quotes may nest ("X said that Y would ask Z for funds" holds Y's
	// request inside X's statement): cut the text into pieces at every
	// quote boundary and give each piece to the innermost quote over it,
	// so that every quote is marked somewhere.
	spans = innermost(spans)
	// The label goes after the last piece of each quote.
	last := map[int]int{}
	for _, s := range spans {
		if s.end > last[s.n] {
			last[s.n] = s.end
		}
	}
	cut := func(s string, base int) []seg { return cutSegments(s, base, spans, last, a.Quotes) }

	pos := 0
	if a.Headline != "" {
		p.Headline = cut(a.Headline, 0)
		pos = len(a.Headline)
	}
	for _, b := range a.Body {
		t := article.BlockText(b)
		if t == "" {
			continue
		}
		if pos > 0 {
			pos += 2
		}
		bv := blockView{Type: string(b.Type), Ordered: b.Ordered, Rows: b.Rows, Figure: b.Figure}
		switch b.Type {
		case article.List:
			off := pos
			for _, it := range b.Items {
				bv.Items = append(bv.Items, cut(it, off))
				off += len(it) + 1
			}
		case article.Table, article.FigureBlk:
			// Figures and tables yield no quotes.
		default:
			bv.Segs = cut(t, pos)
		}
		p.Blocks = append(p.Blocks, bv)
		pos += len(t)
	}
	return p
}

// innermost turns possibly overlapping spans into disjoint pieces in text
// order, each owned by the innermost span covering it (the latest start,
// then the earliest end). Adjacent pieces of one owner are merged.
func innermost(spans []span) []span {
	if len(spans) == 0 {
		return nil
	}
	points := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		points = append(points, s.start, s.end)
	}
	sort.Ints(points)
	var out []span
	for i := 1; i < len(points); i++ {
		a, b := points[i-1], points[i]
		if a == b {
			continue
		}
		owner := -1
		for k, s := range spans {
			if s.start <= a && s.end >= b && (owner < 0 || s.start > spans[owner].start ||
				s.start == spans[owner].start && s.end < spans[owner].end) {
				owner = k
			}
		}
		if owner < 0 {
			continue
		}
		n := spans[owner].n
		if len(out) > 0 && out[len(out)-1].n == n && out[len(out)-1].end == a {
			out[len(out)-1].end = b
			continue
		}
		out = append(out, span{a, b, n})
	}
	return out
}

// cutSegments cuts s, found at offset base of the article text, at the
// quote spans that touch it; the spans are disjoint and in order.
func cutSegments(s string, base int, spans []span, last map[int]int, quotes []article.Quote) []seg {
	var out []seg
	cur := 0 // offset in s
	end := base + len(s)
	for _, sp := range spans {
		if sp.end <= base+cur || sp.start >= end {
			continue
		}
		st, en := max(sp.start, base+cur)-base, min(sp.end, end)-base
		if st >= en {
			continue
		}
		if st > cur {
			out = append(out, seg{Text: s[cur:st]})
		}
		q := quotes[sp.n-1]
		sg := seg{Text: s[st:en], N: sp.n, Kind: q.Kind, Label: sp.end == last[sp.n] && sp.end <= end}
		if q.Speaker != nil {
			sg.Speaker = q.Speaker.Name
		}
		out = append(out, sg)
		cur = en
	}
	if cur < len(s) {
		out = append(out, seg{Text: s[cur:]})
	}
	return out
}

// chart is a bar chart of quotes over time, drawn as inline SVG.
type chart struct {
	Width, Height int
	PlotTop       int
	Baseline      int
	Unit          string // "day" or "week"
	Bars          []bar
	Max           int
	First, Last   string
	Summary       string
}

type bar struct {
	X, Y, W, H float64
	Count      int
	Label      string
}

// quoteDate is when a quote was made: its resolved date, else the
// article's publication, else when it was first collected.
func quoteDate(q store.QuoteHit) time.Time {
	if q.Quote.When != nil && q.Quote.When.Date != "" {
		if t, err := time.Parse(time.DateOnly, q.Quote.When.Date); err == nil {
			return t
		}
	}
	if q.Published != nil && !q.Published.IsZero() {
		return q.Published.UTC()
	}
	return q.FirstSeen.UTC()
}

// timeline counts quotes per day, or per week (from Monday) when they
// span more than 60 days.
func timeline(qs []store.QuoteHit) chart {
	c := chart{Width: 640, Height: 160, PlotTop: 24, Baseline: 130, Unit: "day"}
	if len(qs) == 0 {
		return c
	}
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	lo, hi := day(quoteDate(qs[0])), day(quoteDate(qs[0]))
	for _, q := range qs {
		d := day(quoteDate(q))
		if d.Before(lo) {
			lo = d
		}
		if d.After(hi) {
			hi = d
		}
	}
	// Buckets: days up to 60 days, weeks (from Monday) up to two years,
	// months up to fifty years, years beyond, so that bogus dates cannot
	// make the chart (or its memory) huge.
	var index func(time.Time) int
	var start func(i int) time.Time
	format := "2 Jan 2006"
	span := hi.Sub(lo) // saturates rather than overflows
	switch {
	case span <= 60*24*time.Hour:
		index = func(t time.Time) int { return int(t.Sub(lo) / (24 * time.Hour)) }
		start = func(i int) time.Time { return lo.AddDate(0, 0, i) }
	case span <= 2*366*24*time.Hour:
		c.Unit = "week"
		lo = lo.AddDate(0, 0, -((int(lo.Weekday()) + 6) % 7))
		index = func(t time.Time) int { return int(t.Sub(lo) / (7 * 24 * time.Hour)) }
		start = func(i int) time.Time { return lo.AddDate(0, 0, 7*i) }
	case hi.Year()-lo.Year() <= 50:
		c.Unit, format = "month", "Jan 2006"
		lo = time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
		index = func(t time.Time) int { return (t.Year()-lo.Year())*12 + int(t.Month()) - int(lo.Month()) }
		start = func(i int) time.Time { return lo.AddDate(0, i, 0) }
	default:
		c.Unit, format = "year", "2006"
		lo = time.Date(lo.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		index = func(t time.Time) int { return t.Year() - lo.Year() }
		start = func(i int) time.Time { return lo.AddDate(i, 0, 0) }
	}
	n := index(hi) + 1
	counts := make([]int, n)
	for _, q := range qs {
		counts[index(day(quoteDate(q)))]++
	}
	for _, k := range counts {
		c.Max = max(c.Max, k)
	}
	plotH := float64(c.Baseline - c.PlotTop)
	w := float64(c.Width) / float64(n)
	for i, k := range counts {
		h := plotH * float64(k) / float64(c.Max)
		label := start(i).Format(format)
		if c.Unit == "week" {
			label = "week of " + label
		}
		label += ": " + plural(k, "quote")
		c.Bars = append(c.Bars, bar{X: float64(i)*w + w*0.1, W: w * 0.8, Y: float64(c.Baseline) - h, H: h, Count: k, Label: label})
	}
	c.First, c.Last = start(0).Format(format), start(n-1).Format(format)
	c.Summary = fmt.Sprintf("%s from %s to %s, counted per %s; at most %d in one %s",
		plural(len(qs), "quote"), c.First, c.Last, c.Unit, c.Max, c.Unit)
	return c
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
