package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/server"
	"github.com/newsclip/newsclip/store/sqlite"
)

// runServe serves the HTTP API and the web reader over a store until ctx
// is cancelled (SIGINT, SIGTERM), then shuts down gracefully.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", serveUsage, stderr)
	storeFlag := fs.String("store", "", "store file (default "+defaultStoreHint+")")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port)")
	allowPrivate := fs.Bool("allow-private", false, "let the server fetch URLs on loopback, private, link-local and metadata addresses (unsafe when others can reach it)")
	logRequests := fs.Bool("log-requests", false, "log every request to stderr")
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body accepted, in bytes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "newsclip serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		fmt.Fprintf(stderr, "newsclip serve: --addr %q: want HOST:PORT\n", *addr)
		return 2
	}
	path, err := storePath(*storeFlag)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip serve: %v\n", err)
		return 1
	}
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip serve: %v\n", err)
		return 1
	}
	defer st.Close()
	cfg := server.Config{
		Store:        st,
		Extractor:    newsclip.New(newsclip.WithQuotes(true)),
		AllowPrivate: *allowPrivate,
		MaxBodyBytes: *maxBody,
		Log:          stderr,
	}
	if *logRequests {
		cfg.AccessLog = stderr
	}
	srv, err := server.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "newsclip serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "newsclip serve: store %s, listening on http://%s/\n", path, ln.Addr())
	if *allowPrivate {
		fmt.Fprintln(stderr, "newsclip serve: --allow-private: URLs on private and loopback addresses will be fetched")
	}
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "newsclip serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stderr, "newsclip serve: stopped")
	return 0
}

const serveUsage = `Usage: newsclip serve [--store FILE] [--addr HOST:PORT] [--allow-private]

Serves the JSON API under /v1 (see /v1/openapi.json) and the web reader at /.
`
