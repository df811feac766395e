// Command newsclip extracts news articles from web pages, attributes their
// quotes to speakers, collects pages into a searchable store and serves it.
//
// Run "newsclip help" for the list of subcommands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand. run returns the process exit status.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order "help" prints them. Each
// lives in its own file, thin over the packages it calls.
func commands() []command {
	return []command{
		{"extract", "extract articles from HTML or plain-text pages (files, URLs or -)", runExtract},
		{"quotes", "list the quotes of an article, or of a speaker across a store", runQuotes},
		{"eval", "score the extractor or the attributor on a gold set", runEval},
		{"collect", "collect pages, feeds, sitemaps and WARC files into a store", runCollect},
		{"search", "full-text search of a store", runSearch},
		{"export", "export a store as JSON Lines", runExport},
		{"serve", "serve the HTTP API and the web reader", runServe},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "newsclip: unknown command %q; run 'newsclip help'\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsclip: news pages in, structured stories and who-said-what out.")
	fmt.Fprintln(w, "\nUsage: newsclip COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'newsclip COMMAND -h' for the flags of a command.")
}
