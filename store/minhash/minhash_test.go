package minhash

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/store/simhash"
)

// vocabulary for generated texts; fixed seeds keep tests stable.
var vocab = strings.Fields(`the government said on tuesday that minister talks with officials over
economy election president parliament police city market prices oil energy war peace agreement
report week year people country state court law union workers strike company shares bank rate
inflation health hospital school children water climate storm flood fire army troops border
leaders summit trade deal sanctions protest vote party opposition campaign budget tax billion
a an of in to for and but after before from by as at it its was were is are has have would could
will not new first last more than about since under against into during while`)

func newRand(a, b uint64) *rand.Rand { return rand.New(rand.NewPCG(a, b)) }

// genArticle is n words in paragraphs of 3-5 sentences of 8-24 words.
func genArticle(r *rand.Rand, n int) [][]string {
	var paras [][]string
	for n > 0 {
		var p []string
		for s := 3 + r.IntN(3); s > 0 && n > 0; s-- {
			for w := min(n, 8+r.IntN(17)); w > 0; w-- {
				p = append(p, vocab[r.IntN(len(vocab))])
				n--
			}
		}
		paras = append(paras, p)
	}
	return paras
}

func flat(paras [][]string) []string {
	var out []string
	for _, p := range paras {
		out = append(out, p...)
	}
	return out
}

func clone(paras [][]string) [][]string {
	out := make([][]string, len(paras))
	for i, p := range paras {
		out[i] = slices.Clone(p)
	}
	return out
}

// Edits a wire copy undergoes on another site.
func replaceWords(k int) func(*rand.Rand, [][]string) [][]string {
	return func(r *rand.Rand, paras [][]string) [][]string {
		paras = clone(paras)
		for j := 0; j < k; j++ {
			p := paras[r.IntN(len(paras))]
			p[r.IntN(len(p))] = fmt.Sprintf("edit%d", r.IntN(1e6))
		}
		return paras
	}
}

func addDateline(_ *rand.Rand, paras [][]string) [][]string {
	paras = clone(paras)
	paras[0] = append([]string{"washington", "ap"}, paras[0]...)
	return paras
}

func trimEnd(frac float64) func(*rand.Rand, [][]string) [][]string {
	return func(_ *rand.Rand, paras [][]string) [][]string {
		keep := len(paras) - int(math.Round(frac*float64(len(paras))))
		return clone(paras[:max(1, keep)])
	}
}

func insertSentence(r *rand.Rand, paras [][]string) [][]string {
	paras = clone(paras)
	i := r.IntN(len(paras))
	s := strings.Fields("reuters contributed to this report from the capital where officials declined to comment further")
	paras[i] = append(s, paras[i]...)
	return paras
}

func editParagraphs(r *rand.Rand, paras [][]string) [][]string {
	// A desk's rewrite: two paragraphs replaced by its own text.
	paras = clone(paras)
	for k := 0; k < 2; k++ {
		i := r.IntN(len(paras))
		paras[i] = flat(genArticle(r, len(paras[i])))
	}
	return paras
}

func combine(fs ...func(*rand.Rand, [][]string) [][]string) func(*rand.Rand, [][]string) [][]string {
	return func(r *rand.Rand, paras [][]string) [][]string {
		for _, f := range fs {
			paras = f(r, paras)
		}
		return paras
	}
}

// Different stories on the same topic: sentences from one topic's
// templates (shared vocabulary and stock phrases) with different facts
// (names, places, numbers, parties) and a different choice and order of
// sentences.
var electionTemplates = []string{
	"voters in {P} went to the polls on {D} to choose a new {O} after a campaign dominated by {T}",
	"the {Y} party led by {N} won {K} percent of the vote according to preliminary results",
	"turnout was {K} percent the electoral commission said in a statement on {D}",
	"{N} told supporters in {P} that the result was a clear mandate for {T}",
	"the opposition {Y} party said it would challenge the count in {K} districts",
	"international observers said the vote in {P} was largely free and fair",
	"{N} a former {O} conceded defeat late on {D} and congratulated the winner",
	"polls had shown a close race between {N} and {N} for weeks",
	"the new parliament will have {K} seats of which the {Y} party holds {K}",
	"the campaign focused on {T} and {T} with both candidates promising change",
	"{N} said the government would act quickly on {T} once sworn in",
	"markets in {P} rose {K} percent on {D} as investors welcomed the result",
	"the electoral commission will publish final results on {D}",
	"there were reports of long queues at polling stations in {P}",
	"{N} the {Y} party spokesman accused rivals of buying votes in {P}",
	"it was the first election since the {Y} party lost power in {K}",
	"analysts said the result reflected anger over {T}",
	"police said {K} people were arrested after clashes outside a polling station in {P}",
	"the {O} is elected for a term of {K} years and can serve twice",
	"coalition talks are expected to begin on {D} between the {Y} and {Y} parties",
	"{N} won the most votes in {P} and {P} the commission said",
	"the count was delayed by a power cut in {P} officials said",
	"youth turnout rose sharply the commission said citing {T}",
	"{N} promised to cut taxes and raise spending on {T}",
	"the outgoing {O} {N} did not stand for reelection",
	"election officials in {P} said ballots from {K} stations were still being counted",
	"{N} said on {D} that the {Y} party would not join any coalition",
	"the vote was seen as a test for {N} after {K} years in office",
}

var fill = map[byte][]string{
	'P': strings.Fields("north south the capital the east the west the coast the islands the highlands the delta the border provinces"),
	'D': strings.Fields("monday tuesday wednesday thursday friday saturday sunday"),
	'O': strings.Fields("president parliament prime-minister governor mayor senate assembly"),
	'T': strings.Fields("inflation corruption jobs housing migration healthcare security energy pensions education"),
	'Y': strings.Fields("liberal conservative green labour national democratic people's socialist reform unity"),
	'N': strings.Fields("amara okafor lena berg rafael santos mei chen ivan petrov sara haddad tomas novak ana lima jonas weber priya nair"),
}

func electionStory(r *rand.Rand, n int) [][]string {
	order := r.Perm(len(electionTemplates))
	var paras [][]string
	words := 0
	for i := 0; words < n; i++ {
		var p []string
		for s := 0; s < 2; s++ {
			t := electionTemplates[order[(2*i+s)%len(order)]]
			for _, w := range strings.Fields(t) {
				if len(w) == 3 && w[0] == '{' {
					if w[1] == 'K' {
						p = append(p, fmt.Sprint(2+r.IntN(97)))
					} else {
						p = append(p, fill[w[1]][r.IntN(len(fill[w[1]]))])
					}
					continue
				}
				p = append(p, w)
			}
		}
		words += len(p)
		paras = append(paras, p)
	}
	return paras
}

func exactJaccard(a, b []string) float64 {
	set := func(w []string) map[string]bool {
		m := map[string]bool{}
		for i := 0; i+ShingleSize <= len(w); i++ {
			m[strings.Join(w[i:i+ShingleSize], " ")] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

func shareKey(a, b *Sketch) bool {
	ka, kb := Keys(a), Keys(b)
	for i := range ka {
		if ka[i] == kb[i] {
			return true
		}
	}
	return false
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, World!", []string{"hello", "world"}},
		{"  Émile's CAFÉ—2024 ", []string{"émile", "s", "café", "2024"}},
		{"*** --- ()", nil},
		{"WASHINGTON (AP) — Oil", []string{"washington", "ap", "oil"}},
	}
	for _, tt := range tests {
		got := Words(tt.in)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOfDeterministicAndCaseBlind(t *testing.T) {
	a := Of("The Minister said on Tuesday that talks would go on.")
	b := Of("the minister SAID on tuesday, that talks would go on")
	if a != b {
		t.Fatal("case/punctuation changed the sketch")
	}
	if a.Shingles != 8 {
		t.Errorf("shingles = %d, want 8", a.Shingles)
	}
	if s := Of(""); s.Shingles != 0 || Jaccard(&s, &s) != 0 {
		t.Errorf("empty text: %d shingles, Jaccard with itself %v; want 0, 0", s.Shingles, Jaccard(&s, &s))
	}
	if s := Of("two words"); s.Shingles != 1 {
		t.Errorf("short text shingles = %d, want 1", s.Shingles)
	}
	// Repeated shingles count once.
	if s := Of("a b c a b c a b c"); s.Shingles != 3 {
		t.Errorf("repeated text shingles = %d, want 3", s.Shingles)
	}
}

func TestBytesRoundTrip(t *testing.T) {
	s := Of(strings.Join(flat(genArticle(newRand(1, 1), 300)), " "))
	got, err := Decode(s.Bytes(), s.Shingles)
	if err != nil || got != s {
		t.Fatalf("Decode(Bytes) = %v, %v", got == s, err)
	}
	if _, err := Decode(s.Bytes()[:10], 3); err == nil {
		t.Error("short signature decoded")
	}
	if _, err := Decode(s.Bytes(), -1); err == nil {
		t.Error("negative count decoded")
	}
}

// The estimate must track the exact Jaccard similarity: the standard error
// is sqrt(J(1-J)/128) <= 0.044; allow 4 of them.
func TestJaccardEstimate(t *testing.T) {
	r := newRand(3, 3)
	var sumErr float64
	const trials = 200
	for i := 0; i < trials; i++ {
		base := genArticle(r, 400)
		other := replaceWords(r.IntN(120))(r, base)
		if i%2 == 1 {
			other = trimEnd(r.Float64()*0.7)(r, other)
		}
		a, b := flat(base), flat(other)
		sa, sb := OfWords(a), OfWords(b)
		exact, est := exactJaccard(a, b), Jaccard(&sa, &sb)
		if math.Abs(exact-est) > 0.18 {
			t.Errorf("trial %d: estimate %.3f, exact %.3f", i, est, exact)
		}
		sumErr += math.Abs(exact - est)
	}
	if mean := sumErr / trials; mean > 0.04 {
		t.Errorf("mean absolute error %.3f, want <= 0.04", mean)
	}
}

func TestKeysBandProbability(t *testing.T) {
	// Identical sketches share every key; keys of different bands differ.
	s := Of(strings.Join(flat(genArticle(newRand(4, 4), 200)), " "))
	k := Keys(&s)
	if k != Keys(&s) {
		t.Fatal("keys not deterministic")
	}
	seen := map[int64]bool{}
	for _, v := range k {
		seen[v] = true
	}
	if len(seen) != NumBands {
		t.Errorf("%d distinct keys of %d", len(seen), NumBands)
	}
}

type recallCase struct {
	name string
	edit func(*rand.Rand, [][]string) [][]string
	want float64 // fewest share of pairs that must group
}

var recallCases = []recallCase{
	{"identical", func(_ *rand.Rand, p [][]string) [][]string { return p }, 1},
	{"1 word replaced", replaceWords(1), 1},
	{"4 words replaced", replaceWords(4), 1},
	{"10 words replaced", replaceWords(10), 0.99},
	{"25 words replaced", replaceWords(25), 0.95},
	{"dateline added", addDateline, 1},
	{"last 30% of paragraphs cut", trimEnd(0.3), 0.95},
	{"sentence inserted", insertSentence, 1},
	{"2 paragraphs rewritten", editParagraphs, 0.88},
	{"dateline + sentence + 30% cut + 10 words", combine(addDateline, insertSentence, trimEnd(0.3), replaceWords(10)), 0.9},
}

// simhashNear is the grouping rule this package replaced (SimHash over word
// 4-shingles, Hamming distance <= 3), for comparison in the table.
func simhashNear(a, b []string) bool {
	fa, _ := simhash.OfWords(a)
	fb, _ := simhash.OfWords(b)
	return simhash.Near(fa, fb)
}

// TestNearDuplicateRecall measures how often an edited copy of a text is
// grouped with it (shares a band key and passes Similar), and how often
// different texts are: unrelated ones, and different stories on the same
// topic. The last column is what the SimHash rule it replaced grouped.
// Figures in docs/store.md:
//
//	go test ./store/minhash -run Recall -v
func TestNearDuplicateRecall(t *testing.T) {
	const trials = 300
	t.Logf("%-42s %5s %9s %9s %7s %7s %7s %9s", "case", "words", "candidate", "grouped", "minJ", "meanJ", "maxJ", "simhash")
	for _, n := range []int{500, 1000} {
		for ci, c := range recallCases {
			cand, grouped, old := 0, 0, 0
			minJ, maxJ, sumJ := 1.0, 0.0, 0.0
			for i := 0; i < trials; i++ {
				r := newRand(uint64(1000+i), uint64(100*n+ci))
				base := genArticle(r, n)
				edited := c.edit(r, base)
				sa, sb := OfWords(flat(base)), OfWords(flat(edited))
				if simhashNear(flat(base), flat(edited)) {
					old++
				}
				j := Jaccard(&sa, &sb)
				minJ, maxJ, sumJ = min(minJ, j), max(maxJ, j), sumJ+j
				if shareKey(&sa, &sb) {
					cand++
					if ok, _ := Similar(&sa, &sb); ok {
						grouped++
					}
				}
			}
			t.Logf("%-42s %5d %8.1f%% %8.1f%% %7.2f %7.2f %7.2f %8.1f%%", c.name, n, 100*float64(cand)/trials, 100*float64(grouped)/trials, minJ, sumJ/trials, maxJ, 100*float64(old)/trials)
			if float64(grouped) < c.want*trials {
				t.Errorf("%s, %d words: %d/%d grouped, want >= %.0f%%", c.name, n, grouped, trials, 100*c.want)
			}
		}
	}
	for _, n := range []int{500, 1000} {
		for _, kind := range []string{"unrelated", "same topic, other facts", "same topic, 1/3 length"} {
			cand, grouped, old := 0, 0, 0
			minJ, maxJ, sumJ, maxC := 1.0, 0.0, 0.0, 0.0
			for i := 0; i < trials; i++ {
				r := newRand(uint64(7000+i), uint64(n))
				var a, b [][]string
				if kind == "unrelated" {
					a, b = genArticle(r, n), genArticle(r, n)
				} else if kind == "same topic, other facts" {
					a, b = electionStory(r, n), electionStory(r, n)
				} else {
					// a short story against a long one: the case
					// containment could wrongly accept.
					a, b = electionStory(r, n), electionStory(r, n/3)
				}
				sa, sb := OfWords(flat(a)), OfWords(flat(b))
				if simhashNear(flat(a), flat(b)) {
					old++
				}
				j := Jaccard(&sa, &sb)
				minJ, maxJ, sumJ = min(minJ, j), max(maxJ, j), sumJ+j
				maxC = max(maxC, Containment(&sa, &sb, j))
				if shareKey(&sa, &sb) {
					cand++
					if ok, _ := Similar(&sa, &sb); ok {
						grouped++
					}
				}
			}
			t.Logf("%-42s %5d %8.1f%% %8.1f%% %7.2f %7.2f %7.2f %8.1f%%  max containment %.2f", kind+" (false)", n, 100*float64(cand)/trials, 100*float64(grouped)/trials, minJ, sumJ/trials, maxJ, 100*float64(old)/trials, maxC)
			if grouped != 0 {
				t.Errorf("%s, %d words: %d/%d pairs grouped", kind, n, grouped, trials)
			}
		}
	}
}

// TestCurve prints the probability that a pair at exact Jaccard J becomes a
// candidate (1-(1-J^r)^b) next to the share that is grouped, measured on
// pairs built to that similarity (go test ./store/minhash -run Curve -v).
func TestCurve(t *testing.T) {
	const trials = 300
	t.Logf("%6s %10s %10s %10s", "J", "P(cand)", "candidate", "grouped")
	for _, target := range []float64{0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8} {
		cand, grouped := 0, 0
		for i := 0; i < trials; i++ {
			r := newRand(uint64(i), uint64(target*1000))
			a := flat(genArticle(r, 600))
			// Replacing every m-th word: each replacement breaks
			// ShingleSize shingles; pick m for the target Jaccard.
			// J = (n-x)/(n+x) with x broken shingles.
			x := (1 - target) / (1 + target) * float64(len(a))
			k := int(math.Round(x / ShingleSize))
			b := slices.Clone(a)
			step := len(b) / max(1, k)
			for j := 0; j < k; j++ {
				b[j*step+step/2] = fmt.Sprintf("edit%d", j)
			}
			sa, sb := OfWords(a), OfWords(b)
			if shareKey(&sa, &sb) {
				cand++
				if ok, _ := Similar(&sa, &sb); ok {
					grouped++
				}
			}
		}
		p := 1 - math.Pow(1-math.Pow(target, RowsPerBand), NumBands)
		t.Logf("%6.2f %9.1f%% %9.1f%% %9.1f%%", target, 100*p, 100*float64(cand)/trials, 100*float64(grouped)/trials)
		if math.Abs(p-float64(cand)/trials) > 0.1 {
			t.Errorf("J=%.2f: %d/%d candidates, theory %.2f", target, cand, trials, p)
		}
	}
}

func ExampleSimilar() {
	a := Of("WASHINGTON (AP) — Oil prices rose on Monday after the producers agreed to cut output, traders said, and shares in energy companies followed.")
	b := Of("Oil prices rose on Monday after the producers agreed to cut output, traders said, and shares in energy companies followed. Reuters contributed.")
	ok, _ := Similar(&a, &b)
	fmt.Println(ok)
	// Output: true
}

func BenchmarkOf(b *testing.B) {
	text := strings.Join(flat(genArticle(newRand(3, 3), 800)), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Of(text)
	}
}

// FuzzOf: any input, valid UTF-8 or not, sketches without panic, the same
// way twice, is fully similar to itself and survives Bytes/Decode.
func FuzzOf(f *testing.F) {
	for _, s := range []string{"", "a", "WASHINGTON (AP) — Oil prices rose.", "\xff\xfe bad \x00 bytes", "ǅ İ ß ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, b := Of(text), Of(text)
		if a != b {
			t.Fatal("not deterministic")
		}
		if a.Shingles > max(1, len(Words(text))) {
			t.Fatalf("%d shingles from %d words", a.Shingles, len(Words(text)))
		}
		if a.Shingles > 0 {
			if j := Jaccard(&a, &b); j != 1 {
				t.Fatalf("Jaccard with itself %v", j)
			}
			if ok, _ := Similar(&a, &b); !ok {
				t.Fatal("not similar to itself")
			}
		}
		d, err := Decode(a.Bytes(), a.Shingles)
		if err != nil || d != a {
			t.Fatalf("round trip: %v", err)
		}
		for _, w := range Words(text) {
			if w == "" {
				t.Fatal("empty word")
			}
		}
	})
}
