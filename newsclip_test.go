package newsclip_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/extract"
)

const page = `<!doctype html>
<html lang="en"><head><title>Harbour bridge reopens | Coast Gazette</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="Coast Gazette"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Mara Olsen</p>
<div class="article-body">
<p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the city said.</p>
<p>"We are glad to have it back," said Mayor Tom Berg, who drove across first with a bus of schoolchildren.</p>
<h2>What changed</h2>
<p>Engineers replaced the deck and the cables, and added a lane for bicycles along the east side.</p>
<div class="share-bar"><a href="https://facebook.com/x">Share on Facebook</a></div>
<p>The work cost 40 million crowns, slightly less than planned, and finished two weeks early.</p>
</div>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Ferry strike ends</a></li><li><a href="/b">New tram line</a></li></ul></aside>
<footer>© Coast Gazette. All rights reserved.</footer>
</body></html>`

func Example() {
	a, err := newsclip.Extract(strings.NewReader(page), "https://gazette.example/bridge")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range a.Body {
		fmt.Printf("%s: %s\n", b.Type, b.Text)
	}
	// Output:
	// paragraph: The harbour bridge reopened to traffic on Monday after eight months of repairs, the city said.
	// paragraph: "We are glad to have it back," said Mayor Tom Berg, who drove across first with a bus of schoolchildren.
	// heading: What changed
	// paragraph: Engineers replaced the deck and the cables, and added a lane for bicycles along the east side.
	// paragraph: The work cost 40 million crowns, slightly less than planned, and finished two weeks early.
}

func ExampleExtractor_ExtractBytes() {
	x := newsclip.New(newsclip.WithLinks(true), newsclip.WithTimeout(5*time.Second))
	html := `<html><body><main><p>Read the <a href="/report.pdf">full report</a> of the inquiry, published on Tuesday by the commission.</p></main></body></html>`
	a, err := x.ExtractBytes(context.Background(), []byte(html), "text/html; charset=utf-8", "https://example.org/news/1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Body[0].Links[0].Text, "->", a.Body[0].Links[0].URL)
	// Output:
	// full report -> https://example.org/report.pdf
}

func TestExtractHTMLAndOptions(t *testing.T) {
	ctx := context.Background()
	a, err := newsclip.New().Extract(ctx, strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	for _, bad := range []string{"Share on Facebook", "Ferry strike", "All rights reserved", "Home"} {
		if strings.Contains(body, bad) {
			t.Errorf("boilerplate %q in body:\n%s", bad, body)
		}
	}
	if !strings.Contains(body, "40 million crowns") {
		t.Errorf("story text missing:\n%s", body)
	}
	for _, b := range a.Body {
		if len(b.Links) > 0 {
			t.Errorf("links kept without WithLinks: %+v", b)
		}
	}
}

func TestExtractSniffsPlainText(t *testing.T) {
	text := "World / Europe\n\nHarbour bridge reopens\n\nThe bridge reopened on Monday, the city said.\n"
	a, err := newsclip.New().ExtractBytes(context.Background(), []byte(text), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if a == nil {
		t.Fatal("nil article")
	}
	// Plain text must not go through the HTML engine, which would keep it
	// as one paragraph with the section line inside.
	if strings.Contains(a.BodyText(), "<") {
		t.Errorf("plain text treated as HTML: %q", a.BodyText())
	}
}

func TestLimits(t *testing.T) {
	big := strings.Repeat("<p>word word word.</p>", 1000)
	_, err := newsclip.New(newsclip.WithMaxBytes(1000)).Extract(context.Background(), strings.NewReader(big), "")
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("max bytes: got %v, want ErrTooLarge", err)
	}
	_, err = newsclip.New().ExtractBytes(context.Background(), []byte("\x00\x01\x02binary\x00"), "", "")
	if !errors.Is(err, extract.ErrNotHTML) {
		t.Errorf("binary: got %v, want ErrNotHTML", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newsclip.New().ExtractBytes(ctx, []byte(page), "", ""); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	x := newsclip.New(newsclip.WithQuotes(true))
	want, err := x.ExtractBytes(context.Background(), []byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := x.ExtractBytes(context.Background(), []byte(page), "", "")
			if err != nil || a.BodyText() != want.BodyText() || len(a.Quotes) != len(want.Quotes) {
				errs <- fmt.Sprint("differs: ", err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if len(want.Quotes) == 0 {
		t.Errorf("WithQuotes: no quote attributed in %q", want.Text())
	}
	_ = article.Paragraph
}
