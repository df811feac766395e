package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkExtractHandler is one POST /v1/extract of a small page through
// the handler (no network): extraction, attribution and JSON encoding.
func BenchmarkExtractHandler(b *testing.B) {
	e := newEnv(b, Config{})
	b.SetBytes(int64(len(newsPage)))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/extract?url=https://valley.example/bridge", strings.NewReader(newsPage))
		req.Header.Set("Content-Type", "text/html")
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

// BenchmarkSearchHandler is one GET /v1/articles full-text search.
func BenchmarkSearchHandler(b *testing.B) {
	e := newEnv(b, Config{})
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, httptest.NewRequest("GET", "/v1/articles?q=harbour&limit=20", nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

// BenchmarkArticlePage renders the reader's article page.
func BenchmarkArticlePage(b *testing.B) {
	e := newEnv(b, Config{})
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, httptest.NewRequest("GET", "/articles/1", nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
