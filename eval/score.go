package eval

import (
	"slices"
	"strings"
)

// Counts are the shingle matches of one page: true positives, false
// positives and false negatives. ScoreText normalises them by their sum so
// that every page weighs the same whatever its length.
type Counts struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP), 1 when there is neither a false positive nor a
// false negative, and 0 when the prediction matched nothing and added
// nothing (TP = FP = 0).
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is TP/(TP+FN), 1 when there is neither a false positive nor a
// false negative, and 0 when TP = FN = 0.
func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the harmonic mean of Precision and Recall, 0 when both are 0.
func (c Counts) F1() float64 {
	return harmonic(c.Precision(), c.Recall())
}

// HasPrediction reports whether the page counts toward corpus precision:
// its prediction produced at least one shingle.
func (c Counts) HasPrediction() bool { return c.TP+c.FP > 0 }

// HasTruth reports whether the page counts toward corpus recall: its truth
// produced at least one shingle.
func (c Counts) HasTruth() bool { return c.TP+c.FN > 0 }

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// CleanPrediction removes soft hyphens (U+00AD) from a predicted text, as
// the benchmark's runners do before scoring.
func CleanPrediction(pred string) string {
	return strings.ReplaceAll(pred, softHyphen, "")
}

// ScoreText compares a predicted body text with the true one the way the
// ScrapingHub benchmark does: shingles of n tokens (ShingleSize when n < 1)
// as multisets, TP/FP/FN normalised by their sum. exact reports whether the
// two token lists are equal. pred is used as given: call CleanPrediction
// first to drop soft hyphens.
func ScoreText(truth, pred string, n int) (c Counts, exact bool) {
	tt, pt := Tokens(truth), Tokens(pred)
	c = shingleCounts(Shingles(tt, n), Shingles(pt, n))
	return c, slices.Equal(tt, pt)
}

func shingleCounts(truth, pred map[string]int) Counts {
	var tp, fp, fn int
	for k, t := range truth {
		p := pred[k]
		tp += min(t, p)
		if t > p {
			fn += t - p
		} else {
			fp += p - t
		}
	}
	for k, p := range pred {
		if _, ok := truth[k]; !ok {
			fp += p
		}
	}
	c := Counts{TP: float64(tp), FP: float64(fp), FN: float64(fn)}
	if s := tp + fp + fn; s > 0 {
		c.TP /= float64(s)
		c.FP /= float64(s)
		c.FN /= float64(s)
	}
	return c
}

// Summary holds corpus figures: point values and, after a bootstrap, their
// standard deviations.
type Summary struct {
	Precision    float64 `json:"precision"`
	PrecisionStd float64 `json:"precision_std"`
	Recall       float64 `json:"recall"`
	RecallStd    float64 `json:"recall_std"`
	F1           float64 `json:"f1"`
	F1Std        float64 `json:"f1_std"`
	Accuracy     float64 `json:"accuracy"`
	AccuracyStd  float64 `json:"accuracy_std"`
}

// shinglePoint computes the benchmark's corpus figures over the pages at
// idx (indices into counts and exact; repeats allowed, as in a bootstrap
// sample): precision is the mean per-page precision over pages with a
// non-empty prediction, recall the mean per-page recall over pages with a
// non-empty truth, F1 the harmonic mean of those two means, accuracy the
// share of pages whose token lists match exactly. A mean over no pages is 0.
func shinglePoint(counts []Counts, exact []bool, idx []int) (p, r, f, acc float64) {
	var sp, sr float64
	var np, nr, ne int
	for _, i := range idx {
		c := counts[i]
		if c.HasPrediction() {
			sp += c.Precision()
			np++
		}
		if c.HasTruth() {
			sr += c.Recall()
			nr++
		}
		if exact[i] {
			ne++
		}
	}
	if np > 0 {
		p = sp / float64(np)
	}
	if nr > 0 {
		r = sr / float64(nr)
	}
	if len(idx) > 0 {
		acc = float64(ne) / float64(len(idx))
	}
	return p, r, harmonic(p, r), acc
}

// SummarizeText computes the corpus figures of per-page shingle counts and
// exact-match flags (same length, same order), with standard deviations
// from a bootstrap of resamples (0 skips it) drawn with the given seed.
func SummarizeText(counts []Counts, exact []bool, resamples int, seed uint64) Summary {
	return summarize(len(counts), resamples, seed, func(idx []int) (float64, float64, float64, float64) {
		return shinglePoint(counts, exact, idx)
	})
}
