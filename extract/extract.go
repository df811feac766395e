// Package extract turns the HTML of a news page into an article.Article:
// metadata plus the story body as ordered typed blocks, boilerplate left out.
package extract

import (
	"context"
	"errors"
	"time"

	"github.com/newsclip/newsclip/article"
)

// Options control extraction. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	Comments bool // keep reader comments in Article.Comments
	Images   bool // keep figures in the body
	Links    bool // keep hyperlinks in blocks
	// Limits: input bytes, element nesting depth, element count, wall time.
	MaxBytes int64
	MaxDepth int
	MaxNodes int
	Timeout  time.Duration
}

// DefaultOptions returns the defaults: figures kept, no comments, no links,
// 20 MB, depth 512, 1,000,000 elements, 10 s.
func DefaultOptions() Options {
	return Options{Images: true, MaxBytes: 20 << 20, MaxDepth: 512, MaxNodes: 1_000_000, Timeout: 10 * time.Second}
}

// Extract reads one HTML page (any charset; contentType is the HTTP
// Content-Type header or "") and returns its article. pageURL resolves
// relative links and may be empty.
func Extract(ctx context.Context, page []byte, contentType, pageURL string, opts Options) (*article.Article, error) {
	return nil, errors.New("extract: not built yet") // placeholder, replaced by the engine
}
