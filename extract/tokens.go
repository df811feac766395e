package extract

// Class and id names are the page author's own labels for the parts of a
// page, and the most portable signal of what a part is. Each name is split
// into word tokens (at punctuation and camelCase humps, lower-cased) and the
// tokens are looked up in one precomputed table. Negative weights mark
// boilerplate, positive ones the story. A few prefixes catch compounds
// written without separators ("sharebar", "relatedposts").

// tokenWeight is read-only after package initialisation.
var tokenWeight = map[string]int8{
	// navigation and page furniture
	"nav": -5, "navbar": -5, "navigation": -5, "menu": -5, "breadcrumb": -5, "breadcrumbs": -5,
	"masthead": -4, "footer": -4, "foot": -2, "header": -2, "topbar": -4, "toolbar": -4, "skip": -3,
	"pagination": -4, "pager": -4, "sidebar": -5, "rail": -3, "aside": -3, "widget": -4, "widgets": -4,
	"banner": -3, "login": -4, "signin": -4, "search": -3, "hidden": -3, "hide": -2, "sr": -2,
	"visually": -2, "offscreen": -3, "tooltip": -5, "popover": -5, "hovercard": -5, "rollover": -5, "print": -2, "jump": -2, "subnav": -5, "dropdown": -4,
	// sharing and social
	"share": -5, "sharing": -5, "shares": -5, "social": -5, "sociallinks": -5, "facebook": -3, "twitter": 0,
	"whatsapp": -3, "pinterest": -3, "linkedin": -3, "email": -2, "mail": -2, "rss": -3,
	"follow": -3,
	// related and recirculation
	"related": -5, "relatedarticles": -5, "recirc": -5, "recirculation": -5, "recommended": -5,
	"recommendations": -5, "recommend": -4, "popular": -4, "trending": -4, "mostread": -5,
	"mostpopular": -5, "outbrain": -5, "taboola": -5, "more": -2, "readmore": -4, "teaser": -3,
	"teasers": -3, "promo": -5, "promos": -5, "promotion": -5, "also": -2, "next": -2, "prev": -2,
	"previous": -2, "latest": -2, "headlines": -3, "carousel": -3, "slider": -2,
	// commercial
	"ad": -5, "ads": -5, "adv": -5, "advert": -5, "advertisement": -5, "advertising": -5, "adslot": -5,
	"adunit": -5, "dfp": -5, "gpt": -3, "sponsor": -5, "sponsored": -5, "commercial": -4, "affiliate": -4,
	"newsletter": -5, "newsletters": -5, "subscribe": -5, "subscription": -4, "signup": -5, "optin": -5,
	"cookie": -5, "cookies": -5, "consent": -5, "gdpr": -5, "modal": -4, "popup": -5, "overlay": -3,
	"paywall": -1, "piano": -2, "offer": -2,
	// comments
	"comment": -5, "comments": -5, "disqus": -5, "discussion": -4, "respond": -4, "reply": -4,
	// article furniture at the edges
	"byline": -3, "author": -2, "authors": -2, "bio": -3, "dateline": -2, "timestamp": -3,
	"date": -1, "time": -1, "meta": -1, "tags": -4, "tag": -2, "keywords": -4, "topics": -3,
	"categories": -3, "category": -2, "label": -1, "kicker": -2, "eyebrow": -2, "credits": -3, "credit": -3, "copyright": -3,
	"tools": -3, "actions": -3, "button": -3, "btn": -3, "icon": -3, "counter": -2, "rating": -3,
	"caption": -5, "captions": -5, "headline": -1, "title": -1,
	// the story
	"article": 2, "articlebody": 5, "body": 1, "content": 2, "entry": 2, "post": 1, "story": 2,
	"storybody": 5, "text": 2, "main": 1, "prose": 2, "richtext": 3, "copy": 1, "blog": 1, "hentry": 2,
	"paragraph": 2, "paragraphs": 2, "embed": 3, "embedded": 3, "tweet": 5, "detail": 1, "single": 1, "page": 0, "news": 1,
}

// prefixWeight catches compounds without separators; it is consulted only
// for tokens longer than the prefix that are not in tokenWeight.
var prefixWeight = []struct {
	prefix string
	weight int8
}{
	{"share", -5}, {"social", -5}, {"related", -5}, {"comment", -5}, {"advert", -5},
	{"newsletter", -5}, {"promo", -4}, {"sponsor", -5}, {"outbrain", -5}, {"taboola", -5},
	{"breadcrumb", -5}, {"cookie", -5}, {"subscri", -4}, {"sidebar", -5}, {"navbar", -5},
	{"recommend", -5}, {"trending", -4}, {"mostread", -5}, {"mostpopular", -5},
	{"articlebody", 5}, {"storybody", 5}, {"postbody", 4}, {"entrycontent", 4}, {"bodytext", 4},
}

// nameWeight sums the weights of the tokens of one class or id value.
// Each distinct weight-bearing token counts once.
func nameWeight(s string) int {
	var buf [32]byte
	total := 0
	var seen [8]string
	nseen := 0
	flush := func(tok []byte) {
		if len(tok) < 2 {
			return
		}
		w, ok := tokenWeight[string(tok)]
		if !ok && len(tok) > 4 {
			for _, p := range prefixWeight {
				if len(tok) > len(p.prefix) && string(tok[:len(p.prefix)]) == p.prefix {
					w, ok = p.weight, true
					break
				}
			}
		}
		if !ok || w == 0 {
			return
		}
		for _, s := range seen[:nseen] {
			if s == string(tok) {
				return
			}
		}
		if nseen < len(seen) {
			seen[nseen] = string(tok)
			nseen++
		}
		total += int(w)
	}
	n := 0
	var prev byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if n < len(buf) {
				buf[n] = c
				n++
			}
		case c >= 'A' && c <= 'Z':
			// A hump after a lower-case letter starts a new token.
			if prev >= 'a' && prev <= 'z' && n > 0 {
				flush(buf[:n])
				n = 0
			}
			if n < len(buf) {
				buf[n] = c | 0x20
				n++
			}
		default:
			if n > 0 {
				flush(buf[:n])
				n = 0
			}
		}
		prev = c
	}
	if n > 0 {
		flush(buf[:n])
	}
	return total
}
