package simhash

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// vocabulary for generated texts; deterministic seeds keep tests stable.
var vocab = strings.Fields(`the government said on tuesday that minister talks with officials over
economy election president parliament police city market prices oil energy war peace agreement
report week year people country state court law union workers strike company shares bank rate
inflation health hospital school children water climate storm flood fire army troops border
leaders summit trade deal sanctions protest vote party opposition campaign budget tax billion`)

func genText(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	w := make([]string, n)
	for i := range w {
		w[i] = vocab[r.IntN(len(vocab))]
	}
	return w
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, World!", []string{"hello", "world"}},
		{"  Émile's café—2024 ", []string{"émile", "s", "café", "2024"}},
		{"*** --- ()", nil},
	}
	for _, tt := range tests {
		got := Words(tt.in)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOf(t *testing.T) {
	base := genText(1, 400)
	edited := append([]string(nil), base...)
	edited[200] = "reuters" // one word changed in the middle
	prefixed := append([]string{"london", "reuters"}, base...)
	other := genText(2, 400)

	f0, n0 := OfWords(base)
	if n0 != 400-ShingleSize+1 {
		t.Fatalf("shingles = %d, want %d", n0, 400-ShingleSize+1)
	}
	tests := []struct {
		name string
		text []string
		near bool
	}{
		{"identical", base, true},
		{"one word edited", edited, true},
		{"dateline added", prefixed, true},
		{"different text", other, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := OfWords(tt.text)
			d := Distance(f0, f)
			if Near(f0, f) != tt.near {
				t.Fatalf("distance %d, near=%v, want near=%v", d, Near(f0, f), tt.near)
			}
		})
	}
}

func TestOfDeterministicAndCaseBlind(t *testing.T) {
	a, _ := Of("The Minister said on Tuesday that talks would go on.")
	b, _ := Of("the minister SAID on tuesday, that talks would go on")
	if a != b {
		t.Fatalf("case/punctuation changed the fingerprint: %x vs %x", a, b)
	}
	if f, n := Of(""); f != 0 || n != 0 {
		t.Fatalf("Of(\"\") = %x, %d; want 0, 0", f, n)
	}
	if _, n := Of("two words"); n != 1 {
		t.Fatalf("short text shingles = %d, want 1", n)
	}
}

func TestBandsPigeonhole(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 2000; i++ {
		f := Fingerprint(r.Uint64())
		g := f
		for k := 0; k < r.IntN(MaxDistance+1); k++ {
			g ^= 1 << r.IntN(64)
		}
		bf, bg := Bands(f), Bands(g)
		shared := false
		for j := range bf {
			shared = shared || bf[j] == bg[j]
		}
		if !shared {
			t.Fatalf("%x and %x (distance %d) share no band", f, g, Distance(f, g))
		}
	}
	if got := Bands(0x0004000300020001); got != [NumBands]uint16{1, 2, 3, 4} {
		t.Fatalf("Bands = %v", got)
	}
}

func ExampleOf() {
	a, _ := Of("Oil prices rose on Monday after the producers agreed to cut output, traders said.")
	b, _ := Of("Oil prices rose on Monday after the producers agreed to cut output, traders said")
	fmt.Println(Distance(a, b))
	// Output: 0
}

func BenchmarkOf(b *testing.B) {
	text := strings.Join(genText(3, 800), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Of(text)
	}
}

// TestNearDuplicateRecall measures how often a text of n words with k words
// replaced stays within MaxDistance (figures in docs/store.md):
//
//	go test ./store/simhash -run Recall -v
//
// SimHash at distance 3 is strict: each replaced word changes 4 shingles,
// and a bit flips when its vote total was near zero; with n shingles the
// expected flips per replaced word are about 64*2.26/(2.5*sqrt(n)), 2.6 bits
// at n=500, so short texts with edits fall apart sooner than long ones. The test guards
// the measured level (one word in 500: about 3 in 4 pairs stay near) and
// that unrelated texts are never near.
func TestNearDuplicateRecall(t *testing.T) {
	const trials = 300
	for _, n := range []int{500, 1000} {
		for k := 1; k <= 4; k++ {
			near := 0
			for i := 0; i < trials; i++ {
				base := genText(uint64(1000+i), n)
				f0, _ := OfWords(base)
				r := rand.New(rand.NewPCG(uint64(i), uint64(k)))
				edited := append([]string(nil), base...)
				for j := 0; j < k; j++ {
					edited[r.IntN(len(edited))] = "replaced"
				}
				if f, _ := OfWords(edited); Near(f0, f) {
					near++
				}
			}
			t.Logf("%d words, %d replaced: %d/%d (%.0f%%) still near", n, k, near, trials, 100*float64(near)/trials)
			if k == 1 && near < trials*7/10 {
				t.Errorf("%d words, one replaced: only %d/%d near", n, near, trials)
			}
		}
	}
	// Unrelated texts must not be near: false groupings merge stories.
	unrelated := 0
	for i := 0; i < trials; i++ {
		a, _ := OfWords(genText(uint64(5000+i), 500))
		b, _ := OfWords(genText(uint64(9000+i), 500))
		if Near(a, b) {
			unrelated++
		}
	}
	t.Logf("unrelated pairs near: %d/%d", unrelated, trials)
	if unrelated != 0 {
		t.Errorf("%d unrelated pairs within distance %d", unrelated, MaxDistance)
	}
}
