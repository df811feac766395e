package attribute

import "strings"

// clauseSubject finds, scanning back from token k, the nearest pronoun
// or name that opens a clause (after a comma, a clause word or the
// sentence start).
func (en *engine) clauseSubject(st sentence, k int, inner bool) (int, int, bool) {
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
		if vi, ok := reportingVerbs[en.toks[max(i-1, 0)].low]; ok && inner && i > st.a && !vi.weak && !vi.tell {
			prevOK = true // "said he rated them and talked about ...": the reported clause's subject
		}
		if !inner && i-2 >= st.a && en.toks[i-1].low == "that" {
			if _, cue := reportingVerbs[en.toks[i-2].low]; cue {
				// "added that Germany had enough gas but urged ...": a verb
				// of saying goes with the reporting verb's subject, not the
				// reported clause's.
				prevOK = false
			}
		}
		if !prevOK {
			continue
		}
		if subjectPronoun(t.low) {
			return i, i + 1, true
		}
		if t.low == "who" && i > st.a && en.toks[i-1].low == "," && en.noPunctBetween(i+1, k) {
			// "demonstrators, who took to the streets and called for X":
			// the relative clause, still open, has a second verb.
			return i, i + 1, true
		}
		if m := en.reg.mentionAt[i]; m > 0 {
			mn := en.reg.mentions[m-1]
			if mn.s == i && mn.ent >= 0 && !en.isPossessor(mn.e) {
				return mn.s, en.subjectHead(mn, st.b), true
			}
		}
		if inner && i > st.a && en.toks[i-1].low == "that" && (possessives[t.low] || articles[t.low]) && t.low != "'s" {
			// "told reporters that his office was reviewing X and expected
			// to file": the reported clause's common noun subject.
			if ns, ne := en.npForward(i, k); ns < ne && ne < k && en.verbAt(ne) {
				return ns, ne, true
			}
		}
	}
	return 0, 0, false
}

// sentenceSubject is the pronoun or name that opens a sentence ("He then
// defended the remark, saying ...").
func (en *engine) sentenceSubject(st sentence) (int, int, bool) {
	i := st.a
	for i < st.b {
		// "Then, last week, Taylor Swift posted ...": connectives, commas
		// and time phrases before the subject.
		if t := &en.toks[i]; t.kind == tWord && connectives[t.low] || t.low == "," && t.q < 0 {
			i++
			continue
		}
		if _, end := en.parseWhen(i, st.b); end > i && end < st.b && en.toks[end].low == "," {
			i = end + 1
			continue
		}
		break
	}
	// An opening phrase ("Following a swiftly called meeting, the
	// Council ...", "Chastened by the analyses, Trump ...", "Worse, the
	// companies ...") is not the subject.
	if i < st.b && en.openingWord(i, st.b) {
		// Past the comma after which a name or pronoun follows (past a
		// lone word's comma in any case: "Worse, the companies ...").
		if i+1 < st.b && en.toks[i+1].low == "," {
			i += 2
		}
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
	if k, ok := pronouns[en.toks[i].low]; ok && (en.toks[i].low != "it" || en.itActs(i+1, st.b)) && k != "" && en.toks[i].low != "who" {
		return i, i + 1, true
	}
	if m := en.reg.mentionAt[i]; m > 0 {
		mn := en.reg.mentions[m-1]
		if mn.s == i && mn.ent >= 0 && !en.isPossessor(mn.e) {
			s := mn.s
			if s > st.a && articles[en.toks[s-1].low] {
				s--
			}
			e := en.subjectHead(mn, st.b)
			if e == mn.e && e+2 < st.b && en.toks[e].low == "and" && en.toks[e].q < 0 {
				// "Trump and Clinton vied for the title, each touting X":
				// two names joined open the sentence together.
				if m2 := en.reg.mentionAt[e+1]; m2 > 0 {
					if mn2 := en.reg.mentions[m2-1]; mn2.s == e+1 && mn2.ent >= 0 && !en.isPossessor(mn2.e) && en.subjectHead(mn2, st.b) == mn2.e {
						e = mn2.e
					}
				}
			}
			return s, e, true
		}
	}
	return 0, 0, false
}

// itActs: the verb at i makes "it" before it an agent ("it issued a
// paper, calling for ..."), not the "it" of "it is expected" or "it
// seems".
func (en *engine) itActs(i, b int) bool {
	if i >= b {
		return false
	}
	t := &en.toks[i]
	if t.q >= 0 || t.kind != tWord || t.cap || t.low == "is" || t.low == "was" || t.low == "seems" || t.low == "seemed" || t.low == "appears" || t.low == "appeared" {
		return false
	}
	return strings.HasSuffix(t.low, "ed") || finiteVerbs[t.low] && !auxWords[t.low]
}

// openingWord: the sentence's first word at i opens a phrase before the
// subject: a preposition, a subordinator, a participle ("Following",
// "Chastened"), an adverb ("Recently") or a lone word set off by a comma
// ("Worse,").
func (en *engine) openingWord(i, b int) bool {
	t := &en.toks[i]
	if prepositions[t.low] || subordinators[t.low] || strings.HasSuffix(t.low, "ing") {
		return true
	}
	if t.kind != tWord || t.q >= 0 || en.reg.mentionAt[i] > 0 && en.reg.mentions[en.reg.mentionAt[i]-1].e > i+1 {
		return false // ("Jack Reed, ...": a name)
	}
	if _, pro := pronouns[t.low]; pro {
		return false
	}
	if len(t.low) > 4 && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ly")) {
		return true
	}
	return i+1 < b && en.toks[i+1].low == "," && !givenNameOrKnown(en, i)
}

// givenNameOrKnown: the one word at i names a country or someone the
// article mentions again ("Trump, ...", "Russia, ...").
func givenNameOrKnown(en *engine, i int) bool {
	m := en.reg.mentionAt[i]
	if m == 0 {
		return false
	}
	mn := en.reg.mentions[m-1]
	if mn.ent < 0 {
		return false
	}
	e := &en.reg.ents[mn.ent]
	return e.lo != e.hi || e.kind == Country
}

// subjectHead: the end of a subject that opens with the name mn. When the
// name only modifies the phrase ("A New York judge", "Democratic
// presidential nominee Hillary Clinton"), the phrase runs to its head.
func (en *engine) subjectHead(mn mention, b int) int {
	e := mn.e
	for e < b && e < mn.e+6 && !notSubjects[en.toks[mn.s].low] && en.modifiesNoun(e, b) {
		e++
		for e < b && en.toks[e].cap && en.toks[e].kind == tWord && en.toks[e].q < 0 {
			e++
		}
	}
	return e
}

// modifiesNoun: the name ending before token n modifies a common noun
// ("A New York judge", "Foreign policy analysts"): a plain lower-case word
// follows it, not a verb.
func (en *engine) modifiesNoun(n, b int) bool {
	if n >= b {
		return false
	}
	t := &en.toks[n]
	if t.kind != tWord || t.cap || t.q >= 0 || auxWords[t.low] || finiteVerbs[t.low] || gerundTakers[t.low] || clauseStops[t.low] || strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ly") || notSubjects[t.low] || determiners[t.low] || t.low == "'s" || t.low == "’s" {
		return false
	}
	_, cue := reportingVerbs[t.low]
	return !cue
}

// npPreps may join a noun phrase to its head: "a narrator in the Clinton
// ad", "protesters marching through the streets".
var npPreps = setOf("in of for at from with through across outside inside near around on")

// clauseOpeners start a clause whose subject follows.
var clauseOpeners = setOf("when after because that and but while if as since although though before once whereas so")

// sentenceAdverbs stand between commas inside a clause.
var sentenceAdverbs = setOf("however too though meanwhile moreover nevertheless nonetheless instead therefore indeed")

// commonSubject reads a short common noun phrase opening the sentence
// (after a framing phrase and its comma) up to its verb: "In August,
// several environmental groups granted ..., saying ...".
func (en *engine) commonSubject(st sentence) (int, int, bool) {
	i := st.a
	if prepositions[en.toks[i].low] || subordinators[en.toks[i].low] {
		for k := i; k < st.b && k < i+12; k++ {
			if en.toks[k].low == "," && en.toks[k].q < 0 {
				i = k + 1
				break
			}
		}
	}
	if i >= st.b {
		return 0, 0, false
	}
	// A determiner opens the phrase, or it is a bare plural ("European
	// leaders gathered").
	bare := !determiners[en.toks[i].low]
	for k := i + 1; k < st.b && k <= i+5; k++ {
		t := &en.toks[k]
		if t.q >= 0 || t.kind != tWord {
			break
		}
		if k > i+1 && !(t.cap && en.toks[k-1].cap) {
			// "A federal judge on Friday temporarily blocked ...": a time
			// and an adverb between the subject and its verb (but "USA
			// Today" is a name).
			_, end := en.parseWhen(k, st.b)
			if end <= k && t.low == "in" && k+2 < st.b && isYear(en.toks[k+1].low) {
				end = k + 2 // "A group of doctors in 2015 sent ..."
			}
			if end > k && end < st.b {
				if n := end; en.lyAdverb(n, k) {
					end++
				}
				if v := &en.toks[end]; v.kind == tWord && !v.cap && v.q < 0 && (strings.HasSuffix(v.low, "ed") || finiteVerbs[v.low] || auxWords[v.low]) {
					return i, k, true
				}
			}
		}
		if _, cue := reportingVerbs[t.low]; !t.cap && (cue || auxWords[t.low] || strings.HasSuffix(t.low, "ed") || finiteVerbs[t.low] || gerundTakers[t.low]) {
			if k > i+1 && (!bare || strings.HasSuffix(en.toks[k-1].low, "s") && !en.toks[k-1].cap && en.speakerLike(i, k)) {
				return i, k, true
			}
			break
		}
	}
	return 0, 0, false
}

// whenEndingAt returns where a time expression ending at token i starts
// ("on Friday", "this week", "earlier this month"), or -1.
func (en *engine) whenEndingAt(i, lo int) int {
	for k := max(lo, i-3); k <= i; k++ { // the longest first: "on Friday", not "Friday"
		if _, end := en.parseWhen(k, i+1); end == i+1 {
			return k
		}
	}
	return -1
}

// skipBack steps back over auxiliaries, adverbs and short time phrases
// ("who in 2010 said", "Putin on Friday said") from i.
func (en *engine) skipBack(i, lo int) int {
	for i >= lo {
		t := &en.toks[i]
		if t.kind == tWord && t.q < 0 && i-1 >= lo && isYear(t.low) && en.toks[i-1].low == "in" {
			i -= 2 // "who in 2010 said"
			continue
		}
		if k := en.whenEndingAt(i, lo); k >= 0 {
			i = k - 1 // "Putin on Friday said", "Cruz this week said"
			if i > lo && en.toks[i].q < 0 && participleModifier(&en.toks[i]) && en.toks[i-1].kind == tWord && !auxWords[en.toks[i-1].low] {
				i-- // "a report released last year found": the participle modifies the subject
			}
			continue
		}
		// "Some Democrats, however, question ...": a parenthetical
		// sentence adverb between commas.
		if t.low == "," && t.q < 0 && i-2 >= lo && en.toks[i-2].low == "," && sentenceAdverbs[en.toks[i-1].low] {
			i -= 3
			continue
		}
		if t.q < 0 && t.kind == tWord && (strings.HasSuffix(t.low, "n't") || strings.HasSuffix(t.low, "n’t")) {
			i-- // "they wouldn't tell", "Don't blame"
			continue
		}
		if t.q >= 0 || t.kind != tWord || t.cap {
			return i
		}
		if n := en.raisingBefore(i); n > 0 && i-n >= lo {
			i -= n // "he appeared to suggest", "went on to say"
			continue
		}
		if t.low == "since" && i-1 >= lo && (en.toks[i-1].low == "has" || en.toks[i-1].low == "have" || en.toks[i-1].low == "had") {
			i-- // "Trump has since said": an adverb
			continue
		}
		if auxWords[t.low] || sentenceAdverbs[t.low] || t.low == "perhaps" || t.low == "maybe" || t.low == "'s" && i+1 < len(en.toks) && strings.HasSuffix(en.toks[i+1].low, "ing") || en.pronounHas(i) || en.lyAdverb(i, lo) || t.low == "long" && i-1 >= lo && (en.toks[i-1].low == "has" || en.toks[i-1].low == "have" || en.toks[i-1].low == "had") {
			i--
			continue
		}
		return i
	}
	return i
}

// pronounHas: the "'s" at i is "has" after a personal pronoun ("she's
// called for", "he's argued"), not a possessive ("it's called X" is a
// passive and stays out).
func (en *engine) pronounHas(i int) bool {
	if i < 1 || en.toks[i].low != "'s" {
		return false
	}
	w := en.toks[i-1].low
	return w == "he" || w == "she" || w == "who"
}

// lyAdverb: the word at i is an adverb in -ly ("repeatedly said"), not a
// noun that happens to end so ("the family said", "his allies say").
func (en *engine) lyAdverb(i, lo int) bool {
	w := en.toks[i].low
	if len(w) <= 4 || !strings.HasSuffix(w, "ly") || lyNouns[w] {
		return false
	}
	if i-1 >= lo {
		if p := en.toks[i-1].low; articles[p] || determiners[p] || p == "'s" {
			return false
		}
	}
	return true
}

// lyNouns end in -ly but are nouns.
var lyNouns = setOf("family rally ally assembly supply july italy monopoly anomaly bully reply")

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
	if k-1 > lo && en.personMentionEndsAt(k-1) {
		// "A spokesman for Collins, Evan Park, said": a named apposition
		// after a description whose last name is a preposition's object
		// speaks.
		m := en.reg.mentions[en.reg.mentionAt[k-1]-1]
		if c := m.s - 1; c-1 > lo && en.toks[c].low == "," && en.personMentionEndsAt(c-1) {
			pm := en.reg.mentions[en.reg.mentionAt[c-1]-1]
			if p := en.prepBefore(pm.s, lo); p > lo && (roleHeads[en.toks[p-1].low] || speakerNouns[en.toks[p-1].low]) {
				return m.s, m.e, true
			}
		}
	}
	fs, fe := -1, -1
	os, oe := -1, -1 // the nearest that opens an apposition
	for c := k - 1; c > lo; c-- {
		t := &en.toks[c]
		if t.q >= 0 || t.kind == tMark {
			break
		}
		if t.low != "," && !longDash(t.low) {
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
		if !pro && !en.personMentionEndsAt(p) && !en.relativeAntecedent(c, p, st.a) && !en.orgApposition(c, p) && !en.listApposition(c, p, st.a) && !en.openingApposition(c, p, st.a) {
			continue
		}
		ns, ok := en.npBack(p, st.a)
		if !ok {
			continue
		}
		if n := en.toks[c+1].low; appositionOpeners[n] || n[0] >= '0' && n[0] <= '9' {
			// "Ann Lee, 62, of Dayton, Ohio, who ...": the apposition
			// that opens right after the sentence's first noun phrase
			// wins over a place name inside it.
			if ns == st.a {
				return ns, p + 1, true
			}
			if os < 0 {
				os, oe = ns, p+1
			}
			continue
		}
		if fs < 0 {
			fs, fe = ns, p+1
		}
	}
	if os >= 0 {
		return os, oe, true
	}
	if fs >= 0 {
		return fs, fe, true
	}
	// "The state's campaign chairman, Phil Lovas, said": the name is the
	// apposition.
	// "Her editor, Tom Reyes of Harbor Books, said": the name with its
	// organisation (whatever kind the organisation's name seemed).
	if k-1 >= st.a && en.reg.mentionAt[k-1] > 0 {
		m := en.reg.mentions[en.reg.mentionAt[k-1]-1]
		if w := en.toks[max(m.s-1, 0)].low; m.e == k && m.s-2 > st.a && (w == "of" || w == "at") && en.personMentionEndsAt(m.s-2) {
			p := en.reg.mentions[en.reg.mentionAt[m.s-2]-1]
			if p.s-1 > st.a && en.toks[p.s-1].low == "," {
				return p.s, m.e, true
			}
		}
	}
	if k-1 >= st.a && en.personMentionEndsAt(k-1) {
		m := en.reg.mentions[en.reg.mentionAt[k-1]-1]
		return m.s, m.e, true
	}
	return 0, 0, false
}

// openingApposition: "Smith, 62, said", "The report, released Tuesday,
// found": the sentence's first noun phrase, one that can speak, before an
// apposition that opens with an age, a determiner or a participle.
func (en *engine) openingApposition(c, p, lo int) bool {
	ns, ok := en.npBack(p, lo)
	if !ok || !en.speakerLike(ns, p+1) || en.finiteIn(ns, p+1) {
		return false
	}
	if ns != lo && !en.closesQuote(ns-1) {
		return false // not the first noun phrase, nor the one after “Q,”
	}
	if w := en.toks[ns].low; ns == p && (strings.HasSuffix(w, "ly") || connectives[w] || discourseOpeners[w]) {
		return false // "Conversely, a majority ...": a sentence adverb
	}
	n := &en.toks[c+1]
	if (auxWords[n.low] || strings.HasSuffix(n.low, "ly")) && n.q < 0 && c+2 < len(en.toks) && participleModifier(&en.toks[c+2]) {
		n = &en.toks[c+2] // "The memo, first reported by CNN, warns"
	}
	// "The president, in a rare interview, acknowledged": a setting;
	// "Zoghlin, Carlineo's attorney, told": a possessive.
	if n.cap && n.q < 0 && c+2 < len(en.toks) && en.toks[c+2].low == "'s" {
		return true
	}
	return appositionOpeners[n.low] || n.low[0] >= '0' && n.low[0] <= '9' || participleModifier(n) || prepositions[n.low] && n.q < 0 ||
		n.kind == tWord && !n.cap && n.q < 0 && len(n.low) > 5 && strings.HasSuffix(n.low, "ing") // "The minister, speaking at a news conference, said"
}

// listApposition: "Other major unions, including the AFL-CIO, have
// endorsed": the sentence's first noun phrase before a list that
// illustrates it.
func (en *engine) listApposition(c, p, lo int) bool {
	if n := en.toks[c+1].low; n != "including" && !(n == "such" && c+2 < len(en.toks) && en.toks[c+2].low == "as") {
		return false
	}
	ns, ok := en.npBack(p, lo)
	// The first noun phrase, or the first after an opening phrase ("One
	// after another, mining companies, including Patriot, declared ...").
	return ok && (ns == lo || ns-1 > lo && en.toks[ns-1].low == "," && en.openingPhrase(lo, ns-1))
}

// openingPhrase: [lo, c) is a short phrase without a verb that opens the
// sentence before the comma at c ("One after another", "In 2015").
func (en *engine) openingPhrase(lo, c int) bool {
	if c-lo > 6 {
		return false
	}
	for k := lo; k < c; k++ {
		if t := &en.toks[k]; t.q >= 0 || t.kind != tWord || en.verbAt(k) {
			return false
		}
	}
	return true
}

// relativeAntecedent: "The agency, which oversees X, said": a noun
// phrase opening the sentence (or its clause) with a determiner is the
// antecedent of the relative clause after the comma at c.
func (en *engine) relativeAntecedent(c, p, lo int) bool {
	if n := en.toks[c+1].low; n != "which" && n != "who" {
		return false
	}
	ns, ok := en.npBack(p, lo)
	if !ok || ns >= p+1 {
		return false
	}
	return (ns == lo || clauseOpeners[en.toks[ns-1].low] || en.toks[ns-1].low == ",") && (determiners[en.toks[ns].low] || en.toks[ns].cap)
}

// orgApposition: "United States Citizenship and Immigration Services, the
// agency that oversees the program, said": an organisation's or a
// country's name before an apposition that opens with an article or a
// possessive.
func (en *engine) orgApposition(c, p int) bool {
	// (Or a possessive: "China, Pyongyang's only ally, said", "China, its
	// only ally, said".)
	if n := en.toks[c+1].low; n != "the" && n != "a" && n != "an" && n != "its" && n != "their" && !(en.toks[c+1].cap && c+2 < len(en.toks) && en.toks[c+2].low == "'s") {
		return false
	}
	m := en.reg.mentionAt[p]
	if m == 0 {
		return false
	}
	mn := en.reg.mentions[m-1]
	return mn.e == p+1 && mn.ent >= 0 && (en.reg.ents[mn.ent].kind == Organization || en.reg.ents[mn.ent].kind == Country)
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
	if (strings.HasSuffix(t.low, "ed") || irregularParticiples[t.low]) && !t.cap && i+1 < b && en.toks[i+1].low == "by" {
		return true // "says the letter signed by seven physicians"
	}
	return endPreps[t.low] || t.low == "who" || t.low == "whose"
}

// endPreps may follow an inverted speaker ("said Mulgrew in an interview").
var endPreps = setOf("in on at during after before from while when last this earlier later yesterday today tonight monday tuesday wednesday thursday friday saturday sunday via to")

// articles and possessives make the next word a noun ("the report").
var articles = setOf("the a an his her their its our my your this these those another every each")

var prepositions = setOf("in on at by with from into about over under during against between without through per via of for after before")

var connectives = setOf("but and so yet then however meanwhile also still now or nor thus instead indeed")

// nounToo are cue forms that end a noun phrase as nouns more often than
// they start a verb phrase after one ("told a morning show that").
var nounToo = setOf("show shows")

// npBack collects the noun phrase ending at token k, scanning backwards.
func (en *engine) npBack(k, lo int) (int, bool) {
	t := &en.toks[k]
	if t.low == "." && k > lo && en.isAbbrev(k-1) && t.s == en.toks[k-1].e && en.toks[k-1].cap {
		// "Acme Corp. said": the period belongs to the name.
		if s, ok := en.npBack(k-1, lo); ok {
			return s, true
		}
		return 0, false
	}
	if t.kind != tWord || t.q >= 0 {
		return 0, false
	}
	if objectPronouns[t.low] && k-3 >= lo && en.postAdjective(k-1) {
		// "Those close to him say": the pronoun ends a post-modifier.
		k -= 3
		t = &en.toks[k]
	}
	if objectPronouns[t.low] || notSubjects[t.low] {
		return 0, false // "please ask", "Now tell me": no subject here
	}
	if _, ok := pronouns[t.low]; ok {
		return k, true
	}
	if (t.low == "whom" || t.low == "which") && k-2 >= lo && en.toks[k-1].low == "of" && relQuantifiers[en.toks[k-2].low] {
		// "family members, many of whom say ...": a part of the
		// antecedent speaks.
		return k - 2, true
	}
	if t.low == "which" && k-1 > lo && (en.toks[k-1].low == "," || isDash(en.toks[k-1].low)) || (t.low == "which" || t.low == "that") && k > lo && en.toks[k-1].kind == tWord && en.toks[k-1].q < 0 && en.toks[k-1].low != "," {
		// "the Saudi government, which has denied ...", "the study --
		// which notes ...": a relative subject after its antecedent and
		// a comma or a dash.
		if en.toks[k-1].low == "," || isDash(en.toks[k-1].low) {
			return k, true
		}
		// "the police department which reported ...", "a letter from
		// his doctor that says ...": a relative subject after a noun.
		p := en.toks[k-1].low
		if _, cue := reportingVerbs[p]; !cue && !auxWords[p] && !clauseStops[p] && !strings.HasSuffix(p, "ed") {
			return k, true
		}
	}
	if clauseStops[t.low] || !t.cap && (strings.HasSuffix(t.low, "ing") && !en.ingNoun(k, lo) || auxWords[t.low] || articles[t.low]) {
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
			if (t.low == "." && j > lo && en.isAbbrev(j-1)) || t.low == "&" || t.low == "/" && j > lo && j < k && en.toks[j-1].kind == tWord && en.toks[j+1].kind == tWord {
				j-- // ("AT&T", "the USC Dornsife/Los Angeles Times poll")
				continue
			}
			if (t.low == "'" || t.low == "’") && j > lo && j < k && t.s == en.toks[j-1].e && strings.HasSuffix(en.toks[j-1].low, "s") && en.toks[j-1].kind == tWord {
				j-- // "Patients' groups": a plural possessive
				continue
			}
			if t.low == ")" {
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
			if _, ok := reportingVerbs[w]; ok && !t.cap && !(en.toks[j+1].low == "by" && (speakerNouns[strings.TrimSuffix(w, "s")] || surveyNouns[w])) {
				break // (but "a report by the agency": a noun)
			}
			if auxWords[w] && !t.cap || causatives[w] {
				break // ("may not let editorials tell them": the editorials)
			}
			if clauseStops[w] {
				keep := (w == "of" || w == "for" || w == "and" || w == "at") && j > lo && j+1 <= k
				if w == "by" && j > lo && j+1 <= k {
					// "A recent report by the agency found": a document's
					// author stays in its phrase; so does the one who
					// polled a group ("Economists surveyed by Dow Jones").
					pw := strings.TrimSuffix(en.toks[j-1].low, "s")
					keep = en.toks[j-1].q < 0 && (speakerNouns[pw] || surveyNouns[en.toks[j-1].low] || pw == "analysi" || pw == "analysis" || pollVerbs[en.toks[j-1].low] && j-2 >= lo && en.toks[j-2].kind == tWord)
					if keep && pollVerbs[en.toks[j-1].low] {
						j-- // step over the participle too
						n++
					}
				}
				if (w == "in" || w == "on" || w == "from") && j > lo && j+1 <= k {
					// "supporters in Congress", "officials from both parties"
					pw := &en.toks[j-1]
					_, isVerb := reportingVerbs[pw.low]
					keep = pw.kind == tWord && pw.q < 0 && !isVerb && !auxWords[pw.low] && !clauseStops[pw.low] &&
						!strings.HasSuffix(pw.low, "ed") && (!determiners[pw.low] || pw.low == "those" || pw.low == "these") // ("Those in favor of punishment")
				}
				if !keep {
					break
				}
				if w == "and" && !(en.toks[j+1].cap && en.toks[j-1].cap) && !(en.toks[j-1].cap && (possessives[en.toks[j+1].low] || determiners[en.toks[j+1].low] || npPreps[en.toks[j+1].low])) {
					break // (but "Paganini and his team", "Smith and other researchers")
				}
			}
		}
		n++
		if determiners[w] && j == k && j > lo && en.toks[j-1].low == "of" {
			// "the mother of three said": a number heading an of-phrase.
			j--
			continue
		}
		if w == "one" && j == k && j > lo && en.toks[j-1].low == "no" {
			j -= 2 // "No one said"
			break
		}
		if (w == "'s" || w == "’s") && n < 7 && j-1 > lo && en.toks[j-1].cap {
			// "people familiar with Beijing's thinking": a possessive
			// name inside the post-modifier, as a determiner would be.
			ns := j - 1
			for ns-1 > lo && ns > j-3 && en.toks[ns-1].cap && en.toks[ns-1].kind == tWord {
				ns--
			}
			if ns-3 >= lo && en.postAdjective(ns-1) {
				j = ns - 3
				continue
			}
		}
		if determiners[w] && !t.cap && j-2 >= lo && en.toks[j-1].low == "and" && en.toks[j-2].cap && en.toks[j-2].kind == tWord && en.toks[j-2].q < 0 {
			j -= 2 // "Paganini and his team", "Smith and other researchers"
			continue
		}
		if determiners[w] && !t.cap || determiners[w] && j == lo {
			// "a narrator in the Clinton ad", "the head of the agency".
			if j-3 >= lo && n < 7 && en.postAdjective(j-1) {
				j -= 3 // "sources close to the campaign"
				continue
			}
			if j-2 >= lo && n < 7 && en.toks[j-1].low == "by" && en.toks[j-2].q < 0 && (speakerNouns[strings.TrimSuffix(en.toks[j-2].low, "s")] || surveyNouns[en.toks[j-2].low] || en.toks[j-2].low == "analysis") {
				j -= 2 // "A recent report by the agency found": the document's author
				continue
			}
			if j-3 >= lo && n < 7 && npPreps[en.toks[j-1].low] && en.toks[j-2].low == "and" && en.toks[j-3].cap && en.toks[j-3].kind == tWord && en.toks[j-3].q < 0 {
				j -= 2 // "observers in Virginia and around the country": a second place
				continue
			}
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
	if !ok && k-s < 6 && (s == lo || en.toks[s-1].low == "," || clauseOpeners[en.toks[s-1].low] || en.toks[s-1].low == "which" || en.toks[s-1].low == "whom" || en.openingWith(s-1, lo)) {
		// "Although ..., elected officials from both parties say": a bare
		// plural opening its clause (or a relative one: "the test, which
		// local news outlets claimed ...").
		ok = true
	}
	if f.cap && connectives[f.low] && s < k {
		// "But Shelby said": drop the sentence connective.
		s++
	}
	if ok && !f.cap && s-1 > lo && en.toks[s-1].low == "to" && en.toks[s-1].q < 0 && (en.toks[s-2].low == "not" || en.toks[s-2].low == "never") && !determiners[f.low] && !articles[f.low] {
		// "Trump's decision not to come clean raises questions": a verb
		// phrase of an infinitive, no speaker.
		if _, pro := pronouns[f.low]; !pro {
			ok = false
		}
	}
	return s, ok
}

// ingNoun: the -ing word at k heads a noun phrase after an article or a
// possessive ("the ruling said", "China's thinking").
func (en *engine) ingNoun(k, lo int) bool {
	if k-1 < lo {
		return false
	}
	p := en.toks[k-1].low
	return articles[p] || p == "'s" || p == "’s" || possessives[p] && p != "her"
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
			if t.low == "." && en.isAbbrev(j-1) && j+1 < b && t.s == en.toks[j-1].e {
				j++
				if en.toks[j].cap {
					continue // "the U.S. Senate"
				}
				break // "told the I.R.S. nothing": the period ends the abbreviation
			}
			if t.low == "/" && j > i && j+1 < b && en.toks[j+1].kind == tWord && en.toks[j+1].q < 0 {
				j++ // "9/11 widow Terry Strada", "AFL/CIO"
				continue
			}
			break
		}
		if j > i && !t.cap {
			if t.low == "that" || t.low == "who" || t.low == "which" || trailPreps[t.low] && t.low != "of" {
				break
			}
			if p := en.toks[j-1].low; (articles[t.low] || phraseOpeners[t.low]) && en.toks[j-1].kind == tWord && !preArticle[p] && !prepositions[p] && !conjunctions[p] && !articles[p] && !determiners[p] {
				// "told Macron the war would go on", "told reporters the
				// plan was dead": an article after a noun opens a new
				// phrase (but "all the", "such a").
				break
			}
			// "told regulators he would pay", "told voters their taxes
			// ...": a subject pronoun or a possessive opens the next clause.
			if subjectOpeners[t.low] {
				break
			}
			if vi, ok := reportingVerbs[t.low]; ok && !vi.weak && !determiners[en.toks[j-1].low] && !nounToo[t.low] {
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

// phraseOpeners are determiners that, like an article, open a new noun
// phrase after a noun ("told lawmakers no evidence supports it", "told
// reporters his plan").
var phraseOpeners = setOf("no every each some this these those his her their its our my your another any several few most")

// preArticle words come before an article inside one noun phrase.
var preArticle = setOf("all both half such quite many what rather twice")

// conjunctions join two phrases into one ("the mayor and the governor").
var conjunctions = setOf("and or nor & plus versus vs vs.")

// postAdjective: token p is the preposition of an adjective that
// post-modifies a noun ("close to", "loyal to", "familiar with").
func (en *engine) postAdjective(p int) bool {
	if p < 1 || en.toks[p].q >= 0 || en.toks[p-1].q >= 0 {
		return false
	}
	switch en.toks[p].low {
	case "to", "with":
		return postAdjectives[en.toks[p-1].low]
	}
	return false
}

var postAdjectives = setOf("close closest loyal familiar allied aligned sympathetic friendly connected linked opposed near")

// notSubjects end no subject noun phrase: interjections, and adverbs or
// imperatives that open a sentence ("Now tell me", "Perhaps ask").
// pollVerbs are participles of asking a group ("economists surveyed by
// Reuters", "voters polled by Gallup").
var pollVerbs = setOf("surveyed polled interviewed questioned contacted consulted")

// causatives take an object and a bare verb ("let editorials tell them"):
// the object is the verb's subject, and the causative stays out of it.
var causatives = setOf("let lets letting")

var notSubjects = setOf("please yes no okay ok oh perhaps maybe now then here there get let just so well")

// relQuantifiers open "many of whom", "some of which".
var relQuantifiers = setOf("many most some all several both none each one few two three half")

// subjectOpeners never continue a noun phrase: they start a clause.
var subjectOpeners = setOf("he she they we it i his their its our my your")

// addresseeComplement: what follows an object at e makes it the
// addressee: a that-clause, an infinitive, a quotation, a topic phrase.
func (en *engine) addresseeComplement(e, b int) bool {
	if e >= b {
		return false
	}
	t := &en.toks[e]
	if t.kind == tMark || t.q >= 0 {
		return true
	}
	switch t.low {
	case "that", "to", "about", "of", "on", "whether", "if", "how", "what", "why", "when", "where", "who", ":", ",", "not", "never", "against", "for":
		return true
	}
	_, end := en.parseWhen(e, b)
	return end > e && en.addresseeComplement(end, b)
}

// toListener reads "wrote to her", "said to reporters": a listener after
// "to" that a clause, a comma, a time or the end follows (not "agreed to
// the deal", "pledged to act").
func (en *engine) toListener(st sentence, ev *eval) {
	i := ev.afterStart
	if !listenerTo[ev.c.vi.lemma] || en.toks[i].low != "to" || en.toks[i].q >= 0 || i+1 >= st.b {
		return
	}
	s, e := en.npForward(i+1, st.b)
	if s >= e || !en.speakerLike(s, e) && !objectPronouns[en.toks[s].low] && en.toks[s].low != "her" {
		return
	}
	if e-s == 1 && en.toks[s].low == "her" && e < st.b && en.toks[e].kind == tWord && !prepositions[en.toks[e].low] && en.toks[e].low != "that" {
		return // "to her family": a possessive
	}
	n := e
	if _, end := en.parseWhen(n, st.b); end > n {
		n = end
	}
	if n < st.b && en.toks[n].low != "that" && en.toks[n].low != "," && en.toks[n].kind != tMark && !(en.toks[n].kind == tPunct && n+1 >= st.b) {
		return
	}
	ev.addrS, ev.addrE = s, e
	ev.afterStart = e
	if n < st.b && en.toks[n].low == "," && !(n+1 < st.b && en.opensQuote(n+1)) {
		// "wrote to her in March, asking whether C": the participle's
		// statement, not the letter's (but "said to reporters, “Q”").
		ev.afterStart = st.b
		if n+1 < st.b && en.isParticipleCue(n+1) {
			ev.afterStart = n // (the participle is reported from here)
		}
	}
}

// listenerTo are verbs of saying whose listener follows "to".
var listenerTo = setOf("say write explain complain admit confess announce declare report mention repeat reply")

// addressee reads the object of tell-like verbs: "told Macron (that)",
// "told his French counterpart, Emmanuel Macron, that".
func (en *engine) addressee(st sentence, ev *eval) {
	if ev.afterStart >= st.b {
		return
	}
	if !ev.c.vi.tell {
		en.toListener(st, ev)
		return
	}
	i := ev.afterStart
	if en.toks[i].low == "," || en.toks[i].kind == tMark || prepositions[en.toks[i].low] && !en.toks[i].cap {
		return // "ask for help": a preposition opens no listener
	}
	s, e := en.npForward(i, st.b)
	if s >= e {
		return
	}
	if relQuantifiers[en.toks[s].low] {
		// "told one of his aides that": the listener is the whole phrase.
		of := -1
		if e == s+2 && en.toks[s+1].low == "of" {
			of = s + 1
		} else if e == s+1 && e+1 < st.b && en.toks[e].low == "of" {
			of = e
		}
		if of > 0 {
			if _, e2 := en.npForward(of+1, st.b); e2 > of+1 {
				e = e2
			}
		}
	}
	// Apposition with a name: ", Emmanuel Macron,".
	if e+2 < st.b && en.toks[e].low == "," && en.toks[e+1].cap && en.toks[e+1].q < 0 {
		_, e2 := en.npForward(e+1, st.b)
		if e2 < st.b && en.toks[e2].low == "," {
			e = e2
		}
	}
	// "told Jane Doe, a reporter for the Times, that": a descriptive
	// apposition after the listener, then the complement.
	appos := -1
	if e+2 < st.b && en.toks[e].low == "," && (articles[en.toks[e+1].low] || determiners[en.toks[e+1].low]) {
		for k := e + 2; k < st.b && k < e+14; k++ {
			u := &en.toks[k]
			if u.q >= 0 || u.kind == tMark {
				break
			}
			if u.low == "," {
				if k+1 < st.b && (en.toks[k+1].low == "that" || en.toks[k+1].low == "to") {
					appos = k + 1
				}
				break
			}
		}
	}
	// "told the thousands of teachers who covered the lawn that C": a
	// relative clause on the listeners, then the that-clause.
	if appos < 0 && e+2 < st.b && en.toks[e].low == "who" && en.toks[e].q < 0 {
		for k := e + 2; k < st.b && k < e+14; k++ {
			u := &en.toks[k]
			if u.q >= 0 || u.kind == tMark || u.kind == tPunct {
				break
			}
			if u.low == "that" && en.finiteIn(e+1, k) || u.low == "that" && en.verbAt(e+1) {
				appos = k
				e = k
				break
			}
		}
	}
	if appos > 0 {
		ev.addrS, ev.addrE = s, e
		ev.afterStart = appos
		return
	}
	// "encouraging the 9/11 attacks", "urged restraint": with nothing
	// after it that the listener is told, the object is the content.
	if ev.c.vi.lemma != "tell" && !en.addresseeComplement(e, st.b) && (en.thatlessClause(e, st.b) != e || e-s > 3) {
		if (e >= st.b || en.toks[e].kind == tPunct && en.toks[e].q < 0 && en.toks[e].low != "-") && en.listenerOnly(s, e) {
			// "in which she advises President Htin Kyaw.", "He asked
			// Clinton.": only a listener, nothing said to them.
			ev.addrS, ev.addrE = s, e
			ev.afterStart = e
		}
		return // ("reminded voters he was the only one": a listener, then the clause)
	}
	if w := en.toks[min(e, st.b-1)].low; e < st.b && (w == "on" || w == "against" || w == "for" || w == "of" || w == "about") && !en.speakerLike(s, e) {
		return // "urged retaliation on Russia": a thing urged, no listener
	}
	ev.addrS, ev.addrE = s, e
	ev.afterStart = e
	// "urged voters to stay home": with an infinitive the object is the
	// subject of the attributed proposition, so the content holds it
	// (PARC/PolNeAR convention); it stays the addressee as well.
	t := e
	if t+1 < st.b && en.toks[t].low == "who" && en.toks[t].q < 0 {
		// "urged residents who had stayed behind to get out": the
		// relative clause belongs to the listeners.
		for k := t + 1; k+1 < st.b && k < t+10; k++ {
			u := &en.toks[k]
			if u.q >= 0 || u.kind != tWord {
				break
			}
			if u.low == "to" && k > t+2 && (en.toks[k+1].kind == tWord && !en.toks[k+1].cap && en.toks[k+1].q < 0 || en.opensQuote(k+1)) {
				ev.addrE = k
				t = k
				break
			}
		}
	}
	if t+1 < st.b && (en.toks[t].low == "never" || en.toks[t].low == "not") {
		t++ // "told his aides never to speak of it"
	}
	if t+1 < st.b && en.toks[t].low == "to" && (en.toks[t+1].kind == tWord && !en.toks[t+1].cap && en.toks[t+1].q < 0 || en.opensQuote(t+1)) {
		ev.afterStart = s
		return
	}
	if e < st.b && en.toks[e].low == "," && e+1 < st.b && en.toks[e+1].low == "that" {
		ev.afterStart = e + 1
	}
}

// noPunctBetween: the tokens in [a, b) are words outside quotations.
func (en *engine) noPunctBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if t := &en.toks[k]; t.kind != tWord || t.q >= 0 {
			return false
		}
	}
	return true
}

// listenerOnly: [s, e) names people, a body or a country, or is an
// object pronoun: someone to be told, not something said ("restraint").
func (en *engine) listenerOnly(s, e int) bool {
	if e == s+1 && (objectPronouns[en.toks[s].low] || en.toks[s].low == "her") {
		return true
	}
	for k := s; k < e; k++ {
		if t := &en.toks[k]; t.q >= 0 || t.kind != tWord && t.low != "." && t.low != "'s" {
			return false
		}
	}
	return en.speakerLike(s, e)
}
