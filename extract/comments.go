package extract

import (
	"net/url"

	"github.com/newsclip/newsclip/article"
)

// comments returns the reader comments: text blocks under an element
// named as comments (class or id), outside the story container c, link
// lists, labels and buttons left out. Each comment paragraph becomes one
// paragraph block.
func (e *engine) comments(c int32, anc []int32, base *url.URL) []article.Block {
	inComments := make([]bool, len(e.elems))
	for i := range e.elems {
		el := &e.elems[i]
		inComments[i] = el.flags&fStrong != 0 || (el.parent >= 0 && inComments[el.parent])
	}
	var ids []int32
	for i := range e.blocks {
		b := &e.blocks[i]
		if b.owner < 0 || b.kind != kText || !inComments[b.owner] || 2*b.link > b.runes {
			continue
		}
		// Labels, names, dates and buttons ("Reply", "3 comments") are not
		// what readers wrote.
		colon := b.end > b.start && e.buf[b.end-1] == ':'
		if b.heading > 0 || (b.runes < 25 && !b.sentEnd) || furniture(e.buf[b.start:b.end]) ||
			(b.runes < 100 && b.digits >= 4 && (!b.sentEnd || colon)) { // "Ann on May 3, 2018 at 5:23 pm said:"
			continue
		}
		if c >= 0 && b.owner >= c && b.owner <= e.elems[c].end && anc[b.owner] <= c {
			continue // part of the story
		}
		ids = append(ids, int32(i))
	}
	if len(ids) == 0 {
		return nil
	}
	out := make([]article.Block, 0, len(ids))
	for _, id := range ids {
		b := &e.blocks[id]
		out = append(out, article.Block{Type: article.Paragraph, Text: e.blockText(b), Links: e.blockLinks(b, base)})
	}
	return out
}
