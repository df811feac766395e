package minhash

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// realBodies are the article bodies of the scrapinghub extraction benchmark
// (MIT): real news and blog articles from different sites, sorted by key
// for a stable order. The repository holds 21 of them
// (testdata/scrapinghub); NEWSCLIP_GROUND_TRUTH names a fuller
// ground-truth.json (the benchmark has 181).
func realBodies(t *testing.T) [][]string {
	t.Helper()
	path := "../../testdata/scrapinghub/ground-truth.json"
	if p := os.Getenv("NEWSCLIP_GROUND_TRUTH"); p != "" {
		path = p
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(gt))
	for k := range gt {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out [][]string
	for _, k := range keys {
		var paras []string
		for _, p := range strings.Split(gt[k].ArticleBody, "\n") {
			if strings.TrimSpace(p) != "" {
				paras = append(paras, p)
			}
		}
		out = append(out, paras)
	}
	return out
}

func paraWords(paras []string) [][]string {
	out := make([][]string, 0, len(paras))
	for _, p := range paras {
		if w := Words(p); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// TestRealArticles measures grouping on real prose
// (go test ./store/minhash -run Real -v): every pair of different articles
// must stay apart, and edited copies of each (bodies of at least
// 150 words) must group.
func TestRealArticles(t *testing.T) {
	bodies := realBodies(t)
	sk := make([]Sketch, len(bodies))
	for i, b := range bodies {
		sk[i] = Of(strings.Join(b, "\n"))
	}
	pairs, cand, grouped, maxJ := 0, 0, 0, 0.0
	for i := range sk {
		for j := i + 1; j < len(sk); j++ {
			if sk[i].Shingles < 24 || sk[j].Shingles < 24 {
				continue
			}
			pairs++
			maxJ = max(maxJ, Jaccard(&sk[i], &sk[j]))
			if shareKey(&sk[i], &sk[j]) {
				cand++
				if ok, _ := Similar(&sk[i], &sk[j]); ok {
					grouped++
					t.Errorf("articles %d and %d grouped", i, j)
				}
			}
		}
	}
	t.Logf("different real articles: %d pairs, %d candidates, %d grouped, max J %.2f", pairs, cand, grouped, maxJ)

	cases := []recallCase{
		{"1 word replaced", replaceWords(1), 1},
		{"10 words replaced", replaceWords(10), 0.97},
		{"dateline added", addDateline, 1},
		{"last 30% of paragraphs cut", trimEnd(0.3), 0.95},
		{"sentence inserted", insertSentence, 1},
		// Heavy for short bodies: 10 words and a 15-word sentence in
		// what is left of a 150-250-word article. 86.6% on all 181.
		{"dateline + sentence + 30% cut + 10 words", combine(addDateline, insertSentence, trimEnd(0.3), replaceWords(10)), 0.85},
	}
	for ci, c := range cases {
		n, ok := 0, 0
		for i, b := range bodies {
			paras := paraWords(b)
			if len(flat(paras)) < 150 {
				continue
			}
			n++
			r := newRand(uint64(i), uint64(ci))
			a, e := OfWords(flat(paras)), OfWords(flat(c.edit(r, paras)))
			if g, _ := Similar(&a, &e); g && shareKey(&a, &e) {
				ok++
			}
		}
		t.Logf("real articles, %-42s %d/%d grouped (%.1f%%)", c.name+":", ok, n, 100*float64(ok)/float64(n))
		if float64(ok) < c.want*float64(n) {
			t.Errorf("%s: %d/%d grouped, want >= %.0f%%", c.name, ok, n, 100*c.want)
		}
	}
}
