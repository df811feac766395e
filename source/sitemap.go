package source

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// Sitemap is a source of the page URLs of a sitemap or sitemap index at a
// URL (XML, or gzip'd XML), fetched with opts.Get. Indexes are followed to
// opts.MaxSitemapDepth; a child that fails is reported and skipped.
func Sitemap(sitemapURL string, opts Options) Source {
	return sitemapSource{url: sitemapURL, opts: opts.withDefaults()}
}

type sitemapSource struct {
	url  string
	body []byte // when already read
	opts Options
}

func (s sitemapSource) String() string { return s.url }

func (s sitemapSource) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		w := &sitemapWalker{opts: s.opts, seen: newSeen(), visited: map[string]bool{}, yield: yield}
		if s.body != nil {
			w.visited[s.url] = true
			w.walkBody(ctx, s.url, s.body, 1)
			return
		}
		w.walk(ctx, s.url, 1)
	}
}

// SitemapBytes is a source of a sitemap already read (a local file); its
// child sitemaps, if it is an index, are fetched with opts.Get.
func SitemapBytes(body []byte, name string, opts Options) Source {
	return sitemapSource{url: name, body: body, opts: opts.withDefaults()}
}

type sitemapWalker struct {
	opts    Options
	seen    *seenSet
	visited map[string]bool
	yield   func(Page, error) bool
	stopped bool
}

func (w *sitemapWalker) emit(p Page, err error) {
	if !w.stopped && !w.yield(p, err) {
		w.stopped = true
	}
}

func (w *sitemapWalker) walk(ctx context.Context, u string, depth int) {
	if w.stopped || ctx.Err() != nil {
		return
	}
	if w.visited[u] {
		return
	}
	w.visited[u] = true
	body, err := getDoc(ctx, w.opts, u)
	if err != nil {
		w.emit(Page{}, fmt.Errorf("sitemap %w", err))
		return
	}
	w.walkBody(ctx, u, body, depth)
}

func (w *sitemapWalker) walkBody(ctx context.Context, u string, body []byte, depth int) {
	body, err := gunzipIfGzip(body, w.opts.MaxDocBytes)
	if err != nil {
		w.emit(Page{}, fmt.Errorf("sitemap %s: %w", u, err))
		return
	}
	kind, locs, err := parseSitemap(body)
	if kind == "sitemapindex" {
		if depth >= w.opts.MaxSitemapDepth {
			w.emit(Page{}, fmt.Errorf("sitemap %s: index deeper than %d levels, not followed", u, w.opts.MaxSitemapDepth))
			return
		}
		for _, child := range locs {
			if w.stopped || ctx.Err() != nil {
				return
			}
			if cerr := checkPageURL(child); cerr != nil {
				w.emit(Page{}, fmt.Errorf("sitemap %s: %w", u, cerr))
				continue
			}
			w.walk(ctx, child, depth+1)
		}
	} else {
		for _, loc := range locs {
			if w.stopped || ctx.Err() != nil {
				return
			}
			if cerr := checkPageURL(loc); cerr != nil {
				w.emit(Page{}, fmt.Errorf("sitemap %s: %w", u, cerr))
				continue
			}
			if !w.seen.add(loc) {
				continue
			}
			if w.seen.n > w.opts.MaxURLs {
				w.emit(Page{}, fmt.Errorf("sitemap %s: stopped at the limit of %d URLs", u, w.opts.MaxURLs))
				w.stopped = true
				return
			}
			w.emit(Page{URL: loc, Via: u}, nil)
		}
	}
	// A malformed sitemap keeps the URLs read before the fault.
	if err != nil {
		w.emit(Page{}, fmt.Errorf("sitemap %s: %w", u, err))
	}
}

// parseSitemap reads a <urlset> or <sitemapindex> and returns the root's
// name and the <loc> values of its <url> or <sitemap> entries (image and
// video locs of extensions are left out; news sitemaps are urlsets). On a
// syntax error it returns what it read before.
func parseSitemap(body []byte) (kind string, locs []string, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		// Sitemaps must be UTF-8; tolerate labels that say so differently.
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1":
			return r, nil
		}
		return nil, fmt.Errorf("unsupported sitemap encoding %q", label)
	}
	var stack []string
	var text strings.Builder
	for {
		tok, terr := d.Token()
		if terr != nil {
			if errors.Is(terr, io.EOF) {
				if kind == "" {
					return "", locs, errors.New("not a sitemap: no <urlset> or <sitemapindex>")
				}
				return kind, locs, nil
			}
			return kind, locs, fmt.Errorf("malformed XML: %w", terr)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if len(stack) == 0 {
				if name != "urlset" && name != "sitemapindex" {
					return "", nil, fmt.Errorf("not a sitemap: root element <%s>", t.Name.Local)
				}
				kind = name
			}
			stack = append(stack, name)
			text.Reset()
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1] == "loc" {
				text.Write(t)
			}
		case xml.EndElement:
			if n := len(stack); n > 0 {
				if stack[n-1] == "loc" && n >= 2 && (stack[n-2] == "url" || stack[n-2] == "sitemap") {
					if loc := strings.TrimSpace(text.String()); loc != "" {
						locs = append(locs, loc)
					}
				}
				stack = stack[:n-1]
			}
		}
	}
}
