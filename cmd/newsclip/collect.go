package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/collect"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/source"
	"github.com/newsclip/newsclip/store/sqlite"
)

const collectUsage = `Usage: newsclip collect [flags] SOURCE...

Collects pages into a store: each is fetched, extracted, its quotes
attributed, and stored. A SOURCE is a page URL, a site's home page (its
feeds and sitemaps are found), a feed or sitemap URL, or a local file: a
list of URLs (one a line, # comments; "-" reads one from standard input),
a feed, a sitemap, a WARC or WARC.gz file. The kind is detected. Run it again to resume: finished
pages are not fetched twice.

Flags:
`

// runCollect is "newsclip collect".
func runCollect(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("collect", collectUsage, stderr)
	storeFlag := fs.String("store", "", "store `file` (default "+defaultStoreHint+")")
	concurrency := fs.Int("concurrency", 8, "pages fetched and extracted at once")
	perHost := fs.Int("per-host", 2, "requests in flight to one host")
	delay := fs.Duration("delay", 500*time.Millisecond, "least time between two requests to one host (a robots.txt Crawl-delay can raise it)")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "time limit of one request")
	maxBytes := fs.Int64("max-bytes", fetch.DefaultMaxBytes, "size limit of one response, in bytes")
	userAgent := fs.String("user-agent", fetch.DefaultUserAgent, "User-Agent header")
	retries := fs.Int("retries", fetch.DefaultRetries, "retries of a 429, 5xx or network failure (0: none)")
	noRobots := fs.Bool("no-robots", false, "ignore robots.txt (only for sites you own)")
	maxPages := fs.Int("max-pages", 0, "stop after this many pages (0: no limit)")
	quotes := fs.Bool("quotes", true, "attribute quotes to speakers")
	refresh := fs.Bool("refresh", false, "fetch finished pages again, conditionally (ETag, Last-Modified)")
	allowPrivate := fs.Bool("allow-private", true, "allow loopback and private addresses (your own machine and network)")
	denyPrivate := fs.Bool("deny-private", false, "refuse loopback, private and link-local addresses (the SSRF guard)")
	quiet := fs.Bool("quiet", false, "print only problems and the summary")
	sources, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	if len(sources) == 0 {
		fs.Usage()
		return 2
	}
	path, err := storePath(*storeFlag)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip collect: %v\n", err)
		return 1
	}
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip collect: %v\n", err)
		return 1
	}
	defer st.Close()

	retryCount := *retries
	if retryCount == 0 {
		retryCount = -1 // fetch.Options: zero means the default, negative none
	}
	cfg := collect.Config{
		Fetch: fetch.Options{
			UserAgent:          *userAgent,
			Timeout:            *timeout,
			MaxBytes:           *maxBytes,
			Retries:            retryCount,
			PerHostConcurrency: *perHost,
			PerHostDelay:       *delay,
			Concurrency:        *concurrency,
			ObeyRobots:         !*noRobots,
			AllowPrivate:       *allowPrivate && !*denyPrivate,
		},
		// WARC records are capped like responses.
		Source:    source.Options{MaxRecordBytes: *maxBytes},
		Workers:   *concurrency,
		MaxPages:  *maxPages,
		Refresh:   *refresh,
		Extractor: newsclip.New(newsclip.WithQuotes(*quotes)),
		Log:       stderr,
		Stdin:     stdin,
	}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		cfg.Bar = true
	} else if *quiet {
		cfg.Log = problemsOnly{stderr}
	}
	sum, err := collect.Run(ctx, cfg, sources, st)
	fmt.Fprintln(stderr, sum)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "newsclip collect: interrupted; run the same command again to resume")
			return 130
		}
		fmt.Fprintf(stderr, "newsclip collect: %v\n", err)
		return 1
	}
	return 0
}

// problemsOnly passes on the log lines that report problems.
type problemsOnly struct{ w io.Writer }

func (p problemsOnly) Write(b []byte) (int, error) {
	if len(b) >= 6 && string(b[:6]) == "error " {
		return p.w.Write(b)
	}
	return len(b), nil
}
