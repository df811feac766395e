package harness

import (
	"context"
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/bench/internal/benchtest"
)

func loadTest(t *testing.T, n int) *Bench {
	t.Helper()
	var pages []benchtest.Page
	for i := range n {
		pages = append(pages, benchtest.Article(i+1, benchtest.Paragraphs[i%len(benchtest.Paragraphs):]...))
	}
	b, err := Load(benchtest.Write(t, pages), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != n {
		t.Fatalf("loaded %d pages, want %d", len(b.Pages), n)
	}
	return b
}

// truthTool returns the expected body, optionally transformed.
func truthTool(name string, b *Bench, f func(string) string) Tool {
	truth := map[string]string{}
	for _, p := range b.Set.Pages {
		truth[p.ID] = p.Body
	}
	return Tool{Name: name, Extract: func(_ context.Context, p *Page) (string, error) {
		return f(truth[p.ID]), nil
	}}
}

func TestMeasureQuality(t *testing.T) {
	b := loadTest(t, 4)
	first := b.Pages[0].ID
	tests := []struct {
		name                   string
		tool                   Tool
		failed, empty          int
		wantF1, wantAcc        float64
		wantPrecisionBelowOne  bool
		wantRecallBelowOne     bool
		wantFailureMentionsErr string
	}{
		{name: "perfect", tool: truthTool("perfect", b, func(s string) string { return s }), wantF1: 1, wantAcc: 1},
		{
			// Soft hyphens split tokens unless removed before scoring.
			name:   "soft hyphens removed",
			tool:   truthTool("shy", b, func(s string) string { return strings.ReplaceAll(s, "harbour", "har\u00adbour") }),
			wantF1: 1, wantAcc: 1,
		},
		{
			name: "boilerplate added",
			tool: truthTool("leaky", b, func(s string) string {
				return "Home World Sport Subscribe today\n" + s + "\nCopyright 2024 Example Media. All rights reserved."
			}),
			wantPrecisionBelowOne: true, wantF1: -1, wantAcc: 0,
		},
		{
			name: "empty output", tool: Tool{Name: "empty", Extract: func(context.Context, *Page) (string, error) { return "", nil }},
			empty: 4, wantF1: 0, wantAcc: 0,
		},
		{
			name: "panics", tool: Tool{Name: "panics", Extract: func(context.Context, *Page) (string, error) { panic("boom") }},
			failed: 4, wantF1: 0, wantAcc: 0, wantFailureMentionsErr: "panic: boom",
		},
		{
			name: "fails on one page",
			tool: func() Tool {
				tt := truthTool("flaky", b, func(s string) string { return s })
				ok := tt.Extract
				tt.Extract = func(ctx context.Context, p *Page) (string, error) {
					if p.ID == first {
						return "", errors.New("cannot cope")
					}
					return ok(ctx, p)
				}
				return tt
			}(),
			failed: 1, wantRecallBelowOne: true, wantF1: -1, wantAcc: 0.75, wantFailureMentionsErr: "cannot cope",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Measure(context.Background(), tc.tool, b, Options{Repeat: 2})
			q := r.Quality
			if r.Failed != tc.failed || r.Empty != tc.empty {
				t.Errorf("failed %d empty %d, want %d and %d", r.Failed, r.Empty, tc.failed, tc.empty)
			}
			if tc.wantF1 >= 0 && q.F1 != tc.wantF1 {
				t.Errorf("F1 = %v, want %v", q.F1, tc.wantF1)
			}
			if tc.wantF1 < 0 && (q.F1 <= 0 || q.F1 >= 1) {
				t.Errorf("F1 = %v, want strictly between 0 and 1", q.F1)
			}
			if q.Accuracy != tc.wantAcc {
				t.Errorf("accuracy = %v, want %v", q.Accuracy, tc.wantAcc)
			}
			if tc.wantPrecisionBelowOne && !(q.Precision < 1 && q.Recall == 1) {
				t.Errorf("precision %v recall %v, want precision < 1 and recall 1", q.Precision, q.Recall)
			}
			if tc.wantRecallBelowOne && !(q.Recall < 1 && q.Precision == 1) {
				t.Errorf("precision %v recall %v, want precision 1 and recall < 1", q.Precision, q.Recall)
			}
			if tc.wantFailureMentionsErr != "" {
				if len(r.Failures) == 0 || !strings.Contains(r.Failures[0].Error, tc.wantFailureMentionsErr) {
					t.Errorf("failures %v, want one mentioning %q", r.Failures, tc.wantFailureMentionsErr)
				}
			}
			if r.Runs != 2*len(b.Pages) || r.Pages != len(b.Pages) {
				t.Errorf("runs %d pages %d, want %d and %d", r.Runs, r.Pages, 2*len(b.Pages), len(b.Pages))
			}
			if strings.Contains(strings.Join(mapValues(r.Predictions), ""), "\u00ad") {
				t.Error("a prediction still holds a soft hyphen")
			}
		})
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func TestMeasureMemoryAndSpeed(t *testing.T) {
	b := loadTest(t, 3)
	const perPage = 200
	var sink [][]byte
	tool := Tool{Name: "allocs", Extract: func(context.Context, *Page) (string, error) {
		sink = sink[:0]
		for range perPage {
			sink = append(sink, make([]byte, 1024))
		}
		return "x", nil
	}}
	r := Measure(context.Background(), tool, b, Options{Repeat: 3, Warmup: 1})
	if r.AllocsPerPage < perPage {
		t.Errorf("allocs/page = %v, want at least %d", r.AllocsPerPage, perPage)
	}
	if r.BytesPerPage < perPage*1024 {
		t.Errorf("bytes/page = %v, want at least %d", r.BytesPerPage, perPage*1024)
	}
	if r.PeakHeap < r.BaseHeap || r.PeakHeap == 0 {
		t.Errorf("peak heap %d below base %d", r.PeakHeap, r.BaseHeap)
	}
	if r.HeapSamples < r.Runs {
		t.Errorf("%d heap samples for %d page runs, want one per page at least", r.HeapSamples, r.Runs)
	}
	if r.PagesPerSec <= 0 || r.MBPerSec <= 0 || r.Seconds <= 0 {
		t.Errorf("speed figures not positive: %+v", r)
	}
	if len(r.PassSeconds) != 3 {
		t.Fatalf("%d pass times, want 3", len(r.PassSeconds))
	}
	// The headline speed is the fastest pass's, so never below the mean.
	if r.PagesPerSec < r.MeanPagesPerSec {
		t.Errorf("pages/s %v below the mean over passes %v", r.PagesPerSec, r.MeanPagesPerSec)
	}
}

func TestRunContinuesAfterPanickingTool(t *testing.T) {
	b := loadTest(t, 2)
	tools := []Tool{
		{Name: "panics", Extract: func(context.Context, *Page) (string, error) { panic(errors.New("nil map")) }},
		truthTool("perfect", b, func(s string) string { return s }),
	}
	var seen []string
	rs := Run(context.Background(), tools, b, Options{}, func(r Result) { seen = append(seen, r.Tool) })
	if len(rs) != 2 || strings.Join(seen, ",") != "panics,perfect" {
		t.Fatalf("results for %v, want panics,perfect", seen)
	}
	if rs[0].Failed != 2 || rs[1].Failed != 0 || rs[1].Quality.F1 != 1 {
		t.Errorf("panics failed %d; perfect failed %d F1 %v", rs[0].Failed, rs[1].Failed, rs[1].Quality.F1)
	}
}

func TestLoadDecodesToUTF8AndLimits(t *testing.T) {
	latin := benchtest.Page{
		ID:   benchtest.ID(7),
		URL:  "https://example.com/caf",
		HTML: []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 au lait</p></body></html>"),
		Body: "Café au lait",
	}
	other := benchtest.Article(9, benchtest.Paragraphs...)
	dir := benchtest.Write(t, []benchtest.Page{latin, other})

	b, err := Load(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 2 || b.Pages[0].ID != latin.ID {
		t.Fatalf("pages %d (first %q), want 2 sorted by id", len(b.Pages), b.Pages[0].ID)
	}
	if !strings.Contains(string(b.Pages[0].HTML), "Café au lait") {
		t.Errorf("page not decoded to UTF-8: %q", b.Pages[0].HTML)
	}
	if b.Pages[0].URL != latin.URL {
		t.Errorf("url %q, want %q", b.Pages[0].URL, latin.URL)
	}

	b, err = Load(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 1 || len(b.Set.Pages) != 1 {
		t.Errorf("limit 1 kept %d pages and %d gold entries", len(b.Pages), len(b.Set.Pages))
	}

	if _, err := Load(t.TempDir(), 0); err == nil {
		t.Error("Load of an empty folder: no error")
	}
}

func TestModuleVersion(t *testing.T) {
	bi := &debug.BuildInfo{
		Main: debug.Module{Path: "example.com/bench"},
		Deps: []*debug.Module{
			{Path: "example.com/peer", Version: "v1.2.3"},
			{Path: "example.com/main", Version: "v0.0.0", Replace: &debug.Module{Path: "../"}},
			{Path: "example.com/fork", Version: "v1.0.0", Replace: &debug.Module{Path: "example.com/fork2", Version: "v1.0.1"}},
		},
	}
	tests := []struct {
		bi         *debug.BuildInfo
		path, want string
	}{
		{bi, "", ""},
		{bi, "example.com/peer", "v1.2.3"},
		{bi, "example.com/main", "workspace"},
		{bi, "example.com/fork", "v1.0.1"},
		{bi, "example.com/bench", "workspace"},
		{bi, "example.com/absent", "?"},
		{nil, "example.com/peer", "?"},
	}
	for _, tc := range tests {
		if got := moduleVersion(tc.bi, tc.path); got != tc.want {
			t.Errorf("moduleVersion(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
