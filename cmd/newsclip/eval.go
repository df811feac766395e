package main

import (
	"context"
	"fmt"
	"io"
)

// TODO(owner of this file): replace this placeholder with the real command.
func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "newsclip eval: not built yet")
	return 1
}
