package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/store"
)

// FuzzSearch: no query text, whatever its bytes, makes Search fail with
// anything but store.ErrNoWords (an FTS5 syntax error would be a bug), and
// ftsQuery is deterministic.
func FuzzSearch(f *testing.F) {
	s, _ := fixture(f)
	for _, seed := range []string{"oil", `"close election"`, "a OR b", "-x y", "evacu*", `NEAR(a b)`,
		`col:x`, `"`, `(`, `*`, "\x00", "oil\x00\"", `""""`, "- -- ---", "OR OR OR", "NOT NOT", `"a"*`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(context.Background(), store.Query{Text: q, Limit: 5})
		if err != nil && !errors.Is(err, store.ErrNoWords) {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) > 5 {
			t.Fatalf("Search(%q): %d hits over the limit", q, len(hits))
		}
		a, errA := ftsQuery(q)
		b, errB := ftsQuery(q)
		if a != b || (errA == nil) != (errB == nil) {
			t.Fatalf("ftsQuery(%q) not deterministic", q)
		}
		if errA == nil && a == "" {
			t.Fatalf("ftsQuery(%q) = empty query without error", q)
		}
	})
}

// FuzzSnippet: any text and query give a snippet without panicking, of at
// most SnippetWords words, made of the text's own words.
func FuzzSnippet(f *testing.F) {
	f.Add("Crude rose on Monday.", "crude")
	f.Add("Le PÉTROLE grimpe", "petrole*")
	f.Add("a\x00b \xff c", `"b c"`)
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, q string) {
		var terms []snippetTerm
		if p, err := parseQuery(q); err == nil {
			terms = p.terms
		}
		got := snippet(text, terms)
		if n := len(splitWords(got)); n > SnippetWords {
			t.Fatalf("snippet of %d words: %q", n, got)
		}
		for _, w := range strings.Fields(strings.ReplaceAll(got, "…", " ")) {
			if !strings.Contains(text, w) {
				t.Fatalf("snippet word %q not in the text", w)
			}
		}
	})
}
