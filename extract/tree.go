package extract

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The engine works on a flat copy of the parsed tree: one elem per element
// in document (pre)order, so that "is a descendant of" is an index range
// test and per-element features live in one slice instead of a map. Text is
// gathered once, in the same walk, into text blocks (maximal runs of inline
// content inside one block-level element) appended to one shared buffer.

// elem is one element of the page.
type elem struct {
	node   *html.Node
	parent int32
	end    int32 // index of the last descendant (itself when a leaf)
	mark   int16 // class/id/tag/role weight: negative = boilerplate
	flags  uint8
	// Aggregates over the blocks inside, filled bottom-up.
	text, link int32   // runes, runes inside links
	good, bad  float32 // content-like and boilerplate-like text
	paras      int32   // paragraph-like blocks: long, low link share, sentence end
	linkHeads  int32   // teaser titles: linked headings, headline-sized links opening a block
	near       float32 // good text of the paragraphs at most two levels down
}

const (
	fBoiler      uint8 = 1 << iota // marked as boilerplate by its names or tag
	fLayoutTable                   // a table used for layout, not data
	fStrong                        // boilerplate mark that size cannot overrule (comments)
	fHasQuote                      // a blockquote is inside (embedded posts, pull quotes)
)

// Block kinds.
const (
	kText uint8 = iota
	kFigure
)

// tblock is one text block (or figure) found in the page.
type tblock struct {
	owner      int32 // nearest block-level element
	li, list   int32 // innermost list item, outermost list (-1 when none)
	quote      int32 // outermost blockquote
	cell, row  int32 // table cell and row
	table      int32
	start, end int32 // text in engine.buf
	runes      int32 // non-space runes
	link       int32 // non-space runes inside links
	lead       int32 // runes of the link the block opens with
	heading    int8  // 1-6 inside a heading
	kind       uint8
	pre        bool
	fig        int32 // index into engine.figs
	sentEnd    bool  // ends like a sentence
	digits     int16 // ASCII digits (dates, times)
	dropped    bool  // left out of the story by keep
}

// figRec is a figure found in the page.
type figRec struct {
	src, alt, caption, credit string
	inLink                    bool
	capLink                   int // caption runes inside links
	capRunes                  int
}

// linkRec is a hyperlink inside the text buffer.
type linkRec struct {
	start, end int32
	href       string
}

// wctx is the walk's inherited context.
type wctx struct {
	owner, li, list, quote, cell, row, table int32
	heading                                  int8
	pre, link                                bool
}

type engine struct {
	opts   Options
	elems  []elem
	blocks []tblock
	figs   []figRec
	links  []linkRec
	buf    []byte
	// current text block
	cur      wctx
	curStart int32
	runes    int32
	link     int32
	lead     int32 // runes of the link that opens the block, if it opens with one
	space    bool  // last byte written is a space (or the block is empty)
	brAt     int32
	steps    int
	stop     func() bool
	stopped  bool
	tooMany  bool  // stopped at Options.MaxNodes elements
	core     int32 // densest paragraph container, -1 when none
	classes  map[string]className
	anc      []int32 // reused by score
	lenient  bool    // no container won: names are not trusted
	// description is the page's own summary (from the metadata), used to
	// recognise a standfirst.
	description string
	// headline is the page's headline: a first block repeating it goes
	// before the edges are trimmed a second time.
	headline string
}

// tagKind classifies elements for the walk.
type tagKind uint8

const (
	tInline tagKind = iota
	tBlock
	tSkip
)

var tagKinds = func() map[atom.Atom]tagKind {
	m := map[atom.Atom]tagKind{}
	for _, a := range []atom.Atom{atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Button, atom.Select, atom.Textarea,
		atom.Input, atom.Head, atom.Title, atom.Meta, atom.Link, atom.Base, atom.Audio, atom.Video,
		atom.Source, atom.Map, atom.Dialog, atom.Frameset, atom.Frame, atom.Param, atom.Track, atom.Datalist,
		atom.Option, atom.Optgroup, atom.Applet} {
		m[a] = tSkip
	}
	for _, a := range []atom.Atom{atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Center, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Thead,
		atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Ul, atom.Noframes, atom.Listing, atom.Xmp} {
		m[a] = tBlock
	}
	return m
}()

// tagWeight is the boilerplate weight of the element's own tag.
var tagWeight = map[atom.Atom]int16{
	atom.Nav: -6, atom.Aside: -4, atom.Footer: -4, atom.Header: -2, atom.Menu: -5, atom.Form: -1,
	atom.Address: -2, atom.Article: 1,
}

var roleWeight = map[string]int16{
	"navigation": -6, "complementary": -4, "banner": -4, "contentinfo": -4, "menu": -5, "menubar": -5,
	"search": -5, "dialog": -4, "alert": -3, "main": 3, "article": 2, "toolbar": -4, "tablist": -3,
}

// hoverTrigger returns the link that opens a hover card (the element's
// first child, an <a> with text), when the class or id names a hover
// card; else nil.
func hoverTrigger(n *html.Node, class, id string) *html.Node {
	names := strings.ToLower(class + " " + id)
	if !strings.Contains(names, "rollover") && !strings.Contains(names, "hovercard") && !strings.Contains(names, "tooltip") && !strings.Contains(names, "popover") {
		return nil
	}
	c := n.FirstChild
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		c = c.NextSibling
	}
	if c == nil || c.Type != html.ElementNode || c.DataAtom != atom.A || c.FirstChild == nil {
		return nil
	}
	return c
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(s string) bool {
	if !strings.Contains(s, "none") && !strings.Contains(s, "hidden") {
		return false
	}
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// engines recycles the engines' buffers between pages: a page's elems,
// blocks, text buffer and class memo are the bulk of the engine's
// allocations, and they fit the next page as well.
var engines = sync.Pool{New: func() any { return &engine{buf: make([]byte, 0, 64<<10)} }}

func newEngine(opts Options, stop func() bool) *engine {
	e := engines.Get().(*engine)
	e.opts, e.stop = opts, stop
	return e
}

// release returns an engine to the pool, dropping every reference into
// the page so that the pool does not keep documents alive.
func (e *engine) release() {
	clear(e.elems)
	clear(e.figs)
	clear(e.links)
	clear(e.classes)
	*e = engine{
		elems: e.elems[:0], blocks: e.blocks[:0], figs: e.figs[:0], links: e.links[:0],
		buf: e.buf[:0], classes: e.classes, anc: e.anc[:0],
	}
	if cap(e.buf) > 4<<20 || cap(e.elems) > 1<<18 {
		return // do not keep the buffers of a huge page
	}
	engines.Put(e)
}

// build walks the document once: elems, blocks, figures and links.
func (e *engine) build(doc *html.Node) {
	e.cur = wctx{owner: -1, li: -1, list: -1, quote: -1, cell: -1, row: -1, table: -1}
	e.space = true
	e.brAt = -1
	for c := doc.FirstChild; c != nil; c = c.NextSibling {
		e.walk(c, -1, e.cur, 0)
	}
	e.flush()
}

func (e *engine) walk(n *html.Node, parent int32, ctx wctx, depth int) {
	e.steps++
	if e.steps&4095 == 0 && e.stop() {
		e.stopped = true
	}
	if e.stopped {
		return
	}
	switch n.Type {
	case html.TextNode:
		e.text(n.Data, ctx)
		return
	case html.ElementNode:
	default:
		return
	}
	kind := tagKinds[n.DataAtom] // (unknown tags: tInline, the zero kind)
	if kind == tSkip {
		return
	}
	var class, id, role, style, itemprop string
	hidden := false
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "role":
			role = a.Val
		case "style":
			style = a.Val
		case "itemprop":
			itemprop = a.Val
		case "hidden":
			hidden = true
		case "aria-hidden":
			hidden = hidden || a.Val == "true"
		}
	}
	if hidden || (style != "" && hiddenStyle(style)) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		e.br(ctx)
		return
	case atom.Hr:
		e.flush()
		return
	case atom.Img:
		if ctx.pre {
			return
		}
		e.image(n, parent, ctx)
		return
	}
	if depth >= e.opts.MaxDepth {
		// Too deep: the content is kept as if it were inline in its parent.
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			e.walk(c, parent, ctx, depth)
		}
		return
	}

	idx := int32(len(e.elems))
	if int(idx) >= e.opts.MaxNodes {
		// Over the limit: stop here rather than build the rest.
		e.stopped, e.tooMany = true, true
		return
	}
	var mark int16
	var cn className
	if class != "" {
		cn = e.className(class)
	}
	if n.DataAtom != atom.Html && n.DataAtom != atom.Body {
		mark = tagWeight[n.DataAtom] + cn.weight
		if id != "" {
			mark += int16(nameWeight(id))
		}
		if role != "" {
			mark += roleWeight[role]
		}
		if itemprop == "articleBody" || itemprop == "articlebody" {
			mark += 6
		}
	}
	if kind == tInline && mark <= -4 && !ctx.pre && n.DataAtom != atom.A {
		// Furniture inside running text (hover cards, share links,
		// inline ads) is not part of the sentence around it; but a hover
		// card's trigger is: "Gov. <span class=rollover-people><a>Kristi
		// Noem</a><span>card</span></span>" keeps the name.
		if a := hoverTrigger(n, class, id); a != nil {
			e.walk(a, parent, ctx, depth+1)
		}
		return
	}
	el := elem{node: n, parent: parent, mark: mark}
	if mark <= -3 || cn.caption {
		el.flags |= fBoiler
		if cn.strong || strongName(id) {
			el.flags |= fStrong
		}
	}
	e.elems = append(e.elems, el)

	if !ctx.pre && (n.DataAtom == atom.Figure || (cn.figure && captionBox(n))) {
		e.flush()
		e.figure(n, idx, ctx)
		e.elems[idx].end = int32(len(e.elems) - 1)
		return
	}

	if kind == tBlock {
		e.flush()
		ctx.owner = idx
		switch n.DataAtom {
		case atom.Ul, atom.Ol, atom.Dl:
			if ctx.list < 0 {
				ctx.list = idx
			}
		case atom.Li, atom.Dt, atom.Dd:
			ctx.li = idx
		case atom.Blockquote:
			e.elems[idx].flags |= fHasQuote
			if ctx.quote < 0 {
				ctx.quote = idx
			}
		case atom.Table:
			if ctx.table >= 0 {
				e.elems[ctx.table].flags |= fLayoutTable
			}
			ctx.table, ctx.row, ctx.cell = idx, -1, -1
			// A list or quote around a table does not make its cells items.
			ctx.li, ctx.list = -1, -1
		case atom.Tr:
			ctx.row = idx
		case atom.Td, atom.Th:
			ctx.cell = idx
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			ctx.heading = int8(n.DataAtom.String()[1] - '0')
		case atom.Pre, atom.Listing, atom.Xmp:
			ctx.pre = true
		}
	} else if n.DataAtom == atom.A {
		for _, a := range n.Attr {
			if a.Key == "href" {
				ctx.link = true
				if e.opts.Links {
					start := int32(len(e.buf))
					e.children(n, idx, ctx, depth)
					e.links = append(e.links, linkRec{start: start, end: int32(len(e.buf)), href: a.Val})
					e.elems[idx].end = int32(len(e.elems) - 1)
					return
				}
				break
			}
		}
	}
	e.children(n, idx, ctx, depth)
	if kind == tBlock {
		e.flush()
	}
	e.elems[idx].end = int32(len(e.elems) - 1)
}

func (e *engine) children(n *html.Node, idx int32, ctx wctx, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.walk(c, idx, ctx, depth+1)
	}
}

// strongName reports whether a class or id names comments, which stay
// boilerplate however much text they hold.
func strongName(s string) bool {
	if s == "" {
		return false
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "comment") || strings.Contains(l, "disqus")
}

// text appends a text node to the current block, collapsing white space.
func (e *engine) text(s string, ctx wctx) {
	if e.cur != ctx && !(e.curEmpty()) {
		// Context changed inside the same block owner (e.g. inline link):
		// only the owner and structural indices matter.
		if !sameBlock(e.cur, ctx) {
			e.flush()
		}
	}
	if e.curEmpty() {
		e.cur = ctx
	} else {
		e.cur.link = ctx.link
	}
	if ctx.pre {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\r' {
				continue
			}
			e.buf = append(e.buf, c)
			if c&0xC0 != 0x80 && c != ' ' && c != '\n' && c != '\t' {
				e.runes++
				if ctx.link {
					e.link++
				}
			}
		}
		e.space = len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n')
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			if !e.space {
				e.buf = append(e.buf, ' ')
				e.space = true
			}
			continue
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // no-break space
			i++
			if !e.space {
				e.buf = append(e.buf, ' ')
				e.space = true
			}
			continue
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x8B || s[i+2] == 0x8C || s[i+2] == 0x8D):
			i += 2 // zero-width space and joiners
			continue
		case c == 0:
			continue
		}
		e.buf = append(e.buf, c)
		e.space = false
		if c&0xC0 != 0x80 {
			e.runes++
			if ctx.link {
				e.link++
				if e.runes == e.link {
					e.lead++
				}
			}
		}
	}
}

func sameBlock(a, b wctx) bool {
	return a.owner == b.owner && a.li == b.li && a.cell == b.cell && a.quote == b.quote && a.heading == b.heading && a.pre == b.pre
}

func (e *engine) curEmpty() bool { return e.runes == 0 }

func (e *engine) br(ctx wctx) {
	if e.curEmpty() {
		return
	}
	if ctx.pre {
		e.buf = append(e.buf, '\n')
		return
	}
	// Two line breaks in a row separate paragraphs.
	if e.brAt >= 0 && e.onlySpaceSince(e.brAt) {
		e.flush()
		return
	}
	for len(e.buf) > int(e.curStart) && e.buf[len(e.buf)-1] == ' ' {
		e.buf = e.buf[:len(e.buf)-1]
	}
	e.buf = append(e.buf, '\n')
	e.brAt = int32(len(e.buf))
	e.space = true
}

func (e *engine) onlySpaceSince(at int32) bool {
	for _, c := range e.buf[at:] {
		if c != ' ' && c != '\n' {
			return false
		}
	}
	return true
}

// flush ends the current text block.
func (e *engine) flush() {
	end := int32(len(e.buf))
	for end > e.curStart && (e.buf[end-1] == ' ' || e.buf[end-1] == '\n') {
		end--
	}
	if e.runes > 0 {
		start := e.curStart
		for start < end && (e.buf[start] == ' ' || e.buf[start] == '\n') {
			start++
		}
		e.buf = e.buf[:end]
		c := e.cur
		e.blocks = append(e.blocks, tblock{
			owner: c.owner, li: c.li, list: c.list, quote: c.quote, cell: c.cell, row: c.row, table: c.table,
			start: start, end: end, runes: e.runes, link: e.link, lead: e.lead, heading: c.heading, pre: c.pre,
			kind: kText, fig: -1, sentEnd: sentenceEnd(e.buf[start:end]), digits: countDigits(e.buf[start:end]),
		})
		if !e.cur.pre {
			// Keep a separator so that text of adjacent blocks never fuses.
			e.buf = append(e.buf, ' ')
		}
	} else {
		e.buf = e.buf[:e.curStart]
	}
	e.curStart = int32(len(e.buf))
	e.runes, e.link, e.lead = 0, 0, 0
	e.space = true
	e.brAt = -1
}

// sentenceEnd reports whether text ends like a sentence.
func sentenceEnd(b []byte) bool {
	for i := len(b) - 1; i >= 0; i-- {
		c := b[i]
		switch c {
		case '"', '\'', ')', ']', ' ':
			continue
		case '.', '!', '?', ':', ';':
			return true
		}
		if c >= 0x80 {
			// Closing quotes and CJK full stops end sentences too.
			s := string(b[max(0, i-2) : i+1])
			if strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") || strings.HasSuffix(s, "»") {
				return sentenceEndBefore(b[:max(0, i-2)])
			}
			return strings.HasSuffix(s, "。") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？")
		}
		return false
	}
	return false
}

func sentenceEndBefore(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	c := b[len(b)-1]
	return c == '.' || c == '!' || c == '?' || c == ','
}

// captionBox reports whether an element named as a caption holds an image
// (WordPress "wp-caption" and gallery items): it is then read as a figure.
func captionBox(n *html.Node) bool {
	budget, textBytes, img := 64, 0, false
	var find func(m *html.Node)
	find = func(m *html.Node) {
		for c := m.FirstChild; c != nil && budget >= 0; c = c.NextSibling {
			budget--
			switch c.Type {
			case html.TextNode:
				textBytes += len(c.Data)
			case html.ElementNode:
				if c.DataAtom == atom.Img {
					img = true
				} else {
					find(c)
				}
			}
		}
	}
	find(n)
	return img && budget >= 0 && textBytes < 400
}

// figureName reports whether a class names an image box.
func figureName(class string) bool {
	for _, w := range [...]string{"caption", "Caption", "photo", "Photo", "image", "Image", "figure", "Figure", "picture", "Picture"} {
		if strings.Contains(class, w) {
			return true
		}
	}
	return false
}

func countDigits(b []byte) int16 {
	n := int16(0)
	for _, c := range b {
		if c >= '0' && c <= '9' && n < 1000 {
			n++
		}
	}
	return n
}

// captionName reports whether a class names a caption or a credit line,
// which is never the story, whatever else the name says.
func captionName(class string) bool {
	return strings.Contains(class, "aption") || strings.Contains(class, "redit")
}

// className is what a class attribute value says, memoised per page
// (pages repeat their class values on thousands of elements).
type className struct {
	weight  int16
	strong  bool // names comments
	caption bool // names a caption or credit
	figure  bool // names an image box
}

func (e *engine) className(class string) className {
	if c, ok := e.classes[class]; ok {
		return c
	}
	if e.classes == nil {
		e.classes = make(map[string]className, 256)
	}
	c := className{weight: int16(nameWeight(class)), strong: strongName(class), caption: captionName(class), figure: figureName(class)}
	e.classes[class] = c
	return c
}
