package server

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

// FuzzLayoutArticle: quotes with any offsets, against any text, never
// panic the layout, and the laid-out text is the article's text.
func FuzzLayoutArticle(f *testing.F) {
	f.Add("Headline", "First \"quoted\" words.", "item one\nitem two", 10, 18, -1, 400, 0, 3)
	f.Add("", "é€😀", "", 1, 2, 0, 4, 2, 1)
	f.Fuzz(func(t *testing.T, headline, para, list string, s1, e1, s2, e2, p1, p2 int) {
		a := &article.Article{Headline: headline, Body: []article.Block{
			{Type: article.Paragraph, Text: para},
			{Type: article.List, Items: strings.Split(list, "\n")},
			{Type: article.FigureBlk, Figure: &article.Figure{Caption: para}},
		}}
		a.Quotes = []article.Quote{
			{Start: s1, End: e1, Speaker: &article.Entity{Name: "A"}},
			{Start: s2, End: e2, Parts: []article.Mention{{Start: p1, End: p2}, {Start: s1, End: e2}}},
		}
		p := layoutArticle(a)
		var sb strings.Builder
		for _, s := range p.Headline {
			sb.WriteString(s.Text)
		}
		if sb.String() != headline {
			t.Errorf("headline laid out as %q, want %q", sb.String(), headline)
		}
		for _, b := range p.Blocks {
			if b.Type == string(article.Paragraph) {
				sb.Reset()
				for _, s := range b.Segs {
					sb.WriteString(s.Text)
				}
				if sb.String() != para {
					t.Errorf("paragraph laid out as %q, want %q", sb.String(), para)
				}
			}
		}
	})
}

// FuzzSearchQuery: any query string gives a query or a 400, never a
// panic, and accepted paging stays in bounds.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"q=a&limit=5", "from=2026-01-01&to=2025-01-01", "limit=-1", "offset=99999999999999999999", "from=2026-02-30T00:00:00Z", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := searchQuery(v)
		if err != nil {
			if _, ok := err.(*apiError); !ok {
				t.Fatalf("error %T %v is not an apiError", err, err)
			}
			return
		}
		if q.Limit < 1 || q.Limit > maxLimit || q.Offset < 0 || q.Offset > maxOffset {
			t.Errorf("paging out of bounds: %+v", q)
		}
		if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
			t.Errorf("to before from accepted: %+v", q)
		}
	})
}

// FuzzTimeline: quotes on any dates give a chart whose bars count every
// quote, never a panic.
func FuzzTimeline(f *testing.F) {
	f.Add(int64(0), int64(86400*3), "2026-01-03")
	f.Add(int64(-62135596800), int64(253402300799), "9999-12-31")
	f.Fuzz(func(t *testing.T, a, b int64, when string) {
		ta, tb := time.Unix(a%253402300800, 0).UTC(), time.Unix(b%253402300800, 0).UTC()
		if ta.Year() < 1 || tb.Year() < 1 || ta.Year() > 9999 || tb.Year() > 9999 {
			return
		}
		qs := []store.QuoteHit{{Published: &ta}, {Published: &tb}, {FirstSeen: ta}}
		qs[2].Quote.When = &article.When{Date: when}
		c := timeline(qs)
		total := 0
		for _, b := range c.Bars {
			total += b.Count
		}
		if total != len(qs) || len(c.Bars) > 10000 {
			t.Errorf("%d bars counting %d quotes", len(c.Bars), total)
		}
	})
}
