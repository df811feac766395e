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
			case c == '-' && i+1 < end && text[i+1] == '-':
				// "--" is one dash.
				j := i + 2
				for j < end && text[j] == '-' {
					j++
				}
				dst = append(dst, tok{s: i, e: j, kind: tPunct, low: "--", q: -1})
				i = j
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
		case '‘', '’':
			// Two curly single marks stand for a double one, as two
			// apostrophes do: “It was an attempt,’’ he said.
			if r2, s2 := utf8.DecodeRuneInString(text[i+size:]); r2 == r && i+size+s2 <= end {
				m := uint8(mOpen)
				if r == '’' {
					m = mClose
				}
				dst = append(dst, tok{s: i, e: i + size + s2, kind: tMark, mark: m, low: `"`, q: -1})
				i += size + s2
				continue
			}
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
				// abbreviations such as U.S. or a.m.; and the Latin-1
				// signs UTF-8 read as Latin-1 leaves inside a word
				// ("FranÃ§ois", "protegÃ©s").
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || mojibakeSign(r2)) && j+s2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						// Split the possessive 's off so that noun phrases
						// see it. Korean, Chinese and Japanese have no
						// apostrophes: "‘간직’하는" closes a quotation
						// before a particle.
						if (r2 == '\'' || r2 == '’') && (contraction(text, j+s2, end) > 0 || apostropheless(r3)) {
							break
						}
						j += s2
						continue
					}
				}
				break
			}
			w := text[i:j]
			lw := lower(w)
			if w == "US" {
				lw = "u.s." // the country, not the pronoun: "the US military said"
			}
			dst = append(dst, tok{s: i, e: j, kind: tWord, low: lw, cap: unicode.IsUpper(r) || particleName(text[i:j]), q: -1})
			i = j
			continue
		}
		// Possessive 's and the contractions 're 've 'll 'd 'm as their own
		// word tokens ("Trump's", "You're").
		if (r == '\'' || r == '’') && len(dst) > 0 && dst[len(dst)-1].e == i {
			if n := contraction(text, i+size, end); n > 0 {
				dst = append(dst, tok{s: i, e: i + size + n, kind: tWord, low: "'" + lower(text[i+size:i+size+n]), q: -1})
				i += size + n
				continue
			}
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

// mojibakeSign: a C1 control or Latin-1 sign (U+0080 to U+00BF) that is
// the second byte of a UTF-8 sequence read as Latin-1; not the no-break
// space nor a guillemet.
func mojibakeSign(r rune) bool {
	return r >= 0x80 && r <= 0xbf && r != 0xa0 && r != 0xab && r != 0xbb
}

// contraction returns the length of "s", "re", "ve", "ll", "d" or "m"
// at text[i:] when a word ends there, else 0.
func contraction(text string, i, end int) int {
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
		n := len(c)
		if i+n <= end && (text[i:i+n] == c || lower(text[i:i+n]) == c) && (i+n >= end || !isWordRuneAt(text, i+n, end)) {
			return n
		}
	}
	return 0
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

// apostropheless: r is of a script that writes no apostrophes (Hangul,
// Han, kana), so a ’ before it ends a quotation.
func apostropheless(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// particleName: a surname that opens with a lower-case particle and a
// hyphen ("al-Jaber", "el-Sisi", "bin-Talal") is a capitalised name word.
func particleName(w string) bool {
	// A particle has two or three letters, so only the word's first four
	// bytes are searched for its hyphen (tokenize calls this for every
	// lower-case word).
	h := strings.IndexByte(w[:min(len(w), 4)], '-')
	if h < 2 || h+1 >= len(w) || !nameParticles[w[:h]] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[h+1:])
	return unicode.IsUpper(r)
}

var nameParticles = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "at": true, "az": true, "ash": true, "bin": true, "ibn": true, "abu": true, "ul": true, "ud": true}
