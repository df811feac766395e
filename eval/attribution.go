package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
)

// AttrSpan is one fragment of a gold span: rune and UTF-8 byte offsets into
// the article text, end exclusive.
type AttrSpan struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	ByteStart int    `json:"byte_start"`
	ByteEnd   int    `json:"byte_end"`
	Text      string `json:"text"`
}

// GoldAttribution is one annotated attribution of a PolNeAR-style gold file.
type GoldAttribution struct {
	ID                  string     `json:"id"`
	HasSource           bool       `json:"has_source"`
	Source              []AttrSpan `json:"source"`
	Cue                 []AttrSpan `json:"cue"`
	Content             []AttrSpan `json:"content"`
	ContentQuoteMarks   string     `json:"content_quote_marks"`
	SourceIsPronounLike bool       `json:"source_is_pronoun_like"`
}

// AttrDoc is one gold article.
type AttrDoc struct {
	DocID           string            `json:"doc_id"`
	Publisher       string            `json:"publisher"`
	PublicationDate string            `json:"publication_date"`
	Title           string            `json:"title"`
	Text            string            `json:"text"`
	Attributions    []GoldAttribution `json:"attributions"`
}

// ReadAttributionGold reads one JSON object per line.
func ReadAttributionGold(r io.Reader) ([]AttrDoc, error) {
	var docs []AttrDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var d AttrDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("attribution gold line %d: %w", line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("attribution gold: %w", err)
	}
	return docs, nil
}

// AttrGoldFile is the attribution gold file a folder holds (PolNeAR layout).
const AttrGoldFile = "gold_dev.jsonl"

// AttributionGoldPath returns the attribution gold file that path names
// and whether path names one: path itself when it ends in .jsonl and is
// no folder (a missing file is reported when it is read), or AttrGoldFile
// inside a folder that holds it.
func AttributionGoldPath(path string) (string, bool) {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return path, strings.HasSuffix(path, ".jsonl")
	}
	file := filepath.Join(path, AttrGoldFile)
	_, err = os.Stat(file)
	return file, err == nil
}

// LoadAttributionGold reads a .jsonl file, or AttrGoldFile inside a folder.
func LoadAttributionGold(path string) ([]AttrDoc, error) {
	path, _ = AttributionGoldPath(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("attribution gold: %w", err)
	}
	defer f.Close()
	docs, err := ReadAttributionGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// AttrCounts are true positives, false positives and false negatives.
type AttrCounts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Add sums two counts.
func (c AttrCounts) Add(o AttrCounts) AttrCounts {
	return AttrCounts{c.TP + o.TP, c.FP + o.FP, c.FN + o.FN}
}

// P is precision (0 when nothing was predicted).
func (c AttrCounts) P() float64 { return attrRatio(c.TP, c.TP+c.FP) }

// R is recall (0 when there is no gold).
func (c AttrCounts) R() float64 { return attrRatio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of P and R.
func (c AttrCounts) F1() float64 { return harmonic(c.P(), c.R()) }

func attrRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// AttrRate counts right answers among those judged.
type AttrRate struct {
	Right int `json:"right"`
	Total int `json:"total"`
}

// Add sums two rates.
func (r AttrRate) Add(o AttrRate) AttrRate { return AttrRate{r.Right + o.Right, r.Total + o.Total} }

// Value is Right/Total (0 when nothing was judged).
func (r AttrRate) Value() float64 { return attrRatio(r.Right, r.Total) }

// Subsets of the gold by content_quote_marks; "quoted" is full + partial.
var AttrSubsets = []string{"all", "quoted", "full", "partial", "none"}

// AttrScore is the score of one article or the micro-average of many.
type AttrScore struct {
	Lenient map[string]AttrCounts `json:"lenient"` // cover >= 0.3
	Strict  map[string]AttrCounts `json:"strict"`  // cover >= 0.8
	Exact   map[string]AttrCounts `json:"exact"`   // same trimmed start and end
	// On lenient pairs, per subset.
	SpeakerMention map[string]AttrRate `json:"speaker_mention"`
	SpeakerName    map[string]AttrRate `json:"speaker_name"`
	Cue            map[string]AttrRate `json:"cue"`
}

// NewAttrScore returns an empty score to accumulate into.
func NewAttrScore() AttrScore {
	return AttrScore{Lenient: map[string]AttrCounts{}, Strict: map[string]AttrCounts{}, Exact: map[string]AttrCounts{},
		SpeakerMention: map[string]AttrRate{}, SpeakerName: map[string]AttrRate{}, Cue: map[string]AttrRate{}}
}

// Add accumulates o into s (micro-averaging).
func (s *AttrScore) Add(o AttrScore) {
	for _, k := range AttrSubsets {
		s.Lenient[k] = s.Lenient[k].Add(o.Lenient[k])
		s.Strict[k] = s.Strict[k].Add(o.Strict[k])
		s.Exact[k] = s.Exact[k].Add(o.Exact[k])
		s.SpeakerMention[k] = s.SpeakerMention[k].Add(o.SpeakerMention[k])
		s.SpeakerName[k] = s.SpeakerName[k].Add(o.SpeakerName[k])
		s.Cue[k] = s.Cue[k].Add(o.Cue[k])
	}
}

type attrIvl struct{ s, e int } // rune offsets, end exclusive

// quoteMarks are the double quotation marks of the gold's
// content_quote_marks rule.
func isDoubleMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// QuoteMarksClass applies the gold's content_quote_marks rule to a content
// text: "full" when it opens and closes with a double quotation mark,
// "partial" when it holds one, else "none".
func QuoteMarksClass(t string) string {
	t = strings.TrimSpace(t)
	if t == "" {
		return "none"
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if utf8.RuneCountInString(t) >= 2 && isDoubleMark(first) && isDoubleMark(last) {
		return "full"
	}
	if strings.IndexFunc(t, isDoubleMark) >= 0 {
		return "partial"
	}
	return "none"
}

func inSubset(sub, class string) bool {
	switch sub {
	case "all":
		return true
	case "quoted":
		return class == "full" || class == "partial"
	}
	return sub == class
}

// ScoreAttribution scores predicted quotes (byte offsets into doc.Text)
// against the gold attributions of one article:
//  1. align one to one by cover = |pred ∩ gold| / |gold| over content
//     characters, greedily from the highest cover, a pair matching when
//     cover >= 0.3 (lenient) or >= 0.8 (strict);
//  2. exact: same start and end once white space and punctuation are
//     trimmed from both edges;
//  3. on lenient pairs, speaker mention (overlaps the gold source; no
//     source means right only without a speaker), speaker name (the
//     canonical name shares the surname of a gold source that holds a
//     proper name) and cue (spans overlap).
//
// Subsets use the gold's content_quote_marks for gold and the same rule
// applied to the predicted text for predictions.
func ScoreAttribution(doc AttrDoc, pred []article.Quote) AttrScore {
	sc := NewAttrScore()
	text := doc.Text
	runeAt := runeIndex(text)
	toRune := func(b int) int {
		if b < 0 {
			return 0
		}
		if b >= len(runeAt) {
			return runeAt[len(runeAt)-1]
		}
		return runeAt[b]
	}
	pIv := make([][]attrIvl, len(pred))
	pClass := make([]string, len(pred))
	pTrim := make([]attrIvl, len(pred))
	for i, q := range pred {
		if len(q.Parts) > 0 {
			for _, p := range q.Parts {
				pIv[i] = append(pIv[i], attrIvl{toRune(p.Start), toRune(p.End)})
			}
		} else {
			pIv[i] = []attrIvl{{toRune(q.Start), toRune(q.End)}}
		}
		s, e := clampBytes(text, q.Start, q.End)
		pClass[i] = QuoteMarksClass(text[s:e])
		pTrim[i] = trimEdges(text, runeAt, s, e)
	}
	gold := doc.Attributions
	gIv := make([][]attrIvl, len(gold))
	gLen := make([]int, len(gold))
	gTrim := make([]attrIvl, len(gold))
	for j, g := range gold {
		for _, f := range g.Content {
			gIv[j] = append(gIv[j], attrIvl{f.Start, f.End})
			gLen[j] += f.End - f.Start
		}
		if len(g.Content) > 0 {
			s, e := clampBytes(text, g.Content[0].ByteStart, g.Content[len(g.Content)-1].ByteEnd)
			gTrim[j] = trimEdges(text, runeAt, s, e)
		}
	}
	type pair struct {
		p, g  int
		cover float64
	}
	var pairs []pair
	for i := range pred {
		for j := range gold {
			if gLen[j] == 0 {
				continue
			}
			inter := attrIntersect(pIv[i], gIv[j])
			if inter > 0 {
				pairs = append(pairs, pair{i, j, float64(inter) / float64(gLen[j])})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].cover != pairs[b].cover {
			return pairs[a].cover > pairs[b].cover
		}
		if pairs[a].g != pairs[b].g {
			return pairs[a].g < pairs[b].g
		}
		return pairs[a].p < pairs[b].p
	})
	align := func(min float64) []int {
		gOf := make([]int, len(pred))
		for i := range gOf {
			gOf[i] = -1
		}
		used := make([]bool, len(gold))
		for _, pr := range pairs {
			if pr.cover < min {
				break
			}
			if gOf[pr.p] >= 0 || used[pr.g] {
				continue
			}
			gOf[pr.p] = pr.g
			used[pr.g] = true
		}
		return gOf
	}
	count := func(gOf []int) map[string]AttrCounts {
		m := map[string]AttrCounts{}
		matched := make([]bool, len(gold))
		for i, g := range gOf {
			for _, sub := range AttrSubsets {
				c := m[sub]
				if g >= 0 {
					if inSubset(sub, gold[g].ContentQuoteMarks) {
						c.TP++
					}
				} else if inSubset(sub, pClass[i]) {
					c.FP++
				}
				m[sub] = c
			}
			if g >= 0 {
				matched[g] = true
			}
		}
		for j := range gold {
			if matched[j] {
				continue
			}
			for _, sub := range AttrSubsets {
				if inSubset(sub, gold[j].ContentQuoteMarks) {
					c := m[sub]
					c.FN++
					m[sub] = c
				}
			}
		}
		return m
	}
	lenient := align(0.3)
	sc.Lenient = count(lenient)
	sc.Strict = count(align(0.8))
	// Exact: one to one on equal trimmed spans.
	exact := make([]int, len(pred))
	usedG := make([]bool, len(gold))
	for i := range pred {
		exact[i] = -1
		for j := range gold {
			if !usedG[j] && gLen[j] > 0 && pTrim[i] == gTrim[j] && pTrim[i].e > pTrim[i].s {
				exact[i] = j
				usedG[j] = true
				break
			}
		}
	}
	sc.Exact = count(exact)
	// Speaker and cue on lenient pairs.
	for i, j := range lenient {
		if j < 0 {
			continue
		}
		g := gold[j]
		q := pred[i]
		var mention, name, cue AttrRate
		mention.Total = 1
		if len(g.Source) == 0 {
			if q.Speaker == nil {
				mention.Right = 1
			}
		} else if q.Speaker != nil && q.Speaker.Mention != nil {
			if attrIntersect([]attrIvl{{toRune(q.Speaker.Mention.Start), toRune(q.Speaker.Mention.End)}}, spansIv(g.Source)) > 0 {
				mention.Right = 1
			}
		}
		if sur := goldSurname(g.Source, text); sur != "" {
			name.Total = 1
			if q.Speaker != nil && sharesWord(q.Speaker.Name, sur) {
				name.Right = 1
			}
		}
		if len(g.Cue) > 0 {
			cue.Total = 1
			if q.CueMention != nil && attrIntersect([]attrIvl{{toRune(q.CueMention.Start), toRune(q.CueMention.End)}}, spansIv(g.Cue)) > 0 {
				cue.Right = 1
			}
		}
		for _, sub := range AttrSubsets {
			if inSubset(sub, g.ContentQuoteMarks) {
				sc.SpeakerMention[sub] = sc.SpeakerMention[sub].Add(mention)
				sc.SpeakerName[sub] = sc.SpeakerName[sub].Add(name)
				sc.Cue[sub] = sc.Cue[sub].Add(cue)
			}
		}
	}
	return sc
}

func spansIv(sp []AttrSpan) []attrIvl {
	out := make([]attrIvl, len(sp))
	for i, s := range sp {
		out[i] = attrIvl{s.Start, s.End}
	}
	return out
}

// intersect is the size of the overlap of two interval sets (each set's
// own intervals do not overlap).
func attrIntersect(a, b []attrIvl) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			s, e := max(x.s, y.s), min(x.e, y.e)
			if e > s {
				n += e - s
			}
		}
	}
	return n
}

// runeIndex maps each byte offset to the rune offset at or before it.
func runeIndex(text string) []int {
	idx := make([]int, len(text)+1)
	r := 0
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			idx[i+k] = r
		}
		i += size
		r++
	}
	idx[len(text)] = r
	return idx
}

func clampBytes(text string, s, e int) (int, int) {
	if s < 0 {
		s = 0
	}
	if e > len(text) {
		e = len(text)
	}
	if s > e {
		s = e
	}
	return s, e
}

// trimEdges trims white space and punctuation (quote marks included) from
// both ends of text[s:e] and returns rune offsets.
func trimEdges(text string, runeAt []int, s, e int) attrIvl {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !trimmable(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !trimmable(r) {
			break
		}
		e -= size
	}
	return attrIvl{runeAt[s], runeAt[e]}
}

func trimmable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

var notSurname = map[string]bool{"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "that": true, "those": true, "these": true, "our": true, "my": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "who": true, "some": true, "many": true, "one": true, "both": true, "other": true,
	"another": true, "according": true, "most": true, "several": true, "all": true, "few": true, "each": true,
	"every": true, "no": true, "former": true, "top": true, "senior": true, "two": true, "three": true}

// goldSurname returns the surname in a gold source that holds a proper
// name, or "": the last word of the longest run of capitalised words in
// the first clause that has one (party tags in parentheses are not names;
// "Rep. Gwen Moore (D-Wis.), who ..." gives "Moore"). On a tie the later
// run wins, since a description comes before the name it describes
// ("White House spokesman Josh Earnest"); a possessive run gives way to
// another ("Hillary Clinton's campaign manager Robby Mook"). A single
// capitalised word opening the source that the article also writes in
// lower case ("Recent polls", "Critics of the program") is a common word
// at a sentence start, not a name.
func goldSurname(src []AttrSpan, text string) string {
	var parts []string
	for _, f := range src {
		parts = append(parts, f.Text)
	}
	txt := strings.Join(parts, " ")
	for {
		o := strings.IndexByte(txt, '(')
		c := strings.IndexByte(txt, ')')
		if o < 0 || c < o {
			break
		}
		txt = txt[:o] + " " + txt[c+1:]
	}
	type nameRun struct {
		words      []string
		possessive bool
		first      bool // the run is the source's first word alone
	}
	firstWord := true
	for _, clause := range strings.Split(txt, ",") {
		var runs []nameRun
		var cur nameRun
		flush := func() {
			if len(cur.words) > 0 {
				runs = append(runs, cur)
			}
			cur = nameRun{}
		}
		for _, w := range strings.FieldsFunc(clause, func(r rune) bool {
			return unicode.IsSpace(r) || r == '"' || r == '“' || r == '”'
		}) {
			poss := strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			w = strings.Trim(w, ".:;!?'’")
			r, _ := utf8.DecodeRuneInString(w)
			isFirst := firstWord
			firstWord = false
			if w == "" || !unicode.IsUpper(r) || notSurname[strings.ToLower(w)] {
				flush()
				continue
			}
			if len(cur.words) == 0 {
				cur.first = isFirst
			}
			cur.words = append(cur.words, w)
			if poss {
				cur.possessive = true
				flush()
			}
		}
		flush()
		var best *nameRun
		for _, possessive := range []bool{false, true} {
			for i := range runs {
				rn := &runs[i]
				if rn.possessive != possessive || len(rn.words) == 1 && rn.first && writtenLower(text, rn.words[0]) {
					continue
				}
				if best == nil || len(rn.words) >= len(best.words) {
					best = rn
				}
			}
			if best != nil {
				break
			}
		}
		if best != nil {
			return best.words[len(best.words)-1]
		}
	}
	return ""
}

// writtenLower reports whether text holds w in lower case as a word.
func writtenLower(text, w string) bool {
	lw := strings.ToLower(w)
	if lw == w {
		return false
	}
	for i := 0; ; {
		k := strings.Index(text[i:], lw)
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		after, _ := utf8.DecodeRuneInString(text[k+len(lw):])
		if (k == 0 || !unicode.IsLetter(before)) && (k+len(lw) == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		i = k + len(lw)
	}
}

func sharesWord(name, word string) bool {
	word = strings.ToLower(word)
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		if w == word {
			return true
		}
	}
	return false
}
