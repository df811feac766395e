package eval

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

const eps = 1e-12

func near(a, b float64) bool { return math.Abs(a-b) < eps }

func TestScoreText(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		n           int
		want        Counts
		p, r        float64
		exact       bool
	}{
		// n = 3 cases, counted by hand.
		{"identical", "a b c", "a b c", 3, Counts{1, 0, 0}, 1, 1, true},
		{"prediction short", "a b c d", "a b c", 3, Counts{0.5, 0, 0.5}, 1, 0.5, false},
		{"prediction long", "a b c", "a b c d", 3, Counts{0.5, 0.5, 0}, 0.5, 1, false},
		{"both empty", "", "", 3, Counts{0, 0, 0}, 1, 1, true},
		{"empty prediction", "a", "", 3, Counts{0, 0, 1}, 0, 0, false},
		{"empty truth", "", "a", 3, Counts{0, 1, 0}, 0, 0, false},
		// truth shingles abc×2, bca, cab; prediction abc: TP 1, FN 3.
		{"repeat in truth", "a b c a b c", "a b c", 3, Counts{0.25, 0, 0.75}, 1, 0.25, false},
		{"repeat in prediction", "a b c", "a b c a b c", 3, Counts{0.25, 0.75, 0}, 0.25, 1, false},
		// n = 4. truth abcd bcde cdef; prediction adds defg efgh: TP 3, FP 2.
		{"leaked tail", "a b c d e f", "a b c d e f g h", 4, Counts{0.6, 0.4, 0}, 0.6, 1, false},
		// Short texts are one shingle each, "x y" vs "x y z": no match.
		{"short texts differ", "x y", "x y z", 4, Counts{0, 0.5, 0.5}, 0, 0, false},
		// truth abcd×2 bcda cdab dabc; prediction abcd: TP 1, FN 4.
		{"multiset", "a b c d a b c d", "a b c d", 4, Counts{0.2, 0, 0.8}, 1, 0.2, false},
		// Punctuation and spacing do not matter; case does.
		{"punctuation ignored", "Hello, world: it is.", "Hello world it is", 4, Counts{1, 0, 0}, 1, 1, true},
		{"case matters", "Hello world it is", "hello world it is", 4, Counts{0, 0.5, 0.5}, 0, 0, false},
		// Cyrillic: truth 5 tokens (2 shingles), prediction drops the last
		// word (1 shingle, the first of truth's): TP 1, FN 1.
		{"cyrillic", "Путин заявил что переговоры идут", "Путин заявил что переговоры", 4, Counts{0.5, 0, 0.5}, 1, 0.5, false},
		// Japanese: 2 tokens, so one shingle each; a changed run differs.
		{"japanese", "東京都は、新しい計画を発表した。", "東京都は 新しい計画を発表した", 4, Counts{1, 0, 0}, 1, 1, true},
		{"japanese differs", "東京都は、新しい計画を発表した。", "東京都は、新しい計画", 4, Counts{0, 0.5, 0.5}, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, exact := ScoreText(tt.truth, tt.pred, tt.n)
			if !near(c.TP, tt.want.TP) || !near(c.FP, tt.want.FP) || !near(c.FN, tt.want.FN) {
				t.Errorf("counts = %+v, want %+v", c, tt.want)
			}
			if !near(c.Precision(), tt.p) || !near(c.Recall(), tt.r) {
				t.Errorf("P, R = %v, %v, want %v, %v", c.Precision(), c.Recall(), tt.p, tt.r)
			}
			if exact != tt.exact {
				t.Errorf("exact = %v, want %v", exact, tt.exact)
			}
		})
	}
}

func TestCleanPredictionSoftHyphen(t *testing.T) {
	truth := "The newspaper printed the story"
	pred := "The news\u00adpaper printed the story"
	if _, exact := ScoreText(truth, pred, 4); exact {
		t.Fatal("a soft hyphen should split the token before cleaning")
	}
	c, exact := ScoreText(truth, CleanPrediction(pred), 4)
	if !exact || c.TP != 1 {
		t.Errorf("after cleaning: counts %+v, exact %v; want a perfect match", c, exact)
	}
}

// perturbed is a small corpus whose figures were counted by hand (n = 4).
var perturbed = []struct{ id, truth, pred string }{
	{"a", "a b c d e f", "a b c d e f"},                                   // exact: P 1, R 1
	{"b", "a b c d e f", "a b c d e f g h"},                               // TP .6 FP .4: P .6, R 1
	{"c", "one two three four five", ""},                                  // empty prediction: no P, R 0
	{"d", "x y", "x y z"},                                                 // TP 0 FP .5 FN .5: P 0, R 0
	{"e", "the cat sat on the mat the cat sat", "the cat sat on the mat"}, // TP .5 FN .5: P 1, R .5
}

func TestSummarizePerturbed(t *testing.T) {
	var counts []Counts
	var exact []bool
	for _, p := range perturbed {
		c, ex := ScoreText(p.truth, p.pred, ShingleSize)
		counts, exact = append(counts, c), append(exact, ex)
	}
	s := SummarizeText(counts, exact, 0, 1)
	// Precision over the four pages with a prediction: (1+.6+0+1)/4.
	// Recall over all five: (1+1+0+0+.5)/5. Accuracy: page a only.
	wantP, wantR, wantA := 0.65, 0.5, 0.2
	wantF := 2 * wantP * wantR / (wantP + wantR) // 0.565217...
	if !near(s.Precision, wantP) || !near(s.Recall, wantR) || !near(s.F1, wantF) || !near(s.Accuracy, wantA) {
		t.Errorf("summary = %+v, want P %v R %v F1 %v acc %v", s, wantP, wantR, wantF, wantA)
	}
	if s.PrecisionStd != 0 || s.F1Std != 0 {
		t.Errorf("no resamples asked, got std devs %+v", s)
	}

	// The same through ScoreBodies and a GoldSet.
	set := &GoldSet{Layout: ScrapingHub}
	preds := map[string]string{}
	for _, p := range perturbed {
		set.Pages = append(set.Pages, Page{ID: p.id, Body: p.truth})
		preds[p.id] = p.pred
	}
	r := ScoreBodies(set, preds, Options{Resamples: -1})
	if !near(r.Precision, wantP) || !near(r.Recall, wantR) || !near(r.F1, wantF) || !near(r.Accuracy, wantA) {
		t.Errorf("ScoreBodies = %+v, want P %v R %v F1 %v acc %v", r.Summary, wantP, wantR, wantF, wantA)
	}
	if r.Failed != 0 || r.Pages != 5 {
		t.Errorf("pages %d failed %d, want 5 and 0", r.Pages, r.Failed)
	}

	// A page without a prediction is failed and scored as empty: page e
	// then costs its recall (.5) and leaves precision.
	delete(preds, "e")
	r = ScoreBodies(set, preds, Options{Resamples: -1})
	if r.Failed != 1 || !near(r.Precision, 1.6/3) || !near(r.Recall, 0.4) {
		t.Errorf("without e: failed %d P %v R %v, want 1, %v, 0.4", r.Failed, r.Precision, r.Recall, 1.6/3)
	}
}

func TestSummarizeAllEmpty(t *testing.T) {
	c, ex := ScoreText("some words here", "", 4)
	s := SummarizeText([]Counts{c, c}, []bool{ex, ex}, 100, 1)
	if s.Precision != 0 || s.Recall != 0 || s.F1 != 0 || s.Accuracy != 0 {
		t.Errorf("all-empty predictions: %+v, want zeros", s)
	}
	if s := SummarizeText(nil, nil, 100, 1); s != (Summary{}) {
		t.Errorf("no pages: %+v, want zeros", s)
	}
}

func TestBootstrap(t *testing.T) {
	var counts []Counts
	var exact []bool
	for _, p := range perturbed {
		c, ex := ScoreText(p.truth, p.pred, ShingleSize)
		counts, exact = append(counts, c), append(exact, ex)
	}
	a := SummarizeText(counts, exact, 1000, 1)
	b := SummarizeText(counts, exact, 1000, 1)
	c := SummarizeText(counts, exact, 1000, 2)
	if a != b {
		t.Errorf("same seed, different figures: %+v vs %+v", a, b)
	}
	if a.PrecisionStd == c.PrecisionStd && a.RecallStd == c.RecallStd {
		t.Errorf("different seeds gave identical std devs %+v", a)
	}
	for name, v := range map[string]float64{"P": a.PrecisionStd, "R": a.RecallStd, "F1": a.F1Std, "acc": a.AccuracyStd} {
		// The pages differ a lot, so resampling them must move the figures,
		// but never by more than the range of per-page values (0..1).
		if v <= 0.01 || v >= 0.5 {
			t.Errorf("%s std dev %v, want between 0.01 and 0.5", name, v)
		}
	}
	// Identical pages: every resample gives the same figures.
	same := SummarizeText([]Counts{counts[1], counts[1], counts[1]}, []bool{false, false, false}, 200, 1)
	if same.PrecisionStd != 0 || same.RecallStd != 0 || same.AccuracyStd != 0 {
		t.Errorf("identical pages: std devs %+v, want 0", same)
	}
}

func TestStddev(t *testing.T) {
	var s stddev
	for _, x := range []float64{2, 4, 4, 4, 5, 5, 7, 9} {
		s.add(x)
	}
	if want := math.Sqrt(32.0 / 7); !near(s.value(), want) {
		t.Errorf("sample std dev = %v, want %v", s.value(), want)
	}
}

// TestGroundTruthAgainstItself scores the real benchmark's ground truth
// (181 pages, several scripts) as its own prediction: every figure is 1.
func TestGroundTruthAgainstItself(t *testing.T) {
	set, err := ReadGroundTruth("testdata/scrapinghub/ground-truth.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Pages) != 181 || len(set.Problems) != 0 {
		t.Fatalf("%d pages, %d problems; want 181, 0", len(set.Pages), len(set.Problems))
	}
	var counts []Counts
	var exact []bool
	preds := map[string]string{}
	for _, p := range set.Pages {
		c, ex := ScoreText(p.Body, p.Body, ShingleSize)
		counts, exact = append(counts, c), append(exact, ex)
		preds[p.ID] = p.Body
	}
	s := SummarizeText(counts, exact, 1000, 1)
	if s != (Summary{Precision: 1, Recall: 1, F1: 1, Accuracy: 1}) {
		t.Errorf("truth vs itself: %+v, want all 1 and no spread", s)
	}

	// ScoreBodies removes soft hyphens from predictions, as the benchmark's
	// runners do. The truth of one German page keeps four of them inside
	// words ("Not\u00adfall\u00addaten\u00adsatz"), so that page alone is no
	// longer an exact match; another has one before a word, which changes
	// no token.
	r := ScoreBodies(set, preds, Options{Seed: 1})
	const german = "57b4dafd18cfd0531b69f81e87158648227c673ef159f8d8c87d34e34bdb21f2"
	for _, p := range r.Results {
		if p.Exact != (p.ID != german) {
			t.Errorf("page %s: exact %v", p.ID, p.Exact)
		}
	}
	if !near(r.Accuracy, 180.0/181) || r.Precision >= 1 || r.Precision < 0.9999 {
		t.Errorf("ScoreBodies on truth: %+v", r.Summary)
	}
}

// TestLoadPredictionsWrapped reads both prediction-file shapes.
func TestLoadPredictionsWrapped(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]any{
		"plain.json":   map[string]any{"x": map[string]string{"articleBody": "text"}},
		"wrapped.json": map[string]any{"version": "1", "output": map[string]any{"x": map[string]string{"articleBody": "text"}}},
	} {
		data, _ := json.Marshal(body)
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := LoadPredictions(dir + "/" + name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != 1 || got["x"] != "text" {
			t.Errorf("%s: got %v", name, got)
		}
	}
}
