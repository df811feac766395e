package attribute

import (
	"sort"
	"strings"
)

type cand struct {
	i, j      int // cue token range
	vi        verbInfo
	according bool
	nominal   bool // "Trump's claim that"
}

// nominalCues are nouns that report a statement when a possessor owns them
// and a that-clause follows.
var nominalCues = setOf("claim claims statement remarks comments comment promise pledge warning assertion argument suggestion insistence belief view accusation charge allegation contention prediction announcement admission denial assurance vow threat insinuation complaint")

// prepositions that may follow a cue in a trailing attribution
// ("..., she said in a statement on Friday.").
var trailPreps = setOf("in on at during to after before from while when last this earlier later yesterday today tonight monday tuesday wednesday thursday friday saturday sunday via through over of about as with outside inside following told")

// participle cues open a second statement by the same speaker.
func (en *engine) isParticipleCue(i int) bool {
	vi, ok := reportingVerbs[en.toks[i].low]
	return ok && vi.participle && en.toks[i].q < 0
}

// analyse finds the attributions of one sentence.
func (en *engine) analyse(st sentence, where string) []attribution {
	var cands []cand
	for i := st.a; i < st.b; i++ {
		t := &en.toks[i]
		if t.q >= 0 || t.kind != tWord {
			continue
		}
		if t.low == "according" && i+1 < st.b && en.toks[i+1].low == "to" {
			cands = append(cands, cand{i: i, j: i + 2, according: true})
			continue
		}
		// "Trump's claim that ...", "his warning that ...".
		if nominalCues[t.low] && i+1 < st.b && en.toks[i+1].low == "that" && i > st.a {
			if p := en.toks[i-1].low; p == "'s" || p == "his" || p == "her" || p == "their" || p == "its" {
				cands = append(cands, cand{i: i, j: i + 1, nominal: true})
				continue
			}
		}
		vi, ok := reportingVerbs[t.low]
		if !ok || t.cap && i != st.a && where == whereBody {
			continue
		}
		j := i + 1
		if j < st.b && (vi.lemma == "point" && en.toks[j].low == "out" || vi.lemma == "call" && (en.toks[j].low == "for" || en.toks[j].low == "on")) {
			j++
		} else if vi.lemma == "point" {
			continue
		}
		if en.rejectCue(i, st, vi) {
			continue
		}
		cands = append(cands, cand{i: i, j: j, vi: vi})
	}
	var ats []attribution
	if where != whereBody {
		// Headlines: "Pat Caddell: C" and "C: Russian FM" before any verb,
		// since Title Case makes every word look like a name.
		if at, ok := en.headingColon(st); ok {
			return []attribution{at}
		}
	}
	if len(cands) > 0 {
		ats = en.attribute(st, cands)
	}
	if len(ats) == 0 {
		if at, ok := en.dashAttribution(st); ok {
			return []attribution{at}
		}
	}

	return ats
}

// rejectCue drops verbs that are not cues here: infinitives ("declined to
// say"), passives ("he was told"), nouns after a determiner ("the report").
func (en *engine) rejectCue(i int, st sentence, vi verbInfo) bool {
	if i > st.a {
		p := en.toks[i-1].low
		if articles[p] || p == "to" || p == "'s" {
			return true
		}
		w := en.toks[i].low
		if (p == "was" || p == "were" || p == "been" || p == "being" || p == "be" || p == "is" || p == "are" || p == "'re" || p == "'m") && !strings.HasSuffix(w, "ing") {
			return true
		}
	}
	if n := i + 1; n < st.b {
		switch nw := en.toks[n].low; {
		case nw == "by":
			return true // "reported by The Washington Post": a passive
		case vi.lemma == "call" && (nw == "into" || nw == "off" || nw == "up" || nw == "back" || nw == "in"):
			return true // a phone call, not a statement
		case vi.lemma == "add" && (nw == "$" || nw[0] >= '0' && nw[0] <= '9' || articles[nw] || determiners[nw]):
			return true // "would add $84 billion", "added a goal"
		case vi.lemma == "learn" && (nw == "from" || nw == "to"):
			return true
		case vi.lemma == "plead" && (nw == "not" || nw == "guilty" || nw == "no" || nw == "the"):
			return true // a plea, not a statement
		case vi.lemma == "continue" && nw != ":" && nw != "," && nw != "." && en.toks[n].kind != tMark:
			return true // "continued to flatten": not speech
		}
	}
	if vi.weak {
		n := i + 1
		if n >= st.b {
			return false
		}
		nt := en.toks[n]
		return !(nt.low == "that" || nt.low == ":" || nt.kind == tMark || nt.low == ".")
	}
	return false
}

// result of evaluating one cue.
type eval struct {
	c            cand
	subjS, subjE int
	trailing     bool
	contentEnd   int // for trailing: content is [st.a, contentEnd)
	afterStart   int // first token after the cue phrase (and addressee)
	addrS, addrE int
	sb           int // end of the sentence
	inverted     bool
}

func (en *engine) attribute(st sentence, cands []cand) []attribution {
	evs := make([]eval, 0, len(cands))
	for _, c := range cands {
		if ev, ok := en.evalCue(st, c); ok {
			evs = append(evs, ev)
		}
	}
	// Coordination: "Russia denies X and says Y" gives the second verb the
	// first one's subject.
	for _, c := range cands {
		k := en.skipBack(c.i-1, st.a)
		if k >= st.a && (en.toks[k].low == "and" || en.toks[k].low == "but") && en.toks[k].q < 0 && len(evs) > 0 {
			prev := evs[len(evs)-1]
			if prev.c.i < k && !prev.trailing && !hasCue(evs, c.i) {
				ev := eval{c: c, subjS: prev.subjS, subjE: prev.subjE, afterStart: c.j, addrS: -1, sb: st.b}
				en.addressee(st, &ev)
				evs = append(evs, ev)
			}
		}
	}
	if len(evs) == 0 {
		return nil
	}
	var out []attribution
	// A trailing attribution covering the sentence start wins: "C, the
	// source added" even when C itself holds "Clinton had told ...".
	order := make([]int, 0, len(evs))
	for k := len(evs) - 1; k >= 0; k-- {
		if !evs[k].c.according {
			order = append(order, k)
		}
	}
	for k := len(evs) - 1; k >= 0; k-- {
		if evs[k].c.according {
			order = append(order, k)
		}
	}
	for _, k := range order {
		ev := evs[k]
		if !ev.trailing {
			continue
		}
		at := en.newAttribution(ev)
		at.parts = [][2]int{{st.a, ev.contentEnd}}
		// A second fragment after the cue: "Q1," he said, "Q2."
		i := ev.afterStart
		i = en.skipTrailers(&at, i, st.b)
		if i < st.b && en.toks[i].low == "," && i+1 < st.b {
			n := i + 1
			switch {
			case en.isParticipleCue(n):
				// handled below as its own statement
			case en.toks[n].low == "according":
				at.source, at.reportedBy = en.accordingTail(n+2, st.b)
			case ev.inverted && en.toks[n].kind != tMark:
				// "says Paul Rieckhoff, founder of ...": an apposition.
			case en.toks[st.a].kind == tMark && en.toks[n].kind != tMark:
				// After a quotation only another quotation continues it:
				// "Q1," Tester said, referring to X, "Q2."
				if k := en.nextQuote(n, st.b); k > 0 {
					at.parts = append(at.parts, [2]int{k, en.trimEnd(k, st.b)})
				}
			default:
				if e := en.trimEnd(n, st.b); e > n {
					at.parts = append(at.parts, [2]int{n, e})
				}
			}
		} else if i < st.b && en.toks[st.a].kind == tMark && en.toks[i].kind != tMark {
			if k := en.nextQuote(i, st.b); k > 0 {
				at.parts = append(at.parts, [2]int{k, en.trimEnd(k, st.b)})
			}
		} else if i < st.b && en.toks[i].kind == tMark && en.toks[i].q >= 0 {
			if e := en.trimEnd(i, st.b); e > i {
				at.parts = append(at.parts, [2]int{i, e})
			}
		}
		at.parts[0][1] = en.trimEnd(st.a, at.parts[0][1])
		if at.parts[0][1] <= st.a {
			break
		}
		out = append(out, at)
		out = append(out, en.participles(st, ev, ev.c.j, at.ent)...)
		return out
	}
	// Otherwise the first cue with its subject before it: content follows.
	// A cue inside a subordinate clause ("So when Patriot signaled that
	// ..., Mr. Barrett said, ...") yields to a later main-clause cue.
	mainLater := func(k int) bool {
		for _, ev2 := range evs[k+1:] {
			if !ev2.trailing && ev2.subjS > evs[k].c.i && !en.subordinate(ev2.subjS, st.a) && ev2.subjS > st.a && en.toks[ev2.subjS-1].low == "," {
				return true
			}
		}
		return false
	}
	// "Mr. Obama, who understood that ..., told his advisers ...": the
	// relative clause yields to the main verb of its antecedent.
	relativeYields := func(k int) bool {
		if w := en.toks[evs[k].subjS].low; w != "who" && w != "which" {
			return false
		}
		for _, ev2 := range evs[k+1:] {
			if !ev2.trailing && ev2.subjS >= 0 && ev2.subjS < evs[k].subjS {
				return true
			}
		}
		return false
	}
	for k, ev := range evs {
		if ev.trailing || ev.subjS >= 0 && (en.subordinate(ev.subjS, st.a) && mainLater(k) || relativeYields(k)) {
			continue
		}
		at := en.newAttribution(ev)
		s := en.contentStart(&at, ev.afterStart, st.b)
		if ev.subjS > st.a && en.toks[ev.subjS-1].low == "what" && !ev.c.according {
			// "what it calls “the single-biggest ...”": the relative
			// clause is the content.
			s = ev.subjS - 1
		}
		e := en.contentEnd(s, st.b)
		// A later cue coordinated with this one ends this content.
		for _, ev2 := range evs[k+1:] {
			if ev2.subjS == ev.subjS && ev2.c.i > s && ev2.c.i < e {
				kk := en.skipBack(ev2.c.i-1, s)
				e = en.trimEnd(s, kk)
			}
		}
		// A later cue with its own speaker after a clause boundary ("She
		// said C, and when pressed, the mother replied, ...") starts a new
		// statement: this content ends at that boundary.
		var next []eval
		for _, ev2 := range evs[k+1:] {
			if ev2.trailing || ev2.subjS == ev.subjS || ev2.subjS <= s {
				continue
			}
			if b := en.clauseBoundary(s, ev2.subjS); b > s {
				if b < e {
					e = en.trimEnd(s, b)
				}
				next = append(next, ev2)
				break
			}
		}
		if s < e {
			at.parts = [][2]int{{s, e}}
		}
		out = append(out, at)
		for _, ev2 := range next {
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, st.b)
			if ie := en.contentEnd(is, st.b); is < ie {
				in.parts = [][2]int{{is, ie}}
				out = append(out, in)
			}
		}
		// Nested report: "the Kremlin said that Putin had told Macron ...".
		for _, ev2 := range evs[k+1:] {
			if ev2.trailing || ev2.subjS == ev.subjS || s >= e || ev2.subjS < s || ev2.c.i >= e {
				continue
			}
			if en.toks[s].low != "that" || ev2.subjS != s+1 {
				continue
			}
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, st.b)
			ie := en.contentEnd(is, e)
			if is < ie {
				in.parts = [][2]int{{is, ie}}
				in.reportedBy = at.ent
				if in.reportedBy < 0 {
					in.reportedBy = en.literal(at.subjS, at.subjE)
				}
				out = append(out, in)
			}
			break
		}
		// Coordinated statements by the same subject.
		for _, ev2 := range evs[k+1:] {
			if ev2.subjS != ev.subjS || ev2.c.i <= e {
				continue
			}
			in := en.newAttribution(ev2)
			is := en.contentStart(&in, ev2.afterStart, st.b)
			ie := en.contentEnd(is, st.b)
			if is < ie {
				in.parts = [][2]int{{is, ie}}
				out = append(out, in)
			}
		}
		out = append(out, en.participles(st, ev, e, at.ent)...)
		return out
	}
	return out
}

// nextQuote finds the next opening quotation mark in [i, b), unless a
// participle cue comes first (that quotation is its own statement).
func (en *engine) nextQuote(i, b int) int {
	for k := i; k < b; k++ {
		t := &en.toks[k]
		if t.q >= 0 {
			if en.spans[t.q].open == k {
				return k
			}
			return -1
		}
		if en.isParticipleCue(k) {
			return -1
		}
	}
	return -1
}

// clauseSubject finds, scanning back from token k, the nearest pronoun
// or name that opens a clause (after a comma, a clause word or the
// sentence start).
func (en *engine) clauseSubject(st sentence, k int) (int, int, bool) {
	lo := k - 14
	if lo < st.a {
		lo = st.a
	}
	for i := k - 1; i >= lo; i-- {
		t := &en.toks[i]
		if t.q >= 0 || t.kind != tWord {
			continue
		}
		prevOK := i == st.a || en.toks[i-1].low == "," || clauseOpeners[en.toks[i-1].low]
		if !prevOK {
			continue
		}
		if w := t.low; w == "he" || w == "she" || w == "they" || w == "i" || w == "we" {
			return i, i + 1, true
		}
		if m := en.reg.mentionAt[i]; m > 0 {
			mn := en.reg.mentions[m-1]
			if mn.s == i && mn.ent >= 0 && !en.isPossessor(mn.e) {
				return mn.s, mn.e, true
			}
		}
	}
	return 0, 0, false
}

// sentenceSubject is the pronoun or name that opens a sentence ("He then
// defended the remark, saying ...").
func (en *engine) sentenceSubject(st sentence) (int, int, bool) {
	i := st.a
	for i < st.b && en.toks[i].kind == tWord && connectives[en.toks[i].low] {
		i++
	}
	// An opening phrase ("Following a swiftly called meeting, the
	// Council ...") is not the subject.
	if i < st.b && (prepositions[en.toks[i].low] || subordinators[en.toks[i].low] || strings.HasSuffix(en.toks[i].low, "ing")) {
		// Past the comma after which a name or pronoun follows.
		for k := i; k < st.b && k < i+20; k++ {
			if en.toks[k].low != "," || en.toks[k].q >= 0 || k+1 >= st.b {
				continue
			}
			n := k + 1
			if articles[en.toks[n].low] && n+1 < st.b {
				n++
			}
			_, pro := pronouns[en.toks[n].low]
			if pro || en.reg.mentionAt[n] > 0 {
				i = k + 1
				break
			}
		}
	}
	if i < st.b && articles[en.toks[i].low] {
		i++ // "the Security Council"
	}
	if i >= st.b || en.toks[i].kind != tWord || en.toks[i].q >= 0 {
		return 0, 0, false
	}
	if k, ok := pronouns[en.toks[i].low]; ok && en.toks[i].low != "it" && k != "" && en.toks[i].low != "who" {
		return i, i + 1, true
	}
	if m := en.reg.mentionAt[i]; m > 0 {
		mn := en.reg.mentions[m-1]
		if mn.s == i && mn.ent >= 0 && !en.isPossessor(mn.e) {
			s := mn.s
			if s > st.a && articles[en.toks[s-1].low] {
				s--
			}
			return s, mn.e, true
		}
	}
	return 0, 0, false
}

// clauseBoundary finds the comma that opens the clause holding token i:
// the last ", and" / ", but" / "," before it, outside quotations.
func (en *engine) clauseBoundary(s, i int) int {
	best := -1
	for k := i - 1; k > s; k-- {
		t := &en.toks[k]
		if t.q >= 0 {
			continue
		}
		if t.low == "," || t.low == ";" {
			if n := en.toks[k+1].low; n == "and" || n == "but" || n == "while" || n == "although" || n == "though" || n == "whereas" {
				return k
			}
			if best < 0 {
				best = k
			}
		}
	}
	if best >= 0 && best == i-1 {
		return best
	}
	return -1
}

// npPreps may join a noun phrase to its head: "a narrator in the Clinton
// ad", "protesters marching through the streets".
var npPreps = setOf("in of for at from with through across outside inside near around on")

// clauseOpeners start a clause whose subject follows.
var clauseOpeners = setOf("when after because that and but while if as since although though before once whereas so")

var irregularParticiples = setOf("found told said thought known shown written held made sent")

func progressive(w string) bool {
	switch w {
	case "is", "was", "are", "were", "been", "be", "'s", "'re", "am":
		return true
	}
	return false
}

// invertible verbs may follow their content and precede their speaker:
// "..., said Caddell." Others with a noun after them have an object
// ("declared bankruptcy").
var invertible = setOf("say add ask write recall continue explain reply respond note argue insist warn agree wonder quip joke remark observe counter retort concede complain boast acknowledge admit suggest state predict comment chant shout read muse scoff lament testify")

var subordinators = setOf("when if after as because since while although though once unless until whereas before")

// subordinate: the subject at token i opens a subordinate clause.
func (en *engine) subordinate(i, lo int) bool {
	return i > lo && subordinators[en.toks[i-1].low]
}

func hasCue(evs []eval, i int) bool {
	for _, ev := range evs {
		if ev.c.i == i {
			return true
		}
	}
	return false
}

// participles: ", adding that ..." after a statement is another statement
// by the same speaker.
func (en *engine) participles(st sentence, ev eval, from, ent int) []attribution {
	var out []attribution
	for i := from; i+1 < st.b; i++ {
		if en.toks[i].low != "," || en.toks[i].q >= 0 || !en.isParticipleCue(i+1) {
			continue
		}
		c := cand{i: i + 1, j: i + 2, vi: reportingVerbs[en.toks[i+1].low]}
		pev := eval{c: c, subjS: ev.subjS, subjE: ev.subjE, afterStart: c.j, addrS: -1, sb: st.b}
		en.addressee(st, &pev)
		at := en.newAttribution(pev)
		at.ent = ent
		s := en.contentStart(&at, pev.afterStart, st.b)
		e := en.contentEnd(s, st.b)
		if s < e {
			at.parts = [][2]int{{s, e}}
			out = append(out, at)
		}
		i = e
	}
	return out
}

func (en *engine) newAttribution(ev eval) attribution {
	at := attribution{cueS: ev.c.i, cueE: ev.c.j, subjS: ev.subjS, subjE: ev.subjE,
		addrS: ev.addrS, addrE: ev.addrE, reportedBy: -1, ent: -1}
	// The cue keeps its perfect auxiliary: "has told", "had announced".
	if p := at.cueS - 1; p >= 0 && p > ev.subjE-1 && en.toks[p].q < 0 && (en.toks[p].low == "has" || en.toks[p].low == "have" || en.toks[p].low == "had") {
		at.cueS = p
	}
	if ev.c.according {
		at.cue = "according to"
	}
	if ev.subjS >= 0 {
		at.ent = en.resolve(ev.subjS, ev.subjE)
		// The speaker is at once the antecedent of a later "he" in the
		// same sentence ("Rendell agreed ..., but he said ...").
		en.promote(at.ent)
		if at.ent >= 0 && en.reg.ents[at.ent].kind == Person {
			en.lastPerson = at.ent
		}
	}
	at.when = en.whenNear(ev)
	return at
}

// skipBack steps back over auxiliaries, adverbs and short time phrases
// ("who in 2010 said", "Putin on Friday said") from i.
func (en *engine) skipBack(i, lo int) int {
	for i >= lo {
		t := &en.toks[i]
		if t.kind == tWord && t.q < 0 && i-1 >= lo && (isYear(t.low) || weekdays[t.low] != 0 || t.low == "sunday") {
			if p := en.toks[i-1].low; p == "in" || p == "on" || p == "last" || p == "this" {
				i -= 2
				continue
			}
		}
		if t.q >= 0 || t.kind != tWord || t.cap {
			return i
		}
		if auxWords[t.low] || (strings.HasSuffix(t.low, "ly") && len(t.low) > 4) {
			i--
			continue
		}
		return i
	}
	return i
}

// evalCue finds the speaker of a cue and whether the content precedes it.
func (en *engine) evalCue(st sentence, c cand) (eval, bool) {
	ev := eval{c: c, subjS: -1, addrS: -1, afterStart: c.j, sb: st.b}
	if c.according {
		// "according to X": X follows.
		ns, ne := en.npForward(c.j, st.b)
		if ns >= ne {
			return ev, false
		}
		ev.subjS, ev.subjE = ns, ne
		ev.afterStart = ne
		k := c.i - 1
		if k > st.a && (en.toks[k].low == "," || en.toks[k].low == "—" || en.toks[k].low == "--") {
			ev.trailing, ev.contentEnd = true, k
			return ev, true
		}
		if ne < st.b && en.toks[ne].low == "," {
			ev.afterStart = ne + 1
		}
		return ev, ev.afterStart < st.b
	}
	if c.nominal {
		p := c.i - 1
		if en.toks[p].low != "'s" {
			ev.subjS, ev.subjE = p, p+1 // his, her, their, its
			return ev, true
		}
		if ns, ok := en.npBack(p-1, st.a); ok {
			ev.subjS, ev.subjE = ns, p
			return ev, true
		}
		return ev, false
	}
	k := en.skipBack(c.i-1, st.a)
	if k >= st.a && en.toks[k].low == ")" {
		// "Rep. Jason Chaffetz (R-Utah) said"
		o := k - 1
		for o > st.a && o > k-8 && en.toks[o].low != "(" {
			o--
		}
		if o > st.a && en.toks[o].low == "(" {
			k = o - 1
		}
	}
	if k < st.a {
		// "Said Ellis: ..." opening the sentence.
		if w := en.toks[c.i].low; en.toks[c.i].cap && !c.vi.participle && (strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "wrote") {
			if ns, ne := en.npForward(c.j, st.b); ns < ne && ne < st.b && en.toks[ns].cap && (en.toks[ne].low == ":" || en.toks[ne].low == ",") {
				ev.subjS, ev.subjE, ev.afterStart = ns, ne, ne
				return ev, true
			}
		}
		return ev, false
	}
	t := &en.toks[k]
	closing := t.kind == tMark && t.q >= 0 && en.spans[t.q].close == k
	if t.low == "," || t.low == "--" || t.low == "—" || t.low == "-" || closing || (t.kind == tMark && t.q < 0) {
		// Inverted: "Q," said X. Never for -ing forms (", suggesting a
		// few questions").
		if ns, ne := en.npForward(c.j, st.b); ns < ne && k > st.a && !c.vi.participle && invertible[c.vi.lemma] && en.endsAttribution(ne, st.b) && !en.isWhenAt(c.j, st.b) {
			ev.subjS, ev.subjE = ns, ne
			ev.inverted = true
			ev.afterStart = ne
			ev.trailing = true
			ev.contentEnd = k
			if closing {
				ev.contentEnd = k + 1
			}
			en.addressee(st, &ev)
			return ev, true
		}
		if t.low == "," && c.vi.participle {
			// "He then defended the remark, saying ...": the sentence's
			// subject speaks.
			if ns, ne, ok := en.sentenceSubject(st); ok && ne <= k {
				ev.subjS, ev.subjE = ns, ne
				en.addressee(st, &ev)
				return ev, true
			}
			return ev, false
		}
		if t.low == "," {
			// Appositive: "Lavrov, the foreign minister, said".
			if ns, ne, ok := en.appositiveSubject(st, k); ok {
				ev.subjS, ev.subjE = ns, ne
				return en.finishEval(st, ev)
			}
		}
		return ev, false
	}
	if c.vi.participle && t.kind == tWord && (prepositions[t.low] || t.low == "while") && !t.cap {
		// "began by saying ...", "for saying that ...": the sentence
		// subject speaks.
		if ns, ne, ok := en.sentenceSubject(st); ok && ne <= k {
			ev.subjS, ev.subjE = ns, ne
			en.addressee(st, &ev)
			return ev, true
		}
		return ev, false
	}
	if (t.low == "and" || t.low == "but") && t.kind == tWord {
		// "after she attacked X and blamed Y": the nearest clause subject;
		// "Trump bemoaned the unrest and said ...": the sentence subject.
		if ns, ne, ok := en.clauseSubject(st, k); ok {
			ev.subjS, ev.subjE = ns, ne
			en.addressee(st, &ev)
			return ev, true
		}
		if ns, ne, ok := en.sentenceSubject(st); ok && ne <= k {
			ev.subjS, ev.subjE = ns, ne
			en.addressee(st, &ev)
			return ev, true
		}
		return ev, false
	}
	ns, ok := en.npBack(k, st.a)
	if !ok {
		return ev, false
	}
	if c.vi.participle && !progressive(en.toks[c.i-1].low) {
		// "the Council issued a statement calling ...": an -ing cue after
		// a common noun belongs to the sentence subject (but "is calling"
		// is a finite verb).
		if _, pro := pronouns[en.toks[ns].low]; !pro && en.reg.mentionAt[k] == 0 {
			if ss, se, ok := en.sentenceSubject(st); ok && se <= ns {
				ev.subjS, ev.subjE = ss, se
				en.addressee(st, &ev)
				return ev, true
			}
			return ev, false
		}
	}
	if cw := en.toks[c.i].low; ns > st.a && (strings.HasSuffix(cw, "ed") || strings.HasSuffix(cw, "en") || irregularParticiples[cw]) && prepositions[en.toks[ns-1].low] && !en.toks[ns].cap && !en.introducesContent(c.j, st.b) {
		// "In a Facebook message posted Friday": a reduced relative.
		return ev, false
	}
	ev.subjS, ev.subjE = ns, k+1
	return en.finishEval(st, ev)
}

// finishEval decides between "C, X said" and "X said C".
func (en *engine) finishEval(st sentence, ev eval) (eval, bool) {
	en.addressee(st, &ev)
	p := ev.subjS - 1
	if p <= st.a {
		return ev, true
	}
	pt := &en.toks[p]
	closing := pt.kind == tMark && pt.q >= 0 && en.spans[pt.q].close == p
	if pt.low != "," && !closing && pt.low != "—" && pt.low != "--" {
		return ev, true
	}
	end := p
	if closing {
		end = p + 1
	}
	startsQuote := en.toks[st.a].kind == tMark && en.toks[st.a].q >= 0
	if !startsQuote && !en.trailCompatible(ev.afterStart, st.b) {
		return ev, true
	}
	if !startsQuote && end-st.a < 3 && !en.parenthetical(ev.afterStart, st.b) {
		return ev, true
	}
	if !startsQuote && end-st.a <= 6 && prepositions[en.toks[st.a].low] && !en.parenthetical(ev.afterStart, st.b) {
		return ev, true // "Through a spokesman, Justice declined to comment"
	}
	if !startsQuote && subordinators[en.toks[st.a].low] && !en.parenthetical(ev.afterStart, st.b) {
		return ev, true // "As the charges were unsealed, Sawyer testified ..."
	}
	ev.trailing = true
	ev.contentEnd = end
	return ev, true
}

// parenthetical: "The museum, Mr. Obama said, would ...": a comma right
// after the cue (or its time expression) and more content.
func (en *engine) parenthetical(i, b int) bool {
	for i < b {
		if _, end := en.parseWhen(i, b); end > i {
			i = end
			continue
		}
		break
	}
	return i+1 < b && en.toks[i].low == "," && !en.isParticipleCue(i+1) && en.toks[i+1].low != "according"
}

// trailCompatible: after a trailing cue only adverbials, a source, a
// participle clause or a second quoted fragment may follow.
func (en *engine) trailCompatible(i, b int) bool {
	for i < b && en.toks[i].kind == tPunct && en.toks[i].low != "," && en.toks[i].low != ":" {
		i++
	}
	if i >= b {
		return true
	}
	t := &en.toks[i]
	switch {
	case t.low == ",":
		// `replied, "Q."`: the quotation is this cue's content.
		return !(i+1 < b && en.toks[i+1].kind == tMark && en.toks[i+1].q >= 0)
	case t.low == ":" || t.low == "that":
		return false
	case t.kind == tMark:
		return true
	case t.low == "to" && i+1 < b && !en.toks[i+1].cap && !articles[en.toks[i+1].low] && !determiners[en.toks[i+1].low]:
		return false // "declined to comment": an infinitive is content
	case trailPreps[t.low]:
		// no "that" clause further on
		for k := i; k < b && k < i+12; k++ {
			if en.toks[k].low == "," && en.toks[k].q < 0 {
				break
			}
			if en.toks[k].low == "that" && en.toks[k].q < 0 || en.toks[k].kind == tMark {
				return false
			}
		}
		return true
	}
	return false
}

// appositiveSubject: "X, <apposition>, said": the subject is the noun
// phrase before the previous comma.
func (en *engine) appositiveSubject(st sentence, k int) (int, int, bool) {
	lo := k - 40
	if lo < st.a {
		lo = st.a
	}
	// Commas or dashes before which a person's name or a pronoun ends:
	// "Angelique Brunner, a developer and spokeswoman for X, which ...,
	// said"; "Donna Rawlings, 59, of Ashton, Md., said". The one opening
	// an apposition ("who", "a", "the", an age) wins over a name that
	// merely ends a clause ("who lost the primaries to Clinton,").
	fs, fe := -1, -1
	for c := k - 1; c > lo; c-- {
		t := &en.toks[c]
		if t.q >= 0 || t.kind == tMark {
			break
		}
		if t.low != "," && t.low != "--" && t.low != "—" {
			continue
		}
		p := c - 1
		if en.toks[p].low == ")" {
			// "Sen. Bernie Sanders (Vt.), who ..."
			for o := p - 1; o > lo && o > p-8; o-- {
				if en.toks[o].low == "(" {
					p = o - 1
					break
				}
			}
		}
		if en.toks[p].q >= 0 || en.toks[p].kind != tWord {
			continue
		}
		_, pro := pronouns[en.toks[p].low]
		if !pro && !en.personMentionEndsAt(p) {
			continue
		}
		ns, ok := en.npBack(p, st.a)
		if !ok {
			continue
		}
		if n := en.toks[c+1].low; appositionOpeners[n] || n[0] >= '0' && n[0] <= '9' {
			return ns, p + 1, true
		}
		if fs < 0 {
			fs, fe = ns, p+1
		}
	}
	if fs >= 0 {
		return fs, fe, true
	}
	// "The state's campaign chairman, Phil Lovas, said": the name is the
	// apposition.
	if k-1 >= st.a && en.personMentionEndsAt(k-1) {
		m := en.reg.mentions[en.reg.mentionAt[k-1]-1]
		return m.s, m.e, true
	}
	return 0, 0, false
}

var appositionOpeners = setOf("who which a an the his her their its one now also himself herself then")

// personMentionEndsAt: a person's name ends at token i.
func (en *engine) personMentionEndsAt(i int) bool {
	m := en.reg.mentionAt[i]
	if m == 0 {
		return false
	}
	mn := en.reg.mentions[m-1]
	return mn.e == i+1 && mn.ent >= 0 && en.reg.ents[mn.ent].kind == Person
}

// endsAttribution: after an inverted speaker ("said Vitter") the clause
// ends: punctuation, the end, or an adverbial.
func (en *engine) endsAttribution(i, b int) bool {
	if i >= b {
		return true
	}
	t := &en.toks[i]
	if t.kind == tMark {
		return t.q < 0 || en.spans[t.q].open != i // a quotation opening here is content
	}
	if t.kind == tPunct {
		return true
	}
	return endPreps[t.low] || t.low == "who" || t.low == "whose"
}

// endPreps may follow an inverted speaker ("said Mulgrew in an interview").
var endPreps = setOf("in on at during after before from while when last this earlier later yesterday today tonight monday tuesday wednesday thursday friday saturday sunday via to")

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// narratorTurn words after a comma hand the sentence back to the narrator
// ("X said C, but ...").
var narratorTurn = setOf("but though although while whereas even")

// articles and possessives make the next word a noun ("the report").
var articles = setOf("the a an his her their its our my your this these those another every each")

var prepositions = setOf("in on at by with from into about over under during against between without through per via of for after before")

var connectives = setOf("but and so yet then however meanwhile also still now or nor thus instead indeed")

// npBack collects the noun phrase ending at token k, scanning backwards.
func (en *engine) npBack(k, lo int) (int, bool) {
	t := &en.toks[k]
	if t.kind != tWord || t.q >= 0 {
		return 0, false
	}
	if objectPronouns[t.low] {
		return 0, false
	}
	if _, ok := pronouns[t.low]; ok {
		return k, true
	}
	if clauseStops[t.low] || !t.cap && (strings.HasSuffix(t.low, "ing") || auxWords[t.low] || articles[t.low]) {
		return 0, false
	}
	j := k
	n := 0
	for j >= lo {
		t := &en.toks[j]
		if t.q >= 0 || t.kind == tMark {
			break
		}
		if t.kind == tPunct {
			if (t.low == "." && j > lo && en.isAbbrev(j-1)) || t.low == "&" {
				j--
				continue
			}
			if t.low == ")" && j == k+0 || t.low == ")" {
				// "Rep. Gwen Moore (D-Wis.)": step over the parenthesis.
				o := j - 1
				for o > lo && o > j-8 && en.toks[o].low != "(" {
					o--
				}
				if o > lo && en.toks[o].low == "(" {
					j = o - 1
					continue
				}
			}
			break
		}
		w := t.low
		if j < k {
			if _, ok := pronouns[w]; ok && w != "her" && w != "his" {
				break
			}
			if _, ok := reportingVerbs[w]; ok && !t.cap {
				break
			}
			if auxWords[w] && !t.cap {
				break
			}
			if clauseStops[w] {
				keep := (w == "of" || w == "for" || w == "and" || w == "at") && j > lo && j+1 <= k
				if (w == "in" || w == "on" || w == "from") && j > lo && j+1 <= k {
					// "supporters in Congress", "officials from both parties"
					pw := &en.toks[j-1]
					_, isVerb := reportingVerbs[pw.low]
					keep = pw.kind == tWord && pw.q < 0 && !isVerb && !auxWords[pw.low] && !clauseStops[pw.low] &&
						!strings.HasSuffix(pw.low, "ed") && !determiners[pw.low]
				}
				if !keep {
					break
				}
				if w == "and" && !(en.toks[j+1].cap && en.toks[j-1].cap) {
					break
				}
			}
		}
		n++
		if determiners[w] && j == k && j > lo && en.toks[j-1].low == "of" {
			// "the mother of three said": a number heading an of-phrase.
			j--
			continue
		}
		if determiners[w] && !t.cap || determiners[w] && j == lo {
			// "a narrator in the Clinton ad", "the head of the agency".
			if j-2 >= lo && n < 7 && npPreps[en.toks[j-1].low] &&
				en.toks[j-2].kind == tWord && en.toks[j-2].q < 0 && !clauseStops[en.toks[j-2].low] && !auxWords[en.toks[j-2].low] {
				if _, isVerb := reportingVerbs[en.toks[j-2].low]; !isVerb {
					j -= 2
					continue
				}
			}
			j--
			break
		}
		if n > 9 {
			break
		}
		j--
	}
	s := j + 1
	for s <= k && (en.toks[s].kind == tPunct || en.toks[s].low == "of" || en.toks[s].low == "and" || en.toks[s].low == "for" || en.toks[s].low == "at") {
		s++
	}
	if s > k {
		return 0, false
	}
	f := &en.toks[s]
	ok := f.cap || determiners[f.low] || (f.low[0] >= '0' && f.low[0] <= '9') || k-s < 2
	for x := s; x <= k && !ok; x++ {
		ok = en.toks[x].cap
	}
	if f.cap && connectives[f.low] && s < k {
		// "But Shelby said": drop the sentence connective.
		s++
	}
	return s, ok
}

// npForward collects a noun phrase starting at i: a pronoun or a run of
// words up to punctuation or a clause word.
func (en *engine) npForward(i, b int) (int, int) {
	if i >= b {
		return i, i
	}
	t := &en.toks[i]
	if t.kind != tWord || t.q >= 0 {
		return i, i
	}
	if _, ok := pronouns[t.low]; ok && t.low != "her" && t.low != "his" && t.low != "their" {
		return i, i + 1
	}
	if clauseStops[t.low] || auxWords[t.low] || trailPreps[t.low] && !t.cap {
		return i, i
	}
	j := i
	for j < b && j-i < 10 {
		t := &en.toks[j]
		if t.q >= 0 || t.kind == tMark {
			break
		}
		if t.kind == tPunct {
			if t.low == "." && en.isAbbrev(j-1) && j+1 < b && en.toks[j+1].cap {
				j++
				continue
			}
			break
		}
		if j > i && !t.cap {
			if t.low == "that" || t.low == "who" || t.low == "which" || trailPreps[t.low] && t.low != "of" {
				break
			}
			if vi, ok := reportingVerbs[t.low]; ok && !vi.weak && !determiners[en.toks[j-1].low] {
				break
			}
			if auxWords[t.low] {
				break
			}
		}
		j++
	}
	return i, j
}

// addressee reads the object of tell-like verbs: "told Macron (that)",
// "told his French counterpart, Emmanuel Macron, that".
func (en *engine) addressee(st sentence, ev *eval) {
	if !ev.c.vi.tell || ev.afterStart >= st.b {
		return
	}
	i := ev.afterStart
	if en.toks[i].low == "," || en.toks[i].kind == tMark {
		return
	}
	s, e := en.npForward(i, st.b)
	if s >= e {
		return
	}
	// Apposition with a name: ", Emmanuel Macron,".
	if e+2 < st.b && en.toks[e].low == "," && en.toks[e+1].cap && en.toks[e+1].q < 0 {
		_, e2 := en.npForward(e+1, st.b)
		if e2 < st.b && en.toks[e2].low == "," {
			e = e2
		}
	}
	ev.addrS, ev.addrE = s, e
	ev.afterStart = e
	if e < st.b && en.toks[e].low == "," && e+1 < st.b && en.toks[e+1].low == "that" {
		ev.afterStart = e + 1
	}
}

// contentStart skips what stands between a cue and its content: a colon
// or comma, a time expression, "in a statement".
func (en *engine) contentStart(at *attribution, i, b int) int {
	for i < b {
		t := &en.toks[i]
		if t.kind == tPunct && (t.low == "," || t.low == ":" || t.low == "—" || t.low == "-") {
			i++
			continue
		}
		if t.q >= 0 {
			// "told “Morning Joe” on Friday that ...": a short quoted
			// title, then the that-clause.
			if sp := en.spans[t.q]; sp.open == i && sp.close > i && sp.close-i <= 7 {
				k := sp.close + 1
				if _, end := en.parseWhen(k, b); end > k {
					k = end
				}
				if k < b && en.toks[k].low == "that" {
					return k
				}
			}
			return i
		}
		// "scolded him: “Q”": an object before a colon and a quotation.
		for k := i; k < b && k < i+5; k++ {
			u := &en.toks[k]
			if u.q >= 0 || u.kind == tPunct && u.low != ":" {
				break
			}
			if u.low == ":" && k+1 < b && en.toks[k+1].kind == tMark && en.toks[k+1].q >= 0 {
				return k + 1
			}
		}
		if w, end := en.parseWhen(i, b); end > i {
			if at.when == nil {
				at.when = w
			}
			i = end
			continue
		}
		// "said in a statement (that)", "said on Twitter that": jump to the
		// "that" when it comes soon.
		if trailPreps[t.low] && t.low != "that" {
			for k := i + 1; k < b && k < i+8; k++ {
				if en.toks[k].q >= 0 || en.toks[k].low == "," {
					break
				}
				if en.toks[k].low == "that" {
					if at.source == "" && (t.low == "in" || t.low == "on") {
						at.source = en.text[en.toks[i+1].s:en.toks[k-1].e]
					}
					return k
				}
			}
		}
		return i
	}
	return i
}

// contentEnd: the content runs to the end of the sentence, short of a
// following participle cue or "according to", without end punctuation.
// A quotation right after the cue ends it when the narrator goes on
// ("chanted “What curfew?” and kept going").
func (en *engine) contentEnd(s, b int) int {
	if s < b && en.toks[s].kind == tMark && en.toks[s].q >= 0 {
		if c := en.spans[en.toks[s].q].close; c > s && c+1 < b {
			if w := en.toks[c+1].low; w == "and" || w == "but" || w == "before" || w == "as" || w == "while" || w == "when" {
				return c + 1
			}
		}
	}
	for i := s; i+1 < b; i++ {
		t := &en.toks[i]
		if t.q >= 0 {
			continue
		}
		if t.low == "," && (en.isParticipleCue(i+1) || en.toks[i+1].low == "according" || narratorTurn[en.toks[i+1].low]) || t.low == ";" {
			b = i
			break
		}
	}
	return en.trimEnd(s, b)
}

// trimEnd drops punctuation outside quotations at the end of [s, e).
func (en *engine) trimEnd(s, e int) int {
	for e > s {
		t := &en.toks[e-1]
		if t.kind == tPunct && t.q < 0 && t.low != ")" && t.low != "%" || t.kind == tMark && t.q < 0 {
			e--
			continue
		}
		break
	}
	return e
}

// skipTrailers steps over what may follow a trailing cue before a comma:
// time expressions, "in a statement", the addressee.
func (en *engine) skipTrailers(at *attribution, i, b int) int {
	for i < b {
		t := &en.toks[i]
		if t.low == "," || t.kind == tMark && t.q >= 0 || t.q >= 0 {
			return i
		}
		if w, end := en.parseWhen(i, b); end > i {
			if at.when == nil {
				at.when = w
			}
			i = end
			continue
		}
		if t.kind == tPunct {
			i++
			continue
		}
		if (t.low == "in" || t.low == "on") && i+1 < b && at.source == "" {
			// "in a statement", "on Twitter"
			k := i + 1
			for k < b && en.toks[k].kind == tWord && en.toks[k].q < 0 && k < i+6 {
				if _, isWhen := en.parseWhen(k, b); isWhen > k {
					break
				}
				k++
			}
			if k > i+1 {
				at.source = en.text[en.toks[i+1].s:en.toks[k-1].e]
			}
			i = k
			continue
		}
		i++
	}
	return i
}

// accordingTail reads ", according to X" after another cue: a document is
// the source, an agent is the reporter.
func (en *engine) accordingTail(i, b int) (string, int) {
	s, e := en.npForward(i, b)
	if s >= e {
		return "", -1
	}
	e = en.trimEnd(s, b)
	np := en.text[en.toks[s].s:en.toks[e-1].e]
	if determiners[en.toks[s].low] && !en.toks[s+1].cap {
		return np, -1
	}
	return "", en.resolveOrLiteral(s, e)
}

// headingColon reads "C: Russian FM" and "Pat Caddell: C" in headlines
// and subheadings.
func (en *engine) headingColon(st sentence) (attribution, bool) {
	at := attribution{subjS: -1, addrS: -1, reportedBy: -1, ent: -1, cueS: -1}
	first, last := -1, -1
	for i := st.a; i < st.b; i++ {
		if en.toks[i].low == ":" && en.toks[i].q < 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return at, false
	}
	isSpeaker := func(s, e int) bool {
		if e-s < 1 || e-s > 4 {
			return false
		}
		if e-s <= 2 && headlineLabels[en.toks[e-1].low] {
			return false // "The Latest: ...", "Watch: ..."
		}
		for k := s; k < e; k++ {
			t := &en.toks[k]
			if t.kind != tWord || t.q >= 0 || !t.cap && !roleHeads[t.low] {
				return false
			}
		}
		return true
	}
	after := en.trimEnd(last+1, st.b)
	switch {
	case isSpeaker(st.a, first) && after > first+1 && (en.isPersonAt(st.a, first) || en.namedElsewhere(st.a, first) || first == st.a+1 && headlineSources[en.toks[st.a].low]):
		at.cueS, at.cueE = first, first+1
		at.subjS, at.subjE = st.a, first
		at.parts = [][2]int{{first + 1, en.trimEnd(first+1, st.b)}}
	case isSpeaker(last+1, after) && last > st.a:
		at.cueS, at.cueE = last, last+1
		at.subjS, at.subjE = last+1, after
		at.parts = [][2]int{{st.a, en.trimEnd(st.a, last)}}
	default:
		return at, false
	}
	if at.parts[0][1] <= at.parts[0][0] {
		return at, false
	}
	at.ent = en.resolve(at.subjS, at.subjE)
	if at.ent >= 0 && en.reg.ents[at.ent].kind == Country {
		// "Ball in Putin's court: France": the country's spokesperson in
		// the story, the nearest person of that nationality after it.
		if p := en.personOf(en.reg.ents[at.ent].name, at.subjS); p >= 0 {
			at.ent = p
		}
	}
	return at, true
}

// headlineLabels name a kind of story, not a speaker.
var headlineLabels = setOf("latest update updates watch live breaking exclusive opinion analysis review editorial photos video videos listen explainer factbox timeline recap")

// headlineSources open headlines as sources: "Poll: Clinton and Trump in
// dead heat".
var headlineSources = setOf("poll polls survey study report")

// namedElsewhere: the name in [s, e) is also mentioned in another
// segment ("Politifact: ..." over a story that names Politifact).
func (en *engine) namedElsewhere(s, e int) bool {
	a, b := en.segTok[en.cur.seg][0], en.segTok[en.cur.seg][1]
	for k := s; k < e; k++ {
		if m := en.reg.mentionAt[k]; m > 0 {
			if ent := en.reg.mentions[m-1].ent; ent >= 0 && (en.reg.ents[ent].lo < a || en.reg.ents[ent].hi > b) {
				return true
			}
		}
	}
	return false
}

// isPersonAt: the tokens [s, e) name a known person.
func (en *engine) isPersonAt(s, e int) bool {
	for k := s; k < e; k++ {
		if m := en.reg.mentionAt[k]; m > 0 {
			if ent := en.reg.mentions[m-1].ent; ent >= 0 && en.reg.ents[ent].kind == Person {
				return true
			}
		}
	}
	return false
}

// personOf finds the person of a nationality mentioned first after token
// i, else the last one before it.
func (en *engine) personOf(country string, i int) int {
	en.reg.byRoleWord("")
	ms := en.reg.natIdx[country]
	k := sort.Search(len(ms), func(k int) bool { return ms[k].s > i })
	if k < len(ms) {
		return ms[k].ent
	}
	if k > 0 {
		return ms[k-1].ent
	}
	return -1
}

// dashAttribution reads a quotation signed with a dash: "“Q.” ― Name".
func (en *engine) dashAttribution(st sentence) (attribution, bool) {
	at := attribution{subjS: -1, addrS: -1, reportedBy: -1, ent: -1, cueS: -1}
	e := en.trimEnd(st.a, st.b)
	// Find the dash after the last quotation.
	d := -1
	for i := e - 1; i > st.a && i >= e-8; i-- {
		t := &en.toks[i]
		if t.q >= 0 {
			break
		}
		if t.kind == tPunct && (t.low == "―" || t.low == "—" || t.low == "–" || t.low == "-") {
			d = i
			break
		}
	}
	if d < 0 || d+1 >= e || en.toks[d-1].q < 0 || !en.toks[d+1].cap {
		return at, false
	}
	for i := d + 1; i < e; i++ {
		if t := &en.toks[i]; t.kind == tWord && !t.cap && !nameConnectors[t.low] {
			return at, false
		}
	}
	at.cueS, at.cueE = d, d+1
	at.subjS, at.subjE = d+1, e
	at.parts = [][2]int{{st.a, d}}
	at.ent = en.resolve(at.subjS, at.subjE)
	return at, true
}

// transcriptLabel reads "PENCE: ..." (optionally after an opening mark) at
// the start of a paragraph and returns the label's token range and the
// colon.
func (en *engine) transcriptLabel(a, b int) (int, int, int, bool) {
	i := a
	if i < b && en.toks[i].kind == tMark {
		i++
	}
	s := i
	for i < b && i < s+4 {
		t := &en.toks[i]
		if t.kind == tWord && isAllCaps(en.text[t.s:t.e]) {
			i++
			continue
		}
		break
	}
	if i == s || i >= b || en.toks[i].low != ":" || i+1 >= b {
		return 0, 0, 0, false
	}
	return s, i, i, true
}

// introducesContent: the cue is followed by a quotation, a that-clause or
// a colon, so it is a finite verb ("Protesters marching through the
// streets chanted “What curfew?”").
func (en *engine) introducesContent(i, b int) bool {
	if i >= b {
		return false
	}
	t := &en.toks[i]
	return t.kind == tMark && t.q >= 0 || t.low == "that" || t.low == ":"
}

func (en *engine) isWhenAt(i, b int) bool {
	_, end := en.parseWhen(i, b)
	return end > i
}
