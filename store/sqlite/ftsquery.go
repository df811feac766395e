package sqlite

import (
	"strings"
	"unicode"

	"github.com/newsclip/newsclip/store"
)

// ftsQuery turns what a user typed into an FTS5 query that cannot be a
// syntax error: every word becomes a quoted FTS5 string, so FTS5 operators,
// column filters, parentheses and stray quote marks in the input are text,
// never syntax. It keeps a small, safe query language:
//
//	word word     both words (implicit AND; a bare AND is ignored)
//	"a phrase"    the words in this order (an unclosed quote runs to the end)
//	word*         prefix
//	a OR b        either (OR in capitals, between two terms)
//	-word, NOT w  exclude (needs at least one word to include)
//
// Words with no letter or digit are dropped; nothing left is store.ErrNoWords.
func ftsQuery(text string) (string, error) {
	q, err := parseQuery(text)
	return q.fts, err
}

// query is a parsed user query: the FTS5 text and the terms to look for
// when cutting a snippet.
type query struct {
	fts   string
	terms []snippetTerm
}

func parseQuery(text string) (query, error) {
	type term struct {
		s       string // quoted FTS5 string, with * for prefix
		exclude bool
	}
	var terms []snippetTerm
	var (
		groups   [][]string // OR groups of ANDed terms
		cur      []string
		excludes []string
		pendOR   bool
		negNext  bool
	)
	add := func(t term) {
		if t.exclude {
			excludes = append(excludes, t.s)
			return
		}
		if pendOR && len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
		pendOR = false
		cur = append(cur, t.s)
	}
	// FTS5 reads its query as a C string: a NUL would end it mid-quote.
	rs := []rune(strings.ReplaceAll(text, "\x00", " "))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
			continue
		case r == '"' || (r == '-' && i+1 < len(rs) && rs[i+1] == '"'):
			neg := r == '-' || negNext
			negNext = false
			if r == '-' {
				i++
			}
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			phrase := string(rs[i+1 : min(j, len(rs))])
			i = j + 1
			prefix := i < len(rs) && rs[i] == '*'
			if prefix {
				i++
			}
			if s, ok := quoteFTS(phrase, prefix); ok {
				add(term{s, neg})
				if !neg {
					terms = append(terms, newSnippetTerm(phrase, prefix))
				}
			}
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
			j++
		}
		w := string(rs[i:j])
		i = j
		switch w {
		case "OR":
			pendOR = true
			continue
		case "AND":
			continue
		case "NOT":
			negNext = true
			continue
		}
		neg := negNext
		negNext = false
		if strings.HasPrefix(w, "-") {
			neg = true
			w = strings.TrimLeft(w, "-")
		}
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimRight(w, "*")
		if s, ok := quoteFTS(w, prefix); ok {
			add(term{s, neg})
			if !neg {
				terms = append(terms, newSnippetTerm(w, prefix))
			}
		}
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	if len(groups) == 0 {
		return query{}, store.ErrNoWords
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = strings.Join(g, " ")
	}
	q := strings.Join(parts, " OR ")
	if len(excludes) > 0 {
		q = "(" + q + ")"
		for _, e := range excludes {
			q += " NOT " + e
		}
	}
	return query{fts: q, terms: terms}, nil
}

// quoteFTS makes s one FTS5 string ("" doubles a quote mark), with a
// trailing * for a prefix query. It reports false when s has no letter or
// digit, which FTS5 would find no token in.
func quoteFTS(s string, prefix bool) (string, bool) {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return "", false
	}
	q := `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	if prefix {
		q += "*"
	}
	return q, true
}
