// Package benchtest writes small benchmark folders in the ScrapingHub
// layout (html/<id>.html plus ground-truth.json) for the bench module's
// tests.
package benchtest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Page is one page of a test folder.
type Page struct {
	ID   string // 64 hex digits, as in the benchmark; see ID
	URL  string
	HTML []byte
	Body string // expected article body
}

// ID makes a benchmark-style identifier from a small number.
func ID(n int) string { return fmt.Sprintf("%064x", n) }

// Write creates the folder under t.TempDir and returns its path.
func Write(t testing.TB, pages []Page) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	gt := map[string]map[string]string{}
	for _, p := range pages {
		gt[p.ID] = map[string]string{"articleBody": p.Body, "url": p.URL}
		if err := os.WriteFile(filepath.Join(dir, "html", p.ID+".html"), p.HTML, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := json.Marshal(gt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Article builds a news-like page: navigation, a headline, the given
// paragraphs inside <article>, a related-links box and a footer. Its
// expected body is the paragraphs joined by blank lines.
func Article(n int, paragraphs ...string) Page {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story ` + fmt.Sprint(n) + `</title></head><body>`)
	sb.WriteString(`<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe today</a></nav>`)
	sb.WriteString(`<main><article><h1>Council approves the new harbour bridge</h1>`)
	for _, p := range paragraphs {
		sb.WriteString("<p>" + p + "</p>")
	}
	sb.WriteString(`</article><aside class="related"><h3>Related</h3><ul><li><a href="/a">Weather warning for the weekend</a></li><li><a href="/b">Ten best cafes in town</a></li></ul></aside></main>`)
	sb.WriteString(`<footer class="site-footer"><p>Copyright 2024 Example Media. All rights reserved. Privacy policy. Terms of use.</p></footer></body></html>`)
	return Page{
		ID:   ID(n),
		URL:  fmt.Sprintf("https://news.example.com/2024/05/story-%d", n),
		HTML: []byte(sb.String()),
		Body: strings.Join(paragraphs, "\n\n"),
	}
}

// Paragraphs are long enough, with commas, for every readability-style
// scorer to take them as content.
var Paragraphs = []string{
	"The city council voted on Tuesday evening to approve the construction of a new bridge across the harbour, ending a debate that has divided residents, business owners and environmental groups for more than a decade.",
	"Supporters say the bridge will cut commuting times by half, relieve congestion on the old ferry route, and bring new visitors to the shops and restaurants along the waterfront, which have struggled since the pandemic.",
	"Opponents, including several local fishing cooperatives, argue that the pillars will disturb the seabed, harm the spawning grounds of local fish, and change the currents that small boats depend on to reach the open sea.",
	"Construction is expected to begin next spring and to take about four years, according to the engineering firm that won the tender, which said the final cost would be announced after a detailed survey of the harbour floor.",
}
