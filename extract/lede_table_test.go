package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/article"
)

// TestTableCells checks that a data table keeps every cell in its column:
// cells that are only links keep their text, empty cells stay as "".
func TestTableCells(t *testing.T) {
	cases := []struct {
		name, table string
		want        [][]string
	}{
		{"linked header row", `<table><thead><tr><th><a href="/w">World</a></th><th><a href="/a">Africa</a></th></tr></thead>
<tbody><tr><td>55%</td><td>64%</td></tr></tbody></table>`,
			[][]string{{"World", "Africa"}, {"55%", "64%"}}},
		{"empty corner cell", `<table><tr><td></td><th>2024</th><th>2025</th></tr><tr><th>Cars</th><td>18,000</td><td>17,500</td></tr></table>`,
			[][]string{{"", "2024", "2025"}, {"Cars", "18,000", "17,500"}}},
		{"empty middle cell", `<table><tr><td>Bus</td><td></td><td>40</td></tr><tr><td>Tram</td><td>12</td><td>41</td></tr></table>`,
			[][]string{{"Bus", "", "40"}, {"Tram", "12", "41"}}},
		{"cell of link and text", `<table><tr><td><a href="/p">North pier</a> (rebuilt)</td><td>1931</td></tr><tr><td>South pier</td><td> </td></tr></table>`,
			[][]string{{"North pier (rebuilt)", "1931"}, {"South pier", ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := run(t, page(`<article>`+paras(story[:2]...)+c.table+paras(story[2:]...)+`</article>`), DefaultOptions())
			var got [][]string
			for _, b := range a.Body {
				if b.Type == article.Table {
					got = b.Rows
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("rows %q, want %q", got, c.want)
			}
		})
	}
}

// TestLedeEqualsDescription checks that a first paragraph copied into the
// page's description stays when it is part of the body (also in a wrapper
// of its own), while a standfirst outside the body is left out.
func TestLedeEqualsDescription(t *testing.T) {
	lede := "The old crossing will close to cars next spring after a decade of debate."
	cases := []struct {
		name, body string
		keep       bool
	}{
		{"lede paragraph among the paragraphs", `<article><div class="story-body"><p>` + lede + `</p>` + paras(story...) + `</div></article>`, true},
		{"lede in its own wrapper inside the body", `<article><div class="story-body"><div class="story-intro"><p><strong>` + lede + `</strong></p></div>` + paras(story...) + `</div></article>`, true},
		{"standfirst in the header", `<article><header><h1>Bridge to close</h1><p class="dek">` + lede + `</p></header><div class="story-body">` + paras(story...) + `</div></article>`, false},
		{"standfirst beside the body", `<article><p class="dek">` + lede + `</p><div class="story-body">` + paras(story...) + `</div></article>`, false},
		{"standfirst as a heading", `<article><h2>` + lede + `</h2>` + paras(story...) + `</article>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := run(t, page(c.body), DefaultOptions())
			if got := strings.Contains(a.BodyText(), lede); got != c.keep {
				t.Errorf("lede kept %v, want %v; body %q", got, c.keep, a.BodyText())
			}
			if !strings.Contains(a.BodyText(), story[3]) {
				t.Errorf("story lost: %q", a.BodyText())
			}
		})
	}
}

// TestBrLede checks the leading edge of <br>-separated text: its short
// first lines stay, a one-line dateline or byline before it still goes.
func TestBrLede(t *testing.T) {
	long := story[0] + "<br>" + story[1] + "<br><br>" + story[2] + "<br>" + story[3]
	cases := []struct {
		name, first, want string
		keep              bool
	}{
		{"short opening lines", "Lorem ipsum<br>dolor sit", "Lorem ipsum\ndolor sit", true},
		{"two short lines of a poem", "The river is wide<br>the bridge is old", "The river is wide\nthe bridge is old", true},
		{"dateline", "March 4, 2024<br>10:30 am", "March 4, 2024", false},
		{"byline", "By Anna Berg<br>Staff", "By Anna Berg", false},
		{"one short line", "Harbour news", "Harbour news", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := run(t, page(`<article><h1>Bridge to close</h1><div>`+c.first+`<br><br>`+long+`</div></article>`), DefaultOptions())
			if got := strings.Contains(a.BodyText(), c.want); got != c.keep {
				t.Errorf("first lines kept %v, want %v; body %q", got, c.keep, a.BodyText())
			}
		})
	}
}

// TestShortIntro checks short intro paragraphs in a box just before the
// story's container: prose-like ones join the story, a name, a kicker or
// a dateline in the same place does not.
func TestShortIntro(t *testing.T) {
	cases := []struct {
		name, intro, want string
		keep              bool
	}{
		{"two short intro paragraphs", `<p>Earlier paragraph one should not be skipped</p><p>Earlier paragraph two</p>`, "Earlier paragraph one should not be skipped", true},
		{"short lede then a line", `<p>The vote came after a long night</p><p>Updated hourly</p>`, "The vote came after a long night", true},
		{"name and role", `<p>Per Sand, Harbour Times Staff</p><p>City desk</p>`, "Per Sand", false},
		{"byline", `<p>By Per Sand and Ola Nord of the city desk</p><p>City news</p>`, "Per Sand", false},
		{"dateline", `<p>Tuesday 4 March 2024 at 10:30 in the city</p><p>City news</p>`, "March 2024", false},
		{"single kicker", `<p>Harbour news</p>`, "Harbour news", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := run(t, page(`<div id="main"><div class="intro-block">`+c.intro+`</div><div class="article-body-content"><div class="story-body">`+
				paras(story...)+`</div></div></div>`), DefaultOptions())
			if got := strings.Contains(a.BodyText(), c.want); got != c.keep {
				t.Errorf("intro kept %v, want %v; body %q", got, c.keep, a.BodyText())
			}
			if !strings.Contains(a.BodyText(), story[3]) {
				t.Errorf("story lost: %q", a.BodyText())
			}
		})
	}
}

// TestTableWithFigure checks that a data table interrupted by a figure in
// one of its cells is written once.
func TestTableWithFigure(t *testing.T) {
	a := run(t, page(`<article>`+paras(story[:2]...)+`<table><tr><th>Pier</th><th>Photo</th></tr>
<tr><td>North</td><td><img src="/n.jpg" alt="north pier"></td></tr><tr><td>South</td><td>none yet</td></tr></table>`+paras(story[2:]...)+`</article>`), DefaultOptions())
	tables := 0
	for _, b := range a.Body {
		if b.Type == article.Table {
			tables++
		}
	}
	if tables != 1 {
		t.Errorf("%d table blocks, want 1: %+v", tables, a.Body)
	}
}
