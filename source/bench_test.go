package source

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkWARCRead reads a gzip'd WARC file of the ScrapingHub pages
// (when this machine has them; else of generated pages): the source's own
// share of a WARC collection.
func BenchmarkWARCRead(b *testing.B) {
	var pages [][]byte
	files, _ := filepath.Glob("/work/shared/bench/scrapinghub/html/*.html")
	for _, f := range files {
		if body, err := os.ReadFile(f); err == nil {
			pages = append(pages, body)
		}
	}
	if len(pages) == 0 {
		for i := 0; i < 100; i++ {
			pages = append(pages, bytes.Repeat([]byte("<p>A paragraph of a generated news story.</p>\n"), 500))
		}
	}
	var buf bytes.Buffer
	var size int64
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range pages {
		WriteResponse(&buf, "https://bench.example/page", date, 200, http.Header{"Content-Type": {"text/html"}}, p, true)
		size += int64(len(p))
	}
	data := buf.Bytes()
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		for p, err := range WARCReader(bytes.NewReader(data), "bench", Options{}).Pages(context.Background()) {
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Body) > 0 {
				n++
			}
		}
		if n != len(pages) {
			b.Fatalf("%d of %d pages", n, len(pages))
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
