package sqlite

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsclip/newsclip/article"
)

// Test and benchmark articles are generated from a news-like vocabulary with
// fixed seeds, so every run builds the same store.

var (
	genNouns = strings.Fields(`government minister president parliament police city market prices oil
		energy war peace agreement report week year people country state court law union workers
		strike company shares bank rate inflation health hospital school children water climate storm
		flood fire army troops border leaders summit trade deal sanctions protest vote party opposition
		campaign budget tax billion million officials talks economy election crisis refugees aid
		ministry spokesman council reform pension farmers harvest drought wildfire earthquake airport
		railway bridge factory jobs unemployment growth exports imports currency debt bonds investors
		prosecutors judge trial verdict sentence prison journalists media internet data privacy
		technology satellite mission scientists vaccine virus outbreak patients doctors nurses teachers
		students university research study survey poll voters candidate coalition senate congress`)
	genVerbs = strings.Fields(`said announced warned rejected approved signed criticised welcomed
		denied confirmed proposed launched blocked delayed raised cut increased reduced expected
		promised demanded urged accused praised questioned`)
	genAdjs = strings.Fields(`new former senior local national foreign economic political military
		public private international regional federal central major key strong weak early late
		recent previous final annual emergency`)
	genPlaces = strings.Fields(`Paris Berlin London Moscow Beijing Tokyo Delhi Cairo Lagos Nairobi
		Brasilia Ottawa Canberra Madrid Rome Warsaw Kyiv Ankara Tehran Riyadh Jakarta Manila Seoul`)
	genNames = []string{"Emmanuel Macron", "Vladimir Putin", "Olaf Scholz", "Narendra Modi",
		"Xi Jinping", "Ursula von der Leyen", "Antonio Guterres", "Maria Silva", "John Smith",
		"Amina Mohammed", "Li Wei", "Ana Costa"}
	genSites = []string{"example.com", "news.example.org", "daily.test", "wire.test", "www.herald.test",
		"times.example", "post.example", "gazette.test"}
	genLangs = []string{"en", "en-GB", "en-US", "fr", "de"}
)

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// genLexicon is a long tail of 30,000 made-up words (names, places, rarer
// terms) drawn with a Zipf law, as word frequencies in news text are:
// a few words are in many articles, most in a handful.
var genLexicon = func() []string {
	syl := strings.Fields(`ka lo mi ra ten vos dre lan bor si tu nel gar fe pol un ash mar ri
		co den hal ji ve stor qui ban el tor sa mun dok pe lix zar o bri nau`)
	r := rand.New(rand.NewPCG(99, 99))
	seen := map[string]bool{}
	var out []string
	for len(out) < 30000 {
		var b strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			b.WriteString(pick(r, syl))
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}()

// zipfWord draws from genLexicon, word i with probability ~ 1/(i+2)^1.1.
func zipfWord(z *rand.Zipf) string { return genLexicon[z.Uint64()] }

func newZipf(r *rand.Rand) *rand.Zipf { return rand.NewZipf(r, 1.1, 2, uint64(len(genLexicon)-1)) }

// genSentence is one sentence of 8 to 20 words.
func genSentence(r *rand.Rand) string {
	z := newZipf(r)
	var w []string
	w = append(w, "The", pick(r, genAdjs), pick(r, genNouns), pick(r, genVerbs))
	for n := 4 + r.IntN(12); n > 0; n-- {
		switch r.IntN(8) {
		case 0:
			w = append(w, "in", pick(r, genPlaces))
		case 1:
			w = append(w, "the", pick(r, genNouns))
		case 2:
			w = append(w, pick(r, genAdjs))
		case 3:
			w = append(w, "on", pick(r, []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}))
		case 4, 5:
			w = append(w, zipfWord(z))
		default:
			w = append(w, pick(r, genNouns))
		}
	}
	return strings.Join(w, " ") + "."
}

// genParagraphs returns n paragraphs of 2 to 5 sentences.
func genParagraphs(r *rand.Rand, n int) []string {
	ps := make([]string, n)
	for i := range ps {
		var ss []string
		for k := 2 + r.IntN(4); k > 0; k-- {
			ss = append(ss, genSentence(r))
		}
		ps[i] = strings.Join(ss, " ")
	}
	return ps
}

func paragraphs(ps ...string) []article.Block {
	bs := make([]article.Block, len(ps))
	for i, p := range ps {
		bs[i] = article.Block{Type: article.Paragraph, Text: p}
	}
	return bs
}

func stamp(t time.Time) *article.Stamp { return &article.Stamp{Time: t, Source: "test"} }

// genArticle builds article i of a synthetic corpus: 4 to 12 paragraphs,
// one to three quotes by known speakers.
func genArticle(seed uint64, i int) *article.Article {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	site := pick(r, genSites)
	ps := genParagraphs(r, 4+r.IntN(9))
	a := &article.Article{
		URL:       fmt.Sprintf("https://%s/news/%d", site, i),
		Headline:  strings.TrimSuffix(genSentence(r), "."),
		Language:  pick(r, genLangs),
		Published: stamp(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(365*24)) * time.Hour)),
		Body:      paragraphs(ps...),
	}
	for k := 1 + r.IntN(3); k > 0; k-- {
		name := pick(r, genNames)
		a.Quotes = append(a.Quotes, article.Quote{
			Text: genSentence(r), Kind: article.Direct, Cue: "said",
			Speaker: &article.Entity{Name: name, Kind: article.Person},
		})
	}
	return a
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }
