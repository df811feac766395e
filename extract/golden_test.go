package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

var update = flag.Bool("update", false, "rewrite golden files")

// benchDir is the repository's shared copy of ScrapingHub benchmark pages
// (html/<id>.html, ground-truth.json), relative to this package.
var benchDir = filepath.Join("..", "testdata", "scrapinghub")

// goldenPages names the benchmark pages TestGolden checks: each name's
// golden output is testdata/golden/<name>.txt.
var goldenPages = map[string]string{
	"cbssports-euro-qualifying": "9a440270bf8625d586039dfae1b8df409b467524e075124cd7a5424a5806901b",
	"cnbc-emirates-boeing":      "374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4",
	"guardian-hong-kong":        "5fa3154ec031ab35411a457d78eb5aa92c0e803c5329bd05c001e6d64009e206",
	"lhpat-trademark-ja":        "85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3",
	"linknaija-blogger":         "34a7328535ad4e60b059f81d37eec5d25c2bc8de759ce9a7b5e47ac7dc6fd1b0",
	"reuters-asian-markets":     "57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca",
	"sky-mourinho-tweets":       "921019755f4a96ac4abf9dbcb4ef9d5ac202624a542d5ea70912330aa6fcc71f",
}

// benchPagePath is the shared copy of the benchmark page with this id.
func benchPagePath(id string) string {
	return filepath.Join(benchDir, "html", id+".html")
}

type truthEntry struct {
	ID          string `json:"-"` // the benchmark id, from goldenPages
	URL         string `json:"url"`
	ArticleBody string `json:"articleBody"`
}

// loadTruth reads the shared ground truth and returns the entries of
// goldenPages, keyed by page name.
func loadTruth(t testing.TB) map[string]truthEntry {
	b, err := os.ReadFile(filepath.Join(benchDir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var byID map[string]truthEntry
	if err := json.Unmarshal(b, &byID); err != nil {
		t.Fatal(err)
	}
	m := make(map[string]truthEntry, len(goldenPages))
	for name, id := range goldenPages {
		e, ok := byID[id]
		if !ok {
			t.Fatalf("%s: id %s not in %s", name, id, benchDir)
		}
		e.ID = id
		m[name] = e
	}
	return m
}

// shingleScore is the benchmark's measure for one page: word tokens
// ([\p{L}\p{N}_]+), multisets of 4-token shingles, precision and recall.
func shingleScore(truth, pred string) (p, r float64) {
	count := func(s string) map[string]int {
		s = strings.ReplaceAll(s, "\u00ad", "")
		toks := strings.FieldsFunc(s, func(c rune) bool { return !(unicode.IsLetter(c) || unicode.IsNumber(c) || c == '_') })
		m := map[string]int{}
		if len(toks) > 0 && len(toks) < 4 {
			m[strings.Join(toks, " ")]++
		}
		for i := 0; i+4 <= len(toks); i++ {
			m[strings.Join(toks[i:i+4], " ")]++
		}
		return m
	}
	tm, pm := count(truth), count(pred)
	var tp, fp, fn float64
	for k, n := range tm {
		tp += float64(min(n, pm[k]))
		fn += float64(max(0, n-pm[k]))
	}
	for k, n := range pm {
		fp += float64(max(0, n-tm[k]))
	}
	if fp == 0 && fn == 0 {
		return 1, 1
	}
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	return p, r
}

// TestGolden extracts real pages, compares the body with the golden file
// and scores it against the benchmark's ground truth.
func TestGolden(t *testing.T) {
	truth := loadTruth(t)
	names := make([]string, 0, len(truth))
	for n := range truth {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile(benchPagePath(truth[name].ID))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(context.Background(), page, "", truth[name].URL, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			got := a.BodyText()
			golden := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("body differs from %s (run with -update after checking the change)", golden)
			}
			p, r := shingleScore(truth[name].ArticleBody, got)
			if p < 0.9 || r < 0.9 {
				t.Errorf("precision %.3f recall %.3f against the ground truth", p, r)
			}
		})
	}
}

func TestShingleScore(t *testing.T) {
	for _, c := range []struct {
		truth, pred string
		p, r        float64
	}{
		{"a b c d e", "a b c d e", 1, 1},
		{"a b c d e", "", 0, 0},
		{"a b c d e", "a b c d e f", 2.0 / 3, 1},
		{"one two", "one two", 1, 1},
		{"soft\u00adhyphen and more words", "softhyphen and more words", 1, 1},
	} {
		p, r := shingleScore(c.truth, c.pred)
		if p != c.p || r != c.r {
			t.Errorf("shingleScore(%q, %q) = %.3f, %.3f; want %.3f, %.3f", c.truth, c.pred, p, r, c.p, c.r)
		}
	}
}
