package plaintext

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestPressTVStructure checks Parse and Lines against the "structure" part
// of the hand-made reading in testdata/examples.
func TestPressTVStructure(t *testing.T) {
	text, err := os.ReadFile("../testdata/examples/presstv-putin-macron.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../testdata/examples/presstv-putin-macron.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Structure struct {
			Section  []string `json:"section"`
			Headline string   `json:"headline"`
			Captions []struct {
				Starts         string `json:"starts"`
				Credit         string `json:"credit"`
				AboutThisStory bool   `json:"about_this_story"`
			} `json:"captions"`
			Subheadings    []string `json:"subheadings"`
			FirstStarts    string   `json:"body_first_paragraph_starts"`
			LastStarts     string   `json:"body_last_paragraph_starts"`
			BodyParagraphs int      `json:"body_paragraphs"`
			Boilerplate    []string `json:"boilerplate"`
		} `json:"structure"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	want := exp.Structure
	s := string(text)
	a := Parse(s)

	if !reflect.DeepEqual(a.Section, want.Section) {
		t.Errorf("section = %q, want %q", a.Section, want.Section)
	}
	if a.Headline != want.Headline {
		t.Errorf("headline = %q, want %q", a.Headline, want.Headline)
	}
	var paras []string
	var heads []string
	var figs []*article.Figure
	for _, b := range a.Body {
		switch b.Type {
		case article.Paragraph:
			paras = append(paras, b.Text)
		case article.Heading:
			heads = append(heads, b.Text)
		case article.FigureBlk:
			figs = append(figs, b.Figure)
		}
	}
	if len(paras) != want.BodyParagraphs {
		t.Errorf("%d body paragraphs, want %d", len(paras), want.BodyParagraphs)
	}
	if len(paras) > 0 {
		if !strings.HasPrefix(paras[0], want.FirstStarts) {
			t.Errorf("first paragraph %.60q", paras[0])
		}
		if !strings.HasPrefix(paras[len(paras)-1], want.LastStarts) {
			t.Errorf("last paragraph %.60q", paras[len(paras)-1])
		}
	}
	if !reflect.DeepEqual(heads, want.Subheadings) {
		t.Errorf("subheadings = %q, want %q", heads, want.Subheadings)
	}
	// Captions: every one is found with its credit (Lines role caption);
	// only those about this story are figures of the body.
	lines := Lines(s)
	for _, c := range want.Captions {
		var found *Line
		for i := range lines {
			if strings.HasPrefix(s[lines[i].Start:lines[i].End], c.Starts) {
				found = &lines[i]
			}
		}
		if found == nil || found.Role != RoleCaption {
			t.Errorf("caption %.40q: line %+v", c.Starts, found)
			continue
		}
		var fig *article.Figure
		for _, f := range figs {
			if strings.HasPrefix(f.Caption, c.Starts) {
				fig = f
			}
		}
		if c.AboutThisStory {
			if fig == nil {
				t.Errorf("caption %.40q missing from the body", c.Starts)
			} else if fig.Credit != c.Credit {
				t.Errorf("credit = %q, want %q", fig.Credit, c.Credit)
			}
		} else if fig != nil {
			t.Errorf("caption of another story %.40q kept in the body", c.Starts)
		}
		if _, credit, ok := splitCredit(s[found.Start:found.End]); !ok || credit != c.Credit {
			t.Errorf("credit of %.40q = %q, want %q", c.Starts, credit, c.Credit)
		}
	}
	body := a.BodyText()
	for _, bp := range want.Boilerplate {
		if strings.Contains(body, bp) || strings.Contains(a.Text(), bp) {
			t.Errorf("boilerplate %q in the text", bp)
		}
		ok := false
		for _, l := range lines {
			if s[l.Start:l.End] == bp && l.Role == RoleBoilerplate {
				ok = true
			}
		}
		if !ok {
			t.Errorf("line %q not marked boilerplate", bp)
		}
	}
	if a.Language != "en" || a.LanguageSource != "detected" {
		t.Errorf("language %q (%s)", a.Language, a.LanguageSource)
	}
}

// TestFixtures compares Parse and Lines on made-up articles with golden
// files, and checks the features each fixture was written for.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 4 {
		t.Fatalf("%d fixtures", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			got := golden{Article: Parse(s)}
			for _, l := range Lines(s) {
				got.Roles = append(got.Roles, l.Role)
			}
			out, _ := json.MarshalIndent(got, "", "  ")
			out = append(out, '\n')
			gf := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(gf, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("output differs from %s:\n%s", gf, out)
			}
		})
	}
}

type golden struct {
	Roles   []string         `json:"roles"`
	Article *article.Article `json:"article"`
}

func parseFile(t *testing.T, name string) (*article.Article, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(string(b)), string(b)
}

func blocksOfType(a *article.Article, ty article.BlockType) []article.Block {
	var out []article.Block
	for _, b := range a.Body {
		if b.Type == ty {
			out = append(out, b)
		}
	}
	return out
}

func TestWrappedBylineList(t *testing.T) {
	a, _ := parseFile(t, "wrapped-byline-list.txt")
	if !reflect.DeepEqual(a.Section, []string{"Business", "Energy"}) {
		t.Errorf("section %q", a.Section)
	}
	if !reflect.DeepEqual(a.Authors, []string{"Jane Okafor", "Tom Brennan"}) {
		t.Errorf("authors %q", a.Authors)
	}
	if a.Published == nil || !a.Published.Time.Equal(time.Date(2023, 3, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.Published)
	}
	paras := blocksOfType(a, article.Paragraph)
	if len(paras) != 4 || !strings.HasSuffix(paras[0].Text, "fishermen and residents.") ||
		!strings.Contains(paras[0].Text, "off the northern coast") {
		t.Errorf("hard-wrapped paragraphs not joined: %d %+v", len(paras), paras)
	}
	lists := blocksOfType(a, article.List)
	if len(lists) != 1 || len(lists[0].Items) != 3 || lists[0].Items[2] != "yearly bird-strike reports" {
		t.Errorf("lists %+v", lists)
	}
	figs := blocksOfType(a, article.FigureBlk)
	if len(figs) != 1 || figs[0].Figure.Credit != "Photo: Reuters" {
		t.Errorf("figures %+v", figs)
	}
	for _, bad := range []string{"Advertisement", "Follow us", "Privacy policy"} {
		if strings.Contains(a.Text(), bad) {
			t.Errorf("%q left in the text", bad)
		}
	}
}

func TestOtherStoryCaption(t *testing.T) {
	a, _ := parseFile(t, "other-story-caption.txt")
	if a.Headline != "Can the city fix its buses before winter?" {
		t.Errorf("headline %q", a.Headline)
	}
	figs := blocksOfType(a, article.FigureBlk)
	if len(figs) != 1 || !strings.HasPrefix(figs[0].Figure.Caption, "Mayor Linda Park") ||
		figs[0].Figure.Credit != "AFP via Getty Images" {
		t.Errorf("figures %+v", figs)
	}
	if strings.Contains(a.Text(), "Tayla Quinn") {
		t.Error("caption of another story kept")
	}
	if h := blocksOfType(a, article.Heading); len(h) != 1 || h[0].Text != "Will it work?" {
		t.Errorf("headings %+v", h)
	}
	if strings.Contains(a.Text(), "Read more") || strings.Contains(a.Text(), "Snow ploughs") {
		t.Error("furniture kept")
	}
}

func TestGermanCredit(t *testing.T) {
	a, _ := parseFile(t, "german-credit.txt")
	if a.Language != "de" {
		t.Errorf("language %q", a.Language)
	}
	if !reflect.DeepEqual(a.Section, []string{"Politik", "Ausland"}) {
		t.Errorf("section %q", a.Section)
	}
	if figs := blocksOfType(a, article.FigureBlk); len(figs) != 1 || figs[0].Figure.Credit != "Foto: dpa" {
		t.Errorf("figures %+v", figs)
	}
}

func TestNoHeadline(t *testing.T) {
	a, s := parseFile(t, "no-headline.txt")
	if a.Headline != "" || len(a.Body) != 1 || a.Body[0].Text != strings.TrimSpace(s) {
		t.Errorf("got headline %q, body %+v", a.Headline, a.Body)
	}
}

// TestShortHeadlineOverTwoSentences: a short first line over a paragraph
// of two sentences is the headline, not a section label over a headline;
// abbreviations do not make two sentences.
func TestShortHeadlineOverTwoSentences(t *testing.T) {
	for _, c := range []struct{ in, headline string }{
		{"Growth slows\n\nThe fund cut its forecast on Tuesday. The fund said growth would slow.\n", "Growth slows"},
		{"Politics\n\nU.S. Sen. Jane Doe dies at 90 after long illness.\n\nShe served for 30 years.\n", "U.S. Sen. Jane Doe dies at 90 after long illness."},
	} {
		a := Parse(c.in)
		if a.Headline != c.headline {
			t.Errorf("%q: headline %q, want %q", c.in, a.Headline, c.headline)
		}
	}
}

func TestSplitCredit(t *testing.T) {
	cases := []struct{ in, cap, credit string }{
		{"Troops stand guard in the capital on Monday. (AFP photo)", "Troops stand guard in the capital on Monday.", "AFP photo"},
		{"Troops stand guard in the capital on Monday (Photo via AFP)", "Troops stand guard in the capital on Monday", "Photo via AFP"},
		{"Troops stand guard in the capital. [Photo: Reuters]", "Troops stand guard in the capital.", "Photo: Reuters"},
		{"Troops stand guard in the capital. Photo: Reuters", "Troops stand guard in the capital.", "Photo: Reuters"},
		{"Troops stand guard in the capital | Photo by Jane Doe", "Troops stand guard in the capital", "Photo by Jane Doe"},
		{"Troops stand guard in the capital. Reuters/John Smith", "Troops stand guard in the capital.", "Reuters/John Smith"},
		{"The minister (right) spoke to reporters on Monday (file)", "The minister (right) spoke to reporters on Monday", "file"},
		{"The minister spoke to reporters (in Paris) on Monday.", "", ""},
		{"He said the photo was fake (a claim the agency denied).", "", ""},
		{"Photo: Reuters", "", ""},
		{"The deal was reported by Reuters. The company declined to comment.", "", ""},
	}
	for _, c := range cases {
		cap, credit, ok := splitCredit(c.in)
		if ok != (c.credit != "") || cap != c.cap || credit != c.credit {
			t.Errorf("splitCredit(%q) = %q, %q, %v; want %q, %q", c.in, cap, credit, ok, c.cap, c.credit)
		}
	}
}

func TestSectionPath(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"News   /   Russia", []string{"News", "Russia"}},
		{"Home > World > Europe", []string{"World", "Europe"}},
		{"Sport | Football", []string{"Sport", "Football"}},
		{"Putin and Macron spoke / the Kremlin said.", nil},
		{"1/2 of the voters", nil},
		{"Just a headline", nil},
	}
	for _, c := range cases {
		got, ok := sectionPath(c.in)
		if ok != (c.want != nil) || !reflect.DeepEqual(got, c.want) {
			t.Errorf("sectionPath(%q) = %q, %v", c.in, got, ok)
		}
	}
}

func TestLinesOffsets(t *testing.T) {
	s := "Sport / Tennis\r\n\r\nA headline here\r\n\r\nA paragraph of body text that ends here.\r\n"
	ls := Lines(s)
	if len(ls) != 5 {
		t.Fatalf("%d lines: %+v", len(ls), ls)
	}
	roles := []string{RoleSection, RoleBlank, RoleHeadline, RoleBlank, RoleParagraph}
	for i, l := range ls {
		if l.Role != roles[i] {
			t.Errorf("line %d role %s, want %s", i, l.Role, roles[i])
		}
		if strings.ContainsAny(s[l.Start:l.End], "\r\n") {
			t.Errorf("line %d includes a line break", i)
		}
	}
	if len(Lines("")) != 0 {
		t.Error("lines of empty text")
	}
}

// checkLines holds the invariants of Lines for any input.
func checkLines(t *testing.T, s string) {
	ls := Lines(s)
	prev := 0
	valid := map[string]bool{RoleSection: true, RoleHeadline: true, RoleByline: true, RoleCaption: true,
		RoleSubheading: true, RoleParagraph: true, RoleBoilerplate: true, RoleBlank: true}
	for i, l := range ls {
		if l.Start < prev || l.End < l.Start || l.End > len(s) {
			t.Fatalf("line %d bad offsets %+v (prev end %d, len %d)", i, l, prev, len(s))
		}
		if i > 0 && s[prev:l.Start] != "\n" && s[prev:l.Start] != "\r\n" {
			t.Fatalf("line %d: gap %q", i, s[prev:l.Start])
		}
		if !valid[l.Role] {
			t.Fatalf("line %d role %q", i, l.Role)
		}
		prev = l.End
	}
	if len(ls) > 0 && ls[0].Start != 0 {
		t.Fatal("first line does not start at 0")
	}
	a := Parse(s)
	if a.Body == nil {
		t.Fatal("nil body")
	}
	if utf8.ValidString(s) && !utf8.ValidString(a.Text()) {
		t.Fatal("valid input gave invalid text")
	}
}

func FuzzLines(f *testing.F) {
	b, _ := os.ReadFile("../testdata/examples/presstv-putin-macron.txt")
	f.Add(string(b))
	files, _ := filepath.Glob("testdata/*.txt")
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		f.Add(string(b))
	}
	f.Add("a\n\n(b)\r\n- x\n- y\n1) z\n\n\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) { checkLines(t, s) })
}

func TestHostileInputs(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("(", 10000) + ")",
		strings.Repeat(")", 5000),
		strings.Repeat("\n", 10000),
		strings.Repeat("- a\n", 5000),
		strings.Repeat("x", 1<<20),
		"\xff\xfe\x00binary\x00",
	} {
		checkLines(t, s)
	}
}

// bigArticle repeats the seed article to about n bytes.
func bigArticle(b *testing.B, n int) string {
	src, err := os.ReadFile("../testdata/examples/presstv-putin-macron.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < n {
		sb.Write(src)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkParse runs on 1 MB and 10 MB inputs; equal MB/s on both shows
// the time is linear in the size.
func BenchmarkParse(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		s := bigArticle(b, size.n)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Parse(s)
			}
		})
	}
}

func TestNoBlankLines(t *testing.T) {
	a, _ := parseFile(t, "no-blank-lines.txt")
	if a.Headline != "Veteran reaches final in straight sets" || !reflect.DeepEqual(a.Section, []string{"Sport", "Tennis"}) {
		t.Errorf("head %q %q", a.Headline, a.Section)
	}
	if h := blocksOfType(a, article.Heading); len(h) != 1 || h[0].Text != "A long road back" {
		t.Errorf("headings %+v", h)
	}
	if p := blocksOfType(a, article.Paragraph); len(p) != 5 || !strings.Contains(p[0].Text, "expects more from herself") {
		t.Errorf("%d paragraphs", len(p))
	}
	if f := blocksOfType(a, article.FigureBlk); len(f) != 1 || f[0].Figure.Credit != "Photo: TT News Agency" {
		t.Errorf("figures %+v", f)
	}
	if strings.Contains(a.Text(), "More from Sport") || strings.Contains(a.Text(), "Tennis results") {
		t.Error("footer kept")
	}
}

func TestLabelledCaptions(t *testing.T) {
	a, _ := parseFile(t, "labelled-captions.txt")
	if a.Headline != "Thousands march in Lisbon over housing costs" || !reflect.DeepEqual(a.Section, []string{"Europe"}) {
		t.Errorf("head %q %q", a.Headline, a.Section)
	}
	figs := blocksOfType(a, article.FigureBlk)
	if len(figs) != 1 || figs[0].Figure.Credit != "Getty Images" ||
		figs[0].Figure.Caption != "Protesters fill the Praça do Comércio in Lisbon on Saturday" {
		t.Errorf("figures %+v", figs)
	}
	for _, bad := range []string{"Berlin", "Image copyright", "Image source", "All rights reserved"} {
		if strings.Contains(a.Text(), bad) {
			t.Errorf("%q kept", bad)
		}
	}
	if p := blocksOfType(a, article.Paragraph); len(p) != 3 {
		t.Errorf("%d paragraphs", len(p))
	}
}

// TestDanglingIntro: a closing line that introduces nothing (or only a
// short fragment) is the site's note, not the story; a colon that
// introduces a sentence is the story's.
func TestDanglingIntro(t *testing.T) {
	story := "Council approves new budget\n\nThe council approved the budget on Monday after a long debate.\n\nThe mayor welcomed the vote and thanked the members.\n\n"
	tests := []struct {
		tail, gone, kept string
	}{
		{"Our newsletter can also be read at these addresses:\n\nCity News Mobile\n", "newsletter", "thanked the members"},
		{"See more photos:\n", "photos", "thanked the members"},
		{"She told reporters:\n\n\"We will balance the books this year.\"\n", "", "balance the books"},
	}
	for _, tt := range tests {
		body := Parse(story + tt.tail).BodyText()
		if tt.gone != "" && strings.Contains(body, tt.gone) {
			t.Errorf("%q: kept %q:\n%s", tt.tail, tt.gone, body)
		}
		if !strings.Contains(body, tt.kept) {
			t.Errorf("%q: lost %q:\n%s", tt.tail, tt.kept, body)
		}
	}
}

// TestBylineNames: a byline's names are read by the metadata extractor's
// rules: organisations and dates after the names are left out.
func TestBylineNames(t *testing.T) {
	for in, want := range map[string]string{
		"By Jane Doe, BBC News":              "[Jane Doe]",
		"By Jane Doe and John Roe":           "[Jane Doe John Roe]",
		"Written by Jane Doe | Jan 28, 2022": "[Jane Doe]",
	} {
		got, ok := bylineNames(in)
		if !ok || fmt.Sprint(got) != want {
			t.Errorf("bylineNames(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	// A sentence opening with "By" is no byline.
	for _, in := range []string{
		"By now it should be obvious that voters want to see the returns.",
		"By Monday, the council will have voted on the whole budget.",
	} {
		if got, ok := bylineNames(in); ok {
			t.Errorf("bylineNames(%q) = %v, true; want no byline", in, got)
		}
	}
	for in, want := range map[string]string{
		"By The Associated Press": "[]",
	} {
		got, ok := bylineNames(in)
		if !ok || fmt.Sprint(got) != want {
			t.Errorf("bylineNames(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
}

// TestEditorsNote: a publisher's note is left out however long it is, with
// the lines broken off it; a lower-case line after a paragraph stays.
func TestEditorsNote(t *testing.T) {
	story := "Council approves new budget\n\nThe council approved the budget on Monday after a long debate.\n\nThe mayor welcomed the vote and thanked the members, who had argued\nfor months.\n\n"
	note := "Editor’s note: The mayor regularly\nincites\npolitical violence and is a serial liar who has repeatedly pledged to ban all critics from the city hall, the council chamber and every public meeting of the city.\n"
	body := Parse(story + note).BodyText()
	for _, gone := range []string{"Editor", "incites", "political violence"} {
		if strings.Contains(body, gone) {
			t.Errorf("kept %q:\n%s", gone, body)
		}
	}
	if !strings.Contains(body, "for months") {
		t.Errorf("lost a lower-case line of the story:\n%s", body)
	}
	// Only a note's lines continue it: a sentence broken around an
	// advertisement keeps its end.
	ad := "Council approves new budget\n\nThe council approved the budget on Monday after a long debate that the mayor said\nAdvertisement\nwould cost the city more than it saves.\n"
	if body := Parse(ad).BodyText(); !strings.Contains(body, "would cost the city") {
		t.Errorf("lost the line after an advertisement:\n%s", body)
	}
	for _, note := range []string{
		"Correction: An earlier version of this article misstated when the budget was introduced. It was first proposed by the previous mayor in the spring.\n",
		"CLARIFICATION: The first sentence has been clarified to reflect that the mayor is calling for a process to find a successor, not for the successor to be named at once.\n",
		"This post has been updated with comment from the mayor.\n",
		"\"Follow Jane Smith on Twitter @janesmith.\"\n",
	} {
		if body := Parse(story + note).BodyText(); strings.Contains(body, note[:20]) {
			t.Errorf("kept the note %q:\n%s", note[:20], body)
		}
	}
}

// TestLabelsFitPrefix: labelled compares only a line's first labelPrefix
// bytes, so a longer label could never match.
func TestLabelsFitPrefix(t *testing.T) {
	for _, set := range [][]string{captionLabels[:], creditOnlyLabels[:]} {
		for _, l := range set {
			if len(l) >= labelPrefix {
				t.Errorf("label %q is %d bytes; labelPrefix is %d", l, len(l), labelPrefix)
			}
		}
	}
}
