package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe starts the command on a free port, asks it for its API
// document and a search, then stops it the way SIGTERM does (ctx).
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	code := make(chan int, 1)
	storePath := filepath.Join(t.TempDir(), "serve.db")
	go func() {
		code <- runServe(ctx, []string{"--store", storePath, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var base string
	for lines.Scan() {
		if _, after, ok := strings.Cut(lines.Text(), "listening on "); ok {
			base = strings.TrimSuffix(after, "/")
			break
		}
	}
	if base == "" {
		t.Fatal("the command never said where it listens")
	}
	go io.Copy(io.Discard, pr)

	resp, err := http.Get(base + "/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ OpenAPI string }
	err = json.NewDecoder(resp.Body).Decode(&doc)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || doc.OpenAPI == "" {
		t.Errorf("openapi: status %d, %v, %+v", resp.StatusCode, err, doc)
	}
	resp, err = http.Get(base + "/v1/articles?q=anything")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("search of an empty store: status %d", resp.StatusCode)
	}
	// The guard is on by default: a loopback URL is refused.
	resp, err = http.Post(base+"/v1/extract", "application/json", strings.NewReader(`{"url":"`+base+`/"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("loopback URL without --allow-private: status %d, want 422", resp.StatusCode)
	}

	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("exit status %d after shutdown", c)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
}

func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--addr", "nonsense"}, 2, "want HOST:PORT"},
		{[]string{"--bogus"}, 2, "flag provided but not defined"},
		{[]string{"extra"}, 2, "unexpected argument"},
		{[]string{"-h"}, 0, "--allow-private"},
		{[]string{"--store", "/nonexistent-dir/x/y.db", "--addr", "127.0.0.1:0"}, 1, "newsclip serve:"},
	} {
		var stderr strings.Builder
		c := runServe(context.Background(), tc.args, strings.NewReader(""), io.Discard, &stderr)
		if c != tc.code || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, c, stderr.String(), tc.code, tc.want)
		}
	}
}
