package attribute

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota
	tPunct         // one punctuation rune (or "--", "...")
	tMark          // a double quotation mark
)

// Quote-mark behaviour.
const (
	mAmbig = iota // " and '' open or close by context
	mOpen         // “ „ « ``
	mClose        // ” »
)

type tok struct {
	s, e int // byte offsets into the full text
	kind tokKind
	mark uint8  // for tMark
	low  string // lower-cased word, or the punctuation itself
	cap  bool   // a word starting with an upper-case letter
	q    int32  // index of the quote span holding it, -1 outside quotes
}

// isWordRune reports runes that belong inside a word token.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits text[start:end] into tokens, appending to dst. One pass,
// no regular expressions.
func tokenize(dst []tok, text string, start, end int) []tok {
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				i++
				continue
			case c == '"':
				dst = append(dst, tok{s: i, e: i + 1, kind: tMark, mark: mAmbig, low: `"`, q: -1})
				i++
				continue
			case c == '\'' && i+1 < end && text[i+1] == '\'':
				dst = append(dst, tok{s: i, e: i + 2, kind: tMark, mark: mAmbig, low: `"`, q: -1})
				i += 2
				continue
			case c == '`' && i+1 < end && text[i+1] == '`':
				dst = append(dst, tok{s: i, e: i + 2, kind: tMark, mark: mOpen, low: `"`, q: -1})
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '„', '‟', '«':
			dst = append(dst, tok{s: i, e: i + size, kind: tMark, mark: mOpen, low: `"`, q: -1})
			i += size
			continue
		case '”', '»':
			dst = append(dst, tok{s: i, e: i + size, kind: tMark, mark: mClose, low: `"`, q: -1})
			i += size
			continue
		case '\u00a0', '\u2009', '\u200a', '\u202f', '\u2002', '\u2003', '\u3000', '\u200b', '\ufeff':
			i += size
			continue
		}
		if isWordRune(r) {
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				// Inner joiners: apostrophes, hyphens, and periods of
				// abbreviations such as U.S. or a.m.
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&') && j+s2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						// Split the possessive 's off so that noun phrases
						// see it.
						if (r2 == '\'' || r2 == '’') && (r3 == 's' || r3 == 'S') {
							k := j + s2 + 1
							if k >= end || !isWordRuneAt(text, k, end) {
								break
							}
						}
						j += s2
						continue
					}
				}
				break
			}
			w := text[i:j]
			dst = append(dst, tok{s: i, e: j, kind: tWord, low: lower(w), cap: unicode.IsUpper(r), q: -1})
			i = j
			continue
		}
		// Possessive 's / ’s and n't as their own word tokens.
		if (r == '\'' || r == '’') && i+size < end && (text[i+size] == 's' || text[i+size] == 'S') &&
			(i+size+1 >= end || !isWordRuneAt(text, i+size+1, end)) && len(dst) > 0 && dst[len(dst)-1].e == i {
			dst = append(dst, tok{s: i, e: i + size + 1, kind: tWord, low: "'s", q: -1})
			i += size + 1
			continue
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		dst = append(dst, tok{s: i, e: i + size, kind: tPunct, low: text[i : i+size], q: -1})
		i += size
	}
	return dst
}

func isWordRuneAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// lower avoids an allocation for words already in lower case.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}
