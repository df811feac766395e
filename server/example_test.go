package server_test

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/server"
	"github.com/newsclip/newsclip/store/sqlite"
)

// A server over a store: post a page to /v1/extract and read its quotes.
// In a program, call srv.ListenAndServe(ctx, "127.0.0.1:8080") instead of
// using httptest.
func Example() {
	dir, err := os.MkdirTemp("", "newsclip-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(filepath.Join(dir, "newsclip.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Extractor: newsclip.New(newsclip.WithQuotes(true))})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()

	page := `<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>
<p>"The valley will have water all year," said Lena Berg, the regional governor, at the opening on Monday.</p></article></body></html>`
	resp, err := http.Post(ts.URL+"/v1/extract", "text/html", strings.NewReader(page))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	var a struct {
		Headline string
		Quotes   []struct {
			Text    string
			Speaker struct{ Name string }
		}
	}
	if err := decodeJSON(resp, &a); err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, a.Headline)
	for _, q := range a.Quotes {
		fmt.Printf("%s: %s\n", q.Speaker.Name, q.Text)
	}
	// Output:
	// 200 Dam opens
	// Lena Berg: "The valley will have water all year,"
}

func decodeJSON(resp *http.Response, v any) error {
	return json.NewDecoder(resp.Body).Decode(v)
}
