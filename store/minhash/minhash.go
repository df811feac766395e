// Package minhash sketches texts so that near-duplicates (the same wire
// story republished with a new headline, a dateline, a trimmed end, an
// inserted credit line or edited sentences) can be found by index lookup and
// confirmed by estimated shingle overlap.
//
// A text is cut into words (maximal runs of letters and digits, lower-cased:
// case and punctuation do not count) and the words into overlapping
// ShingleSize-word shingles. Each distinct shingle is hashed once to 64 bits;
// NumHashes hash functions h_i(x) = a_i*x + b_i (mod 2^64, fixed odd a_i
// and b_i drawn from a fixed seed) give NumHashes minima, the signature. The
// fraction of equal minima between two signatures estimates the Jaccard
// similarity of their shingle sets (standard error at most
// 0.5/sqrt(NumHashes) = 0.044). With the number of distinct shingles kept
// beside the signature, the overlap can also be estimated relative to the
// smaller text (containment), which is what a truncated copy keeps high.
//
// Keys gives the locality-sensitive hashing index: the first
// NumBands*RowsPerBand minima are cut into NumBands bands of RowsPerBand,
// and two texts share a band key with probability
// 1-(1-J^RowsPerBand)^NumBands: 0.88 at J=0.5, 0.97 at 0.6, 1.00 at 0.7,
// 0.36 at 0.3, 0.016 at 0.1 and 0.002 at 0.05. All NumHashes minima are
// used to verify a candidate.
//
// The package does no storage: callers keep signatures and keys, look up
// candidates by key and confirm them with Similar.
package minhash

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"slices"
	"unicode"
	"unicode/utf8"
)

const (
	// ShingleSize is the number of words in a shingle. Three words make
	// shingles specific enough that two different stories on one topic
	// share few of them, and short enough that one replaced word changes
	// only three.
	ShingleSize = 3
	// NumHashes is the signature length.
	NumHashes = 128
	// RowsPerBand minima make one band key; there are NumBands keys.
	// Each key is one row in a store's index, written to a random page:
	// 16 keys of 3 rows find copies as well as 32 of 4 (measured in
	// docs/store.md) with half the index writes per stored article.
	RowsPerBand = 3
	NumBands    = 16
)

// Thresholds of Similar; docs/store.md has the curves they were chosen from
// (go test ./store/minhash -run Curve -v).
const (
	// MinJaccard is the estimated Jaccard similarity at or above which two
	// texts are one story.
	MinJaccard = 0.5
	// MinContainment is the estimated share of the smaller text's shingles
	// found in the larger at or above which two texts are one story (a
	// copy with its last paragraphs cut), provided the Jaccard estimate is
	// at least MinJaccardContained.
	MinContainment      = 0.8
	MinJaccardContained = 0.3
)

// Sketch is what is kept of a text: its signature and the number of
// distinct shingles it was built from.
type Sketch struct {
	Sig      [NumHashes]uint32
	Shingles int
}

// Hash parameters, drawn once from a fixed seed: deterministic across runs
// and builds. Never mutated.
var mulA, addB = func() (a, b [NumHashes]uint64) {
	r := rand.New(rand.NewPCG(0x6e657773636c6970, 0x6d696e68617368))
	for i := range a {
		a[i] = r.Uint64() | 1
		b[i] = r.Uint64()
	}
	return a, b
}()

// Words returns the lower-cased words of text: maximal runs of letters and
// digits.
func Words(text string) []string {
	var out []string
	start := -1
	lower := true
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start, lower = i, true
		case !word && start >= 0:
			out = append(out, lowerWord(text[start:i], lower))
			start = -1
		}
		if word && r != unicode.ToLower(r) {
			lower = false
		}
	}
	if start >= 0 {
		out = append(out, lowerWord(text[start:], lower))
	}
	return out
}

func lowerWord(w string, isLower bool) string {
	if isLower {
		return w
	}
	b := make([]byte, 0, len(w))
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// Of returns the sketch of text.
func Of(text string) Sketch {
	return OfWords(Words(text))
}

// OfWords is Of over words already split (and lower-cased). A text of
// fewer than ShingleSize words is one shingle; an empty text has none and
// a signature of all 0xffffffff. Callers should not group texts with few
// shingles: their signatures say little.
func OfWords(words []string) Sketch {
	var s Sketch
	for i := range s.Sig {
		s.Sig[i] = ^uint32(0)
	}
	if len(words) == 0 {
		return s
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = fnv64(w)
	}
	n := max(1, len(words)-ShingleSize+1)
	sh := make([]uint64, n)
	for i := range sh {
		var h uint64
		for j := i; j < min(i+ShingleSize, len(wh)); j++ {
			h = mix(h ^ wh[j])
		}
		sh[i] = h
	}
	slices.Sort(sh)
	sh = slices.Compact(sh)
	s.Shingles = len(sh)
	var mins [NumHashes]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	for _, x := range sh {
		for i := range mins {
			if v := mulA[i]*x + addB[i]; v < mins[i] {
				mins[i] = v
			}
		}
	}
	// The high bits of a multiply-add are the well-mixed ones.
	for i, m := range mins {
		s.Sig[i] = uint32(m >> 32)
	}
	return s
}

// fnv64 is 64-bit FNV-1a of w.
func fnv64(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser: every input bit affects every output
// bit, so shingle hashes are uniform before the multiply-add hashes.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// Jaccard estimates the Jaccard similarity of the shingle sets of a and b:
// the fraction of equal minima. Texts with no shingles are similar to
// nothing.
func Jaccard(a, b *Sketch) float64 {
	if a.Shingles == 0 || b.Shingles == 0 {
		return 0
	}
	eq := 0
	for i := range a.Sig {
		if a.Sig[i] == b.Sig[i] {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// Containment estimates the share of the smaller text's shingles that the
// larger holds, from the Jaccard estimate j and the set sizes:
// |A∩B| = j(|A|+|B|)/(1+j).
func Containment(a, b *Sketch, j float64) float64 {
	small := min(a.Shingles, b.Shingles)
	if small == 0 {
		return 0
	}
	inter := j * float64(a.Shingles+b.Shingles) / (1 + j)
	return min(1, inter/float64(small))
}

// Similar reports whether a and b are near-duplicates, and the score it
// judged by (the Jaccard estimate, or the containment estimate when that
// decided): estimated Jaccard >= MinJaccard, or estimated containment >=
// MinContainment with Jaccard >= MinJaccardContained.
func Similar(a, b *Sketch) (bool, float64) {
	j := Jaccard(a, b)
	if j >= MinJaccard {
		return true, j
	}
	if j >= MinJaccardContained {
		if c := Containment(a, b, j); c >= MinContainment {
			return true, c
		}
	}
	return false, j
}

// Keys returns the NumBands band keys of s: band i's RowsPerBand minima
// hashed together with i, as signed 64-bit integers (what SQLite stores).
// Two sketches sharing a key are candidates to confirm with Similar.
func Keys(s *Sketch) [NumBands]int64 {
	var out [NumBands]int64
	for b := range out {
		h := mix(uint64(b) + 1)
		for _, v := range s.Sig[b*RowsPerBand : (b+1)*RowsPerBand] {
			h = mix(h ^ uint64(v))
		}
		out[b] = int64(h)
	}
	return out
}

// Bytes encodes the signature as NumHashes*4 bytes, little-endian.
func (s *Sketch) Bytes() []byte {
	b := make([]byte, 4*NumHashes)
	for i, v := range s.Sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// Decode rebuilds a sketch from Bytes and the shingle count.
func Decode(b []byte, shingles int) (Sketch, error) {
	var s Sketch
	if len(b) != 4*NumHashes {
		return s, errors.New("minhash: signature of wrong length")
	}
	if shingles < 0 {
		return s, errors.New("minhash: negative shingle count")
	}
	for i := range s.Sig {
		s.Sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	s.Shingles = shingles
	return s, nil
}
