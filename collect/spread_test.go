package collect

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/source"
)

func TestHostSpread(t *testing.T) {
	h := newHostSpread()
	for _, u := range []string{"http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1", "http://c/2", "http://A/4"} {
		h.push(source.Page{URL: u})
	}
	var got []string
	for {
		p, ok := h.pop()
		if !ok {
			break
		}
		got = append(got, strings.TrimPrefix(p.URL, "http://"))
	}
	want := "[a/1 b/1 c/1 a/2 c/2 a/3 A/4]"
	if fmt.Sprint(got) != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if h.n != 0 || len(h.ring) != 0 || len(h.queues) != 0 {
		t.Errorf("not empty: %+v", h)
	}
}

// TestRunSpreadsHosts: a list sorted by host, a slow-paced host first.
// The other host's pages must not wait behind it.
func TestRunSpreadsHosts(t *testing.T) {
	a := newTestSite(0)
	defer a.Close()
	b := newTestSite(0)
	defer b.Close()
	var lines []string
	for i := 0; i < 20; i++ {
		lines = append(lines, fmt.Sprintf("%s/news/%d", a.URL, i))
	}
	lines = append(lines, b.URL+"/news/100", b.URL+"/news/101")
	list := writeList(t, lines...)
	st := newMemStore()
	var log bytes.Buffer
	cfg := testConfig(&log)
	cfg.Fetch.PerHostConcurrency = 1
	cfg.Fetch.PerHostDelay = 30 * time.Millisecond
	cfg.Fetch.ObeyRobots = false
	sum, err := Run(context.Background(), cfg, []string{list}, st)
	if err != nil || sum.Stored != 22 {
		t.Fatalf("%+v %v", sum, err)
	}
	var stored []string
	for _, l := range strings.Split(log.String(), "\n") {
		if strings.HasPrefix(l, "stored ") {
			stored = append(stored, l)
		}
	}
	for _, l := range stored[len(stored)-5:] {
		if strings.Contains(l, b.URL) {
			t.Errorf("a page of the second host was among the last stored:\n%s", strings.Join(stored, "\n"))
			break
		}
	}
}
