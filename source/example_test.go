package source_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsclip/newsclip/source"
)

func ExampleSniff() {
	fmt.Println(source.Sniff([]byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)))
	fmt.Println(source.Sniff([]byte(`<rss version="2.0"><channel>`)))
	fmt.Println(source.Sniff([]byte("# today\nhttps://news.example/a\n")))
	// Output:
	// sitemap
	// feed
	// list
}

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	list := filepath.Join(dir, "urls.txt")
	os.WriteFile(list, []byte("# two stories\nhttps://news.example/a\nhttps://news.example/b\n"), 0o644)

	src, err := source.Open(context.Background(), list, source.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for page, err := range src.Pages(context.Background()) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(page.URL)
	}
	// Output:
	// https://news.example/a
	// https://news.example/b
}
