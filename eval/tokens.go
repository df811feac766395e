package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ShingleSize is the number of consecutive tokens in one shingle, as in the
// ScrapingHub benchmark.
const ShingleSize = 4

// softHyphen is removed from predictions before scoring: it is a format
// character, so it would split a word into two tokens, and the benchmark's
// runners strip it from the output of the tools they score.
const softHyphen = "\u00ad"

// span is one token: byte offsets into the text it came from.
type span struct{ start, end int }

// isWordRune reports whether r belongs to a token: a Unicode letter or
// number, or the underscore. This is the set Python 3's \w matches on str,
// which the benchmark's tokenizer uses; Go's regexp \w is ASCII-only, so a
// hand loop is both correct and faster.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// tokenSpans returns every maximal run of word runes in text. Invalid UTF-8
// bytes decode to U+FFFD, which is not a word rune, so they split tokens.
func tokenSpans(text string) []span {
	var out []span
	start := -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, span{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// Tokens splits text into the benchmark's tokens: maximal runs of Unicode
// letters, numbers and underscores, case kept. Punctuation, white space,
// combining marks and format characters separate tokens and are dropped.
// A run of Japanese or Chinese letters with no space in it is one token.
func Tokens(text string) []string {
	return spanTokens(text, tokenSpans(text))
}

// shingleKey joins tokens into a map key. Tokens never contain a space, so
// the key is unambiguous.
func shingleKey(tokens []string) string {
	return strings.Join(tokens, " ")
}

// Shingles returns the multiset of n-token shingles of tokens: every run of
// n consecutive tokens, counted. A list shorter than n (but not empty)
// yields one shingle of all its tokens; an empty list yields none.
func Shingles(tokens []string, n int) map[string]int {
	if n < 1 {
		n = ShingleSize
	}
	out := make(map[string]int)
	if len(tokens) == 0 {
		return out
	}
	if len(tokens) <= n {
		out[shingleKey(tokens)]++
		return out
	}
	for i := 0; i+n <= len(tokens); i++ {
		out[shingleKey(tokens[i:i+n])]++
	}
	return out
}
