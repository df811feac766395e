package attribute

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// qspan is one quotation: from its opening mark to its closing mark (or to
// the end of its paragraph when it never closes).
type qspan struct {
	open, close int // token indexes of the marks; close -1 when unclosed
	s, e        int // byte span including the marks
	seg         int
}

// pairMarks pairs the quotation marks among toks[a:b] (one paragraph),
// appends the spans to spans and stamps every token inside with its span.
// Straight marks open or close by context; a straight opening mark may be
// closed by a curly one and the reverse; a quote still open at the end of the
// paragraph runs to its end (multi-paragraph quotes reopen at the next one).
func pairMarks(text string, toks []tok, a, b, seg, segEnd int, spans []qspan) []qspan {
	open := -1
	for i := a; i < b; i++ {
		t := &toks[i]
		if t.kind != tMark {
			continue
		}
		if open < 0 {
			// A closing curly mark in opening position is a typo for an
			// opening one.
			canOpen := t.mark == mOpen || openingContext(text, t.s, t.e, segEnd)
			if canOpen {
				open = i
			}
			continue
		}
		mark := t.mark
		if mark == mOpen && text[toks[open].s:toks[open].e] == "„" && text[t.s:t.e] == "“" {
			mark = mClose // German style: „…“
		}
		switch mark {
		case mClose, mAmbig:
			spans = appendSpan(toks, spans, open, i, seg)
			open = -1
		case mOpen:
			// A second opening mark while one is open: the first one was
			// never closed. Close it just before this mark.
			spans = appendSpan(toks, spans, open, -1, seg)
			sp := &spans[len(spans)-1]
			sp.e = t.s
			for k := open; k < i; k++ {
				toks[k].q = int32(len(spans) - 1)
			}
			open = i
		}
	}
	if open >= 0 {
		spans = appendSpan(toks, spans, open, -1, seg)
		sp := &spans[len(spans)-1]
		sp.e = toks[b-1].e
		for k := open; k < b; k++ {
			toks[k].q = int32(len(spans) - 1)
		}
	}
	return spans
}

func appendSpan(toks []tok, spans []qspan, open, close, seg int) []qspan {
	sp := qspan{open: open, close: close, s: toks[open].s, seg: seg}
	idx := int32(len(spans))
	if close >= 0 {
		sp.e = toks[close].e
		for k := open; k <= close; k++ {
			toks[k].q = idx
		}
	}
	return append(spans, sp)
}

// opensQuote: token i is the opening mark of a quotation.
func (en *engine) opensQuote(i int) bool {
	t := &en.toks[i]
	return t.kind == tMark && t.q >= 0 && en.spans[t.q].open == i
}

// closesQuote: token i is the closing mark of a quotation.
func (en *engine) closesQuote(i int) bool {
	t := &en.toks[i]
	return t.kind == tMark && t.q >= 0 && en.spans[t.q].close == i
}

// singleMarks turns ‘ and ’ into quotation marks in a paragraph that has
// no double marks (British style: ‘We will fight,’ she said). Elsewhere
// they stay apostrophes, or quotations nested in double marks, which need
// no span of their own. A ’ closes only an open ‘, and only after a
// punctuation mark or before one, so that a plural possessive inside the
// quotation ("the players’ union") does not; after a word of a script that
// has no apostrophes (Korean, Chinese, Japanese) it always closes.
func singleMarks(text string, toks []tok) {
	for i := range toks {
		if toks[i].kind == tMark {
			return
		}
	}
	open := false
	for i := range toks {
		t := &toks[i]
		if t.kind != tPunct {
			continue
		}
		if t.low == "'" && !open {
			straightPair(text, toks, i)
			continue
		}
		switch t.low {
		case "‘":
			if !open && (i+1 < len(toks) && toks[i+1].s == t.e) {
				t.kind, t.mark, t.low = tMark, mOpen, `"`
				open = true
			}
		case "’":
			if !open || i == 0 || toks[i-1].e != t.s {
				continue
			}
			after := i+1 >= len(toks) || toks[i+1].kind == tPunct && toks[i+1].s == t.e
			last, _ := utf8.DecodeLastRuneInString(text[toks[i-1].s:toks[i-1].e])
			if toks[i-1].kind == tPunct || after || i+1 < len(toks) && toks[i+1].cap || apostropheless(last) {
				t.kind, t.mark, t.low = tMark, mClose, `"`
				open = false
			}
		}
	}
}

// strayOpening: the paragraph opens with the only straight double mark it
// has, and the next paragraph does not open with one: no quotation closes
// it or goes on, a stray mark of the page ("\"Kevin was snoring.", "\"Trump
// walked onto the stage, chanting “U-S-A!”").
func strayOpening(text string, toks []tok, segs []segment, i int) bool {
	if len(toks) == 0 || toks[0].kind != tMark || text[toks[0].s:toks[0].e] != `"` {
		return false
	}
	opens, closes := 0, 0
	for k := 1; k < len(toks); k++ {
		if toks[k].kind != tMark {
			continue
		}
		if text[toks[k].s:toks[k].e] == `"` {
			return false
		}
		switch toks[k].mark {
		case mOpen:
			opens++
		case mClose:
			closes++
		}
	}
	if closes > opens {
		return false // "\"We will win,” she said.": a curly mark closes it
	}
	for j := i + 1; j < len(segs); j++ {
		if segs[j].skip {
			continue
		}
		return !strings.HasPrefix(text[segs[j].s:segs[j].e], `"`)
	}
	return true
}

// straightPair turns the straight mark at toks[i] and the one closing it
// into quotation marks when it opens a word ("Obama on Climate Change: The
// Trends Are 'Terrifying.'") and a mark after the end of a word, before
// punctuation or a space, closes it. Unlike a curly mark, a straight one
// is left alone when nothing closes it: it is as likely an apostrophe
// ("the '90s").
func straightPair(text string, toks []tok, i int) {
	t := &toks[i]
	if i > 0 && toks[i-1].e == t.s || i+1 >= len(toks) || toks[i+1].s != t.e || toks[i+1].kind != tWord {
		return
	}
	for j := i + 2; j < len(toks); j++ {
		u := &toks[j]
		if u.kind != tPunct || u.low != "'" || toks[j-1].e != u.s {
			continue
		}
		if j+1 < len(toks) && toks[j+1].s == u.e && toks[j+1].kind == tWord {
			continue // "Don't" split oddly, or a word after
		}
		if i == 0 && j == len(toks)-1 {
			return // a paragraph of its own: a section heading ("'All Bets Are Off.'")
		}
		t.kind, t.mark, t.low = tMark, mOpen, `"`
		u.kind, u.mark, u.low = tMark, mClose, `"`
		return
	}
}

// openingContext decides whether a straight mark at text[s:e] opens: it
// follows white space, an opening bracket or dash (or starts the
// paragraph) and precedes a non-space.
func openingContext(text string, s, e, segEnd int) bool {
	if e >= segEnd {
		return false
	}
	if s == 0 || text[s-1] == '\n' {
		return true // a mark opening the paragraph opens, whatever follows
	}
	next, _ := utf8.DecodeRuneInString(text[e:])
	if unicode.IsSpace(next) || next == ',' || next == '.' || next == ';' || next == ':' || next == ')' {
		return false
	}
	if s == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:s])
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' ||
		prev == '/' || prev == ':' || prev == '\u00a0' || prev == '‘' || prev == '\''
}
