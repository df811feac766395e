package attribute

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsclip/newsclip/article"
)

// engine holds the state of one attribution run over one text.
type engine struct {
	text   string
	pub    time.Time
	segs   []segment
	segTok [][2]int // token range of each segment
	toks   []tok
	spans  []qspan
	reg    registry
	// conjComma indexes, per token, the nearest ", and"-type comma
	// before it (see clauseBoundary); built on first use.
	conjComma []int32
	// bodyMentions: per entity, the first and last token it is named at
	// in the body; built on first use (see namedElsewhere).
	bodyMentions [][2]int

	quotes []article.Quote
	qEnt   []int // entity of each quote's speaker, -1 when none
	qParts [][][2]int
	qSubj  [][2]int // speaker mention of each quote (token range)

	lastPerson int // entity of the nearest preceding person subject
	// lastOfGender: the nearest preceding person known to be male or
	// female, indexed by genderMale and genderFemale.
	lastOfGender [3]int
	lastOrg      int // the last organisation or country that spoke
	cur          sentence
	lastSpeaker  int    // entity of the last quote's speaker
	lastSubj     [2]int // its mention (token range), -1 when none
	lastQSeg     int    // segment of the last quote

	// interviewee is the person who answers the "A:" paragraphs of a
	// question-and-answer interview, -1 when the text is none.
	interviewee int
}

type sentence struct{ seg, a, b int }

func newEngine(text string, segs []segment, pub time.Time) *engine {
	en := &engine{text: text, segs: segs, pub: pub, lastPerson: -1, lastOfGender: [3]int{-1, -1, -1}, lastOrg: -1, lastSpeaker: -1, lastQSeg: -10, lastSubj: [2]int{-1, -1}}
	en.toks = make([]tok, 0, len(text)/5+8)
	en.segTok = make([][2]int, len(segs))
	for i, sg := range segs {
		a := len(en.toks)
		if !sg.skip {
			en.toks = tokenize(en.toks, text, sg.s, sg.e)
			singleMarks(text, en.toks[a:])
			if strayOpening(text, en.toks[a:], segs, i) {
				en.toks = append(en.toks[:a], en.toks[a+1:]...) // no token at all
			}
			en.spans = pairMarks(text, en.toks, a, len(en.toks), i, sg.e, en.spans)
		}
		en.segTok[i] = [2]int{a, len(en.toks)}
	}
	en.reg.init(en)
	return en
}

var abbrevs = setOf("mr mrs ms dr sen sens rep reps del gov gen lt col capt sgt st jr sr prof rev inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec no vs etc fig ft mt pres sec amb")

// maxSentenceToks bounds a sentence: news sentences run to a few dozen
// words, so a longer run is text without sentence punctuation.
const maxSentenceToks = 400

// sentences splits the token range of one segment at sentence ends outside
// quotations (and after a closed quotation ending in . ! ?).
func (en *engine) sentences(seg int, dst []sentence) []sentence {
	a, b := en.segTok[seg][0], en.segTok[seg][1]
	a = en.datelineEnd(a, b) // "KYIV, Ukraine (AP) — ..." is no part of the first sentence
	start, comma := a, -1
	for i := a; i < b; i++ {
		t := &en.toks[i]
		end := false
		if t.q < 0 && (t.low == "," || t.low == ";") {
			comma = i
		}
		if i-start >= maxSentenceToks {
			// A runaway "sentence" (a list, a page without full stops) is
			// cut into pieces of bounded length, at its last comma when
			// there is one, so every rule's look-back stays bounded and
			// the whole run linear.
			cut := i - 1
			if comma > start+maxSentenceToks/2 {
				cut = comma
			}
			dst = append(dst, sentence{seg, start, cut + 1})
			start = cut + 1
			continue
		}
		switch {
		case t.kind == tPunct && t.q < 0 && (t.low == "." || t.low == "!" || t.low == "?"):
			end = i+1 < b && en.startsSentence(i+1) && !(t.low == "." && en.isAbbrev(i-1))
		case t.kind == tPunct && t.low == ")" && i > a && t.q < 0:
			// "(Imagine the spectacle.) Indeed, ...": a parenthesised
			// sentence ends where its bracket closes.
			p := en.toks[i-1].low
			end = (p == "." || p == "!" || p == "?") && i+1 < b && en.startsSentence(i+1)
		case en.closesQuote(i) && i > a:
			p := en.toks[i-1].low
			end = (p == "." || p == "!" || p == "?") && i+1 < b && en.startsSentence(i+1) && (!en.attributionFollows(i+1, b) || en.narratedBefore(start, en.spans[t.q].open))
		}
		if end {
			dst = append(dst, sentence{seg, start, i + 1})
			start = i + 1
		}
	}
	if start < b {
		dst = append(dst, sentence{seg, start, b})
	}
	return dst
}

// transcriptTurn: the capitalised label [ls, le) of segment seg names a
// speaker the story knows (its last word a person's surname) or another
// body paragraph opens with such a label too.
func (en *engine) transcriptTurn(seg, ls, le int) bool {
	if en.toks[ls].low == "dear" {
		return false // "DEAR ABBY: ...": a letter's salutation
	}
	if id, ok := en.reg.bySurname(en.toks[le-1].low); ok && en.reg.ents[id].kind == Person {
		return true
	}
	for s2 := range en.segs {
		if s2 == seg || en.segs[s2].where != whereBody || en.segs[s2].skip {
			continue
		}
		a, b := en.segTok[s2][0], en.segTok[s2][1]
		if _, _, _, ok := en.transcriptLabel(a, b); ok {
			return true
		}
	}
	return false
}

// datelineEnd returns the token after a wire-story dateline that opens a
// paragraph at a ("KYIV, Ukraine (AP) —", "LONDON, Oct 4 (Reuters) -",
// "SPRINGFIELD, Ill. —"): a place in capitals, perhaps a region, a date
// and an agency in brackets, then a dash. Without one it returns a.
func (en *engine) datelineEnd(a, b int) int {
	k := a
	for k < b && en.toks[k].kind == tWord && en.toks[k].q < 0 && isAllCaps(en.text[en.toks[k].s:en.toks[k].e]) {
		k++
	}
	if k == a {
		return a
	}
	for n := 0; k < b && n < 12; k, n = k+1, n+1 {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tMark {
			return a
		}
		switch {
		case t.kind == tPunct && (longDash(t.low) || t.low == "-" || t.low == ":" && k-a <= 3):
			// ("NEW DELHI: Their dream shattered, ...")
			if k+1 < b && en.toks[k+1].kind == tWord || k+1 < b && en.toks[k+1].kind == tMark {
				return k + 1
			}
			return a
		case t.kind == tPunct && (t.low == "," || t.low == "." || t.low == "(" || t.low == ")"):
		case t.kind == tWord && (t.cap || startsNumber(t.low)):
		default:
			return a
		}
	}
	return a
}

// narratedBefore: words of the narrator stand in [s, open) before the
// quotation opening at open ("She says Trump is “rigged.” She adds, ..."):
// the quotation is part of that sentence, not the statement of an
// attribution that follows it.
func (en *engine) narratedBefore(s, open int) bool {
	for k := s; k < open; k++ {
		if t := &en.toks[k]; t.kind == tWord && t.q < 0 {
			return true
		}
	}
	return false
}

// attributionFollows: after `"Q?"` comes `Vitter demanded.` or `said
// Vitter.`: a reporting verb before any punctuation.
func (en *engine) attributionFollows(i, b int) bool {
	for k := i; k < b && k < i+9; k++ {
		t := &en.toks[k]
		if t.kind != tWord {
			if t.kind == tPunct && (t.low == "." && en.isAbbrev(k-1) || t.low == "(" || t.low == ")") {
				continue
			}
			return false
		}
		if vi, ok := reportingVerbs[t.low]; ok && !vi.weak && !t.cap || ok && k == i {
			// Only a bare attribution: the verb ends its clause ("Vitter
			// demanded.", "said Vitter", "he said Friday").
			if k == i {
				return true
			}
			n := k + 1
			if n >= b {
				return true
			}
			nt := &en.toks[n]
			return nt.kind == tPunct && (nt.low == "." || nt.low == "," || nt.low == ";") || trailPreps[nt.low] && nt.low != "that"
		}
		// "“Get out!” the officer ordered.": a verb of manner after a
		// short subject, with only a setting after it (see mannerCue).
		if _, ok := reportingVerbs[t.low]; !ok && k > i && !t.cap && mannerVerbs[t.low] {
			if ns, ok := en.npBack(k-1, i); ok && ns == i && en.speakerLike(i, k) {
				e := k + 1
				for e < b && en.toks[e].kind == tWord {
					e++
				}
				return en.trailEnds(k+1, min(e+1, b))
			}
			return false
		}
	}
	return false
}

func (en *engine) startsSentence(i int) bool {
	t := &en.toks[i]
	if t.kind == tPunct && t.low == "(" && i+1 < len(en.toks) && t.e == en.toks[i+1].s {
		return en.startsSentence(i + 1) // "... election. (Imagine ..."
	}
	if t.kind == tMark {
		return en.opensQuote(i)
	}
	return t.kind == tWord && (t.cap || (t.low[0] >= '0' && t.low[0] <= '9'))
}

func (en *engine) isAbbrev(i int) bool {
	if i < 0 || en.toks[i].kind != tWord {
		return false
	}
	w := en.toks[i].low
	if len(w) == 1 || strings.IndexByte(w, '.') >= 0 {
		return true
	}
	return abbrevs[w]
}

// run attributes every segment in order.
func (en *engine) run() {
	var sents []sentence
	colon := (*pendingColon)(nil)
	en.interviewee = en.findInterviewee()
	for seg := range en.segs {
		if en.segs[seg].skip {
			continue
		}
		sents = en.sentences(seg, sents[:0])
		colon = en.paragraph(seg, sents, colon)
	}
}

// pendingColon carries "X added:" at the end of a paragraph to the next one.
type pendingColon struct {
	at  attribution
	seg int
}

// attribution is what one cue yields before it becomes an article.Quote.
type attribution struct {
	cueS, cueE   int // token range of the cue
	cue          string
	subjS, subjE int // speaker mention token range; subjS < 0 when none
	addrS, addrE int
	parts        [][2]int // content token ranges
	source       string
	reportedBy   int // entity, -1
	ent          int // resolved entity, -1
	when         *article.When
	// framed: the sentence introduced the statement twice ("X scolded
	// him: “Q1,” she said"); a quotation after it is a new statement.
	framed bool
}

func (en *engine) paragraph(seg int, sents []sentence, colon *pendingColon) *pendingColon {
	where := en.segs[seg].where
	a, b := en.segTok[seg][0], en.segTok[seg][1]
	if a == b {
		return colon
	}
	// "The governor added:" closing the previous paragraph: this paragraph
	// is the content.
	if colon != nil && colon.seg < seg && where == whereBody {
		at := colon.at
		at.parts = [][2]int{{a, b}}
		en.emit(at, where)
		en.noteSpeaker(at.ent, seg)
		return nil
	}
	// Interview: "A: How slow everything is." is the interviewee's
	// answer; "Q: ..." is the interviewer's question and states nothing
	// of the interviewee's.
	if where != whereHeadline && en.interviewee >= 0 {
		// (A short turn may look like a subheading to the layout.)
		if l, ok := en.qaLabel(a, b); ok && l != "q" {
			at := attribution{cueS: a + 1, cueE: a + 2, subjS: a, subjE: a + 1, addrS: -1, reportedBy: -1, ent: en.interviewee}
			if l == "name" {
				at.ent = en.resolve(a, a+1)
			}
			if e := en.trimEnd(a+2, b); e > a+2 {
				at.parts = [][2]int{{a + 2, e}}
				if q := en.emit(at, whereBody); q >= 0 {
					en.quotes[q].Kind = article.Direct // a verbatim turn
				}
				en.noteSpeaker(at.ent, seg)
			}
			return nil
		}
	}
	// Transcript: "PENCE: Well, look, ...", when the story names the
	// speaker or has other such turns ("NEW DELHI: ..." is a dateline).
	if ls, le, colon, ok := en.transcriptLabel(a, b); ok && where == whereBody && en.transcriptTurn(seg, ls, le) {
		at := attribution{cueS: colon, cueE: colon + 1, subjS: ls, subjE: le, addrS: -1, reportedBy: -1}
		at.ent = en.resolve(ls, le)
		if e := en.trimEnd(colon+1, b); e > colon+1 {
			at.parts = [][2]int{{colon + 1, e}}
			en.emit(at, where)
			en.noteSpeaker(at.ent, seg)
		}
		return nil
	}
	lastQ := -1      // quote made by the previous sentence of this paragraph
	lastDirect := -1 // the last quotation in marks in the chain that lastQ ends
	framedQ := -1    // the quote of a framed attribution (framedAt)
	var framedAt attribution
	var pending [][2]int
	var next *pendingColon
	for si, st := range sents {
		bare := en.isBareQuote(st.a, st.b)
		if bare {
			// A quotation continuing from an unclosed one in the previous
			// paragraph joins that quote.
			if si == 0 && en.continuesPrev(st.a) {
				q := len(en.quotes) - 1
				en.addPart(q, [2]int{st.a, st.b})
				lastQ = q
				continue
			}
			if lastQ >= 0 && lastQ == framedQ {
				// "X scolded him: “Q1,” she said. “Q2.”": the second
				// quotation is a statement of its own, by the same
				// speaker with the same cue.
				at := framedAt
				at.parts = [][2]int{{st.a, st.b}}
				at.framed = false
				if q := en.emit(at, where); q >= 0 {
					lastQ, lastDirect = q, q
				}
				continue
			}
			if lastQ >= 0 {
				// “Q1,” X said. He did not suggest Y. “Q2.”: a quotation
				// after the same speaker's reported aside continues Q1.
				q := lastQ
				if en.quotes[q].Kind == article.Indirect && lastDirect >= 0 && en.qEnt[q] >= 0 && en.qEnt[lastDirect] == en.qEnt[q] {
					q = lastDirect
				}
				en.addPart(q, [2]int{st.a, st.b})
				continue
			}
			pending = append(pending, [2]int{st.a, st.b})
			continue
		}
		en.cur = st
		ats := en.analyse(st, where)
		if len(ats) == 0 {
			en.updatePerson(st)
			lastQ, lastDirect = -1, -1
			continue
		}
		personSpoke := false
		direct := -1 // "“Q1,” said X, speaking of Y. “Q2.”": Q2 joins Q1
		for k, at := range ats {
			if at.parts == nil {
				// "X said:" at the very end of the paragraph.
				if at.cueE < b && en.toks[at.cueE].low == ":" || (at.addrE > 0 && at.addrE < b && en.toks[at.addrE].low == ":") {
					next = &pendingColon{at: at, seg: seg}
				}
				continue
			}
			if repeated(ats[:k], at) {
				continue // one statement reached by two paths
			}
			if k == 0 && len(pending) > 0 && en.toks[at.parts[0][0]].kind == tMark {
				at.parts = append(append([][2]int{}, pending...), at.parts...)
				pending = nil
			}
			lastQ = en.emit(at, where)
			if at.framed && lastQ >= 0 {
				framedQ, framedAt = lastQ, at
			}
			if lastQ >= 0 && en.quotes[lastQ].Kind != article.Indirect {
				direct = lastQ
			}
			en.noteSpeaker(at.ent, seg)
			personSpoke = personSpoke || at.ent >= 0 && en.reg.ents[at.ent].kind == Person && !en.firstOrSecond(at.ent)
		}
		if direct >= 0 {
			lastQ, lastDirect = direct, direct
		}
		if !personSpoke {
			en.updatePerson(st)
		}
	}
	if q := en.closingQuote(seg); q >= 0 && len(pending) > 0 && pending[0][0] == a && pending[len(pending)-1][1] == b {
		// “Q1,” he said. ¶ “Q2.”: a paragraph of quotation alone after a
		// paragraph that ends with its speaker's quotation goes on with it.
		for _, p := range pending {
			en.addPart(q, p)
		}
		pending = nil
	}
	if len(pending) > 0 {
		// Bare quotations nobody claimed in this paragraph continue the
		// previous speaker.
		at := attribution{subjS: -1, addrS: -1, reportedBy: -1, ent: -1, cueS: -1}
		if en.lastSpeaker >= 0 && seg-en.lastQSeg <= 3 {
			// A floating quotation continues the last speaker, named by
			// the mention of that speaker's last attribution.
			at.ent = en.lastSpeaker
			at.subjS, at.subjE = en.lastSubj[0], en.lastSubj[1]
		}
		at.parts = pending
		en.emit(at, where)
		en.lastQSeg = seg
	}
	return next
}

// verbBefore: a verb stands in [s, e), so a relative clause at e hangs
// on an object, not on the sentence's subject.
func (en *engine) verbBefore(s, e int) bool {
	for k := s; k < e; k++ {
		if t := &en.toks[k]; t.q < 0 && (en.verbAt(k) && !auxWords[t.low] || presentVerb(t) && k > s) {
			return true
		}
	}
	return false
}

// closingQuote returns the direct quotation that ends the paragraph
// before seg, followed by no more than its attribution ("“Q1,” he said."),
// or -1.
func (en *engine) closingQuote(seg int) int {
	q := len(en.quotes) - 1
	if q < 0 || seg == 0 || en.segs[seg-1].skip || en.quotes[q].Kind != article.Direct || en.quotes[q].Where != whereBody {
		return -1
	}
	pa, pb := en.segTok[seg-1][0], en.segTok[seg-1][1]
	parts := en.qParts[q]
	first, last := parts[0][0], parts[len(parts)-1][1]
	if first < pa || last > pb || pb-last > 6 {
		return -1
	}
	for k := last; k < pb; k++ {
		if en.toks[k].kind == tMark {
			return -1
		}
	}
	return q
}

// onlyMedium: [s, e) is nothing but where a statement was made ("on
// Facebook", "in an interview").
func (en *engine) onlyMedium(s, e int) bool {
	if w := en.toks[s].low; w != "in" && w != "on" && w != "at" {
		return false
	}
	for k := s + 1; k < e; k++ {
		if t := &en.toks[k]; t.q >= 0 || t.kind != tWord {
			return false
		}
	}
	return mediumNouns[en.toks[e-1].low]
}

// endsQuestion: the last part ends with a question mark ("asked: would
// you vote for him?").
func (en *engine) endsQuestion(parts [][2]int) bool {
	e := parts[len(parts)-1][1]
	return e < len(en.toks) && en.toks[e].low == "?" || e > 0 && en.toks[e-1].low == "?"
}

// asksQuestion: the cue word w asks, and its content may be a question
// ("asked: would you vote ...").
func asksQuestion(w string) bool {
	l := reportingVerbs[w].lemma
	return l == "ask" || l == "wonder" || l == "question"
}

// gapVerbs cannot open a reported clause; after a cue they show the cue's
// object missing, in a relative clause.
var gapVerbs = setOf("is are was were has have had will would can could should must does did")

// onlySetting: [s, e) is a prepositional phrase of time or place with no
// quotation and no clause in it ("during Nixon's term", "at church every
// week").
func (en *engine) onlySetting(s, e int) bool {
	if w := en.toks[s].low; !settingPreps[w] && w != "from" {
		return false
	}
	for k := s; k < e; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tMark || t.q < 0 && !t.cap && (finiteVerbs[t.low] || strings.HasSuffix(t.low, "ed")) {
			return false
		}
		if subjectPronoun(t.low) || t.low == "you" || t.low == "who" {
			return false // "after the vote she would ..."
		}
	}
	return true
}

// repeated: an attribution with the same cue and content is among ats.
func repeated(ats []attribution, at attribution) bool {
	for _, o := range ats {
		if o.cueS == at.cueS && slices.Equal(o.parts, at.parts) {
			return true
		}
	}
	return false
}

func (en *engine) noteSpeaker(ent, seg int) {
	if ent >= 0 {
		if ent != en.lastSpeaker {
			en.lastSubj = [2]int{-1, -1}
		}
		if q := len(en.quotes) - 1; q >= 0 && en.qEnt[q] == ent && en.qSubj[q][0] >= 0 {
			en.lastSubj = en.qSubj[q]
		}
		en.lastSpeaker = ent
		if k := en.reg.ents[ent].kind; k == Organization || k == Country {
			en.lastOrg = ent
		}
		if en.reg.ents[ent].kind == Person {
			en.setLastPerson(ent)
		}
	}
	en.lastQSeg = seg
}

// continuesPrev: the previous paragraph's last quote never closed and this
// paragraph opens with a quotation mark.
func (en *engine) continuesPrev(i int) bool {
	if len(en.quotes) == 0 || en.toks[i].kind != tMark {
		return false
	}
	// The last quotation span that starts before token i (spans are in
	// text order, so a binary search keeps long texts linear).
	at := en.toks[i].s
	k := sort.Search(len(en.spans), func(k int) bool { return en.spans[k].s >= at }) - 1
	if k < 0 {
		return false
	}
	sp := en.spans[k]
	end := en.quotes[len(en.quotes)-1].End
	return sp.close < 0 && end >= sp.e-1 && end <= sp.e
}

// isBareQuote: the sentence is quotation and punctuation only.
func (en *engine) isBareQuote(a, b int) bool {
	inQ := false
	for i := a; i < b; i++ {
		t := &en.toks[i]
		if t.q >= 0 {
			inQ = true
			continue
		}
		if t.kind == tWord {
			return false
		}
	}
	return inQ
}

func (en *engine) addPart(q int, p [2]int) {
	en.qParts[q] = append(en.qParts[q], p)
	en.quotes[q].End = en.toks[p[1]-1].e
	en.quotes[q].Text = en.text[en.quotes[q].Start:en.quotes[q].End]
	en.quotes[q].Parts = en.mentions(en.qParts[q])
	if en.quotes[q].Kind == article.Indirect {
		// A quotation joining a report makes it partly quoted.
		en.quotes[q].Kind = article.Partial
	}
}

func (en *engine) mentions(parts [][2]int) []article.Mention {
	if len(parts) < 2 {
		return nil
	}
	ms := make([]article.Mention, len(parts))
	for i, p := range parts {
		s, e := en.toks[p[0]].s, en.toks[p[1]-1].e
		ms[i] = article.Mention{Text: en.text[s:e], Start: s, End: e}
	}
	return ms
}

// updatePerson remembers the first person named outside quotations in a
// sentence as the antecedent for later pronouns.
func (en *engine) updatePerson(st sentence) {
	if a := en.skipConnective(st.a, st.b); a < st.b && (en.toks[a].low == "he" || en.toks[a].low == "she") {
		// "She has faced ... her decision to meet with Bill Clinton ...":
		// a pronoun subject keeps its antecedent the topic.
		return
	}
	first := -1 // a person named inside a prepositional phrase, kept in reserve
	poss := -1  // a possessor ("under Mr. Ban's watch"), the last resort
	for i := st.a; i < st.b; i++ {
		if m := en.reg.mentionAt[i]; m > 0 {
			mn := en.reg.mentions[m-1]
			ent := mn.ent
			if ent >= 0 && en.reg.ents[ent].kind == Person && en.isPossessor(mn.e) && poss < 0 && en.toks[mn.s].q < 0 && !(mn.e+1 < st.b && en.toks[mn.e+1].cap) {
				// (but "St. Peter's Basilica": a name's part, no one's)
				poss = ent
			}
			if ent >= 0 && en.reg.ents[ent].kind == Person && !en.isPossessor(mn.e) {
				if en.prepBefore(mn.s, st.a) >= 0 && mn.s > st.a {
					// "In a speech in Fort Pierce, Florida, Clinton laid
					// out ...": the name after a preposition is a
					// setting more often than the subject.
					if first < 0 {
						first = ent
					}
					i = mn.e - 1
					continue
				}
				en.setLastPerson(ent)
				return
			}
		}
	}
	if first >= 0 {
		en.setLastPerson(first)
	} else if a := en.skipConnective(st.a, st.b); poss >= 0 && a < st.b && en.toks[a].low != "his" && en.toks[a].low != "her" {
		// (But "Her heartbreak over Mike Ford's death ...": her topic
		// stays the antecedent.)
		en.setLastPerson(poss)
	}
}

func (en *engine) isPossessor(after int) bool {
	return after < len(en.toks) && en.toks[after].low == "'s"
}

// promote: a bare capitalised word that speaks is a person's surname
// ("Obama said").
func (en *engine) promote(ent int) {
	if ent < 0 {
		return
	}
	// Plurals ("Protesters", "Democrats") stay groups.
	if e := &en.reg.ents[ent]; e.kind == Other && strings.IndexByte(e.name, ' ') < 0 && !isAllCaps(e.name) && e.name != "" && e.name[0] >= 'A' && e.name[0] <= 'Z' && !strings.HasSuffix(e.name, "s") {
		e.kind = Person
	}
}

// strandedPrep: the content opens with a preposition right after the cue
// and nothing a noun phrase could start follows it: the cue's object was
// moved away (a relative clause, "the one I know of -- ..."), so what
// follows is not what was said.
func (en *engine) strandedPrep(at attribution, parts [][2]int) bool {
	s := parts[0][0]
	if at.cueS < 0 || s != at.cueE || s+1 >= len(en.toks) {
		return false
	}
	if t := &en.toks[s]; t.q >= 0 || t.cap || !prepositions[t.low] {
		return false
	}
	n := &en.toks[s+1]
	if n.q >= 0 {
		return false
	}
	return n.kind == tPunct || n.low == "or" || n.low == "and" || n.low == "but" || n.low == "nor"
}

// emit turns an attribution into a quote and returns its index (-1 when
// the content is no content).
func (en *engine) emit(at attribution, where string) int {
	parts := at.parts
	if p := parts[0][0]; len(parts) == 1 && at.cueS >= 0 && p == at.cueE && en.toks[p].low == "so" && en.toks[p].q < 0 && p+1 < parts[0][1] && en.toks[p+1].kind == tPunct {
		parts = [][2]int{{p, p + 1}} // "He said so, and left.": the pro-form alone
		at.parts = parts
	}
	if len(parts) == 1 && parts[0][1]-parts[0][0] == 1 {
		// A lone function word ("hoped for") is no content.
		if t := &en.toks[parts[0][0]]; t.low == "so" && t.q < 0 && at.cueS >= 0 && parts[0][0] == at.cueE {
			// "He doesn't think so.", "She said so.": the pro-form of a
			// proposition is what was said or thought.
		} else if t.kind != tWord || clauseStops[t.low] || auxWords[t.low] || t.q < 0 && !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") {
			return -1 // ("According to MSNBC, basically.": an adverb)
		}
	}
	if t := &en.toks[parts[0][0]]; at.cueS >= 0 && parts[0][0] == at.cueE && en.toks[at.cueE-1].kind == tWord && t.q < 0 && (t.low == "and" || t.low == "or") && en.sharedObject(parts[0][0]) {
		return -1 // "users know and love the app": the object is shared, nothing is stated
	}
	if len(parts) == 1 && en.onlyMedium(parts[0][0], parts[0][1]) {
		return -1 // "wrote on Facebook, saying ...": the medium, not the content
	}
	g := parts[0][0]
	if _, end := en.parseWhen(g, parts[0][1]); end > g && end < parts[0][1] {
		g = end // "The plan the mayor endorsed on Monday was dropped"
	} else if g+2 < parts[0][1] && en.inMonth(g, parts[0][1], true) {
		g += 2 // "The candidate the party endorsed in June has dropped out"
	}
	if t := &en.toks[g]; at.cueS >= 0 && parts[0][0] >= at.cueE && t.q < 0 && !t.cap && gapVerbs[t.low] && !(asksQuestion(en.toks[at.cueE-1].low) && en.endsQuestion(parts)) {
		if r := at.subjS - 1; len(parts) == 1 && r > 0 && en.toks[r].low == "that" && en.toks[r].q < 0 && en.toks[r-1].kind == tWord && !en.toks[r-1].cap && !gapVerbs[en.toks[r-1].low] && en.verbBefore(en.cur.a, r) {
			// "a drug that it says will cure headaches": the relative
			// pronoun fills the gap, so the content runs from it, as
			// with "which it says".
			at.parts = [][2]int{{r, parts[0][1]}}
			parts = at.parts
		} else {
			// "Everything Trump says is a lie", "The plan that he said
			// would work failed": the cue is in a relative clause inside
			// the subject.
			return -1
		}
	}
	if en.strandedPrep(at, parts) {
		return -1 // "cards they never asked for or", "the best one I know of --"
	}
	if len(parts) == 1 && en.onlySetting(parts[0][0], parts[0][1]) {
		return -1 // "laws proposed during Nixon's term": a setting, not a proposition
	}
	s, e := en.toks[parts[0][0]].s, en.toks[parts[len(parts)-1][1]-1].e
	q := article.Quote{Text: en.text[s:e], Start: s, End: e, Where: where, Source: at.source}
	q.Kind = en.kindOf(parts)
	if at.cueS >= 0 {
		cs, ce := en.toks[at.cueS].s, en.toks[at.cueE-1].e
		q.Cue = en.text[cs:ce]
		if at.cue != "" {
			q.Cue = at.cue
		}
		q.CueMention = &article.Mention{Text: en.text[cs:ce], Start: cs, End: ce}
	}
	if at.subjS < 0 {
		at.subjE = -1
	}
	en.promote(at.ent)
	if at.subjS >= 0 {
		q.Speaker = en.entityFor(at.ent, at.subjS, at.subjE)
	} else if at.ent >= 0 {
		q.Speaker = en.entityFor(at.ent, -1, -1)
	}
	if at.addrS >= 0 && at.addrE > at.addrS {
		q.Addressee = en.entityFor(en.resolve(at.addrS, at.addrE), at.addrS, at.addrE)
	}
	if at.reportedBy >= 0 {
		q.ReportedBy = en.entityFor(at.reportedBy, -1, -1)
	}
	q.When = at.when
	q.Parts = en.mentions(parts)
	en.quotes = append(en.quotes, q)
	en.qEnt = append(en.qEnt, at.ent)
	en.qParts = append(en.qParts, parts)
	en.qSubj = append(en.qSubj, [2]int{at.subjS, at.subjE})
	return len(en.quotes) - 1
}

// sharedObject: after "and" at i comes a second verb that shares the
// cue's object ("know and love the app"), not a clause.
func (en *engine) sharedObject(i int) bool {
	if i+2 >= len(en.toks) {
		return false
	}
	n := &en.toks[i+1]
	if n.kind != tWord || n.cap || n.q >= 0 || determiners[n.low] || articles[n.low] || clauseStops[n.low] || auxWords[n.low] {
		return false
	}
	if _, pro := pronouns[n.low]; pro {
		return false
	}
	return true
}

// kindOf: direct when every part is a whole quotation, partial when some
// quotation marks are inside, indirect otherwise.
func (en *engine) kindOf(parts [][2]int) string {
	direct, any := true, false
	for _, p := range parts {
		first, last := &en.toks[p[0]], &en.toks[p[1]-1]
		if first.kind != tMark || first.q < 0 || (last.q != first.q && !(last.kind == tPunct && last.q < 0)) {
			direct = false
		}
		for i := p[0]; i < p[1]; i++ {
			if en.toks[i].q >= 0 {
				any = true
				if en.toks[i].q != first.q {
					direct = false
				}
			}
		}
	}
	switch {
	case direct && any:
		return article.Direct
	case any:
		return article.Partial
	}
	return article.Indirect
}

func (en *engine) entityFor(ent, ms, me int) *article.Entity {
	var out article.Entity
	if ent >= 0 {
		e := &en.reg.ents[ent]
		out = article.Entity{Name: e.name, Role: e.role, Kind: e.kind}
	}
	if ms >= 0 && me > ms {
		s, e := en.toks[ms].s, en.toks[me-1].e
		out.Mention = &article.Mention{Text: en.text[s:e], Start: s, End: e}
		if out.Name == "" {
			out.Name = out.Mention.Text
			out.Kind = Other
		}
	}
	if out.Name == "" {
		return nil
	}
	return &out
}

// qaLabel reads the label of an interview turn at the start of a
// paragraph: "Q:" ("q"), "A:" ("a"), or a known person's surname
// ("Ortiz:", "name").
func (en *engine) qaLabel(a, b int) (string, bool) {
	if a+2 >= b || en.toks[a+1].low != ":" || en.toks[a].kind != tWord || !en.toks[a].cap || en.toks[a].q >= 0 {
		return "", false
	}
	switch w := en.toks[a].low; w {
	case "q", "a":
		return w, true
	}
	if id, ok := en.reg.bySurname(en.toks[a].low); ok && en.reg.ents[id].kind == Person {
		return "name", true
	}
	return "", false
}

// findInterviewee: a text with at least two "Q:" and two "A:" paragraphs
// is a question-and-answer interview; its answers are the first person
// the text names outside quotation marks before the first question.
func (en *engine) findInterviewee() int {
	qs, as, first := 0, 0, -1
	for seg := range en.segs {
		if en.segs[seg].where == whereHeadline || en.segs[seg].skip {
			continue
		}
		a, b := en.segTok[seg][0], en.segTok[seg][1]
		if a+2 >= b || en.toks[a+1].low != ":" {
			continue
		}
		switch en.toks[a].low {
		case "q":
			qs++
			if first < 0 {
				first = a
			}
		case "a":
			as++
		}
	}
	if qs < 2 || as < 2 {
		return -1
	}
	for k := 0; k < first && k < len(en.reg.mentionAt); k++ {
		if m := en.reg.mentionAt[k]; m > 0 {
			mn := en.reg.mentions[m-1]
			if mn.ent >= 0 && en.reg.ents[mn.ent].kind == Person && en.toks[mn.s].q < 0 {
				return mn.ent
			}
			k = mn.e - 1
		}
	}
	return -1
}
