package collect

import (
	"context"
	"net/url"
	"strings"
	"sync"

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

// dispatcher hands the pages that need fetching to the workers: the
// producer pushes, a goroutine of its own (run) sends to the workers,
// taking hosts in turn. The producer waits when spreadWindow pages are
// held.
type dispatcher struct {
	mu     sync.Mutex
	cond   *sync.Cond
	spread *hostSpread
	closed bool
}

func newDispatcher() *dispatcher {
	d := &dispatcher{spread: newHostSpread()}
	d.cond = sync.NewCond(&d.mu)
	return d
}

// push adds a page; it reports false when ctx ended first.
func (d *dispatcher) push(ctx context.Context, p source.Page) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.spread.n >= spreadWindow && ctx.Err() == nil {
		d.cond.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	d.spread.push(p)
	d.cond.Broadcast()
	return true
}

// close says no more pages come; run returns once the held ones are sent.
func (d *dispatcher) close() {
	d.mu.Lock()
	d.closed = true
	d.cond.Broadcast()
	d.mu.Unlock()
}

// wake rouses waiters so that they see a cancelled context.
func (d *dispatcher) wake() {
	d.mu.Lock()
	d.cond.Broadcast()
	d.mu.Unlock()
}

func (d *dispatcher) len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.spread.n
}

// run sends the held pages to jobs until closed and empty, or ctx ends.
func (d *dispatcher) run(ctx context.Context, jobs chan<- source.Page) {
	for {
		d.mu.Lock()
		for d.spread.n == 0 && !d.closed && ctx.Err() == nil {
			d.cond.Wait()
		}
		if ctx.Err() != nil || (d.spread.n == 0 && d.closed) {
			d.mu.Unlock()
			return
		}
		p, _ := d.spread.pop()
		d.cond.Broadcast() // room for the producer
		d.mu.Unlock()
		select {
		case jobs <- p:
		case <-ctx.Done():
			return
		}
	}
}
