package main

import (
	"context"
	"fmt"
	"io"
)

// TODO(owner of this file): replace this placeholder with the real command.
func runSearch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "newsclip search: not built yet")
	return 1
}
