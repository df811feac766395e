package attribute

import (
	"sort"
	"strings"
)

// headingColon reads "C: Russian FM" and "Pat Caddell: C" in headlines
// and subheadings.
// quoteSpans: [s, e) is one quotation, its marks included.
func (en *engine) quoteSpans(s, e int) bool {
	if e-s < 3 || en.toks[s].kind != tMark || en.toks[s].q < 0 {
		return false
	}
	return en.spans[en.toks[s].q].close == e-1
}

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
		for k := s; k < e; k++ {
			if headlineLabels[en.toks[k].low] && (e-s <= 2 || k == e-1) {
				return false // "The Latest: ...", "Watch: ...", "Daily Deals: ...", "Dear Abby: ..."
			}
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
	case isSpeaker(st.a, first) && after > first+1 && !(first == st.a+1 && len(en.toks[st.a].low) == 1) &&
		(en.isPersonAt(st.a, first) && (en.namedElsewhere(st.a, first) || givenNames[en.toks[st.a].low] != 0 || roleHeads[strings.TrimSuffix(en.toks[first-1].low, "s")]) || en.namedElsewhere(st.a, first) || first == st.a+1 && headlineSources[en.toks[st.a].low]):
		// (A Title Case label is no person: "Daily Deals: ...", "New
		// Release: ..."; nor is an interview's "Q:".)
		at.cueS, at.cueE = first, first+1
		at.subjS, at.subjE = st.a, first
		at.parts = [][2]int{{first + 1, en.trimEnd(first+1, st.b)}}
	case isSpeaker(last+1, after) && last > st.a && en.headingSpeaker(last+1, after):
		at.cueS, at.cueE = last, last+1
		at.subjS, at.subjE = last+1, after
		at.parts = [][2]int{{st.a, en.trimEnd(st.a, last)}}
	case first == last && en.quoteSpans(st.a, first):
		// "‘We were lied to’: Flood victims demand answers": the quotation
		// before the colon is said by the subject of the clause after it.
		// The verb: a past or a form after a plural ("Flood victims demand
		// answers") wins over an -s form, which may be a plural noun
		// ("victims").
		ne, weak := -1, -1
		for k := first + 2; k < after && k <= first+5; k++ {
			v, p := &en.toks[k], &en.toks[k-1]
			if v.kind != tWord || v.q >= 0 || p.kind != tWord || v.cap {
				break
			}
			plural := strings.HasSuffix(p.low, "s") && !strings.HasSuffix(p.low, "ss")
			if en.verbAt(k) || plural && !prepositions[v.low] && !determiners[v.low] && !articles[v.low] && !clauseStops[v.low] {
				ne = k
				break
			}
			if weak < 0 && presentVerb(v) && !plural {
				weak = k
			}
		}
		if ne < 0 {
			ne = weak
		}
		if ne < 0 {
			return at, false
		}
		if _, cue := reportingVerbs[en.toks[ne].low]; !cue {
			// Only a verb of saying makes its subject the one quoted
			// ("Flood victims demand answers", "Mayor vows"); in "‘He died
			// in my hands’: 3 demonstrators killed" the words are another's.
			return at, false
		}
		at.cueS, at.cueE = first, first+1
		at.subjS, at.subjE = first+1, ne
		at.parts = [][2]int{{st.a, first}}
	case first == last && en.quotedAfter(first+1, after):
		// "Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally
		// Investigated’", "A Lesson From Loretta Lynch: ‘Be the Voice’":
		// words in quotation marks after the colon are those of the one
		// person named before it.
		ms, me, ok := en.onePersonIn(st.a, first)
		if !ok {
			return at, false
		}
		at.cueS, at.cueE = first, first+1
		at.subjS, at.subjE = ms, me
		at.parts = [][2]int{{first + 1, after}}
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

// quotedAfter: [s, e) holds a quotation that runs to its end (“‘Be the
// Voice’”, “The Trends Are ‘Terrifying’”).
func (en *engine) quotedAfter(s, e int) bool {
	for k := s; k < e; k++ {
		if en.opensQuote(k) {
			c := en.spans[en.toks[k].q].close
			return c > k && en.trimEnd(c, e) <= c+1
		}
	}
	return false
}

// onePersonIn returns the mention of the person named in [s, e) whom
// the story names again: the only one, or the one the range opens with.
func (en *engine) onePersonIn(s, e int) (int, int, bool) {
	ms, me, ent := -1, -1, -1
	for k := s; k < e; k++ {
		m := en.reg.mentionAt[k]
		if m == 0 {
			continue
		}
		mm := en.reg.mentions[m-1]
		k = mm.e - 1
		if mm.ent < 0 || en.reg.ents[mm.ent].kind != Person || !en.namedElsewhere(mm.s, mm.e) {
			continue // (Title Case makes "Climate Change" look like a name)
		}
		if ent >= 0 && mm.ent != ent {
			// "Warren Hammers Wells Fargo CEO: ...": the heading's
			// subject, unless a second name joins it ("Trump vs.
			// Clinton: ...").
			if ms == s && !pairWords[en.toks[me].low] {
				return ms, me, true
			}
			return -1, -1, false
		}
		if ent < 0 {
			ms, me, ent = mm.s, mm.e, mm.ent
		}
	}
	return ms, me, ent >= 0
}

// pairWords join two names as equals.
var pairWords = setOf("vs vs. v v. versus and or & , with")

// headlineLabels name a kind of story, not a speaker.
var headlineLabels = setOf("latest update updates watch live breaking exclusive opinion analysis review editorial photos video videos listen explainer factbox timeline recap deals deal release drop podcast focus stage partner partners preview guide tips quiz abby column newsletter briefing podcasts")

// headlineSources open headlines as sources: "Poll: Clinton and Trump in
// dead heat".
var headlineSources = setOf("poll polls survey study report police officials authorities prosecutors experts witnesses sources analysts investigators")

// namedElsewhere: the name in [s, e) is also mentioned in another
// segment ("Politifact: ..." over a story that names Politifact).
func (en *engine) namedElsewhere(s, e int) bool {
	a, b := en.segTok[en.cur.seg][0], en.segTok[en.cur.seg][1]
	for k := s; k < e; k++ {
		if m := en.reg.mentionAt[k]; m > 0 {
			ent := en.reg.mentions[m-1].ent
			if ent < 0 || en.reg.ents[ent].lo >= a && en.reg.ents[ent].hi <= b {
				continue
			}
			// The story's body must name it: a label repeated over several
			// headings ("New Release: ...") names no one.
			if en.bodyMentions == nil {
				en.indexBodyMentions()
			}
			if ent >= len(en.bodyMentions) {
				continue // (an entity made after the index names no mention)
			}
			if r := en.bodyMentions[ent]; r[0] >= 0 && (r[0] < a || r[1] >= b) {
				return true
			}
		}
	}
	return false
}

// indexBodyMentions fills bodyMentions: per entity, the first and last
// token of its mentions in the body, or -1.
func (en *engine) indexBodyMentions() {
	en.bodyMentions = make([][2]int, len(en.reg.ents))
	for i := range en.bodyMentions {
		en.bodyMentions[i] = [2]int{-1, -1}
	}
	for _, mn := range en.reg.mentions {
		if mn.ent < 0 || mn.ent >= len(en.bodyMentions) || !en.inBody(mn.s) {
			continue
		}
		r := &en.bodyMentions[mn.ent]
		if r[0] < 0 || mn.s < r[0] {
			r[0] = mn.s
		}
		if mn.s > r[1] {
			r[1] = mn.s
		}
	}
}

// headingSpeaker: the Title Case words [s, e) after a heading's colon can
// be its speaker ("C: Russian FM", "C: Trump"): a role, a person with a
// given name, or someone the story's body names; not a title such as
// "New Release: Switch Lite Edition".
func (en *engine) headingSpeaker(s, e int) bool {
	w := strings.TrimSuffix(en.toks[e-1].low, ".")
	if roleHeads[w] || roleHeads[strings.TrimSuffix(w, "s")] || roleAbbrev[w] != "" || headlineSources[w] {
		return true
	}
	if givenNames[en.toks[s].low] != 0 && en.isPersonAt(s, e) {
		return true
	}
	if m := en.reg.mentionAt[s]; m > 0 {
		if ent := en.reg.mentions[m-1].ent; ent >= 0 && (en.reg.ents[ent].kind == Country || en.reg.ents[ent].kind == Organization) {
			return true // "Ball in Putin's court: France"
		}
	}
	return en.namedElsewhere(s, e)
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
		if t.kind == tPunct && isDash(t.low) {
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
