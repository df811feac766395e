package main

import (
	"context"
	"fmt"
	"io"
)

// runAttributionEval scores the attributor on a PolNeAR-style gold file
// (path to a .jsonl file or a folder holding gold_dev.jsonl). asJSON selects
// JSON output; worst lists the N worst articles.
// TODO(attribution helper): replace this placeholder.
func runAttributionEval(ctx context.Context, path string, asJSON bool, worst int, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "newsclip eval: attribution scoring not built yet")
	return 1
}
