package collect

import (
	"net/url"
	"strings"

	"github.com/newsclip/newsclip/source"
)

// spreadWindow is how many pages that still need fetching are held back
// to be spread across hosts.
const spreadWindow = 1024

// hostSpread holds pages that still need fetching in per-host queues and
// hands them out round-robin across hosts, so that a list sorted by site
// does not leave every worker waiting on one host's politeness limits
// while pages of other hosts wait behind them.
type hostSpread struct {
	queues map[string][]source.Page
	ring   []string // hosts with queued pages, in round-robin order
	next   int
	n      int
}

func newHostSpread() *hostSpread { return &hostSpread{queues: map[string][]source.Page{}} }

func pageHost(u string) string {
	if pu, err := url.Parse(u); err == nil {
		return strings.ToLower(pu.Host)
	}
	return ""
}

func (h *hostSpread) push(p source.Page) {
	host := pageHost(p.URL)
	if len(h.queues[host]) == 0 {
		h.ring = append(h.ring, host)
	}
	h.queues[host] = append(h.queues[host], p)
	h.n++
}

// pop returns the next page, taking hosts in turn.
func (h *hostSpread) pop() (source.Page, bool) {
	if h.n == 0 {
		return source.Page{}, false
	}
	if h.next >= len(h.ring) {
		h.next = 0
	}
	host := h.ring[h.next]
	q := h.queues[host]
	p := q[0]
	q[0] = source.Page{}
	q = q[1:]
	h.n--
	if len(q) == 0 {
		delete(h.queues, host)
		h.ring = append(h.ring[:h.next], h.ring[h.next+1:]...)
	} else {
		h.queues[host] = q
		h.next++
	}
	return p, true
}
