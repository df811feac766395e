// Package attribute finds who said what, to whom, in a news text: direct
// quotations in every common quote-mark style, partial quotes and reported
// speech with their cue ("said", "according to", "told"), speaker,
// addressee, source, reporter of a nested report, time and place in the
// article; and resolves speakers across the article (full names, surnames,
// titles, role descriptions such as "the foreign minister" or "Russian FM",
// pronouns, continuation paragraphs) into a speaker index.
//
// It works by rules over one linear token pass: quote-mark pairing, a
// reporting-verb lexicon with inflections, noun-phrase scanning around the
// cue, and capitalisation-based name detection with title, role and
// nationality tables. It does not download or run statistical models, does
// not link speakers to outside knowledge bases, and reads English only: in
// a text in another language (lang.Detect, or the article's declared
// language when the text is too short to tell) it reports only the
// quotations that quotation marks show, with a speaker only where a name
// stands before a colon.
package attribute

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/lang"
)

// Options tune one run.
type Options struct {
	// Published is the publication time, used to turn "on Friday" into a
	// date. Zero leaves dates unresolved.
	Published time.Time
	// MaxBytes caps the text analysed; longer input is cut at a line break
	// before the cap. Zero means DefaultMaxBytes.
	MaxBytes int

	// declared is the article's declared language, for texts too short
	// for lang.Detect to tell.
	declared string
}

// DefaultMaxBytes is the default input cap (16 MiB).
const DefaultMaxBytes = 16 << 20

// Result holds the quotes of a text and the index of their speakers.
type Result struct {
	Quotes   []article.Quote   `json:"quotes"`
	Speakers []article.Speaker `json:"speakers"`
}

// Text attributes the quotes of a plain-text article. The first line (after
// a section line such as "News / Russia") is the headline; short lines
// without sentence punctuation are subheadings; photo captions and site
// boilerplate yield no quotes. Offsets refer to text.
func Text(text string, opts Options) Result {
	text = capText(text, opts.MaxBytes)
	return run(text, linesSegments(text), opts)
}

// Article attributes the quotes of an extracted article and stores them in
// a.Quotes and a.Speakers. Offsets refer to a.Text(): the headline is its
// first block, heading blocks are subheadings, figures yield no quotes.
func Article(a *article.Article, opts Options) {
	if opts.Published.IsZero() && a.Published != nil {
		opts.Published = a.Published.Time
	}
	text, segs := articleSegments(a)
	if max := maxBytes(opts.MaxBytes); len(text) > max {
		text = capText(text, max)
		n := 0
		for n < len(segs) && segs[n].e <= len(text) {
			n++
		}
		segs = segs[:n]
	}
	opts.declared = a.Language
	res := run(text, segs, opts)
	a.Quotes, a.Speakers = res.Quotes, res.Speakers
}

func maxBytes(m int) int {
	if m <= 0 {
		return DefaultMaxBytes
	}
	return m
}

func capText(text string, m int) string {
	m = maxBytes(m)
	if len(text) <= m {
		return text
	}
	if i := strings.LastIndexByte(text[:m], '\n'); i > 0 {
		return text[:i]
	}
	// Cut on a rune boundary.
	for m > 0 && text[m]&0xC0 == 0x80 {
		m--
	}
	return text[:m]
}

// articleSegments rebuilds a.Text() block by block, remembering each
// block's span and role.
func articleSegments(a *article.Article) (string, []segment) {
	var sb strings.Builder
	var segs []segment
	add := func(t, where string, skip, list bool) {
		if t == "" {
			return
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		s := sb.Len()
		sb.WriteString(t)
		if list {
			// Each line of a list or table is its own unit.
			off := s
			for _, line := range strings.Split(t, "\n") {
				if ls, le := trimSpaceRange(sb.String(), off, off+len(line)); ls < le {
					segs = append(segs, segment{s: ls, e: le, where: where, skip: skip})
				}
				off += len(line) + 1
			}
			return
		}
		segs = append(segs, segment{s: s, e: sb.Len(), where: where, skip: skip})
	}
	if a.Headline != "" {
		add(a.Headline, whereHeadline, false, false)
	}
	for _, b := range a.Body {
		t := article.BlockText(b)
		switch b.Type {
		case article.Heading:
			add(t, whereSubheading, false, false)
		case article.FigureBlk:
			add(t, whereBody, true, false)
		case article.List:
			add(t, whereBody, false, true)
		case article.Table:
			add(t, whereBody, true, true)
		default:
			add(t, whereBody, false, false)
		}
	}
	return sb.String(), segs
}

func run(text string, segs []segment, opts Options) Result {
	en := newEngine(text, segs, opts.Published)
	en.run()
	// English prose has a tenth or more of these function words, other
	// languages almost none; a short English text can still look Dutch
	// to lang.Detect ("... Over Tax Comments ... met"), which is asked
	// only when the share is low.
	if englishShare(en.toks) < 0.03 {
		l := lang.Detect(text)
		if l == "" {
			l = opts.declared
		}
		if l, _, _ = strings.Cut(strings.ToLower(l), "-"); l != "" && l != "en" {
			en.foreign()
		}
	}
	// Roles and kinds learnt later in the text ("Russian FM") reach every
	// quote of the speaker.
	for i, ent := range en.qEnt {
		if sp := en.quotes[i].Speaker; sp != nil && ent >= 0 && en.reg.ents[ent].name == sp.Name {
			sp.Role, sp.Kind = en.reg.ents[ent].role, en.reg.ents[ent].kind
		}
	}
	return Result{Quotes: en.quotes, Speakers: en.speakerIndex()}
}

// foreign keeps, of a text in another language than English, what does
// not depend on reading English: the quotations that quotation marks
// alone show, and a speaker only where a name stands before a colon
// ("Presiden Ahmadinejad: “…”", or a heading "Presiden Ahmadinejad: …"). A cue word of the lexicon met in a
// Portuguese sentence is chance, and so is the noun phrase before it.
func (en *engine) foreign() {
	n := 0
	for i, q := range en.quotes {
		named := q.Cue == ":" && q.Speaker != nil && q.Speaker.Mention != nil && nameShaped(q.Speaker.Mention.Text)
		if !named && q.Kind != article.Direct && (q.Kind != article.Partial || q.Cue != "") {
			continue // the span was drawn by an English cue
		}
		ent := en.qEnt[i]
		if !named {
			q.Cue, q.CueMention, q.Speaker, ent = "", nil, nil, -1
		}
		q.Addressee, q.Source, q.ReportedBy, q.When = nil, "", nil, nil
		en.quotes[n], en.qEnt[n] = q, ent
		n++
	}
	en.quotes, en.qEnt = en.quotes[:n], en.qEnt[:n]
}

// englishWords are frequent English words that no other language the
// lang package knows uses as often ("of" is Dutch too, "will" German,
// "also" German and Danish).
var englishWords = setOf("the and that with his by are this from have has not but they which were said would who its been their she her about after when there more")

// englishShare is the share of the word tokens that are englishWords.
func englishShare(toks []tok) float64 {
	words, hits := 0, 0
	for i := range toks {
		if toks[i].kind != tWord {
			continue
		}
		words++
		if englishWords[toks[i].low] {
			hits++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(hits) / float64(words)
}

// nameShaped: every word of s starts with a capital letter, as a name's
// do in any language that has capitals, and there are at most four.
func nameShaped(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// speakerIndex groups the quotes by speaker, in order of first quote.
func (en *engine) speakerIndex() []article.Speaker {
	if len(en.quotes) == 0 {
		return nil
	}
	byKey := make(map[string]int)
	byEnt := make(map[int][]mention)
	for _, m := range en.reg.mentions {
		if m.ent >= 0 {
			byEnt[m.ent] = append(byEnt[m.ent], m)
		}
	}
	var out []article.Speaker
	seen := make(map[[3]int]bool)
	for qi, q := range en.quotes {
		if q.Speaker == nil {
			continue
		}
		key := strings.ToLower(q.Speaker.Name)
		si, ok := byKey[key]
		if !ok {
			out = append(out, article.Speaker{Name: q.Speaker.Name, Role: q.Speaker.Role, Kind: q.Speaker.Kind, Mentions: []article.Mention{}})
			si = len(out) - 1
			byKey[key] = si
			if ent := en.qEnt[qi]; ent >= 0 {
				for _, m := range byEnt[ent] {
					out[si].Mentions = appendMention(out[si].Mentions, seen, si, en.mentionOf(m.s, m.e))
				}
			}
		}
		if q.Speaker.Mention != nil {
			out[si].Mentions = appendMention(out[si].Mentions, seen, si, *q.Speaker.Mention)
		}
		out[si].Quotes = append(out[si].Quotes, qi)
	}
	for i := range out {
		ms := out[i].Mentions
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
	return out
}

func appendMention(ms []article.Mention, seen map[[3]int]bool, si int, m article.Mention) []article.Mention {
	k := [3]int{si, m.Start, m.End}
	if seen[k] {
		return ms
	}
	seen[k] = true
	return append(ms, m)
}

func (en *engine) mentionOf(s, e int) article.Mention {
	bs, be := en.toks[s].s, en.toks[e-1].e
	return article.Mention{Text: en.text[bs:be], Start: bs, End: be}
}
