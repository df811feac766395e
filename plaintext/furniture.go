package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	singleLine   = 1 // a line of site furniture inside the story
	footerMarker = 2 // the start of the site footer: it and what follows go
	noteLine     = 3 // a publisher's note: it and the lines broken off it go
)

// strongFooter phrases open the site footer wherever they stand in a
// line of up to 25 words; footerStarts only at the start of a short line
// ("More from ..." inside a sentence is prose).
var strongFooter = [...]string{"all rights reserved"}

var footerStarts = [...]string{
	"follow us on", "follow us", "share this article", "share this story", "related articles", "related stories",
	"related news", "more stories", "more from ", "recommended for you", "you may also like", "you might also like",
	"sign up for our newsletter", "subscribe to our newsletter", "download our app", "download the app",
	"leave a comment", "comments are closed", "filed under", "most read", "most popular", "trending now",
	"about the author", "copyright ©", "copyright (c)", "©",
}

// singlePhrases are whole lines of furniture (lower case, exact match
// after trimming punctuation, or prefix when they end with ':').
var singlePhrases = map[string]bool{
	"advertisement": true, "advertising": true, "ad": true, "sponsored": true, "scroll to continue": true,
	"advertisement - scroll to continue": true, "story continues below advertisement": true, "story continues below": true,
	"continue reading": true, "continue reading below": true, "read more": true, "share": true, "share this": true, "tweet": true,
	"email": true, "print": true, "click here": true, "loading": true, "skip advertisement": true,
	"listen to this article": true, "subscribe": true, "related": true, "watch": true, "tags": true, "topics": true,
}

var singlePrefixes = [...]string{"read more:", "read also:", "also read:", "see also:", "related:", "tags:", "topics:",
	"click here to", "subscribe to", "sign up for", "watch:", "listen:"}

// notePrefixes open a note the publisher adds to the story ("Editor's
// note: ...", "Correction: An earlier version of this article ...").
var notePrefixes = [...]string{"editor's note:", "editor’s note:", "editors' note:", "editors’ note:",
	"correction:", "corrections:", "clarification:", "correction appended", "an earlier version of this",
	"this article has been updated", "this story has been updated", "this post has been updated",
	"this article has been corrected", "this story has been corrected", "this post has been corrected"}

// boilerplateKind classifies a line as site furniture, a footer marker or
// neither.
func boilerplateKind(s string, words int) int {
	for _, p := range notePrefixes {
		// (EqualFold: no need to lower a long paragraph.)
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return noteLine // a note about the story, however long
		}
	}
	if words > 25 {
		return 0
	}
	ls := strings.ToLower(s)
	for _, p := range strongFooter {
		if strings.Contains(ls, p) {
			return footerMarker
		}
	}
	if words > 12 {
		return 0
	}
	for _, p := range footerStarts {
		if strings.HasPrefix(ls, p) {
			return footerMarker
		}
	}
	// "Follow Pam Key on Twitter @pamkeyNEN": the writer's accounts (a
	// stray quotation mark before it aside).
	if f := strings.TrimLeft(ls, `"'“‘ `); strings.HasPrefix(f, "follow ") && (strings.Contains(f, " on twitter") || strings.Contains(f, " on facebook") || strings.Contains(f, " on instagram") || strings.Contains(f, "@")) {
		return footerMarker
	}
	if singlePhrases[strings.Trim(ls, " .:!…>»|-–—")] {
		return singleLine
	}
	for _, p := range singlePrefixes {
		if strings.HasPrefix(ls, p) {
			return singleLine
		}
	}
	return 0
}

// creditWords mark the text of a credit ("AFP photo", "Photo via
// Reuters", "File image").
var creditWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`photo photos photograph photographer photographs image images picture pictures pic
		file credit credits courtesy getty afp reuters ap epa xinhua anadolu pool handout shutterstock istock illustration
		screenshot screengrab grab sputnik tass efe dpa ansa irna ians pti bloomberg alamy wikimedia commons foto bild`) {
		creditWords[w] = true
	}
}

// agencyWords name photo agencies that can stand alone as a credit at the
// end of a caption ("... in Kyiv. AFP via Getty Images").
var agencyWords = map[string]bool{"getty": true, "afp": true, "reuters": true, "ap": true, "epa": true, "xinhua": true,
	"shutterstock": true, "anadolu": true, "istock": true, "alamy": true, "pool": true, "handout": true}

// creditLabels introduce a credit at the end of a caption.
var creditLabels = [...]string{"photo credit:", "photo:", "photograph:", "photos:", "image:", "picture:", "credit:",
	"photo by ", "photograph by ", "photos by ", "image by ", "foto:", "bild:"}

// captionLabels open a line that is a caption; creditOnlyLabels a line
// that is only the credit of the caption after it.
var captionLabels = [...]string{"image caption", "media caption", "caption:", "bildunterschrift:", "legenda:", "légende :"}

var creditOnlyLabels = [...]string{"image copyright", "image source,", "image source", "picture copyright", "photo credit:",
	"image credit:", "bildquelle:"}

// labelPrefix bounds the bytes at the start of a line compared with the
// caption and credit labels; the longest label is shorter.
const labelPrefix = 24

// labelled returns the rest of a line that opens with one of labels
// (case-insensitive), colons and spaces trimmed.
func labelled(s string, words int, labels []string) (string, bool) {
	if words > 60 {
		return "", false
	}
	// Only the line's opening is compared: lowering all of it cost more
	// than the rest of the line analysis.
	n := min(len(s), labelPrefix)
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	ls := strings.ToLower(s[:n])
	for _, l := range labels {
		if strings.HasPrefix(ls, l) {
			rest := strings.TrimLeft(s[len(l):], " :,")
			if rest == "" {
				return "", false
			}
			return rest, true
		}
	}
	return "", false
}

// creditTail bounds the bytes at the end of a line searched for a credit
// label: the label and nine words of credit fit in it.
const creditTail = 200

// splitCredit finds a photo credit at the end of a line and returns the
// caption and the credit as written.
func splitCredit(s string) (caption, credit string, ok bool) {
	t := strings.TrimRight(s, " .")
	// "(AFP photo)", "[Photo: Reuters]"
	if n := len(t); n > 0 && (t[n-1] == ')' || t[n-1] == ']') {
		open := matchingOpen(t)
		if open > 0 {
			c := strings.TrimSpace(t[open+1 : n-1])
			cap := strings.TrimSpace(t[:open])
			if isCreditText(c) && countWords(cap) >= 3 {
				return cap, c, true
			}
		}
	}
	// "... in Kyiv. Photo: Reuters". A credit has at most nine words, so
	// only the line's tail is searched (a long paragraph is not lowered).
	off := 0
	if len(t) > creditTail {
		off = len(t) - creditTail
		for off < len(t) && !utf8.RuneStart(t[off]) {
			off++
		}
	}
	lt := strings.ToLower(t[off:])
	// Every label ends in a colon or "by ": most lines have neither. (A
	// lowering that changed byte lengths would misplace the index: such
	// a line is not searched.)
	colon, by := strings.IndexByte(lt, ':') >= 0, strings.Contains(lt, " by ")
	if len(lt) != len(t)-off {
		colon, by = false, false
	}
	for _, lab := range creditLabels {
		if lab[len(lab)-1] == ':' && !colon || lab[len(lab)-1] == ' ' && !by {
			continue
		}
		i := strings.LastIndex(lt, lab)
		if i < 0 || off+i == 0 {
			continue
		}
		i += off
		before := strings.TrimRight(t[:i], " ")
		r, _ := utf8.DecodeLastRuneInString(before)
		if !strings.ContainsRune(".!?)|—–-/", r) {
			continue
		}
		c := strings.TrimSpace(t[i:])
		if countWords(c) > 9 {
			continue
		}
		cap := strings.TrimRight(before, " |—–-/")
		if countWords(cap) >= 3 {
			return cap, c, true
		}
	}
	// "... in Kyiv. AFP via Getty Images"
	if i := strings.LastIndex(t, ". "); i > 0 {
		frag := strings.TrimSpace(t[i+2:])
		if w := countWords(frag); w >= 1 && w <= 6 && allCapitalised(frag) && hasAgency(frag) && countWords(t[:i]) >= 3 {
			return t[:i+1], frag, true
		}
	}
	return "", "", false
}

// matchingOpen returns the index of the bracket that opens the one
// closing t, or -1.
func matchingOpen(t string) int {
	closeB := t[len(t)-1]
	openB := byte('(')
	if closeB == ']' {
		openB = '['
	}
	depth := 0
	for i := len(t) - 1; i >= 0 && len(t)-i < 120; i-- {
		switch t[i] {
		case closeB:
			depth++
		case openB:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func isCreditText(c string) bool {
	if c == "" || len(c) > 80 || countWords(c) > 10 {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(c), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if creditWords[w] {
			return true
		}
	}
	return false
}

func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "via" && w != "for" && w != "of" {
			return false
		}
	}
	return true
}

func hasAgency(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if agencyWords[w] {
			return true
		}
	}
	return false
}

// stopCaps are capitalised words that name nobody: titles, months, days,
// function words at the start of a sentence, left/right markers.
var stopCaps = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An In On At Of For And But Or This That These Those He She It They We You I His Her Its
		Their Our Your Mr Mrs Ms Dr Prof Sir L R C Left Right Center Centre Top Bottom Photo File Image Picture President
		Prime Minister Foreign Rep Sen Senator Speaker Governor Mayor King Queen Prince Chief General Secretary Vice
		Former Deputy Minister's January February March April May June July August September October November December
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
		After Before During When While As With From By To Is Was Are Were AFP AP Reuters Getty Images EPA Xinhua`) {
		stopCaps[w] = true
	}
}

// nameTokens returns the capitalised words of s that may name a person,
// place, organisation or event, possessives stripped.
func nameTokens(s string, yield func(string)) {
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimFunc(w, nameEdge)
		for _, suf := range [...]string{"'s", "’s", "'", "’"} {
			w = strings.TrimSuffix(w, suf)
		}
		if len(w) < 2 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || stopCaps[w] {
			continue
		}
		yield(w)
	}
}

// nameEdge reports the punctuation trimmed from a word's ends before it
// is compared as a name.
func nameEdge(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', '{', '}', '«', '»', '…', '—', '–', '-':
		return true
	}
	return false
}

// storyNames collects the name tokens of the headline, subheadings and
// paragraphs: the story that captions are compared with.
func (d *doc) storyNames() map[string]bool {
	names := map[string]bool{}
	for _, l := range d.lines {
		switch l.role {
		case RoleHeadline, RoleSubheading, RoleParagraph, RoleSection:
			nameTokens(l.text, func(w string) { names[w] = true })
		}
	}
	return names
}

// aboutStory decides whether a caption belongs to this story: at least
// three in ten of its names appear in the story, or four of them do. A
// caption that names nothing is kept.
func aboutStory(caption string, story map[string]bool) bool {
	seen := map[string]bool{}
	matched := 0
	nameTokens(caption, func(w string) {
		if seen[w] {
			return
		}
		seen[w] = true
		if story[w] {
			matched++
		}
	})
	if len(seen) == 0 {
		return true
	}
	return matched*10 >= len(seen)*3 || matched >= 4
}
