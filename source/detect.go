package source

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Open returns the source an argument names, detecting its kind:
//
//   - an http(s) URL is fetched with opts.Get and sniffed: a feed, a
//     sitemap (gzip'd or not), a WARC file, or an HTML page; an HTML page
//     at the root of a site ("/") is the site's home page, whose feeds and
//     sitemaps are discovered; any other HTML page is yielded as the page
//     itself, with the body already fetched;
//   - a local file is sniffed from its first bytes (gunzipped if gzip'd):
//     WARC, sitemap, feed, a saved HTML page, or a list of URLs. A .warc
//     or .warc.gz name is a WARC file whatever its start says, so that a
//     damaged archive gets a WARC error.
//
// Errors opening or reading a URL argument come out of Pages, so that a
// collection of many arguments goes on past a bad one.
func Open(ctx context.Context, arg string, opts Options) (Source, error) {
	opts = opts.withDefaults()
	if u, err := url.Parse(arg); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return urlArg{url: arg, opts: opts}, nil
	}
	if strings.Contains(arg, "://") {
		return nil, fmt.Errorf("source %s: only http and https URLs and local files are supported", arg)
	}
	st, err := os.Stat(arg)
	if err != nil {
		return nil, fmt.Errorf("source: %w", err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("source %s: is a directory", arg)
	}
	lower := strings.ToLower(arg)
	if strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		return WARC(arg, opts), nil
	}
	head, err := readHead(arg, 8192)
	if err != nil {
		return nil, fmt.Errorf("source: %w", err)
	}
	switch Sniff(head) {
	case KindWARC:
		return WARC(arg, opts), nil
	case KindList:
		return ListFile(arg, opts), nil
	case KindFeed, KindSitemap, KindPage:
		if st.Size() > opts.MaxDocBytes {
			return nil, fmt.Errorf("source %s: %d bytes, over the limit of %d", arg, st.Size(), opts.MaxDocBytes)
		}
		body, err := os.ReadFile(arg)
		if err != nil {
			return nil, fmt.Errorf("source: %w", err)
		}
		body, err = gunzipIfGzip(body, opts.MaxDocBytes)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", arg, err)
		}
		switch Sniff(body) {
		case KindFeed:
			return FeedBytes(body, arg, opts), nil
		case KindSitemap:
			return SitemapBytes(body, arg, opts), nil
		}
		return htmlFile{path: arg, body: body}, nil
	}
	if filepath.Ext(lower) == ".txt" || len(strings.TrimSpace(string(head))) == 0 {
		return ListFile(arg, opts), nil
	}
	return nil, fmt.Errorf("source %s: not a URL list, feed, sitemap, WARC file or HTML page", arg)
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(bufio.NewReader(f), buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return buf[:m], nil
}

// htmlFile is a saved HTML page.
type htmlFile struct {
	path string
	body []byte
}

func (s htmlFile) String() string { return s.path }

func (s htmlFile) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		abs, err := filepath.Abs(s.path)
		if err != nil {
			abs = s.path
		}
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		hdr := map[string][]string{"Content-Type": {"text/html"}}
		yield(Page{URL: u, Status: 200, Header: hdr, Body: s.body, Via: ViaFile}, nil)
	}
}

// urlArg is a URL given as an argument, fetched once to learn its kind.
type urlArg struct {
	url  string
	opts Options
}

func (s urlArg) String() string { return s.url }

func (s urlArg) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		if s.opts.Get == nil {
			yield(Page{}, fmt.Errorf("%s: %w", s.url, errNoFetcher))
			return
		}
		p, err := s.opts.Get(ctx, s.url)
		if err != nil {
			yield(Page{}, fmt.Errorf("source %s: %w", s.url, err))
			return
		}
		// The page is logged under the argument, not where it redirected.
		if p.FinalURL == "" {
			p.FinalURL = p.URL
		}
		p.URL = s.url
		if p.Status < 200 || p.Status > 299 {
			// Let the caller log the page with its status.
			yield(p, nil)
			return
		}
		if Sniff(p.Body) == KindWARC {
			// An archive is read as a stream, records one by one: never
			// unpacked whole (it may well pass MaxDocBytes).
			for q, err := range WARCReader(bytes.NewReader(p.Body), s.url, s.opts).Pages(ctx) {
				if !yield(q, err) {
					return
				}
			}
			return
		}
		body, err := gunzipIfGzip(p.Body, s.opts.MaxDocBytes)
		if err != nil {
			yield(Page{}, fmt.Errorf("source %s: %w", s.url, err))
			return
		}
		kind := Sniff(body)
		if kind == KindUnknown && strings.Contains(strings.ToLower(p.ContentType()), "json") {
			kind = KindFeed // JSON Feed without the version near the top
		}
		switch kind {
		case KindFeed:
			feedPages(body, s.url, s.opts.MaxURLs, newSeen(), yield)
		case KindSitemap:
			for q, err := range SitemapBytes(body, s.url, s.opts).Pages(ctx) {
				if !yield(q, err) {
					return
				}
			}
		case KindList:
			// A text sitemap or a published list of URLs.
			readList(ctx, bytes.NewReader(body), s.url, s.opts.MaxURLs, yield)
		case KindPage:
			if u, err := url.Parse(s.url); err == nil && (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
				site := siteSource{url: s.url, home: &p, opts: s.opts}
				for q, err := range site.Pages(ctx) {
					if !yield(q, err) {
						return
					}
				}
				return
			}
			yield(p, nil)
		default:
			// Not a kind we read: hand the page on, the collector counts
			// it as not HTML.
			yield(p, nil)
		}
	}
}
