package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzScoreText checks the scorer's invariants: figures within [0, 1],
// TP+FP+FN = 1 when there is a shingle, a text scored against itself
// perfect, and no missed or leaked text reported when the counts say none.
func FuzzScoreText(f *testing.F) {
	f.Add("a b c d e f", "a b c d e f g h")
	f.Add("東京都は、新しい計画", "")
	f.Add("x", "x x x x x")
	f.Fuzz(func(t *testing.T, truth, pred string) {
		c, exact := ScoreText(truth, pred, ShingleSize)
		for _, v := range []float64{c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1()} {
			if v < 0 || v > 1 {
				t.Fatalf("figure %v out of range: %+v", v, c)
			}
		}
		if s := c.TP + c.FP + c.FN; s != 0 && (s < 1-1e-9 || s > 1+1e-9) {
			t.Fatalf("counts sum to %v", s)
		}
		if exact && (c.FP != 0 || c.FN != 0) {
			t.Fatalf("exact but %+v", c)
		}
		self, ex := ScoreText(truth, truth, ShingleSize)
		if !ex || self.FP != 0 || self.FN != 0 || self.Precision() != 1 {
			t.Fatalf("truth against itself: %+v", self)
		}
		_, _, nMissed, nLeaked := textDiff(truth, pred, ShingleSize)
		// A token is reported only when no matched shingle covers it, so an
		// unmatched shingle may hide between matched ones, not the reverse.
		if (c.FN == 0 && nMissed != 0) || (c.FP == 0 && nLeaked != 0) {
			t.Fatalf("counts %+v but %d tokens missed, %d leaked", c, nMissed, nLeaked)
		}
	})
}

// FuzzReadGroundTruth feeds arbitrary bytes as a ground-truth file: an
// error or a set, never a panic, and every entry accounted for.
func FuzzReadGroundTruth(f *testing.F) {
	f.Add([]byte(`{"a": {"articleBody": "x", "url": "u"}, "b": {"articleBody": 1}}`))
	f.Add([]byte(`{"output": {"a": {"articleBody": "x"}}}`))
	f.Add([]byte(`{"p1": {"articleBody": "unterminated`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "ground-truth.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := ReadGroundTruth(path)
		if err != nil {
			return
		}
		for _, p := range set.Pages {
			if badID(p.ID) != nil {
				t.Fatalf("page with bad id %q", p.ID)
			}
		}
		ScoreBodies(set, map[string]string{}, Options{Resamples: 10})
	})
}

// FuzzSnippetEntry feeds arbitrary bytes as one snippet-layout entry: a
// page or a problem kind, never a panic, and a page always has a snippet
// and an existing file inside the pages folder.
func FuzzSnippetEntry(f *testing.F) {
	f.Add("story", []byte(`{"url": "u", "must": ["a b"], "must_not": ["c"], "headline": "H", "author": "A", "published": "2024-03-05"}`))
	f.Add("story", []byte(`{"must": [" "], "file": "../x"}`))
	f.Add("../story", []byte(`{"must": ["a"]}`))
	f.Add("story", []byte(`{"must": ["a"], "published": "2024-13-45"}`))
	f.Fuzz(func(t *testing.T, id string, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "story.html"), []byte("<p>a b</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
		p, kind, err := snippetPage(dir, id, data)
		if err != nil {
			if kind != ProblemMalformed && kind != ProblemMissing {
				t.Fatalf("error %v with kind %q", err, kind)
			}
			return
		}
		if len(p.Must)+len(p.MustNot) == 0 || filepath.Dir(p.File) != dir || !fileExists(p.File) {
			t.Fatalf("page %+v", p)
		}
	})
}
