package attribute

import "strings"

// Grammatical gender of people, for "he" and "she". It is read from what
// the text itself says: an honorific ("Mr.", "Mrs."), a gendered role
// ("spokeswoman", "her husband"), or a common given name. Unknown stays
// unknown: a pronoun then takes the nearest person, as before.
const (
	genderUnknown byte = iota
	genderMale
	genderFemale
)

// genders fills entity.gender for people once every mention is known.
func (r *registry) genders() {
	en := r.en
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind != Person {
			continue
		}
		if g := roleGender(e.role); g != genderUnknown {
			e.gender = g
			continue
		}
		if first, _, ok := strings.Cut(e.name, " "); ok {
			e.gender = givenNames[strings.ToLower(first)]
		}
	}
	for _, m := range r.mentions {
		if m.ent < 0 || r.ents[m.ent].kind != Person {
			continue
		}
		// An honorific inside the mention's run or right before it.
		for k := max(m.s-1, 0); k < m.e; k++ {
			if g := honorifics[strings.TrimSuffix(en.toks[k].low, ".")]; g != genderUnknown && en.toks[k].q < 0 {
				r.ents[m.ent].gender = g
				break
			}
		}
	}
}

// roleGender reads a gendered word in a role ("spokeswoman for X").
func roleGender(role string) byte {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if g := genderedNouns[strings.Trim(w, ",.")]; g != genderUnknown {
			return g
		}
	}
	return genderUnknown
}

// pronounPerson resolves "he" or "she": the nearest person, unless the
// text has said that person is of the other gender; then the nearest
// person of the pronoun's gender, if any.
func (en *engine) pronounPerson(g byte) int {
	p := en.lastPerson
	if p < 0 {
		return p
	}
	if pg := en.reg.ents[p].gender; pg == genderUnknown || pg == g {
		return p
	}
	return en.lastOfGender[g]
}

// setLastPerson records ent as the antecedent for later pronouns.
func (en *engine) setLastPerson(ent int) {
	if en.firstOrSecond(ent) {
		return // the writer or the reader is nobody's "he" or "she"
	}
	en.lastPerson = ent
	if g := en.reg.ents[ent].gender; g != genderUnknown {
		en.lastOfGender[g] = ent
	}
}

// firstOrSecond: the entity is the writer or the reader ("I", "we", "you").
func (en *engine) firstOrSecond(ent int) bool {
	n := en.reg.ents[ent].name
	if len(n) > 3 {
		return false
	}
	for _, w := range [...]string{"i", "me", "we", "us", "you"} {
		if strings.EqualFold(n, w) {
			return true
		}
	}
	return false
}

var honorifics = map[string]byte{"mr": genderMale, "mrs": genderFemale, "ms": genderFemale, "miss": genderFemale, "sir": genderMale, "dame": genderFemale, "lady": genderFemale, "lord": genderMale}

var genderedNouns = func() map[string]byte {
	m := map[string]byte{}
	for _, w := range strings.Fields("woman spokeswoman congresswoman chairwoman businesswoman councilwoman assemblywoman anchorwoman mother wife daughter sister grandmother aunt niece widow actress queen princess duchess girlfriend stepmother") {
		m[w] = genderFemale
	}
	for _, w := range strings.Fields("man spokesman congressman businessman councilman assemblyman anchorman father husband son brother grandfather uncle nephew widower actor king prince duke boyfriend stepfather") {
		m[w] = genderMale
	}
	return m
}()

// givenNames are frequent given names whose gender is unambiguous in news
// text; names given to both (Jordan, Taylor, Terry, Chris, Kelly, Lindsey)
// are left out.
var givenNames = func() map[string]byte {
	m := map[string]byte{}
	for _, w := range strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
		sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
		sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
		katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
		virginia victoria lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha
		gloria teresa ann sara madison frances kathryn janice abigail alice judy sophia grace denise amber
		doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla lori
		hillary melania ivanka nikki kamala ursula giorgia marine jacinda sanna condoleezza madeleine
		michele kellyanne huma chelsea tulsi kirsten elise liz lynne betsy loretta sonia elena ilhan
		alexandria rashida ayanna debbie tammy gretchen katie kristen kristi wendy yvonne irene natasha olga
		svetlana tatiana yulia anastasia fatima aisha leila mariam sofia lucia carmen rosa ana isabel
		claudia gabriela marta giulia francesca chiara anne sophie claire julia`) {
		m[w] = genderFemale
	}
	for _, w := range strings.Fields(`james robert john michael david william richard joseph thomas charles christopher daniel matthew
		anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
		jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
		gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
		zachary peter kyle ethan walter noah jeremy christian keith roger gerald harold sean austin carl
		arthur lawrence dylan bryan joe billy bruce gabriel logan albert willie alan juan wayne elijah randy
		roy vincent ralph eugene russell bobby mason philip louis barack bernie mitt mike marco ted jeb rand
		bill newt rudy rex reince steve jared boris vladimir sergey dmitry emmanuel francois nicolas olaf xi
		shinzo narendra recep bashar hassan ali mohammed muhammad ahmed omar abdul kim moon malcolm tony
		gordon rishi keir mohamed hosni abdel jean-claude jean-luc pierre jacques luis carlos jorge pedro
		miguel antonio giuseppe matteo silvio viktor andrzej volodymyr petro alexei alexey igor ivan nikolai
		yuri mikhail chuck mitch orrin cory jim tim tom ben dan dick rick nick jeff greg doug jerome lloyd
		colin hank wolf sanjay ezra ashton ron`) {
		m[w] = genderMale
	}
	return m
}()
