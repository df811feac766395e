package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// figure records a <figure>: its image, caption and credit. Its inside is
// not walked as text: the caption belongs to the figure block only.
func (e *engine) figure(n *html.Node, idx int32, ctx wctx) {
	var f figRec
	f.inLink = ctx.link
	var cap, credit strings.Builder
	var capLinkRunes, capRunes int
	var visit func(m *html.Node, inCap, inCredit, inLink bool)
	visit = func(m *html.Node, inCap, inCredit, inLink bool) {
		e.steps++
		switch m.Type {
		case html.TextNode:
			switch {
			case inCredit:
				appendCollapsed(&credit, m.Data)
			case inCap:
				r := appendCollapsed(&cap, m.Data)
				capRunes += r
				if inLink {
					capLinkRunes += r
				}
			}
			return
		case html.ElementNode:
		default:
			return
		}
		if tagKinds[m.DataAtom] == tSkip {
			return
		}
		switch m.DataAtom {
		case atom.Img:
			if f.src == "" {
				f.src, f.alt = imageSource(m)
			}
			return
		case atom.Figcaption:
			inCap = true
		case atom.A:
			if hasAttr(m, "href") {
				inLink = true
				if !inCap {
					f.inLink = true
				}
			}
		case atom.Br:
			if inCap {
				cap.WriteByte(' ')
			}
		}
		if class := attr(m, "class"); class != "" {
			l := strings.ToLower(class)
			if strings.Contains(l, "credit") || strings.Contains(l, "copyright") || strings.Contains(l, "photographer") ||
				strings.Contains(l, "source") || strings.Contains(l, "attribution") {
				inCredit = true
			} else if strings.Contains(l, "caption") {
				inCap = true
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inCap, inCredit, inLink)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		visit(c, false, false, ctx.link)
	}
	f.caption = strings.TrimSpace(cap.String())
	f.credit = strings.TrimSpace(credit.String())
	if f.caption == "" && f.credit != "" && f.src == "" {
		f.caption, f.credit = f.credit, ""
	}
	f.capRunes, f.capLink = capRunes, capLinkRunes
	if f.src == "" && f.caption == "" {
		return
	}
	e.addFigure(f, idx, ctx)
}

func (e *engine) addFigure(f figRec, owner int32, ctx wctx) {
	e.figs = append(e.figs, f)
	at := int32(len(e.buf))
	e.blocks = append(e.blocks, tblock{
		owner: owner, li: ctx.li, list: ctx.list, quote: ctx.quote, cell: ctx.cell, row: ctx.row, table: ctx.table,
		start: at, end: at, kind: kFigure, fig: int32(len(e.figs) - 1),
	})
}

// image records an <img> that stands on its own (not inside running text,
// not a link, not an icon) as a figure without caption.
func (e *engine) image(n *html.Node, parent int32, ctx wctx) {
	if !e.opts.Images || ctx.link || !e.curEmpty() || parent < 0 {
		return
	}
	for _, k := range [...]string{"width", "height"} {
		if v := attr(n, k); v != "" {
			if px, err := strconv.Atoi(strings.TrimSuffix(v, "px")); err == nil && px < 120 {
				return
			}
		}
	}
	src, alt := imageSource(n)
	if src == "" {
		return
	}
	e.addFigure(figRec{src: src, alt: alt}, parent, ctx)
}

// imageSource returns an image's URL, preferring the lazy-loading
// attributes over a placeholder src, and its alt text.
func imageSource(n *html.Node) (src, alt string) {
	var srcset string
	for _, a := range n.Attr {
		switch a.Key {
		case "src":
			if src == "" || strings.HasPrefix(src, "data:") {
				if !strings.HasPrefix(a.Val, "data:") || src == "" {
					src = a.Val
				}
			}
		case "data-src", "data-lazy-src", "data-original", "data-lazy", "data-url":
			if a.Val != "" && !strings.HasPrefix(a.Val, "data:") {
				src = a.Val
			}
		case "srcset", "data-srcset":
			srcset = a.Val
		case "alt":
			alt = collapse(a.Val)
		}
	}
	if (src == "" || strings.HasPrefix(src, "data:")) && srcset != "" {
		first := strings.TrimSpace(strings.Split(srcset, ",")[0])
		if sp := strings.IndexByte(first, ' '); sp > 0 {
			first = first[:sp]
		}
		src = first
	}
	if strings.HasPrefix(src, "data:") {
		src = ""
	}
	return strings.TrimSpace(src), alt
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// appendCollapsed writes s with white space collapsed and returns the
// number of non-space runes written.
func appendCollapsed(sb *strings.Builder, s string) int {
	n := 0
	space := sb.Len() == 0 || strings.HasSuffix(sb.String(), " ")
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u00a0' {
			if !space {
				sb.WriteByte(' ')
				space = true
			}
			continue
		}
		if r == '\u200b' || r == 0 {
			continue
		}
		sb.WriteRune(r)
		space = false
		n++
	}
	return n
}

// collapse returns s with runs of white space made single spaces, trimmed.
func collapse(s string) string {
	var sb strings.Builder
	appendCollapsed(&sb, s)
	return strings.TrimSpace(sb.String())
}
