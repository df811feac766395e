package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylinePrefixes are stripped from the start of an author string, longest
// first, in the languages of the pages newsclip sees.
var bylinePrefixes = [...]string{
	"written and reported by ", "reported by ", "written by ", "posted by ", "words by ", "story by ",
	"analysis by ", "opinion by ", "commentary by ", "interview by ", "text by ", "photos by ", "by: ", "by ", "about ", "sobre ", "текст: ", "автор: ", "texto: ", "text: ", "von ", "par ", "por ", "oleh ", "door ", "di ", "av ", "autor: ", "autore: ",
}

// authorSeparators split "A and B", "A, B & C" and friends.
var authorSeparators = [...]string{" and ", " & ", " und ", " et ", " y ", " e ", " dan ", " en ", ",", ";", "|", "•", "·", "\n", " / ", " - ", " – ", " — "}

// notPersonWords mark a candidate as an organisation, a role or page
// furniture rather than a person.
var notPersonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`staff team desk editor editors editorial newsroom news press agency
		reuters afp ap associated bloomberg inc ltd llc corp corporation media online group service services
		admin administrator email e-mail contributor contributors contributing correspondent reporter reporters writer
		writers author authors wire wires report times post daily magazine journal tribune herald gazette radio tv
		television channel network bureau office department ministry university foundation institute
		association company updated published posted more follow twitter facebook instagram read view all
		articles posts contact subscribe sponsored partner content guest anonymous unknown redaktion redacción
		redação redazione redaksi rédaction webdesk web digital noticias notícias nachrichten agencia agência
		agenzia ansa dpa efe lusa kyodo xinhua tass ria pti ians sport sports life opinion blog homepage website
		business the editor-at-large columnist`) {
		notPersonWords[w] = true
	}
}

// nameParticles may stay lower case inside a person's name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "das": true, "do": true, "dos": true, "van": true, "von": true, "der": true,
	"den": true, "del": true, "della": true, "di": true, "du": true, "le": true, "la": true, "bin": true,
	"binti": true, "al": true, "el": true, "y": true, "ten": true, "ter": true, "zu": true, "st.": true,
}

// SplitAuthors splits a byline's names ("Jane Doe and John Roe, Reuters")
// into the people it names, by the rules the HTML extractor applies to
// author metadata: organisations, roles and dates are left out.
func SplitAuthors(s string) []string { return splitAuthors(s, nil) }

// splitAuthors turns a byline or author field into cleaned person names.
// excluded holds lower-cased names that are not people on this page (the
// site and publisher names).
func splitAuthors(s string, excluded map[string]bool) []string {
	s = strings.TrimSpace(collapseSpace(s))
	if s == "" || len(s) > 300 {
		return nil
	}
	s = openParens(s)
	parts := []string{s}
	for _, sep := range authorSeparators {
		var next []string
		for _, p := range parts {
			// Case-sensitive: conjunctions are lower case, initials are not.
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		p = cutAtDate(splitSentence(p))
		if n, ok := cleanPerson(p, excluded); ok {
			out = append(out, n)
		}
	}
	return out
}

// coAuthorWords open a parenthesis that names co-authors ("Martin
// Untersinger (avec Damien Leloup et Morgane Tual)").
var coAuthorWords = [...]string{"with ", "avec ", "mit ", "con ", "com ", "and ", "et ", "und ", "y ", "e ", "met ", "dan "}

// openParens rewrites parentheses in an author string: a parenthesis of
// co-authors becomes a list entry ("A (avec B et C)" -> "A, B et C"); any
// other (a URL, an e-mail address, an agency, a role) is dropped.
func openParens(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			j = len(s) - i // unclosed: runs to the end
		}
		b.WriteString(s[:i])
		inner := strings.TrimSpace(s[i+1 : i+j])
		li := strings.ToLower(inner)
		for _, w := range coAuthorWords {
			if strings.HasPrefix(li, w) {
				b.WriteString(", ")
				b.WriteString(inner[len(w):])
				b.WriteString(", ")
				break
			}
		}
		if i+j+1 >= len(s) {
			break
		}
		s = s[i+j+1:]
	}
	return b.String()
}

// splitSentence keeps what comes before ". " when that ends a word of three
// letters or more ("Jane Doe. Sputnik" but not "Sarah E. Needleman").
func splitSentence(s string) string {
	for i := strings.Index(s, ". "); i >= 0; {
		j := strings.LastIndexByte(s[:i], ' ')
		if utf8.RuneCountInString(s[j+1:i]) >= 3 {
			return s[:i]
		}
		k := strings.Index(s[i+2:], ". ")
		if k < 0 {
			break
		}
		i += 2 + k
	}
	return s
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"updated": true, "published": true, "posted": true, "on": true}

// cutAtDate drops a date glued to a byline ("Jeff Foust Monday, November
// 18, 2019"): everything from the first weekday, month name or number.
func cutAtDate(s string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		if i == 0 {
			continue
		}
		lf := strings.ToLower(strings.Trim(f, ".,"))
		_, month := monthNames[lf]
		if weekdays[lf] || (month && len(lf) > 3 && i >= 2) || (f[0] >= '0' && f[0] <= '9') {
			return strings.Join(fields[:i], " ")
		}
	}
	return s
}

// cutSiteSuffix drops trailing words that name the site ("Kevin McCoy USA
// TODAY", "Elliot Brownstein Florida Today").
func cutSiteSuffix(s string, excluded map[string]bool) string {
	fields := strings.Fields(s)
	for k := 3; k >= 1; k-- {
		if len(fields)-k < 2 {
			continue
		}
		tail := normName(strings.Join(fields[len(fields)-k:], " "))
		for e := range excluded {
			if tail != "" && (tail == normName(e) || strings.HasPrefix(normName(e), tail) && len(tail) >= 4) {
				return strings.Join(fields[:len(fields)-k], " ")
			}
		}
	}
	return s
}

// cleanPerson strips byline prefixes and decoration, then decides whether
// what is left names a person.
func cleanPerson(s string, excluded map[string]bool) (string, bool) {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		ls := strings.ToLower(s)
		for _, p := range bylinePrefixes {
			if strings.HasPrefix(ls, p) {
				s = strings.TrimSpace(s[len(p):])
				changed = true
				break
			}
		}
	}
	s = strings.Trim(s, " \t-–—:.,;()[]\"'“”")
	if s == "" || len(s) > 80 {
		return "", false
	}
	s = cutSiteSuffix(s, excluded)
	ls := strings.ToLower(s)
	if excluded[ls] || strings.Contains(ls, "http") || strings.Contains(ls, "www.") || strings.ContainsAny(ls, "@/=<>{}") ||
		strings.Contains(ls, ".com") {
		return "", false
	}
	words := strings.Fields(s)
	if len(words) > 5 {
		return "", false
	}
	cased := false
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,'’"))
		if notPersonWords[lw] {
			return "", false
		}
		if strings.Contains(lw, "-") {
			for _, part := range strings.Split(lw, "-") {
				if notPersonWords[part] {
					return "", false
				}
			}
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return "", false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased = true
			if !unicode.IsUpper(r) && !nameParticles[lw] && !strings.HasPrefix(lw, "d'") && !strings.HasPrefix(lw, "o'") {
				return "", false
			}
		}
	}
	if cased {
		// A cased script: a person has at least a given and a family name.
		if len(words) < 2 {
			return "", false
		}
		if isAllUpper(s) {
			s = titleCase(s)
		} else if hasAcronym(words) {
			return "", false // "PMJS Coordenadoria", "CNN Business"
		}
	} else if utf8.RuneCountInString(s) < 2 {
		return "", false
	}
	return s, true
}

// hasAcronym reports an all-capital word of two or more letters (not a
// Roman numeral) in a mixed-case name.
func hasAcronym(words []string) bool {
	for _, w := range words {
		w = strings.Trim(w, ".,'’")
		if utf8.RuneCountInString(w) >= 2 && isAllUpper(w) && strings.Trim(w, "IVX") != "" {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func titleCase(s string) string {
	var sb strings.Builder
	start := true
	for _, r := range s {
		if start {
			sb.WriteRune(r)
		} else {
			sb.WriteRune(unicode.ToLower(r))
		}
		start = unicode.IsSpace(r) || r == '-' || r == '\''
	}
	return sb.String()
}

// addUnique appends names not yet present (case-insensitively).
func addUnique(list []string, names ...string) []string {
	for _, n := range names {
		dup := false
		for _, m := range list {
			if strings.EqualFold(m, n) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, n)
		}
	}
	return list
}

func collapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func needsCollapse(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if sp && (prevSpace || c != ' ') {
			return true
		}
		if c >= 0x80 {
			return true // non-ASCII spaces (NBSP) need the Unicode path
		}
		prevSpace = sp
	}
	return prevSpace && s != ""
}
