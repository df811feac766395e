package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/sqlite"
)

// runSearch is "newsclip search [flags] QUERY": full-text search of a store.
func runSearch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("search", searchUsage, stderr)
	storePath := fs.String("store", "", "store file (default "+defaultStoreHint+")")
	site := fs.String("site", "", "only articles from this site or its subdomains (example.com)")
	from := fs.String("from", "", "only articles published on or after this date (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only articles published on or before this date (YYYY-MM-DD: the whole day)")
	lang := fs.String("lang", "", "only articles in this language (en also finds en-GB)")
	speaker := fs.String("speaker", "", "only articles quoting this speaker (canonical name, any case)")
	limit := fs.Int("limit", sqlite.DefaultLimit, "number of results")
	offset := fs.Int("offset", 0, "results to skip (for paging)")
	asJSON := fs.Bool("json", false, "print the hits as a JSON array")
	pos, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	q := store.Query{Text: strings.Join(pos, " "), Site: *site, Language: *lang, Speaker: *speaker,
		Limit: *limit, Offset: *offset}
	var err error
	if q.From, err = store.ParseBound(*from, false); err != nil {
		fmt.Fprintf(stderr, "newsclip search: --from: %v\n", err)
		return 2
	}
	if q.To, err = store.ParseBound(*to, true); err != nil {
		fmt.Fprintf(stderr, "newsclip search: --to: %v\n", err)
		return 2
	}
	if *limit < 1 || *limit > sqlite.MaxLimit || *offset < 0 {
		fmt.Fprintf(stderr, "newsclip search: --limit must be 1 to %d and --offset 0 or more\n", sqlite.MaxLimit)
		return 2
	}
	s, err := openExistingStore(*storePath)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip search: %v\n", err)
		return 1
	}
	defer s.Close()
	hits, err := s.Search(ctx, q)
	if errors.Is(err, store.ErrNoWords) {
		fmt.Fprintf(stderr, "newsclip search: %q: %v\n", q.Text, store.ErrNoWords)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsclip search: %v\n", err)
		return 1
	}
	if *asJSON {
		if err := writeJSON(stdout, hits, false); err != nil {
			fmt.Fprintf(stderr, "newsclip search: %v\n", err)
			return 1
		}
		return 0
	}
	if len(hits) == 0 {
		fmt.Fprintln(stderr, "no results")
		return 0
	}
	for i, h := range hits {
		printHit(stdout, *offset+i+1, h)
	}
	return 0
}

// printHit writes one hit for people: headline, then site, date and URL,
// then the snippet.
func printHit(w io.Writer, n int, h store.Hit) {
	headline := h.Headline
	if headline == "" {
		headline = "(no headline)"
	}
	fmt.Fprintf(w, "%d. %s\n", n, headline)
	var meta []string
	if h.Site != "" {
		meta = append(meta, h.Site)
	}
	if h.Published != nil {
		meta = append(meta, h.Published.Format("2006-01-02"))
	}
	if h.URL != "" {
		meta = append(meta, h.URL)
	}
	if len(meta) > 0 {
		fmt.Fprintf(w, "   %s\n", strings.Join(meta, "  "))
	}
	if sn := strings.Join(strings.Fields(h.Snippet), " "); sn != "" {
		fmt.Fprintf(w, "   %s\n", sn)
	}
	fmt.Fprintln(w)
}

const defaultStoreHint = "$XDG_DATA_HOME/newsclip/newsclip.db or ~/.local/share/newsclip/newsclip.db"

// storePath is the --store value, or store.DefaultPath when it is empty.
func storePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return store.DefaultPath()
}

// openExistingStore opens the store for reading commands: a missing file
// is an error (opening would create an empty store and find nothing).
func openExistingStore(flagValue string) (*sqlite.Store, error) {
	p, err := storePath(flagValue)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s (collect some pages first, or give --store)", p)
		}
		return nil, err
	}
	return sqlite.Open(p)
}

const searchUsage = `Usage: newsclip search [flags] QUERY

Searches headlines and bodies, best matches first. QUERY words must all
match; "a phrase" matches words in order; word* matches a prefix; a OR b
matches either; -word excludes. Other punctuation is ignored. With no
QUERY, lists the articles that pass the filters, newest first.

Flags:
`
