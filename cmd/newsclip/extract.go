package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/extract"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/render"
)

// runExtract is "newsclip extract [flags] FILE|URL|- ...".
func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("extract", extractUsage, stderr)
	def := extract.DefaultOptions()
	format := fs.String("format", "json", "output format: json, text or markdown")
	comments := fs.Bool("comments", false, "keep reader comments")
	images := fs.Bool("images", true, "keep figures (images with caption and credit)")
	links := fs.Bool("links", false, "keep the hyperlinks of each block")
	quotes := fs.Bool("quotes", false, "attribute quotes to speakers")
	maxBytes := fs.Int64("max-bytes", def.MaxBytes, "largest page accepted, in bytes")
	maxDepth := fs.Int("max-depth", def.MaxDepth, "deepest element nesting kept as structure")
	timeout := fs.Duration("timeout", def.Timeout, "time limit for one input (fetch and extraction)")
	pageURL := fs.String("url", "", "page URL of a file or stdin input (resolves relative links)")
	inputs, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	if len(inputs) == 0 {
		fs.Usage()
		return 2
	}
	switch *format {
	case "json", "text", "markdown", "md":
	default:
		fmt.Fprintf(stderr, "newsclip extract: unknown --format %q (json, text or markdown)\n", *format)
		return 2
	}
	x := newsclip.New(newsclip.WithComments(*comments), newsclip.WithImages(*images), newsclip.WithLinks(*links),
		newsclip.WithQuotes(*quotes), newsclip.WithMaxBytes(*maxBytes), newsclip.WithMaxDepth(*maxDepth),
		newsclip.WithTimeout(*timeout))
	web := &fetcher{opts: fetch.Options{MaxBytes: *maxBytes, Timeout: *timeout}}
	status := 0
	written := 0
	for _, in := range inputs {
		a, err := func() (*article.Article, error) {
			ictx, cancel := context.WithTimeout(ctx, *timeout)
			defer cancel()
			in, err := loadInput(ictx, web, in, stdin, *maxBytes, *pageURL)
			if err != nil {
				return nil, err
			}
			return x.ExtractBytes(ictx, in.page, in.contentType, in.url)
		}()
		if err != nil {
			fmt.Fprintf(stderr, "newsclip extract: %s: %v\n", in, err)
			status = 1
			continue
		}
		if len(inputs) > 1 {
			a.Input = in
		}
		if err := writeArticle(stdout, a, *format, len(inputs) > 1, written); err != nil {
			fmt.Fprintf(stderr, "newsclip extract: write: %v\n", err)
			return 1
		}
		written++
	}
	return status
}

// writeArticle writes one article. JSON: indented for a single input, one
// line per input for several. Text and Markdown: inputs after the first
// are preceded by a separator naming the input.
func writeArticle(w io.Writer, a *article.Article, format string, many bool, n int) error {
	switch format {
	case "json":
		return writeJSON(w, a, many)
	}
	var buf bytes.Buffer
	if many {
		if n > 0 {
			buf.WriteByte('\n')
		}
		if format == "text" {
			fmt.Fprintf(&buf, "==== %s ====\n\n", a.Input)
		} else {
			fmt.Fprintf(&buf, "<!-- newsclip: %s -->\n\n", strings.ReplaceAll(a.Input, "--", "-\u200b-"))
		}
	}
	var err error
	if format == "text" {
		err = render.Text(&buf, a)
	} else {
		err = render.Markdown(&buf, a)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

const extractUsage = `Usage: newsclip extract [flags] FILE|URL|- ...

Extracts the article of each input (HTML or plain text). One input prints one JSON
object; several print JSON Lines in input order, each with "input" set.

Flags:
`
