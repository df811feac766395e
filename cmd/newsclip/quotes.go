package main

import (
	"context"
	"fmt"
	"io"
)

// TODO(owner of this file): replace this placeholder with the real command.
func runQuotes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "newsclip quotes: not built yet")
	return 1
}
