package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// benchPages loads the Scrapinghub benchmark pages from /work/shared when
// present, else the repository's shared copy (../testdata/scrapinghub).
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	files, _ := filepath.Glob("/work/shared/bench/scrapinghub/html/*.html")
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(benchDir, "html", "*.html"))
	}
	var pages [][]byte
	for _, f := range files {
		p, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	return pages
}

func reportPages(b *testing.B, pages [][]byte) {
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	b.SetBytes(n / int64(len(pages)))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtract is the whole pipeline: decoding, guard, parse,
// metadata and body; one op is one page.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	opts := DefaultOptions()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(ctx, pages[i%len(pages)], "", "", opts); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, pages)
}

// BenchmarkBody is the body engine alone on parsed documents (no decode,
// no parse, no metadata).
func BenchmarkBody(b *testing.B) {
	pages := benchPages(b)
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		d, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	opts := DefaultOptions()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := newEngine(opts, func() bool { return false })
		e.build(docs[i%len(docs)])
		anc := e.score()
		c := e.choose()
		e.render(e.keep(c, anc), nil)
		e.release()
	}
	reportPages(b, pages)
}

// BenchmarkParseOnly is the floor: a bare html.Parse of the same pages.
func BenchmarkParseOnly(b *testing.B) {
	pages := benchPages(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := html.Parse(bytes.NewReader(pages[i%len(pages)])); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, pages)
}
