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

type truthEntry struct {
	ID          string `json:"id"`
	URL         string `json:"url"`
	ArticleBody string `json:"articleBody"`
}

func loadTruth(t testing.TB) map[string]truthEntry {
	b, err := os.ReadFile(filepath.Join("testdata", "scrapinghub", "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]truthEntry
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
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
			page, err := os.ReadFile(filepath.Join("testdata", "scrapinghub", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(context.Background(), page, "", truth[name].URL, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			got := a.BodyText()
			golden := filepath.Join("testdata", "scrapinghub", name+".golden.txt")
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
