package attribute

import (
	"strings"
)

// Segment roles.
const (
	whereHeadline   = "headline"
	whereSubheading = "subheading"
	whereBody       = "body"
)

// segment is one paragraph-like unit of the text.
type segment struct {
	s, e  int
	where string
	skip  bool // captions, boilerplate, section lines: no quotes
	list  bool // a list item or table row: never a heading
}

// plainSegments splits plain text into lines and guesses each line's role:
// the section line, the headline, captions and boilerplate (skipped),
// subheadings (short lines without sentence punctuation) and paragraphs.
func plainSegments(text string) []segment {
	var segs []segment
	start := 0
	for start <= len(text) {
		nl := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if nl >= 0 {
			end = start + nl
		}
		s, e := trimSpaceRange(text, start, end)
		if s < e {
			segs = append(segs, segment{s: s, e: e, where: whereBody})
		}
		if nl < 0 {
			break
		}
		start = end + 1
	}
	headline := false
	for i := range segs {
		line := text[segs[i].s:segs[i].e]
		switch {
		case !headline && isSectionLine(line):
			segs[i].skip = true
		case !headline:
			headline = true
			segs[i].where = whereHeadline
		case isCaption(line) || isBoilerplate(line):
			segs[i].skip = true
		case isHeadingLike(line):
			segs[i].where = whereSubheading
		}
	}
	return segs
}

func trimSpaceRange(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	return s, e
}

// isSectionLine: "News / Russia", "World > Europe".
func isSectionLine(line string) bool {
	sep := ""
	for _, c := range []string{" / ", " > ", " | ", " » ", " › "} {
		if strings.Contains(line, c) {
			sep = strings.TrimSpace(c)
			break
		}
	}
	if sep == "" {
		return false
	}
	for _, part := range strings.Split(line, sep) {
		if len(strings.Fields(part)) > 3 {
			return false
		}
	}
	return true
}

// isCaption: a line ending with a photo credit in parentheses.
func isCaption(line string) bool {
	l := strings.ToLower(line)
	if strings.HasPrefix(l, "photo:") || strings.HasPrefix(l, "image:") || strings.HasPrefix(l, "file photo") {
		return true
	}
	if !strings.HasSuffix(l, ")") {
		return false
	}
	open := strings.LastIndexByte(l, '(')
	if open < 0 {
		return false
	}
	credit := l[open:]
	for _, w := range []string{"photo", "image", "getty", "afp", "reuters", "ap ", "(ap)", "credit", "file", "epa", "via"} {
		if strings.Contains(credit, w) {
			return true
		}
	}
	return false
}

// isBoilerplate: a short line of site furniture. Long lines are story text
// even when they mention "advertisement" or "subscribe to".
func isBoilerplate(line string) bool {
	if len(line) > 120 {
		return false
	}
	l := strings.ToLower(line)
	for _, w := range []string{"all rights reserved", "©", "can also be accessed at", "read the rest", "click here",
		"sign up for", "subscribe to", "follow us on", "read more:", "related:", "advertisement"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isHeadingLike: a short line with no sentence-final punctuation.
func isHeadingLike(line string) bool {
	if len(line) > 120 || len(strings.Fields(line)) > 14 {
		return false
	}
	last := line[len(line)-1]
	switch last {
	case '.', '!', '?', '"', ':', ';', ',', ')':
		return false
	}
	return !strings.HasSuffix(line, "”") && !strings.HasSuffix(line, "’")
}
