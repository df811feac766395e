package meta

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclip/newsclip/article"
)

// fixedNow is the reference for far-future checks in tests.
var fixedNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func run(t *testing.T, page, pageURL string) *article.Article {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var a article.Article
	ExtractWith(doc, pageURL, &a, Options{Now: fixedNow})
	return &a
}

// want lists the fields a case checks; empty strings and nil slices are
// checked too (they must stay empty) unless the field is in skip.
type want struct {
	headline, site, canonical, url, image, lang, desc string
	section, authors, tags                            []string
	published, modified                               string // RFC 3339, "" = no date
	pubSource                                         string
}

func stamp(s *article.Stamp) string {
	if s == nil {
		return ""
	}
	return s.Time.Format(time.RFC3339)
}

func TestExtractSources(t *testing.T) {
	cases := []struct {
		name, url, page string
		w               want
		check           []string // fields to compare
	}{
		{
			name: "json-ld NewsArticle",
			url:  "https://example.com/world/story-1",
			page: `<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Floods close the river port",
 "description":"Barges wait downstream.","datePublished":"2022-01-28T10:00:00+03:00","dateModified":"2022-01-28T12:30:00+03:00",
 "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Smith"}],
 "publisher":{"@type":"Organization","name":"Example News"},"image":{"@type":"ImageObject","url":"/img/port.jpg"},
 "keywords":"floods, rivers","inLanguage":"en-GB","articleSection":"World"}
</script></head><body><h1>Floods close the river port</h1></body></html>`,
			w: want{headline: "Floods close the river port", desc: "Barges wait downstream.", published: "2022-01-28T10:00:00+03:00",
				modified: "2022-01-28T12:30:00+03:00", pubSource: "json-ld", authors: []string{"Jane Doe", "John Smith"},
				image: "https://example.com/img/port.jpg", tags: []string{"floods", "rivers"}, lang: "en-GB", section: []string{"World"},
				site: "Example News"},
			check: []string{"headline", "desc", "published", "modified", "pubSource", "authors", "image", "tags", "lang", "section", "site"},
		},
		{
			name: "json-ld @graph with @id references and breadcrumbs",
			url:  "https://blog.example.org/2021/03/04/post/",
			page: `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://blog.example.org/#website","name":"Example Blog"},
 {"@type":"WebPage","@id":"https://blog.example.org/2021/03/04/post/#webpage","name":"Garden notes | Example Blog","breadcrumb":{"@id":"#bc"}},
 {"@type":"BreadcrumbList","@id":"#bc","itemListElement":[
   {"@type":"ListItem","position":2,"name":"Gardens","item":"https://blog.example.org/gardens/"},
   {"@type":"ListItem","position":1,"name":"Home","item":"https://blog.example.org/"},
   {"@type":"ListItem","position":3,"name":"Roses"},
   {"@type":"ListItem","position":4,"name":"Garden notes"}]},
 {"@type":["Article","BlogPosting"],"headline":"Garden notes","author":{"@id":"https://blog.example.org/#/person/1"},
  "datePublished":"2021-03-04 09:15:00","isPartOf":{"@id":"https://blog.example.org/#website"}},
 {"@type":"Person","@id":"https://blog.example.org/#/person/1","name":"Ana María de la Cruz"}
]}</script></head><body></body></html>`,
			w: want{headline: "Garden notes", authors: []string{"Ana María de la Cruz"}, section: []string{"Gardens", "Roses"},
				published: "2021-03-04T09:15:00Z", site: "Example Blog"},
			check: []string{"headline", "authors", "section", "published", "site"},
		},
		{
			name: "broken json-ld is repaired",
			url:  "https://example.com/a",
			page: `<html><head><script type="application/ld+json"><!--
{
  "@type": "NewsArticle", // a comment
  "headline": "Line one
and two",
  "datePublished": "2020-05-06T07:08:09Z",
  "author": {"@type": "Person", "name": "<b>Jane Doe</b>",},
}
--></script></head></html>`,
			w:     want{headline: "Line one and two", published: "2020-05-06T07:08:09Z", authors: []string{"Jane Doe"}},
			check: []string{"headline", "published", "authors"},
		},
		{
			name: "opengraph and article tags",
			url:  "https://www.site.test/news/1",
			page: `<html lang="fr_fr"><head>
<meta property="og:title" content="Le port ferme | Site Info">
<meta property="og:site_name" content="Site Info">
<meta property="og:image" content="//cdn.site.test/a.jpg">
<meta property="og:description" content="Les barges attendent.">
<meta property="article:published_time" content="2022-01-28T10:00:00+01:00">
<meta property="article:modified_time" content="2022-01-27T10:00:00+01:00">
<meta property="article:author" content="https://www.facebook.com/someone">
<meta name="author" content="Marie Curie">
<meta property="article:section" content="Économie">
<meta property="article:tag" content="port"><meta property="article:tag" content="fleuve">
<link rel="canonical" href="/news/1?ref=x">
</head><body></body></html>`,
			w: want{headline: "Le port ferme", site: "Site Info", image: "https://cdn.site.test/a.jpg", desc: "Les barges attendent.",
				published: "2022-01-28T10:00:00+01:00", modified: "", pubSource: "opengraph", authors: []string{"Marie Curie"},
				section: []string{"Économie"}, tags: []string{"port", "fleuve"}, canonical: "https://www.site.test/news/1?ref=x", lang: "fr-FR"},
			check: []string{"headline", "site", "image", "desc", "published", "modified", "pubSource", "authors", "section", "tags", "canonical", "lang"},
		},
		{
			name: "parsely page json",
			url:  "https://p.test/x",
			page: `<html><head><meta name="parsely-page" content='{"title":"Parsed title","link":"https://p.test/x","author":"Jo March","pub_date":"2019-11-18T11:30:00Z","section":"Markets","tags":["stocks","bonds"]}'></head></html>`,
			w: want{headline: "Parsed title", authors: []string{"Jo March"}, published: "2019-11-18T11:30:00Z", pubSource: "parsely",
				section: []string{"Markets"}, tags: []string{"stocks", "bonds"}},
			check: []string{"headline", "authors", "published", "pubSource", "section", "tags"},
		},
		{
			name: "parsely, dublin core and sailthru metas",
			url:  "https://d.test/x",
			page: `<html><head><meta name="parsely-author" content="Amy Pond"><meta name="DC.date.issued" content="2018-07-02">
<meta name="sailthru.tags" content="space, moon"><meta name="parsely-section" content="Science"></head></html>`,
			w:     want{authors: []string{"Amy Pond"}, published: "2018-07-02T00:00:00Z", tags: []string{"space", "moon"}, section: []string{"Science"}},
			check: []string{"authors", "published", "tags", "section"},
		},
		{
			name: "twitter and sailthru tags",
			url:  "https://tw.test/x",
			page: `<html><head><meta name="twitter:title" content="Tweeted title"><meta name="twitter:image" content="/t.png">
<meta name="twitter:description" content="Short."><meta name="sailthru.author" content="Rose Tyler">
<meta name="sailthru.date" content="Tue, 19 Nov 2019 08:41:00 -0500"></head></html>`,
			w: want{headline: "Tweeted title", image: "https://tw.test/t.png", desc: "Short.", authors: []string{"Rose Tyler"},
				published: "2019-11-19T08:41:00-05:00", pubSource: "meta"},
			check: []string{"headline", "image", "desc", "authors", "published", "pubSource"},
		},
		{
			name: "microdata",
			url:  "https://m.test/x",
			page: `<html><body><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Microdata headline</h1>
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Rory Williams</span></span>
<meta itemprop="dateCreated" content="2018-09-25T20:52:55+03:00"><meta itemprop="datePublished" content="2018-09-24T16:45:00+03:00">
</article></body></html>`,
			w:     want{headline: "Microdata headline", authors: []string{"Rory Williams"}, published: "2018-09-24T16:45:00+03:00", pubSource: "microdata"},
			check: []string{"headline", "authors", "published", "pubSource"},
		},
		{
			name: "time element and visible byline",
			url:  "https://t.test/x",
			page: `<html><head><title>Bridge reopens - T Test</title></head><body><h1>Bridge reopens</h1>
<div class="byline">By JANE DOE and John Smith, Staff Writers</div>
<time datetime="2017-03-01T08:00:00-05:00">March 1</time>
<aside><time datetime="2016-01-01">old teaser</time></aside></body></html>`,
			w:     want{headline: "Bridge reopens", authors: []string{"Jane Doe", "John Smith"}, published: "2017-03-01T08:00:00-05:00", pubSource: "time-element"},
			check: []string{"headline", "authors", "published", "pubSource"},
		},
		{
			name:  "url date is the last resort",
			url:   "https://u.test/2022/01/28/some-story/",
			page:  `<html><head><title>Some story</title></head><body><p>© 2021 U Test</p></body></html>`,
			w:     want{headline: "Some story", published: "2022-01-28T00:00:00Z", pubSource: "url"},
			check: []string{"headline", "published", "pubSource"},
		},
		{
			name: "conflicting dates resolve to the most trusted",
			url:  "https://c.test/2019/01/01/x",
			page: `<html><head><meta property="article:published_time" content="2020-02-02T02:02:02Z">
<script type="application/ld+json">{"@type":"Article","datePublished":"2020-02-01T10:00:00-08:00"}</script></head>
<body><time datetime="2020-03-03">x</time><div class="dateline">Published: 4 March 2020</div></body></html>`,
			w:     want{published: "2020-02-01T10:00:00-08:00", pubSource: "json-ld"},
			check: []string{"published", "pubSource"},
		},
		{
			name: "far-future and copyright-year dates are rejected",
			url:  "https://f.test/x",
			page: `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2099-01-01T00:00:00Z"}</script>
<meta name="date" content="2023"></head><body><div class="date">© 2023</div>
<div class="timestamp">Posted on January 5, 2023 at 3:45 pm EST</div></body></html>`,
			w:     want{published: "2023-01-05T15:45:00-05:00", pubSource: "dateline"},
			check: []string{"published", "pubSource"},
		},
		{
			name: "authors that are not people are dropped",
			url:  "https://www.nonpeople.test/x",
			page: `<html><head><meta property="og:site_name" content="Daily Planet">
<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Organization","name":"Daily Planet"},
 {"@type":"Person","name":"Staff"},{"@type":"Person","name":"Email the author"},{"@type":"Person","name":"Daily Planet"},
 {"@type":"Person","name":"By Lois Lane"},{"@type":"Person","name":"lois lane"},{"@type":"Person","name":"Reuters"},
 "Clark Kent and Jimmy Olsen","Associated Press"]}</script></head></html>`,
			w:     want{authors: []string{"Lois Lane", "Clark Kent", "Jimmy Olsen"}, site: "Daily Planet"},
			check: []string{"authors", "site"},
		},
		{
			name: "breadcrumb markup beats article:section",
			url:  "https://b.test/x",
			page: `<html><head><meta property="article:section" content="Europe"><meta property="og:title" content="Story title here"></head><body>
<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/russia">Russia</a></li></ol></nav>
</body></html>`,
			w:     want{section: []string{"News", "Russia"}, headline: "Story title here"},
			check: []string{"section", "headline"},
		},
		{
			name:  "article:section alone",
			url:   "https://b.test/x",
			page:  `<html><head><meta property="article:section" content="Europe"></head><body><div class="breadcrumbs"></div></body></html>`,
			w:     want{section: []string{"Europe"}},
			check: []string{"section"},
		},
		{
			name: "url from og:url when none is given; title suffix stripped",
			url:  "",
			page: `<html><head><meta property="og:url" content="https://o.test/a/b"><title>Main headline of the day — O Test</title>
<meta name="application-name" content="O Test"></head></html>`,
			w:     want{url: "https://o.test/a/b", headline: "Main headline of the day", site: "O Test"},
			check: []string{"url", "headline", "site"},
		},
		{
			name:  "title site suffix stripped by host name",
			url:   "https://www.riverside-gazette.test/x",
			page:  `<html><head><title>Council votes on the new bridge | Riverside Gazette</title></head></html>`,
			w:     want{headline: "Council votes on the new bridge"},
			check: []string{"headline"},
		},
		{
			name:  "empty page",
			url:   "https://e.test/x",
			page:  ``,
			w:     want{url: "https://e.test/x"},
			check: []string{"url", "headline", "authors", "published", "section", "lang"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := run(t, tc.page, tc.url)
			got := map[string]any{
				"headline": a.Headline, "site": a.SiteName, "canonical": a.CanonicalURL, "url": a.URL, "image": a.Image,
				"lang": a.Language, "desc": a.Description, "section": a.Section, "authors": a.Authors, "tags": a.Tags,
				"published": stamp(a.Published), "modified": stamp(a.Modified), "pubSource": "",
			}
			if a.Published != nil {
				got["pubSource"] = a.Published.Source
			}
			w := map[string]any{
				"headline": tc.w.headline, "site": tc.w.site, "canonical": tc.w.canonical, "url": tc.w.url, "image": tc.w.image,
				"lang": tc.w.lang, "desc": tc.w.desc, "section": tc.w.section, "authors": tc.w.authors, "tags": tc.w.tags,
				"published": tc.w.published, "modified": tc.w.modified, "pubSource": tc.w.pubSource,
			}
			for _, f := range tc.check {
				g, e := got[f], w[f]
				if gs, ok := g.([]string); ok && len(gs) == 0 {
					g = []string(nil)
				}
				if !reflect.DeepEqual(g, e) {
					t.Errorf("%s = %#v, want %#v", f, g, e)
				}
			}
			if a.Language != "" && a.LanguageSource != "declared" {
				t.Errorf("LanguageSource = %q", a.LanguageSource)
			}
		})
	}
}

// TestZoneKept checks that a page's offset survives into the Stamp and
// its RFC 3339 form.
func TestZoneKept(t *testing.T) {
	a := run(t, `<meta property="article:published_time" content="2022-01-28T10:00:00+05:30">`, "")
	if a.Published == nil {
		t.Fatal("no date")
	}
	if _, off := a.Published.Time.Zone(); off != 5*3600+30*60 {
		t.Errorf("offset %d", off)
	}
	if got := a.Published.Time.Format(time.RFC3339); got != "2022-01-28T10:00:00+05:30" {
		t.Errorf("got %s", got)
	}
}

func TestDeepTree(t *testing.T) {
	// html.Parse stops at 512 open elements; a tree built by hand can be
	// deeper, with hints on every level.
	doc := &html.Node{Type: html.DocumentNode}
	cur := doc
	for range 20000 {
		d := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
			Attr: []html.Attribute{{Key: "class", Val: "byline date breadcrumb"}}}
		cur.AppendChild(d)
		cur = d
	}
	cur.AppendChild(&html.Node{Type: html.TextNode, Data: "By Jane Doe, 28 January 2022"})
	var a article.Article
	ExtractWith(doc, "https://deep.test/x", &a, Options{Now: fixedNow})
	if a.URL != "https://deep.test/x" {
		t.Errorf("url %q", a.URL)
	}
}

func TestExtractNil(t *testing.T) {
	Extract(nil, "", &article.Article{}) // must not panic
	doc, _ := html.Parse(strings.NewReader("<p>x"))
	Extract(doc, "", nil)
}

func TestParseDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2022-01-28T10:00:00Z", "2022-01-28T10:00:00Z"},
		{"2022-01-28T10:00:00+03:00", "2022-01-28T10:00:00+03:00"},
		{"2022-01-28T10:00:00.123-0500", "2022-01-28T10:00:00-05:00"},
		{"2022-01-28T10:00:00", "2022-01-28T10:00:00Z"},
		{"2022-01-28 10:00:00", "2022-01-28T10:00:00Z"},
		{"2022-01-28", "2022-01-28T00:00:00Z"},
		{"Fri, 28 Jan 2022 10:00:00 +0100", "2022-01-28T10:00:00+01:00"},
		{"January 28, 2022", "2022-01-28T00:00:00Z"},
		{"Jan. 28, 2022 10:05 a.m. ET", "2022-01-28T10:05:00-05:00"},
		{"28 Jan 2022", "2022-01-28T00:00:00Z"},
		{"Friday 28th January 2022 3:45pm GMT", "2022-01-28T15:45:00Z"},
		{"Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08:00Z"},
		{"28.01.2022", "2022-01-28T00:00:00Z"},
		{"2022/01/28", "2022-01-28T00:00:00Z"},
		{"01/28/2022", "2022-01-28T00:00:00Z"},
		{"28 января 2022", "2022-01-28T00:00:00Z"},
		{"28 de janeiro de 2022", "2022-01-28T00:00:00Z"},
		{"25. September 2018", "2018-09-25T00:00:00Z"},
		{"1643364000", "2022-01-28T10:00:00Z"},
		{"1643364000000", "2022-01-28T10:00:00Z"},
		{"2022", ""},
		{"© 2022 Example", ""},
		{"yesterday", ""},
		{"31 February 2022", ""},
		{"", ""},
		{"1200-01-01", ""},
	}
	for _, c := range cases {
		got := ""
		if tm, ok := ParseDate(c.in); ok {
			got = tm.Format(time.RFC3339)
		}
		if got != c.want {
			t.Errorf("ParseDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://x.test/2022/01/28/story", "2022-01-28"},
		{"https://x.test/news/2022-01-28-story", "2022-01-28"},
		{"https://x.test/news/20220128/story", "2022-01-28"},
		{"https://x.test/2022/13/28/story", ""},
		{"https://x.test/article/3834/1", ""},
		{"https://x.test/story?d=2022/01/28/", ""},
	}
	for _, c := range cases {
		got := ""
		if tm, ok := urlDate(c.in); ok {
			got = tm.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("urlDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	ex := map[string]bool{"usa today": true}
	cases := []struct {
		in   string
		want []string
	}{
		{"By Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe and John Smith", []string{"Jane Doe", "John Smith"}},
		{"Jane Doe, John Smith & Ann Lee", []string{"Jane Doe", "John Smith", "Ann Lee"}},
		{"Sarah E. Needleman", []string{"Sarah E. Needleman"}},
		{"Finian Cunningham. Sputnik International", []string{"Finian Cunningham"}},
		{"Jeff Foust Monday, November 18, 2019", []string{"Jeff Foust"}},
		{"Kevin McCoy USA TODAY", []string{"Kevin McCoy"}},
		{"Rachael Link, MS, RD", []string{"Rachael Link"}},
		{"Analysis by Chris Cillizza, CNN Editor-at-large", []string{"Chris Cillizza"}},
		{"Staff", nil},
		{"Email the author", nil},
		{"The Associated Press", nil},
		{"CNN Editor-at-large", nil},
		{"https://www.facebook.com/jane", nil},
		{"view all posts", nil},
		{"Ludwig van Beethoven", []string{"Ludwig van Beethoven"}},
		{"Martin Luther King III", []string{"Martin Luther King III"}},
		{"PMJS - Coordenadoria de TI", nil},
		{"Jane Doe - Staff Writer", []string{"Jane Doe"}},
		{"Текст: Венера Ерофеева", []string{"Венера Ерофеева"}},
		{"山田太郎", []string{"山田太郎"}},
	}
	for _, c := range cases {
		got := splitAuthors(c.in, ex)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCleanHeadline(t *testing.T) {
	cases := []struct{ in, site, url, want string }{
		{"Story | Site", "Site", "", "Story"},
		{"Story - The Verge", "", "https://www.theverge.com/x", "Story"},
		{"Site: Headline that is long", "Site", "", "Site: Headline that is long"},
		{"Site | Headline that is long", "Site", "", "Headline that is long"},
		{"Well-known - and hyphenated - headline", "Other", "", "Well-known - and hyphenated - headline"},
		{"A long headline about things | News | Site", "Site", "", "A long headline about things"},
	}
	for _, c := range cases {
		if got := cleanHeadline(c.in, c.site, "", c.url, true); got != c.want {
			t.Errorf("cleanHeadline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCleanSection(t *testing.T) {
	cases := []struct {
		in   []string
		want []string
	}{
		{[]string{"Home", "News", "Russia", "West ignored Russia's key security concerns"}, []string{"News", "Russia"}},
		{[]string{"Example News", "World"}, []string{"World"}},
		{[]string{"example.com"}, nil},
		{[]string{"Boys Swimming", "Article"}, []string{"Boys Swimming"}},
		{[]string{"game,news,slider"}, []string{"game"}},
		{[]string{"Startseite", "Politik"}, []string{"Politik"}},
	}
	for _, c := range cases {
		got := cleanSection(c.in, "Example News", "www.example.com", "West ignored Russia's key security concerns")
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("cleanSection(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormLang(t *testing.T) {
	for in, want := range map[string]string{"en_US": "en-US", "EN-us": "en-US", "pt-br": "pt-BR", "zh-hant-tw": "zh-Hant-TW",
		"es-419": "es-419", "en": "en", "english": "", "": "", "x": "", "de, en": "de"} {
		if got := normLang(in); got != want {
			t.Errorf("normLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`<html lang="en"><head><title>A | B</title><meta property="article:published_time" content="2022-01-28T10:00:00+03:00"></head></html>`,
		`<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@id":"x"}],"@graph":[{"@id":"x","name":"Jane Doe"}]}</script>`,
		`<nav class="breadcrumb"><ol><li>Home</li><li>News</li></ol></nav><div class="byline">By A B and C D</div><time datetime="2020-01-01">`,
		`<meta name="parsely-page" content='{"title":"t","pub_date":"2019"}'><p>Published: 31 February 2020</p>`,
		`<span itemprop="author" itemscope><span itemprop="name">X Y</span></span><meta itemprop="datePublished" content="1643364000">`,
	} {
		f.Add(s, "https://example.com/2022/01/28/x")
	}
	f.Fuzz(func(t *testing.T, page, pageURL string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		var a article.Article
		ExtractWith(doc, pageURL, &a, Options{Now: fixedNow})
		if a.Published != nil && a.Published.Time.After(fixedNow.Add(48*time.Hour)) {
			t.Fatalf("far-future date %v", a.Published.Time)
		}
		for _, n := range a.Authors {
			if strings.TrimSpace(n) != n || n == "" {
				t.Fatalf("author %q not trimmed", n)
			}
		}
	})
}
