package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsclip/newsclip/extract"
	"github.com/newsclip/newsclip/fetch"
)

// input is one page as a command reads it: its bytes, the Content-Type
// they came with ("" for files and stdin) and the page URL.
type input struct {
	page        []byte
	contentType string
	url         string
}

// fetcher makes its fetch client when the first URL is read, so that
// commands reading only files make none.
type fetcher struct {
	opts   fetch.Options
	client *fetch.Client
}

func (f *fetcher) get(ctx context.Context, url string) (*fetch.Response, error) {
	if f.client == nil {
		f.client = fetch.New(f.opts)
	}
	return f.client.Get(ctx, url)
}

// loadInput reads one command-line input: an http(s) URL through f, "-"
// for stdin, or a file. pageURL is the URL given for a file or stdin.
func loadInput(ctx context.Context, f *fetcher, name string, stdin io.Reader, maxBytes int64, pageURL string) (input, error) {
	if isURL(name) {
		resp, err := f.get(ctx, name)
		if err != nil {
			return input{}, err
		}
		if resp.Status < 200 || resp.Status > 299 {
			return input{}, fmt.Errorf("fetch %s: HTTP status %d", name, resp.Status)
		}
		return input{resp.Body, resp.ContentType, resp.URL}, nil
	}
	page, err := readInput(name, stdin, maxBytes)
	if err != nil {
		return input{}, err
	}
	return input{page, "", pageURL}, nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func readInput(name string, stdin io.Reader, maxBytes int64) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", extract.ErrTooLarge, maxBytes)
	}
	return b, nil
}
