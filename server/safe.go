package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"runtime/debug"

	"github.com/newsclip/newsclip/article"
)

// errPanic marks an extraction that panicked.
var errPanic = errors.New("the extractor failed on this page (internal error)")

// safeExtractor turns a panic inside the extractor into an error, so that
// one hostile page fails its own request (500) or counts as one failed
// page of a job, and never takes the server down: a panic in a job's
// worker goroutine would end the process.
type safeExtractor struct {
	x   Extractor
	log *log.Logger
}

func (s safeExtractor) ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (a *article.Article, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Printf("extract %q: panic: %v\n%s", pageURL, v, debug.Stack())
			a, err = nil, fmt.Errorf("extract %s: %w: %v", pageURL, errPanic, v)
		}
	}()
	return s.x.ExtractBytes(ctx, page, contentType, pageURL)
}
