package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Snippets are cut here rather than by FTS5's snippet(): snippet() scores
// every window around every match against every other match, quadratic in
// the matches inside one document, and a page repeating a word 20,000 times
// made one search take seconds (200,000 times: minutes). This is linear.

// SnippetWords is the length of a snippet in words.
const SnippetWords = 24

// snippetTerm is a query term in folded form: its words, and whether the
// last one is a prefix.
type snippetTerm struct {
	words  []string
	prefix bool
}

func newSnippetTerm(s string, prefix bool) snippetTerm {
	var ws []string
	for _, w := range splitWords(s) {
		ws = append(ws, fold(s[w[0]:w[1]]))
	}
	return snippetTerm{ws, prefix}
}

// splitWords returns the byte spans of the runs of letters, digits and
// marks in s, roughly the tokens of FTS5's unicode61 tokenizer.
func splitWords(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		in := isWordRune(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// fold lower-cases w and removes diacritics, as the index does
// (remove_diacritics 2).
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	d := norm.NFD.String(strings.ToLower(w))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

// snippet returns about SnippetWords words of text around the densest run
// of query terms, with "…" where text was cut; the start of the text when
// no term is in it.
func snippet(text string, terms []snippetTerm) string {
	spans := splitWords(text)
	if len(spans) == 0 {
		return ""
	}
	folded := make([]string, len(spans))
	for i, sp := range spans {
		folded[i] = fold(text[sp[0]:sp[1]])
	}
	hit := make([]int, len(spans)) // 1 where a term starts
	for i := range folded {
		for _, t := range terms {
			if termAt(folded, i, t) {
				hit[i] = 1
				break
			}
		}
	}
	// The window with the most term starts, the earliest of equals; then
	// start a few words before the first hit in it, for context.
	w := min(SnippetWords, len(spans))
	sum := 0
	for i := 0; i < w; i++ {
		sum += hit[i]
	}
	best, bestAt := sum, 0
	for s := 1; s+w <= len(spans); s++ {
		sum += hit[s+w-1] - hit[s-1]
		if sum > best {
			best, bestAt = sum, s
		}
	}
	start := bestAt
	if best > 0 {
		first := bestAt
		for hit[first] == 0 {
			first++
		}
		start = max(0, first-4)
	}
	end := min(start+w, len(spans))
	start = max(0, end-w)
	from, to := spans[start][0], len(text)
	if start == 0 {
		from = 0
	}
	if end < len(spans) {
		// Keep the punctuation that ends the last word ("output.").
		to = spans[end-1][1]
		if sp := strings.IndexFunc(text[to:], func(r rune) bool { return unicode.IsSpace(r) || isWordRune(r) }); sp >= 0 {
			to += sp
		} else {
			to = len(text)
		}
	}
	out := strings.Join(strings.Fields(text[from:to]), " ")
	if start > 0 {
		out = "…" + out
	}
	if end < len(spans) {
		out += "…"
	}
	return out
}

// termAt reports whether term t starts at word i.
func termAt(words []string, i int, t snippetTerm) bool {
	if len(t.words) == 0 || i+len(t.words) > len(words) {
		return false
	}
	for k, tw := range t.words {
		w := words[i+k]
		if k == len(t.words)-1 && t.prefix {
			if !strings.HasPrefix(w, tw) {
				return false
			}
		} else if w != tw {
			return false
		}
	}
	return true
}
