// Package newsclip is the one-call API: Extract turns a news page (HTML or
// plain text) into a structured article.Article, optionally with its quotes
// attributed to speakers.
//
// It reads what it is given and does not fetch anything: pass the bytes of
// a page (fetch.Client gets them politely). An Extractor holds options
// only, so one Extractor is safe for concurrent use.
package newsclip

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/attribute"
	"github.com/newsclip/newsclip/extract"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/plaintext"
)

// Extractor extracts articles with fixed options. Create it with New.
type Extractor struct {
	opts   extract.Options
	quotes bool
}

// Option sets one option of an Extractor.
type Option func(*Extractor)

// WithComments keeps reader comments in Article.Comments (default off).
func WithComments(on bool) Option { return func(e *Extractor) { e.opts.Comments = on } }

// WithImages keeps figures in the body (default on).
func WithImages(on bool) Option { return func(e *Extractor) { e.opts.Images = on } }

// WithLinks keeps the hyperlinks of each block (default off).
func WithLinks(on bool) Option { return func(e *Extractor) { e.opts.Links = on } }

// WithMaxBytes caps the size of a page (default 20 MB); a larger page is
// an error.
func WithMaxBytes(n int64) Option { return func(e *Extractor) { e.opts.MaxBytes = n } }

// WithMaxDepth caps the element nesting that keeps its structure (default
// 512); deeper elements are read flat.
func WithMaxDepth(n int) Option { return func(e *Extractor) { e.opts.MaxDepth = n } }

// WithTimeout bounds the time one extraction may take (default 10 s).
func WithTimeout(d time.Duration) Option { return func(e *Extractor) { e.opts.Timeout = d } }

// WithQuotes attributes the article's quotes to speakers, filling
// Article.Quotes and Article.Speakers (default off).
func WithQuotes(on bool) Option { return func(e *Extractor) { e.quotes = on } }

// New returns an Extractor with the defaults changed by opts.
func New(opts ...Option) *Extractor {
	e := &Extractor{opts: extract.DefaultOptions()}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Extract reads a page from r (HTML or plain text, told apart by content)
// and returns its article. pageURL resolves relative links and may be "".
func (e *Extractor) Extract(ctx context.Context, r io.Reader, pageURL string) (*article.Article, error) {
	limit := e.opts.MaxBytes
	if limit <= 0 {
		limit = extract.DefaultOptions().MaxBytes
	}
	page, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name(pageURL), err)
	}
	return e.ExtractBytes(ctx, page, "", pageURL)
}

// ExtractBytes is Extract for a page in memory; contentType is the HTTP
// Content-Type header or "" (it names the charset, and "text/plain" makes
// the page plain text).
func (e *Extractor) ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error) {
	var a *article.Article
	if IsHTML(page, contentType) {
		var err error
		a, err = extract.Extract(ctx, page, contentType, pageURL, e.opts)
		if err != nil {
			return nil, err
		}
	} else {
		limit := e.opts.MaxBytes
		if limit <= 0 {
			limit = extract.DefaultOptions().MaxBytes
		}
		if int64(len(page)) > limit {
			return nil, fmt.Errorf("extract %s: %w: %d bytes, limit %d", name(pageURL), extract.ErrTooLarge, len(page), limit)
		}
		text, _, err := fetch.ToUTF8(page, contentType)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", name(pageURL), err)
		}
		if bytes.IndexByte(text, 0) >= 0 {
			return nil, fmt.Errorf("extract %s: %w", name(pageURL), extract.ErrNotHTML)
		}
		a = plaintext.Parse(string(text))
		if a == nil {
			return nil, fmt.Errorf("extract %s: %w", name(pageURL), errors.New("plain-text parser returned nothing"))
		}
		if a.URL == "" {
			a.URL = pageURL
		}
	}
	if e.quotes {
		attribute.Article(a, attribute.Options{})
	}
	return a, nil
}

// Extract reads one page with a new Extractor made from opts.
func Extract(r io.Reader, pageURL string, opts ...Option) (*article.Article, error) {
	return New(opts...).Extract(context.Background(), r, pageURL)
}

func name(pageURL string) string {
	if pageURL == "" {
		return "page"
	}
	return pageURL
}

// IsHTML tells HTML from plain text as Extract does: an HTML or XML
// content type, or a page whose first non-space byte is "<" followed by a
// tag, comment or doctype. It routes bytes already chosen for extraction;
// source.IsHTML, stricter, decides whether a fetched resource is a page at
// all (an image or a feed is not).
func IsHTML(page []byte, contentType string) bool {
	ct := bytes.ToLower([]byte(contentType))
	switch {
	case bytes.Contains(ct, []byte("html")) || bytes.Contains(ct, []byte("xml")):
		return true
	case bytes.HasPrefix(ct, []byte("text/plain")):
		return false
	}
	p := bytes.TrimLeft(page, " \t\r\n\f\ufeff") // (the cutset's U+FEFF is the UTF-8 byte-order mark)
	if len(p) < 2 || p[0] != '<' {
		// UTF-16 HTML starts with a byte-order mark and "<" as two bytes.
		return len(page) >= 4 && (bytes.HasPrefix(page, []byte{0xFF, 0xFE, '<', 0}) || bytes.HasPrefix(page, []byte{0xFE, 0xFF, 0, '<'}))
	}
	c := p[1]
	if c == '!' || c == '?' || c == '/' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
		return true
	}
	// Text that happens to start with "<" (a quote mark, an arrow) is not
	// HTML unless a tag follows soon.
	head := p[:min(len(p), 1024)]
	lower := bytes.ToLower(head)
	return utf8.Valid(head) && (bytes.Contains(lower, []byte("<p")) || bytes.Contains(lower, []byte("<div")))
}
