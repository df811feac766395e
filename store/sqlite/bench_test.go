package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

// benchArticles is the size of the benchmark store; NEWSCLIP_BENCH_ARTICLES
// overrides it for a quick look.
func benchArticles(b *testing.B) int {
	n := 100000
	if v := os.Getenv("NEWSCLIP_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("NEWSCLIP_BENCH_ARTICLES=%q: want a positive number", v)
		}
	}
	return n
}

// benchBuilt is the store built by the first benchmark that needed one,
// shared by the others of the same run; TestMain removes its directory.
var benchBuilt struct {
	sync.Mutex
	dir, path string
}

// benchStore opens a store of n generated articles. It is built once per
// run in a temporary directory, or at $NEWSCLIP_BENCH_STORE and reused from
// there when it already holds n articles (building 100,000 takes minutes).
func benchStore(b *testing.B, n int) *Store {
	b.Helper()
	path := os.Getenv("NEWSCLIP_BENCH_STORE")
	if path == "" {
		benchBuilt.Lock()
		defer benchBuilt.Unlock()
		if benchBuilt.dir == "" {
			dir, err := os.MkdirTemp("", "newsclip-bench")
			if err != nil {
				b.Fatal(err)
			}
			benchBuilt.dir, benchBuilt.path = dir, filepath.Join(dir, "bench.db")
		}
		path = benchBuilt.path
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var have int
	s.r.QueryRow("SELECT count(*) FROM articles").Scan(&have)
	if have == n {
		return s
	}
	if have != 0 {
		b.Fatalf("%s holds %d articles, want 0 or %d", path, have, n)
	}
	start := time.Now()
	const batch = 1000
	ctx := context.Background()
	as := make([]*article.Article, 0, batch)
	fetched := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		as = append(as, genArticle(2024, i))
		if len(as) == batch || i == n-1 {
			if _, err := s.PutBatch(ctx, as, fetched.Add(time.Duration(i)*time.Second)); err != nil {
				b.Fatal(err)
			}
			as = as[:0]
		}
	}
	fi, _ := os.Stat(path)
	b.Logf("built %d articles in %v (%.0f articles/s), file %d MB", n, time.Since(start).Round(time.Second),
		float64(n)/time.Since(start).Seconds(), fi.Size()>>20)
	return s
}

// benchQueries mixes common and rare words, phrases, prefixes, OR, NOT,
// and every filter.
func benchQueries() []store.Query {
	mar := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	return []store.Query{
		{Text: "minister"},
		{Text: "inflation bank"},
		{Text: `"central bank"`},
		{Text: "vaccine OR outbreak"},
		{Text: "budget -tax"},
		{Text: "refug*"},
		{Text: "Paris summit"},
		{Text: "Monday"},
		{Text: genLexicon[5]},
		{Text: genLexicon[200]},
		{Text: genLexicon[5000]},
		{Text: genLexicon[20] + " " + genLexicon[40]},
		{Text: "election", Site: "wire.test"},
		{Text: "economy", Language: "fr"},
		{Text: "court", From: mar, To: mar.AddDate(0, 1, 0)},
		{Text: "strike", Speaker: "Olaf Scholz"},
		{Text: "sanctions", Limit: 20, Offset: 100},
		{Site: "daily.test"},
		{Speaker: "Li Wei"},
		{Language: "de", From: mar},
	}
}

// BenchmarkSearch reports the median (and 95th percentile) latency of
// Search over benchQueries on a store of 100,000 articles.
//
//	go test ./store/sqlite -run '^$' -bench BenchmarkSearch -benchtime 200x
func BenchmarkSearch(b *testing.B) {
	s := benchStore(b, benchArticles(b))
	qs := benchQueries()
	ctx := context.Background()
	var times []time.Duration
	hits := 0
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		t := time.Now()
		h, err := s.Search(ctx, q)
		times = append(times, time.Since(t))
		if err != nil {
			b.Fatal(err)
		}
		hits += len(h)
	}
	if hits == 0 {
		b.Fatal("no query found anything")
	}
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(times[len(times)/2]), "median-ms")
	b.ReportMetric(ms(times[len(times)*95/100]), "p95-ms")
}

// BenchmarkSearchEach gives each query's time, to find the slow ones.
func BenchmarkSearchEach(b *testing.B) {
	s := benchStore(b, benchArticles(b))
	ctx := context.Background()
	for i, q := range benchQueries() {
		b.Run(fmt.Sprintf("%02d", i), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPut is one article per transaction, the collector's path.
func BenchmarkPut(b *testing.B) {
	s := openTemp(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, _, err := s.Put(ctx, genArticle(77, i), t0); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkPutBatch stores 500 articles in one transaction into a fresh
// store (PutBatch, as an import does).
func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := openTemp(b)
		batch := make([]*article.Article, 500)
		for i := range batch {
			batch[i] = genArticle(2024, i)
		}
		b.StartTimer()
		if _, err := s.PutBatch(ctx, batch, t0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchRepeatedWord searches a store holding a page that repeats
// the query word 200,000 times (a hostile or broken page): the cost must
// stay linear in the page, not quadratic.
func BenchmarkSearchRepeatedWord(b *testing.B) {
	s := openTemp(b)
	ctx := context.Background()
	a := &article.Article{URL: "https://o.test/huge", Body: paragraphs(strings.Repeat("tugboat ", 200000))}
	if _, _, err := s.Put(ctx, a, t0); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Search(ctx, store.Query{Text: "tugboat"}); err != nil {
			b.Fatal(err)
		}
	}
}
