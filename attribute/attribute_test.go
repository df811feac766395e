package attribute

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
)

type seedQuote struct {
	Contains   string `json:"contains"`
	Cue        string `json:"cue"`
	Speaker    string `json:"speaker"`
	Addressee  string `json:"addressee"`
	ReportedBy string `json:"reported_by"`
	Where      string `json:"where"`
	Optional   bool   `json:"optional"`
}

// normQuotes folds curly quote marks and white space so that containment
// does not depend on typography.
func normQuotes(s string) string {
	r := strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'", "\u00a0", " ")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// TestSeedArticle checks the hand-made reading of the Press TV article:
// every expected quote is found with its speaker (and addressee and
// reporter where given), and the must_not rules hold.
func TestSeedArticle(t *testing.T) {
	text, err := os.ReadFile("../testdata/examples/presstv-putin-macron.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../testdata/examples/presstv-putin-macron.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Quotes []seedQuote `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2022, 1, 28, 12, 0, 0, 0, time.UTC)
	res := Text(string(text), Options{Published: pub})
	for _, want := range exp.Quotes {
		if want.Optional {
			continue
		}
		found := false
		var cands []string
		for _, q := range res.Quotes {
			if !strings.Contains(normQuotes(q.Text), normQuotes(want.Contains)) {
				continue
			}
			name := ""
			if q.Speaker != nil {
				name = q.Speaker.Name
			}
			cands = append(cands, name)
			if name != want.Speaker {
				continue
			}
			if want.Addressee != "" && (q.Addressee == nil || q.Addressee.Name != want.Addressee) {
				continue
			}
			if want.ReportedBy != "" && (q.ReportedBy == nil || q.ReportedBy.Name != want.ReportedBy) {
				continue
			}
			if want.Where != "" && q.Where != want.Where {
				continue
			}
			if want.Cue != "" && q.Cue != want.Cue {
				cands = append(cands, "cue "+q.Cue)
				continue
			}
			found = true
		}
		if !found {
			t.Errorf("quote %q: want speaker %q (addressee %q), got quotes with speakers %q", want.Contains, want.Speaker, want.Addressee, cands)
		}
	}
	for _, q := range res.Quotes {
		if q.Speaker == nil {
			continue
		}
		for _, bad := range []string{"Ilhan Omar", "Nancy Pelosi", "Press TV"} {
			if strings.Contains(q.Speaker.Name, bad) {
				t.Errorf("quote %q attributed to %s", q.Text, bad)
			}
		}
		// A speaker's mention never lies inside the quote's own content.
		if m := q.Speaker.Mention; m != nil {
			for _, p := range contentParts(q) {
				if m.Start >= p.Start && m.End <= p.End {
					t.Errorf("quote %q: speaker mention %q lies inside the quote", q.Text, m.Text)
				}
			}
		}
	}
	// Offsets address the input.
	for _, q := range res.Quotes {
		if string(text)[q.Start:q.End] != q.Text {
			t.Errorf("quote %q: offsets %d-%d do not address it", q.Text, q.Start, q.End)
		}
	}
	// Speakers of the index.
	want := map[string]string{"Vladimir Putin": Person, "Sergey Lavrov": Person, "Jean-Yves Le Drian": Person,
		"Emmanuel Macron": Person, "the Kremlin": Organization, "Russia": Country}
	got := map[string]string{}
	for _, s := range res.Speakers {
		got[s.Name] = s.Kind
		for _, qi := range s.Quotes {
			if res.Quotes[qi].Speaker == nil || res.Quotes[qi].Speaker.Name != s.Name {
				t.Errorf("speaker %s lists quote %d of another speaker", s.Name, qi)
			}
		}
	}
	for n, k := range want {
		if got[n] != k {
			t.Errorf("speaker index: %s kind %q, want %q", n, got[n], k)
		}
	}
	// Roles, learnt from titles, appositions ("his French counterpart")
	// and role descriptions ("Russian FM"), and the mentions as written.
	roles := map[string]string{"Vladimir Putin": "Russian President", "Emmanuel Macron": "French President",
		"Sergey Lavrov": "Russian Foreign Minister", "Jean-Yves Le Drian": "French Foreign Minister"}
	for _, s := range res.Speakers {
		if r, ok := roles[s.Name]; ok && s.Role != r {
			t.Errorf("%s: role %q, want %q", s.Name, s.Role, r)
		}
		if s.Name == "Sergey Lavrov" {
			var ms []string
			for _, m := range s.Mentions {
				ms = append(ms, m.Text)
			}
			for _, w := range []string{"Foreign Minister Sergey Lavrov", "Lavrov", "The foreign minister", "Russian FM"} {
				if !strings.Contains(strings.Join(ms, "|"), w) {
					t.Errorf("Lavrov's mentions %q lack %q", ms, w)
				}
			}
		}
	}
}

func contentParts(q article.Quote) []article.Mention {
	if len(q.Parts) > 0 {
		return q.Parts
	}
	return []article.Mention{{Text: q.Text, Start: q.Start, End: q.End}}
}

// TestPatterns covers the quote styles and cue patterns one by one.
func TestPatterns(t *testing.T) {
	pub := time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC) // a Friday
	cases := []struct {
		name, text            string
		contains, speaker     string
		kind, cue, addr, when string
	}{
		{"straight trailing", "H.\n\n\"We will win,\" Jane Smith said.", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"curly inverted", "H.\n\n“We will win,” said Jane Smith.", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"inverted after a sentence adverb", "H.\n\nComputers have seen impacts, too, said Jane Smith, an economist.", "Computers have seen impacts", "Jane Smith", article.Indirect, "said", "", ""},
		{"inverted with a participle between two quotations", "H.\n\n“Look,” said Jane Smith, pausing, “we did our best.”", "we did our best", "Jane Smith", article.Direct, "said", "", ""},
		{"guillemets", "H.\n\nJane Smith said: «We will win.»", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"low-high", "H.\n\nJane Smith said: „We will win.“", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"straight closed by curly", "H.\n\nJane Smith said: \"We will win.”", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"curly open closed by two curly single marks", "H.\n\n“We will win,’’ Jane Smith told the BBC. “Then we rest.”", "We will win", "Jane Smith", article.Direct, "told", "BBC", ""},
		{"two curly single marks each side", "H.\n\n‘‘We will win,’’ Jane Smith said.", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"a statement noun after 'made the following'", "H.\n\nOn July 6, Jane Smith made the following comment:\n\n“The rate is 33 percent.”", "The rate is 33 percent", "Jane Smith", article.Direct, "comment", "", ""},
		{"single marks (British style)", "H.\n\n‘We will win,’ Jane Smith said.", "We will win", "Jane Smith", article.Direct, "said", "", ""},
		{"single marks with a plural possessive inside", "H.\n\n‘The players’ union will win,’ said Jane Smith.", "The players’ union will win", "Jane Smith", article.Direct, "said", "", ""},
		{"single marks around a fragment", "H.\n\nJane Smith said the union would ‘fight to the end’.", "fight to the end", "Jane Smith", article.Partial, "said", "", ""},
		{"nested single", "H.\n\n“He told me, ‘Go home,’ and left,” Jane Smith said.", "Go home", "Jane Smith", article.Direct, "said", "", ""},
		{"indirect that", "H.\n\nJane Smith said on Friday that the plan would fail.", "that the plan would fail", "Jane Smith", article.Indirect, "said", "", "2022-01-28"},
		{"according to", "H.\n\nThe plan would fail, according to Jane Smith.", "The plan would fail", "Jane Smith", article.Indirect, "according to", "", ""},
		{"according to between subject and verb", "H.\n\nThis, according to Jane Smith, is both a problem and an opportunity.", "is both a problem and an opportunity", "Jane Smith", article.Indirect, "according to", "", ""},
		{"told", "H.\n\nJane Smith told John Doe that the plan would fail.", "the plan would fail", "Jane Smith", article.Indirect, "told", "John Doe", ""},
		{"told a listener with an apposition", "H.\n\nJane Smith told John Doe, a reporter for the Times, that the plan would fail.", "that the plan would fail", "Jane Smith", article.Indirect, "told", "John Doe", ""},
		{"next weekday", "H.\n\nJane Smith said next Tuesday that the vote would come.", "that the vote would come", "Jane Smith", article.Indirect, "said", "", "2022-02-01"},
		{"trailing indirect", "H.\n\nThe plan would fail, Jane Smith warned yesterday.", "The plan would fail", "Jane Smith", article.Indirect, "warned", "", "2022-01-27"},
		{"partial", "H.\n\nJane Smith described the plan as \"a disaster\" for the city.", "a disaster", "Jane Smith", article.Partial, "described", "", ""},
		{"accused", "H.\n\nJane Smith accused John Doe of lying about the budget.", "John Doe of lying", "Jane Smith", article.Indirect, "accused", "", ""},
		{"denies", "H.\n\nJane Smith denies taking the money.", "taking the money", "Jane Smith", article.Indirect, "denies", "", ""},
		{"added pronoun", "H.\n\nJane Smith spoke first.\n\n\"It's up to John Doe now,\" she added.", "It's up to John Doe now", "Jane Smith", article.Direct, "added", "", ""},
		{"headline tells", "Plan will fail, Smith tells Doe\n\nJane Smith met John Doe.", "Plan will fail", "Jane Smith", article.Indirect, "tells", "John Doe", ""},
		{"headline quotation before the colon: the clause's subject", "'We were lied to': Flood victims demand answers from water board\n\nThe vote was close.", "We were lied to", "Flood victims", article.Direct, ":", "", ""},
		{"headline source label", "Police: Suspect fled on foot\n\nThe suspect has not been found.", "Suspect fled on foot", "Police", article.Indirect, ":", "", ""},
		{"headline says with a later verb", "Jane Smith Says Museum Will Tell of the Past\n\nJane Smith spoke.", "Museum Will Tell of the Past", "Jane Smith", article.Indirect, "Says", "", ""},
		{"headline quotation after a colon: the heading's subject", "Jane Smith Hammers Acme CEO: ‘You Should Resign.’\n\nSen. Jane Smith questioned the chief of Acme on Tuesday.", "You Should Resign", "Jane Smith", article.Direct, ":", "", ""},
		{"headline in straight single marks", "A Lesson From Jane Smith: 'Be the Voice People Hear.'\n\nJane Smith spoke.", "Be the Voice People Hear", "Jane Smith", article.Direct, ":", "", ""},
		{"a bare name in the headline is a person's once titled", "Smith on Taxes: The Trends Are 'Terrifying.'\n\nMs. Smith spoke on Monday.", "The Trends Are", "Smith", article.Partial, ":", "", ""},
		{"a known name ends a Title Case run", "Jane Smith Calls John Doe ‘A Disgrace’ Over Tax Comments.\n\nSen. Jane Smith and John Doe met.", "A Disgrace", "Jane Smith", article.Partial, "Calls", "", ""},
		{"a name misdecoded as Latin-1 stays one name", "H.\n\n“We will win,” French President FranÃ§ois Hollande said.", "We will win", "FranÃ§ois Hollande", article.Direct, "said", "", ""},
		{"first person outside quotes is the writer", "H.\n\nJane Smith met the mayor on Monday.\n\nI believe the plan will fail.", "the plan will fail", "I", article.Indirect, "believe", "", ""},
		{"a paragraph of quotation after one that ends with its attribution goes on with it", "H.\n\n\"First,\" Jane Smith said.\n\n\"Second paragraph of hers.\"", "First,\" Jane Smith said.\n\n\"Second paragraph of hers", "Jane Smith", article.Direct, "said", "", ""},
		{"continuation paragraph", "H.\n\n\"First,\" Jane Smith said. The crowd cheered.\n\n\"Second paragraph of hers.\"", "Second paragraph of hers", "Jane Smith", article.Direct, "", "", ""},
		{"a quotation after a participle joins the one before", "H.\n\n“Taxes will rise,” said Jane Smith, adding that the budget was late. “Nobody wants that.”", "Nobody wants that", "Jane Smith", article.Direct, "said", "", ""},
		{"a quotation after the speaker's reported aside joins the quotation before", "H.\n\n“Taxes will rise,” Jane Smith said. She did not suggest a fix. “Nobody wants that.”", "Nobody wants that", "Jane Smith", article.Direct, "said", "", ""},
		{"a quotation after a report joins it", "H.\n\nJane Smith called the plan a disaster. “Nobody wants that.”", "Nobody wants that", "Jane Smith", article.Partial, "called", "", ""},
		{"a list of titles before the speaker's name", "H.\n\n“Sales grew,” chairman, CEO and president Jane Smith said.", "Sales grew", "Jane Smith", article.Direct, "said", "", ""},
		{"coordinated roles before the speaker's name", "H.\n\n\"Water is there,\" lead researcher and NASA scientist Jane Smith said.", "Water is there", "Jane Smith", article.Direct, "said", "", ""},
		{"an inverted document with a participle after it", "H.\n\n“This is an emergency,” says the letter signed by seven physicians.", "This is an emergency", "the letter", article.Direct, "says", "", ""},
		{"a verb of manner after a quotation", "H.\n\nJane Smith spoke first.\n\n“It went well,” she laughed.", "It went well", "Jane Smith", article.Direct, "laughed", "", ""},
		{"a verb of manner with a setting", "H.\n\n“Get out!” Officer Jane Smith ordered on Tuesday.", "Get out", "Jane Smith", article.Direct, "ordered", "", ""},
		{"a speaker with an institution of two prepositions", "H.\n\n\"These findings support limits,\" lead author Dr. Jane Song of Harvard's T.H. Chan School of Public Health said in a statement.", "These findings support limits", "Jane Song", article.Direct, "said", "", ""},
		{"a heading's second predicate", "Trump visits border, says wall is working\n\nThe president toured the site on Monday.", "wall is working", "Trump", article.Indirect, "says", "", ""},
		{"a heading's cue followed at once by the next predicate", "Senate hopeful concedes, calls for unity\n\nMark Hale conceded on Wednesday.", "unity", "Senate hopeful", article.Indirect, "calls for", "", ""},
		{"dash signature", "H.\n\n“We will win.” ― Jane Smith", "We will win", "Jane Smith", article.Direct, "―", "", ""},
		{"a title with of", "H.\n\nSecretary of State Jane Smith arrived.\n\nThe top U.S. diplomat said talks would continue.", "talks would continue", "Jane Smith", article.Indirect, "said", "", ""},
		{"a name before a place", "H.\n\nGov. Jane Smith of Ohio said talks would continue.", "talks would continue", "Jane Smith", article.Indirect, "said", "", ""},
		{"a parliament is an organisation, never a she", "H.\n\nChristine Lagarde spoke on Monday.\n\nThe European Parliament accused the bank of moving too slowly. She acknowledged that forecasts had been wrong.", "forecasts had been wrong", "Christine Lagarde", article.Indirect, "acknowledged", "", ""},
		{"who after a group of common nouns in an organisation", "H.\n\nJane Smith spoke on Monday.\n\nSmith addressed criticism from lawmakers in the European Parliament, who accused the bank of moving too slowly.", "the bank of moving too slowly", "lawmakers in the European Parliament", article.Indirect, "accused", "", ""},
		{"an absolute with a named apposition", "H.\n\nThe bank left rates unchanged on Thursday, with its president, Jane Smith, telling reporters that inflation was sticky.", "inflation was sticky", "Jane Smith", article.Indirect, "telling", "reporters", ""},
		{"who after a phrase that names nobody, not a name in the sentence before", "H.\n\nMike Rivera spoke.\n\nThe club's owner, who asked not to be named, said the decision was final.", "not to be named", "The club's owner", article.Indirect, "asked", "", ""},
		{"a colon answer after a fronted question", "H.\n\nMike Rivera spoke.\n\nAsked if he would stay next season, Rivera smiled: “Ask me in June.”", "Ask me in June", "Mike Rivera", article.Direct, "smiled:", "", ""},
		{"a month before the publication month is last year's", "H.\n\nJane Smith told investors in November that costs would fall.", "costs would fall", "Jane Smith", article.Indirect, "told", "investors", "2021-11"},
		{"a month with its year", "H.\n\nJane Smith said in March 2020 that costs would fall.", "costs would fall", "Jane Smith", article.Indirect, "said", "", "2020-03"},
		{"a passive after its noun is no cue", "H.\n\nA spokeswoman for Helix, one of the firms said to be interested, said in an email that the firm had no comment.", "the firm had no comment", "A spokeswoman for Helix", article.Indirect, "said", "", ""},
		{"a time after the listener is no part of it", "H.\n\nJane Smith told CNN on Friday that the plan would fail.", "the plan would fail", "Jane Smith", article.Indirect, "told", "CNN", "2022-01-28"},
		{"it is the capital named before it, outside the quotation", "H.\n\nAcme Corp. said prices would rise.\n\nLin Jian told reporters that Manila had “violated China's sovereignty” and urged it to stop.", "it to stop", "Lin Jian", article.Indirect, "urged", "Manila", ""},
		{"a name with its organisation in apposition", "H.\n\nHer editor, Tom Reyes of Harbor Books, called the novel “the bravest thing she has written.”", "the bravest thing", "Tom Reyes", article.Partial, "called", "", ""},
		{"a reviewer for The Times", "H.\n\nCritics were kind, though a reviewer for The Times complained that its middle section “loses its nerve.”", "loses its nerve", "a reviewer for The Times", article.Partial, "complained", "", ""},
		{"a listener after to", "H.\n\n“It is over,” Jane Smith said to reporters.", "It is over", "Jane Smith", article.Direct, "said", "reporters", ""},
		{"the listener of a fronted speaking to", "H.\n\nSpeaking to Sky Sports after the match, Jane Smith said: “We got it wrong today.”", "We got it wrong", "Jane Smith", article.Direct, "said", "Sky Sports", ""},
		{"the noun before a participle phrase speaks", "H.\n\nA letter sent to families on Wednesday reads, in part, that the district “will work with every family.”", "will work with every family", "A letter", article.Partial, "reads", "", ""},
		{"one mother, then she", "H.\n\nJane Smith spoke first.\n\nOne mother, who declined to give her last name, spoke up. “It's not fair to the kids,” she said.", "It's not fair", "One mother", article.Direct, "said", "", ""},
		{"a noun in a prepositional phrase at the sentence end is no cue", "H.\n\nThe man went back.\n\n\"Going upstairs was hard,\" the patient described in the case report.", "Going upstairs was hard", "the patient", article.Direct, "described", "", ""},
		{"for saying in a where-clause: its subject, the sentence's possessor", "H.\n\nDr. Mehmet Oz and Jane Smith spoke.\n\nOz's advice earned him the attention of Congress, where he appeared at a hearing for saying that green coffee was a “magic cure.”", "green coffee", "Mehmet Oz", article.Partial, "saying", "", ""},
		{"he after an opening possessor of a thing", "H.\n\nDr. Mehmet Oz spoke. Mr. John Smith spoke next.\n\nOz's advice earned him a hearing, where he said that green coffee was a “magic cure.”", "green coffee", "Mehmet Oz", article.Partial, "said", "", ""},
		{"role description", "H.\n\nForeign Minister Jane Smith arrived.\n\nThe foreign minister said talks would continue.", "talks would continue", "Jane Smith", article.Indirect, "said", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Text(c.text, Options{Published: pub})
			for _, q := range res.Quotes {
				if !strings.Contains(q.Text, c.contains) {
					continue
				}
				if q.Speaker == nil || q.Speaker.Name != c.speaker {
					t.Fatalf("speaker %+v, want %q", q.Speaker, c.speaker)
				}
				if q.Kind != c.kind {
					t.Errorf("kind %q, want %q", q.Kind, c.kind)
				}
				if q.Cue != c.cue {
					t.Errorf("cue %q, want %q", q.Cue, c.cue)
				}
				if c.addr != "" && (q.Addressee == nil || q.Addressee.Name != c.addr) {
					t.Errorf("addressee %+v, want %q", q.Addressee, c.addr)
				}
				if c.when != "" && (q.When == nil || q.When.Date != c.when) {
					t.Errorf("when %+v, want %q", q.When, c.when)
				}
				return
			}
			t.Fatalf("no quote contains %q; got %+v", c.contains, res.Quotes)
		})
	}
}

// TestMultiParagraph: a quotation whose paragraphs reopen without closing
// is one quote in several parts.
func TestMultiParagraph(t *testing.T) {
	text := "H.\n\nJane Smith said: “The first paragraph runs on.\n\n“The second reopens it.\n\n“The third closes it.”\n\n“A new quote,” she added."
	res := Text(text, Options{})
	if len(res.Quotes) != 2 {
		t.Fatalf("want 2 quotes, got %d: %+v", len(res.Quotes), res.Quotes)
	}
	q := res.Quotes[0]
	if len(q.Parts) != 3 || !strings.HasSuffix(q.Text, "closes it.”") || q.Speaker == nil || q.Speaker.Name != "Jane Smith" {
		t.Errorf("multi-paragraph quote: %+v", q)
	}
	for _, p := range q.Parts {
		if text[p.Start:p.End] != p.Text {
			t.Errorf("part offsets %d-%d do not address %q", p.Start, p.End, p.Text)
		}
	}
	if q := res.Quotes[1]; q.Speaker == nil || q.Speaker.Name != "Jane Smith" || q.Speaker.Mention.Text != "she" {
		t.Errorf("second quote: %+v", q.Speaker)
	}
}

// TestBadInput: hostile text yields a result, never a panic.
func TestBadInput(t *testing.T) {
	long := strings.Repeat("word ", 2<<20) // 10 MB, no punctuation
	cases := map[string]string{
		"empty":          "",
		"unbalanced":     "H.\n\n\"Open and never closed, Jane Smith said.\n\nNext \" \" \" paragraph",
		"only marks":     "\"\"\"“”„«»''``",
		"no quotes":      "Headline\n\nNothing was said here at all.",
		"non-english":    "Заголовок\n\n«Мы победим», — сказал Иван Петров. 我们会赢的。",
		"invalid utf8":   "H.\n\n\"\xff\xfe said\" \xc3",
		"no punctuation": long,
		// One sentence of 1 MB full of cues, and one of names joined by
		// "and": both once took time quadratic in their length.
		"cues without punctuation":    "H.\n\n" + strings.Repeat("the mayor said that families want schools and officials say that ", 16000),
		"a chain of names":            "H.\n\n" + strings.Repeat("Mr. Smith and Mr. Jones and ", 40000),
		"reopened paragraphs":         "H.\n\n" + strings.Repeat("\"First,\" Smith said.\n\n\"Second\n\n", 40000),
		"labels over every paragraph": "H.\n\n" + strings.Repeat("New Release: Switch Lite\n\nThe plan works well for all of us here today, Smith said.\n\n", 12000),
		"asides without end":          "H.\n\n" + strings.Repeat("the law, which critics say is bad, which he said works, ", 20000),
		"colon end":                   "H.\n\nJane Smith said:",
		"only cue":                    "said",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			res := Text(text, Options{})
			for _, q := range res.Quotes {
				if q.Start < 0 || q.End > len(text) || q.Start > q.End {
					t.Fatalf("bad offsets %d-%d", q.Start, q.End)
				}
			}
		})
	}
	if res := Text(cases["no quotes"], Options{}); len(res.Quotes) != 0 {
		t.Errorf("quotes found in a text with none: %+v", res.Quotes)
	}
}

func TestMaxBytes(t *testing.T) {
	text := "H.\n\n\"One,\" Jane Smith said.\n\n\"Two,\" John Doe said."
	res := Text(text, Options{MaxBytes: 30})
	if len(res.Quotes) != 1 {
		t.Fatalf("want 1 quote within the cap, got %d", len(res.Quotes))
	}
}

func TestArticle(t *testing.T) {
	a := &article.Article{Headline: "Plan will fail, Smith tells Doe", Body: []article.Block{
		{Type: article.Paragraph, Text: "Jane Smith met John Doe on Friday."},
		{Type: article.FigureBlk, Figure: &article.Figure{Caption: "\"Nice day,\" said Carl Caption."}},
		{Type: article.Heading, Text: "Talks go on: Smith"},
		{Type: article.Paragraph, Text: "\"We will talk again,\" Smith said."},
	}}
	Article(a, Options{})
	text := a.Text()
	wheres := map[string]string{}
	for _, q := range a.Quotes {
		if text[q.Start:q.End] != q.Text {
			t.Errorf("offsets of %q do not address Article.Text()", q.Text)
		}
		if q.Speaker != nil && strings.Contains(q.Speaker.Name, "Caption") {
			t.Errorf("caption yielded a quote: %q", q.Text)
		}
		wheres[q.Text] = q.Where
	}
	if wheres["Plan will fail"] != "headline" || wheres["Talks go on"] != "subheading" || wheres["\"We will talk again,\""] != "body" {
		t.Errorf("where: %v", wheres)
	}
	if len(a.Speakers) != 1 || a.Speakers[0].Name != "Jane Smith" || len(a.Speakers[0].Quotes) != 3 {
		t.Errorf("speakers: %+v", a.Speakers)
	}
}

func TestDeterministic(t *testing.T) {
	text, err := os.ReadFile("../testdata/examples/presstv-putin-macron.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(Text(string(text), Options{}))
	b, _ := json.Marshal(Text(string(text), Options{}))
	if string(a) != string(b) {
		t.Fatal("two runs differ")
	}
}

func FuzzText(f *testing.F) {
	f.Add("H.\n\n\"We will win,\" Jane Smith said.")
	f.Add("H.\n\n“Unclosed, said he.\n\n„x“ «y» ''z'' ``w'' “v’’ ‘‘u’’ ’’")
	f.Add("PENCE: Well.\n\n“A.” ― B\n\nX said: ")
	f.Add("장관\n\n‘간직’하는 “말”이다. O pessoal estranha: «Vamos.» Asked if, X smiled: “Q.”")
	f.Fuzz(func(t *testing.T, text string) {
		res := Text(text, Options{Published: time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC)})
		for _, q := range res.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote %+v", q)
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
				t.Fatalf("quote cuts a rune: %q", q.Text)
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	text, err := os.ReadFile("../testdata/examples/presstv-putin-macron.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Text(s, Options{})
	}
}

// TestOtherLanguages: in a text that is not English the rules keep what
// quotation marks show, and a speaker only where a name stands before a
// colon; a cue or noun phrase read as English would be chance.
func TestOtherLanguages(t *testing.T) {
	para := func(lang, head, text string) *article.Article {
		return &article.Article{Language: lang, Headline: head, Body: []article.Block{{Type: article.Paragraph, Text: text}}}
	}
	cases := []struct {
		name string
		a    *article.Article
		// want maps a fragment of each expected quote to its speaker ("" for none).
		want map[string]string
	}{
		{"a Portuguese clause before a colon is no speaker",
			para("", "Escolas", "Quando você fala sobre fluência de leitura com os pais, o pessoal estranha: “Que história é essa de que uma criança deve ler tão cedo?” E a professora disse que não era assim."),
			map[string]string{"Que história": ""}},
		{"an Indonesian heading with a name before the colon keeps it",
			para("", "Presiden Ahmadinejad: Siapa Menghina Sahabat Rasulullah Sekutu Musuh Islam", "Presiden Iran Mahmoud Ahmadinejad mengatakan bahwa ini adalah masalah yang sangat penting untuk dibahas dalam pertemuan itu."),
			map[string]string{"Siapa Menghina": "Presiden Iran Mahmoud Ahmadinejad"}},
		{"the declared language decides a text too short to tell",
			para("pt-BR", "Fala", "O pessoal estranha: “Vamos.”"),
			map[string]string{"Vamos": ""}},
		{"an English text declared German is read as English",
			para("de", "Plan will fail", "Jane Smith said the plan would fail because the budget was late and the council had not voted."),
			map[string]string{"the plan would fail": "Jane Smith"}},
		{"a Korean scare quote closes before its particle",
			para("ko", "사진", "‘사랑하는 사람의 추억을 간직’하는 일이 어째서 두 사람만의 사적인 관계를 찍은 사진들을 공개하는 일이 될까. 이런 일들은 사실 연예인처럼 특수한 위치에 있는 이들만이 아니라, 우리 같은 보통 사람들에게도 일종의 데이트 폭력으로 다가올 수 있는 일이다. 하지만 관계가 틀어지고 나서 공적으로 폭로되는 사진의 의미는 완전히 다를 수밖에 없다."),
			map[string]string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			Article(c.a, Options{})
			if len(c.a.Quotes) != len(c.want) {
				t.Fatalf("%d quotes, want %d: %+v", len(c.a.Quotes), len(c.want), c.a.Quotes)
			}
			for _, q := range c.a.Quotes {
				found := false
				for frag, sp := range c.want {
					if !strings.Contains(q.Text, frag) {
						continue
					}
					found = true
					if got := ""; q.Speaker != nil {
						got = q.Speaker.Name
						if got != sp {
							t.Errorf("%q: speaker %q, want %q", q.Text, got, sp)
						}
					} else if sp != "" {
						t.Errorf("%q: no speaker, want %q", q.Text, sp)
					}
				}
				if !found {
					t.Errorf("unexpected quote %q", q.Text)
				}
			}
		})
	}
}

// TestInterview: in a question-and-answer interview the "A:" paragraphs
// and the interviewee's own labelled turns are the interviewee's direct
// quotes; the questions are not.
func TestInterview(t *testing.T) {
	text := "Q&A: The mayor on her first year\n\nMayor Dana Ortiz sat down with the Herald this week.\n\n" +
		"Q: What surprised you most about the job?\n\nA: How slow everything is. I'm not satisfied with that.\n\n" +
		"Q: Critics say your plan has stalled. Are they wrong?\n\nA: They're not entirely wrong.\n\n" +
		"Herald: What's your goal for next year?\n\nOrtiz: Get shovels in the ground."
	res := Text(text, Options{})
	want := map[string]bool{"How slow everything is. I'm not satisfied with that": false, "They're not entirely wrong": false, "Get shovels in the ground": false}
	for _, q := range res.Quotes {
		if _, ok := want[q.Text]; ok {
			want[q.Text] = true
			if q.Speaker == nil || q.Speaker.Name != "Dana Ortiz" || q.Kind != article.Direct {
				t.Errorf("%q: speaker %+v, kind %s; want Dana Ortiz, direct", q.Text, q.Speaker, q.Kind)
			}
			continue
		}
		if q.Speaker != nil && q.Speaker.Name == "Dana Ortiz" {
			t.Errorf("the interviewee says %q", q.Text)
		}
	}
	for k, found := range want {
		if !found {
			t.Errorf("answer %q not found in %+v", k, res.Quotes)
		}
	}
	// One "A:" paragraph makes no interview.
	res = Text("H.\n\nJane Smith spoke.\n\nA: list item.", Options{})
	for _, q := range res.Quotes {
		if q.Speaker != nil && q.Speaker.Name == "Jane Smith" && q.Text == "list item" {
			t.Errorf("a lone A: paragraph was read as an answer")
		}
	}
}

// BenchmarkLongSentence measures one sentence without punctuation, full
// of cues and names, at two lengths: time per byte stays flat when the
// engine is linear.
func BenchmarkLongSentence(b *testing.B) {
	// One sentence without full stops, full of cues and names ("repeats"),
	// and one dense with cues whose speaker is the run's first subject
	// (participles, topic verbs: "cues"): MB/s stays flat as they grow.
	for _, c := range []struct {
		name, unit, head string
		sizes            []int
	}{
		{"repeats", "the mayor said that Mr. Smith and Mr. Jones want schools and officials say that ", "H.\n\n", []int{1000, 8000}},
		{"cues", "the mayors met, each saying she talked to reporters about it ", "H.\n\nThe council met.\n\n", []int{2000, 16000}},
	} {
		for _, n := range c.sizes {
			text := c.head + strings.Repeat(c.unit, n)
			b.Run(fmt.Sprintf("%s=%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Text(text, Options{})
				}
			})
		}
	}
}

// TestRunawaySentenceBounded: text without sentence punctuation is cut
// into pieces no longer than maxSentenceToks (at a comma when there is
// one late enough), and statements are still found all through it.
func TestRunawaySentenceBounded(t *testing.T) {
	unit := "officials said the plan works, "
	text := "H.\n\nThe council met.\n\n" + strings.Repeat(unit, 3000)
	en := newEngine(text, linesSegments(text), time.Time{})
	var longest, pieces int
	for seg := range en.segs {
		for _, st := range en.sentences(seg, nil) {
			pieces++
			longest = max(longest, st.b-st.a)
		}
	}
	if longest > maxSentenceToks+1 || pieces < 3000*6/maxSentenceToks {
		t.Fatalf("runaway text: %d pieces, longest %d tokens; want pieces of at most %d", pieces, longest, maxSentenceToks+1)
	}
	res := Text(text, Options{})
	if len(res.Quotes) < pieces-3 {
		t.Fatalf("runaway text: %d statements in %d pieces; want at least one in each", len(res.Quotes), pieces)
	}
	if last := res.Quotes[len(res.Quotes)-1]; last.End < len(text)-2*len(unit) {
		t.Fatalf("runaway text: the last statement ends at %d of %d bytes", last.End, len(text))
	}
}
