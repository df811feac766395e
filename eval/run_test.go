package eval

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
)

// textExtractor is a stand-in extractor: the page file is the predicted
// body, except that a page saying PANIC panics and one saying ERROR fails.
func textExtractor(ctx context.Context, page []byte, url string) (*article.Article, error) {
	s := strings.TrimSpace(string(page))
	switch s {
	case "PANIC":
		panic("boom")
	case "ERROR":
		return nil, errors.New("cannot extract")
	case "":
		return &article.Article{}, nil
	}
	return &article.Article{Body: []article.Block{{Type: article.Paragraph, Text: s}}}, nil
}

func problemIDs(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Kind+":"+p.ID)
	}
	return out
}

func TestLoadScrapingHub(t *testing.T) {
	set, err := Load("testdata/mini-sh")
	if err != nil {
		t.Fatal(err)
	}
	if set.Layout != ScrapingHub {
		t.Errorf("layout %q", set.Layout)
	}
	var ids []string
	for _, p := range set.Pages {
		ids = append(ids, p.ID)
	}
	if want := []string{"boom", "fail", "p1", "p2", "p3"}; !slices.Equal(ids, want) {
		t.Errorf("pages %v, want %v", ids, want)
	}
	if got, want := problemIDs(set.Problems), []string{"malformed:bad", "unlabeled:extra", "missing:gone"}; !slices.Equal(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load("testdata/broken-gt"); err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Errorf("malformed ground-truth.json: err = %v", err)
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no gold set here") {
		t.Errorf("empty folder: err = %v", err)
	}
	if _, err := Load("testdata/does-not-exist"); err == nil {
		t.Error("missing folder: no error")
	}
	if _, err := LoadLayout("testdata/mini-sh", "nonsense"); err == nil {
		t.Error("unknown layout: no error")
	}
}

func TestRunScrapingHubLayout(t *testing.T) {
	set, err := Load("testdata/mini-sh")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), set, textExtractor, Options{Workers: 3, Resamples: -1, Worst: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Scored: p1 exact (P 1, R 1), p2 leaks "g h" (P .6, R 1), p3 empty
	// (R 0), boom panics and fail errors (both empty: R 0).
	// P = (1+.6)/2, R = 2/5, accuracy = 1/5.
	if r.Pages != 5 || r.Failed != 2 || r.Missing != 1 || r.Malformed != 1 || r.Unlabeled != 1 {
		t.Errorf("counts: pages %d failed %d missing %d malformed %d unlabeled %d", r.Pages, r.Failed, r.Missing, r.Malformed, r.Unlabeled)
	}
	if !near(r.Precision, 0.8) || !near(r.Recall, 0.4) || !near(r.F1, 0.64/1.2) || !near(r.Accuracy, 0.2) {
		t.Errorf("summary %+v", r.Summary)
	}
	if len(r.Worst) != 2 || r.Worst[0].ID != "boom" || r.Worst[1].ID != "fail" {
		t.Fatalf("worst = %+v", r.Worst)
	}
	if !strings.Contains(r.Worst[0].Error, "panicked: boom") || !slices.Equal(r.Worst[0].Missed, []string{"[all] x y z (3 tokens)"}) {
		t.Errorf("worst[0] = %+v", r.Worst[0])
	}
	if r.Worst[1].Error != "cannot extract" {
		t.Errorf("worst[1].Error = %q", r.Worst[1].Error)
	}
	if r.Timing == nil || r.Timing.Workers != 3 {
		t.Errorf("timing = %+v", r.Timing)
	}
}

// TestRunDeterministic checks that the report does not depend on the
// number of workers.
func TestRunDeterministic(t *testing.T) {
	var outs [][]byte
	for _, dir := range []string{"testdata/mini-sh", "testdata/snippets"} {
		for _, w := range []int{1, 2, 8} {
			set, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Run(context.Background(), set, textExtractor, Options{Workers: w, Seed: 7, Worst: 3})
			if err != nil {
				t.Fatal(err)
			}
			r.Timing = nil
			var buf bytes.Buffer
			if err := WriteJSON(&buf, r); err != nil {
				t.Fatal(err)
			}
			outs = append(outs, buf.Bytes())
		}
		for i := 1; i < len(outs); i++ {
			if !bytes.Equal(outs[0], outs[i]) {
				t.Errorf("%s: output differs with worker count:\n%s\nvs\n%s", dir, outs[0], outs[i])
			}
		}
		outs = outs[:0]
	}
}

func TestRunTimeoutAndLimits(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "html"), 0o755)
	os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(`{"slow": {"articleBody": "a b"}, "big": {"articleBody": "c d"}, "ok": {"articleBody": "e f"}}`), 0o644)
	os.WriteFile(filepath.Join(dir, "html", "slow.html"), []byte("HANG"), 0o644)
	os.WriteFile(filepath.Join(dir, "html", "big.html"), bytes.Repeat([]byte("x "), 600), 0o644)
	os.WriteFile(filepath.Join(dir, "html", "ok.html"), []byte("e f"), 0o644)
	release := make(chan struct{})
	defer close(release)
	extract := func(ctx context.Context, page []byte, url string) (*article.Article, error) {
		if string(page) == "HANG" {
			<-release // ignores its context on purpose
		}
		return textExtractor(ctx, page, url)
	}
	set, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), set, extract, Options{PageTimeout: 50 * time.Millisecond, MaxPageBytes: 1000, Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Failed != 2 || r.Accuracy != 1.0/3 {
		t.Errorf("failed %d accuracy %v, want 2 and 1/3; problems %+v", r.Failed, r.Accuracy, r.Problems)
	}
	for _, p := range r.Problems {
		switch p.ID {
		case "slow":
			if !strings.Contains(p.Error, "abandoned") {
				t.Errorf("slow: %q", p.Error)
			}
		case "big":
			if !strings.Contains(p.Error, "more than 1000 bytes") {
				t.Errorf("big: %q", p.Error)
			}
		}
	}
}

func TestRunCancelled(t *testing.T) {
	set, err := Load("testdata/mini-sh")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, set, textExtractor, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestTextDiff(t *testing.T) {
	tests := []struct {
		name, truth, pred string
		missed, leaked    []string
		nMissed, nLeaked  int
	}{
		{"identical", "a b c d e", "a b c d e", nil, nil, 0, 0},
		{"leaked tail", "a b c d e f", "a b c d e f g h", nil, []string{"[end] g h (2 tokens)"}, 0, 2},
		{"repeat missed once", "a b c d a b c d", "a b c d", []string{"[end] a b c d (4 tokens)"}, nil, 4, 0},
		{"empty prediction", "One, two: three.", "", []string{"[all] One, two: three (3 tokens)"}, nil, 3, 0},
		{"longest first", "k1 k2 k3 k4 k5 m1 k6 k7 k8 k9 m2 m3 m4 k10 k11 k12 k13",
			"k1 k2 k3 k4 k5 k6 k7 k8 k9 k10 k11 k12 k13",
			[]string{"[middle] m2 m3 m4 (3 tokens)", "[middle] m1 (1 token)"}, nil, 4, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, l, nm, nl := textDiff(tt.truth, tt.pred, 4)
			if !slices.Equal(m, tt.missed) || !slices.Equal(l, tt.leaked) || nm != tt.nMissed || nl != tt.nLeaked {
				t.Errorf("got missed %q (%d) leaked %q (%d); want %q (%d), %q (%d)", m, nm, l, nl, tt.missed, tt.nMissed, tt.leaked, tt.nLeaked)
			}
		})
	}
	long := strings.Repeat("word ", 100)
	m, _, _, _ := textDiff(long, "", 4)
	if len(m) != 1 || !strings.Contains(m[0], " … ") || len([]rune(m[0])) > maxExcerptRunes+20 {
		t.Errorf("long excerpt not shortened: %q", m)
	}
}

// TestTextDiffJunction: a shingle can go unmatched while every one of its
// tokens is covered by matched ones (text inserted mid-passage). The
// counts see it; the excerpts show only the inserted word.
func TestTextDiffJunction(t *testing.T) {
	truth, pred := "p q r s t u v w", "p q r s x t u v w"
	c, _ := ScoreText(truth, pred, 4)
	m, l, nm, nl := textDiff(truth, pred, 4)
	if c.FN == 0 || nm != 0 || len(m) != 0 || nl != 1 || !slices.Equal(l, []string{"[middle] x (1 token)"}) {
		t.Errorf("counts %+v, missed %q (%d), leaked %q (%d)", c, m, nm, l, nl)
	}
}

func TestRunAllPages(t *testing.T) {
	set, err := Load("testdata/mini-sh")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), set, textExtractor, Options{Resamples: -1, AllPages: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range r.PageResults {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"boom", "fail", "p1", "p2", "p3"}) {
		t.Fatalf("page results %v", ids)
	}
	p2 := r.PageResults[3]
	if !near(p2.Precision, 0.6) || p2.Recall != 1 || !slices.Equal(p2.Leaked, []string{"[end] g h (2 tokens)"}) || p2.Missed != nil {
		t.Errorf("p2 = %+v", p2)
	}
	if len(r.Worst) != 0 {
		t.Errorf("worst listed without being asked: %+v", r.Worst)
	}
}

func TestEdges(t *testing.T) {
	set := &GoldSet{Layout: ScrapingHub, Pages: []Page{
		{ID: "a", Body: "By Ann Lee. k1 k2 k3 k4 k5 k6"},              // missed at the start: 3 tokens
		{ID: "b", Body: "k1 k2 k3 k4 k5 k6"},                          // leaked at the end: 3 tokens
		{ID: "c", Body: "k1 k2 k3 k4 k5 k6 k7 k8 k9 k10 k11 k12 k13"}, // leaked in the middle: 2
		{ID: "d", Body: "gone entirely"},                              // missed all: 2
	}}
	preds := map[string]string{
		"a": "k1 k2 k3 k4 k5 k6",
		"b": "k1 k2 k3 k4 k5 k6 Read more here",
		"c": "k1 k2 k3 k4 k5 k6 Ad slot k7 k8 k9 k10 k11 k12 k13",
		"d": "",
	}
	r := ScoreBodies(set, preds, Options{Resamples: -1})
	want := Edges{MissedStart: 3, MissedAll: 2, LeakedEnd: 3, LeakedMiddle: 2}
	if r.Edges == nil || *r.Edges != want {
		t.Errorf("edges %+v, want %+v", r.Edges, want)
	}
}

// textDiff reports what the prediction missed of the truth and what it
// added, as short excerpts, with the token counts of each.
func textDiff(truth, pred string, n int) (missed, leaked []string, nMissed, nLeaked int) {
	return diffTexts(truth, pred, n).excerpts()
}
