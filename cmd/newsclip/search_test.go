package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/sqlite"
)

// searchTestStore writes a small store and returns its path.
func searchTestStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := func(d int) *article.Stamp {
		return &article.Stamp{Time: time.Date(2025, 1, d, 9, 0, 0, 0, time.UTC), Source: "test"}
	}
	para := func(s string) []article.Block { return []article.Block{{Type: article.Paragraph, Text: s}} }
	arts := []*article.Article{
		{URL: "https://www.herald.test/oil", Headline: "Oil prices climb", Language: "en", Published: day(5),
			Body: para("Crude rose on Monday as producers cut output."),
			Quotes: []article.Quote{{Text: "The cut is temporary.", Kind: article.Direct, Cue: "said",
				Speaker: &article.Entity{Name: "Amina Mohammed", Kind: article.Person}}}},
		{URL: "https://journal.test/petrole", Headline: "Le pétrole grimpe", Language: "fr", Published: day(6),
			Body: para("Les prix du pétrole, oil in English, ont augmenté.")},
		{URL: "https://daily.test/storm", Headline: "Storm warning", Language: "en", Published: day(31),
			Body: para("Oil rigs were evacuated before the storm.")},
	}
	for i, a := range arts {
		if _, _, err := s.Put(context.Background(), a, time.Date(2025, 2, 1, 0, i, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestSearchCommand(t *testing.T) {
	path := searchTestStore(t)
	tests := []struct {
		name string
		args []string
		code int
		want []string // headlines in order, for --json runs
		out  string   // substring of stdout
		err  string   // substring of stderr
	}{
		{"all matches", []string{"--json", "oil"}, 0, []string{"Oil prices climb", "Storm warning", "Le pétrole grimpe"}, "", ""},
		{"flags after the query", []string{"oil", "--site", "herald.test", "--json"}, 0, []string{"Oil prices climb"}, "", ""},
		{"language", []string{"--json", "--lang", "fr", "oil"}, 0, []string{"Le pétrole grimpe"}, "", ""},
		{"date range, --to takes the whole day", []string{"--json", "--from", "2025-01-06", "--to", "2025-01-31", "oil"}, 0, []string{"Storm warning", "Le pétrole grimpe"}, "", ""},
		{"RFC 3339 dates", []string{"--json", "--to", "2025-01-05T09:00:00Z", "oil"}, 0, []string{"Oil prices climb"}, "", ""},
		{"speaker", []string{"--json", "--speaker", "amina mohammed", "oil"}, 0, []string{"Oil prices climb"}, "", ""},
		{"paging", []string{"--json", "--limit", "1", "--offset", "1", "oil"}, 0, []string{"Storm warning"}, "", ""},
		{"no query lists newest first", []string{"--json", "--lang", "en"}, 0, []string{"Storm warning", "Oil prices climb"}, "", ""},
		{"human output", []string{"evacuated"}, 0, nil,
			"1. Storm warning\n   daily.test  2025-01-31  https://daily.test/storm\n   Oil rigs were evacuated before the storm.\n", ""},
		{"no results", []string{"nothinglikethis"}, 0, nil, "", "no results"},
		{"hostile query is text", []string{"--json", `oil)`, "AND", `(`, "*", "--", "-"}, 0, []string{"Oil prices climb", "Storm warning", "Le pétrole grimpe"}, "", ""},
		{"no words", []string{"***", "()"}, 2, nil, "", "no words"},
		{"bad date", []string{"--from", "yesterday", "oil"}, 2, nil, "", "not a date"},
		{"bad limit", []string{"--limit", "0", "oil"}, 2, nil, "", "--limit"},
		{"missing store", []string{"--store", filepath.Join(t.TempDir(), "none.db"), "oil"}, 1, nil, "", "no store at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if !strings.Contains(strings.Join(args, " "), "--store") {
				args = append([]string{"--store", path}, args...)
			}
			var stdout, stderr bytes.Buffer
			code := runSearch(context.Background(), args, nil, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.out) || !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("stdout %q, stderr %q; want %q and %q in them", stdout.String(), stderr.String(), tt.out, tt.err)
			}
			if tt.want == nil {
				return
			}
			var hits []store.Hit
			if err := json.Unmarshal(stdout.Bytes(), &hits); err != nil {
				t.Fatalf("%v in %s", err, stdout.String())
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Headline)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSearchDefaultStore(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var stdout, stderr bytes.Buffer
	code := runSearch(context.Background(), []string{"oil"}, nil, &stdout, &stderr)
	want, _ := store.DefaultPath()
	if code != 1 || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and a message naming %s", code, stderr.String(), want)
	}
}
