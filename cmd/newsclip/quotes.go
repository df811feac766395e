package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/attribute"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/sqlite"
)

const quotesUsage = `Usage:
  newsclip quotes [flags] FILE|URL|-
  newsclip quotes --store FILE --speaker NAME [flags]

The first form lists who said what, to whom, in one article: an HTML page
goes through the extractor, plain text is attributed as it is (offsets then
refer to the input). The second lists every stored quote of one speaker,
oldest first. Output is JSON ({"quotes": [...], "speakers": [...]}, or the
store's quote hits) or a table.

Flags:
`

// runQuotes implements "newsclip quotes".
func runQuotes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("quotes", quotesUsage, stderr)
	format := fs.String("format", "json", "output `format`: json or table")
	width := fs.Int("width", 0, "table width in columns (0: $COLUMNS or 120)")
	storePath := fs.String("store", "", "read quotes from the store at `FILE` instead of an article")
	speaker := fs.String("speaker", "", "with --store: the speaker's `NAME`")
	limit := fs.Int("limit", 0, "with --store: at most `N` quotes (0: all)")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` of a plain-text article, to date \"on Friday\"")
	maxBytes := fs.Int64("max-bytes", 16<<20, "largest input read, in `bytes`")
	timeout := fs.Duration("timeout", 30*time.Second, "time allowed to fetch and process one input")
	pos, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	if *format != "json" && *format != "table" {
		fmt.Fprintf(stderr, "newsclip quotes: unknown --format %q (json or table)\n", *format)
		return 2
	}
	w := *width
	if w <= 0 {
		fmt.Sscan(os.Getenv("COLUMNS"), &w)
		if w < 40 {
			w = 120
		}
	}
	if *storePath != "" {
		if *speaker == "" || len(pos) != 0 {
			fmt.Fprintln(stderr, "newsclip quotes: --store wants --speaker NAME and no input")
			return 2
		}
		return quotesFromStore(ctx, *storePath, *speaker, *limit, *format, w, stdout, stderr)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "newsclip quotes: want exactly one FILE, URL or -")
		fs.Usage()
		return 2
	}
	var opts attribute.Options
	if *published != "" {
		t, err := time.Parse("2006-01-02", *published)
		if err != nil {
			fmt.Fprintf(stderr, "newsclip quotes: --published: %v\n", err)
			return 2
		}
		opts.Published = t
	}
	ictx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	res, err := quotesOf(ictx, pos[0], stdin, *maxBytes, *timeout, opts)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip quotes: %v\n", err)
		return 1
	}
	if res.Quotes == nil {
		res.Quotes = []article.Quote{}
	}
	if res.Speakers == nil {
		res.Speakers = []article.Speaker{}
	}
	if *format == "table" {
		writeQuoteTable(stdout, res.Quotes, w)
		return 0
	}
	if err := writeJSON(stdout, res, false); err != nil {
		fmt.Fprintf(stderr, "newsclip quotes: %v\n", err)
		return 1
	}
	return 0
}

// quotesOf reads one input and attributes its quotes.
func quotesOf(ctx context.Context, in string, stdin io.Reader, maxBytes int64, timeout time.Duration, opts attribute.Options) (attribute.Result, error) {
	web := &fetcher{opts: fetch.Options{MaxBytes: maxBytes, Timeout: timeout}}
	src, err := loadInput(ctx, web, in, stdin, maxBytes, "")
	if err != nil {
		return attribute.Result{}, err
	}
	page, contentType, pageURL := src.page, src.contentType, src.url
	if newsclip.IsHTML(page, contentType) {
		a, err := newsclip.New(newsclip.WithMaxBytes(maxBytes), newsclip.WithTimeout(timeout)).ExtractBytes(ctx, page, contentType, pageURL)
		if err != nil {
			return attribute.Result{}, err
		}
		attribute.Article(a, opts) // the page's own date when opts has none
		return attribute.Result{Quotes: a.Quotes, Speakers: a.Speakers}, nil
	}
	text, _, err := fetch.ToUTF8(page, contentType)
	if err != nil {
		return attribute.Result{}, fmt.Errorf("decode %s: %w", in, err)
	}
	if bytes.IndexByte(text, 0) >= 0 {
		return attribute.Result{}, errors.New("binary input: not an article")
	}
	return attribute.Text(string(text), opts), nil
}

// writeQuoteTable prints speaker, cue, addressee and quote, one quote a
// line, cut to the terminal width.
func writeQuoteTable(w io.Writer, quotes []article.Quote, width int) {
	const sw, cw, aw = 22, 12, 16
	qw := width - sw - cw - aw - 3
	if qw < 20 {
		qw = 20
	}
	fmt.Fprintf(w, "%s %s %s %s\n", pad("SPEAKER", sw), pad("CUE", cw), pad("TO", aw), "QUOTE")
	for _, q := range quotes {
		sp, to := "", ""
		if q.Speaker != nil {
			sp = q.Speaker.Name
		}
		if q.Addressee != nil {
			to = q.Addressee.Name
		}
		fmt.Fprintf(w, "%s %s %s %s\n", pad(sp, sw), pad(q.Cue, cw), pad(to, aw), cut(strings.Join(strings.Fields(q.Text), " "), qw))
	}
}

// cut shortens s to n runes, marking the cut with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func pad(s string, n int) string {
	s = cut(s, n)
	return s + strings.Repeat(" ", n-utf8.RuneCountInString(s))
}

// quotesFromStore lists one speaker's quotes across a store, oldest first.
func quotesFromStore(ctx context.Context, path, speaker string, limit int, format string, width int, stdout, stderr io.Writer) int {
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip quotes: %v\n", err)
		return 1
	}
	defer st.Close()
	var hits []store.QuoteHit
	const page = 500
	for off := 0; ; off += page {
		h, err := st.Quotes(ctx, speaker, "", page, off)
		if err != nil {
			fmt.Fprintf(stderr, "newsclip quotes: %v\n", err)
			return 1
		}
		hits = append(hits, h...)
		if len(h) < page || (limit > 0 && len(hits) >= limit) {
			break
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hitTime(hits[i]).Before(hitTime(hits[j])) })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	if format == "table" {
		const dw, sw = 10, 20
		qw := width - dw - sw - 2
		if qw < 20 {
			qw = 20
		}
		fmt.Fprintf(stdout, "%s %s %s\n", pad("DATE", dw), pad("SITE", sw), "QUOTE")
		for _, h := range hits {
			fmt.Fprintf(stdout, "%s %s %s\n", pad(hitTime(h).Format("2006-01-02"), dw), pad(h.Site, sw), cut(strings.Join(strings.Fields(h.Quote.Text), " "), qw))
		}
		return 0
	}
	if hits == nil {
		hits = []store.QuoteHit{}
	}
	if err := writeJSON(stdout, hits, false); err != nil {
		fmt.Fprintf(stderr, "newsclip quotes: %v\n", err)
		return 1
	}
	return 0
}

// hitTime is when a quote was made public: the article's publication time,
// else when it was first collected.
func hitTime(h store.QuoteHit) time.Time {
	if h.Published != nil {
		return *h.Published
	}
	return h.FirstSeen
}
