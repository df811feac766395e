package attribute

import (
	"strings"

	"github.com/newsclip/newsclip/article"
)

// cand is a candidate cue of a sentence.
type cand struct {
	i, j      int // cue token range
	vi        verbInfo
	according bool
	asSource  bool // "As stated in X," (with according)
	nominal   bool // "Trump's claim that"
	putIt     bool // "as X put it"
	adj       bool // "were frustrated that"
	holder    int  // "By Trump's own admission, C": the end of the holder's name (j is its start)
}

// nominalCues are nouns that report a statement when a possessor owns them
// and a that-clause follows.
var nominalCues = setOf("claim claims statement remarks comments comment promise pledge warning assertion argument suggestion insistence belief view accusation charge allegation contention prediction announcement admission denial assurance vow threat insinuation complaint")

// prepositions that may follow a cue in a trailing attribution
// ("..., she said in a statement on Friday.").
var trailPreps = setOf("in on at during to after before from while when last this earlier later yesterday today tonight monday tuesday wednesday thursday friday saturday sunday via through over of about as with outside inside following told")

// participle cues open a second statement by the same speaker.
func (en *engine) isParticipleCue(i int) bool {
	return en.participleCueEnd(i) > i
}

// participleCueEnd returns the token after the participle cue at i
// ("adding", "going on to say"), or i when there is none.
func (en *engine) participleCueEnd(i int) int {
	if en.toks[i].q >= 0 {
		return i
	}
	if vi, ok := reportingVerbs[en.toks[i].low]; ok && vi.participle {
		return i + 1
	}
	// "..., going on to say that ...".
	if en.toks[i].low == "going" && i+3 < len(en.toks) && en.toks[i+1].low == "on" && en.toks[i+2].low == "to" {
		if _, ok := reportingVerbs[en.toks[i+3].low]; ok && en.toks[i+3].q < 0 {
			return i + 4
		}
	}
	return i
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
		// "As stated in Davis' commentary, C" and "C, as reported by
		// the Post.": a source like "according to".
		if j, ok := en.asReported(i, st); ok {
			cands = append(cands, cand{i: i, j: j, according: true, asSource: true})
			continue
		}
		// "..., as a Homeland Security memo put it."
		if t.low == "put" && i+1 < st.b && en.toks[i+1].low == "it" {
			cands = append(cands, cand{i: i, j: i + 2, putIt: true})
			continue
		}
		// "Trump's claim that ...", "his warning that ...".
		if nominalCues[t.low] && i+1 < st.b && en.toks[i+1].low == "that" && i > st.a {
			if possessives[en.toks[i-1].low] {
				cands = append(cands, cand{i: i, j: i + 1, nominal: true})
				continue
			}
		}
		if n := en.toks[min(i+1, st.b-1)].low; (n == "of" || n == "about") && i+2 < st.b && where == whereBody && (prepAdjectives[t.low] == n || prepAdjectives[t.low] == "of" && n == "about") && en.beBefore(i, st) {
			// "Graham has been critical of Trump", "aides were coy about
			// whether ...": a stance toward what follows the preposition.
			cands = append(cands, cand{i: i, j: i + 2, vi: verbInfo{lemma: t.low, belief: true}, adj: true})
			continue
		}
		if stanceAdjectives[t.low] && where == whereBody && en.stanceAdjective(i, st) {
			// "Protesters were frustrated that ...": a feeling with its
			// clause, held by the subject.
			cands = append(cands, cand{i: i, j: i + 1, vi: verbInfo{lemma: t.low, belief: true}, adj: true})
			continue
		}
		if hs, he, ok := en.byAdmission(i, st); ok && where == whereBody {
			// "By Trump's own admission, C", "In her account, C": the
			// holder vouches for what follows, as with "according to".
			cands = append(cands, cand{i: i, j: hs, holder: he, according: true})
			continue
		}
		if j, ok := en.pressedOn(i, st.b); ok && where == whereBody {
			// "who had pressed him on his failure to release tax
			// returns": a question put to him; its topic is the content.
			cands = append(cands, cand{i: i, j: j, vi: verbInfo{lemma: "press", topic: true}})
			continue
		}
		if j, ok := en.makeClear(i, st.b); ok && where == whereBody {
			// "Ham made it clear he had major misgivings", "made clear
			// that C": the clause is what was made clear.
			cands = append(cands, cand{i: i, j: j, vi: verbInfo{lemma: "make clear"}})
			continue
		}
		vi, ok := reportingVerbs[t.low]
		if !ok && where == whereBody {
			// "has been pounding Trump as a “con artist”": any verb that
			// casts its object as a quoted label characterises it.
			if j, ok := en.labelVerb(i, st.b); ok {
				cands = append(cands, cand{i: i, j: j, vi: verbInfo{lemma: t.low, asObj: true}})
			} else if en.mannerCue(i, st) {
				// "“Get out!” the officer ordered.", "“It went well,” she
				// laughed.": any verb of the clause that follows a
				// quotation and ends the sentence tells how it was said.
				cands = append(cands, cand{i: i, j: i + 1, vi: verbInfo{lemma: t.low}})
			}
			continue
		}
		if !ok || t.cap && i != st.a && where == whereBody {
			continue
		}
		if t.cap && where == whereBody {
			// "Planned Parenthood, which brought the suit, ...": a name
			// that opens with a verb's form.
			if m := en.reg.mentionAt[i]; m != 0 && en.reg.mentions[m-1].s == i && en.reg.mentions[m-1].e > i+1 {
				continue
			}
		}
		j := i + 1
		if j < st.b && (vi.lemma == "point" && (en.toks[j].low == "out" || en.toks[j].low == "to") || vi.lemma == "call" && (en.toks[j].low == "for" || en.toks[j].low == "on") || vi.lemma == "believe" && en.toks[j].low == "in" && en.toks[j].q < 0 || (vi.lemma == "find" || vi.lemma == "lay" || vi.lemma == "rule") && en.toks[j].low == "out" && en.toks[j].q < 0) {
			j++
		} else if vi.lemma == "point" || vi.lemma == "lay" {
			continue
		}
		if vi.lemma == "point" && i > st.a {
			// "At one point to ...", "made several points to": a noun.
			if p := en.toks[i-1].low; articles[p] || determiners[p] || relQuantifiers[p] || startsNumber(p) || p == "'s" || p == "percentage" {
				continue
			}
			if i-2 >= st.a && (startsNumber(en.toks[i-2].low) || numberWords[en.toks[i-2].low]) && !en.toks[i-1].cap {
				continue // "scored nine straight points to cut the lead"
			}
		} else if vi.lemma == "call" {
			if _, end := en.parseWhen(j, st.b); end > j && end+1 < st.b && en.toks[end].low == "for" {
				j = end + 1 // "called Friday for X"
			}
		}
		if en.rejectCue(i, st, vi) {
			continue
		}
		cands = append(cands, cand{i: i, j: j, vi: vi})
	}
	if where != whereBody && len(cands) > 1 {
		// "Obama Says Museum Will Tell of 'Suffering'": in a heading a
		// later cue with no punctuation or clause word before it is part
		// of the first one's content.
		kept := cands[:1]
		for _, c := range cands[1:] {
			prev := kept[len(kept)-1]
			sep := false
			for k := prev.j; k < c.i; k++ {
				if t := &en.toks[k]; t.kind == tPunct || t.low == "who" || t.low == "which" || t.low == "and" || t.low == "but" {
					sep = true
					break
				}
			}
			if sep {
				kept = append(kept, c)
			}
		}
		// "Senate hopeful concedes, calls for unity": a cue followed at
		// once by the next predicate states nothing itself.
		out := kept[:0]
		for x, c := range kept {
			if x+1 < len(kept) && c.j+1 == kept[x+1].i && en.toks[c.j].low == "," {
				continue
			}
			out = append(out, c)
		}
		cands = out
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
	if where == whereBody {
		ats = append(ats, en.stanceNouns(st, ats)...)
		ats = append(ats, en.facedCriticism(st, ats)...)
		ats = append(ats, en.thatNouns(st, ats)...)
	}
	if where == whereBody {
		// A passive clause stands alone, or beside an active statement
		// that does not reach into it ("X is expected to V, with Y
		// expected to W").
		at, ok := en.passiveRaising(st)
		if !ok {
			at, ok = en.impersonalPassive(st)
		}
		if !ok {
			// "It is apparent that Clinton made X": the judgement holds
			// the nested statement whole, so both stand (a nested belief
			// is dropped below).
			if ev, ok2 := en.evidentThat(st); ok2 && !cueTaken(ats, ev) {
				ats = append([]attribution{ev}, ats...)
			}
		}
		if ok {
			if len(ats) == 0 {
				return []attribution{at}
			}
			if !overlapsAny(ats, at) {
				ats = append([]attribution{at}, ats...)
			}
		}
	}
	if where == whereBody {
		if at, ok := en.askedFrame(st); ok && !cueTaken(ats, at) {
			// (A statement nested in the question stays: "Asked about her
			// claim that C".)
			ats = append([]attribution{at}, ats...)
		}
	}
	if len(ats) == 1 && where == whereBody && ats[0].subjS < 0 && ats[0].addrS > st.a && askedWords[en.toks[ats[0].cueS].low] {
		// "Asked if he would stay, Rivera smiled: “Q.”": the one asked
		// answers after a colon.
		st2 := st
		st2.a = ats[0].addrS
		if at, ok := en.colonQuote(st2); ok {
			ats = append(ats, at)
		}
	}
	if len(ats) == 0 && where == whereBody {
		if at, ok := en.inSurvey(st); ok {
			return []attribution{at}
		}
		if at, ok := en.colonQuote(st); ok {
			return []attribution{at}
		}
		if at, ok := en.passiveCue(st); ok {
			ats := []attribution{at}
			en.frontedSource(st, ats) // "In a company email, employees were told that C"
			return ats
		}
	}
	if len(ats) > 0 && where == whereBody {
		// "His views were echoed by tax experts I spoke to": a passive
		// with its agent beside another statement that does not reach
		// into it.
		if at, ok := en.passiveCue(st); ok && at.subjS >= 0 && !overlapsAny(ats, at) && !cueTaken(ats, at) {
			ats = append([]attribution{at}, ats...)
		}
	}
	if len(ats) == 0 {
		if at, ok := en.dashAttribution(st); ok {
			return []attribution{at}
		}
	}
	if at, ok := en.hearsayAdverb(st); ok && !overlapsAny(ats, at) {
		ats = append(ats, at)
	}
	if where == whereBody && len(ats) > 0 {
		en.frontedSource(st, ats)
	}
	return en.dropInQuestion(en.dropShownByThings(en.dropAscribedBeliefs(ats)))
}

// dropInQuestion removes statements inside a yes-no question that a
// sentence reports ("Asked if she plans to return, Kravets paused": she
// plans nothing).
func (en *engine) dropInQuestion(ats []attribution) []attribution {
	for _, q := range ats {
		if q.cueS < 0 || len(q.parts) != 1 || !askedWords[en.toks[q.cueS].low] {
			continue
		}
		p := q.parts[0]
		if w := en.toks[p[0]].low; w != "if" && w != "whether" {
			continue
		}
		out := make([]attribution, 0, len(ats))
		for _, o := range ats {
			if o.cueS > p[0] && o.cueS < p[1] {
				continue
			}
			out = append(out, o)
		}
		return out
	}
	return ats
}

// dropShownByThings removes a "show" in a that-clause whose subject is a
// thing that carries no findings ("added that decaffeinated coffee did
// not show the same benefit"): polls, studies, videos, documents and
// people show; coffee does not.
func (en *engine) dropShownByThings(ats []attribution) []attribution {
	out := ats[:0:0]
	for _, at := range ats {
		if vi, ok := reportingVerbs[en.toks[at.cueS].low]; ok && vi.lemma == "show" && at.subjS > 0 && en.toks[at.subjS-1].low == "that" && !en.speakerLike(at.subjS, at.subjE) && !recordings[en.toks[at.subjE-1].low] && !findingNouns[en.toks[at.subjE-1].low] {
			continue
		}
		out = append(out, at)
	}
	return out
}

// findingNouns carry results that show something.
var findingNouns = setOf("findings results numbers records analysis transcript average averages slide slides chart charts map maps image images photo photos evidence tests test scan scans")

// stanceVerbs, like beliefs, state a position that a that-clause around
// them ascribes ("added that Orbit would support age checks").
var stanceVerbs = setOf("support favor favour back oppose")

// dropAscribedBeliefs removes a belief or wish whose subject opens the
// that-clause of another statement ("It should be obvious that voters
// want to know C", "said that families still want C"): the belief is what
// the other statement asserts, not a statement of its own. A reported act
// of speech there stays (with its reporter).
func (en *engine) dropAscribedBeliefs(ats []attribution) []attribution {
	if len(ats) < 2 {
		return ats
	}
	out := make([]attribution, 0, len(ats))
	for x, at := range ats {
		drop := false
		if vi, ok := reportingVerbs[en.toks[at.cueS].low]; ok && (vi.belief || stanceVerbs[vi.lemma]) && at.subjS > 0 && en.onlyAdverbs(at.subjE, at.cueS) {
			open := at.subjS
			if en.toks[open-1].low == "that" {
				open--
			}
			for y, o := range ats {
				if y != x && len(o.parts) > 0 && o.parts[0][0] == open && o.parts[len(o.parts)-1][1] > at.cueS {
					drop = true
					break
				}
			}
		}
		if at.subjS < 0 && len(at.parts) > 0 {
			// "who said they had misgivings about Mrs. Clinton": a stance
			// with no holder of its own, inside another's statement.
			for y, o := range ats {
				if y != x && len(o.parts) > 0 && o.parts[0][0] < at.cueS && at.parts[len(at.parts)-1][1] <= o.parts[len(o.parts)-1][1] && o.parts[0][0] <= at.parts[0][0] {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, at)
		}
	}
	return out
}

// sourceNouns name documents and media that carry a statement (occasions
// such as a rally or a debate are settings, not sources).
var sourceNouns = setOf("statement statements interview interviews speech letter tweet tweets twitter facebook instagram post posts op-ed column email e-mail memo filing remarks broadcast briefing video ruling release report essay message note podcast blog")

// frontedSource gives the statements of a sentence that opens with a
// medium ("In a statement, the company said C", "In an interview with
// CNN on Sunday, ...", "On Twitter, ...") that medium as their source
// and its time as their when, unless they name their own.
func (en *engine) frontedSource(st sentence, ats []attribution) {
	a := st.a
	if a < st.b && connectives[en.toks[a].low] {
		a++ // "But in a statement, ..."
	}
	if a+2 >= st.b || en.toks[a].q >= 0 || en.toks[a].low != "in" && en.toks[a].low != "on" {
		return
	}
	cm, noun := -1, false
	for k := a + 1; k < st.b && k <= a+12; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tMark {
			return
		}
		if t.low == "," {
			cm = k
			break
		}
		if k <= a+5 && sourceNouns[t.low] {
			noun = true
		}
	}
	if cm < 0 || !noun {
		return
	}
	e := cm
	var when *article.When
	if x := en.whenEndingAt(e-1, a+2); x > a+1 {
		when, _ = en.parseWhen(x, e)
		e = x
	}
	src := en.text[en.toks[a+1].s:en.toks[e-1].e]
	for i := range ats {
		at := &ats[i]
		if at.source != "" || at.subjS >= 0 && at.subjS < cm || at.cueS < cm {
			continue
		}
		at.source = src
		if at.when == nil {
			at.when = when
		}
	}
}

// hearsayAdverbs mark their clause as what someone unnamed says.
var hearsayAdverbs = setOf("reportedly allegedly purportedly")

// hearsayAdverb reads "after he allegedly brandished a pistol", "Clinton
// Campaign Reportedly Scrambling ...": a sourceless attribution whose
// content is the clause, subject and adverb included.
func (en *engine) hearsayAdverb(st sentence) (attribution, bool) {
	for i := st.a; i < st.b; i++ {
		t := &en.toks[i]
		if t.q >= 0 || t.kind != tWord || !strings.HasSuffix(t.low, "ly") || !hearsayAdverbs[t.low] {
			continue
		}
		if n := i + 1; n+1 < st.b && participleModifier(&en.toks[n]) && en.toks[n+1].low == "by" {
			return attribution{}, false // "$20 reportedly demanded by Ferro": a passive modifier
		}
		k := en.skipBack(i-1, st.a)
		if k < st.a {
			// "Reportedly, the deal is done": the clause after the comma.
			if i+2 < st.b && en.toks[i+1].low == "," {
				if e := en.contentEnd(i+2, st.b); e > i+2 {
					return attribution{cueS: i, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{i + 2, e}}}, true
				}
			}
			return attribution{}, false
		}
		s, ok := en.npBack(k, st.a)
		if !ok || s > k {
			return attribution{}, false
		}
		e := en.contentEnd(i+1, st.b)
		if e <= i+1 {
			return attribution{}, false
		}
		return attribution{cueS: i, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{s, e}}}, true
	}
	return attribution{}, false
}

// asReported reads "As stated in", "as first reported by" at token i,
// opening the sentence before a comma or closing it after one, and returns
// the token after the preposition.
func (en *engine) asReported(i int, st sentence) (int, bool) {
	if en.toks[i].low != "as" || !(i == st.a || en.toks[i-1].low == "," && en.toks[i-1].q < 0) {
		return 0, false
	}
	j := i + 1
	if j < st.b && (en.toks[j].low == "first" || en.toks[j].low == "previously" || en.toks[j].low == "originally") {
		j++
	}
	if j+2 >= st.b || en.toks[j].q >= 0 {
		return 0, false
	}
	w := en.toks[j].low
	vi, ok := reportingVerbs[w]
	if !ok || vi.belief || !(strings.HasSuffix(w, "ed") || irregularParticiples[w]) || en.toks[j+1].low != "by" && en.toks[j+1].low != "in" {
		return 0, false
	}
	if i == st.a {
		// Fronted: a comma must close the source.
		return j + 2, en.nextComma(j+2, st.b, 10) > 0
	}
	return j + 2, true
}

// overlapsAny: the content or cue of at meets that of one of ats.
func overlapsAny(ats []attribution, at attribution) bool {
	lo, hi := at.cueS, at.cueE
	for _, p := range at.parts {
		lo, hi = min(lo, p[0]), max(hi, p[1])
	}
	for _, o := range ats {
		olo, ohi := o.cueS, o.cueE
		for _, p := range o.parts {
			olo, ohi = min(olo, p[0]), max(ohi, p[1])
		}
		if lo < ohi && olo < hi {
			return true
		}
	}
	return false
}

// cueTaken: the cue of at is part of an attribution in ats.
func cueTaken(ats []attribution, at attribution) bool {
	for _, o := range ats {
		if at.cueS < o.cueE && o.cueS < at.cueE {
			return true
		}
		for _, p := range o.parts {
			if at.cueS < p[1] && p[0] < at.cueE {
				return true
			}
		}
	}
	return false
}

// mediumPurpose: "took to Twitter (overnight) to" before the verb at i.
func (en *engine) mediumPurpose(i, lo int) bool {
	for k := i - 2; k-2 >= lo && k > i-8; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.kind == tPunct {
			return false
		}
		if t.low == "to" && en.toks[k-1].kind == tWord {
			if w := en.toks[k-1].low; w == "took" || w == "take" || w == "takes" || w == "taking" {
				return k+1 < i && (en.toks[k+1].cap || articles[en.toks[k+1].low])
			}
		}
	}
	return false
}

// meetingPurpose: "to discuss" at i-1, i states the purpose of a meeting
// named before it in the clause ("leaders gathered Friday to discuss X",
// "called an emergency meeting to discuss X").
func (en *engine) meetingPurpose(i, lo int) bool {
	if w := en.toks[i].low; w != "discuss" && w != "talk" && w != "speak" {
		return false
	}
	for k := i - 2; k >= lo && k > i-12; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.low == "," || t.low == ";" {
			return false
		}
		if meetingWords[t.low] {
			return true
		}
	}
	return false
}

// participleBeforeVerb: the past participle at i modifies the noun before
// it and a time and the sentence's verb follow ("A poll published Tuesday
// shows ...", "a report released last year found ...").
func (en *engine) participleBeforeVerb(i int, st sentence) bool {
	if i <= st.a || !participleModifier(&en.toks[i]) {
		return false
	}
	p := &en.toks[i-1]
	if p.kind != tWord || p.q >= 0 || auxWords[p.low] || clauseStops[p.low] {
		return false
	}
	if _, pro := pronouns[p.low]; pro {
		return false
	}
	k := i + 1
	if _, end := en.parseWhen(k, st.b); end > k {
		k = end
	} else if k < st.b && (en.toks[k].low == "in" || en.toks[k].low == "on" || en.toks[k].low == "by") {
		// "The opinions expressed in the article do not ...": a short
		// phrase, then the verb.
		if p.cap {
			return false // "Ortiz posted on Facebook that ...": a name's verb
		}
		j := k + 1
		for j < st.b && j <= k+4 && en.toks[j].kind == tWord && en.toks[j].q < 0 && !finiteAux[en.toks[j].low] && en.toks[j].low != "do" {
			if _, pro := pronouns[en.toks[j].low]; pro && !possessives[en.toks[j].low] || clauseIntro[en.toks[j].low] {
				return false // "insisted in June that she ...": a clause follows
			}
			j++
		}
		if j == k+1 {
			return false
		}
		k = j
	} else {
		return false
	}
	if k >= st.b {
		return false
	}
	vi, cue := reportingVerbs[en.toks[k].low]
	return en.toks[k].q < 0 && !en.toks[k].cap && (cue && !vi.participle || finiteAux[en.toks[k].low] || en.toks[k].low == "do")
}

// ingModifier: the -ing form at i stands between a noun and the noun it
// modifies, which the sentence's verb follows ("a USB-C charging cable
// is small").
func (en *engine) ingModifier(i int, st sentence) bool {
	if i <= st.a || i+2 >= st.b {
		return false
	}
	p, n, nn := &en.toks[i-1], &en.toks[i+1], &en.toks[i+2]
	if p.kind != tWord || p.q >= 0 || auxWords[p.low] || clauseStops[p.low] || p.low == "by" || p.low == "of" || p.low == "for" {
		return false
	}
	if _, pro := pronouns[p.low]; pro {
		return false
	}
	if n.kind != tWord || n.cap || n.q >= 0 || articles[n.low] || determiners[n.low] || possessives[n.low] || prepositions[n.low] || clauseIntro[n.low] {
		return false
	}
	if _, pro := pronouns[n.low]; pro {
		return false
	}
	return nn.q < 0 && (finiteAux[nn.low] || nn.kind == tPunct && nn.low != "-")
}

// nounAfterModifiers: the cue word at i, in -s, heads a noun phrase: an
// article, a determiner, a possessive or a number stands before it with
// only adjectives and adverbs between ("two highly critical reports",
// "their empty charges that ...").
func (en *engine) nounAfterModifiers(i int, st sentence) bool {
	w := en.toks[i].low
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	for k := i - 1; k >= st.a && k >= i-3; k-- {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord || t.cap {
			return false
		}
		if k < i-1 && (articles[t.low] || determiners[t.low] || possessives[t.low] || startsNumber(t.low) || numberWords[t.low]) {
			return true
		}
		if k < i-1 || !adjectiveLike(t.low) && !(len(t.low) > 4 && strings.HasSuffix(t.low, "ly")) {
			if !adjectiveLike(t.low) && !(len(t.low) > 4 && strings.HasSuffix(t.low, "ly")) {
				return false // "the ad's narrator says": a noun, the subject
			}
		}
	}
	return false
}

// adjectiveLike: w has the ending of an adjective ("critical", "serious",
// "empty").
func adjectiveLike(w string) bool {
	for _, suf := range [...]string{"al", "ic", "ous", "ive", "ful", "less", "able", "ible", "ary"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return w == "empty" || w == "new" || w == "recent" || w == "latest" || w == "false" || w == "wild" || w == "baseless" || w == "repeated"
}

// numberWords spell small numbers.
var numberWords = setOf("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty")

// thatlessClause returns s when a clause without "that" opens there: a
// subject (a pronoun, a determiner's or possessive's noun phrase, a name)
// and a finite auxiliary within a few words ("those losses were", "he
// had", "the plant will"), or -1.
func (en *engine) thatlessClause(s, b int) int {
	if s >= b || en.toks[s].q >= 0 || en.toks[s].kind != tWord {
		return -1
	}
	t := &en.toks[s]
	if subjectPronoun(t.low) || t.low == "it" {
		if s+1 < b && finiteAux[en.toks[s+1].low] {
			return s
		}
		return -1
	}
	if !determiners[t.low] && !articles[t.low] && !possessives[t.low] && !t.cap {
		return -1
	}
	for k := s + 1; k < b && k <= s+5; k++ {
		u := &en.toks[k]
		if u.q >= 0 || u.kind != tWord {
			return -1
		}
		if finiteAux[u.low] {
			if k == s+1 && !t.cap {
				return -1 // "the will", "a can"
			}
			return s
		}
		if clauseStops[u.low] {
			return -1
		}
	}
	return -1
}

// clauseOpens: an article or determiner's noun phrase at s is followed
// by a finite verb ("the company misled investors").
func (en *engine) clauseOpens(s, b int) bool {
	if s >= b || !(articles[en.toks[s].low] || determiners[en.toks[s].low]) {
		return false
	}
	for k := s + 1; k < b && k <= s+4; k++ {
		u := &en.toks[k]
		if u.q >= 0 || u.kind != tWord {
			return false
		}
		if k > s+1 && !u.cap && (en.verbAt(k) || presentVerb(u)) {
			return true
		}
	}
	return false
}

// namedCalled: "called" at i gives the name of the common noun before it
// ("a group called Lashkar-e-Taiba belongs ..."): a name follows with no
// label after it, where "the group called Smith a liar" has one.
func (en *engine) namedCalled(i int, st sentence) bool {
	if i <= st.a || en.toks[i].low != "called" {
		return false
	}
	p := &en.toks[i-1]
	if p.kind != tWord || p.cap || p.q >= 0 || auxWords[p.low] || strings.HasSuffix(p.low, "ly") {
		return false
	}
	if _, pro := pronouns[p.low]; pro {
		return false
	}
	if en.opensQuote(i + 1) {
		// "a Nicole Taylor script called “Wild Rose,” a story about ...":
		// a quoted title with nothing after it but the sentence's end or
		// an apposition.
		if c := en.spans[en.toks[i+1].q].close; c > i+1 {
			n := c + 1
			return n >= st.b || en.toks[n].kind == tPunct || en.innerComma(c)
		}
		return false
	}
	if i+1 < st.b && weekdayOrMonth(en.toks[i+1].low) {
		return false // "called Friday for an audit"
	}
	k := i + 1
	for k < st.b && en.toks[k].q < 0 && (en.toks[k].cap || k > i+1 && (en.toks[k].low == "-" || nameConnectors[en.toks[k].low] || orgConnectors[en.toks[k].low]) && k+1 < st.b && en.toks[k+1].cap) {
		k++
	}
	if k == i+1 || k == i+2 && (titleWords[en.toks[i+1].low] || nationalities[en.toks[i+1].low] != "") {
		return false // "called Democratic bigwigs to the stage": an adjective, not a name
	}
	if k >= st.b {
		return true
	}
	n := &en.toks[k]
	if n.q >= 0 || n.kind == tMark || articles[n.low] || possessives[n.low] {
		return false // a label follows
	}
	// A verb after the name: "a group called Lashkar-e-Taiba belongs".
	present := n.kind == tWord && !n.cap && strings.HasSuffix(n.low, "s") && !strings.HasSuffix(n.low, "ss") && !strings.HasSuffix(n.low, "ous")
	return n.kind == tPunct || prepositions[n.low] || en.verbAt(k) || auxWords[n.low] || present
}

// convenes: the object at i is a meeting or a vote ("called an emergency
// meeting", "called a snap election").
func (en *engine) convenes(i, b int) bool {
	if w := en.toks[i].low; w != "a" && w != "an" && w != "the" {
		return false // "called her vote a mistake"
	}
	for k := i + 1; k < b && k < i+4; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return false
		}
		if convened[t.low] {
			// "called the vote “a win”", "called the election a
			// fraud": a label follows, so it names, not convenes.
			if n := k + 1; n < b && (en.opensQuote(n) || articles[en.toks[n].low]) {
				return false
			}
			return true
		}
	}
	return false
}

var convened = setOf("meeting meetings session hearing hearings vote election elections strike conference summit recess")

var meetingWords = setOf("met meet meets meeting gathered gather gathering convened summit spoke came come comes went gone traveled travelled flew visited tour trip")

// stanceAdjectives hold a feeling or conviction about a that-clause.
var stanceAdjectives = setOf("frustrated incensed afraid convinced concerned worried confident certain hopeful optimistic angry upset disappointed pleased proud adamant furious fearful skeptical sceptical")

// stanceAdjective: the adjective at i follows a form of "be" (or "came
// away") and precedes "that": "were frustrated that", "is so afraid that".
func (en *engine) stanceAdjective(i int, st sentence) bool {
	if i+1 >= st.b || en.toks[i+1].low != "that" {
		return false
	}
	return en.beBefore(i, st)
}

// prepAdjectives are adjectives of stance with the preposition that
// takes what the stance is toward.
var prepAdjectives = map[string]string{"critical": "of", "supportive": "of", "skeptical": "of", "sceptical": "of", "wary": "of", "coy": "about", "dismissive": "of"}

// beBefore: a form of "be" (or "felt", "became", ...) stands before the
// adjective at i, over intensifiers.
func (en *engine) beBefore(i int, st sentence) bool {
	k := en.skipIntensifiers(i-1, st.a)
	if k <= st.a {
		return false
	}
	switch en.toks[k].low {
	case "is", "are", "was", "were", "'re", "'m", "am", "been", "remain", "remains", "remained", "away", "grew", "became", "felt":
		return k-1 >= st.a && !modalsBefore[en.toks[k-1].low]
	case "'s":
		return en.pronounHas(k)
	}
	return false
}

// skipIntensifiers steps back from k over intensifiers ("so", "very").
func (en *engine) skipIntensifiers(k, lo int) int {
	for k > lo && intensifiers[en.toks[k].low] {
		k--
	}
	return k
}

// intensifiers may stand between "be" and its adjective.
var intensifiers = setOf("so very too quite really truly deeply increasingly also still not more most less clearly particularly especially")

// labelVerb: the verb at i, perhaps with a particle ("gone after"), takes
// an object and "as" with a quotation: "pounding Trump as a “con artist”".
// It returns the end of the cue.
func (en *engine) labelVerb(i, b int) (int, bool) {
	t := &en.toks[i]
	if t.cap || t.q >= 0 || len(t.low) < 4 || !(strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "s") || irregularParticiples[t.low] || t.low == "gone" || t.low == "went") {
		return 0, false
	}
	j := i + 1
	if j < b && labelParticles[en.toks[j].low] {
		j++
	}
	k := j
	for k < b && k < j+6 && en.toks[k].kind == tWord && en.toks[k].q < 0 && en.toks[k].low != "as" {
		k++
	}
	if k == j || k+1 >= b || en.toks[k].low != "as" {
		return 0, false
	}
	if n := en.toks[j].low; !en.toks[j].cap && !determiners[n] && !articles[n] && !objectPronouns[n] && n != "her" {
		return 0, false // the object is a name or a determined noun phrase
	}
	m := k + 1
	if articles[en.toks[m].low] && m+1 < b {
		m++
	}
	return j, en.opensQuote(m)
}

// labelParticles complete a phrasal verb of attacking ("went after").
var labelParticles = setOf("after at on into")

// passiveRaising reads a sourceless attribution: "About one voter in nine
// is expected to be Latino", "The missile is not thought to be capable
// of ...". The whole clause is the content (cue inside it) and nobody is
// named as its source.
func (en *engine) passiveRaising(st sentence) (attribution, bool) {
	for i := st.a + 1; i+2 < st.b; i++ {
		t := &en.toks[i]
		if t.q >= 0 {
			return attribution{}, false
		}
		if t.low == "," {
			// "His mother, Queen Elizabeth, was said to ...": an
			// apposition between the subject and its verb.
			if cm := en.nextComma(i+1, st.b, 8); cm > i && cm+1 < st.b && progressive(en.toks[cm+1].low) {
				i = cm
				continue
			}
		}
		if t.low == "," || t.low == ";" || t.low == ":" {
			return attribution{}, false // the main clause only
		}
		if !passiveRaisers[t.low] || en.toks[i+1].low != "to" || en.toks[i+2].kind != tWord || en.toks[i+2].cap {
			continue
		}
		k, ok := en.passiveBe(i, st.a)
		if !ok {
			continue
		}
		s := en.skipConnective(st.a, st.b)
		e := en.contentEnd(s, st.b)
		if subordinators[en.toks[s].low] {
			// "Although X is not thought to ..., it is ...": the
			// subordinate clause alone.
			s++
			for c := i + 2; c < e; c++ {
				if en.toks[c].low == "," && en.toks[c].q < 0 {
					e = c
					break
				}
			}
		}
		if s >= e || e <= i+2 {
			return attribution{}, false
		}
		return attribution{cueS: k, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{s, e}}}, true
	}
	return attribution{}, false
}

// evidentThat reads "it's obvious that C", "It is apparent that C", "By
// now it should be obvious that C", "Nor is it clear that C": the
// narrator's judgement that C, with no source. ("It is unclear whether"
// is doubt, not a statement, and is left alone.)
func (en *engine) evidentThat(st sentence) (attribution, bool) {
	for i := st.a; i+3 < st.b && i < st.a+10; i++ {
		t := &en.toks[i]
		if t.q >= 0 {
			return attribution{}, false
		}
		if t.low != "it" {
			continue
		}
		// "it" with a form of "be" before ("Nor is it clear") or after
		// ("it's", "it is", "it should be").
		cs := i
		if i > st.a && (en.toks[i-1].low == "is" || en.toks[i-1].low == "was") {
			cs = i - 1
		}
		k := i + 1
		for k < st.b && k <= i+3 && (progressive(en.toks[k].low) || modalsBefore[en.toks[k].low] && en.toks[k].low != "to" || en.toks[k].low == "now" || en.toks[k].low == "also") {
			k++
		}
		if k == i+1 && cs == i || k+1 >= st.b || !evidentAdjectives[en.toks[k].low] || en.toks[k+1].q >= 0 || en.toks[k+1].low != "that" && en.thatlessClause(k+1, st.b) != k+1 {
			return attribution{}, false // ("It was clear Clinton is reaching out": a clause without "that")
		}
		e := en.contentEnd(k+1, st.b)
		if e <= k+2 {
			return attribution{}, false
		}
		return attribution{cueS: cs, cueE: k + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{k + 1, e}}}, true
	}
	return attribution{}, false
}

var evidentAdjectives = setOf("clear obvious apparent evident plain")

// impersonalPassive reads "It is widely believed that C", "It was
// reported that C": a sourceless attribution whose content is the
// that-clause.
func (en *engine) impersonalPassive(st sentence) (attribution, bool) {
	a := en.skipConnective(st.a, st.b)
	if a+3 >= st.b || en.toks[a].low != "it" || en.toks[a].q >= 0 {
		return attribution{}, false
	}
	for i := a + 2; i+1 < st.b && i <= a+5; i++ {
		t := &en.toks[i]
		if t.q >= 0 || t.kind != tWord {
			return attribution{}, false
		}
		if !passiveRaisers[t.low] {
			continue
		}
		k, ok := en.passiveBe(i, a)
		if !ok || k != a+1 || en.toks[i+1].low != "that" {
			return attribution{}, false
		}
		e := en.contentEnd(i+1, st.b)
		if e <= i+2 {
			return attribution{}, false
		}
		return attribution{cueS: k, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{i + 1, e}}}, true
	}
	return attribution{}, false
}

// passiveCue reads a statement told in the passive: "The issue was first
// reported by The Washington Post" (the subject is the content, the agent
// the source), "Mr. Quiros was accused of using $50 million" (no agent:
// the whole clause is what somebody said, as with passiveRaising).
func (en *engine) passiveCue(st sentence) (attribution, bool) {
	for i := st.a + 1; i+1 < st.b; i++ {
		t := &en.toks[i]
		if t.q >= 0 {
			continue
		}
		if t.low == ";" || t.low == ":" {
			return attribution{}, false
		}
		vi, ok := reportingVerbs[t.low]
		if !ok || t.cap || !(strings.HasSuffix(t.low, "ed") || irregularParticiples[t.low]) {
			continue
		}
		k, ok := en.passiveBe(i, st.a)
		if !ok {
			continue
		}
		a := k // the auxiliaries before the participle belong to the cue
		for a-1 > st.a && (auxWords[en.toks[a-1].low] || progressive(en.toks[a-1].low)) && en.toks[a-1].q < 0 {
			a--
		}
		// The clause holding the passive: after the last comma before it
		// ("Perhaps most damaging, peacekeepers have been blamed ..."), or
		// an adverbial clause opening the sentence up to its comma ("While
		// a curfew was announced ..., authorities ...").
		s := en.skipConnective(st.a, st.b)
		end, aside := st.b, a
		if subordinators[en.toks[s].low] {
			s++
		}
		for c := s; c < a; c++ {
			if en.toks[c].low == "," && en.toks[c].q < 0 {
				if c+2 < a && en.toks[c+2].low == "," && (connectives[en.toks[c+1].low] || en.lyAdverb(c+1, st.a)) {
					if c+3 == a {
						aside = c // "Donald Trump, meanwhile, is supported by ...": an aside
					}
					c += 2
					continue
				}
				s = c + 1
			}
		}
		if s >= a || prepositions[en.toks[s].low] || subordinators[en.toks[s].low] {
			return attribution{}, false // ", as might be expected from X, ...": a comment
		}
		if st.a < s && subordinators[en.toks[s-1].low] {
			if cm := en.clauseComma(i, st.b); cm > i {
				end = en.frameEnd(cm)
			}
		}
		at := attribution{cueS: a, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1}
		if i+1 < st.b && en.toks[i+1].low == "by" {
			// An agent: it is the source and the subject the content.
			ns, ne := en.npForward(i+2, st.b)
			if ns >= ne || !en.speakerLike(ns, ne) {
				return attribution{}, false
			}
			at.cueE = i + 2
			at.subjS, at.subjE = ns, ne
			at.ent = en.resolve(ns, ne)
			at.parts = [][2]int{{s, en.trimEnd(s, aside)}}
			return at, at.parts[0][1] > s
		}
		if vi.tell && i+1 < st.b && (en.toks[i+1].low == "that" && en.toks[i+1].q < 0 || en.thatlessClause(i+1, st.b) == i+1) {
			// "Employees were told that layoffs will begin": what they
			// were told is the content, they are the listeners, and the
			// teller goes unnamed.
			if e := en.contentEnd(i+1, end); e > i+1 {
				at.parts = [][2]int{{i + 1, e}}
				if ns, ok := en.npBack(a-1, s); ok && ns >= s {
					at.addrS, at.addrE = ns, a
				}
				return at, true
			}
		}
		if !vi.asObj && !passiveReports[vi.lemma] {
			// Without an agent only verbs of judging and naming ("was
			// accused of", "were rated as") or of reporting make the
			// clause somebody's statement ("were admitted" does not).
			return attribution{}, false
		}
		e := en.contentEnd(s, end)
		if e <= i+1 {
			return attribution{}, false
		}
		for k := i + 1; k+1 < e; k++ {
			// "peacekeepers have been blamed for introducing cholera,
			// killing more than 10,000": the narrator's consequence.
			if en.toks[k].low == "," && en.toks[k].q < 0 && participleOpener(&en.toks[k+1]) {
				e = en.trimEnd(s, k)
				break
			}
		}
		if vi.asObj {
			// "has been called a charlatan by fellow physicians for
			// ...": the agent after the label is the source and ends
			// the content.
			for k := i + 2; k+1 < e && k <= i+6; k++ {
				if t := &en.toks[k]; t.q >= 0 || t.kind != tWord {
					break
				}
				if en.toks[k].low == "by" {
					if ns, ne := en.npForward(k+1, st.b); ns < ne {
						for x := ns + 1; x < ne; x++ {
							if w := en.toks[x].low; prepositions[w] && w != "of" {
								ne = x // "by fellow physicians | for promoting ..."
								break
							}
						}
						at.subjS, at.subjE = ns, ne
						at.ent = en.resolve(ns, ne)
						e = en.trimEnd(s, k)
					}
					break
				}
			}
		}
		if at.subjS < 0 && (vi.lemma == "call" || vi.lemma == "dub") {
			// "it is called “farmer's lung”", "The book was called The
			// Dragon Waiting": with no agent, a name, not a remark.
			return attribution{}, false
		}
		at.parts = [][2]int{{s, e}}
		return at, true
	}
	return attribution{}, false
}

// askedFrame reads the question of a fronted passive: "Asked about the
// bombing, Clinton said ...", "When pressed by Holt on how he would do
// it, he ...". The question is an attribution of its own: its content runs
// to the frame's comma, its source is the agent after "by" when named.
func (en *engine) askedFrame(st sentence) (attribution, bool) {
	for i := st.a; i+2 < st.b; i++ {
		t := &en.toks[i]
		if t.q >= 0 || !askedWords[t.low] {
			continue
		}
		// Only opening the sentence, or after "when" that does.
		if p := i - 1; i > st.a && !((en.toks[p].low == "when" || en.toks[p].low == "if") && (p == st.a || en.toks[p-1].low == "," || en.toks[p-1].low == "and")) {
			continue
		}
		at := attribution{cueS: i, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1}
		j := i + 1
		if en.toks[j].low == "by" {
			ns, ne := en.npForward(j+1, st.b)
			if ns >= ne || !en.speakerLike(ns, ne) {
				return attribution{}, false
			}
			at.subjS, at.subjE = ns, ne
			at.ent = en.resolve(ns, ne)
			j = ne
		}
		if j+1 >= st.b {
			return attribution{}, false
		}
		switch w := en.toks[j].low; {
		case w == "about" || w == "on":
			// "Asked about X": the preposition joins the cue, unless the
			// agent stands between them (a cue is one run of words).
			if !clauseIntro[en.toks[j+1].low] && at.subjS < 0 {
				at.cueE = j + 1
			}
			j++
		case w == "to" || w == "whether" || w == "if" || w == "why" || w == "how" || w == "what" || w == "who":
		default:
			return attribution{}, false
		}
		cm := en.clauseComma(j, st.b)
		if cm <= j+1 || !en.clauseFollows(cm+1, st.b) {
			return attribution{}, false
		}
		at.parts = [][2]int{{j, en.trimEnd(j, en.frameEnd(cm))}}
		if ns, ne, ok := en.askedOne(cm+1, st.b); ok && at.subjS < 0 {
			at.addrS, at.addrE = ns, ne
		}
		return at, at.parts[0][1] > j
	}
	return attribution{}, false
}

var askedWords = setOf("asked pressed questioned")

// askedOne returns the subject of the clause at i after a fronted "Asked
// whether C," ("Rivera smiled", "the minister said"): the one asked.
func (en *engine) askedOne(i, b int) (int, int, bool) {
	ns, ne := en.npForward(i, b)
	for k := ns + 1; k < ne; k++ {
		if en.verbAt(k) || en.toks[k-1].cap && presentVerb(&en.toks[k]) {
			ne = k // "Rivera smiled", "Kravets pauses": the name, then its verb
			break
		}
	}
	return ns, ne, ns < ne && en.speakerLike(ns, ne)
}

// clauseFollows: a clause begins at i: a verb comes within a few words,
// before any punctuation ("the mayor laughed", "Clinton said").
func (en *engine) clauseFollows(i, b int) bool {
	for k := i + 1; k < b && k <= i+8; k++ {
		v := &en.toks[k]
		if v.q >= 0 || v.kind != tWord {
			return false
		}
		if !v.cap && (en.verbAt(k) || reportingVerbs[v.low].lemma != "" || strings.HasSuffix(v.low, "ed")) {
			return true
		}
	}
	return false
}

// passiveBe steps back from the participle at i over "not" and adverbs
// ("is not thought", "was first reported", "have widely been criticized")
// to the auxiliary before it, and reports whether that is a form of "be".
func (en *engine) passiveBe(i, lo int) (int, bool) {
	k := i - 1
	for k > lo {
		if w := en.toks[k].low; w != "not" && w != "n't" && w != "only" && w != "first" && w != "also" && !en.lyAdverb(k, lo) {
			break
		}
		k--
	}
	w := en.toks[k].low
	return k, k > lo && (progressive(w) || w == "being")
}

// colonQuote reads a quotation introduced by a colon after its speaker's
// clause when no reporting verb does it: "Smith put it bluntly: “Q.”",
// "The mayor had a simple message: “Q.”", "Smith: “Q.”" (an interview's
// speaker label). The subject must be a name, a pronoun or a speaking noun
// phrase opening the sentence, and the quotation must run to its end.
func (en *engine) colonQuote(st sentence) (attribution, bool) {
	c := -1
	for i := st.a + 1; i+1 < st.b; i++ {
		t := &en.toks[i]
		if t.q >= 0 || t.kind == tMark {
			return attribution{}, false // a quotation before the colon
		}
		if t.low == ":" {
			c = i
			break
		}
	}
	if c < 0 || c-st.a > 14 {
		return attribution{}, false
	}
	if !en.opensQuote(c + 1) {
		return attribution{}, false
	}
	if cl := en.spans[en.toks[c+1].q].close; cl < 0 || en.trimEnd(c+1, st.b) > cl+1 {
		return attribution{}, false // the quotation must end the sentence
	}
	ns, ne, ok := en.sentenceSubject(st)
	if !ok || ne > c {
		if ns, ne, ok = en.commonSubject(st); !ok || ne > c {
			return attribution{}, false
		}
	}
	if !en.speakerLike(ns, ne) {
		return attribution{}, false // "The plan is simple:": not a speaker
	}
	at := attribution{cueS: c, cueE: c + 1, subjS: ns, subjE: ne, addrS: -1, reportedBy: -1, ent: en.resolve(ns, ne),
		parts: [][2]int{{c + 1, en.trimEnd(c+1, st.b)}}}
	if cs := en.afterApposition(ne, c); cs < c {
		at.cueS = cs // "put it bluntly:", "had a simple message:"
	}
	return at, true
}

// afterApposition steps over ", the union leader," after a subject ending
// at i, up to b.
func (en *engine) afterApposition(i, b int) int {
	if i < b && en.toks[i].low == "," {
		for k := i + 1; k < b; k++ {
			if en.toks[k].low == "," {
				return k + 1
			}
		}
	}
	return i
}

// passiveReports are reporting verbs whose agentless passive still
// reports a statement ("a curfew was announced").
var passiveReports = setOf("report announce confirm mention reveal expect")

// inSurvey reads a finding framed by its document: "In the latest Gallup
// poll, Clinton led by 5 points." The preposition is the cue, the poll
// its source and the clause after the comma the content.
func (en *engine) inSurvey(st sentence) (attribution, bool) {
	if st.b-st.a < 6 || en.toks[st.a].low != "in" {
		return attribution{}, false
	}
	survey, srcE := false, -1
	for i := st.a + 1; i < st.b && i < st.a+16; i++ {
		t := &en.toks[i]
		if t.q >= 0 {
			return attribution{}, false
		}
		if surveyNouns[t.low] {
			survey = true
		}
		if t.low != "," {
			continue
		}
		if !survey || i == st.a+1 {
			return attribution{}, false
		}
		// "In the poll, conducted in May, C": the participle phrase
		// describes the poll.
		if i+1 >= st.b {
			return attribution{}, false
		}
		if srcE < 0 {
			srcE = i
		}
		if n := &en.toks[i+1]; n.kind == tWord && !n.cap && (strings.HasSuffix(n.low, "ed") || n.low == "which" || n.low == "taken") {
			continue
		}
		e := en.contentEnd(i+1, st.b)
		if e <= i+2 {
			return attribution{}, false
		}
		return attribution{cueS: st.a, cueE: st.a + 1, subjS: st.a + 1, subjE: srcE, addrS: -1, reportedBy: -1,
			ent: en.resolve(st.a+1, srcE), parts: [][2]int{{i + 1, e}}}, true
	}
	return attribution{}, false
}

var surveyNouns = setOf("poll polls survey surveys")

// findingBefore: the noun phrase ending before i is headed by a finding
// ("the poll", "a new analysis of the filings").
func (en *engine) findingBefore(i, lo int) bool {
	if i-1 < lo {
		return false
	}
	if evidenceNouns[en.toks[i-1].low] {
		return true
	}
	for k := i - 2; k > lo && k >= i-5; k-- {
		if t := &en.toks[k]; t.kind != tWord || t.q >= 0 {
			return false
		}
		if en.toks[k].low == "of" {
			return evidenceNouns[en.toks[k-1].low]
		}
	}
	return false
}

// evidenceNouns name findings that "show" something: before a final
// "shows" they make it a verb ("C, a new analysis shows").
var evidenceNouns = setOf("poll polls survey surveys analysis analyses study studies report reports data figures numbers records documents research review estimates results statistics tally count")

// stanceNouns reads noun cues of attitude: "Trump's adulation of Putin",
// "the intense criticism of the host", "claims of abuse". The content is
// the noun phrase after the preposition; a possessor is the source.
func (en *engine) stanceNouns(st sentence, have []attribution) []attribution {
	var out []attribution
	for i := st.a; i+2 < st.b; i++ {
		t := &en.toks[i]
		if p := en.toks[i+1].low; p != "of" && p != "for" && p != "about" || t.q >= 0 || t.kind != tWord || !stanceNounSet[t.low] {
			continue
		}
		if heldStance[t.low] && (i == st.a || !possessives[en.toks[i-1].low]) {
			continue
		}
		p := en.toks[i+1].low
		if p != "of" && p != "for" && p != "about" {
			continue
		}
		if cueCovers(have, i) {
			continue
		}
		s, e := i+2, i+2
		for ; e < st.b && e < i+14; e++ {
			u := &en.toks[e]
			if u.low == "." && e > s && titleWords[en.toks[e-1].low+"."] {
				continue // "Mrs. Clinton"
			}
			// A trailing place or setting ("abuse in the Central
			// African Republic") is the narrator's; "of" stays inside.
			if u.q >= 0 || u.kind == tPunct || nounPhraseStops[u.low] || auxWords[u.low] && u.low != "last" || prepositions[u.low] && u.low != "of" && e > s {
				break
			}
		}
		if e == s || e == i+14 {
			continue
		}
		at := attribution{cueS: i, cueE: i + 2, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{s, e}}}
		if i > st.a {
			if b := en.toks[i-1].low; possessives[b] && b != "'s" {
				at.subjS, at.subjE = i-1, i
				at.ent = en.resolve(i-1, i)
			}
		}
		out = append(out, at)
	}
	return out
}

// facedCriticism reads "has faced questions about X", "came under
// withering criticism for X", "took heat for X": criticism by critics the
// text does not name, of what follows the preposition.
func (en *engine) facedCriticism(st sentence, have []attribution) []attribution {
	var out []attribution
	for i := st.a + 1; i+2 < st.b; i++ {
		// (The preposition first: it rules out most words without a
		// map lookup.)
		if p := en.toks[i+1].low; p != "for" && p != "about" && p != "over" {
			continue
		}
		t := &en.toks[i]
		if t.q >= 0 || !criticismNouns[t.low] {
			continue
		}
		v := i - 1
		if v > st.a && en.toks[v].kind == tWord && !criticismVerbs[en.toks[v].low] && !articles[en.toks[v].low] {
			v-- // an adjective: "withering criticism", "sharp criticism"
		}
		if v < st.a || !criticismVerbs[en.toks[v].low] && !(en.toks[v].low == "under" && v > st.a && criticismVerbs[en.toks[v-1].low]) {
			continue
		}
		if cueCovers(have, i) {
			continue
		}
		s := i + 2
		e := en.contentEnd(s, st.b)
		if e <= s {
			continue
		}
		out = append(out, attribution{cueS: i, cueE: i + 2, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{s, e}}})
	}
	return out
}

var criticismNouns = setOf("criticism questions heat fire flak scrutiny backlash ridicule condemnation complaints")

var criticismVerbs = setOf("faced faces facing face drew draws drawing draw came comes come took takes taking received receives attracted attracts")

// cueCovers: token i lies in the cue of one of ats.
func cueCovers(ats []attribution, i int) bool {
	for _, at := range ats {
		if at.cueS <= i && i < at.cueE {
			return true
		}
	}
	return false
}

// thatNouns reads a noun of saying or believing with no holder before its
// that-clause: "amid growing concerns that they are too dependent", "a
// tacit acknowledgment that he may be the only one". The clause is the
// content; nobody is named as its source.
func (en *engine) thatNouns(st sentence, have []attribution) []attribution {
	var out []attribution
	for i := st.a + 1; i+3 < st.b; i++ {
		t := &en.toks[i]
		if t.q < 0 && t.kind == tWord && thatNounSet[t.low] && (en.toks[i+1].low == "from" || en.toks[i+1].low == "by") {
			// "warnings from his attorney that C": the one the noun comes
			// from speaks.
			if at, ok := en.thatNounFrom(st, i, have); ok {
				out = append(out, at)
			}
			continue
		}
		if en.toks[i+1].low != "that" || t.q >= 0 || t.kind != tWord || !thatNounSet[t.low] {
			continue
		}
		if possessives[en.toks[i-1].low] {
			continue // "his claim that": a nominal cue with its holder
		}
		// A clause, not a relative: "that" then a subject, not a verb.
		n := &en.toks[i+2]
		if cueCovers(have, i) || n.q >= 0 || n.kind != tWord || en.verbAt(i+2) {
			continue
		}
		s := i + 1
		e := en.contentEnd(s, st.b)
		if w := en.toks[st.a].low; prepositions[w] || subordinators[w] || w == "despite" {
			// "Despite pronouncements that C, she ...": the fronted
			// phrase ends at its comma.
			if cm := en.clauseComma(s, e); cm > s {
				e = en.trimEnd(s, en.frameEnd(cm))
			}
		}
		if e <= s+2 {
			continue
		}
		out = append(out, attribution{cueS: i, cueE: i + 1, subjS: -1, addrS: -1, reportedBy: -1, ent: -1, parts: [][2]int{{s, e}}})
	}
	return out
}

// thatNounFrom reads "NOUN from/by X that C" at the noun i: X, a short
// noun phrase, speaks C.
func (en *engine) thatNounFrom(st sentence, i int, have []attribution) (attribution, bool) {
	k := i + 2
	for k < st.b && k < i+9 && en.toks[k].low != "that" {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord && !(t.low == "." && en.isAbbrev(k-1)) {
			return attribution{}, false
		}
		k++
	}
	if k == i+2 || k+2 >= st.b || en.toks[k].low != "that" || en.toks[k].q >= 0 || cueCovers(have, i) {
		return attribution{}, false
	}
	if n := &en.toks[k+1]; n.q >= 0 || n.kind != tWord || en.verbAt(k+1) {
		return attribution{}, false // "warnings from experts that went unheeded": a relative
	}
	e := en.contentEnd(k, st.b)
	if e <= k+2 || !en.speakerLike(i+2, k) {
		return attribution{}, false
	}
	return attribution{cueS: i, cueE: i + 1, subjS: i + 2, subjE: k, addrS: -1, reportedBy: -1,
		ent: en.resolve(i+2, k), parts: [][2]int{{k, e}}}, true
}

// thatNounSet: nouns whose that-clause is a statement or a belief.
var thatNounSet = setOf("message recognition acknowledgment acknowledgement concern concerns worries fears belief notion assertion arguments argument suggestion expectations warnings conclusion pronouncements pronouncement assurances assurance missive allegations accusations complaints insistence charges doubt speculation")

// stanceNounSet holds the nouns whose object readers attribute to the
// noun's holder. Those in heldStance count only with their holder ("her
// criticism of X"): without one the object was mostly the narrator's on
// the development set ("faced criticism for X", "contempt of Congress";
// 1 of 11 right).
var stanceNounSet = setOf("criticism criticisms disdain contempt adulation admiration condemnation abandonment allegations allegation accusations claims skepticism scepticism reservations misgivings")

var heldStance = setOf("criticism criticisms contempt reservations allegations allegation")

var nounPhraseStops = setOf("that which who whom whose when where while because if but as after before since although though than so until and or is are was were has have had will would could should can may might")

var passiveRaisers = setOf("expected believed thought said considered reported alleged rumored rumoured understood known estimated projected predicted feared")

// rejectCue drops verbs that are not cues here: infinitives ("declined to
// say"), passives ("he was told"), nouns after a determiner ("the report").
func (en *engine) rejectCue(i int, st sentence, vi verbInfo) bool {
	if vi.belief && en.asksReader(i, st) {
		return true // "Do you know where his returns are?": a question to the reader
	}
	if en.toks[i].low == "said" && i-2 >= st.a && en.toks[i-2].low == "to" && en.toks[i-1].kind == tWord && !en.toks[i-1].cap && en.toks[i-1].q < 0 {
		return true // "only to find said civilisation had issues": an adjective
	}
	if en.participleBeforeVerb(i, st) {
		return true // "A poll published Tuesday shows ...": the poll shows
	}
	if w := en.toks[i].low; passiveRaisers[w] && i > st.a && i+2 < st.b && en.toks[i+1].low == "to" && (en.toks[i+2].low == "be" || en.toks[i+2].low == "have") {
		// "one of the firms said to be interested": a passive after its
		// noun, not a statement of the firms.
		if p := &en.toks[i-1]; p.kind == tWord && p.q < 0 && !p.cap && !auxWords[p.low] && !clauseStops[p.low] && !finiteAux[p.low] {
			if _, pro := pronouns[p.low]; !pro {
				return true
			}
		}
	}
	if vi.participle && en.ingModifier(i, st) {
		return true // "a USB-C charging cable is ...": an adjective
	}
	if en.toks[i].low == "defending" && i+1 < st.b && (strings.HasPrefix(en.toks[i+1].low, "champion") || en.toks[i+1].low == "titleholder" || en.toks[i+1].low == "champ") {
		return true // "Spain beat defending champion Croatia": a title, not a defence
	}
	if adjectiveIng[en.toks[i].low] && i > st.a && i+1 < st.b {
		// "in declining health", "a telling side-by-side", "a promising
		// start": a participle that is usually an adjective, before
		// its noun.
		p, n := &en.toks[i-1], &en.toks[i+1]
		if (articles[p.low] || possessives[p.low] || p.low == "in" || p.low == "with" || p.low == "of") && n.kind == tWord && !n.cap && n.q < 0 && !articles[n.low] && !determiners[n.low] && !prepositions[n.low] && !clauseIntro[n.low] {
			if _, pro := pronouns[n.low]; !pro {
				return true
			}
		}
	}
	if en.nounAfterModifiers(i, st) {
		return true // "two highly critical reports", "their empty charges": a noun
	}
	if vi.lemma == "compare" && i+1 < st.b && en.toks[i].low == "compared" && (en.toks[i+1].low == "with" || en.toks[i+1].low == "to") {
		return true // "earned $98,000, compared with $93,000", "an improvement compared to X": a measure, not a remark
	}
	if i > st.a {
		p := en.toks[i-1].low
		if p == "to" && en.raisingBefore(i-1) > 0 && habitVerbs[en.toks[i-2].low] && !habitSpeech[vi.lemma] {
			return true // "her daughter likes to sing": a pastime, not a statement
		} else if p == "to" && en.raisingBefore(i-1) > 0 {
			// "appeared to suggest", "went on to say": the infinitive is
			// the statement of the raising verb's subject.
		} else if p == "to" && en.causativeObject(i-1, st.a) >= 0 {
			// "forced Stumpf to admit that C": the object speaks.
		} else if p == "to" && (en.meetingPurpose(i, st.a) || en.mediumPurpose(i, st.a)) {
			// "met Friday to discuss the test": what the meeting was for;
			// "took to Twitter overnight to accuse X": what the post said.
		} else if p == "each" && strings.HasSuffix(en.toks[i].low, "ing") && i-2 >= st.a && en.toks[i-2].low == "," {
			// "the candidates met, each saying C": each of them spoke.
		} else if articles[p] || p == "to" || p == "'s" && !strings.HasSuffix(en.toks[i].low, "ing") && !en.pronounHas(i-1) {
			return true // "the report", "to say", "Trump's claim" (but "he's claiming")
		}
		if (p == "under" || possessives[p] && p != "'s") && strings.HasSuffix(en.toks[i].low, "ing") {
			return true // "was under questioning", "his questioning of": a noun
		}
		if w := en.toks[i].low; strings.HasSuffix(w, "ed") && adjectivePreps[p] && i+1 < st.b {
			// "despite repeated warnings", "after renewed calls": a past
			// participle between a preposition and a noun is an adjective.
			if n := &en.toks[i+1]; n.kind == tWord && !n.cap && n.q < 0 && !prepositions[n.low] && !determiners[n.low] && !articles[n.low] && !clauseIntro[n.low] {
				if _, pro := pronouns[n.low]; !pro {
					return true
				}
			}
		}
		if w := en.toks[i-1].low; i-2 >= st.a && i+1 < st.b && len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNouns[w] && articles[en.toks[i-2].low] {
			// "a swiftly called meeting": adverb, participle, noun: an
			// adjective (but "the family called for", "the family
			// called the ruling unjust").
			n := &en.toks[i+1]
			if n.low == "," && i+2 < st.b {
				n = &en.toks[i+2] // "a swiftly called, late-afternoon meeting"
			}
			if n.kind == tWord && !n.cap && n.q < 0 && !determiners[n.low] && !articles[n.low] && !prepositions[n.low] && !clauseIntro[n.low] {
				if _, pro := pronouns[n.low]; !pro {
					return true
				}
			}
		}
		w := en.toks[i].low
		if q := i - 1; (p == "not" || p == "n't" || en.lyAdverb(q, st.a)) && q > st.a && !strings.HasSuffix(w, "ing") && progressive(en.toks[q-1].low) {
			return true // "is not thought to be", "was widely reported": a passive
		}
		if (p == "was" || p == "were" || p == "been" || p == "being" || p == "be" || p == "is" || p == "are" || p == "'re" || p == "'m") && !strings.HasSuffix(w, "ing") {
			return true
		}
	}
	if (en.toks[i].low == "show" || en.toks[i].low == "shows") && (i+1 >= st.b || en.toks[i+1].kind == tPunct) && !en.findingBefore(i, st.a) {
		// "his radio show.", but "C, the analysis shows."
		return true
	}
	if en.toks[i].low == "show" && i > st.a {
		// The plain form is a verb only after a plural or a pronoun
		// subject or an auxiliary ("polls show", "did not show"); else
		// a noun ("an hourlong show that aired").
		p := en.toks[i-1].low
		_, pro := pronouns[p]
		plural := strings.HasSuffix(p, "s") && p != "'s" && !strings.HasSuffix(p, "ss") && !strings.HasSuffix(p, "us") && !strings.HasSuffix(p, "is") && !strings.HasSuffix(p, "as") || p == "data"
		// "Data from the American Community Survey show that": a
		// document before "show that" (but "a show that aired").
		that := i+1 < st.b && en.toks[i+1].low == "that" && (en.toks[i-1].cap || surveyNouns[p])
		// "documents from his tax return show he took": a clause with a
		// subject pronoun follows only the verb.
		clause := i+1 < st.b && subjectPronoun(en.toks[i+1].low) && !articles[p] && !determiners[p]
		if !plural && !pro && !auxWords[p] && !verbOnlyBefore[p] && !modalsBefore[p] && !that && !clause {
			return true
		}
	}
	if n := i + 1; n < st.b {
		switch nw := en.toks[n].low; {
		case nw == "that" && n+1 < st.b && en.toks[n+1].low == "," && i > st.a && en.toks[i-1].low == "having":
			return true // "Having said that, ...": a discourse link
		case (nw == "and" || nw == "or") && n+1 < st.b && en.verbAt(n+1):
			return true // "who said and did the same things": no content of its own
		case nw == "by" && !(n+1 < st.b && en.toks[n+1].low == "now") && !(i-1 > st.a && en.toks[i-1].low == "as" && en.quotedAs(i-1, st.a)):
			return true // "reported by The Washington Post": a passive (but "quoted as saying by state media")
		case vi.lemma == "call" && (nw == "into" || nw == "off" || nw == "up" || nw == "back" || nw == "in"):
			return true // a phone call, not a statement
		case vi.lemma == "call" && (nw == "911" || nw == "999" || nw == "112" || nw == "police" || nw == "ahead" || nw == "back" || (articles[nw] || nw == "the") && n+2 < st.b && (en.toks[n+1].low == "ambulance" || en.toks[n+1].low == "police" || en.toks[n+1].low == "cops") && (en.toks[n+2].kind == tPunct || prepositions[en.toks[n+2].low] || en.toks[n+2].low == "and" || en.toks[n+2].low == "to")):
			return true // "called 911", "called an ambulance", "called back": a telephone call
		case vi.lemma == "protest" && (nw == "outside" || nw == "at" || nw == "in" || nw == "near" || nw == "on" || nw == "across" || nw == "through" || nw == "along"):
			return true // "protested outside the stadium": where, not what
		case vi.lemma == "respond" && nw == "to" && n+2 < st.b && (respondedScenes[en.toks[n+1].low] || (articles[en.toks[n+1].low] || en.toks[n+1].low == "the") && respondedScenes[en.toks[n+2].low]):
			return true // "Officers responded to reports of gunfire": they went, nobody spoke
		case vi.lemma == "add" && nw == "up":
			return true // "the inconsistencies add up": a sum
		case vi.lemma == "decline" && nw == "over":
			return true // "has declined over time": a fall
		case vi.lemma == "report" && nw == "to" && n+2 < st.b && (objectPronouns[en.toks[n+1].low] || en.personMentionStartsAt(n+1)) && en.toks[n+2].kind == tPunct:
			return true // "Vindman reported to him.": whom he worked for
		case vi.lemma == "call" && en.phoneCall(n, st.b):
			return true // "called Alicia Machado on Friday to thank her": a phone call
		case vi.lemma == "call" && en.convenes(n, st.b):
			return true // "called an emergency meeting": convened it
		case vi.lemma == "call" && en.namedCalled(i, st):
			return true // "joined a group called Citizens for Reform": its name
		case vi.lemma == "add" && (nw == "$" || nw[0] >= '0' && nw[0] <= '9' || articles[nw] || determiners[nw]):
			return true // "would add $84 billion", "added a goal"
		case vi.lemma == "maintain" && (articles[nw] || determiners[nw] && !possessives[nw]):
			return true // "maintains a program", "maintain a higher clock speed": keeps, not claims
		case vi.lemma == "learn" && (nw == "from" || nw == "to"):
			return true
		case vi.lemma == "find" && (nw == "ways" || nw == "time" || (articles[nw] || nw == "other" || nw == "new") && n+1 < st.b && (en.toks[n+1].low == "way" || en.toks[n+1].low == "ways")):
			return true // "found a way through the law": a means, not a finding
		case vi.lemma == "plead" && (nw == "not" || nw == "guilty" || nw == "no" || nw == "the"):
			return true // a plea, not a statement
		case vi.lemma == "decline" && (nw == "from" || nw == "by" || nw == "to" && n+1 < st.b && startsNumber(en.toks[n+1].low) || len(nw) > 4 && strings.HasSuffix(nw, "ly") && n+1 < st.b && (en.toks[n+1].low == "from" || en.toks[n+1].low == "by" || en.toks[n+1].low == "to")):
			return true // "has declined slightly from 58 percent": a fall, not a refusal
		case vi.lemma == "call" && en.namingCall(i, st):
			return true // "a mountain stream called Miracle Run": a name
		case (vi.lemma == "paint" || vi.lemma == "cast" || vi.lemma == "depict") && !en.asDepiction(n, st.b):
			return true // "painted the house", "cast a vote": no "as"
		case vi.lemma == "cast" && !en.toks[n].cap && !reflexives[nw] && !objectPronouns[nw]:
			return true // "cast their ballots as polls opened": a vote (but "cast himself as")
		case en.toks[i].low == "opposed" && nw == "to" && (i == st.a || !progressive(en.toks[i-1].low)):
			return true // "young models opposed to Mexicans": as against, not a stance
		case vi.lemma == "show" && (nw == "up" || nw == "off" || nw == "signs" || nw == "when" || nw == "promise"):
			return true // "showed up at the debate": a phrasal verb
		case (en.toks[i].low == "show" || en.toks[i].low == "shows") && prepositions[nw] && !(n+1 < st.b && en.mannerPhrase(n)):
			return true // "his radio show.", "a show of force": a noun
		case vi.lemma == "see" && nw != "that" && !en.asFollows(n, st.b):
			return true // perception ("saw him at the rally"), not a view
		case vi.lemma == "continue" && nw != ":" && nw != "," && nw != "." && en.toks[n].kind != tMark:
			return true // "continued to flatten": not speech
		}
	}
	if vi.clause {
		return en.clauseThat(i, st.b) < 0 // "felt the heat", "heard the case"
	}
	if vi.topic {
		return en.topicPrep(i, st.b) < 0 // "spoke to reporters", "talks with Russia"
	}
	if vi.frame {
		return en.attitudeFrame(i, st.b) < 0 // "raised money", "voiced a character"
	}
	if vi.lemma == "find" && i+1 < st.b && strings.HasSuffix(en.toks[i].low, "ound") && placePreps[en.toks[i+1].low] && !en.thatWithin(i+2, st.b, 8) {
		return true // "paint found on Chen's bicycle": where it was found, no finding
	}
	if vi.lemma == "charge" && i+2 < st.b && !en.toks[i].cap {
		// "charged Cruz for promotional costs", "charges a fee": a bill,
		// not an accusation ("charged that C", "charged him with X" are).
		for k := i + 1; k < st.b && k <= i+4; k++ {
			if t := &en.toks[k]; t.q < 0 && (t.low == "for" || t.low == "$" || startsNumber(t.low) || t.low == "fee" || t.low == "fees" || chargedThings[t.low]) {
				return true
			} else if t.q >= 0 || t.low == "that" || t.low == "with" || t.kind == tPunct {
				break
			}
		}
	}
	if vi.lemma == "apologize" && i > st.a && (en.toks[i-1].low == "and" || en.toks[i-1].low == "to" || en.toks[i-1].low == "or") && (i+1 >= st.b || en.toks[i+1].kind == tPunct) {
		return true // "called on Trump to stop attacking Machado and apologize.": what he was asked to do
	}
	if vi.lemma == "apologize" && i+1 < st.b && en.toks[i+1].kind != tPunct && en.toks[i+1].kind != tMark {
		// "apologized (on Wednesday) for X": what the apology is for; "He
		// apologized to the family" states nothing.
		found := false
		for k := i + 1; k < st.b && k <= i+8; k++ {
			if t := &en.toks[k]; t.q < 0 && t.low == "for" {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	if vi.lemma == "recall" && i+1 < st.b && en.toks[i+1].q < 0 && (startsNumber(en.toks[i+1].low) || numberWords[en.toks[i+1].low] || recalledGoods[en.toks[i+1].low] || i+2 < st.b && (articles[en.toks[i+1].low] || determiners[en.toks[i+1].low]) && recalledGoods[en.toks[i+2].low]) {
		return true // "Tesla recalls 2 million cars": a product recall, not a memory
	}
	if vi.lemma == "add" && i+1 < st.b && en.toks[i+1].q < 0 && (startsNumber(en.toks[i+1].low) || numberWords[en.toks[i+1].low] || en.toks[i+1].low == "more") {
		return true // "while adding 120 police officers": more of something, not a remark
	}
	if vi.lemma == "add" && i+2 < st.b && en.toks[i+1].low == "to" && en.toks[i+1].q < 0 && !en.thatWithin(i+2, st.b, 6) && !en.opensQuote(i+2) {
		if w := en.toks[i+2].low; articles[w] || possessives[w] || determiners[w] {
			return true // "added to his collection of state titles": more of something, not a remark
		}
	}
	if (vi.lemma == "decline" || vi.lemma == "refuse") && (i+1 >= st.b || en.toks[i+1].kind == tPunct) {
		return true // "..., the fourth straight decline.": no statement ends on it
	}
	if vi.weak {
		n := i + 1
		if n >= st.b {
			return false
		}
		nt := en.toks[n]
		if nt.low == "." && i > st.a {
			// "..., the report notes." but not "the IMF's last estimate."
			// nor "the agency's Clinton investigative report.": a subject
			// ends in a noun, a name or a pronoun, not an adjective.
			p := en.toks[i-1].low
			if pt := &en.toks[i-1]; pt.kind == tWord && !pt.cap && adjectiveLike(p) {
				return true
			}
			if k := i - 1; k > st.a && (articles[en.toks[k-1].low] || determiners[en.toks[k-1].low]) && k-2 >= st.a && prepositions[en.toks[k-2].low] {
				return true // "described in the case report.": a noun in a prepositional phrase
			}
			return p == "'s" || auxWords[p] || determiners[p] || articles[p] || prepositions[p]
		}
		if nt.low == "that" && i > st.a && en.toks[i-1].q < 0 && (prepositions[en.toks[i-1].low] || articles[en.toks[i-1].low]) {
			return true // "the financial help of states that may not want to": a noun
		}
		if nt.low == "that" || nt.low == ":" || nt.kind == tMark || nt.low == "." {
			return false
		}
		if nt.low == "," && n+3 < st.b && en.toks[n+1].low == "in" && (en.toks[n+2].low == "part" || en.toks[n+2].low == "full") && en.toks[n+3].low == "," {
			return false // "the letter reads, in part, that C"
		}
		if i-2 >= st.a && strings.HasSuffix(en.toks[i-1].low, "ed") && !en.toks[i-1].cap && en.toks[i-1].q < 0 {
			if pp := en.toks[i-2].low; adjectivePreps[pp] || articles[pp] || determiners[pp] || possessives[pp] {
				return true // "after repeated calls for reform": an adjective and its noun
			}
		}
		// "She calls for a moratorium": a demand, unless a determiner
		// makes it a noun ("the calls for reform").
		if vi.lemma == "call" && nt.low == "for" && i > st.a {
			p := en.toks[i-1].low
			return articles[p] || determiners[p] || prepositions[p] || p == "'s"
		}
		if progressive(nt.low) || nt.low == "have" || nt.low == "has" || nt.low == "had" {
			return true // "Health worries have dogged her": a noun subject
		}
		if nt.low == "," {
			// "“Q1,” the letter reads, “Q2”": right after a quotation
			// and its speaker the word is the attribution's verb.
			for k := i - 1; k >= st.a && k > i-7; k-- {
				if en.closesQuote(k) {
					return false
				}
				if en.toks[k].kind != tWord {
					break
				}
			}
		}
		if vi.lemma == "read" && nt.kind == tWord {
			return true // "read the statement aloud": reading, not a text's words
		}
		// After a subject pronoun, "who" or an auxiliary the word can only
		// be a verb: "they fear the plant will close", "does not expect".
		if i > st.a {
			p := en.toks[i-1].low
			if _, pro := pronouns[p]; pro && !objectPronouns[p] && p != "her" || verbOnlyBefore[p] || en.raisingBefore(i-1) > 0 || p == "to" && en.causativeObject(i-1, st.a) >= 0 {
				return false
			}
			// "proposes a mandate, and plans to cut costs": after a comma
			// and a conjunction, a word taking an infinitive or an object
			// is a second predicate of the same subject.
			if (p == "and" || p == "but") && i-2 > st.a && en.toks[i-2].low == "," && (nt.low == "to" || articles[nt.low] || determiners[nt.low]) {
				return false
			}
			// "is wary of the loans and expects them to dry up": an object
			// and its infinitive make the word a verb even without a comma.
			if (p == "and" || p == "but") && en.objectInfinitive(n, st.b) {
				return false
			}
			// "cities that support the rules": after a relative "that"
			// following a plural noun only a verb fits.
			if p == "that" && i-2 > st.a {
				if q := &en.toks[i-2]; q.kind == tWord && q.q < 0 && !q.cap && len(q.low) > 3 && strings.HasSuffix(q.low, "s") && !strings.HasSuffix(q.low, "ss") && !auxWords[q.low] && !clauseStops[q.low] {
					if _, cue := reportingVerbs[q.low]; !cue {
						return false
					}
				}
			}
			// "The lawsuit, filed Tuesday in federal court, claims the
			// company misled investors": after an apposition's closing
			// comma and before a clause, a verb.
			if p == "," && i-2 > st.a && en.toks[i-2].kind == tWord && (nt.low == "that" || en.thatlessClause(n, st.b) == n || en.clauseOpens(n, st.b)) {
				return false
			}
			// "Trump's running mate, Gov. Mike Pence, plans to release":
			// after a name closing an apposition, an infinitive follows a
			// verb.
			if p == "," && i-2 > st.a && nt.low == "to" && en.personMentionEndsAt(i-2) && n+1 < st.b && en.toks[n+1].kind == tWord && !en.toks[n+1].cap && en.toks[n+1].q < 0 {
				m := en.reg.mentions[en.reg.mentionAt[i-2]-1]
				if m.s-1 > st.a && en.toks[m.s-1].low == "," {
					return false
				}
			}
			// "Parents worry their children are falling behind": after a
			// plural noun, before a clause, a verb.
			if pt := &en.toks[i-1]; pt.kind == tWord && pt.q < 0 && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") && !possessives[p] && !auxWords[p] && !clauseStops[p] && (en.thatlessClause(n, st.b) == n || en.objectInfinitive(n, st.b)) {
				return false // (or an object and its infinitive: "voters expect Clinton to win")
			}
			// "The woman disputes the idea": between a noun and an
			// article only a verb fits.
			if pt := &en.toks[i-1]; pt.kind == tWord && pt.q < 0 && !prepositions[p] && !determiners[p] && !clauseStops[p] && (articles[nt.low] && nt.low != "her" && nt.low != "his" && nt.low != "its" && nt.low != "their" || !pt.cap && en.personMentionStartsAt(n)) {
				return false // (or a person: "The group views Obama more favorably")
			}
			// "Lynch notes they were ...": after a person's name with
			// no determiner before it ("the Mueller report" is a noun).
			if en.personMentionEndsAt(i - 1) {
				m := en.reg.mentions[en.reg.mentionAt[i-1]-1]
				if m.s == st.a || !articles[en.toks[m.s-1].low] && !possessives[en.toks[m.s-1].low] {
					return false
				}
			}
		}
		return true
	}
	return false
}

// objectInfinitive: a name or an object pronoun at n, then "to" and a
// verb ("Clinton to win", "him to resign").
func (en *engine) objectInfinitive(n, b int) bool {
	k := n
	if objectPronouns[en.toks[k].low] {
		k++
	} else {
		for k < b && k < n+3 && en.toks[k].cap && en.toks[k].kind == tWord && en.toks[k].q < 0 {
			k++
		}
	}
	return k > n && k+1 < b && en.toks[k].low == "to" && en.toks[k+1].kind == tWord && !en.toks[k+1].cap && !articles[en.toks[k+1].low] && !determiners[en.toks[k+1].low]
}

var reflexives = setOf("himself herself themselves itself myself ourselves yourself")

// asDepiction: a short object then "as" follow at n ("Romney as", "himself
// as", "the plan as").
func (en *engine) asDepiction(n, b int) bool {
	for k := n + 1; k < b && k <= n+5; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return false
		}
		if t.low == "as" {
			// ("painted it as she spoke": a clause opens, a time.)
			return k+1 < b && !subjectPronoun(en.toks[k+1].low)
		}
	}
	return false
}

// personMentionStartsAt: a person's name opens at n.
func (en *engine) personMentionStartsAt(n int) bool {
	m := en.reg.mentionAt[n]
	if m == 0 {
		return false
	}
	mn := en.reg.mentions[m-1]
	return mn.s == n && mn.ent >= 0 && en.reg.ents[mn.ent].kind == Person
}

// mannerCue: the past-tense verb at i ends the clause of its subject
// right after a quotation that opens the sentence and closes on a comma,
// "!" or "?" ("“Q,” the officer ordered", "“Q,” she laughed"), with
// nothing after it but a time, a place or the listeners ("snapped on
// Tuesday", "whispered to reporters").
func (en *engine) mannerCue(i int, st sentence) bool {
	t := &en.toks[i]
	if t.cap || i == st.a || !strings.HasSuffix(t.low, "ed") && t.low != "shot" || !mannerVerbs[t.low] {
		return false // (the suffix first: most words are not, and it costs no lookup)
	}
	a := en.skipConnective(st.a, st.b)
	if !en.opensQuote(a) {
		return false
	}
	cl := en.spans[en.toks[a].q].close
	if cl <= a || cl+1 >= i {
		return false
	}
	if w := en.toks[cl-1].low; w != "," && w != "!" && w != "?" && !longDash(w) {
		return false
	}
	ns, ok := en.npBack(i-1, cl+1)
	if !ok || ns != cl+1 || !en.speakerLike(ns, i) {
		return false
	}
	return en.trailEnds(i+1, st.b)
}

// trailEnds: from i to the sentence end stand only a time, a prepositional
// phrase or an adverb ("on Tuesday", "to reporters", "angrily").
func (en *engine) trailEnds(i, b int) bool {
	for i < b {
		t := &en.toks[i]
		if t.kind == tPunct && t.low != "," || t.kind == tMark {
			return t.low == "." || t.low == "!" || t.low == "?" || t.kind == tMark && i+1 >= b
		}
		if t.low == "," {
			i++
			continue
		}
		if _, e := en.parseWhen(i, b); e > i {
			i = e
			continue
		}
		if en.lyAdverb(i, i) || t.low == "back" || t.low == "again" {
			i++
			continue
		}
		if prepositions[t.low] || t.low == "to" {
			ns, ne := en.npForward(i+1, b)
			if ns >= ne {
				return false
			}
			i = ne
			continue
		}
		return false
	}
	return true
}

// mannerVerbs tell how words were said; after a quotation and a short
// subject they attribute it ("she laughed", "the officer ordered").
var mannerVerbs = setOf("ordered laughed snapped screamed cried whispered sighed barked growled muttered murmured pleaded begged gasped stammered chuckled smiled nodded grinned shrugged interjected interrupted ventured chimed sniffed groaned moaned wailed roared thundered hissed sneered teased marveled marvelled gushed raved fumed seethed boomed shot blurted sobbed giggled scolded stormed cheered") // all in -ed but "shot"

// byAdmission reads "By Trump's own admission," or "In her account," at
// the start of the sentence and returns the holder's name.
func (en *engine) byAdmission(i int, st sentence) (int, int, bool) {
	if en.toks[i].low != "by" && en.toks[i].low != "in" || i != st.a && i != en.skipConnective(st.a, st.b) {
		return 0, 0, false
	}
	hs, he := i+1, -1
	if hs < st.b && possessives[en.toks[hs].low] && en.toks[hs].low != "'s" {
		he = hs + 1
	} else {
		for k := hs; k < st.b && k < hs+4; k++ {
			if w := en.toks[k].low; (w == "'s" || w == "’s") && k > hs {
				he = k
				break
			}
			if !en.toks[k].cap || en.toks[k].kind != tWord {
				break
			}
		}
	}
	if he < 0 || he+2 >= st.b {
		return 0, 0, false
	}
	n := he
	if en.toks[n].low == "'s" || en.toks[n].low == "’s" {
		n++
	}
	if en.toks[n].low == "own" {
		n++
	}
	if n+1 >= st.b || !holderNouns[en.toks[n].low] || en.toks[n+1].low != "," {
		return 0, 0, false
	}
	return hs, he, true
}

var holderNouns = setOf("admission account estimate estimates count reckoning words telling estimation calculation calculations")

// pressedOn reads "pressed (him) on/about X" at i and returns where X
// starts.
func (en *engine) pressedOn(i, b int) (int, bool) {
	if w := en.toks[i].low; w != "pressed" && w != "pressing" && w != "presses" || en.toks[i].cap {
		return 0, false
	}
	k := i + 1
	if k < b && (objectPronouns[en.toks[k].low] || en.personMentionStartsAt(k)) {
		if m := en.reg.mentionAt[k]; m != 0 {
			k = en.reg.mentions[m-1].e
		} else {
			k++
		}
	}
	if k+1 < b && (en.toks[k].low == "on" || en.toks[k].low == "about") && en.toks[k+1].kind == tWord {
		return k + 1, true
	}
	return 0, false
}

// makeClear reads "made (it) clear/plain that C" or "made it clear C" at
// i, and "made the case (to X) that C" or "made the case for X", and
// returns where the content starts.
func (en *engine) makeClear(i, b int) (int, bool) {
	switch en.toks[i].low {
	case "make", "makes", "made", "making":
	default:
		return 0, false
	}
	k := i + 1
	if k+2 < b && en.toks[k].low == "the" && en.toks[k+1].low == "case" {
		j := k + 2
		if en.toks[j].low == "for" && j+1 < b && en.toks[j+1].kind == tWord {
			return j + 1, true
		}
		if en.toks[j].low == "to" {
			// "to members of both parties that C": the listeners.
			for m := j + 1; m < b && m < j+10; m++ {
				if t := &en.toks[m]; t.low == "that" && t.q < 0 {
					return m, true
				} else if t.q >= 0 || t.kind == tPunct {
					break
				}
			}
		}
		if en.toks[j].low == "that" && en.toks[j].q < 0 {
			return j, true
		}
		return 0, false
	}
	if k < b && en.toks[k].low == "it" {
		k++
	}
	if k+1 >= b || en.toks[k].q >= 0 || en.toks[k].low != "clear" && en.toks[k].low != "plain" {
		return 0, false
	}
	j := k + 1
	if en.toks[j].low == "that" && en.toks[j].q < 0 || en.thatlessClause(j, b) == j {
		return j, true
	}
	return 0, false
}

// placePreps locate a thing found ("found on", "found inside").
var placePreps = setOf("on in at inside near under along outside behind beneath")

// thatWithin: a "that" outside quotations stands in [i, i+n) before b.
func (en *engine) thatWithin(i, b, n int) bool {
	for k := i; k < b && k < i+n; k++ {
		if en.toks[k].low == "that" && en.toks[k].q < 0 {
			return true
		}
	}
	return false
}

// recalledGoods are what a maker recalls.
var recalledGoods = setOf("vehicles cars trucks products units models devices phones batteries toys cribs food")

// chargedThings take an electric charge ("charging an iPhone").
var chargedThings = setOf("iphone iphones phone phones device devices battery batteries car cars laptop laptops watch airpods ev evs tablet tablets wirelessly")

// adjectivePreps take a noun phrase, so a past participle right after
// them modifies the noun ("despite repeated warnings").
var adjectivePreps = setOf("despite amid after before with without of for about against following over")

// respondedScenes are what emergency services respond to.
var respondedScenes = setOf("reports report calls call scene fire fires alarm alarms emergency emergencies incident crash shooting")

// asksReader: the verb at i follows "you" and the auxiliary opening a
// yes-no question ("Do you know ...?", "Or would you think ...?").
func (en *engine) asksReader(i int, st sentence) bool {
	if i-2 < st.a || en.toks[i-1].low != "you" || !questionAux[en.toks[i-2].low] {
		return false
	}
	// A yes-no question: the auxiliary opens it ("How do you know when
	// ...?" asks about a fact, which may be what somebody holds).
	if a := i - 2; a > st.a && !(a-1 == st.a && connectives[en.toks[st.a].low]) {
		return false
	}
	for k := st.b - 1; k > i; k-- {
		if t := &en.toks[k]; t.q < 0 && t.kind == tPunct {
			return t.low == "?"
		}
	}
	return false
}

var questionAux = setOf("do does did would will can could should")

// topicPrep returns the "about" or "of" that completes the topic verb at
// i, perhaps after "out", a manner adverb or a time ("spoke emotionally
// of", "spoke out Tuesday about"), or -1.
func (en *engine) topicPrep(i, b int) int {
	listened := false
	for k := i + 1; k < b && k <= i+6; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return -1
		}
		switch {
		case t.low == "about" || t.low == "of":
			return k
		case (t.low == "against" || t.low == "for") && en.toks[k-1].low == "out":
			return k // "spoke out against injustice", "spoke out for the bill"
		case t.low == "out" || !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") || topicAdverbs[t.low]:
		case (t.low == "in" || t.low == "at") && k+1 < b && topicSettings[en.toks[k+1].low] && en.toks[k+1].q < 0:
			k++ // "speaks in public about", "spoke at length of"
		case (t.low == "to" || t.low == "with" || t.low == "during") && !listened:
			// "talked to reporters about", "talk with police leaders
			// about", "spoke during his speech of": a listener or an
			// occasion of a few words.
			listened = true
			n := k + 1
			if _, end := en.parseWhen(n, b); end > n {
				return -1 // "the experts I spoke to this week about": a stranded preposition
			}
			for n < b && n <= k+4 && en.toks[n].kind == tWord && en.toks[n].q < 0 && en.toks[n].low != "about" && en.toks[n].low != "of" && !clauseStops[en.toks[n].low] && !auxWords[en.toks[n].low] {
				n++
			}
			if n < b && en.toks[n].low == "of" && gatherings[en.toks[n-1].low] {
				return -1 // "spoke to a gathering of leaders": the listeners' phrase
			}
			if n == k+1 || n >= b || en.toks[n].low != "about" && en.toks[n].low != "of" {
				if w := en.toks[min(n, b-1)].low; n < b && n > k+1 && (w == "last" || w == "this" || w == "on") {
					k = n - 1 // "talk to me last week about": a time follows
					continue
				}
				return -1
			}
			return n
		default:
			if _, end := en.parseWhen(k, b); end > k {
				k = end - 1
				continue
			}
			if end := en.duration(k, b); end > k {
				k = end - 1 // "talked for years about"
				continue
			}
			return -1
		}
	}
	return -1
}

// attitudeFrame returns the preposition (or "that") after a noun of
// attitude that follows the verb at i, perhaps after up to two modifiers
// ("expressed deep concern about", "raised serious questions over",
// "voiced concern that"), or -1. The object of the preposition is what
// the attitude is about.
func (en *engine) attitudeFrame(i, b int) int {
	for k := i + 1; k+1 < b && k <= i+3; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord || t.cap {
			return -1
		}
		if attitudeNouns[t.low] {
			p := &en.toks[k+1]
			if p.q < 0 && attitudePreps[p.low] && k+2 < b && en.toks[k+2].kind != tPunct {
				return k + 1
			}
			return -1
		}
		if _, pro := pronouns[t.low]; pro || articles[t.low] || prepositions[t.low] || auxWords[t.low] || clauseStops[t.low] && t.low != "such" {
			return -1
		}
	}
	return -1
}

// clauseThat returns the "that" opening the clause of the verb at i,
// perhaps after an adverb or "by now" ("have heard by now that"), when a
// subject follows it; else -1.
func (en *engine) clauseThat(i, b int) int {
	if k := en.thatlessClause(i+1, b); k > 0 {
		return k // "Many experts suspect those losses were generated ..."
	}
	limit := i + 3
	for k := i + 1; k+1 < b && k <= limit; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			return -1
		}
		if t.low == "that" {
			if n := &en.toks[k+1]; n.q < 0 && n.kind == tWord && !en.verbAt(k+1) {
				return k
			}
			return -1
		}
		if (t.low == "on" || t.low == "in") && k == i+1 {
			// "posted on Facebook that", "heard in court that": a medium
			// or a setting of a few words.
			limit = i + 6
			continue
		}
		if limit > i+3 && k > i+1 {
			continue
		}
		if t.low != "by" && t.low != "now" && t.low != "long" && !(len(t.low) > 4 && strings.HasSuffix(t.low, "ly")) {
			return -1
		}
	}
	return -1
}

// phoneCall: the object of "call" starting at i (a name or an object
// pronoun) is followed by a time, an infinitive or the end of the clause
// ("called Alicia Machado on Friday", "called her to say"), not by what
// it is called: a telephone call.
func (en *engine) phoneCall(i, b int) bool {
	k := i
	if t := &en.toks[k]; t.kind == tWord && t.q < 0 && objectPronouns[t.low] || t.low == "her" {
		k++
	} else if m := en.reg.mentionAt[k]; m > 0 && en.reg.mentions[m-1].s == k && en.reg.mentions[m-1].e-k >= 2 {
		// A full name the registry knows; one capitalised word may
		// start the label instead ("called Trump Tower ...").
		k = en.reg.mentions[m-1].e
	} else {
		return false
	}
	if k >= b {
		return true
	}
	t := &en.toks[k]
	if t.low == "to" && k+1 < b && !en.toks[k+1].cap && en.toks[k+1].kind == tWord && !articles[en.toks[k+1].low] && !determiners[en.toks[k+1].low] {
		return true // "called her to say", but not "called it to the attention"
	}
	if t.low == "." || t.low == ";" {
		return true
	}
	_, end := en.parseWhen(k, b)
	return end > k
}

// namingCall: "called" at i gives a name to the noun before it ("a
// stream called Miracle Run", "a group called Americans for Prosperity"):
// a common noun before it and only a name after it.
func (en *engine) namingCall(i int, st sentence) bool {
	if en.toks[i].low != "called" || i == st.a {
		return false
	}
	p := &en.toks[i-1]
	if _, pro := pronouns[p.low]; pro || p.kind != tWord || p.cap || p.q >= 0 || auxWords[p.low] || clauseStops[p.low] || strings.HasSuffix(p.low, "ly") {
		return false
	}
	k := i + 1
	for k < st.b && (en.toks[k].kind == tWord && en.toks[k].q < 0 && (en.toks[k].cap || nameLinks[en.toks[k].low] && k > i+1) || en.toks[k].low == "." && en.isAbbrev(k-1) && k+1 < st.b && en.toks[k+1].cap) {
		k++
	}
	if k == i+1 || !en.toks[k-1].cap {
		return false
	}
	return k >= st.b || en.toks[k].kind == tPunct || en.toks[k].low == "that" || en.toks[k].low == "which" || en.finiteIn(k, k+1)
}

// startsNumber: w is a figure ("58", "$4").
func startsNumber(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || w[0] == '$')
}

// nameLinks join the words of a multi-word name.
var nameLinks = setOf("of for and the de la")

// asFollows: "as" comes within a short object phrase from i ("see the
// race as a referendum").
func (en *engine) asFollows(i, b int) bool {
	for k := i; k < b && k < i+7; k++ {
		t := &en.toks[k]
		if t.low == "as" {
			return true
		}
		if t.kind == tPunct || t.q >= 0 {
			return false
		}
	}
	return false
}

// raisingVerbs pass their subject to an infinitive cue.
var raisingVerbs = setOf("appear appears appeared seem seems seemed tend tends tended began begins went goes go continue continues continued tried tries attempted attempts sought seeks liked likes loved loves used able managed moved rushed hastened opportunity chance eager quick")

// adjectiveIng are cue forms in -ing used mostly as adjectives.
var adjectiveIng = setOf("declining telling promising warning ruling damning threatening")

// habitSpeech are the verbs of saying a habit may take.
var habitSpeech = setOf("say tell joke quip remark call ask insist argue note point warn describe")

// habitVerbs before "to" make a habit of saying ("she liked to say", "he
// used to tell"), not of singing: only verbs of saying follow them.
var habitVerbs = setOf("liked likes loved loves used")

// raisingBefore: the "to" at i follows a raising verb ("seemed to",
// "went on to"); it returns how many tokens the verb and "to" take, or 0.
func (en *engine) raisingBefore(i int) int {
	if i < 1 || en.toks[i].low != "to" {
		return 0
	}
	p := en.toks[i-1].low
	if p == "on" && i >= 2 && (en.toks[i-2].low == "went" || en.toks[i-2].low == "goes" || en.toks[i-2].low == "go" || en.toks[i-2].low == "going") {
		return 3
	}
	if raisingVerbs[p] && p != "went" && p != "goes" && p != "go" {
		return 2
	}
	return 0
}

var modalsBefore = setOf("will would could can may might should must to")

// verbOnlyBefore: words after which a noun-ambiguous form is a verb.
var verbOnlyBefore = setOf("do does did don't doesn't didn't not n't will would could can may might should must also still now often generally repeatedly who which then never always already recently previously again")

var irregularParticiples = setOf("found told said thought known shown written held made sent")

func progressive(w string) bool {
	switch w {
	case "is", "was", "are", "were", "been", "be", "'s", "'re", "am",
		"isn't", "wasn't", "aren't", "weren't", "isn’t", "wasn’t", "aren’t", "weren’t":
		return true
	}
	return false
}

// invertible verbs may follow their content and precede their speaker:
// "..., said Caddell." Others with a noun after them have an object
// ("declared bankruptcy").
var invertible = setOf("say add ask write report tweet declare announce claim recall continue explain reply respond note argue insist warn agree wonder quip joke remark observe counter retort concede complain boast acknowledge admit suggest state predict comment chant shout read muse scoff lament testify")

func hasCue(evs []eval, i int) bool {
	for _, ev := range evs {
		if ev.c.i == i {
			return true
		}
	}
	return false
}

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

// possessives name a holder before a noun ("her criticism", "Trump's
// criticism").
var possessives = setOf("his her their its my our your 's")

// topicAdverbs and topicSettings may stand between a topic verb and its
// preposition: "speaks more often about", "talked in public about".
var (
	topicAdverbs  = setOf("often more most less again still")
	topicSettings = setOf("public private length detail person")
	// gatherings head a listener phrase continued by "of".
	gatherings = setOf("gathering group crowd number meeting audience room roomful members member couple lot dozens hundreds thousands panel board class delegation")
)

// forcingVerbs make their object do what the infinitive after it says:
// "forced Stumpf to admit", "led the journalist to fear".
var forcingVerbs = setOf("forced forces force forcing led leads leading prompted prompts prompting pressured pressed pushed compelled compels drove drives caused causes")

// causativeObject: the "to" at to follows the object of a forcing verb
// ("forced Stumpf, who was under questioning, to admit"); it returns
// where the object starts, or -1.
func (en *engine) causativeObject(to, lo int) int {
	e := to
	if e-1 > lo && en.toks[e-1].low == "," {
		// step back over a relative clause between commas
		for k := e - 2; k > lo && k > e-30; k-- {
			if t := &en.toks[k]; t.q >= 0 || t.kind == tPunct && t.low != "," && t.low != "'s" && t.low != "’s" {
				return -1
			}
			if en.toks[k].low == "," && (en.toks[k+1].low == "who" || en.toks[k+1].low == "whose") {
				e = k
				break
			}
		}
		if e == to {
			return -1
		}
	}
	if e-1 <= lo {
		return -1
	}
	ns, ok := en.npBack(e-1, max(lo, e-8))
	if !ok || ns <= lo || !en.speakerLike(ns, e) {
		return -1
	}
	for k := ns; k < e-1; k++ {
		if forcingVerbs[en.toks[k].low] && en.toks[k].q < 0 {
			return k + 1 // ("also forced Stumpf": the phrase ran over the verb)
		}
	}
	if v := &en.toks[ns-1]; v.q < 0 && forcingVerbs[v.low] {
		return ns
	}
	return -1
}
