package extract

import (
	"net/url"

	"github.com/newsclip/newsclip/article"
)

// comments returns the reader comments: text blocks under an element
// named as comments (class or id), outside the story container c, link
// lists left out. Each comment paragraph becomes one block.
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
		if c >= 0 && b.owner >= c && b.owner <= e.elems[c].end && anc[b.owner] <= c {
			continue // part of the story
		}
		ids = append(ids, int32(i))
	}
	if len(ids) == 0 {
		return nil
	}
	return e.render(ids, base, "")
}
