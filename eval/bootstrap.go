package eval

import (
	"math"
	"math/rand/v2"
)

// pointFunc computes precision, recall, F1 and accuracy over a sample of
// page indices.
type pointFunc func(idx []int) (p, r, f, acc float64)

// summarize computes the point figures over all n pages, then resamples
// the pages with replacement resamples times and reports the sample
// standard deviation of each figure. The generator is seeded, so the
// same input gives the same figures.
func summarize(n, resamples int, seed uint64, point pointFunc) Summary {
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	var s Summary
	s.Precision, s.Recall, s.F1, s.Accuracy = point(all)
	if n == 0 || resamples < 2 {
		return s
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e657773636c6970)) // "newsclip"
	var ps, rs, fs, as stddev
	idx := make([]int, n)
	for range resamples {
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
		p, r, f, a := point(idx)
		ps.add(p)
		rs.add(r)
		fs.add(f)
		as.add(a)
	}
	s.PrecisionStd, s.RecallStd, s.F1Std, s.AccuracyStd = ps.value(), rs.value(), fs.value(), as.value()
	return s
}

// stddev accumulates a sample standard deviation (Welford's method).
type stddev struct {
	n        int
	mean, m2 float64
}

func (s *stddev) add(x float64) {
	s.n++
	d := x - s.mean
	s.mean += d / float64(s.n)
	s.m2 += d * (x - s.mean)
}

func (s *stddev) value() float64 {
	if s.n < 2 {
		return 0
	}
	return math.Sqrt(s.m2 / float64(s.n-1))
}
