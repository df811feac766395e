package source

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"net/url"

	"github.com/mmcdole/gofeed"
)

// Feed is a source of the item links of an RSS, Atom or JSON feed at a
// URL, fetched with opts.Get.
func Feed(feedURL string, opts Options) Source {
	return feedSource{url: feedURL, opts: opts.withDefaults()}
}

type feedSource struct {
	url  string
	opts Options
}

func (s feedSource) String() string { return s.url }

func (s feedSource) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		body, err := getDoc(ctx, s.opts, s.url)
		if err != nil {
			yield(Page{}, fmt.Errorf("feed %w", err))
			return
		}
		feedPages(body, s.url, s.opts.MaxURLs, newSeen(), yield)
	}
}

// FeedBytes is a source of the item links of a feed already read (a local
// file); base resolves relative links and names the source.
func FeedBytes(body []byte, base string, opts Options) Source {
	return feedBytes{body: body, base: base, opts: opts.withDefaults()}
}

type feedBytes struct {
	body []byte
	base string
	opts Options
}

func (s feedBytes) String() string { return s.base }

func (s feedBytes) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		feedPages(s.body, s.base, s.opts.MaxURLs, newSeen(), yield)
	}
}

// feedPages parses a feed and yields its item links; it reports whether
// to go on.
func feedPages(body []byte, feedURL string, maxURLs int, seen *seenSet, yield func(Page, error) bool) bool {
	f, err := parseFeed(body)
	if err != nil {
		return yield(Page{}, fmt.Errorf("feed %s: %w", feedURL, err))
	}
	base, _ := url.Parse(feedURL)
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" {
			continue
		}
		abs := resolve(base, link)
		if err := checkPageURL(abs); err != nil {
			if !yield(Page{}, fmt.Errorf("feed %s: item %q: %w", feedURL, it.Title, err)) {
				return false
			}
			continue
		}
		if !seen.add(abs) {
			continue
		}
		if seen.n > maxURLs {
			yield(Page{}, fmt.Errorf("feed %s: stopped at the limit of %d URLs", feedURL, maxURLs))
			return false
		}
		if !yield(Page{URL: abs, Via: feedURL}, nil) {
			return false
		}
	}
	return true
}

// resolve makes ref absolute against base (when base is a URL).
func resolve(base *url.URL, ref string) string {
	if base == nil || base.Scheme == "" {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(r).String()
}

// seenSet deduplicates the URLs one source yields.
type seenSet struct {
	m map[string]struct{}
	n int
}

func newSeen() *seenSet { return &seenSet{m: map[string]struct{}{}} }

func (s *seenSet) add(u string) bool {
	if _, ok := s.m[u]; ok {
		return false
	}
	s.m[u] = struct{}{}
	s.n++
	return true
}

// parseFeed runs gofeed, turning a panic inside it into an error: a
// hostile feed must not bring down a collection.
func parseFeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(body))
}
