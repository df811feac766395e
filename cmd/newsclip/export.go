package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsclip/newsclip/store"
)

// runExport is "newsclip export --format jsonl [--store FILE]": every stored
// article, one JSON object per line ({"id", "story", "fetched_at",
// "article"}), in ID order.
func runExport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", exportUsage, stderr)
	storeFlag := fs.String("store", "", "store file (default "+defaultStoreHint+")")
	format := fs.String("format", "jsonl", "output format: jsonl (one stored article per line)")
	pos, code := parseArgs(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "newsclip export: unexpected argument %q\n", pos[0])
		return 2
	}
	if *format != "jsonl" {
		fmt.Fprintf(stderr, "newsclip export: unknown format %q (known: jsonl)\n", *format)
		return 2
	}
	s, err := openExistingStore(*storeFlag)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip export: %v\n", err)
		return 1
	}
	defer s.Close()
	bw := bufio.NewWriter(stdout)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err = s.Export(ctx, func(st *store.Stored) error {
		n++
		return enc.Encode(st)
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsclip export: after %d articles: %v\n", n, err)
		return 1
	}
	return 0
}

const exportUsage = "Usage: newsclip export [--format jsonl] [--store FILE]\n\nFlags:\n"
