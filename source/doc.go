package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// getDoc fetches a feed or sitemap with opts.Get and returns its body,
// gunzipped when it is gzip'd. Errors start with the URL.
func getDoc(ctx context.Context, opts Options, u string) ([]byte, error) {
	if opts.Get == nil {
		return nil, fmt.Errorf("%s: no fetcher to read URLs with", u)
	}
	p, err := opts.Get(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	if p.Status < 200 || p.Status > 299 {
		return nil, fmt.Errorf("%s: HTTP status %d", u, p.Status)
	}
	body, err := gunzipIfGzip(p.Body, opts.MaxDocBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	return body, nil
}

// gunzipIfGzip decompresses b when it starts with the gzip magic, at most
// limit bytes.
func gunzipIfGzip(b []byte, limit int64) ([]byte, error) {
	if !isGzip(b) {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := readAtMost(zr, limit)
	if err != nil && !errors.Is(err, errDecompressedTooLarge) {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return out, err
}

// errDecompressedTooLarge: a decompressed document or payload grew past
// its limit.
var errDecompressedTooLarge = errors.New("decompressed document too large")

// readAtMost reads r to its end, failing once it yields more than limit
// bytes: decompression must not outgrow the limit the compressed bytes
// kept.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	var out bytes.Buffer
	n, err := out.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", errDecompressedTooLarge, limit)
	}
	return out.Bytes(), nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// Kind is what a document or argument was recognised as.
type Kind string

// The kinds Detect and Sniff tell apart.
const (
	KindUnknown Kind = ""
	KindPage    Kind = "page"    // an HTML page
	KindList    Kind = "list"    // a text file of URLs
	KindFeed    Kind = "feed"    // RSS, Atom or JSON Feed
	KindSitemap Kind = "sitemap" // urlset or sitemapindex
	KindWARC    Kind = "warc"    // WARC, plain or gzip'd
	KindSite    Kind = "site"    // a home page: feeds and sitemaps are discovered
)

// Sniff tells what a document is from its first bytes (after gunzipping
// the start of a gzip'd one). Plain text whose first line of content is
// an http(s) URL is a list.
func Sniff(b []byte) Kind {
	if isGzip(b) {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return KindUnknown
		}
		head := make([]byte, 4096)
		n, _ := io.ReadFull(zr, head)
		b = head[:n]
	}
	if bytes.HasPrefix(b, []byte("WARC/")) {
		return KindWARC
	}
	s := b
	if len(s) > 8192 {
		s = s[:8192]
	}
	s = bytes.TrimPrefix(s, []byte("\xEF\xBB\xBF"))
	s = bytes.TrimLeft(s, " \t\r\n")
	if len(s) == 0 {
		return KindUnknown
	}
	if s[0] == '{' {
		if bytes.Contains(s, []byte("jsonfeed.org/version")) {
			return KindFeed
		}
		return KindUnknown
	}
	if s[0] == '<' {
		return sniffMarkup(s)
	}
	for _, line := range strings.Split(string(s), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if checkPageURL(line) == nil {
			return KindList
		}
		return KindUnknown
	}
	return KindUnknown
}

// sniffMarkup names the root element of XML or HTML, skipping the prolog.
func sniffMarkup(s []byte) Kind {
	lower := bytes.ToLower(s)
	for {
		lower = bytes.TrimLeft(lower, " \t\r\n")
		switch {
		case bytes.HasPrefix(lower, []byte("<?")):
			i := bytes.Index(lower, []byte("?>"))
			if i < 0 {
				return KindUnknown
			}
			lower = lower[i+2:]
			continue
		case bytes.HasPrefix(lower, []byte("<!--")):
			i := bytes.Index(lower, []byte("-->"))
			if i < 0 {
				return KindUnknown
			}
			lower = lower[i+3:]
			continue
		case bytes.HasPrefix(lower, []byte("<!doctype")):
			if bytes.HasPrefix(lower, []byte("<!doctype html")) {
				return KindPage
			}
			i := bytes.IndexByte(lower, '>')
			if i < 0 {
				return KindUnknown
			}
			lower = lower[i+1:]
			continue
		}
		break
	}
	if len(lower) < 2 || lower[0] != '<' {
		return KindUnknown
	}
	end := bytes.IndexAny(lower[1:], " \t\r\n/>")
	if end < 0 {
		end = len(lower) - 1
	}
	name := string(lower[1 : 1+end])
	if i := strings.IndexByte(name, ':'); i >= 0 && name != "rdf:rdf" {
		name = name[i+1:]
	}
	switch name {
	case "urlset", "sitemapindex":
		return KindSitemap
	case "rss", "feed", "rdf:rdf", "rdf":
		return KindFeed
	}
	return KindPage
}

// IsHTML reports whether a response is an HTML page, from its
// Content-Type, or from its first bytes when the type is missing or
// generic. It decides what a collector extracts; newsclip.IsHTML, which
// also takes XML and plain-looking markup, only routes bytes already
// chosen for extraction between the HTML and the plain-text extractor.
func IsHTML(contentType string, body []byte) bool {
	ct := strings.ToLower(strings.TrimSpace(contentType))
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = strings.TrimSpace(ct[:i])
	}
	switch ct {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "application/octet-stream", "text/plain", "unknown/unknown", "application/unknown":
		return len(body) > 0 && !bytes.ContainsRune(body[:min(len(body), 1024)], 0) && Sniff(body) == KindPage
	}
	return false
}

var errNoFetcher = errors.New("reading a URL needs a fetcher (Options.Get)")
