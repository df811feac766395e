// Package render writes an article.Article as plain text or Markdown, for
// people to read. It does not write JSON: the JSON form of an article is
// encoding/json of article.Article (see docs/format.md). Rendering is
// deterministic and never fails on content; only the writer can fail.
package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsclip/newsclip/article"
)

// Text writes the article as plain text: the headline, a line of
// metadata (authors, date, site), then the body blocks separated by blank
// lines. List items are written "- item" (or "1. item"), table rows with
// cells separated by " | ", figures as "[Figure: caption (credit)]".
func Text(w io.Writer, a *article.Article) error {
	bw := bufio.NewWriter(w)
	var parts []string
	if a.Headline != "" {
		parts = append(parts, a.Headline)
	}
	if m := metaLine(a); m != "" {
		parts = append(parts, m)
	}
	for _, b := range a.Body {
		if t := blockText(b, false); t != "" {
			parts = append(parts, t)
		}
	}
	bw.WriteString(strings.Join(parts, "\n\n"))
	if len(parts) > 0 {
		bw.WriteByte('\n')
	}
	if len(a.Comments) > 0 {
		bw.WriteString("\nComments\n\n")
		for _, b := range a.Comments {
			if t := blockText(b, false); t != "" {
				bw.WriteString(t)
				bw.WriteString("\n\n")
			}
		}
	}
	return bw.Flush()
}

// Markdown writes the article as CommonMark: the headline as a level-1
// heading, metadata in italics, headings at their level, lists, block
// quotes, tables (pipe tables), figures as images with their caption, pre
// blocks fenced. Text is escaped so that it is not read as markup.
func Markdown(w io.Writer, a *article.Article) error {
	bw := bufio.NewWriter(w)
	var parts []string
	if a.Headline != "" {
		parts = append(parts, "# "+escapeMD(oneLine(a.Headline))) // a line break would end the heading
	}
	if m := metaLine(a); m != "" {
		parts = append(parts, "_"+escapeMD(oneLine(m))+"_")
	}
	for _, b := range a.Body {
		if t := blockText(b, true); t != "" {
			parts = append(parts, t)
		}
	}
	if len(a.Comments) > 0 {
		parts = append(parts, "## Comments")
		for _, b := range a.Comments {
			if t := blockText(b, true); t != "" {
				parts = append(parts, t)
			}
		}
	}
	bw.WriteString(strings.Join(parts, "\n\n"))
	if len(parts) > 0 {
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func metaLine(a *article.Article) string {
	var m []string
	if len(a.Authors) > 0 {
		m = append(m, "By "+strings.Join(a.Authors, ", "))
	}
	if a.Published != nil && !a.Published.Time.IsZero() {
		m = append(m, a.Published.Time.Format("2006-01-02 15:04 MST"))
	}
	if a.SiteName != "" {
		m = append(m, a.SiteName)
	}
	return strings.Join(m, " · ")
}

func blockText(b article.Block, md bool) string {
	esc := func(s string) string {
		if md {
			return escapeMD(s)
		}
		return s
	}
	switch b.Type {
	case article.Heading:
		if md {
			level := b.Level
			if level < 1 || level > 6 {
				level = 2
			}
			return strings.Repeat("#", level) + " " + escapeMD(oneLine(b.Text))
		}
		return b.Text
	case article.List:
		var sb strings.Builder
		for i, it := range b.Items {
			if i > 0 {
				sb.WriteByte('\n')
			}
			if b.Ordered {
				fmt.Fprintf(&sb, "%d. ", i+1)
			} else {
				sb.WriteString("- ")
			}
			sb.WriteString(esc(oneLine(it)))
		}
		return sb.String()
	case article.Quotation:
		lines := strings.Split(b.Text, "\n")
		for i, l := range lines {
			if l == "" {
				lines[i] = ">"
			} else {
				lines[i] = "> " + esc(l)
			}
		}
		return strings.Join(lines, "\n")
	case article.Table:
		return table(b.Rows, md)
	case article.FigureBlk:
		f := b.Figure
		if f == nil {
			return ""
		}
		cap := f.Caption
		if f.Credit != "" {
			if cap != "" {
				cap += " (" + f.Credit + ")"
			} else {
				cap = f.Credit
			}
		}
		if md {
			if f.Src == "" {
				if cap == "" {
					return ""
				}
				return "_" + escapeMD(cap) + "_"
			}
			alt := f.Alt
			if alt == "" {
				alt = f.Caption
			}
			s := "![" + escapeMD(oneLine(alt)) + "](" + mdURL(f.Src) + ")"
			if cap != "" {
				s += "\n_" + escapeMD(cap) + "_"
			}
			return s
		}
		if cap == "" {
			return ""
		}
		return "[Figure: " + cap + "]"
	case article.Pre:
		if md {
			fence := "```"
			for strings.Contains(b.Text, fence) {
				fence += "`"
			}
			return fence + "\n" + b.Text + "\n" + fence
		}
		return b.Text
	}
	if md {
		// A line break inside a paragraph (<br>) stays a hard break.
		lines := strings.Split(b.Text, "\n")
		for i, l := range lines {
			lines[i] = escapeMD(l)
		}
		return strings.Join(lines, "\\\n")
	}
	return b.Text
}

func table(rows [][]string, md bool) string {
	if len(rows) == 0 {
		return ""
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var sb strings.Builder
	for i, r := range rows {
		if i > 0 {
			sb.WriteByte('\n')
		}
		cells := make([]string, width)
		for j := range cells {
			if j < len(r) {
				cells[j] = oneLine(r[j])
				if md {
					cells[j] = escapeMD(cells[j])
				}
			}
		}
		if md {
			sb.WriteString("| " + strings.Join(cells, " | ") + " |")
			if i == 0 {
				sb.WriteString("\n|" + strings.Repeat(" --- |", width))
			}
		} else {
			sb.WriteString(strings.Join(cells, " | "))
		}
	}
	return sb.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// escapeMD backslash-escapes the characters that CommonMark would read as
// inline markup, and a leading character that would start a block.
func escapeMD(s string) string {
	var sb strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|':
			sb.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 || (i > 0 && s[i-1] == '\n') {
				sb.WriteByte('\\')
			}
		}
		sb.WriteRune(r)
	}
	out := sb.String()
	// "1. " at the start of a line would become a list item.
	if n := leadingDigits(out); n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + `\` + out[n:]
	}
	return out
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func mdURL(u string) string { return mdURLEscaper.Replace(u) }

// mdURLEscaper escapes what would end a Markdown link target early.
var mdURLEscaper = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29")
