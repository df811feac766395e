package attribute

import (
	"slices"
	"sort"
	"strings"
)

// entity is a person, organisation, country or other speaker of the text.
type entity struct {
	name, role, kind, nat string
	surname               string
	gender                byte // genderMale, genderFemale or genderUnknown
	first                 int  // token of the first mention
	lo, hi                int  // first and last token of its mentions
}

// mention is a name as written, outside quotations.
type mention struct {
	s, e int // token range
	ent  int // -1 for a role description ("Russian FM")
}

// registry indexes the names of one text.
type registry struct {
	en        *engine
	ents      []entity
	mentions  []mention
	mentionAt []int32 // per token: 1 + index of the mention covering it
	byName    map[string]int
	surnames  map[string]int // surname -> person introduced first
	roleIdx   map[string][]mention
	natIdx    map[string][]mention
}

// maxNameTokens bounds a capitalised run: no name or title runs longer,
// and a bound keeps a page of "Mr. A and Mr. B and ..." linear.
const maxNameTokens = 24

// indefinites open a noun phrase for someone the text has not named.
var indefinites = setOf("a an one another some several many two three four")

// monthGivenName: "June Alder", "April Ryan": a month that is also a
// given name, before a capitalised word of the same run and not after a
// word that makes it a date ("in June", "since April").
func (en *engine) monthGivenName(s, j int) bool {
	if w := en.toks[s].low; w != "june" && w != "april" || s+1 >= j {
		return false
	}
	n := &en.toks[s+1]
	if n.kind != tWord || !n.cap || weekdayOrMonth(n.low) {
		return false
	}
	if s > 0 {
		if p := en.toks[s-1].low; prepositions[p] || p == "since" || p == "until" || p == "last" || p == "next" || p == "early" || p == "late" || p == "mid" || p == "this" {
			return false
		}
	}
	return true
}

// dottedTitles are titles only when written with their period: "Del.
// Stacey Plaskett" (a delegate), but "Benicio Del Toro".
var dottedTitles = setOf("del")

var nameConnectors = setOf("de van von bin al da du la le del di der dos bint ibn")

// orgConnectors join the words of organisation names ("Commission on
// Presidential Debates", "Department of Homeland Security").
var orgConnectors = setOf("of on for and")

var nameSuffixes = setOf("jr sr ii iii iv")

// init finds capitalised runs outside quotations, splits off titles and
// nationality adjectives, and registers full names before single words so
// that a surname finds its full name wherever it was introduced.
func (r *registry) init(en *engine) {
	r.en = en
	r.byName = make(map[string]int)
	r.surnames = make(map[string]int)
	r.mentionAt = make([]int32, len(en.toks))
	type run struct {
		s, ns, e int
		heading  bool
	}
	var runs []run
	toks := en.toks
	for seg := range en.segs {
		a, b := en.segTok[seg][0], en.segTok[seg][1]
		for i := a; i < b; i++ {
			t := &toks[i]
			if t.kind != tWord || t.q >= 0 || !t.cap || t.low == "'s" {
				continue
			}
			j := i
			for j < b && j-i < maxNameTokens {
				u := &toks[j]
				if u.q >= 0 {
					break
				}
				if u.kind == tWord && u.cap {
					if j > i && headlineVerb(u.low) {
						break // "Jane Smith Says Museum ...": Title Case, not a name
					}
					j++
					continue
				}
				if u.kind == tPunct && u.low == "." && j > i && en.isAbbrev(j-1) && j+1 < b && toks[j+1].cap && toks[j+1].q < 0 {
					j++
					continue
				}
				if u.kind == tWord && !u.cap && (nameConnectors[u.low] || titleWords[u.low] || orgConnectors[u.low]) && j+1 < b && toks[j+1].cap && toks[j+1].q < 0 && j > i && !weekdayOrMonth(toks[j+1].low) {
					// (but "told CNN on Sunday": a time, no name)
					j++
					continue
				}
				if j > i && u.kind == tWord && !u.cap && (orgWords[u.low] || roleHeads[u.low] || titleWords[u.low]) {
					if k := en.lowerTitle(j, b); k > j {
						j = k // "Foreign ministry spokesman Lin Jian": a title of lower-case words
						continue
					}
				}
				if u.low == "'s" && j > i && j+1 < b && toks[j+1].cap && toks[j+1].q < 0 && orgWords[toks[j+1].low] {
					j++ // "the U.S. Attorney's Office": a possessive inside an organisation's name
					continue
				}
				break
			}
			s := i
			for s < j && (notNames[toks[s].low] || toks[s].kind == tPunct) && !en.monthGivenName(s, j) {
				s++
			}
			e := j
			for e > s && toks[e-1].kind == tPunct {
				e--
			}
			// "Mike Pence of Indiana": only organisations keep "of" inside.
			for k := s; k < e; k++ {
				if toks[k].low == "of" && k > s && (titleWords[strings.TrimSuffix(toks[k-1].low, ".")] || roleHeads[toks[k-1].low]) {
					continue // "Secretary of State Antony Blinken": a title
				}
				if orgConnectors[toks[k].low] && !toks[k].cap && r.kindOf(s, e) != Organization {
					e = k
					j = k
					break
				}
			}
			if s < e {
				// Title and nationality prefix.
				ns := s
				isOrg := false
				if r.kindOf(s, e) == Organization {
					isOrg = orgWords[toks[e-1].low] || knownCompanyNames[strings.ToLower(strings.TrimPrefix(en.spanText(s, e), "The "))]
					for k := s; k < e && !isOrg; k++ {
						isOrg = orgConnectors[toks[k].low] && !toks[k].cap
					}
				}
				for k := s; k < e-1 && !isOrg; k++ {
					w := strings.TrimSuffix(toks[k].low, ".")
					if toks[k].kind == tPunct && k > s && (titleWords[strings.TrimSuffix(toks[k-1].low, ".")] || toks[k].low == "." && dottedTitles[toks[k-1].low]) || titleWords[w] || roleHeads[w] || nationalities[w] != "" || roleAbbrev[w] != "" {
						ns = k + 1
					}
				}
				runs = append(runs, run{s, ns, e, en.segs[seg].where != whereBody})
			}
			i = j
		}
	}
	// Title Case runs a heading's words into the names: "Elizabeth Warren
	// Hammers Wells Fargo CEO". A name the body spells out ends its own
	// run there.
	var known, knownSur map[string]bool
	for _, rn := range runs {
		if rn.heading && rn.e-rn.s >= 2 {
			known, knownSur = make(map[string]bool), make(map[string]bool)
			break
		}
	}
	for _, rn := range runs {
		if known != nil && !rn.heading && rn.e-rn.ns >= 2 && r.kindOf(rn.ns, rn.e) == Person {
			known[strings.ToLower(en.spanText(rn.ns, rn.e))] = true
			knownSur[en.toks[rn.e-1].low] = true
		}
	}
	if len(known) > 0 {
		split := make([]run, 0, len(runs)+8)
		for _, rn := range runs {
			if rn.heading && rn.e-rn.ns == 2 && knownSur[en.toks[rn.e-1].low] && !known[strings.ToLower(en.spanText(rn.ns, rn.e))] && givenNames[en.toks[rn.ns].low] == 0 {
				// "Unpredictable Sondland Faces ...": a Title Case word
				// before the surname of a person the body names.
				split = append(split, run{rn.e - 1, rn.e - 1, rn.e, true})
				continue
			}
			if !rn.heading || rn.e-rn.s < 3 {
				split = append(split, rn)
				continue
			}
			from := rn.s
			for k := rn.s; k < rn.e; k++ {
				for m := min(rn.e, k+4); m >= k+2; m-- {
					if (k > rn.s || m < rn.e) && known[strings.ToLower(en.spanText(k, m))] {
						if from < k {
							split = append(split, run{from, max(from, min(rn.ns, k)), k, true})
						}
						split = append(split, run{k, k, m, true})
						from, k = m, m-1
						break
					}
				}
			}
			if from < rn.e {
				split = append(split, run{from, max(from, min(rn.ns, rn.e)), rn.e, true})
			}
		}
		runs = split
	}
	// Full names first.
	single := make([]run, 0, len(runs))
	for _, rn := range runs {
		if rn.e-rn.ns >= 2 {
			name := en.spanText(rn.ns, rn.e)
			kind := r.kindOf(rn.ns, rn.e)
			// A person's name has at most four words (five with a suffix);
			// longer runs come from Title Case headlines.
			if kind == Person && (!isPersonName(en, rn.ns, rn.e) || rn.e-rn.ns > 5 || rn.e-rn.ns == 5 && !nameSuffixes[strings.TrimSuffix(en.toks[rn.e-1].low, ".")]) {
				kind = Other
			}
			id := r.add(name, kind, rn.s, rn.ns, rn.e)
			r.addMention(rn.s, rn.e, id)
			continue
		}
		single = append(single, rn)
	}
	for _, rn := range single {
		w := en.toks[rn.ns].low
		if rn.ns > rn.s && isRoleOnly(en, rn.ns, rn.e) || rn.e-rn.s == 1 && nationalities[w] != "" {
			// "Russian FM", "Syrian officials": a description, resolved
			// when used.
			r.addMention(rn.s, rn.e, -1)
			continue
		}
		if id, ok := r.bySurname(w); ok {
			if r.ents[id].role == "" && rn.ns > rn.s {
				r.ents[id].role = en.spanText(rn.s, rn.ns)
			}
			r.addMention(rn.s, rn.e, id)
			continue
		}
		if rn.e-rn.s == 1 && roleHeads[strings.TrimSuffix(w, ".")] {
			// "Mayor Vows to Fight Cuts": a title alone is a description
			// of someone the text names, resolved when used.
			r.addMention(rn.s, rn.e, -1)
			continue
		}
		kind := r.kindOf(rn.ns, rn.e)
		if kind == Other && rn.ns > rn.s {
			kind = Person
		}
		name := en.spanText(rn.ns, rn.e)
		if m, ok := metonyms[w]; ok {
			name = m
		}
		id := r.add(name, kind, rn.s, rn.ns, rn.e)
		r.addMention(rn.s, rn.e, id)
	}
	// Mentions in text order: lookups search them by position.
	sort.SliceStable(r.mentions, func(a, b int) bool { return r.mentions[a].s < r.mentions[b].s })
	for i, m := range r.mentions {
		for k := m.s; k < m.e; k++ {
			r.mentionAt[k] = int32(i + 1)
		}
	}
	r.appositionRoles()
	r.genders()
}

// appositionRoles gives people without a title the role an apposition
// states: "Kevin McKinley, a financial adviser," and "his French
// counterpart, Emmanuel Macron" (a counterpart takes the title of the
// sentence's first titled person: Russian President -> French President).
func (r *registry) appositionRoles() {
	en := r.en
	toks := en.toks
	var bare [][2]int // entity, and the span of a bare role before a mention
	defer func() {
		for _, br := range bare {
			if e := &r.ents[br[0]]; e.role == "" {
				e.role = en.spanText(br[1]>>32, br[1]&(1<<32-1))
			}
		}
	}()
	for mi, m := range r.mentions {
		// (An honorific alone, "Dr.", gives way to an apposition: "Dr.
		// Ana Ruiz, a neurologist at Mount Sinai".)
		if m.ent < 0 || r.ents[m.ent].role != "" && !honorificRole(r.ents[m.ent].role) {
			continue
		}
		if k := r.ents[m.ent].kind; k != Person && !(k == Other && m.e-m.s == 1) {
			continue
		}
		// After: ", Panama's climate envoy,": a possessive names whose role.
		if m.e+4 < len(toks) && toks[m.e].low == "," && toks[m.e+1].cap && toks[m.e+1].q < 0 && r.ents[m.ent].kind == Person {
			o := m.e + 1
			for o < len(toks) && o < m.e+4 && toks[o].cap && toks[o].kind == tWord {
				o++
			}
			if o < len(toks) && toks[o].low == "'s" {
				end := o + 1
				for end < len(toks) && end < o+7 && toks[end].kind == tWord && toks[end].q < 0 && !toks[end].cap {
					end++
				}
				// The role's head may come before an of-phrase ("Google's
				// vice president of global ads").
				head := false
				for x := o + 1; x < end && !head; x++ {
					head = roleHeads[toks[x].low] && (x == end-1 || toks[x+1].low == "of" || toks[x+1].low == "for")
				}
				if end > o+1 && head {
					r.ents[m.ent].role = en.spanText(m.e+1, end)
					continue
				}
			}
		}
		// After: ", a financial adviser in Eau Claire,".
		if m.e+2 < len(toks) && toks[m.e].low == "," && articles[toks[m.e+1].low] {
			end := m.e + 2
			for end < len(toks) && end < m.e+10 && toks[end].kind == tWord && toks[end].q < 0 && (!toks[end].cap || nationalities[toks[end].low] != "") {
				end++
			}
			if p := toks[end-1].low; end > m.e+2 && prepositions[p] || end > m.e+4 && (articles[p] || nationalities[p] != "") && (prepositions[toks[end-2].low] || articles[toks[end-2].low]) {
				// "an analyst at Wedbush Securities", "the executive
				// director of the Voter Access Project", "president of
				// the Federal Reserve Bank of New York", "president of the
				// American Farm Bureau": the organisation completes the
				// role.
				for end < len(toks) && end < m.e+16 && toks[end].kind == tWord && toks[end].q < 0 && (toks[end].cap || toks[end].low == "of" && end+1 < len(toks) && toks[end+1].cap && toks[end-1].cap) {
					end++
				}
			}
			// The head ends the phrase or comes before its first
			// preposition: "a spokeswoman for the union".
			he := end
			for k := m.e + 2; k < end; k++ {
				if prepositions[toks[k].low] || k > m.e+2 && participleModifier(&toks[k]) {
					he = k // "a firm based in Ohio"
					break
				}
			}
			if head := toks[he-1].low; he > m.e+2 && roleHeads[head] {
				// "Obama, a former senator,": a person, with that role.
				r.ents[m.ent].kind = Person
				r.ents[m.ent].role = en.spanText(m.e+2, end)
				continue
			} else if he > m.e+2 && (orgWords[head] || orgWords[strings.TrimSuffix(head, "s")] || orgApposHeads[head]) && m.e-m.s == 1 {
				// "Maersk, the Danish shipping company,": a one-word
				// name that an organisation noun describes.
				r.ents[m.ent].kind = Organization
				continue
			}
		}
		if r.ents[m.ent].kind != Person {
			continue
		}
		// Before, with no comma: "“Q,” press secretary Karine
		// Jean-Pierre told reporters": lower-case words ending in a role,
		// kept only if no apposition gives one (see bareRoles).
		if p := m.s - 1; p >= 0 && toks[p].kind == tWord && !toks[p].cap && toks[p].q < 0 && roleHeads[toks[p].low] {
			b := p
			for b > 0 && b > p-2 {
				t := &toks[b-1]
				if t.kind != tWord || t.cap || t.q >= 0 || articles[t.low] || determiners[t.low] || prepositions[t.low] || auxWords[t.low] || clauseStops[t.low] || conjunctions[t.low] || en.verbAt(b-1) {
					break
				}
				if _, pro := pronouns[t.low]; pro {
					break
				}
				if t.low == "'s" {
					if b-2 >= 0 && toks[b-2].cap && toks[b-2].kind == tWord {
						b -= 2 // "Amazon's billionaire founder"
					}
					break
				}
				b--
			}
			bare = append(bare, [2]int{m.ent, b<<32 | m.s})
			continue
		}
		// Before: "his French counterpart, Emmanuel Macron".
		if m.s >= 3 && toks[m.s-1].low == "," && roleHeads[toks[m.s-2].low] && toks[m.s-2].q < 0 {
			b := m.s - 2
			for b > 0 && b > m.s-6 && toks[b-1].kind == tWord && toks[b-1].q < 0 && !articles[toks[b-1].low] {
				b--
			}
			nat := r.natOf(b, m.s-1)
			role := en.spanText(b, m.s-1)
			if toks[m.s-2].low == "counterpart" {
				role = ""
				// The title of the person named earlier in the sentence.
				for k := mi - 1; k >= 0 && k >= mi-4; k-- {
					o := r.mentions[k]
					if o.ent >= 0 && o.ent != m.ent && r.ents[o.ent].role != "" {
						words := strings.Fields(r.ents[o.ent].role)
						if len(words) > 1 && nationalities[strings.ToLower(words[0])] != "" {
							words = words[1:]
						}
						role = strings.Join(words, " ")
						if nat != "" {
							role = en.spanText(b, b+1) + " " + role
							if nationalities[toks[b].low] == "" {
								role = strings.Join(words, " ")
							}
						}
						break
					}
				}
				if role == "" {
					continue
				}
			}
			r.ents[m.ent].role = role
			if r.ents[m.ent].nat == "" {
				r.ents[m.ent].nat = nat
			}
		}
	}
}

// honorificRole: the role is only a courtesy title ("Dr.", "Mr.").
func honorificRole(role string) bool {
	w := strings.ToLower(strings.TrimSuffix(role, "."))
	return w == "dr" || w == "mr" || w == "mrs" || w == "ms" || w == "prof"
}

// orgApposHeads head an apposition that describes an organisation, beyond
// orgWords.
var orgApposHeads = setOf("carrier maker manufacturer retailer producer developer operator insurer lender chain publisher broadcaster brand startup conglomerate giant supplier distributor provider nonprofit charity")

func isRoleOnly(en *engine, s, e int) bool {
	for k := s; k < e; k++ {
		w := strings.TrimSuffix(en.toks[k].low, ".")
		if roleAbbrev[w] == "" && !titleWords[w] && !roleHeads[w] {
			return false
		}
	}
	return true
}

// headlineVerb: an inflected verb of saying ("says", "tells", "warned")
// that ends a capitalised run in a Title Case heading.
func headlineVerb(w string) bool {
	vi, ok := reportingVerbs[w]
	if !ok || vi.weak {
		return false
	}
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || w == "said" || w == "told"
}

// isPersonName: two or more name words none of which is a common
// capitalised word.
func isPersonName(en *engine, s, e int) bool {
	for k := s; k < e; k++ {
		if notNames[en.toks[k].low] && !(k == s && en.monthGivenName(k, e)) {
			return false
		}
	}
	return true
}

func (en *engine) spanText(s, e int) string {
	return en.text[en.toks[s].s:en.toks[e-1].e]
}

// lowerTitle returns the end of a run of lower-case organisation and role
// words at j that ends in a title before a capitalised name ("ministry
// spokesman" in "Foreign ministry spokesman Lin Jian"), or j.
func (en *engine) lowerTitle(j, b int) int {
	k := j
	for k < b && k < j+3 {
		t := &en.toks[k]
		if t.kind != tWord || t.cap || t.q >= 0 || !(orgWords[t.low] || roleHeads[t.low] || titleWords[t.low]) {
			break
		}
		k++
	}
	if k == j || k >= b || !en.toks[k].cap || en.toks[k].q >= 0 || en.toks[k].kind != tWord {
		return j
	}
	if w := en.toks[k-1].low; !roleHeads[w] && !titleWords[w] {
		return j
	}
	return k
}

func (r *registry) kindOf(s, e int) string {
	en := r.en
	full := strings.ToLower(en.spanText(s, e))
	if _, ok := metonyms[full]; ok {
		return Organization
	}
	full = strings.TrimPrefix(full, "the ")
	if _, ok := countries[full]; ok {
		return Country
	}
	if usStates[full] || knownPlaces[full] {
		return Other // a place
	}
	if knownCompanies[full] || knownCompanyNames[full] {
		return Organization
	}
	if e+1 < len(en.toks) && en.toks[e].low == "," && (usStates[en.toks[e+1].low] || e+2 < len(en.toks) && usStates[en.toks[e+1].low+" "+en.toks[e+2].low]) {
		return Other // "Fort Pierce, Florida", "Brooklyn, New York": a place
	}
	if e-s == 2 && givenNames[en.toks[s].low] != 0 && en.toks[e-1].cap && metonyms[full] == "" {
		return Person // "Sarah House", "Tom Bank": a given name and a surname
	}
	for k := s; k < e; k++ {
		t := &en.toks[k]
		if orgWords[t.low] || metonyms[t.low] != "" || t.cap && len(t.low) > 4 && orgWords[strings.TrimSuffix(t.low, "s")] {
			return Organization // (a plural: "Centers for Disease Control")
		}
		if len(t.low) >= 2 && isAllCaps(en.text[t.s:t.e]) && roleAbbrev[t.low] == "" && countries[t.low] == "" && !nameSuffixes[t.low] {
			return Organization
		}
	}
	if e-s >= 2 {
		// "U.N. Women", "U.S. Soccer": no person's name is an abbreviated
		// country or the U.N. and one word (but "U.S. Defense Secretary
		// Mark Esper" is titled).
		words := 0
		for k := s; k < e; k++ {
			if en.toks[k].kind == tWord {
				words++
			}
		}
		if f := en.toks[s].low; words == 2 && (f == "u.n." || f == "u.n" || f == "e.u." || strings.IndexByte(f, '.') > 0 && countries[f] != "") {
			return Organization
		}
		return Person
	}
	return Other
}

func isAllCaps(w string) bool {
	if strings.IndexByte(w, '.') >= 0 {
		return false // initials: "G.K."
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// setSurname records the last word of the person's name [ns, e), a
// suffix ("Jr.") aside.
func (r *registry) setSurname(id, ns, e int) {
	k := e - 1
	for k > ns && nameSuffixes[strings.TrimSuffix(r.en.toks[k].low, ".")] {
		k--
	}
	r.ents[id].surname = r.en.toks[k].low
	if _, ok := r.surnames[r.ents[id].surname]; !ok {
		r.surnames[r.ents[id].surname] = id
	}
}

func (r *registry) add(name, kind string, s, ns, e int) int {
	key := strings.ToLower(name)
	if id, ok := r.byName[key]; ok {
		if r.ents[id].role == "" && ns > s {
			r.ents[id].role = r.en.spanText(s, ns)
			r.ents[id].nat = r.natOf(s, ns)
		}
		if r.ents[id].kind == Other && kind == Person {
			// "Obama on Climate Change" in the headline, then "Mr.
			// Obama": the title makes the bare name a person's.
			r.ents[id].kind = Person
			r.setSurname(id, ns, e)
		}
		return id
	}
	ent := entity{name: name, kind: kind, first: s}
	if ns > s {
		ent.role = r.en.spanText(s, ns)
		ent.nat = r.natOf(s, ns)
	}
	r.ents = append(r.ents, ent)
	id := len(r.ents) - 1
	r.byName[key] = id
	if kind == Person {
		r.setSurname(id, ns, e)
	}
	return id
}

func (r *registry) natOf(s, e int) string {
	for k := s; k < e; k++ {
		if c := nationalities[r.en.toks[k].low]; c != "" {
			return c
		}
	}
	return ""
}

func (r *registry) addMention(s, e, id int) {
	r.mentions = append(r.mentions, mention{s, e, id})
	if id >= 0 {
		if ent := &r.ents[id]; ent.hi == 0 {
			ent.lo, ent.hi = s, e
		} else {
			ent.lo, ent.hi = min(ent.lo, s), max(ent.hi, e)
		}
	}
	for k := s; k < e; k++ {
		r.mentionAt[k] = int32(len(r.mentions))
	}
}

// bySurname finds the person introduced first with this surname.
func (r *registry) bySurname(w string) (int, bool) {
	id, ok := r.surnames[w]
	return id, ok
}

// resolve maps a speaker mention (token range) to an entity, or -1.
func (en *engine) resolve(s, e int) int {
	if s < 0 || e <= s {
		return -1
	}
	if e-s == 3 && en.toks[s+1].low == "of" && (en.toks[s+2].low == "whom" || en.toks[s+2].low == "which") {
		// "many of whom": part of the antecedent, named as such.
		return en.literal(s, e)
	}
	if e-s == 1 && !en.acronymAt(s) {
		// (In capitals amid lower case it is an acronym: "according to
		// WHO".)
		switch en.toks[s].low {
		case "he", "him", "his":
			if p := en.framePerson(s, genderMale); p >= 0 {
				return p
			}
			if p := en.openingPossessor(s, genderMale); p >= 0 {
				return p
			}
			if p := en.frontedClausePerson(s, genderMale); p >= 0 {
				return p
			}
			return en.pronounPerson(genderMale)
		case "she", "her":
			if p := en.framePerson(s, genderFemale); p >= 0 {
				return p
			}
			if p := en.openingPossessor(s, genderFemale); p >= 0 {
				return p
			}
			if p := en.frontedClausePerson(s, genderFemale); p >= 0 {
				return p
			}
			return en.pronounPerson(genderFemale)
		case "i", "me", "my":
			// Outside quotation marks "I" is the writer, not the last
			// person named.
			return en.literal(s, e)
		case "it", "its":
			return en.itAntecedent(s)
		case "who":
			// "an architect who said": the common noun phrase right
			// before a restrictive relative.
			if en.restrictiveRelative(s) {
				if ns, ok := en.npBack(s-1, max(0, s-12)); ok && ns < s {
					return en.resolveOrLiteral(ns, s)
				}
			}
			// The nearest name before: "McConnell, now the Senate
			// majority leader, who said".
			for k := s - 1; k >= 0 && k >= s-16; k-- {
				if t := &en.toks[k]; t.kind == tPunct && (t.low == "." && (k == 0 || !en.isAbbrev(k-1)) || t.low == "!" || t.low == "?") {
					break // not past the sentence
				}
				if m := en.reg.mentionAt[k]; m > 0 {
					mn := en.reg.mentions[m-1]
					if mn.ent >= 0 && !en.isPossessor(mn.e) {
						// ("Dan Ives, an analyst at Wedbush Securities, who
						// called": "who" is a person, not the firm.)
						p := en.prepBefore(mn.s, max(0, mn.s-5))
						if kind := en.reg.ents[mn.ent].kind; p > 0 && (kind == Organization || kind == Country ||
							(en.toks[p].low == "at" || en.toks[p].low == "for" || en.toks[p].low == "from") && roleHeads[en.toks[p-1].low]) {
							// ("criticism from lawmakers in the European
							// Parliament, who accused": a plural of common
							// nouns, not an apposition, is the antecedent.)
							if h := &en.toks[p-1]; h.kind == tWord && !h.cap && h.q < 0 && len(h.low) > 3 && strings.HasSuffix(h.low, "s") && !strings.HasSuffix(h.low, "ss") && en.reg.mentionAt[p-1] == 0 {
								ns := p - 1
								if ns > 0 && (articles[en.toks[ns-1].low] || determiners[en.toks[ns-1].low]) {
									ns--
								}
								if ns > 0 && en.toks[ns-1].low != "," && mn.e == s-1 {
									return en.literal(ns, mn.e)
								}
							}
							k = mn.s
							continue
						}
						return mn.ent
					}
				}
			}
			// "The club's owner, who asked": no name, so the phrase
			// before the comma.
			if s-2 >= 0 && en.toks[s-1].low == "," {
				if ns, ok := en.npBack(s-2, max(0, s-12)); ok && ns < s-1 && en.speakerLike(ns, s-1) {
					return en.resolveOrLiteral(ns, s-1)
				}
				// "a focal point for demonstrators, who called": the
				// people that head the phrase's last prepositional object.
				if h := &en.toks[s-2]; h.kind == tWord && !h.cap && h.q < 0 && en.speakerLike(s-2, s-1) {
					return en.literal(s-2, s-1)
				}
			}
			return -1
		case "which", "that":
			// "the police department which reported": the phrase before.
			lo := s - 12
			if lo < 0 {
				lo = 0
			}
			a := s - 1
			if a > 0 && (en.toks[a].low == "," || isDash(en.toks[a].low)) {
				a-- // "the Saudi government, which ...", "the study -- which ..."
			}
			if a >= 0 {
				if ns, ok := en.npBack(a, lo); ok && ns <= a {
					// "included members of the bank, which": the phrase
					// after the last verb.
					for k := a; k > ns; k-- {
						if en.verbAt(k) {
							ns = k + 1
							break
						}
					}
					return en.resolveOrLiteral(ns, a+1)
				}
			}
			return -1
		}
	}
	if g := en.group(s, e); g >= 0 {
		return g
	}
	if e-s == 2 && en.toks[s].low == "the" && ageWord(en.toks[s+1].low) && en.lastPerson >= 0 {
		return en.lastPerson // "The 27-year-old, who has scored 24 goals": the person just named
	}
	if e-s > 2 && en.toks[s].low == "the" && ageWord(en.toks[s+1].low) {
		// "the 87-year-old pontiff": the role without the age
		if id := en.byRole(s+2, e, s); id >= 0 {
			return id
		}
	}
	// The last name in the phrase that is not a possessor nor the object
	// of a preposition inside it ("experts on the Middle East").
	for k := e - 1; k >= s; k-- {
		m := en.reg.mentionAt[k]
		if m == 0 {
			continue
		}
		mn := en.reg.mentions[m-1]
		if mn.e < e && en.toks[mn.e].low == "'s" {
			break
		}
		if p := en.prepBefore(mn.s, s); p > s {
			// "Mike Pence of Indiana": a person named before the
			// preposition; otherwise the whole phrase ("Officials at
			// Homeland Security"). In "Dr. Mingyang Song of Harvard's
			// T.H. Chan School of Public Health" the first person whose
			// name a preposition follows.
			for j := s; j < p; j++ {
				if pm := en.reg.mentionAt[j]; pm > 0 {
					m2 := en.reg.mentions[pm-1]
					if ent := m2.ent; ent >= 0 && en.reg.ents[ent].kind == Person && m2.e < p && prepositions[en.toks[m2.e].low] {
						return ent
					}
					j = m2.e - 1
				}
			}
			for j := p - 1; j >= s; j-- {
				if pm := en.reg.mentionAt[j]; pm > 0 {
					if ent := en.reg.mentions[pm-1].ent; ent >= 0 && en.reg.ents[ent].kind == Person {
						return ent
					}
				}
			}
			break
		}
		if mn.ent >= 0 {
			// "Trump campaign manager", "Middle East observers": a name used
			// as a modifier of a common noun.
			if mn.e < e && !en.toks[e-1].cap && en.toks[e-1].kind == tWord && en.toks[e-1].low != "'s" {
				break
			}
			return mn.ent
		}
		return en.byRole(mn.s, mn.e, s)
	}
	return en.byRole(s, e, s)
}

// ageWord: w is an age used as a noun ("27-year-old").
func ageWord(w string) bool {
	n, ok := strings.CutSuffix(w, "-year-old")
	if !ok || n == "" {
		return false
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			return false
		}
	}
	return true
}

// group: the phrase [s, e) ends in names joined by "and" ("Mr. Grassley
// and Mr. Leahy", "China and Russia", "Presidential candidates Hillary
// Clinton and Donald Trump"); it returns one entity that names them all,
// of their kind when they share one, or -1.
func (en *engine) group(s, e int) int {
	var members []int
	k := e - 1
	for k >= s {
		m := en.reg.mentionAt[k]
		if m == 0 {
			break
		}
		mn := en.reg.mentions[m-1]
		if mn.ent < 0 || mn.e != k+1 {
			return -1
		}
		members = append(members, mn.ent)
		k = mn.s - 1
		for k >= s && en.toks[k].q < 0 && (en.toks[k].low == "." && k > s && en.isAbbrev(k-1) || en.toks[k].cap && titleWords[en.toks[k].low]) {
			k-- // "Mr. King": a title before the name
		}
		if k >= s && en.toks[k].low == "and" && en.toks[k].q < 0 {
			k--
			if k >= s && en.toks[k].low == "," {
				k-- // "A, B, and C"
			}
			continue
		}
		if k >= s && en.toks[k].low == "," && len(members) >= 1 && k-1 >= s && en.reg.mentionAt[k-1] != 0 {
			k-- // "A, B and C"
			continue
		}
		break
	}
	if len(members) < 2 {
		return -1
	}
	for k >= s {
		// Only words may stand before the names ("Both", "Presidential
		// candidates", "Clinton aides"): modifiers of the group.
		if t := &en.toks[k]; t.q >= 0 || t.kind != tWord {
			return -1
		}
		k--
	}
	names := make([]string, len(members))
	kind := en.reg.ents[members[0]].kind
	for i, m := range members {
		if m == members[(i+1)%len(members)] && len(members) == 2 {
			return -1 // one name twice
		}
		names[len(members)-1-i] = en.reg.ents[m].name
		if en.reg.ents[m].kind != kind {
			kind = Other
		}
	}
	name := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	key := strings.ToLower(name)
	if id, ok := en.reg.byName[key]; ok {
		return id
	}
	en.reg.ents = append(en.reg.ents, entity{name: name, kind: kind, first: s})
	en.reg.byName[key] = len(en.reg.ents) - 1
	return len(en.reg.ents) - 1
}

// frontedClausePerson: in "When Olena Kravets opened her restaurant, she
// did not expect ..." the pronoun after the comma is the person who opens
// the fronted clause; it returns that person when the gender allows, or -1.
func (en *engine) frontedClausePerson(s int, g byte) int {
	st := en.cur
	a := en.skipConnective(st.a, st.b)
	if s <= a+2 || s >= st.b || !subordinators[en.toks[a].low] || en.toks[s-1].low != "," {
		return -1
	}
	m := en.reg.mentionAt[a+1]
	if m == 0 {
		return -1
	}
	mn := en.reg.mentions[m-1]
	if mn.ent < 0 || en.reg.ents[mn.ent].kind != Person || en.isPossessor(mn.e) || en.clauseComma(a, st.b) != s-1 {
		return -1
	}
	if pg := en.reg.ents[mn.ent].gender; pg != genderUnknown && pg != g {
		return -1
	}
	return mn.ent
}

// framePerson: in "McCaskill scolded him: “Q,” she said." the pronoun
// after the quotation is the person who opens the sentence, not the last
// person of the sentences before; it returns that person when the
// pronoun's gender allows, or -1.
func (en *engine) framePerson(s int, g byte) int {
	st := en.cur
	if s <= st.a || s >= st.b || en.toks[s-1].kind != tMark || en.toks[s-1].q < 0 || en.spans[en.toks[s-1].q].close != s-1 {
		return -1
	}
	open := en.spans[en.toks[s-1].q].open
	for i := st.a; i < open; i++ {
		if en.toks[i].q >= 0 || en.toks[i].kind == tPunct && en.toks[i].low != "," && en.toks[i].low != ":" {
			return -1
		}
		m := en.reg.mentionAt[i]
		if m == 0 {
			continue
		}
		mn := en.reg.mentions[m-1]
		if mn.ent < 0 || en.isPossessor(mn.e) || en.prepBefore(mn.s, st.a) >= 0 {
			return -1 // only the subject that opens the sentence
		}
		if k := en.reg.ents[mn.ent].kind; k != Person {
			// A bare surname the story has not yet called a person
			// ("DuVernay said she felt ...") counts when it speaks.
			if _, ok := reportingVerbs[en.toks[mn.e].low]; k != Other || mn.e-mn.s != 1 || !ok {
				return -1
			}
		}
		if pg := en.reg.ents[mn.ent].gender; pg != genderUnknown && pg != g {
			return -1
		}
		return mn.ent
	}
	return -1
}

// openingPossessor: "Oz's dubious medical advice earned him the attention
// of Congress, where he appeared ...": a person named as the possessor
// that opens the sentence, of a thing rather than a person, is what a
// later pronoun of the sentence stands for; it returns that person when
// the pronoun's gender allows, or -1.
func (en *engine) openingPossessor(s int, g byte) int {
	st := en.cur
	a := en.skipConnective(st.a, st.b)
	if s <= a || s >= st.b || a >= len(en.reg.mentionAt) {
		return -1
	}
	m := en.reg.mentionAt[a]
	if m == 0 {
		return -1
	}
	mn := en.reg.mentions[m-1]
	if mn.s != a || mn.ent < 0 || en.reg.ents[mn.ent].kind != Person || !en.isPossessor(mn.e) || mn.e+1 >= s {
		return -1
	}
	// The possessed phrase names no person ("campaign manager" would
	// be the subject the pronoun more likely means).
	for k := mn.e + 1; k < s && k < mn.e+6; k++ {
		t := &en.toks[k]
		if t.kind != tWord || en.verbAt(k) {
			break
		}
		if roleHeads[t.low] || personHeads[t.low] || genderedNouns[t.low] != 0 {
			return -1
		}
	}
	for k := mn.e + 1; k < s; k++ {
		if m2 := en.reg.mentionAt[k]; m2 > 0 && en.reg.mentions[m2-1].ent >= 0 && en.reg.ents[en.reg.mentions[m2-1].ent].kind == Person {
			return -1 // another person named in between
		}
	}
	if pg := en.reg.ents[mn.ent].gender; pg != genderUnknown && pg != g {
		return -1
	}
	return mn.ent
}

// acronymAt: the word at s is written in capitals while a neighbour is
// not ("according to WHO", but "HE'S BEEN CALLED OUT" is a shouted
// heading).
func (en *engine) acronymAt(s int) bool {
	w := en.text[en.toks[s].s:en.toks[s].e]
	if len(w) < 2 || !isAllCaps(w) {
		return false
	}
	for _, k := range [2]int{s - 1, s + 1} {
		if k >= 0 && k < len(en.toks) && en.toks[k].kind == tWord {
			if n := en.text[en.toks[k].s:en.toks[k].e]; !isAllCaps(n) {
				return true
			}
		}
	}
	return false
}

// personHeads are singular nouns for one person that head an unnamed
// speaker's phrase.
var personHeads = setOf("mother father woman man wife husband daughter son parent student teacher nurse doctor worker voter neighbor neighbour customer patient owner farmer soldier spokesman spokeswoman spokesperson official aide adviser advisor lawyer attorney analyst economist diplomat officer source insider executive director minister senator lawmaker witness resident")

// prepBefore returns the preposition that governs the name starting at
// m within the phrase from s, over an article and lowercase words ("of
// Indiana", "at the agency", "of the think tank Power Shift Africa"), or
// -1.
func (en *engine) prepBefore(m, s int) int {
	for p := m - 1; p > s && p >= m-4; p-- {
		t := &en.toks[p]
		if t.q >= 0 || t.kind != tWord || t.cap && !articles[t.low] {
			return -1 // (but "a reviewer for The Times")
		}
		if prepositions[t.low] {
			return p
		}
	}
	return -1
}

// itAntecedent: the organisation or country that is the subject of the
// current sentence ("Last month, Russia provided ... that it said"), else
// the last one that spoke.
func (en *engine) itAntecedent(at int) int {
	st := en.cur
	i := st.a
	for i < st.b && connectives[en.toks[i].low] {
		i++
	}
	if i < st.b && (prepositions[en.toks[i].low] || en.toks[i].low == "last" || en.toks[i].low == "this") {
		for k := i; k < st.b && k < i+10; k++ {
			if en.toks[k].low == "," {
				i = k + 1
				break
			}
		}
	}
	if i < at && i < len(en.reg.mentionAt) {
		if m := en.reg.mentionAt[i]; m > 0 {
			mn := en.reg.mentions[m-1]
			if mn.s == i && mn.ent >= 0 && !en.isPossessor(mn.e) {
				if k := en.reg.ents[mn.ent].kind; k == Organization || k == Country {
					return mn.ent
				}
			}
		}
	}
	// "Lin told reporters that Manila had violated X and urged it to
	// stop": the nearest organisation or country before, outside
	// quotation marks, in the sentence.
	for k := min(at, len(en.reg.mentionAt)) - 1; k >= st.a; k-- {
		m := en.reg.mentionAt[k]
		if m == 0 {
			continue
		}
		mn := en.reg.mentions[m-1]
		k = mn.s
		if mn.ent < 0 || en.toks[mn.s].q >= 0 || en.isPossessor(mn.e) || en.prepBefore(mn.s, st.a) >= 0 {
			continue // (nor "due to NASA")
		}
		v := mn.e
		if v < at && en.toks[v].low == "." && en.isAbbrev(v-1) {
			v++ // "Orbit Inc. lost"
		}
		if v >= at || !(en.verbAt(v) || irregularPast[en.toks[v].low]) {
			continue // only a clause's subject ("Manila had"), not "Boeing jets"
		}
		if kind := en.reg.ents[mn.ent].kind; kind == Organization || kind == Country {
			return mn.ent
		}
	}
	return en.lastOrg
}

// byRole resolves a role description ("the foreign minister", "Russian
// FM") to the nearest earlier person with that role, else the first later.
func (en *engine) byRole(s, e, at int) int {
	indefinite := s < e && indefinites[en.toks[s].low]
	if indefinite && en.toks[s].low != "a" && en.toks[s].low != "an" {
		return -1 // "one lawmaker", "two senators": someone the text does not name
	}
	var words []string
	nat, natWord := "", ""
	for k := s; k < e; k++ {
		t := &en.toks[k]
		if t.kind != tWord {
			continue
		}
		w := strings.TrimSuffix(t.low, ".")
		if c := nationalities[w]; c != "" {
			nat, natWord = c, en.text[t.s:t.e]
			continue
		}
		if x := roleAbbrev[w]; x != "" {
			words = append(words, strings.Fields(x)...)
			continue
		}
		if determiners[w] || w == "'s" {
			words = words[:0]
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 || !roleHeads[words[len(words)-1]] {
		return -1
	}
	phrase := words[len(words)-1]
	if len(words) >= 2 && titleWords[words[len(words)-2]] {
		phrase = words[len(words)-2] + " " + phrase
	}
	id := en.reg.nearest(en.reg.byRoleWord(phrase), at, func(ent int) bool {
		// "the presidential nominee" is not the vice presidential one.
		for _, w := range strings.Fields(strings.ToLower(en.reg.ents[ent].role)) {
			if roleQualifiers[w] && !slices.Contains(words, w) {
				return false
			}
		}
		return nat == "" || en.reg.ents[ent].nat == "" || en.reg.ents[ent].nat == nat
	})
	if id >= 0 && indefinite && !en.ledeIntroduces(at, en.reg.ents[id].first) {
		// "a spokesman said": someone the text has not named; but a
		// lede's "A federal judge blocked X" is the judge the next
		// paragraph names.
		return -1
	}
	if id >= 0 && nat != "" && en.reg.ents[id].nat == "" {
		// "Russian FM" tells Lavrov's nationality.
		en.reg.ents[id].nat = nat
		en.reg.ents[id].role = natWord + " " + en.reg.ents[id].role
	}
	return id
}

// roleQualifiers make a different office of the role they qualify.
var roleQualifiers = setOf("vice deputy assistant acting associate lieutenant former")

// nearest picks, from mentions sorted by position, the entity of the last
// one before token at that passes ok, else the first one after it. The
// walk is bounded so that hostile input stays linear.
func (r *registry) nearest(ms []mention, at int, ok func(int) bool) int {
	i := sort.Search(len(ms), func(k int) bool { return ms[k].s >= at })
	for k, n := i-1, 0; k >= 0 && n < 64; k, n = k-1, n+1 {
		if ok(ms[k].ent) {
			return ms[k].ent
		}
	}
	for k, n := i, 0; k < len(ms) && n < 64; k, n = k+1, n+1 {
		if ok(ms[k].ent) {
			return ms[k].ent
		}
	}
	return -1
}

// byRoleWord indexes the mentions of people by the words and word pairs
// of their roles ("foreign", "minister", "foreign minister"), built on
// first use.
func (r *registry) byRoleWord(phrase string) []mention {
	if r.roleIdx == nil {
		r.roleIdx = make(map[string][]mention)
		r.natIdx = make(map[string][]mention)
		keysOf := make(map[int][]string) // an entity's role keys, worked out once
		for _, m := range r.mentions {
			if m.ent < 0 || r.ents[m.ent].kind != Person {
				continue
			}
			e := &r.ents[m.ent]
			if e.nat != "" {
				r.natIdx[e.nat] = append(r.natIdx[e.nat], m)
			}
			keys, ok := keysOf[m.ent]
			if !ok {
				keys = roleKeys(e.role)
				keysOf[m.ent] = keys
			}
			for _, k := range keys {
				r.roleIdx[k] = append(r.roleIdx[k], m)
			}
		}
	}
	return r.roleIdx[phrase]
}

// roleKeys are the words and word pairs a role answers to ("foreign",
// "minister", "foreign minister"), abbreviations expanded and broader
// words added: "the Russian diplomat" for a foreign minister, "the
// Democratic lawmaker" for a senator.
func roleKeys(role string) []string {
	if role == "" {
		return nil
	}
	var words []string
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w = strings.Trim(w, ".,")
		if x := roleAbbrev[w]; x != "" {
			words = append(words, strings.Fields(x)...)
		} else {
			words = append(words, w)
		}
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, ri := range roleImplies {
		if strings.Contains(joined, " "+ri.role+" ") {
			words = append(words, ri.also...)
		}
	}
	var keys []string
	seen := map[string]bool{}
	for i, w := range words {
		if !seen[w] {
			seen[w] = true
			keys = append(keys, w)
		}
		if i > 0 {
			if k := words[i-1] + " " + w; !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// roleImplies lists the broader words a title answers to in a later
// description. Roles are matched after roleAbbrev has expanded them
// ("Sen." is "senator" here).
var roleImplies = []struct {
	role string
	also []string
}{
	{"foreign minister", []string{"diplomat"}},
	{"secretary of state", []string{"diplomat"}},
	{"ambassador", []string{"diplomat"}},
	{"envoy", []string{"diplomat"}},
	{"senator", []string{"lawmaker", "legislator"}},
	{"congressman", []string{"lawmaker", "legislator"}},
	{"congresswoman", []string{"lawmaker", "legislator"}},
	{"representative", []string{"lawmaker", "legislator"}},
	{"chief executive", []string{"executive", "boss"}},
	{"pope", []string{"pontiff"}},
	{"ceo", []string{"executive", "boss"}},
	// "Democratic Sen. Jane Doe ... the Democrat said".
	{"democratic", []string{"democrat"}},
}

// literal registers a mention that resolved to nothing as its own entity.
func (en *engine) literal(s, e int) int {
	if s < 0 || e <= s {
		return -1
	}
	name := en.spanText(s, e)
	key := strings.ToLower(name)
	if id, ok := en.reg.byName[key]; ok {
		return id
	}
	kind := Other
	var g byte
	if h := en.toks[e-1]; h.kind == tWord && !h.cap && orgWords[h.low] && articles[en.toks[s].low] {
		// "the port authority", "the company": an organisation that a
		// later "it" may stand for.
		kind = Organization
	} else if h.kind == tWord && !h.cap && personHeads[h.low] && (articles[en.toks[s].low] || determiners[en.toks[s].low]) {
		// "An Orbit spokesman", "a senior official": one unnamed person,
		// whom a later "he" or "she" may stand for.
		kind = Person
		g = genderedNouns[h.low]
	}
	en.reg.ents = append(en.reg.ents, entity{name: name, kind: kind, first: s, gender: g})
	en.reg.byName[key] = len(en.reg.ents) - 1
	return len(en.reg.ents) - 1
}

// orgByHead returns the organisation last named before token at whose
// name holds the word head ("the commission" for the Commission on
// Presidential Debates), or -1.
// companyHeads are the common nouns news uses for a firm it has named.
var companyHeads = setOf("company firm retailer automaker carmaker airline insurer manufacturer chipmaker giant")

// institutionWords name public bodies and groups that are not firms.
var institutionWords = setOf("and herald star tribune journal gazette chronicle parliament assembly legislature cabinet treasury tribunal secretariat military army navy board panel bureau regulator party post times news service department ministry agency committee council commission foundation institute university college center centre association union court congress senate house administration office government campaign police hospital clinic museum library church airport prison")

// companyBefore returns the firm named last before token at, in its
// paragraph or the one before: an organisation whose name holds no word
// of an institution (a board, a union, a department) nor a title, or -1.
func (en *engine) companyBefore(at int) int {
	seg := func(i int) int {
		return sort.Search(len(en.segTok), func(k int) bool { return en.segTok[k][1] > i })
	}
	here := seg(at)
	i := sort.Search(len(en.reg.mentions), func(k int) bool { return en.reg.mentions[k].s >= at })
	for k, n := i-1, 0; k >= 0 && n < 64; k, n = k-1, n+1 {
		m := en.reg.mentions[k]
		if seg(m.s) < here-1 {
			break // only this paragraph and the one before
		}
		if m.ent < 0 || en.reg.ents[m.ent].kind != Organization || !en.inBody(m.s) || en.isPossessor(m.e) {
			continue
		}
		if name := en.reg.ents[m.ent].name; isAllCaps(name) && !knownCompanies[strings.ToLower(name)] {
			continue // an acronym may be a programme or an agency ("HLS")
		}
		firm := true
		for _, w := range strings.Fields(strings.ToLower(en.reg.ents[m.ent].name)) {
			if institutionWords[w] || titleWords[w] || roleHeads[w] {
				firm = false
				break
			}
		}
		if firm {
			return m.ent
		}
	}
	return -1
}

func (en *engine) orgByHead(head string, at int) int {
	i := sort.Search(len(en.reg.mentions), func(k int) bool { return en.reg.mentions[k].s >= at })
	for k, n := i-1, 0; k >= 0 && n < 64; k, n = k-1, n+1 {
		m := en.reg.mentions[k]
		ent := m.ent
		if ent < 0 || en.reg.ents[ent].kind != Organization || !en.inBody(m.s) {
			continue // (Title Case headings make "New Poll" look like a name)
		}
		ws := strings.Fields(strings.ToLower(en.reg.ents[ent].name))
		if len(ws) < 2 {
			continue // "Bank" alone names nothing more than the phrase does
		}
		for _, w := range ws {
			if w == head {
				return ent
			}
		}
	}
	return -1
}

// ledeIntroduces: token at lies in the first paragraph of the body, or
// opens its paragraph, and token named in one of the two paragraphs
// after it, where a news story names the person its lede describes ("A
// federal judge on Tuesday blocked ... / U.S. District Judge Maria
// Alvarez wrote ...").
func (en *engine) ledeIntroduces(at, named int) bool {
	seg := func(i int) int {
		return sort.Search(len(en.segTok), func(k int) bool { return en.segTok[k][1] > i })
	}
	lede := -1
	for k := range en.segs {
		if en.segs[k].where == whereBody && en.segTok[k][0] < en.segTok[k][1] {
			lede = k
			break
		}
	}
	a, n := seg(at), seg(named)
	if a >= len(en.segTok) || n <= a || n > a+2 {
		return false
	}
	// The story's lede, or a paragraph the description opens (each entry
	// of a live blog: "A California transit chief says ...").
	return a == lede || en.segTok[a][0] == at
}

// inBody: token i lies in a body segment, not a heading.
func (en *engine) inBody(i int) bool {
	k := sort.Search(len(en.segTok), func(k int) bool { return en.segTok[k][1] > i })
	return k < len(en.segTok) && en.segTok[k][0] <= i && en.segs[k].where == whereBody
}

func (en *engine) resolveOrLiteral(s, e int) int {
	if id := en.resolve(s, e); id >= 0 {
		return id
	}
	return en.literal(s, e)
}
