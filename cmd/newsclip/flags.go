package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// parseArgs parses flags that may come before, between or after the
// positional arguments ("extract a.html --format text b.html"); "-" alone
// is a positional (stdin) and everything after "--" is positional. It
// returns the positional arguments and -1, or the exit status when parsing
// stops: 0 for -h, 2 for a bad flag (the flag package has printed why).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0
			}
			return nil, 2
		}
		rest := fs.Args()
		// The flag package swallows a "--" that ends the flags: what
		// follows it is positional, whatever it looks like.
		if i := len(args) - len(rest); i > 0 && args[i-1] == "--" {
			return append(pos, rest...), -1
		}
		if len(rest) == 0 {
			return pos, -1
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlagSet makes the flag set of a command: errors and -h go to stderr,
// and its usage prints usage (the command line, what it does, and a
// "Flags:" line) then the flags' defaults.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}
