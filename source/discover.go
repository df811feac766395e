package source

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"net/url"
	"strings"

	"github.com/newsclip/newsclip/fetch"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Site is a source of the pages of a site, found from its home page: the
// feeds it links to (<link rel="alternate" type="application/rss+xml">
// and the Atom and JSON Feed types), the sitemaps its robots.txt names,
// and /sitemap.xml when robots.txt names none.
func Site(homeURL string, opts Options) Source {
	return siteSource{url: homeURL, opts: opts.withDefaults()}
}

type siteSource struct {
	url  string
	home *Page // when already fetched
	opts Options
}

func (s siteSource) String() string { return s.url }

func (s siteSource) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		if s.opts.Get == nil {
			yield(Page{}, fmt.Errorf("site %s: %w", s.url, errNoFetcher))
			return
		}
		home := s.home
		if home == nil {
			p, err := s.opts.Get(ctx, s.url)
			if err != nil {
				yield(Page{}, fmt.Errorf("site %s: %w", s.url, err))
				return
			}
			home = &p
		}
		base, err := url.Parse(s.url)
		if err != nil {
			yield(Page{}, fmt.Errorf("site %s: %w", s.url, err))
			return
		}
		var feeds []string
		if home.Status >= 200 && home.Status < 300 {
			feeds = DiscoverFeeds(home.Body, base)
		} else if !yield(Page{}, fmt.Errorf("site %s: home page: HTTP status %d", s.url, home.Status)) {
			return
		}
		sitemaps := s.robotsSitemaps(ctx, base)
		if len(sitemaps) == 0 {
			sitemaps = []string{base.ResolveReference(&url.URL{Path: "/sitemap.xml"}).String()}
		}
		seen := newSeen()
		found := 0
		// Pages already yielded by a feed are skipped in the sitemaps.
		relay := func(p Page, err error) bool {
			if err != nil {
				return yield(Page{}, fmt.Errorf("site %s: %w", s.url, err))
			}
			if !seen.add(p.URL) {
				return true
			}
			found++
			return yield(p, nil)
		}
		for _, f := range feeds {
			for p, err := range Feed(f, s.opts).Pages(ctx) {
				if !relay(p, err) {
					return
				}
			}
		}
		for _, sm := range sitemaps {
			for p, err := range Sitemap(sm, s.opts).Pages(ctx) {
				if !relay(p, err) {
					return
				}
			}
		}
		if found == 0 {
			yield(Page{}, fmt.Errorf("site %s: no pages found in %d feeds and %d sitemaps", s.url, len(feeds), len(sitemaps)))
		}
	}
}

// robotsSitemaps reads the Sitemap: lines of the site's robots.txt.
func (s siteSource) robotsSitemaps(ctx context.Context, base *url.URL) []string {
	ru := base.ResolveReference(&url.URL{Path: "/robots.txt"}).String()
	p, err := s.opts.Get(ctx, ru)
	if err != nil || p.Status < 200 || p.Status > 299 {
		return nil
	}
	var out []string
	for _, v := range fetch.ParseRobots(p.Body).Sitemaps() {
		if checkPageURL(v) == nil {
			out = append(out, v)
		}
	}
	return out
}

// feedTypes are the link types that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      true, // JSON Feed, as older pages announce it
	"application/rdf+xml":   true,
}

// DiscoverFeeds returns the absolute URLs of the feeds an HTML page
// announces with <link rel="alternate">, in document order, without
// duplicates. It reads tags only up to the end of <head>.
func DiscoverFeeds(page []byte, base *url.URL) []string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	seen := map[string]bool{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return out
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return out
			case atom.Link:
			default:
				continue
			}
			var rel, typ, href string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "type":
					typ = strings.ToLower(strings.TrimSpace(string(v)))
				case "href":
					href = strings.TrimSpace(string(v))
				}
			}
			if href == "" || !feedTypes[typ] || !hasToken(rel, "alternate") {
				continue
			}
			abs := resolve(base, href)
			if checkPageURL(abs) != nil || seen[abs] {
				continue
			}
			seen[abs] = true
			out = append(out, abs)
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}
