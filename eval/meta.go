package eval

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/newsclip/newsclip/article"
)

// Metadata field names, as reported.
const (
	FieldHeadline  = "headline"
	FieldAuthors   = "authors"
	FieldPublished = "published"
)

// MetaCheck is the comparison of one metadata field of one page.
type MetaCheck struct {
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got"`
	OK    bool   `json:"ok"`
}

// MetaScore is the accuracy of one metadata field over the pages whose
// gold gives it.
type MetaScore struct {
	Field    string  `json:"field"`
	Pages    int     `json:"pages"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// NormalizeMeta puts a metadata value in the form compared: NFKC, lower
// case, punctuation and symbols dropped, white space collapsed. "The
// Times’ Editor" and "the times editor" compare equal.
func NormalizeMeta(s string) string {
	s = norm.NFKC.String(s)
	var sb strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.Is(unicode.Cf, r):
			// Dropped, so "O'Neil" and "ONeil" agree; it separates nothing.
		case unicode.IsSpace(r):
			space = sb.Len() > 0
		default:
			if space {
				sb.WriteByte(' ')
				space = false
			}
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// goldDay parses a gold date: YYYY-MM-DD, or an RFC 3339 time whose day
// (in the zone it was written in) is taken.
func goldDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.DateOnly), true
	}
	return "", false
}

// checkMeta compares the metadata gold of p with the extracted article a
// (nil when extraction failed). Only fields the gold gives are checked.
func checkMeta(p Page, a *article.Article) []MetaCheck {
	var out []MetaCheck
	if p.Headline != "" {
		got := ""
		if a != nil {
			got = a.Headline
		}
		out = append(out, MetaCheck{FieldHeadline, p.Headline, got, got != "" && NormalizeMeta(got) == NormalizeMeta(p.Headline)})
	}
	if len(p.Authors) > 0 {
		var got []string
		if a != nil {
			got = a.Authors
		}
		out = append(out, MetaCheck{FieldAuthors, strings.Join(p.Authors, "; "), strings.Join(got, "; "), sameNames(p.Authors, got)})
	}
	if p.Published != "" {
		want, _ := goldDay(p.Published)
		got := ""
		if a != nil && a.Published != nil && !a.Published.Time.IsZero() {
			got = a.Published.Time.Format(time.DateOnly) // the day in the page's own zone
		}
		out = append(out, MetaCheck{FieldPublished, want, got, got != "" && got == want})
	}
	return out
}

// sameNames reports whether two author lists name the same set of people
// after normalisation (order and duplicates ignored).
func sameNames(want, got []string) bool {
	set := func(xs []string) []string {
		var out []string
		for _, x := range xs {
			if n := NormalizeMeta(x); n != "" {
				out = append(out, n)
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	w, g := set(want), set(got)
	return len(w) > 0 && slices.Equal(w, g)
}

// metaScores totals the checks of all pages by field, in a fixed order.
func metaScores(checks [][]MetaCheck) []MetaScore {
	var out []MetaScore
	for _, f := range []string{FieldHeadline, FieldAuthors, FieldPublished} {
		s := MetaScore{Field: f}
		for _, cs := range checks {
			for _, c := range cs {
				if c.Field == f {
					s.Pages++
					if c.OK {
						s.Correct++
					}
				}
			}
		}
		if s.Pages > 0 {
			s.Accuracy = float64(s.Correct) / float64(s.Pages)
			out = append(out, s)
		}
	}
	return out
}
