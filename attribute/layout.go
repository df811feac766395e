package attribute

import "github.com/newsclip/newsclip/plaintext"

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
}

// linesSegments takes the line roles of the plain-text parser: section
// lines, captions and boilerplate are skipped, the headline and
// subheadings keep their role, the rest is body.
func linesSegments(text string) []segment {
	lines := plaintext.Lines(text)
	segs := make([]segment, 0, len(lines))
	for _, l := range lines {
		if l.Start < 0 || l.End > len(text) || l.Start >= l.End {
			continue
		}
		s, e := trimSpaceRange(text, l.Start, l.End)
		if s >= e {
			continue
		}
		sg := segment{s: s, e: e, where: whereBody}
		switch l.Role {
		case plaintext.RoleBlank:
			continue
		case plaintext.RoleHeadline:
			sg.where = whereHeadline
		case plaintext.RoleSubheading:
			sg.where = whereSubheading
		case plaintext.RoleParagraph:
		default: // section, caption, boilerplate
			sg.skip = true
		}
		segs = append(segs, sg)
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
