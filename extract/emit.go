package extract

import (
	"bytes"
	"net/url"
	"slices"
	"sort"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/newsclip/newsclip/article"
)

// keep returns the blocks of the container c that belong to the story, in
// order: blocks under boilerplate inside c, link lists and figures of other
// stories are left out, then the edges are trimmed.
func (e *engine) keep(c int32, anc []int32) []int32 {
	if c < 0 {
		return nil
	}
	parts := e.parts(c, anc)
	var out []int32
	for i := range e.blocks {
		b := &e.blocks[i]
		part := int32(-1)
		for _, p := range parts {
			if b.owner >= p && b.owner <= e.elems[p].end {
				part = p
				break
			}
		}
		if part < 0 || anc[b.owner] > part && !e.lenient {
			continue
		}
		if b.kind == kFigure {
			f := &e.figs[b.fig]
			if !e.opts.Images {
				continue
			}
			// A figure that links away with a caption, or whose caption is
			// mostly a link, shows another story.
			if f.caption != "" && (f.inLink || 2*f.capLink > f.capRunes) {
				continue
			}
			out = append(out, int32(i))
			continue
		}
		// A link-heavy block is furniture unless it reads as a sentence
		// with some words of its own (prose that links its nouns).
		linky := 2*b.link > b.runes && !(b.sentEnd && b.runes >= 50 && 10*b.link < 9*b.runes && b.li < 0)
		if linky || furniture(e.buf[b.start:b.end]) || identifier(e.buf[b.start:b.end]) {
			b.dropped = true
			continue
		}
		out = append(out, int32(i))
	}
	out = e.dropLabels(out, c, anc)
	// The standfirst is looked for once the headline and bylines are gone.
	out = e.trim(out)
	if n := len(out); n > 0 {
		// A repeated headline or standfirst hides the dateline or byline
		// under it from the first trim.
		if out = e.dropHeadline(e.dropStandfirst(out)); len(out) < n {
			out = e.trim(out)
		}
	}
	return out
}

// dropHeadline removes the first text block when it repeats the headline.
func (e *engine) dropHeadline(ids []int32) []int32 {
	h := normKey(e.headline)
	if h == "" {
		return ids
	}
	for i, id := range ids {
		if e.blocks[id].kind != kText {
			continue
		}
		if normKey(e.blockText(&e.blocks[id])) == h {
			return append(ids[:i:i], ids[i+1:]...)
		}
		break
	}
	return ids
}

// dropStandfirst removes a leading summary (standfirst, dek) that repeats
// the page's description and stands apart from the paragraphs that
// follow: a heading, or a block outside the element that holds them (or
// inside a <header> there). A first paragraph that the description merely
// copies stays, also in a wrapper of its own.
func (e *engine) dropStandfirst(ids []int32) []int32 {
	if e.description == "" {
		return ids
	}
	first, next := -1, -1
	for i, id := range ids {
		if e.blocks[id].kind != kText {
			continue
		}
		if first < 0 {
			first = i
		} else {
			next = i
			break
		}
	}
	if first < 0 || next < 0 {
		return ids
	}
	b, nb := &e.blocks[ids[first]], &e.blocks[ids[next]]
	d, t := normKey(e.description), normKey(e.blockText(b))
	if len(t) < 20 || b.runes > 200 || !(strings.HasPrefix(d, t) || strings.HasPrefix(t, d)) {
		return ids
	}
	if b.heading == 0 && e.inBody(b.owner, e.elems[nb.owner].parent) {
		return ids
	}
	return append(ids[:first:first], ids[first+1:]...)
}

// inBody reports whether element i lies inside element p (the parent of
// the story's paragraphs) other than through a <header> or <hgroup>: a
// lede in its own wrapper among the paragraphs (div.story-intro) is part
// of the body even when the description copies it.
func (e *engine) inBody(i, p int32) bool {
	if p < 0 || i < p || i > e.elems[p].end {
		return false
	}
	for a := e.elems[i].parent; a > p; a = e.elems[a].parent {
		if t := e.elems[a].node.DataAtom; t == atom.Header || t == atom.Hgroup {
			return false
		}
	}
	return true
}

// parts returns the container c and its sibling twins: elements under
// the same parent with the same tag and class that hold story text of
// their own. A story split into several same-named boxes keeps all of
// them even when something heavier than a part (a related box, a
// gallery) stands between them.
func (e *engine) parts(c int32, anc []int32) []int32 {
	parts := []int32{c}
	p := e.elems[c].parent
	if p < 0 {
		return parts
	}
	cn := e.elems[c].node
	class := attr(cn, "class")
	if class == "" {
		return parts
	}
	for i := p + 1; i <= e.elems[p].end; i = e.elems[i].end + 1 {
		if i == c {
			continue
		}
		s := &e.elems[i]
		if s.node.DataAtom != cn.DataAtom || attr(s.node, "class") != class || anc[i] >= 0 && anc[i] > p {
			continue
		}
		if s.paras > 0 && s.good > s.bad {
			parts = append(parts, i)
		}
	}
	return parts
}

// dropLabels removes short label lines ("Related", "Don't miss", "More
// on this") whose next block in the page was left out: they introduce
// what was dropped.
func (e *engine) dropLabels(ids []int32, c int32, anc []int32) []int32 {
	out := ids[:0]
	for _, id := range ids {
		b := &e.blocks[id]
		if b.kind == kText && b.runes < 40 && !b.sentEnd && int(id)+1 < len(e.blocks) {
			nb := &e.blocks[id+1]
			inC := nb.owner >= c && nb.owner <= e.elems[c].end
			if (nb.dropped && nb.li >= 0) || (inC && anc[nb.owner] > c) {
				continue
			}
		}
		out = append(out, id)
	}
	return out
}

// furnitureText are whole-block texts that are page furniture in any
// article (lower-case, letters and digits only).
var furnitureText = map[string]bool{
	"advertisement": true, "advert": true, "ad": true, "ads": true, "sponsored": true,
	"storycontinuesbelowadvertisement": true, "continuereadingbelow": true, "continuereading": true,
	"readmore": true, "share": true, "sharethis": true, "sharethisarticle": true, "sharethisstory": true,
	"tweet": true, "email": true, "print": true, "related": true, "relatedarticles": true,
	"relatedstories": true, "relatedcontent": true, "recommended": true, "advertisementcontinuereadingbelow": true,
	"thisslideshowrequiresjavascript": true, "skipad": true, "closead": true, "comments": true,
	"leaveacomment": true, "postacomment": true, "commentsareclosed": true, "reply": true, "explorefurther": true, "seealso": true,
	"publicidade": true, "anzeige": true, "pubblicità": true, "publicité": true, "werbung": true, "iklan": true,
	"реклама": true, "광고": true, "広告": true,
}

func furniture(b []byte) bool {
	if len(b) > 64 {
		return false
	}
	k := normKey(string(b))
	return furnitureText[k] || galleryCounter(k)
}

// galleryCounter reports whether a normalised text is a slide counter
// ("Image 3 of 5", "Photo 1 of 12").
func galleryCounter(k string) bool {
	for _, w := range [...]string{"image", "photo", "picture", "slide", "foto", "imagem", "bild"} {
		if rest, ok := strings.CutPrefix(k, w); ok {
			i := 0
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			if i == 0 {
				return false
			}
			rest = rest[i:]
			for _, of := range [...]string{"of", "de", "di", "von", "sur"} {
				if r, ok := strings.CutPrefix(rest, of); ok && r != "" && strings.Trim(r, "0123456789") == "" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// trim drops furniture at the edges of the story: short lines that do
// not end like a sentence (bylines, datelines, "Share", labels) and
// headings with nothing after them.
func (e *engine) trim(ids []int32) []int32 {
	all := ids
	ids = e.trimEdges(append([]int32(nil), ids...))
	for _, id := range ids {
		if e.blocks[id].kind == kText {
			return ids
		}
	}
	// Everything looked like furniture: a page whose whole story is one
	// short line keeps it.
	return all
}

func (e *engine) trimEdges(ids []int32) []int32 {
	weak := func(i int32) bool {
		b := &e.blocks[i]
		if b.kind == kFigure || b.list >= 0 && b.heading == 0 {
			return false
		}
		if b.heading == 1 {
			return true
		}
		if b.runes < 150 && byline(e.buf[b.start:b.end]) {
			return true
		}
		if b.sentEnd {
			return false
		}
		// Datelines and bylines: short, many digits or few words.
		return b.runes < 50 || (b.runes < 140 && b.digits >= 4)
	}
	// Leading furniture; figures before the first line of the story stay.
	lead := 0
	for lead < len(ids) && (e.blocks[ids[lead]].kind == kFigure || weak(ids[lead]) && !e.lede(ids, lead)) {
		lead++
	}
	if lead > 0 {
		kept := ids[:0]
		for _, id := range ids[:lead] {
			if e.blocks[id].kind == kFigure {
				kept = append(kept, id)
			}
		}
		ids = append(kept, ids[lead:]...)
	}
	for len(ids) > 0 {
		b := &e.blocks[ids[len(ids)-1]]
		if weak(ids[len(ids)-1]) || b.heading > 0 || b.kind == kFigure || e.tailFurniture(b) {
			ids = ids[:len(ids)-1]
			continue
		}
		// A closing line may be followed by one or two more short lines
		// without a cue ("Join our forums ..."): cut from the closing line.
		for j := max(0, len(ids)-3); j < len(ids)-1; j++ {
			if e.tailFurniture(&e.blocks[ids[j]]) && e.shortTail(ids[j+1:]) {
				ids = ids[:j]
				break
			}
		}
		break
	}
	return ids
}

// lede reports whether the short block ids[i] opens the text rather than
// framing it: prose (two lower-case words or more, few digits, no byline
// form, not a heading, list item or table cell) that the next block
// continues, either in the same element split by <br><br> ("Lorem
// ipsum<br><br>dolor sit") or as the next <p> of the same parent (an
// intro paragraph). A dateline, kicker or name stays weak and is trimmed.
func (e *engine) lede(ids []int32, i int) bool {
	if i+1 >= len(ids) {
		return false
	}
	b, nb := &e.blocks[ids[i]], &e.blocks[ids[i+1]]
	if b.kind != kText || nb.kind != kText || b.heading != 0 || b.digits >= 4 || b.li >= 0 || b.table >= 0 {
		return false
	}
	sameOwner := b.owner == nb.owner
	siblingP := e.elems[b.owner].node.DataAtom == atom.P && e.elems[nb.owner].node.DataAtom == atom.P &&
		e.elems[b.owner].parent == e.elems[nb.owner].parent
	if !sameOwner && !siblingP {
		return false
	}
	t := e.buf[b.start:b.end]
	if byline(t) {
		return false
	}
	lower := 0
	for _, w := range bytes.Fields(t) {
		if w[0] >= 'a' && w[0] <= 'z' {
			lower++
		}
	}
	return lower >= 2
}

// shortTail reports whether every block of a tail is a short text block.
func (e *engine) shortTail(ids []int32) bool {
	for _, id := range ids {
		if b := &e.blocks[id]; b.kind != kText || b.runes >= 250 || b.list >= 0 {
			return false
		}
	}
	return true
}

func (e *engine) blockText(b *tblock) string {
	return string(e.buf[b.start:b.end])
}

// render turns the kept blocks into article blocks.
func (e *engine) render(ids []int32, base *url.URL) []article.Block {
	out := make([]article.Block, 0, len(ids))
	// open structures: the article block being filled for a list, quote or
	// table, keyed by the page element it comes from.
	var listEl, liEl, quoteEl int32 = -1, -1, -1
	var tablesDone []int32 // data tables already written whole
	headNorm := normKey(e.headline)
	e.markLayoutTables(ids)
	if e.opts.Links {
		sort.SliceStable(e.links, func(i, j int) bool { return e.links[i].start < e.links[j].start })
	}
	for n, id := range ids {
		b := &e.blocks[id]
		if b.kind == kFigure {
			f := &e.figs[b.fig]
			out = append(out, article.Block{Type: article.FigureBlk, Figure: &article.Figure{
				Src: resolve(base, f.src), Alt: f.alt, Caption: f.caption, Credit: f.credit}})
			listEl, quoteEl = -1, -1
			continue
		}
		text := e.blockText(b)
		if n == 0 && headNorm != "" && normKey(text) == headNorm {
			continue
		}
		links := e.blockLinks(b, base)
		switch {
		case b.table >= 0 && b.cell >= 0 && e.elems[b.table].flags&fLayoutTable == 0:
			// A data table is written whole when its first kept cell is
			// met: every row and cell in place, empty cells as "", cells
			// that are only links (a header row of links) with their text.
			if !slices.Contains(tablesDone, b.table) {
				out = append(out, e.dataTable(id, base))
				tablesDone = append(tablesDone, b.table)
			}
			listEl, quoteEl = -1, -1
			continue
		case b.list >= 0 && b.li >= 0 && b.quote < 0:
			if listEl != b.list || len(out) == 0 {
				out = append(out, article.Block{Type: article.List, Ordered: e.elems[b.list].node.DataAtom == atom.Ol})
				listEl, liEl = b.list, -1
			}
			l := &out[len(out)-1]
			if liEl == b.li && len(l.Items) > 0 {
				l.Items[len(l.Items)-1] += " " + text
			} else {
				l.Items = append(l.Items, text)
				liEl = b.li
			}
			l.Links = append(l.Links, links...)
			quoteEl = -1
			continue
		case b.quote >= 0 && b.heading == 0:
			if quoteEl == b.quote && len(out) > 0 {
				q := &out[len(out)-1]
				q.Text += "\n\n" + text
				q.Links = append(q.Links, links...)
			} else {
				out = append(out, article.Block{Type: article.Quotation, Text: text, Links: links})
				quoteEl = b.quote
			}
			listEl = -1
			continue
		}
		listEl, quoteEl = -1, -1
		switch {
		case b.pre:
			out = append(out, article.Block{Type: article.Pre, Text: text, Links: links})
		case b.heading > 0:
			out = append(out, article.Block{Type: article.Heading, Level: int(b.heading), Text: text, Links: links})
		default:
			out = append(out, article.Block{Type: article.Paragraph, Text: text, Links: links})
		}
	}
	return out
}

// markLayoutTables marks as layout the tables whose cells hold prose (a
// block over 200 runes, or several blocks in one cell) or that have a
// single column: they arrange the page, they do not tabulate data.
func (e *engine) markLayoutTables(ids []int32) {
	type stat struct {
		cell, row int32
		wide      bool
	}
	var stats map[int32]*stat
	for _, id := range ids {
		b := &e.blocks[id]
		if b.table < 0 || b.cell < 0 || e.elems[b.table].flags&fLayoutTable != 0 {
			continue
		}
		if stats == nil {
			stats = map[int32]*stat{}
		}
		st := stats[b.table]
		if st == nil {
			st = &stat{cell: -1, row: -1}
			stats[b.table] = st
		}
		if b.runes > 200 || (b.cell == st.cell && b.kind == kText) {
			e.elems[b.table].flags |= fLayoutTable
			continue
		}
		if b.row == st.row && b.cell != st.cell {
			st.wide = true // a row with two cells
		}
		st.cell, st.row = b.cell, b.row
	}
	for t, st := range stats {
		if !st.wide {
			e.elems[t].flags |= fLayoutTable
		}
	}
}

// dataTable builds the table block of the data table that text block id
// lies in, from the page's rows and cells rather than from the kept text
// blocks: keep drops link-only blocks (a header row of links) and an empty
// cell has no block at all, either of which would shift the columns.
func (e *engine) dataTable(id int32, base *url.URL) article.Block {
	t := e.blocks[id].table
	end := e.elems[t].end
	in := func(b *tblock) bool { return b.owner >= t && b.owner <= end }
	// The table's text blocks are one run of e.blocks around id.
	lo, hi := id, id
	for lo > 0 && in(&e.blocks[lo-1]) {
		lo--
	}
	for int(hi)+1 < len(e.blocks) && in(&e.blocks[hi+1]) {
		hi++
	}
	blk := article.Block{Type: article.Table}
	bi := lo
	for i := t + 1; i <= end; i++ {
		el := &e.elems[i]
		// (A data table holds no other table: walk marks such a table
		// as layout. Every row in it is its own.)
		if el.node.DataAtom != atom.Tr {
			continue
		}
		var row []string
		for c := i + 1; c <= el.end; c = e.elems[c].end + 1 {
			a := e.elems[c].node.DataAtom
			if e.elems[c].parent != i || (a != atom.Td && a != atom.Th) {
				continue
			}
			var parts []string
			for ; bi <= hi && e.blocks[bi].owner <= e.elems[c].end; bi++ {
				b := &e.blocks[bi]
				if b.kind != kText || b.cell != c {
					continue
				}
				parts = append(parts, e.blockText(b))
				blk.Links = append(blk.Links, e.blockLinks(b, base)...)
			}
			row = append(row, strings.Join(parts, " "))
		}
		if len(row) > 0 {
			blk.Rows = append(blk.Rows, row)
		}
	}
	return blk
}

// blockLinks returns the links inside a block, when asked for.
func (e *engine) blockLinks(b *tblock, base *url.URL) []article.Link {
	if !e.opts.Links || len(e.links) == 0 {
		return nil
	}
	i := sort.Search(len(e.links), func(i int) bool { return e.links[i].start >= b.start })
	var out []article.Link
	for ; i < len(e.links) && e.links[i].start < b.end; i++ {
		l := e.links[i]
		if l.end > b.end+1 {
			continue
		}
		text := collapse(string(e.buf[l.start:min(l.end, b.end)]))
		u := resolve(base, strings.TrimSpace(l.href))
		if text == "" || u == "" || strings.HasPrefix(u, "javascript:") {
			continue
		}
		out = append(out, article.Link{Text: text, URL: u})
	}
	return out
}

// resolve makes ref absolute against base; a ref that does not parse is
// returned as is.
func resolve(base *url.URL, ref string) string {
	if ref == "" || base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

// normKey reduces text to lower-case letters and digits for comparisons.
func normKey(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && r != 0xa0 {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// identifier reports whether a block is one long token joined by hyphens
// or underscores ("narrow-browser-and-phone"): a name for machines that
// leaked into the page text, never prose.
func identifier(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	joins := 0
	for _, c := range b {
		switch {
		case c == ' ' || c == '\n' || c >= 0x80:
			return false
		case c == '-' || c == '_':
			joins++
		}
	}
	return joins >= 2
}

// tailCues are phrases of the lines that close a news page after the story:
// credits, sign-up and follow prompts, copyright, affiliate notes.
var tailCues = []string{
	"follow us", "follow him on", "follow her on", "follow them on", "sign up for", "sign up to",
	"subscribe to our", "subscribe to the", "subscribe now", "subscribe today", "newsletter",
	"contributed to this report", "contributed reporting", "contributed to this story",
	"reporting by", "editing by", "writing by", "affiliate", "share it with", "like this story",
	"you may also like", "more great", "read more", "read next", "click here", "originally published",
	"originally appeared", "can be reached at", "may be reached at", "subject to copyright", "citation:", "leia mais", "leggi anche",
	"lesen sie auch", "lire aussi", "читайте также",
}

// tailFurniture reports whether a short block at the end of the story is
// one of the lines that close a page.
func (e *engine) tailFurniture(b *tblock) bool {
	if b.kind != kText || b.runes > 400 || b.list >= 0 {
		return false
	}
	t := strings.ToLower(e.blockText(b))
	for _, c := range tailCues {
		if strings.Contains(t, c) {
			return true
		}
	}
	// A rule made of underscores, dashes or stars.
	return strings.Trim(t, "_-*=~ ") == ""
}

// byline reports whether a line opens like a byline ("By Ann Lee", "Por
// Ana Lima", "Von ...").
func byline(b []byte) bool {
	for _, p := range [...]string{"By ", "BY ", "by ", "Por ", "POR ", "Von ", "Di ", "Par ", "Oleh ", "Door "} {
		if len(b) > len(p) && string(b[:len(p)]) == p && b[len(p)] >= 'A' && b[len(p)] <= 'Z' || len(b) > len(p) && string(b[:len(p)]) == p && b[len(p)] >= 0x80 {
			return true
		}
	}
	return false
}
