// Package meta reads the metadata of a news page from its parsed HTML:
// URL and canonical URL, headline, description, site name, section path,
// authors, publication and modification dates, declared language, lead
// image and tags. It weighs JSON-LD, OpenGraph/Twitter, article:*, Parsely,
// Dublin Core and other meta tags, microdata, <time> elements, visible
// bylines and datelines, and dates in the URL, in that order of trust.
//
// It does not fetch anything, does not read the story body (the extract
// package does) and never fails: missing metadata stays empty.
package meta

import (
	"encoding/json"
	"net/url"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclip/newsclip/article"
)

// Trust ranks of the sources; a higher rank wins a conflict.
const (
	rankURL        = 10
	rankTitleTag   = 20
	rankBylineLine = 25
	rankByline     = 30
	rankDateline   = 35
	rankTime       = 40
	rankMicrodata  = 50
	rankMeta       = 60
	rankOpenGraph  = 70
	rankWebPage    = 80
	rankBreadcrumb = 90
	rankHTMLLang   = 90
	rankJSONLD     = 100
)

// Source names recorded in article.Stamp.
const (
	srcJSONLD    = "json-ld"
	srcOpenGraph = "opengraph"
	srcMeta      = "meta"
	srcParsely   = "parsely"
	srcMicrodata = "microdata"
	srcTime      = "time-element"
	srcByline    = "byline"
	srcDateline  = "dateline"
	srcURL       = "url"
)

// Limits on the body lookups, so that a page of a thousand teasers costs
// no more than one with a single story.
const (
	maxTimeElems   = 8
	maxBylineElems = 8
	maxDatelines   = 8
	maxTextLen     = 400
	maxLDScripts   = 32
	maxWalkDepth   = 512
)

// Options tune Extract. The zero value is ready to use.
type Options struct {
	// Now is the reference for rejecting far-future dates; zero means
	// time.Now().
	Now time.Time
}

// Extract fills the metadata fields of a from doc (a tree from
// golang.org/x/net/html Parse). pageURL resolves relative URLs and may be
// empty. Fields it finds nothing for keep their value.
func Extract(doc *html.Node, pageURL string, a *article.Article) {
	ExtractWith(doc, pageURL, a, Options{})
}

// ExtractWith is Extract with options.
func ExtractWith(doc *html.Node, pageURL string, a *article.Article, opts Options) {
	if doc == nil || a == nil {
		return
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	c := &collector{now: now}
	c.base, _ = url.Parse(pageURL)
	c.walk(doc)
	c.readJSONLD()
	c.fill(pageURL, a)
}

// cand is one value offered for a field.
type cand struct {
	val  string
	rank int
	src  string
}

// pick keeps the most trusted candidate; the first seen wins a tie.
type pick struct{ cand }

func (p *pick) offer(val string, rank int, src string) {
	val = strings.TrimSpace(val)
	if val == "" || rank <= p.rank {
		return
	}
	p.cand = cand{val, rank, src}
}

type listPick struct {
	vals []string
	rank int
	src  string
}

func (p *listPick) offer(vals []string, rank int, src string) {
	if len(vals) == 0 || rank < p.rank {
		return
	}
	if rank == p.rank {
		p.vals = addUnique(p.vals, vals...)
		return
	}
	p.vals, p.rank, p.src = addUnique(nil, vals...), rank, src
}

type collector struct {
	now  time.Time
	base *url.URL

	headline, description, siteName, image, lang, ogURL, canonical pick
	publisher                                                      pick
	titleTag, h1                                                   string

	rawAuthors []cand // author strings, cleaned at the end against the site name
	section    listPick
	tags       listPick
	published  []cand
	modified   []cand

	ldScripts       []string
	timeElems       int
	bylineElems     int
	bylineLine      bool
	datelines       int
	breadcrumbFound bool
	// Attempts, successful or not, bound the text walks of body lookups.
	breadcrumbTries, dateTries int

	// zone caches pageZone, which both dates may ask for.
	zone     *time.Location
	zoneDone bool
}

// walk visits every element once with an explicit stack (deep trees must
// not exhaust the goroutine stack).
func (c *collector) walk(doc *html.Node) {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{doc, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Type == html.ElementNode {
			if !c.visit(n) {
				continue
			}
		}
		if it.depth >= maxWalkDepth {
			continue
		}
		// Push children in reverse so they pop in document order.
		for ch := n.LastChild; ch != nil; ch = ch.PrevSibling {
			if ch.Type == html.ElementNode || ch.Type == html.DocumentNode {
				stack = append(stack, item{ch, it.depth + 1})
			}
		}
	}
}

// visit reads one element and reports whether to descend into it.
func (c *collector) visit(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		if l := attr(n, "lang"); l != "" {
			c.lang.offer(l, rankHTMLLang, "html")
		} else if l := attr(n, "xml:lang"); l != "" {
			c.lang.offer(l, rankHTMLLang, "html")
		}
	case atom.Meta:
		c.meta(n)
		return false
	case atom.Link:
		c.link(n)
		return false
	case atom.Title:
		if c.titleTag == "" && (n.Parent == nil || n.Parent.DataAtom != atom.Svg) {
			c.titleTag = textOf(n, maxTextLen)
		}
		return false
	case atom.Script:
		t := strings.ToLower(attr(n, "type"))
		if strings.Contains(t, "ld+json") && len(c.ldScripts) < maxLDScripts {
			c.ldScripts = append(c.ldScripts, rawText(n))
		}
		return false
	case atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe:
		return false
	case atom.Time:
		c.timeElem(n)
	case atom.H1:
		if c.h1 == "" {
			c.h1 = textOf(n, maxTextLen)
		}
	case atom.P, atom.Span, atom.Div, atom.Li:
		c.labelledDate(n)
	}
	if ip := attr(n, "itemprop"); ip != "" {
		c.microdata(n, ip)
	}
	return c.classHints(n)
}

func (c *collector) meta(n *html.Node) {
	content := attr(n, "content")
	if content == "" {
		content = attr(n, "value")
	}
	if content == "" {
		return
	}
	if he := strings.ToLower(attr(n, "http-equiv")); he == "content-language" {
		c.lang.offer(firstOf(content, ","), rankOpenGraph+5, "meta")
		return
	}
	if ip := attr(n, "itemprop"); ip != "" {
		c.microdataValue(ip, content)
	}
	key := attr(n, "property")
	if key == "" {
		key = attr(n, "name")
	}
	key = strings.ToLower(strings.TrimSpace(key))
	if key == "" {
		return
	}
	if key == "parsely-page" {
		c.parselyPage(content)
		return
	}
	f, ok := metaKeys[key]
	if !ok {
		return
	}
	switch f.field {
	case fHeadline:
		c.headline.offer(html.UnescapeString(content), f.rank, f.src)
	case fDescription:
		c.description.offer(collapseSpace(content), f.rank, f.src)
	case fSite:
		c.siteName.offer(content, f.rank, f.src)
	case fImage:
		c.image.offer(content, f.rank, f.src)
	case fLang:
		c.lang.offer(content, f.rank, f.src)
	case fURL:
		c.ogURL.offer(content, f.rank, f.src)
	case fPublished:
		c.published = append(c.published, cand{content, f.rank, f.src})
	case fModified:
		c.modified = append(c.modified, cand{content, f.rank, f.src})
	case fAuthor:
		c.rawAuthors = append(c.rawAuthors, cand{content, f.rank, f.src})
	case fSection:
		c.section.offer([]string{content}, f.rank, f.src)
	case fTags:
		c.tags.offer(splitTags(content), f.rank, f.src)
	}
}

func (c *collector) link(n *html.Node) {
	rel := strings.ToLower(attr(n, "rel"))
	href := attr(n, "href")
	if href == "" {
		return
	}
	for _, r := range strings.Fields(rel) {
		switch r {
		case "canonical":
			c.canonical.offer(href, rankJSONLD, "link")
		case "image_src":
			c.image.offer(href, rankMeta, srcMeta)
		}
	}
	if ip := attr(n, "itemprop"); ip != "" {
		c.microdataValue(ip, href)
	}
}

// parselyPage reads the JSON of <meta name="parsely-page">.
func (c *collector) parselyPage(content string) {
	var p struct {
		Title   string `json:"title"`
		Link    string `json:"link"`
		Author  any    `json:"author"`
		Authors any    `json:"authors"`
		PubDate string `json:"pub_date"`
		Section string `json:"section"`
		Tags    any    `json:"tags"`
		Image   string `json:"image_url"`
	}
	if json.Unmarshal([]byte(content), &p) != nil {
		return
	}
	c.headline.offer(p.Title, rankMeta, srcParsely)
	c.ogURL.offer(p.Link, rankMeta, srcParsely)
	c.image.offer(p.Image, rankMeta, srcParsely)
	if p.PubDate != "" {
		c.published = append(c.published, cand{p.PubDate, rankMeta, srcParsely})
	}
	for _, v := range []any{p.Author, p.Authors} {
		for _, s := range ldStrings(v, false) {
			c.rawAuthors = append(c.rawAuthors, cand{s, rankMeta, srcParsely})
		}
	}
	if p.Section != "" {
		c.section.offer([]string{p.Section}, rankMeta, srcParsely)
	}
	c.tags.offer(ldStrings(p.Tags, true), rankMeta, srcParsely)
}

// microdata reads an element carrying itemprop.
func (c *collector) microdata(n *html.Node, props string) {
	var val string
	switch n.DataAtom {
	case atom.Meta, atom.Link:
		return // handled with the attributes
	case atom.Time:
		val = attr(n, "datetime")
	case atom.Img:
		val = attr(n, "src")
	case atom.A:
		val = attr(n, "content")
	}
	if val == "" {
		val = attr(n, "content")
	}
	for _, p := range strings.Fields(props) {
		switch strings.ToLower(p) {
		case "author", "creator":
			// The name sits in a nested itemprop=name, or is the text.
			name := ""
			if nn := findItemprop(n, "name", 0); nn != nil {
				name = attr(nn, "content")
				if name == "" {
					name = textOf(nn, maxTextLen)
				}
			} else if attr(n, "itemscope") == "" || n.DataAtom == atom.A || n.DataAtom == atom.Span {
				name = textOf(n, maxTextLen)
			}
			if name != "" {
				c.rawAuthors = append(c.rawAuthors, cand{name, rankMicrodata, srcMicrodata})
			}
		case "image", "thumbnailurl":
			if v := val; v != "" {
				c.image.offer(v, rankMicrodata, srcMicrodata)
			} else if img := findAtom(n, atom.Img, 0); img != nil {
				c.image.offer(attr(img, "src"), rankMicrodata, srcMicrodata)
			}
		default:
			v := val
			if v == "" {
				v = textOf(n, maxTextLen)
			}
			c.microdataValue(p, v)
		}
	}
}

func (c *collector) microdataValue(props, v string) {
	for _, p := range strings.Fields(props) {
		switch strings.ToLower(p) {
		case "headline":
			c.headline.offer(v, rankMicrodata, srcMicrodata)
		case "datepublished":
			c.published = append(c.published, cand{v, rankMicrodata, srcMicrodata})
		case "datecreated":
			c.published = append(c.published, cand{v, rankMicrodata - 1, srcMicrodata})
		case "datemodified":
			c.modified = append(c.modified, cand{v, rankMicrodata, srcMicrodata})
		case "description":
			c.description.offer(collapseSpace(v), rankMicrodata, srcMicrodata)
		case "articlesection":
			c.section.offer([]string{v}, rankMicrodata, srcMicrodata)
		case "keywords":
			c.tags.offer(splitTags(v), rankMicrodata, srcMicrodata)
		case "inlanguage":
			c.lang.offer(v, rankMicrodata, srcMicrodata)
		case "image", "thumbnailurl":
			c.image.offer(v, rankMicrodata, srcMicrodata)
		case "author", "creator":
			c.rawAuthors = append(c.rawAuthors, cand{v, rankMicrodata, srcMicrodata})
		}
	}
}

func (c *collector) timeElem(n *html.Node) {
	if c.timeElems >= maxTimeElems {
		return
	}
	c.timeElems++
	v := attr(n, "datetime")
	if v == "" {
		v = textOf(n, 100)
	}
	hint := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "itemprop"))
	if n.Parent != nil {
		hint += " " + strings.ToLower(attr(n.Parent, "class"))
	}
	switch {
	case strings.Contains(hint, "modif") || strings.Contains(hint, "updat"):
		c.modified = append(c.modified, cand{v, rankTime, srcTime})
	case hasAttr(n, "pubdate") || strings.Contains(hint, "publish") || strings.Contains(hint, "pubdate"):
		c.published = append(c.published, cand{v, rankTime + 2, srcTime})
	case c.timeElems == 1:
		// The first <time> of a page is usually the story's; later ones
		// belong to teasers, so only the first is taken without a hint.
		c.published = append(c.published, cand{v, rankTime, srcTime})
	}
}

// dateLabels open a visible dateline ("Published: Monday, November 18th,
// 2019 at 11:08 a.m.").
var dateLabels = [...]string{"published", "posted on", "posted", "updated", "last updated", "veröffentlicht am", "veröffentlicht",
	"publiziert am", "publicado em", "publicado el", "publicado", "publié le", "publié", "pubblicato il", "pubblicato", "diterbitkan", "опубликовано"}

// labelledDate reads an element whose first text starts with a date label.
// Only the first text child is looked at, so the cost is one prefix test.
// wordPrefix: s opens with the words p, alone or before a space ("Written
// by" before a link).
func wordPrefix(s, p string) bool {
	return strings.HasPrefix(s, p) && (len(s) == len(p) || s[len(p)] == ' ')
}

func (c *collector) labelledDate(n *html.Node) {
	if n.FirstChild == nil || n.FirstChild.Type != html.TextNode {
		return
	}
	t := strings.TrimSpace(n.FirstChild.Data)
	if len(t) < 9 || len(t) > 120 {
		return
	}
	lt := strings.ToLower(t)
	// A visible "Posted by Alon Zakai." line (often in the article's own
	// footer) names the author on pages with no byline markup. It ranks
	// below every marked-up source, so it only fills in; only the first
	// such line is read, later ones belong to teasers or comments.
	if !c.bylineLine && (wordPrefix(lt, "posted by") || wordPrefix(lt, "written by")) && len(t) < 100 {
		c.bylineLine = true
		c.rawAuthors = append(c.rawAuthors, cand{textOf(n, 120), rankBylineLine, srcByline})
		return
	}
	if c.datelines >= maxDatelines {
		return
	}
	for _, l := range dateLabels {
		if strings.HasPrefix(lt, l) {
			rest := strings.TrimLeft(t[len(l):], " :")
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, "on "), "at ")
			c.datelines++
			if strings.HasPrefix(l, "updated") || l == "last updated" {
				c.modified = append(c.modified, cand{rest, rankDateline, srcDateline})
			} else {
				c.published = append(c.published, cand{rest, rankDateline, srcDateline})
			}
			return
		}
	}
}

// classHints looks at class, id, rel and aria-label for bylines, datelines
// and breadcrumbs. It reports whether to descend.
func (c *collector) classHints(n *html.Node) bool {
	// One pass over the attributes; most elements have none of these.
	var cls, id, rel, aria, itype string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			cls = a.Val
		case "id":
			id = a.Val
		case "rel":
			rel = a.Val
		case "aria-label":
			aria = a.Val
		case "itemtype":
			itype = a.Val
		}
	}
	if cls == "" && id == "" && rel == "" && aria == "" && itype == "" {
		return true
	}
	hint := cls
	if id != "" || aria != "" {
		hint = cls + " " + id + " " + aria
	}
	hint = strings.ToLower(hint)
	// Every hint below contains one of these letters pairs; skip the
	// substring tests when none can match.
	if rel == "" && itype == "" && !containsAny(hint, "crumb", "auth", "writ", "by", "date", "time", "publish", "posted") {
		return true
	}
	if !c.breadcrumbFound && c.breadcrumbTries < 4 && (strings.Contains(hint, "breadcrumb") || strings.Contains(itype, "BreadcrumbList")) {
		c.breadcrumbTries++
		// A real trail is short; a content well tagged "url-breadcrumb" is not.
		if crumbs := breadcrumbItems(n); len(crumbs) > 0 && len(textOf(n, 400)) < 300 {
			c.breadcrumbFound = true
			c.section.offer(crumbs, rankBreadcrumb, "breadcrumb")
			return false
		}
	}
	isByline := strings.Contains(strings.ToLower(rel), "author") ||
		containsAny(hint, "byline", "author-name", "authorname", "author", "writer", "by-line")
	if isByline && !containsAny(hint, "avatar", "bio", "image", "photo", "img", "description", "comment") && c.bylineElems < maxBylineElems && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		c.bylineElems++
		if t := textOf(n, maxTextLen); t != "" && len(t) < 200 {
			c.rawAuthors = append(c.rawAuthors, cand{t, rankByline, srcByline})
		}
	}
	if c.datelines < maxDatelines && c.dateTries < 2*maxDatelines &&
		containsAny(hint, "dateline", "date", "timestamp", "published", "posted-on", "pubdate", "byline") &&
		n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		c.dateTries++
		t := textOf(n, 160)
		if t == "" {
			t = attr(n, "value") // <input class="published_date" value="...">
		}
		// A machine-readable copy in an attribute (title="2015-03-13T21:00:00+11:00")
		// states the zone the visible "9:00PM" leaves out.
		for _, k := range [...]string{"datetime", "title", "content", "data-timestamp"} {
			if v := attr(n, k); v != "" {
				if _, zoned, ok := parseDate(v); ok && zoned {
					t = v
					break
				}
			}
		}
		if t != "" && len(t) < 160 {
			c.datelines++
			src := srcDateline
			if strings.Contains(hint, "byline") {
				src = srcByline
			}
			if containsAny(hint, "modif", "updat") {
				c.modified = append(c.modified, cand{stripDateLabel(t), rankDateline, src})
			} else {
				c.published = append(c.published, cand{stripDateLabel(t), rankDateline, src})
			}
		}
	}
	return true
}

// stripDateLabel drops "Published:", "Updated on" and the like, and a
// byline before a "|" separator.
func stripDateLabel(s string) string {
	for _, sep := range [...]string{"|", "•", "·"} {
		if i := strings.Index(s, sep); i >= 0 {
			l, r := s[:i], s[i+len(sep):]
			if _, ok := ParseDate(l); !ok {
				s = r
			}
		}
	}
	return s
}

// breadcrumbItems returns the crumb texts of a breadcrumb container: its
// list items when it has them, else its links and trailing text.
func breadcrumbItems(n *html.Node) []string {
	var lis, texts []string
	var walk func(*html.Node, int)
	budget := 2000
	walk = func(m *html.Node, d int) {
		budget--
		if d > 12 || len(texts) > 20 || budget < 0 {
			return
		}
		for ch := m.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.Type {
			case html.ElementNode:
				switch ch.DataAtom {
				case atom.Script, atom.Style, atom.Svg:
					continue
				case atom.Li:
					lis = append(lis, textOf(ch, 120))
				}
				walk(ch, d+1)
			case html.TextNode:
				if t := strings.TrimSpace(ch.Data); t != "" {
					texts = append(texts, t)
				}
			}
		}
	}
	walk(n, 0)
	items := lis
	if len(items) == 0 {
		items = texts
	}
	var out []string
	for _, it := range items {
		it = strings.Trim(collapseSpace(it), " >»›/|\\→•·-")
		if it == "" || len([]rune(it)) > 60 {
			continue
		}
		out = append(out, it)
	}
	return out
}

// readJSONLD parses the collected scripts and offers their values.
func (c *collector) readJSONLD() {
	var g ldGraph
	for _, s := range c.ldScripts {
		vals, err := ParseJSONLD(s)
		if err != nil {
			continue
		}
		for _, v := range vals {
			g.add(v, 0)
		}
	}
	if len(g.nodes) == 0 {
		return
	}
	var art, page *ldNode
	bestArt := 0
	for i := range g.nodes {
		nd := &g.nodes[i]
		switch {
		case nd.is(newsTypes...):
			if bestArt < 3 {
				art, bestArt = nd, 3
			}
		case nd.is(articleTypes...):
			if bestArt < 2 {
				art, bestArt = nd, 2
			}
		case isWebPage(nd.types):
			if page == nil {
				page = nd
			}
		case nd.is("BreadcrumbList"):
			if crumbs := ldBreadcrumbs(&g, nd.m); len(crumbs) > 0 {
				c.section.offer(crumbs, rankJSONLD, srcJSONLD)
			}
		case nd.is("WebSite"):
			c.siteName.offer(ldString(nd.m["name"]), rankMeta, srcJSONLD)
		}
	}
	if art != nil {
		c.ldArticle(&g, art.m, rankJSONLD)
	}
	if page != nil {
		c.ldArticle(&g, page.m, rankWebPage)
		if bc, ok := page.m["breadcrumb"]; ok {
			if m, ok := g.resolve(bc).(map[string]any); ok {
				if crumbs := ldBreadcrumbs(&g, m); len(crumbs) > 0 {
					c.section.offer(crumbs, rankJSONLD, srcJSONLD)
				}
			}
		}
	}
}

// isWebPage accepts WebPage and its article-like subtypes (MedicalWebPage,
// ItemPage), not listings.
func isWebPage(types []string) bool {
	for _, t := range types {
		if strings.HasSuffix(t, "WebPage") || t == "ItemPage" {
			return true
		}
	}
	return false
}

var newsTypes = []string{"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "LiveBlogPosting"}

var articleTypes = []string{"Article", "BlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle",
	"TechArticle", "Blog", "Posting", "DiscussionForumPosting"}

func (c *collector) ldArticle(g *ldGraph, m map[string]any, rank int) {
	h := ldString(m["headline"])
	if h == "" {
		h = ldString(m["name"])
	}
	c.headline.offer(html.UnescapeString(stripTags(h)), rank, srcJSONLD)
	c.description.offer(collapseSpace(html.UnescapeString(stripTags(ldString(m["description"])))), rank, srcJSONLD)
	if s := ldString(m["datePublished"]); s != "" {
		c.published = append(c.published, cand{s, rank, srcJSONLD})
	} else if s := ldString(m["dateCreated"]); s != "" {
		c.published = append(c.published, cand{s, rank - 1, srcJSONLD})
	}
	if s := ldString(m["dateModified"]); s != "" {
		c.modified = append(c.modified, cand{s, rank, srcJSONLD})
	}
	c.lang.offer(ldString(m["inLanguage"]), rank, srcJSONLD)
	if img, ok := m["image"]; ok {
		c.image.offer(ldString(g.resolve(img)), rank, srcJSONLD)
	} else if img, ok := m["thumbnailUrl"]; ok {
		c.image.offer(ldString(img), rank, srcJSONLD)
	}
	if u := ldString(m["url"]); u != "" {
		c.ogURL.offer(u, rank, srcJSONLD)
	}
	if sec, ok := m["articleSection"]; ok {
		if ss := ldStrings(sec, false); len(ss) > 0 {
			c.section.offer(ss[:1], rank-20, srcJSONLD)
		}
	}
	c.tags.offer(ldStrings(m["keywords"], true), rank, srcJSONLD)
	for _, k := range [...]string{"author", "creator"} {
		v, ok := m[k]
		if !ok {
			continue
		}
		var list []any
		if arr, ok := v.([]any); ok {
			list = arr
		} else {
			list = []any{v}
		}
		for _, e := range list {
			e = g.resolve(e)
			if om, ok := e.(map[string]any); ok {
				t := ldTypes(om["@type"])
				if (ldNode{types: t}).is("Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand") {
					c.publisher.offer(ldString(om["name"]), rank, srcJSONLD)
					continue
				}
				if name := ldString(om["name"]); name != "" {
					c.rawAuthors = append(c.rawAuthors, cand{name, rank, srcJSONLD})
				} else if gn, fn := ldString(om["givenName"]), ldString(om["familyName"]); gn != "" && fn != "" {
					c.rawAuthors = append(c.rawAuthors, cand{gn + " " + fn, rank, srcJSONLD})
				}
				continue
			}
			if s := ldString(e); s != "" {
				c.rawAuthors = append(c.rawAuthors, cand{s, rank, srcJSONLD})
			}
		}
	}
	if p, ok := m["publisher"]; ok {
		if pm, ok := g.resolve(p).(map[string]any); ok {
			c.publisher.offer(ldString(pm["name"]), rank, srcJSONLD)
			c.siteName.offer(ldString(pm["name"]), rankMeta-1, srcJSONLD)
		} else if s, ok := p.(string); ok {
			c.publisher.offer(s, rank, srcJSONLD)
		}
	}
	if pm, ok := m["isPartOf"].(map[string]any); ok {
		pm = resolveMap(g, pm)
		if (ldNode{types: ldTypes(pm["@type"])}).is("WebSite") {
			c.siteName.offer(ldString(pm["name"]), rankMeta, srcJSONLD)
		}
	}
}

func resolveMap(g *ldGraph, m map[string]any) map[string]any {
	if r, ok := g.resolve(m).(map[string]any); ok {
		return r
	}
	return m
}

// ldBreadcrumbs reads a BreadcrumbList in position order.
func ldBreadcrumbs(g *ldGraph, m map[string]any) []string {
	items, _ := m["itemListElement"].([]any)
	type crumb struct {
		pos  float64
		name string
	}
	var cs []crumb
	for i, it := range items {
		im, ok := g.resolve(it).(map[string]any)
		if !ok {
			continue
		}
		name := ldString(im["name"])
		if name == "" {
			if item, ok := g.resolve(im["item"]).(map[string]any); ok {
				name = ldString(item["name"])
			}
		}
		name = collapseSpace(html.UnescapeString(stripTags(name)))
		if name == "" {
			continue
		}
		pos := float64(i)
		switch p := im["position"].(type) {
		case json.Number:
			if f, err := p.Float64(); err == nil {
				pos = f
			}
		case string:
			if f, err := json.Number(p).Float64(); err == nil {
				pos = f
			}
		}
		cs = append(cs, crumb{pos, name})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].pos < cs[j].pos })
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.name)
	}
	return out
}

// fill resolves the candidates into a.
func (c *collector) fill(pageURL string, a *article.Article) {
	site := strings.TrimSpace(c.siteName.val)
	if strings.Contains(site, "://") || strings.HasPrefix(site, "@") {
		site = "" // a URL or a Twitter handle is not a name
	}
	if site != "" {
		a.SiteName = site
	}
	if c.canonical.val != "" {
		a.CanonicalURL = c.abs(c.canonical.val)
	}
	switch {
	case pageURL != "":
		a.URL = pageURL
	case c.ogURL.val != "":
		a.URL = c.abs(c.ogURL.val)
	case a.CanonicalURL != "":
		a.URL = a.CanonicalURL
	}
	// Headline: the most trusted source, then <title>, then <h1>.
	h := c.headline
	if h.val == "" && c.titleTag != "" {
		h.offer(c.titleTag, rankTitleTag, "title")
	}
	if h.val == "" && c.h1 != "" {
		h.offer(c.h1, rankTitleTag-1, "h1")
	}
	hl := cleanHeadline(collapseSpace(h.val), site, c.publisher.val, a.URL, h.rank < rankJSONLD)
	// A <title> such as "The Space Review: Seeking a bigger role" holds the
	// <h1> plus decoration; the <h1> is the headline then.
	if h.rank <= rankTitleTag && len(c.h1) >= 15 && len(c.h1) < len(hl) && strings.Contains(hl, c.h1) {
		hl = c.h1
	}
	if hl != "" {
		a.Headline = stripSectionPrefix(hl, c.section.vals)
	}
	if c.description.val != "" {
		a.Description = c.description.val
	}
	if c.image.val != "" {
		a.Image = c.abs(c.image.val)
	}
	if l := normLang(c.lang.val); l != "" {
		a.Language, a.LanguageSource = l, "declared"
	}
	host := ""
	if c.base != nil {
		host = c.base.Hostname()
	}
	if sec := cleanSection(c.section.vals, site, host, a.Headline); len(sec) > 0 {
		a.Section = sec
	}
	if len(c.tags.vals) > 0 {
		tags := c.tags.vals
		if len(tags) > 50 {
			tags = tags[:50]
		}
		a.Tags = tags
	}
	if authors := c.authors(site); len(authors) > 0 {
		a.Authors = authors
	}
	pub := c.bestDate(c.published)
	if pub == nil {
		for _, u := range [...]string{a.URL, a.CanonicalURL} {
			if t, ok := urlDate(u); ok && !t.After(c.now.Add(48*time.Hour)) {
				pub = &article.Stamp{Time: t, Source: srcURL}
				break
			}
		}
	}
	if pub != nil {
		a.Published = pub
	}
	if mod := c.bestDate(c.modified); mod != nil && (pub == nil || !mod.Time.Before(pub.Time)) {
		a.Modified = mod
	}
}

// bestDate parses the candidates and returns the most trusted valid one.
// A wall-clock time without a zone ("March 13, 2015 9:00PM") is read in
// the zone the page states elsewhere (the most trusted candidate with a
// non-UTC offset), not as UTC: the page's times share one zone.
func (c *collector) bestDate(cs []cand) *article.Stamp {
	limit := c.now.Add(48 * time.Hour)
	var best *article.Stamp
	bestRank := -1
	bestZoned := true
	for _, cd := range cs {
		if cd.rank <= bestRank {
			continue
		}
		t, zoned, ok := parseDate(cd.val)
		if !ok || t.After(limit) {
			continue
		}
		best, bestRank, bestZoned = &article.Stamp{Time: t, Source: cd.src}, cd.rank, zoned
	}
	if best != nil && !bestZoned {
		if loc := c.pageZone(); loc != nil {
			best.Time = inZone(best.Time, loc)
		}
	}
	return best
}

// pageZone is the zone of the most trusted date candidate that states a
// non-UTC offset, or nil. It is worked out once.
func (c *collector) pageZone() *time.Location {
	if !c.zoneDone {
		c.zone, c.zoneDone = c.findZone(), true
	}
	return c.zone
}

func (c *collector) findZone() *time.Location {
	var loc *time.Location
	rank := -1
	for _, cs := range [...][]cand{c.published, c.modified} {
		for _, cd := range cs {
			if cd.rank <= rank {
				continue
			}
			t, zoned, ok := parseDate(cd.val)
			if !ok || !zoned {
				continue
			}
			if _, off := t.Zone(); off != 0 {
				loc, rank = time.FixedZone("", off), cd.rank
			}
		}
	}
	return loc
}

// authors cleans the candidates of the most trusted source that yields a
// person; lower sources only fill in when nothing better names one.
func (c *collector) authors(site string) []string {
	excluded := map[string]bool{}
	for _, s := range []string{site, c.publisher.val} {
		if s != "" {
			excluded[strings.ToLower(s)] = true
		}
	}
	if c.base != nil {
		excluded[strings.ToLower(strings.TrimPrefix(c.base.Hostname(), "www."))] = true
	}
	byRank := map[int][]string{}
	var ranks []int
	for _, cd := range c.rawAuthors {
		names := splitAuthors(stripTags(html.UnescapeString(cd.val)), excluded)
		if len(names) == 0 {
			continue
		}
		if _, ok := byRank[cd.rank]; !ok {
			ranks = append(ranks, cd.rank)
		}
		byRank[cd.rank] = addUnique(byRank[cd.rank], names...)
	}
	if len(ranks) == 0 {
		return nil
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ranks)))
	out := byRank[ranks[0]]
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

func (c *collector) abs(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "//") {
		scheme := "https"
		if c.base != nil && c.base.Scheme != "" {
			scheme = c.base.Scheme
		}
		return scheme + ":" + u
	}
	ref, err := url.Parse(u)
	if err != nil {
		return u
	}
	if c.base == nil || ref.IsAbs() {
		return ref.String()
	}
	return c.base.ResolveReference(ref).String()
}

// headlineSeps separate a headline from a site or section name in titles.
var headlineSeps = [...]string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / "}

// cleanHeadline strips site-name suffixes and prefixes (" | Site",
// "Site - "). A part is dropped when it names the site (site name,
// publisher or host); from titles, a short part after a "|" also goes.
func cleanHeadline(h, site, publisher, pageURL string, generic bool) string {
	h = strings.TrimSpace(h)
	names := []string{}
	for _, s := range []string{site, publisher} {
		if s = normName(s); s != "" {
			names = append(names, s)
		}
	}
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		host := strings.TrimPrefix(u.Hostname(), "www.")
		if i := strings.IndexByte(host, '.'); i > 0 {
			names = append(names, normName(host[:i]))
		}
		names = append(names, normName(host))
	}
	isSite := func(part string) bool {
		p := normName(part)
		if p == "" {
			return false
		}
		for _, n := range names {
			if p == n || (len(n) >= 4 && strings.Contains(p, n) && len(p) <= len(n)+20) || (len(p) >= 4 && strings.Contains(n, p)) {
				return true
			}
		}
		return false
	}
	for range 3 {
		changed := false
		for _, sep := range headlineSeps {
			if i := strings.LastIndex(h, sep); i > 0 {
				head, tail := h[:i], h[i+len(sep):]
				if isSite(tail) || (generic && (sep == " | " || sep == " :: ") && len(strings.Fields(tail)) <= 4 && len(head) > 2*len(tail)) {
					h, changed = strings.TrimSpace(head), true
					break
				}
			}
			if i := strings.Index(h, sep); i > 0 {
				head, tail := h[:i], h[i+len(sep):]
				if isSite(head) && len(tail) > len(head) {
					h, changed = strings.TrimSpace(tail), true
					break
				}
			}
		}
		if !changed {
			break
		}
	}
	return h
}

// stripSectionPrefix drops a "Opinion | " prefix that names the section.
func stripSectionPrefix(h string, section []string) string {
	for _, sec := range section {
		for _, sep := range [...]string{" | ", ": "} {
			if p := sec + sep; len(h) > len(p)+10 && strings.EqualFold(h[:len(p)], p) {
				return strings.TrimSpace(h[len(p):])
			}
		}
	}
	return h
}

// normName lower-cases and drops everything but letters and digits, so
// "The Verge" matches "theverge.com"'s "theverge".
func normName(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			sb.WriteRune(r)
		}
	}
	out := sb.String()
	return strings.TrimPrefix(out, "the")
}

// cleanSection drops "Home" and the site name at the front of a crumb path,
// crumbs naming the site or host, generic crumbs ("Article") and the
// story's own title at its end. A single comma-joined value ("game,news,
// slider") is a list of categories: its first one is kept.
func cleanSection(sec []string, site, host, headline string) []string {
	if len(sec) == 1 && strings.Contains(sec[0], ",") {
		sec = []string{firstOf(sec[0], ",")}
	}
	ns, nh := normName(site), normName(strings.TrimPrefix(host, "www."))
	var out []string
	for _, s := range sec {
		s = collapseSpace(html.UnescapeString(s))
		ls := strings.ToLower(s)
		if s == "" || genericCrumbs[ls] || (nh != "" && normName(s) == nh) {
			continue
		}
		out = append(out, s)
	}
	for len(out) > 0 {
		f := strings.ToLower(out[0])
		nf := normName(f)
		if homeWords[f] || (ns != "" && nf != "" && strings.HasPrefix(ns, nf)) {
			out = out[1:]
			continue
		}
		break
	}
	if n := len(out); n > 0 {
		last := out[n-1]
		if headline != "" && (strings.EqualFold(last, headline) || len(strings.Fields(last)) > 6 ||
			(len(last) > 20 && strings.HasPrefix(strings.ToLower(headline), strings.ToLower(last)))) {
			out = out[:n-1]
		}
	}
	if len(out) > 6 {
		out = out[:6]
	}
	return out
}

var genericCrumbs = map[string]bool{"article": true, "articles": true, "post": true, "posts": true, "story": true,
	"stories": true, "page": true, "content": true}

var homeWords = map[string]bool{"home": true, "homepage": true, "home page": true, "start": true, "startseite": true,
	"inicio": true, "início": true, "accueil": true, "beranda": true, "главная": true, "ホーム": true, "홈": true, "main": true}

// normLang turns "en_US", "EN-us", "en" into BCP 47 form ("en-US", "en");
// it returns "" for anything that is not a language tag.
func normLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(firstOf(s, ","), "_", "-"))
	if s == "" || len(s) > 20 {
		return ""
	}
	parts := strings.Split(s, "-")
	p := strings.ToLower(parts[0])
	if len(p) < 2 || len(p) > 3 || !isLetters(p) {
		return ""
	}
	out := p
	for _, q := range parts[1:] {
		switch {
		case len(q) == 4 && isLetters(q):
			out += "-" + strings.ToUpper(q[:1]) + strings.ToLower(q[1:])
		case len(q) == 2 && isLetters(q):
			out += "-" + strings.ToUpper(q)
		case len(q) == 3 && allDigits(q):
			out += "-" + q
		default:
			return out
		}
	}
	return out
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func firstOf(s, sep string) string {
	if i := strings.Index(s, sep); i >= 0 {
		return s[:i]
	}
	return s
}

func splitTags(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(html.UnescapeString(p)); p != "" && len(p) < 100 {
			out = append(out, p)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// textOf returns the collapsed text of n, at most max bytes, skipping
// scripts and styles.
func textOf(n *html.Node, max int) string {
	var sb strings.Builder
	budget := 2000 // nodes: a wide subtree without text must not cost more
	var walk func(*html.Node, int)
	walk = func(m *html.Node, d int) {
		budget--
		if sb.Len() >= max || d > 64 || budget < 0 {
			return
		}
		switch m.Type {
		case html.TextNode:
			sb.WriteString(m.Data)
			sb.WriteByte(' ')
			return
		case html.ElementNode:
			switch m.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.Br:
				sb.WriteByte('\n')
			}
		}
		for ch := m.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, d+1)
		}
	}
	walk(n, 0)
	s := sb.String()
	if len(s) > max {
		s = s[:max]
	}
	return strings.TrimSpace(strings.Join(strings.Fields(s), " "))
}

// rawText concatenates the text children of a script.
func rawText(n *html.Node) string {
	var sb strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			sb.WriteString(ch.Data)
		}
	}
	return sb.String()
}

func findItemprop(n *html.Node, prop string, d int) *html.Node {
	if d > 8 {
		return nil
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		for _, p := range strings.Fields(attr(ch, "itemprop")) {
			if strings.EqualFold(p, prop) {
				return ch
			}
		}
		if f := findItemprop(ch, prop, d+1); f != nil {
			return f
		}
	}
	return nil
}

func findAtom(n *html.Node, a atom.Atom, d int) *html.Node {
	if d > 8 {
		return nil
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		if ch.DataAtom == a {
			return ch
		}
		if f := findAtom(ch, a, d+1); f != nil {
			return f
		}
	}
	return nil
}

// stripTags removes markup that pages leave inside JSON-LD strings.
func stripTags(s string) string {
	if !strings.ContainsRune(s, '<') {
		return s
	}
	var sb strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			sb.WriteByte(' ')
		case !in:
			sb.WriteRune(r)
		}
	}
	return collapseSpace(sb.String())
}
