package sqlite_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/sqlite"
)

func ExampleOpen() {
	dir, err := os.MkdirTemp("", "newsclip-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := sqlite.Open(filepath.Join(dir, "news.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	ctx := context.Background()
	a := &article.Article{
		URL:      "https://example.com/2025/oil?ref=home",
		Headline: "Oil prices climb after output cut",
		Language: "en",
		Body:     []article.Block{{Type: article.Paragraph, Text: "Crude rose on Monday as producers agreed to cut output."}},
		Quotes: []article.Quote{{Text: "The cut is temporary.", Kind: article.Direct, Cue: "said",
			Speaker: &article.Entity{Name: "Amina Mohammed", Kind: article.Person}}},
	}
	fetched := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	id, isNew, _ := s.Put(ctx, a, fetched)
	_, again, _ := s.Put(ctx, a, fetched) // same URL: stored once
	fmt.Println(id, isNew, again)

	hits, err := s.Search(ctx, store.Query{Text: "crude output", Language: "en"})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range hits {
		fmt.Println(h.Headline, "|", h.Site, "|", h.Snippet)
	}
	quotes, _ := s.Quotes(ctx, "amina mohammed", "", 0, 0)
	fmt.Println(quotes[0].Quote.Text, quotes[0].FirstSeen.Format(time.DateOnly))
	// Output:
	// 1 true false
	// Oil prices climb after output cut | example.com | Crude rose on Monday as producers agreed to cut output.
	// The cut is temporary. 2025-03-01
}
