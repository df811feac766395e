// Package extract turns the HTML of a news page into an article.Article:
// metadata plus the story body as ordered typed blocks, boilerplate left out.
//
// The page is parsed once (golang.org/x/net/html), copied into a flat
// array of elements, and its text gathered into blocks in the same walk.
// Each block is weighed by length, link density and the boilerplate marks
// of its ancestors (class, id, role, tag); the story's container is the
// element where content outweighs furniture the most; inside it, marked
// furniture, link lists and figures of other stories are dropped and the
// edges trimmed. Metadata comes from the meta subpackage.
//
// It does not fetch pages (see fetch), run scripts or render CSS: text that
// only a script would show is not seen, and only inline styles hide text.
package extract

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/extract/meta"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/lang"
)

// Options control extraction. The zero value is not useful; start from
// DefaultOptions. A limit of zero or less takes its default.
type Options struct {
	Comments bool // keep reader comments in Article.Comments
	Images   bool // keep figures in the body
	Links    bool // keep hyperlinks in blocks
	// Limits: input bytes, element nesting depth, element count, wall time.
	// Elements nested deeper than MaxDepth are kept flat (their text stays,
	// their structure goes); the other limits end extraction with an error.
	MaxBytes int64
	MaxDepth int
	MaxNodes int
	Timeout  time.Duration
}

// DefaultOptions returns the defaults: figures kept, no comments, no links,
// 20 MB, depth 512, 1,000,000 elements, 10 s.
func DefaultOptions() Options {
	return Options{Images: true, MaxBytes: 20 << 20, MaxDepth: 512, MaxNodes: 1_000_000, Timeout: 10 * time.Second}
}

// Errors that callers may test for with errors.Is.
var (
	ErrTooLarge = errors.New("page too large")
	ErrNotHTML  = errors.New("not an HTML page")
	ErrTimeout  = errors.New("extraction took too long")
)

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = d.MaxDepth
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = d.MaxNodes
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	return o
}

// Extract reads one HTML page (any charset; contentType is the HTTP
// Content-Type header or "") and returns its article. pageURL resolves
// relative links and may be empty.
func Extract(ctx context.Context, page []byte, contentType, pageURL string, opts Options) (*article.Article, error) {
	a, err := extract(ctx, page, contentType, pageURL, opts)
	if err != nil {
		name := pageURL
		if name == "" {
			name = "page"
		}
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	return a, nil
}

func extract(ctx context.Context, page []byte, contentType, pageURL string, opts Options) (*article.Article, error) {
	opts = opts.withDefaults()
	if int64(len(page)) > opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(page), opts.MaxBytes)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	if looksBinary(page) {
		return nil, ErrNotHTML
	}
	text, _, err := fetch.ToUTF8(page, contentType)
	if err != nil {
		return nil, err
	}
	doc, err := parse(ctx, text, opts)
	if err != nil {
		return nil, err
	}
	if err := alive(ctx); err != nil {
		return nil, err
	}
	return fromTree(ctx, doc, pageURL, opts)
}

// FromNode extracts the article from an already parsed document.
func FromNode(ctx context.Context, doc *html.Node, pageURL string, opts Options) (*article.Article, error) {
	opts = opts.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	return fromTree(ctx, doc, pageURL, opts)
}

func fromTree(ctx context.Context, doc *html.Node, pageURL string, opts Options) (*article.Article, error) {
	a := &article.Article{}
	meta.Extract(doc, pageURL, a)
	if err := alive(ctx); err != nil {
		return nil, err
	}
	e := newEngine(opts, func() bool { return ctx.Err() != nil })
	defer e.release()
	e.description = a.Description
	e.headline = a.Headline
	e.build(doc)
	if e.tooMany {
		return nil, fmt.Errorf("page has more than the limit of %d elements", opts.MaxNodes)
	}
	if e.stopped {
		return nil, stopErr(ctx)
	}
	base := baseURL(doc, pageURL)
	anc := e.score()
	c := e.choose()
	ids := e.keep(c, anc)
	a.Body = e.render(ids, base)
	if opts.Comments {
		a.Comments = e.comments(c, anc, base)
	}
	if a.Language == "" {
		if t := a.BodyText(); t != "" {
			if l := lang.Detect(t); l != "" {
				a.Language, a.LanguageSource = l, "detected"
			}
		}
	}
	sanitize(a)
	if err := alive(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

func alive(ctx context.Context) error {
	if ctx.Err() != nil {
		return stopErr(ctx)
	}
	return nil
}

func stopErr(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	return ctx.Err()
}

// looksBinary reports whether the start of a page is binary data (NUL
// bytes or mostly control characters), which no charset turns into HTML.
// UTF-16 pages with a byte-order mark are text.
func looksBinary(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
		return false
	}
	head := b[:min(len(b), 1024)]
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// baseURL is the document's <base href> resolved against pageURL, or
// pageURL.
func baseURL(doc *html.Node, pageURL string) *url.URL {
	var u *url.URL
	if pageURL != "" {
		if p, err := url.Parse(pageURL); err == nil {
			u = p
		}
	}
	var head *html.Node
	for n := doc.FirstChild; n != nil && head == nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Head {
					head = c
					break
				}
			}
		}
	}
	if head == nil {
		return u
	}
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Base {
			if h := attr(c, "href"); h != "" {
				b, err := url.Parse(strings.TrimSpace(h))
				if err != nil {
					return u
				}
				if u != nil {
					return u.ResolveReference(b)
				}
				if b.IsAbs() {
					return b
				}
			}
			break
		}
	}
	return u
}

// sanitize makes every string of the article valid UTF-8.
func sanitize(a *article.Article) {
	fix := func(s *string) {
		if !utf8.ValidString(*s) {
			*s = strings.ToValidUTF8(*s, "\uFFFD")
		}
	}
	fixBlocks := func(bs []article.Block) {
		for i := range bs {
			b := &bs[i]
			fix(&b.Text)
			for j := range b.Items {
				fix(&b.Items[j])
			}
			for _, r := range b.Rows {
				for j := range r {
					fix(&r[j])
				}
			}
			if b.Figure != nil {
				fix(&b.Figure.Src)
				fix(&b.Figure.Alt)
				fix(&b.Figure.Caption)
				fix(&b.Figure.Credit)
			}
			for j := range b.Links {
				fix(&b.Links[j].Text)
				fix(&b.Links[j].URL)
			}
		}
	}
	fixBlocks(a.Body)
	fixBlocks(a.Comments)
	for _, s := range []*string{&a.URL, &a.CanonicalURL, &a.Headline, &a.Description, &a.SiteName, &a.Image} {
		fix(s)
	}
	for i := range a.Authors {
		fix(&a.Authors[i])
	}
	for i := range a.Section {
		fix(&a.Section[i])
	}
	for i := range a.Tags {
		fix(&a.Tags[i])
	}
}
