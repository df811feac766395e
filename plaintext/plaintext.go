// Package plaintext turns a plain-text article (the output of a typical
// extractor or a copy from a browser: section line, headline, captions,
// paragraphs, site footer) into an article.Article with its structure
// inferred: section path, headline, byline and dateline, photo captions
// with their credits, subheadings, body paragraphs and lists, with the
// site's boilerplate and captions of other stories left out.
//
// It works line by line with general rules (lengths, final punctuation,
// credit patterns, shared names), not rules for any one site. It does
// not fetch, does not read HTML (see extract) and does not attribute
// quotes (see attribute). Every step is linear in the input size.
package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/extract/meta"
	"github.com/newsclip/newsclip/lang"
)

// Line roles returned by Lines.
const (
	RoleSection     = "section"
	RoleHeadline    = "headline"
	RoleByline      = "byline" // "By Jane Doe", "Published: 28 January 2022"
	RoleCaption     = "caption"
	RoleSubheading  = "subheading"
	RoleParagraph   = "paragraph"
	RoleBoilerplate = "boilerplate"
	RoleBlank       = "blank"
)

// Line is one line of the input: byte offsets into the text (End excludes
// the line break) and the role inferred for it.
type Line struct {
	Start, End int
	Role       string
}

// Lines splits text into lines and gives each its role. A trailing line
// break does not open an empty last line.
func Lines(text string) []Line {
	d := analyse(text)
	out := make([]Line, len(d.lines))
	for i, l := range d.lines {
		out[i] = Line{Start: l.start, End: l.end, Role: l.role}
	}
	return out
}

// Parse infers the structure of a plain-text article.
func Parse(text string) *article.Article {
	d := analyse(text)
	a := &article.Article{Body: []article.Block{}}
	a.Section = d.section
	a.Authors = d.authors
	if d.published != nil {
		a.Published = d.published
	}
	for i := 0; i < len(d.lines); i++ {
		l := d.lines[i]
		switch l.role {
		case RoleHeadline:
			if a.Headline == "" {
				a.Headline = l.text
			}
		case RoleCaption:
			if l.aboutStory && l.caption != "" { // a credit line alone is not a figure
				a.Body = append(a.Body, article.Block{Type: article.FigureBlk,
					Figure: &article.Figure{Caption: l.caption, Credit: l.credit}})
			}
		case RoleSubheading:
			a.Body = append(a.Body, article.Block{Type: article.Heading, Level: 2, Text: l.text})
		case RoleParagraph:
			// A run of paragraph lines inside one block is either a list,
			// one hard-wrapped paragraph, or one paragraph per line.
			j := i
			for j+1 < len(d.lines) && d.lines[j+1].role == RoleParagraph {
				j++
			}
			a.Body = append(a.Body, blocksOf(d.lines[i:j+1])...)
			i = j
		}
	}
	if l := lang.Detect(a.Headline + "\n" + a.BodyText()); l != "" {
		a.Language, a.LanguageSource = l, "detected"
	}
	return a
}

// line is the working record of one input line.
type line struct {
	start, end int
	text       string // trimmed
	role       string
	words      int
	// caption fields
	caption, credit string
	aboutStory      bool
}

type doc struct {
	lines []line
	// noBlanks is set for text that separates paragraphs by line breaks
	// alone: every line is then a block of its own.
	noBlanks  bool
	section   []string
	authors   []string
	published *article.Stamp
}

func analyse(text string) *doc {
	d := &doc{}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := 0
		if end < 0 {
			end = len(text)
			next = len(text)
		} else {
			end += start
			next = end + 1
		}
		e := end
		if e > start && text[e-1] == '\r' {
			e--
		}
		t := strings.TrimFunc(text[start:e], isSpaceOrBOM)
		l := line{start: start, end: e, text: t, words: countWords(t)}
		if t == "" {
			l.role = RoleBlank
		}
		d.lines = append(d.lines, l)
		start = next
	}
	blanks, nonBlank := 0, 0
	for _, l := range d.lines {
		if l.role == RoleBlank {
			blanks++
		} else {
			nonBlank++
		}
	}
	d.noBlanks = nonBlank >= 5 && blanks*10 < nonBlank
	d.classify()
	return d
}

func isSpaceOrBOM(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' }

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// ownBlock reports whether line i stands alone between blank lines (or
// the ends of the text).
func (d *doc) ownBlock(i int) bool {
	if d.noBlanks {
		return true
	}
	return (i == 0 || d.lines[i-1].role == RoleBlank) && (i+1 == len(d.lines) || d.lines[i+1].role == RoleBlank)
}

func (d *doc) prevNonBlank(i int) int {
	for j := i - 1; j >= 0; j-- {
		if d.lines[j].role != RoleBlank {
			return j
		}
	}
	return -1
}

func (d *doc) nextNonBlank(i int) int {
	for j := i + 1; j < len(d.lines); j++ {
		if d.lines[j].role != RoleBlank {
			return j
		}
	}
	return -1
}

// danglingIntro marks a site's closing note as boilerplate: a last line
// that ends with a colon and introduces nothing, or only one short line
// that is no sentence ("Our website can also be reached at:" then a list
// of addresses the extractor dropped; "See more photos:").
func (d *doc) danglingIntro() {
	last := d.prevNonBlank(len(d.lines))
	if last < 0 || d.lines[last].role != "" {
		return
	}
	intro, short := last, -1
	if l := &d.lines[last]; !strings.HasSuffix(l.text, ":") {
		if l.words > 6 || endsSentence(l.text) {
			return
		}
		intro, short = d.prevNonBlank(last), last
	}
	if intro <= 0 || d.lines[intro].role != "" || !strings.HasSuffix(d.lines[intro].text, ":") {
		return
	}
	d.lines[intro].role = RoleBoilerplate
	if short >= 0 {
		d.lines[short].role = RoleBoilerplate
	}
}

func (d *doc) classify() {
	// 1. Boilerplate: site furniture lines, and the footer after a marker.
	tail, note := false, false
	for i := range d.lines {
		l := &d.lines[i]
		if l.role == RoleBlank {
			note = false
			continue
		}
		if tail {
			if l.words > 25 && endsSentence(l.text) {
				tail = false // prose again: the marker was inside the story
			} else {
				l.role = RoleBoilerplate
				continue
			}
		}
		if kind := boilerplateKind(l.text, l.words); kind != 0 {
			l.role = RoleBoilerplate
			tail = kind == footerMarker
			note = kind == noteLine
			continue
		}
		// A line broken off a publisher's note ("Editor's note: ... the
		// candidate regularly\nincites\npolitical violence") is part of
		// it: it opens in lower case right after a line of the note that
		// ends no sentence. (Not after other furniture: "the plan\n
		// Advertisement\nwould cost more" keeps its last line.)
		// (note holds only right after a line of the note.)
		if note && !endsSentence(d.lines[i-1].text) {
			if r, _ := utf8.DecodeRuneInString(l.text); unicode.IsLower(r) {
				l.role = RoleBoilerplate
				continue
			}
		}
		note = false
	}
	d.danglingIntro()
	// 2. Captions anywhere: a line that ends with a photo credit.
	for i := range d.lines {
		l := &d.lines[i]
		if l.role != "" {
			continue
		}
		if cap, credit, ok := splitCredit(l.text); ok {
			l.role, l.caption, l.credit = RoleCaption, cap, credit
			continue
		}
		// Labelled lines as pages print them: "Image copyright Getty
		// Images" then "Image caption Protesters in ...".
		if cap, ok := labelled(l.text, l.words, captionLabels[:]); ok {
			l.role, l.caption = RoleCaption, cap
			if j := d.prevNonBlank(i); j >= 0 && d.lines[j].role == RoleCaption && d.lines[j].caption == "" {
				l.credit = d.lines[j].credit
			}
			continue
		}
		if credit, ok := labelled(l.text, l.words, creditOnlyLabels[:]); ok && l.words <= 10 {
			l.role, l.credit = RoleCaption, credit
		}
	}
	// 3. The head: section line, headline, byline and dateline.
	i := d.nextNonBlank(-1)
	if i >= 0 && d.lines[i].role == "" {
		if sec, ok := sectionPath(d.lines[i].text); ok {
			d.lines[i].role = RoleSection
			d.section = sec
			i = d.nextNonBlank(i)
		} else if j := d.nextNonBlank(i); j >= 0 && d.lines[j].role == "" && sectionLabel(d.lines[i].text, d.lines[i].words) &&
			looksLikeHeadline(d.lines[j].text, d.lines[j].words) && d.lines[j].words > d.lines[i].words+2 {
			// A one-to-three-word label over a longer headline: "Europe".
			d.lines[i].role = RoleSection
			if !isHome(d.lines[i].text) {
				d.section = []string{d.lines[i].text}
			}
			i = j
		}
	}
	if i >= 0 && d.lines[i].role == "" && looksLikeHeadline(d.lines[i].text, d.lines[i].words) {
		d.lines[i].role = RoleHeadline
		i = d.nextNonBlank(i)
	}
	for ; i >= 0 && i < len(d.lines); i = d.nextNonBlank(i) {
		l := &d.lines[i]
		if l.role == RoleCaption || l.role == RoleBoilerplate {
			continue
		}
		if l.role != "" || l.words > 14 {
			break
		}
		if names, ok := bylineNames(l.text); ok {
			l.role = RoleByline
			d.authors = append(d.authors, names...)
			continue
		}
		if st, ok := datelineStamp(l.text); ok {
			l.role = RoleByline
			if d.published == nil {
				d.published = st
			}
			continue
		}
		break
	}
	// 4. Subheadings: short unpunctuated lines standing alone between
	// paragraphs; the rest is body.
	for i := range d.lines {
		l := &d.lines[i]
		if l.role != "" {
			continue
		}
		if d.ownBlock(i) && looksLikeSubheading(l.text, l.words) && d.proseAround(i) {
			l.role = RoleSubheading
			continue
		}
		l.role = RoleParagraph
	}
	// 5. Captions about another story: none of their names in the story.
	var names map[string]bool // built at the first caption: most texts have none
	for i := range d.lines {
		l := &d.lines[i]
		if l.role == RoleCaption {
			if names == nil {
				names = d.storyNames()
			}
			l.aboutStory = aboutStory(l.caption, names)
		}
	}
}

// proseAround reports whether body prose comes before and after line i
// (captions and blank lines skipped).
func (d *doc) proseAround(i int) bool {
	before, after := false, false
	for j := i - 1; j >= 0; j-- {
		r := d.lines[j].role
		if r == RoleBlank || r == RoleCaption {
			continue
		}
		before = r == "" || r == RoleParagraph || r == RoleHeadline || r == RoleByline
		break
	}
	for j := i + 1; j < len(d.lines); j++ {
		l := d.lines[j]
		if l.role == RoleBlank || l.role == RoleCaption {
			continue
		}
		after = (l.role == "" || l.role == RoleParagraph) && (l.words > 14 || endsSentence(l.text))
		break
	}
	return before && after
}

// endsSentence reports whether s ends with final punctuation, allowing a
// closing quote or bracket after it.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’»)]`)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？:;", r)
}

func looksLikeHeadline(s string, words int) bool {
	if words == 0 || words > 30 || len(s) > 300 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == ',' || r == ';' || r == ':' {
		return false
	}
	// A full stop is fine on a short headline, not on a long first sentence
	// nor on two sentences ("The fund cut its forecast on Tuesday. The
	// fund said ...").
	return r != '.' || words <= 15 && !twoSentences(s)
}

// twoSentences: s holds a full stop after a word of four or more letters
// (not an abbreviation such as "Sen." or "U.S.") and then a capital.
func twoSentences(s string) bool {
	for i := strings.Index(s, ". "); i >= 0; {
		w := s[:i]
		if k := strings.LastIndexAny(w, " \t"); k >= 0 {
			w = w[k+1:]
		}
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if utf8.RuneCountInString(w) >= 4 && !strings.Contains(w, ".") && unicode.IsUpper(next) {
			return true
		}
		j := strings.Index(s[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

func looksLikeSubheading(s string, words int) bool {
	if words < 2 || words > 14 || len(s) > 120 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) || strings.ContainsRune(`"“'‘«-–—•*`, first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case strings.ContainsRune(".,;:…。\"”’»", last):
		return false
	case last == '?' || last == '!':
		return words <= 10
	}
	return true
}

// sectionPath reads a breadcrumb line: "News / Russia", "Home > World >
// Europe", "Sport | Football".
func sectionPath(s string) ([]string, bool) {
	if len(s) > 120 {
		return nil, false
	}
	for _, sep := range [...]string{"/", ">", "»", "›", "|", "→", "•", "·"} {
		if !strings.Contains(s, sep) {
			continue
		}
		parts := strings.Split(s, sep)
		if len(parts) < 2 || len(parts) > 6 {
			continue
		}
		var out []string
		ok := true
		for _, p := range parts {
			p = strings.TrimSpace(p)
			w := countWords(p)
			if p == "" || w > 4 || len(p) > 40 || endsSentence(p) || strings.HasSuffix(p, ",") {
				ok = false
				break
			}
			first, _ := utf8.DecodeRuneInString(p)
			if unicode.IsLower(first) || unicode.IsDigit(first) {
				ok = false
				break
			}
			out = append(out, p)
		}
		if !ok {
			continue
		}
		for len(out) > 0 && isHome(out[0]) {
			out = out[1:]
		}
		if len(out) > 0 {
			return out, true
		}
	}
	return nil, false
}

// sectionLabel accepts a short capitalised label without punctuation.
func sectionLabel(s string, words int) bool {
	if words < 1 || words > 3 || len(s) > 40 || endsSentence(s) || strings.ContainsAny(s, ",\"“”") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first)
}

func isHome(s string) bool {
	switch strings.ToLower(s) {
	case "home", "homepage", "start", "startseite", "inicio", "início", "accueil", "beranda":
		return true
	}
	return false
}

// bylineNames reads "By Jane Doe and John Smith" (a short line with a
// "By" prefix).
func bylineNames(s string) ([]string, bool) {
	ls := strings.ToLower(s)
	for _, p := range [...]string{"by ", "by: ", "written by ", "reported by ", "words by "} {
		if strings.HasPrefix(ls, p) {
			rest := s[len(p):]
			// "By Jane Doe, Reuters" and "By Jane Doe | Jan 28, 2022".
			if i := strings.IndexAny(rest, "|•·"); i >= 0 {
				rest = rest[:i]
			}
			// "By now it should be obvious ...", "By Monday, the council
			// will have voted on the budget": a sentence, not a byline.
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
				return nil, false
			}
			names := meta.SplitAuthors(rest)
			if len(names) == 0 && len(strings.Fields(rest)) > 5 {
				return nil, false
			}
			return names, true
		}
	}
	return nil, false
}

// datelineStamp reads a line that is only a date, with an optional label
// ("Published: 28 January 2022", "Updated 10:00 GMT, 28 Jan 2022").
func datelineStamp(s string) (*article.Stamp, bool) {
	if len(s) > 100 {
		return nil, false
	}
	t := s
	lt := strings.ToLower(t)
	for _, p := range [...]string{"published:", "published", "posted:", "posted on", "posted", "updated:", "updated", "date:", "first published"} {
		if strings.HasPrefix(lt, p) {
			t = strings.TrimSpace(t[len(p):])
			t = strings.TrimPrefix(strings.TrimPrefix(t, "on "), "at ")
			break
		}
	}
	tm, ok := meta.ParseDate(t)
	if !ok {
		return nil, false
	}
	return &article.Stamp{Time: tm, Source: "dateline"}, true
}

// blocksOf turns one run of paragraph lines (no blank line inside) into
// blocks: runs of two or more bulleted or numbered lines become lists, the
// rest paragraphs, joining lines that were hard-wrapped.
func blocksOf(ls []line) []article.Block {
	var out []article.Block
	for i := 0; i < len(ls); {
		j := i
		for j < len(ls) && isBulleted(ls[j].text) {
			j++
		}
		if j-i >= 2 {
			b := article.Block{Type: article.List}
			for _, l := range ls[i:j] {
				item, ordered := stripBullet(l.text)
				b.Items = append(b.Items, collapse(item))
				b.Ordered = ordered
			}
			out = append(out, b)
			i = j
			continue
		}
		j = i + 1
		for j < len(ls) && !(isBulleted(ls[j].text) && j+1 < len(ls) && isBulleted(ls[j+1].text)) {
			j++
		}
		out = append(out, paragraphsOf(ls[i:j])...)
		i = j
	}
	return out
}

func paragraphsOf(ls []line) []article.Block {
	wrapped := isWrapped(ls)
	var out []article.Block
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, article.Block{Type: article.Paragraph, Text: cur.String()})
			cur.Reset()
		}
	}
	for i, l := range ls {
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(collapse(l.text))
		joinNext := false
		if i+1 < len(ls) {
			first, _ := utf8.DecodeRuneInString(ls[i+1].text)
			joinNext = wrapped || !endsSentence(l.text) || unicode.IsLower(first)
		}
		if !joinNext {
			flush()
		}
	}
	flush()
	return out
}

// isWrapped recognises a hard-wrapped block: three or more lines, all
// but the last of about the same width.
func isWrapped(ls []line) bool {
	if len(ls) < 3 {
		return false
	}
	maxW := 0
	for _, l := range ls {
		if w := utf8.RuneCountInString(l.text); w > maxW {
			maxW = w
		}
	}
	if maxW > 100 {
		return false
	}
	midSentence := false
	for _, l := range ls[:len(ls)-1] {
		if utf8.RuneCountInString(l.text)*10 < maxW*6 {
			return false
		}
		midSentence = midSentence || !endsSentence(l.text)
	}
	// Wrapping at a fixed width breaks lines inside sentences; short
	// paragraphs one per line all end with a full stop.
	return midSentence
}

func isBulleted(s string) bool {
	_, ok := bullet(s)
	return ok
}

// bullet returns the length of a leading "- ", "* ", "• " or "12. "/"3) ".
func bullet(s string) (int, bool) {
	for _, b := range [...]string{"- ", "* ", "• ", "– ", "· "} {
		if strings.HasPrefix(s, b) {
			return len(b), true
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return i + 2, true
	}
	return 0, false
}

func stripBullet(s string) (string, bool) {
	n, _ := bullet(s)
	ordered := n > 0 && s[0] >= '0' && s[0] <= '9'
	return strings.TrimSpace(s[n:]), ordered
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
