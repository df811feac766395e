package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLoadShort runs the load test briefly on the repository's shared
// copy of benchmark pages (../../../testdata/scrapinghub/html): no
// request may fail, and both endpoints must have answered.
func TestLoadShort(t *testing.T) {
	var out bytes.Buffer
	o := options{duration: 2 * time.Second, clients: 20, pagesDir: filepath.Join(repoBench[1], "html"), searchShare: 0.5, out: &out}
	r, err := run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	report(o, r)
	t.Log("\n" + out.String())
	if r.errors != 0 {
		t.Errorf("%d requests failed: %q", r.errors, r.firstErrors)
	}
	if len(r.extract) == 0 || len(r.search) == 0 {
		t.Errorf("%d extractions and %d searches answered; want both", len(r.extract), len(r.search))
	}
	if r.stored == 0 || r.peakHeap == 0 {
		t.Errorf("stored %d, peak heap %d", r.stored, r.peakHeap)
	}
	for _, want := range []string{"POST /v1/extract", "GET /v1/articles", "p99", "peak Go heap", "errors 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestPercentile(t *testing.T) {
	ds := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{{0, 1}, {.5, 5}, {.9, 9}, {.99, 9}, {1, 10}} {
		if got := percentile(ds, tc.p); got != tc.want {
			t.Errorf("percentile %v = %v, want %v", tc.p, got, tc.want)
		}
	}
	if percentile(nil, .5) != 0 {
		t.Error("percentile of nothing")
	}
}
