package render

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
)

func sample() *article.Article {
	return &article.Article{
		Headline:  "Rivers rise *again*",
		Authors:   []string{"Ann Lee"},
		SiteName:  "Example News",
		Published: &article.Stamp{Time: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), Source: "meta"},
		Body: []article.Block{
			{Type: article.Paragraph, Text: "The river rose 2 m overnight."},
			{Type: article.Paragraph, Text: "Line one\n# line two"},
			{Type: article.Heading, Level: 2, Text: "What happens next"},
			{Type: article.List, Items: []string{"Sandbags", "Pumps"}},
			{Type: article.List, Ordered: true, Items: []string{"First", "Second"}},
			{Type: article.Quotation, Text: "We are ready.\n\nAll of us."},
			{Type: article.Table, Rows: [][]string{{"Town", "Level"}, {"Ayr", "3|4"}}},
			{Type: article.FigureBlk, Figure: &article.Figure{Src: "https://ex.com/a b.jpg", Caption: "The bridge", Credit: "AP"}},
			{Type: article.Pre, Text: "code ``` here"},
		},
		Comments: []article.Block{{Type: article.Paragraph, Text: "Nice."}},
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := "Rivers rise *again*\n\nBy Ann Lee · 2024-03-01 09:30 UTC · Example News\n\n" +
		"The river rose 2 m overnight.\n\nLine one\n# line two\n\nWhat happens next\n\n- Sandbags\n- Pumps\n\n1. First\n2. Second\n\n" +
		"> We are ready.\n>\n> All of us.\n\nTown | Level\nAyr | 3|4\n\n[Figure: The bridge (AP)]\n\ncode ``` here\n" +
		"\nComments\n\nNice.\n\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"# Rivers rise \\*again\\*\n",
		"## What happens next\n",
		"Line one\\\n\\# line two",
		"- Sandbags\n- Pumps",
		"1. First\n2. Second",
		"> We are ready.\n>\n> All of us.",
		"| Town | Level |\n| --- | --- |\n| Ayr | 3\\|4 |",
		"![The bridge](https://ex.com/a%20b.jpg)\n_The bridge (AP)_",
		"````\ncode ``` here\n````",
		"## Comments\n\nNice.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("markdown lacks %q in\n%s", want, got)
		}
	}
}

// TestMarkdownHeadlineOneLine: a headline with line breaks (as some
// pages' title elements have) stays one level-1 heading.
func TestMarkdownHeadlineOneLine(t *testing.T) {
	var buf bytes.Buffer
	a := &article.Article{Headline: "Rivers rise\n  again\r\nin the north", SiteName: "The\nGazette"}
	if err := Markdown(&buf, a); err != nil {
		t.Fatal(err)
	}
	if want := "# Rivers rise again in the north\n\n_The Gazette_\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestEscapeMD(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a_b", `a\_b`},
		{"# not a heading", `\# not a heading`},
		{"1. not a list", `1\. not a list`},
		{"- dash", `\- dash`},
		{"mid-word", "mid-word"},
		{"[link](x)", `\[link\](x)`},
	} {
		if got := escapeMD(c.in); got != c.want {
			t.Errorf("escapeMD(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, f := range []func(*bytes.Buffer, *article.Article) error{
		func(b *bytes.Buffer, a *article.Article) error { return Text(b, a) },
		func(b *bytes.Buffer, a *article.Article) error { return Markdown(b, a) },
	} {
		var buf bytes.Buffer
		if err := f(&buf, &article.Article{}); err != nil || buf.Len() != 0 {
			t.Errorf("empty article: %q, %v", buf.String(), err)
		}
	}
}

func ExampleMarkdown() {
	a := &article.Article{
		Headline: "Council approves budget",
		Body: []article.Block{
			{Type: article.Paragraph, Text: "The council approved the budget on Monday."},
			{Type: article.List, Items: []string{"Roads", "Schools"}},
		},
	}
	Markdown(os.Stdout, a)
	// Output:
	// # Council approves budget
	//
	// The council approved the budget on Monday.
	//
	// - Roads
	// - Schools
}
