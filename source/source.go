// Package source says where pages come from. A Source yields Pages (a URL,
// and for archived pages the HTTP headers and body) from: a page URL, a
// file of URLs, an RSS/Atom/JSON feed, a sitemap or sitemap index (news
// sitemaps and gzip'd sitemaps too), a site's home page (its feeds and
// sitemaps are discovered), or a WARC file as Common Crawl publishes it.
// Open detects which from the argument.
//
// It does not fetch pages itself: documents that describe pages (feeds,
// sitemaps, home pages) are read through a Getter the caller supplies (the
// collector passes its polite fetch client), and pages without a body are
// left for the caller to fetch. It does not extract anything.
package source

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"time"
)

// Page is one page a source yields. A page from a list, feed or sitemap
// has only a URL: the caller fetches it. A page from a WARC file, or one
// fetched to detect what a URL argument was, carries Status, Header and
// Body.
type Page struct {
	// URL is the page's address as the source named it (the key of the
	// fetch log); FinalURL is where redirects led, when it was fetched.
	URL      string
	FinalURL string
	Status   int
	Header   http.Header
	Body     []byte
	// FetchedAt is when the body was fetched (the WARC-Date for archives).
	FetchedAt time.Time
	// Via names the document the URL was found in (a feed, a sitemap),
	// or is ViaWARC or ViaFile for pages read from an archive or a file.
	Via string
}

// Via values of pages that were not fetched.
const (
	ViaWARC = "warc"
	ViaFile = "file"
)

// HasBody reports whether the page was fetched already.
func (p Page) HasBody() bool { return p.Status != 0 }

// ContentType is the page's Content-Type header, if any.
func (p Page) ContentType() string { return p.Header.Get("Content-Type") }

// Source is where pages come from.
type Source interface {
	// String names the source in logs.
	String() string
	// Pages yields the pages in order. A non-nil error with a zero Page
	// is a problem with part of the source (a malformed child sitemap, a
	// bad line in a list): the sequence goes on after it, and the caller
	// logs it. A truncated archive yields what it could read, then an
	// error wrapping ErrTruncated, and stops.
	Pages(ctx context.Context) iter.Seq2[Page, error]
}

// Getter fetches a document for a source (a feed, a sitemap, a home page,
// robots.txt). It returns the page with Status, Header and Body set; any
// HTTP status is a Page, not an error.
type Getter func(ctx context.Context, url string) (Page, error)

// ErrTruncated is wrapped by the error of an archive that ends early.
var ErrTruncated = errors.New("archive truncated")

// ErrNotHTML is wrapped by errors about pages that are not HTML.
var ErrNotHTML = errors.New("not HTML")

// DefaultMaxDocBytes caps a feed, sitemap or list when Options.MaxDocBytes
// is zero: the sitemap protocol's 50 MB.
const DefaultMaxDocBytes = 50 << 20

// Options sets the limits of sources. Zero fields take the defaults.
type Options struct {
	// Get fetches feeds, sitemaps and home pages. Without it, only local
	// files (lists, WARC, feed and sitemap files with absolute URLs) work.
	Get Getter
	// MaxSitemapDepth bounds how deep sitemap indexes are followed
	// (default 3: an index of indexes of sitemaps).
	MaxSitemapDepth int
	// MaxURLs bounds the pages one source yields (default 1,000,000).
	MaxURLs int
	// MaxDocBytes bounds a decompressed feed or sitemap (default 50 MiB,
	// the sitemap protocol's own limit).
	MaxDocBytes int64
	// MaxRecordBytes bounds the payload of one WARC record (default 10
	// MiB); larger records are skipped with an error.
	MaxRecordBytes int64
}

func (o Options) withDefaults() Options {
	if o.MaxSitemapDepth <= 0 {
		o.MaxSitemapDepth = 3
	}
	if o.MaxURLs <= 0 {
		o.MaxURLs = 1_000_000
	}
	if o.MaxDocBytes <= 0 {
		o.MaxDocBytes = DefaultMaxDocBytes
	}
	if o.MaxRecordBytes <= 0 {
		o.MaxRecordBytes = 10 << 20
	}
	return o
}
