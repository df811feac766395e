package extract

// Selection: every text block gets a content weight (good) and a
// boilerplate weight (bad) from its own features: length, share of link
// text, and the boilerplate marks of its ancestors. Sums are carried up
// the tree, and the story's container is the element with the largest
// good - lambda*bad: it takes in every part of a split story as long as
// what lies between the parts (an ad slot, a teaser) weighs less than the
// parts, and stops where the next level up would add more furniture than
// story.

const (
	lambda     = 1.0
	linkBad    = 0.6 // weight of link text inside a block that is mostly not links
	shortRunes = 25  // below this, a block's text counts only in part
)

// blockWeights returns the good and bad weight of a text block that is
// not inside boilerplate.
func blockWeights(b *tblock) (good, bad float32) {
	if b.kind != kText {
		return 0, 0
	}
	t, l := float32(b.runes), float32(b.link)
	if 2*l > t {
		return 0, t
	}
	nl := t - l
	if b.runes-b.link < shortRunes {
		return nl * 0.3, l * linkBad
	}
	if b.sentEnd {
		nl *= 1.1
	}
	return nl, l * linkBad
}

// score fills the aggregates and returns the boilerplate ancestor of every
// element (-1 when none).
func (e *engine) score() []int32 {
	els := e.elems
	for i := range e.blocks {
		b := &e.blocks[i]
		if b.owner < 0 {
			continue
		}
		g, _ := blockWeights(b)
		el := &els[b.owner]
		el.text += b.runes
		el.link += b.link
		el.good += g
		if b.runes >= 80 && b.sentEnd && 4*b.link < b.runes {
			el.paras++
		}
		// Another story's title: a linked heading, a block that is one
		// headline-sized link, or a block opening with one (a teaser).
		teaser := (b.heading > 0 && 5*b.link >= 4*b.runes) || (b.lead >= 10 && b.lead <= 150 && b.lead == b.runes) ||
			(b.lead >= 25 && b.lead <= 150 && (b.lead == b.link || 5*b.lead >= 4*b.runes))
		if teaser {
			el.linkHeads++
			g = 0 // a teaser is no sign of the story's core
		}
		// Like a paragraph's parent and grandparent in Readability, the
		// elements just above a paragraph collect its weight: the densest
		// of them is the core of the story.
		el.near += g
		if p := el.parent; p >= 0 {
			els[p].near += g
			if gp := els[p].parent; gp >= 0 {
				els[gp].near += g / 2
			}
		}
	}
	for i := len(els) - 1; i >= 0; i-- {
		if p := els[i].parent; p >= 0 {
			els[p].text += els[i].text
			els[p].link += els[i].link
			els[p].good += els[i].good
			els[p].paras += els[i].paras
			els[p].linkHeads += els[i].linkHeads
			els[p].flags |= els[i].flags & fHasQuote
		}
	}
	core, coreScore := int32(-1), float32(0)
	for i := range els {
		if els[i].near > coreScore {
			core, coreScore = int32(i), els[i].near
		}
	}
	e.core = core
	// A boilerplate name on an element around the core of the story is a
	// misnomer (a "content-with-sidebar" wrapper, an ad "pusher" around
	// the whole page), unless it names comments.
	for i := core; i >= 0 && els[core].paras >= 2; i = els[i].parent {
		if els[i].flags&fStrong == 0 {
			els[i].flags &^= fBoiler
		}
	}
	// A mildly negative name (paywall, header, date, meta) on a small box
	// is furniture too.
	for i := range els {
		el := &els[i]
		if el.mark < 0 && el.mark > -3 && el.text < 200 && el.paras == 0 && el.flags&fHasQuote == 0 {
			el.flags |= fBoiler
		}
	}
	e.markTeasers()
	anc := e.anc[:0]
	if cap(anc) < len(els) {
		anc = make([]int32, len(els))
	}
	anc = anc[:len(els)]
	e.anc = anc
	for i := range els {
		switch {
		case els[i].flags&fBoiler != 0:
			anc[i] = int32(i)
		case els[i].parent >= 0:
			anc[i] = anc[els[i].parent]
		default:
			anc[i] = -1
		}
		els[i].good, els[i].bad = 0, 0
	}
	for i := range e.blocks {
		b := &e.blocks[i]
		if b.owner < 0 {
			continue
		}
		el := &els[b.owner]
		if anc[b.owner] >= 0 {
			el.bad += float32(b.runes)
			continue
		}
		g, bd := blockWeights(b)
		el.good += g
		el.bad += bd
	}
	for i := len(els) - 1; i >= 0; i-- {
		if p := els[i].parent; p >= 0 {
			els[p].good += els[i].good
			els[p].bad += els[i].bad
		}
	}
	return anc
}

// choose returns the index of the story's container, -1 for none.
func (e *engine) choose() int32 {
	best, bestScore := int32(-1), float32(0)
	// On a page where furniture outweighs content everywhere (a short
	// note inside a box named like furniture), the outermost element with
	// the most content stands in, and names are not trusted inside it.
	fallback, fallbackGood := int32(-1), float32(0)
	for i := range e.elems {
		el := &e.elems[i]
		s := el.good - lambda*el.bad
		if s > bestScore {
			best, bestScore = int32(i), s
		}
		if own := float32(el.text - el.link); own > fallbackGood {
			fallback, fallbackGood = int32(i), own
		}
	}
	if best < 0 {
		e.lenient = fallback >= 0
		return fallback
	}
	return best
}

// markTeasers marks the items of teaser lists as boilerplate: an element
// holding one linked heading (another story's title) and little more
// text, inside an element that holds several. The core of the story and
// its ancestors are never teasers: a shopping list of linked product
// names with descriptions stays.
func (e *engine) markTeasers() {
	els := e.elems
	core := e.core
	for i := range els {
		el := &els[i]
		if el.linkHeads != 1 || el.parent < 0 || els[el.parent].linkHeads < 2 || el.text > 800 {
			continue
		}
		if core >= 0 && int32(i) <= core && core <= el.end {
			continue // holds the core
		}
		if core >= 0 && core <= int32(i) && int32(i) <= els[core].end &&
			(els[el.parent].paras > 0 || 2*els[el.parent].text >= els[core].text) {
			continue // a list inside the story: with prose of its own, or the story itself
		}
		el.flags |= fBoiler
	}
}
