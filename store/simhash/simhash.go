// Package simhash fingerprints texts so that near-duplicates (the same wire
// story republished with small edits) have fingerprints a few bits apart.
//
// A fingerprint is a 64-bit SimHash over word 4-shingles: each shingle is
// hashed with 64-bit FNV-1a, and bit i of the fingerprint is set when more
// shingles have bit i set than clear. Words are maximal runs of letters and
// digits, lower-cased. The package does no storage and no lookup beyond
// Bands, which gives the keys of a pigeonhole index: two fingerprints within
// Hamming distance 3 share at least one of their four 16-bit bands.
//
// The store no longer groups stories by it (store/minhash replaced it:
// SimHash at distance 3 missed most copies with a few edits). It stays
// because migration 2 of store/sqlite, which must keep doing what it did
// when released, fingerprints with it; the store/minhash recall test also
// compares against it.
package simhash

import (
	"math/bits"
	"strings"
	"unicode"
)

// ShingleSize is the number of words in a shingle.
const ShingleSize = 4

// MaxDistance is the Hamming distance at or under which two fingerprints
// are near-duplicates. Bands is built for it: NumBands = MaxDistance + 1.
const MaxDistance = 3

// NumBands is the number of 16-bit bands a fingerprint is split into.
const NumBands = MaxDistance + 1

// 64-bit FNV-1a, inlined over the words so that hashing a shingle does
// not allocate.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Fingerprint is a 64-bit SimHash.
type Fingerprint uint64

// Words returns the lower-cased words of text: maximal runs of letters and
// digits.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Of returns the fingerprint of text and the number of shingles it was
// built from. A text of fewer than ShingleSize words is one shingle; an
// empty text has no shingles and fingerprint 0. Callers should not group
// texts with few shingles: a short text's fingerprint says little.
func Of(text string) (Fingerprint, int) {
	return OfWords(Words(text))
}

// OfWords is Of over words already split.
func OfWords(words []string) (Fingerprint, int) {
	if len(words) == 0 {
		return 0, 0
	}
	n := len(words) - ShingleSize + 1
	if n < 1 {
		n = 1
	}
	// counts[b] is the number of shingles with bit b set; the fingerprint
	// bit is set when that is more than half.
	var counts [64]int
	for i := 0; i < n; i++ {
		end := min(i+ShingleSize, len(words))
		v := uint64(fnvOffset)
		for j := i; j < end; j++ {
			if j > i {
				v = (v ^ ' ') * fnvPrime
			}
			w := words[j]
			for k := 0; k < len(w); k++ {
				v = (v ^ uint64(w[k])) * fnvPrime
			}
		}
		for b := range counts {
			counts[b] += int(v >> b & 1)
		}
	}
	var f Fingerprint
	for b := range counts {
		if 2*counts[b] > n {
			f |= 1 << b
		}
	}
	return f, n
}

// Distance returns the Hamming distance between two fingerprints.
func Distance(a, b Fingerprint) int {
	return bits.OnesCount64(uint64(a ^ b))
}

// Near reports whether a and b are within MaxDistance.
func Near(a, b Fingerprint) bool {
	return Distance(a, b) <= MaxDistance
}

// Bands returns the NumBands 16-bit bands of f, lowest bits first. By the
// pigeonhole principle, fingerprints within MaxDistance agree on at least
// one band, so an index over (band number, band value) finds every
// near-duplicate candidate without a full scan.
func Bands(f Fingerprint) [NumBands]uint16 {
	var out [NumBands]uint16
	for i := range out {
		out[i] = uint16(uint64(f) >> (16 * i))
	}
	return out
}
