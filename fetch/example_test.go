package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/newsclip/newsclip/fetch"
)

func ExampleClient_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<h1>Hello</h1>")
	}))
	defer srv.Close()

	// A test server is on loopback, which the SSRF guard refuses unless
	// AllowPrivate is set.
	c := fetch.New(fetch.Options{AllowPrivate: true, ObeyRobots: true})
	resp, err := c.Get(context.Background(), srv.URL+"/story")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status, resp.ContentType, string(resp.Body))
	// Output: 200 text/html; charset=utf-8 <h1>Hello</h1>
}
