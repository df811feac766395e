package collect_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/collect"
	"github.com/newsclip/newsclip/source"
	"github.com/newsclip/newsclip/store/sqlite"
)

// benchPages finds the ScrapingHub pages (the full set when this machine
// has it, else the repository's shared copy in ../testdata/scrapinghub)
// and their URLs from the benchmark's ground truth.
func benchPages(b *testing.B) (dir string, urls map[string]string) {
	root := "/work/shared/bench/scrapinghub"
	if _, err := os.Stat(filepath.Join(root, "html")); err != nil {
		root = filepath.Join("..", "testdata", "scrapinghub")
	}
	raw, err := os.ReadFile(filepath.Join(root, "ground-truth.json"))
	if err != nil {
		b.Fatal(err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		b.Fatalf("%s: %v", root, err)
	}
	urls = make(map[string]string, len(truth))
	for k, v := range truth {
		urls[k] = v.URL
	}
	return filepath.Join(root, "html"), urls
}

// buildBenchWARC packs the pages into a gzip'd WARC file, as Common Crawl
// would hold them, and returns its path and the number of pages.
func buildBenchWARC(b *testing.B) (string, int) {
	dir, urls := benchPages(b)
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	n := 0
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".html")
		if !ok {
			continue
		}
		body, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		u := urls[name]
		if u == "" {
			u = "https://bench.example/" + name
		}
		h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
		if err := source.WriteResponse(w, u, date, 200, h, body, true); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return path, n
}

// BenchmarkWARCToStore runs a WARC file of real news pages through the
// whole pipeline: WARC reader, extraction with quote attribution, and the
// SQLite store with its fetch log. Each iteration starts a new store.
func BenchmarkWARCToStore(b *testing.B) {
	warc, n := buildBenchWARC(b)
	workers := runtime.GOMAXPROCS(0)
	cfg := collect.Config{
		Workers:   workers,
		Extractor: newsclip.New(newsclip.WithQuotes(true)),
	}
	ctx := context.Background()
	var stored int
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := sqlite.Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		before := cpuTime()
		sum, err := collect.Run(ctx, cfg, []string{warc}, st)
		cpu += cpuTime() - before
		if err != nil {
			b.Fatal(err)
		}
		if sum.Pages != n || sum.Stored+sum.Duplicates+sum.ErrorCount() < n {
			b.Fatalf("handled %d of %d pages: %v", sum.Pages, n, sum)
		}
		stored = sum.Stored
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	elapsed := b.Elapsed()
	pps := float64(n*b.N) / elapsed.Seconds()
	b.ReportMetric(pps, "pages/s")
	b.ReportMetric(pps/float64(workers), "pages/s/core")
	b.ReportMetric(float64(stored), "stored")
	// Pages per CPU-second of the process: a per-core figure that holds
	// up better than wall time on a machine shared with other work.
	b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "pages/cpu-s")
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
