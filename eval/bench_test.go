package eval

import "testing"

// BenchmarkScoreBodies scores the 181 ScrapingHub ground truths against
// themselves, bootstrap included: the cost of scoring one tool.
func BenchmarkScoreBodies(b *testing.B) {
	set, err := ReadGroundTruth("testdata/scrapinghub/ground-truth.json")
	if err != nil {
		b.Fatal(err)
	}
	preds := map[string]string{}
	for _, p := range set.Pages {
		preds[p.ID] = p.Body
	}
	b.ResetTimer()
	for b.Loop() {
		ScoreBodies(set, preds, Options{Seed: 1})
	}
}

// BenchmarkTokens measures the tokenizer on the whole ground truth.
func BenchmarkTokens(b *testing.B) {
	set, err := ReadGroundTruth("testdata/scrapinghub/ground-truth.json")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, p := range set.Pages {
		n += len(p.Body)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range set.Pages {
			Tokens(p.Body)
		}
	}
}
