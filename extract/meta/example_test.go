package meta_test

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/extract/meta"
)

func ExampleExtract() {
	page := `<html lang="en"><head>
<title>Putin tells Macron West ignored concerns | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-01-28T19:05:00+03:00">
<meta name="author" content="By Jane Doe and John Smith">
</head><body><nav class="breadcrumb"><a href="/">Home</a> / <a href="/news">News</a> / <a href="/news/russia">Russia</a></nav></body></html>`
	doc, _ := html.Parse(strings.NewReader(page))
	var a article.Article
	meta.Extract(doc, "https://example.com/news/russia/1", &a)
	fmt.Println(a.Headline)
	fmt.Println(a.Section, a.Authors, a.Language)
	fmt.Println(a.Published.Time.Format("2006-01-02 15:04 -07:00"), a.Published.Source)
	// Output:
	// Putin tells Macron West ignored concerns
	// [News Russia] [Jane Doe John Smith] en
	// 2022-01-28 19:05 +03:00 opengraph
}

func ExampleParseDate() {
	t, ok := meta.ParseDate("Jan. 28, 2022 10:05 a.m. ET")
	fmt.Println(t.Format("2006-01-02T15:04:05Z07:00"), ok)
	// Output: 2022-01-28T10:05:00-05:00 true
}
