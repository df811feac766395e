package extract

import (
	"context"
	"os"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary bytes and content types: Extract must not
// panic, must answer in bounded time, and must return valid UTF-8.
func FuzzExtract(f *testing.F) {
	f.Add([]byte(`<html><body><article><p>Hello, world. This is a story.</p></article></body></html>`), "")
	f.Add([]byte(`<div><p>a<br><br>b<table><tr><td>x<td>y</table><figure><img src=a><figcaption>c</figcaption></figure>`), "text/html; charset=utf-8")
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("<ul><li><ul><li><b><i><a href=x>deep"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte(""), "")
	if p, err := os.ReadFile(benchPagePath(goldenPages["lhpat-trademark-ja"])); err == nil {
		f.Add(p, "")
	}
	f.Fuzz(func(t *testing.T, page []byte, ct string) {
		opts := DefaultOptions()
		opts.Comments = true
		opts.Links = true
		opts.MaxDepth = 64
		opts.Timeout = 5 * time.Second
		a, err := Extract(context.Background(), page, ct, "https://example.org/a/b", opts)
		if err != nil {
			return
		}
		for _, s := range []string{a.Text(), a.Headline, a.Description} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
		for _, b := range a.Body {
			for _, l := range b.Links {
				if !utf8.ValidString(l.URL) || !utf8.ValidString(l.Text) {
					t.Fatalf("invalid UTF-8 link %q", l)
				}
			}
		}
	})
}
