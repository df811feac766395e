//go:build !nonewsclip

package peers

import (
	"context"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/bench/internal/harness"
)

// newsclipTool calls the root API the way a user would: one Extractor with
// default options, the page bytes (already UTF-8) with no Content-Type,
// and the body text that benchmarks score. Build with -tags nonewsclip to
// compare the peers alone while the root package does not build.
func newsclipTool() (harness.Tool, bool) {
	x := newsclip.New()
	return harness.Tool{
		Name:   "newsclip",
		Module: "github.com/newsclip/newsclip",
		Note:   `New().ExtractBytes(ctx, page, "", url); BodyText()`,
		Extract: func(ctx context.Context, p *harness.Page) (string, error) {
			a, err := x.ExtractBytes(ctx, p.HTML, "", p.URL)
			if err != nil {
				return "", err
			}
			return a.BodyText(), nil
		},
	}, true
}
