package eval

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
)

// span builds a gold fragment for the first occurrence of sub in text.
func goldSpan(t *testing.T, text, sub string) AttrSpan {
	t.Helper()
	b := strings.Index(text, sub)
	if b < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return AttrSpan{Start: utf8.RuneCountInString(text[:b]), End: utf8.RuneCountInString(text[:b+len(sub)]),
		ByteStart: b, ByteEnd: b + len(sub), Text: sub}
}

func predQuote(t *testing.T, text, sub, speaker, mention, cue string) article.Quote {
	t.Helper()
	b := strings.Index(text, sub)
	if b < 0 {
		t.Fatalf("%q not in text", sub)
	}
	q := article.Quote{Text: sub, Start: b, End: b + len(sub)}
	if speaker != "" {
		m := strings.Index(text, mention)
		q.Speaker = &article.Entity{Name: speaker, Mention: &article.Mention{Text: mention, Start: m, End: m + len(mention)}}
	}
	if cue != "" {
		c := strings.Index(text, cue)
		q.CueMention = &article.Mention{Text: cue, Start: c, End: c + len(cue)}
	}
	return q
}

// TestScoreAttribution checks the scorer on a hand-counted article:
//
//	gold A (full):    “Café prices will rise,” — source "Jane Doe", cue "said"
//	gold B (none):    that the plan would fail — source "he", cue "added"
//	gold C (partial): a “total disaster” for the town — source "Mayor Bob Ray", cue "called"
//
//	pred 1 covers A exactly, speaker "Jane Doe" (right mention, right name, right cue)
//	pred 2 covers "the plan would" of B: 14 of 24 runes = 0.58, lenient only;
//	       speaker mention "Jane Doe" is wrong (gold "he"), no name judged
//	pred 3 covers nothing: a false positive (class none)
//	C is missed: a false negative (partial)
func TestScoreAttribution(t *testing.T) {
	text := "“Café prices will rise,” Jane Doe said. He added that the plan would fail. Mayor Bob Ray called it a “total disaster” for the town. Nothing else."
	doc := AttrDoc{Text: text, Attributions: []GoldAttribution{
		{ID: "A", HasSource: true, ContentQuoteMarks: "full",
			Content: []AttrSpan{goldSpan(t, text, "“Café prices will rise,”")},
			Source:  []AttrSpan{goldSpan(t, text, "Jane Doe")}, Cue: []AttrSpan{goldSpan(t, text, "said")}},
		{ID: "B", HasSource: true, ContentQuoteMarks: "none",
			Content: []AttrSpan{goldSpan(t, text, "that the plan would fail")},
			Source:  []AttrSpan{goldSpan(t, text, "He")}, Cue: []AttrSpan{goldSpan(t, text, "added")}},
		{ID: "C", HasSource: true, ContentQuoteMarks: "partial",
			Content: []AttrSpan{goldSpan(t, text, "it a “total disaster” for the town")},
			Source:  []AttrSpan{goldSpan(t, text, "Mayor Bob Ray")}, Cue: []AttrSpan{goldSpan(t, text, "called")}},
	}}
	pred := []article.Quote{
		predQuote(t, text, "“Café prices will rise,”", "Jane Doe", "Jane Doe", "said"),
		predQuote(t, text, "the plan would", "Jane Doe", "Jane Doe", "added"),
		predQuote(t, text, "Nothing else", "", "", ""),
	}
	sc := ScoreAttribution(doc, pred)
	check := func(what string, got, want AttrCounts) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %+v, want %+v", what, got, want)
		}
	}
	check("lenient all", sc.Lenient["all"], AttrCounts{TP: 2, FP: 1, FN: 1})
	check("strict all", sc.Strict["all"], AttrCounts{TP: 1, FP: 2, FN: 2})
	check("exact all", sc.Exact["all"], AttrCounts{TP: 1, FP: 2, FN: 2})
	check("lenient full", sc.Lenient["full"], AttrCounts{TP: 1})
	check("lenient partial", sc.Lenient["partial"], AttrCounts{FN: 1})
	check("lenient quoted", sc.Lenient["quoted"], AttrCounts{TP: 1, FN: 1})
	check("lenient none", sc.Lenient["none"], AttrCounts{TP: 1, FP: 1})
	if r := sc.SpeakerMention["all"]; r != (AttrRate{Right: 1, Total: 2}) {
		t.Errorf("speaker mention: %+v", r)
	}
	if r := sc.SpeakerName["all"]; r != (AttrRate{Right: 1, Total: 1}) {
		t.Errorf("speaker name: %+v", r)
	}
	if r := sc.Cue["all"]; r != (AttrRate{Right: 2, Total: 2}) {
		t.Errorf("cue: %+v", r)
	}
	l := sc.Lenient["all"]
	if p, r := l.P(), l.R(); p != 2.0/3 || r != 2.0/3 {
		t.Errorf("P %v R %v", p, r)
	}
}

// TestScoreGreedy: one prediction covering two gold spans matches the one
// it covers most; the other stays unmatched.
func TestScoreGreedy(t *testing.T) {
	text := "Alpha beta gamma. Delta epsilon zeta eta theta."
	doc := AttrDoc{Text: text, Attributions: []GoldAttribution{
		{ContentQuoteMarks: "none", Content: []AttrSpan{goldSpan(t, text, "Alpha beta gamma")}},
		{ContentQuoteMarks: "none", Content: []AttrSpan{goldSpan(t, text, "Delta epsilon zeta eta theta")}},
	}}
	// Covers all of the first (1.0) and "Delta" of the second (5/28).
	pred := []article.Quote{predQuote(t, text, "Alpha beta gamma. Delta", "", "", "")}
	sc := ScoreAttribution(doc, pred)
	if got := sc.Lenient["all"]; got != (AttrCounts{TP: 1, FN: 1}) {
		t.Errorf("lenient: %+v", got)
	}
	// Exact: trimming punctuation and spaces only; different end.
	if got := sc.Exact["all"]; got != (AttrCounts{FP: 1, FN: 2}) {
		t.Errorf("exact: %+v", got)
	}
	// Gold without a source: right only when no speaker is given.
	if r := sc.SpeakerMention["all"]; r != (AttrRate{Right: 1, Total: 1}) {
		t.Errorf("speaker mention without gold source: %+v", r)
	}
}

func TestQuoteMarksClass(t *testing.T) {
	for in, want := range map[string]string{
		"“All of it.”": "full", "\"x y\"": "full", "he said “x”": "partial", "plain": "none", "\"": "partial", "": "none",
		"''NYT style''": "none",
	} {
		if got := QuoteMarksClass(in); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

func TestGoldSurname(t *testing.T) {
	for in, want := range map[string]string{
		"Rep. Gwen Moore (D-Wis.)": "Moore", "Mr. McKinley": "McKinley", "he": "", "the source": "",
		"Trump’s": "Trump", "The New York Post": "Post",
		"Republican vice-presidential nominee Gov. Mike Pence (R-IN)":                "Pence",
		"Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus":     "Butterfield",
		"Another critic, Laurence H. Tribe,":                                         "Tribe",
		"Michael Mulgrew, president of the United Federation of Teachers, which ...": "Mulgrew",
		// A description before the name, a possessor before the speaker.
		"White House spokesman Josh Earnest":            "Earnest",
		"NBC News moderator Matt Lauer":                 "Lauer",
		"Hillary Clinton’s campaign manager Robby Mook": "Mook",
		"Donald Trump’s campaign":                       "Trump",
		// A common word at a sentence start is no name when the article
		// writes it in lower case too.
		"Recent polls in Pennsylvania and Virginia": "Virginia",
		"Critics of the program":                    "",
		"Republicans":                               "Republicans",
	} {
		const article = "Critics say recent polls are close; critics of the program agree."
		if got := goldSurname([]AttrSpan{{Text: in}}, article); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// TestPolNeARDev reads the PolNeAR dev split where it is installed; the
// data has no licence and is never copied into the repository.
func TestPolNeARDev(t *testing.T) {
	const path = "/work/shared/bench/polnear-dev/gold_dev.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("PolNeAR dev split not installed at " + path + " (no licence, never vendored)")
	}
	docs, err := LoadAttributionGold(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 || len(docs[0].Attributions) == 0 {
		t.Fatal("empty gold")
	}
	// The gold against itself scores perfectly.
	total := NewAttrScore()
	for _, d := range docs {
		var pred []article.Quote
		for _, g := range d.Attributions {
			if len(g.Content) == 0 {
				continue
			}
			q := article.Quote{Start: g.Content[0].ByteStart, End: g.Content[len(g.Content)-1].ByteEnd}
			for _, f := range g.Content {
				q.Parts = append(q.Parts, article.Mention{Start: f.ByteStart, End: f.ByteEnd})
			}
			pred = append(pred, q)
		}
		total.Add(ScoreAttribution(d, pred))
	}
	if l := total.Lenient["all"]; l.FN > 1 || l.FP != 0 {
		t.Errorf("gold against itself: %+v", l)
	}
}
