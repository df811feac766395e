package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/attribute"
	"github.com/newsclip/newsclip/store/sqlite"
)

func TestQuotesCommand(t *testing.T) {
	const seed = "../../testdata/examples/presstv-putin-macron.txt"
	var out, errb bytes.Buffer
	if code := runQuotes(context.Background(), []string{seed, "--published", "2022-01-28"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res struct {
		Quotes []struct {
			Text    string `json:"text"`
			Speaker *struct {
				Name string `json:"name"`
			} `json:"speaker"`
		} `json:"quotes"`
		Speakers []struct {
			Name   string `json:"name"`
			Quotes []int  `json:"quotes"`
		} `json:"speakers"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(res.Quotes) < 15 || len(res.Speakers) < 5 {
		t.Fatalf("%d quotes, %d speakers", len(res.Quotes), len(res.Speakers))
	}

	// Table from stdin, cut to the width asked.
	out.Reset()
	in := strings.NewReader("Headline\n\n\"We will win this time, whatever they say about it,\" Jane Smith said.\n")
	if code := runQuotes(context.Background(), []string{"--format", "table", "--width", "60", "-"}, in, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "Jane Smith") || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("table:\n%s", out.String())
	}

	// HTML goes through the extractor.
	out.Reset()
	page := `<html><head><title>T</title></head><body><article><h1>Plan will fail, Smith tells Doe</h1>
<p>Jane Smith met John Doe on Friday in the capital, where the two spoke for an hour about the budget.</p>
<p>"We will talk again next week, and the week after that," Smith said after the meeting.</p></article></body></html>`
	if code := runQuotes(context.Background(), []string{"-"}, strings.NewReader(page), &out, &errb); code != 0 {
		t.Fatalf("html exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "We will talk again") {
		t.Errorf("html quote missing:\n%s", out.String())
	}

	for _, args := range [][]string{{}, {"--format", "xml", seed}, {"--store", "x.db"}, {"a", "b"}} {
		if code := runQuotes(context.Background(), args, nil, &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestQuotesFromStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "store.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i, day := range []int{20, 10} { // stored newest first
		a := &article.Article{URL: fmt.Sprintf("https://example.com/%d", i), Headline: fmt.Sprintf("Story %d", i),
			Published: &article.Stamp{Time: time.Date(2022, 1, day, 0, 0, 0, 0, time.UTC)},
			Body:      []article.Block{{Type: article.Paragraph, Text: fmt.Sprintf("\"Statement number %d,\" Jane Smith said.", day)}}}
		attribute.Article(a, attribute.Options{})
		if _, _, err := st.Put(ctx, a, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	var out, errb bytes.Buffer
	if code := runQuotes(ctx, []string{"--store", path, "--speaker", "Jane Smith", "--format", "table"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], "2022-01-10") || !strings.Contains(lines[2], "Statement number 20") {
		t.Fatalf("want two quotes oldest first:\n%s", out.String())
	}
}
