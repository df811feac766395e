package extract

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
)

// story is four paragraphs of ordinary news prose.
var story = []string{
	"The city council voted on Tuesday to close the old harbour bridge to cars from next spring, ending a debate that has lasted for more than a decade.",
	"Engineers told the council that the bridge, built in 1931, could no longer carry heavy traffic safely, and that repairs would cost more than a new crossing.",
	"\"We have waited long enough, and the engineers have been clear,\" said councillor Maria Lund, who proposed the closure. \"Now we must build.\"",
	"Work on a new crossing for buses, bicycles and pedestrians is expected to start in 2026, with the first phase opening two years later.",
}

func paras(ps ...string) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString("<p>" + p + "</p>\n")
	}
	return sb.String()
}

func page(body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge to close | Harbour Times</title>` +
		`<meta name="description" content="The old crossing will close to cars next spring after a decade of debate."></head><body>` + body + `</body></html>`
}

func run(t *testing.T, html string, opts Options) *article.Article {
	t.Helper()
	a, err := Extract(context.Background(), []byte(html), "", "https://news.example/city/bridge", opts)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return a
}

func TestBoilerplateLeftOut(t *testing.T) {
	cases := []struct {
		name string
		html string
		out  []string // must not appear in the body
	}{
		{"navigation", `<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
			<main><article><h1>Bridge to close</h1>` + paras(story...) + `</article></main>`, []string{"Home", "World", "Sport"}},
		{"breadcrumbs", `<main><ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/city">City news</a></li></ol><article>` + paras(story...) + `</article></main>`,
			[]string{"City news"}},
		{"share bar", `<article><div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a><span>Email this story to a friend</span></div>` + paras(story...) + `</article>`,
			[]string{"Facebook", "Email this story"}},
		{"related list", `<article>` + paras(story...) + `<div class="related-articles"><h3>Related stories</h3><ul><li><a href="/a">Ferry strike ends after two weeks of talks</a></li><li><a href="/b">New tram line opens in the north</a></li></ul></div></article>`,
			[]string{"Ferry strike", "tram line", "Related stories"}},
		{"most read", `<div class="layout"><article>` + paras(story...) + `</article><aside><h2>Most read</h2><ol><li><a href="/1">Storm closes schools across the region for a second day</a></li><li><a href="/2">Mayor defends budget cuts at a packed meeting</a></li></ol></aside></div>`,
			[]string{"Storm closes", "Mayor defends", "Most read"}},
		{"newsletter box", `<article>` + paras(story[:2]...) + `<div class="newsletter-signup"><h4>Get the morning briefing</h4><p>Sign up for our free newsletter and get the day's news in your inbox every morning.</p></div>` + paras(story[2:]...) + `</article>`,
			[]string{"morning briefing", "Sign up"}},
		{"cookie banner", `<div id="cookie-consent"><p>We use cookies to improve your experience on our site. By continuing you agree to our use of cookies.</p><button>Accept</button></div><article>` + paras(story...) + `</article>`,
			[]string{"cookies"}},
		{"paywall box", `<article>` + paras(story...) + `<div class="paywall"><p>Subscribe to keep reading.</p><p>Already a subscriber? Log in.</p></div></article>`,
			[]string{"Subscribe", "subscriber"}},
		{"ads", `<article>` + paras(story[:2]...) + `<div class="ad-slot"><span>Advertisement</span><div id="gpt-ad-1"></div></div><p>Advertisement</p>` + paras(story[2:]...) + `</article>`,
			[]string{"Advertisement"}},
		{"comments", `<article>` + paras(story...) + `</article><section id="comments"><h3>3 comments</h3><div class="comment"><p>This is long overdue, the bridge has been a danger to cyclists for years and years.</p></div><div class="comment"><p>What a waste of money, they should have repaired it instead of building something new.</p></div></section>`,
			[]string{"overdue", "waste of money", "3 comments"}},
		{"site footer", `<article>` + paras(story...) + `</article><footer class="site-footer"><p>Harbour Times is also available at newsstands across the region and on our app, for iPhone and Android, every day of the week.</p><p>© 2024 Harbour Times Ltd. All rights reserved.</p></footer>`,
			[]string{"also available", "rights reserved"}},
		{"photo strip of other stories", `<article>` + paras(story...) + `<div class="more"><figure><a href="/other"><img src="/o.jpg"></a><figcaption><a href="/other">Fishermen protest new quotas at the harbour</a></figcaption></figure><figure><a href="/other2"><img src="/p.jpg"><figcaption>Festival draws record crowds to the old town</figcaption></a></figure></div></article>`,
			[]string{"Fishermen", "Festival"}},
		{"unnamed teaser list", `<div class="main"><article>` + paras(story...) + `</article><div class="box">` +
			`<div class="item"><h3><a href="/a">Ferry strike ends after two weeks</a></h3><p>Crews return to work on Monday after a deal on pay and hours.</p></div>` +
			`<div class="item"><h3><a href="/b">Tram line opens in the north</a></h3><p>The first trams ran on time, the operator said on Sunday evening.</p></div>` +
			`<div class="item"><h3><a href="/c">School roof repaired at last</a></h3><p>Pupils can use the gym again after a year of delays and disputes.</p></div></div></div>`,
			[]string{"Ferry strike", "Crews return", "first trams", "Pupils"}},
		{"teasers opening with a headline link", `<div class="main"><article>` + paras(story...) + `</article><div class="ticker">` +
			`<div><p><a href="/a">Ferry strike ends after two weeks of talks</a> PORT: Crews return to work on Monday after a deal on pay and hours was reached.</p></div>` +
			`<div><p><a href="/b">Tram line opens in the north of the city</a> NORTH: The first trams ran on time, the operator said on Sunday evening.</p></div>` +
			`<div><p><a href="/c">School roof repaired at last, council says</a> EAST: Pupils can use the gym again after a year of delays and disputes.</p></div></div></div>`,
			[]string{"Ferry strike", "Crews return", "first trams", "Pupils"}},
		{"closing lines", `<article>` + paras(story...) + `<p>Reporting by Jo Smith; Editing by Al Jones</p><p>Follow us on Twitter and Facebook for more local news.</p><p>Join the conversation in our forums.</p></article>`,
			[]string{"Reporting by", "Follow us", "forums"}},
		{"standfirst repeating the description", `<article><h1>Bridge to close</h1><h2 class="dek">The old crossing will close to cars next spring after a decade of debate.</h2><div class="body">` + paras(story...) + `</div></article>`,
			[]string{"decade of debate"}},
		{"byline and dateline at the edges", `<article><h1>Bridge to close</h1><p class="byline">By Anna Berg</p><p><time>March 4, 2024 10:31 am</time></p>` + paras(story...) + `<p>Follow us</p></article>`,
			[]string{"Anna Berg", "March 4", "Follow us"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := run(t, page(c.html), DefaultOptions())
			body := a.BodyText()
			for _, p := range story {
				if !strings.Contains(body, p) {
					t.Errorf("story paragraph missing: %.50q\nbody:\n%s", p, body)
				}
			}
			for _, o := range c.out {
				if strings.Contains(body, o) {
					t.Errorf("boilerplate %q in body:\n%s", o, body)
				}
			}
			if n := strings.Count(body, story[0]); n != 1 {
				t.Errorf("first paragraph appears %d times", n)
			}
		})
	}
}

func TestCommentsOption(t *testing.T) {
	html := page(`<article>` + paras(story...) + `</article><section id="comments"><div class="comment"><p>This is long overdue, the bridge has been a danger to cyclists for years.</p></div><div class="comment"><p>What a waste of money, they should have repaired it instead.</p></div></section>`)
	opts := DefaultOptions()
	opts.Comments = true
	a := run(t, html, opts)
	if strings.Contains(a.BodyText(), "overdue") {
		t.Errorf("comment in body")
	}
	if len(a.Comments) != 2 || !strings.Contains(a.Comments[0].Text, "overdue") || !strings.Contains(a.Comments[1].Text, "waste") {
		t.Errorf("comments = %+v", a.Comments)
	}
	if a := run(t, html, DefaultOptions()); len(a.Comments) != 0 {
		t.Errorf("comments kept without the option")
	}
}

func TestSplitContainers(t *testing.T) {
	html := page(`<div class="story">
		<div class="story-part">` + paras(story[:2]...) + `</div>
		<div class="ad-container"><div class="ad">Advertisement</div></div>
		<div class="story-part"><h2>What comes next</h2>` + paras(story[2:]...) + `</div>
		</div><div class="sidebar"><ul><li><a href="/x">Other news about the council and its budget plans</a></li></ul></div>`)
	a := run(t, html, DefaultOptions())
	var types []string
	for _, b := range a.Body {
		types = append(types, string(b.Type))
	}
	want := "paragraph paragraph heading paragraph paragraph"
	if got := strings.Join(types, " "); got != want {
		t.Errorf("blocks %q, want %q\n%s", got, want, a.BodyText())
	}
	if a.Body[2].Level != 2 || a.Body[2].Text != "What comes next" {
		t.Errorf("heading = %+v", a.Body[2])
	}
}

func TestBlockTypes(t *testing.T) {
	html := page(`<article><h1>Bridge to close</h1>` + paras(story[:2]...) + `
		<h3>The numbers</h3>
		<ul><li>Built in 1931</li><li>Length: 240 m</li><li>Cars a day: 18,000</li></ul>
		<ol><li>Close to cars</li><li>Build the new crossing</li></ol>
		<blockquote><p>A bridge is a promise to the next generation.</p></blockquote>
		<table><thead><tr><th>Year</th><th>Cost</th></tr></thead><tbody><tr><td>2026</td><td>40 m</td></tr><tr><td>2028</td><td>25 m</td></tr></tbody></table>
		<figure><img src="/img/bridge.jpg" alt="The bridge at dusk"><figcaption>The bridge at dusk. <span class="credit">Photo: Ola Nord</span></figcaption></figure>
		<pre>  km 0.0  north pier
  km 0.2  south pier</pre>` + paras(story[2:]...) + `</article>`)
	a := run(t, html, DefaultOptions())
	byType := map[article.BlockType][]article.Block{}
	for _, b := range a.Body {
		byType[b.Type] = append(byType[b.Type], b)
	}
	if h := byType[article.Heading]; len(h) != 1 || h[0].Level != 3 || h[0].Text != "The numbers" {
		t.Errorf("headings = %+v", h)
	}
	if l := byType[article.List]; len(l) != 2 || len(l[0].Items) != 3 || l[0].Ordered || !l[1].Ordered || l[1].Items[1] != "Build the new crossing" {
		t.Errorf("lists = %+v", l)
	}
	if q := byType[article.Quotation]; len(q) != 1 || q[0].Text != "A bridge is a promise to the next generation." {
		t.Errorf("quotes = %+v", q)
	}
	if tb := byType[article.Table]; len(tb) != 1 || len(tb[0].Rows) != 3 || tb[0].Rows[0][1] != "Cost" || tb[0].Rows[2][0] != "2028" {
		t.Errorf("tables = %+v", tb)
	}
	f := byType[article.FigureBlk]
	if len(f) != 1 || f[0].Figure.Src != "https://news.example/img/bridge.jpg" || f[0].Figure.Caption != "The bridge at dusk." ||
		f[0].Figure.Credit != "Photo: Ola Nord" || f[0].Figure.Alt != "The bridge at dusk" {
		t.Errorf("figures = %+v", f)
	} else if strings.Contains(a.BodyText(), "Ola Nord") {
		t.Errorf("caption in BodyText")
	}
	if p := byType[article.Pre]; len(p) != 1 || !strings.Contains(p[0].Text, "  km 0.2  south pier") {
		t.Errorf("pre = %+v", p)
	}
	// Order: the blocks come in page order.
	var order []string
	for _, b := range a.Body {
		order = append(order, string(b.Type))
	}
	want := "paragraph paragraph heading list list quote table figure pre paragraph paragraph"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("order %q, want %q", got, want)
	}
	// The headline is not repeated as the first block.
	if strings.Contains(a.Body[0].Text, "Bridge to close") {
		t.Errorf("headline repeated: %q", a.Body[0].Text)
	}
}

func TestImagesOffAndLinks(t *testing.T) {
	html := page(`<article>` + paras(story[:2]...) + `<figure><img src="a.jpg"><figcaption>The bridge</figcaption></figure><p>The plan is in the <a href="/docs/plan.pdf">council papers</a>, published on its website on Monday morning.</p></article>`)
	opts := DefaultOptions()
	opts.Images = false
	opts.Links = true
	a := run(t, html, opts)
	for _, b := range a.Body {
		if b.Type == article.FigureBlk {
			t.Errorf("figure kept with Images off")
		}
	}
	last := a.Body[len(a.Body)-1]
	if len(last.Links) != 1 || last.Links[0].Text != "council papers" || last.Links[0].URL != "https://news.example/docs/plan.pdf" {
		t.Errorf("links = %+v", last.Links)
	}
}

func TestBrParagraphs(t *testing.T) {
	html := page(`<div class="post-body">` + story[0] + `<br><br>` + story[1] + `<br>` + story[2] + `<br><br>` + story[3] + `</div>`)
	a := run(t, html, DefaultOptions())
	if len(a.Body) != 3 {
		t.Fatalf("want 3 paragraphs, got %d: %+v", len(a.Body), a.Body)
	}
	if a.Body[1].Text != story[1]+"\n"+story[2] {
		t.Errorf("single <br> should stay a line break: %q", a.Body[1].Text)
	}
}

func TestHostileInput(t *testing.T) {
	deepDiv := "<html><body>" + strings.Repeat("<div>", 100000) + "<p>" + story[0] + "</p>" + strings.Repeat("</div>", 100000)
	deepFmt := "<html><body><p>" + strings.Repeat("<b><i><a href=x>", 100000) + story[0]
	deepList := strings.Repeat("<ul><li>x", 50000)
	cases := []struct {
		name    string
		page    []byte
		ct      string
		wantErr error
		check   func(t *testing.T, a *article.Article)
	}{
		{"empty", nil, "", nil, func(t *testing.T, a *article.Article) {
			if len(a.Body) != 0 {
				t.Errorf("body from nothing: %+v", a.Body)
			}
		}},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "", ErrNotHTML, nil},
		{"deep div nesting", []byte(deepDiv), "", nil, func(t *testing.T, a *article.Article) {
			if !strings.Contains(a.BodyText(), "harbour bridge") {
				t.Errorf("text lost in deep nesting: %q", a.BodyText())
			}
		}},
		{"deep formatting nesting", []byte(deepFmt), "", nil, nil},
		{"deep list nesting", []byte(deepList), "", nil, nil},
		{"deep table nesting", []byte(strings.Repeat("<table><tr><td>", 30000) + "<p>" + story[0] + "</p>"), "", nil, func(t *testing.T, a *article.Article) {
			if !strings.Contains(a.BodyText(), "harbour bridge") {
				t.Errorf("text lost in nested tables: %q", a.BodyText())
			}
		}},
		{"unique misnested formatting", []byte("<html><body>" + strings.Repeat("<p><b id=1>x</p><p><b id=2>y</p><p><b id=3>z</p><p><b id=4>w</p>", 5000)), "", nil, nil},
		{"too large", []byte(strings.Repeat("a", 2000)), "", ErrTooLarge, nil},
		{"50 MB page", []byte("<html><body><p>" + strings.Repeat("word ", 10<<20)), "", ErrTooLarge, nil},
		{"wrong declared charset", []byte(`<html><head><meta charset="iso-8859-1"></head><body><article><p>Café crème, naïve façade, São Paulo — “quoted” text that is long enough to count.</p></article></body></html>`), "", nil,
			func(t *testing.T, a *article.Article) {
				if !strings.Contains(a.BodyText(), "Café crème") {
					t.Errorf("mislabelled UTF-8 garbled: %q", a.BodyText())
				}
			}},
		{"latin-1 from header", []byte("<html><body><article><p>Caf\xe9 cr\xe8me and na\xefve fa\xe7ade, a sentence long enough to be the story.</p></article></body></html>"), "text/html; charset=iso-8859-1", nil,
			func(t *testing.T, a *article.Article) {
				if !strings.Contains(a.BodyText(), "Café crème") {
					t.Errorf("latin-1 not decoded: %q", a.BodyText())
				}
			}},
		{"invalid utf-8", []byte("<html><body><article><p>Broken \xff\xfe bytes in a sentence that is long enough to be kept as the story.</p></article></body></html>"), "text/html; charset=utf-8", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := DefaultOptions()
			if c.name == "too large" {
				opts.MaxBytes = 1000
			}
			a, err := Extract(context.Background(), c.page, c.ct, "", opts)
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if !utf8.ValidString(a.BodyText()) {
				t.Errorf("invalid UTF-8 out")
			}
			if c.check != nil {
				c.check(t, a)
			}
		})
	}
}

func TestLimitsAndCancel(t *testing.T) {
	html := []byte(page(`<article>` + paras(story...) + `</article>`))
	opts := DefaultOptions()
	opts.MaxNodes = 3
	if _, err := Extract(context.Background(), html, "", "", opts); err == nil || !strings.Contains(err.Error(), "elements") {
		t.Errorf("MaxNodes: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, html, "", "", DefaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
	opts = DefaultOptions()
	opts.Timeout = time.Nanosecond
	if _, err := Extract(context.Background(), html, "", "", opts); !errors.Is(err, ErrTimeout) {
		t.Errorf("timeout: err = %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	html := []byte(page(`<article>` + paras(story...) + `<figure><img src="x.jpg"><figcaption>Cap</figcaption></figure></article>`))
	a := run(t, string(html), DefaultOptions())
	for i := 0; i < 5; i++ {
		b := run(t, string(html), DefaultOptions())
		if a.Text() != b.Text() {
			t.Fatal("output differs between runs")
		}
	}
}

// TestFormatExample keeps the page behind docs/format.md's example honest.
func TestFormatExample(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "format-example.html"))
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.Links, opts.Comments = true, true
	a, err := Extract(context.Background(), page, "", "https://gazette.example/city/bridge-reopens", opts)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, b := range a.Body {
		types = append(types, string(b.Type))
	}
	if got, want := strings.Join(types, " "), "paragraph figure paragraph heading list table quote paragraph"; got != want {
		t.Errorf("blocks %q, want %q", got, want)
	}
	if len(a.Body[0].Links) != 1 || a.Body[0].Links[0].URL != "https://gazette.example/city/council" {
		t.Errorf("links %+v", a.Body[0].Links)
	}
	if len(a.Comments) != 1 {
		t.Errorf("comments %+v", a.Comments)
	}
	if b, err := json.Marshal(&article.Article{}); err != nil || !strings.Contains(string(b), `"body":null`) && !strings.Contains(string(b), `"body":[]`) {
		t.Errorf("body field missing from JSON: %s", b)
	}
	if a.Body == nil {
		t.Errorf("Body must be non-nil so that JSON shows []")
	}
}

// TestSplitAroundHeavyBox: two same-named parts of a story with a related
// box between them that outweighs the second part.
func TestSplitAroundHeavyBox(t *testing.T) {
	related := `<div class="related-box"><h3>Related</h3><ul>`
	for i := 0; i < 12; i++ {
		related += `<li><a href="/r">Another story about the harbour and its many bridges over the years</a></li>`
	}
	related += `</ul></div>`
	html := page(`<main><div class="story-text">` + paras(story[:3]...) + `</div>` + related +
		`<div class="story-text">` + paras(story[3:]...) + `</div></main>`)
	a := run(t, html, DefaultOptions())
	body := a.BodyText()
	for _, p := range story {
		if !strings.Contains(body, p) {
			t.Errorf("missing %.40q", p)
		}
	}
	if strings.Contains(body, "Another story") {
		t.Errorf("related box in body")
	}
}

// TestLayoutTable: a table that arranges the page (one column, prose in
// its cells) is read as paragraphs, not as a data table.
func TestLayoutTable(t *testing.T) {
	html := page(`<table width="100%"><tr><td><a href="/">Home</a> | <a href="/news">News</a></td></tr><tr><td>` +
		strings.Join(story, "<br><br>") + `</td></tr></table>`)
	a := run(t, html, DefaultOptions())
	for _, b := range a.Body {
		if b.Type != article.Paragraph {
			t.Errorf("block %s in a layout table: %+v", b.Type, b)
		}
	}
	if len(a.Body) != len(story) {
		t.Errorf("want %d paragraphs, got %d", len(story), len(a.Body))
	}
}

// TestShortNoteAmidMenus: a page whose only paragraph sits in a box named
// like furniture still yields that paragraph, not the menus.
func TestShortNoteAmidMenus(t *testing.T) {
	var menu strings.Builder
	menu.WriteString(`<div class="menu">`)
	for i := 0; i < 40; i++ {
		menu.WriteString(`<a href="/x">Section with a long name</a> `)
	}
	menu.WriteString(`</div>`)
	html := page(menu.String() + `<div class="sidebar-layout"><p>The office is closed on Friday for the holiday.</p></div>` + menu.String())
	a := run(t, html, DefaultOptions())
	if got := a.BodyText(); got != "The office is closed on Friday for the holiday." {
		t.Errorf("body = %q", got)
	}
}

// TestHoverCardTrigger: a hover card in running text is furniture, but the
// name that opens it belongs to the sentence ("Gov. Kristi Noem (R) is
// defending ..."); a share widget's links stay out.
func TestHoverCardTrigger(t *testing.T) {
	card := `<p>South Dakota Gov. <span class="rollover-people"><a class="rollover-people-link" href="/people/kristi-noem">Kristi Noem</a>` +
		`<span class="rollover-people-block"><span><img src="/n.jpg" width="100" height="100" alt=""><a class="name" href="/people/kristi-noem">Kristi Lynn Noem</a>` +
		`<a class="people-articles" href="/x1">Governor doubles down on campaign</a> <a class="more" href="/people/kristi-noem">MORE</a></span></span></span>` +
		` (R) is defending the state's launch of an anti-drug campaign with a new slogan, her office said.</p>` +
		`<p>Read it <span class="share-tooltip"><span>Share on Facebook</span></span> later.</p>`
	a := run(t, page(`<article><h1>Bridge to close</h1>`+card+paras(story...)+`</article>`), DefaultOptions())
	body := a.BodyText()
	if !strings.Contains(body, "South Dakota Gov. Kristi Noem (R) is defending") {
		t.Errorf("trigger name lost:\n%s", body)
	}
	for _, o := range []string{"Kristi Lynn Noem", "doubles down", "MORE", "Share on Facebook"} {
		if strings.Contains(body, o) {
			t.Errorf("hover card text %q in body:\n%s", o, body)
		}
	}
}
