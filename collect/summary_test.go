package collect

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/newsclip/newsclip/fetch"
)

func TestSummaryString(t *testing.T) {
	s := Summary{Sources: 2, Pages: 10, Fetched: 11, Stored: 6, Duplicates: 1, Finished: 3, NonHTML: 1, Archived: 2,
		Errors: map[string]int{"timeout": 1, "http-4xx": 2}, Elapsed: 2 * time.Second}
	want := "collected 10 pages from 2 sources in 2s (5.0 pages/s): fetched 11, stored 6, duplicates 1, unchanged 0, already finished 3, skipped non-HTML 1, skipped archived redirects and errors 2, errors 3\n" +
		"  http-4xx   2\n" +
		"  timeout    1"
	if got := s.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if (Summary{}).PagesPerSecond() != 0 {
		t.Error("rate of an empty summary")
	}
}

func TestErrorKind(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("fetch x: %w", fetch.ErrRobots), "robots"},
		{fmt.Errorf("fetch x: %w: %w", fetch.ErrRobots, fetch.ErrBlocked), "blocked"},
		{fmt.Errorf("fetch x: %w", fetch.ErrTooLarge), "too-large"},
		{fmt.Errorf("fetch x: %w", fetch.ErrLoop), "redirect"},
		{fmt.Errorf("fetch x: %w", fetch.ErrRedirects), "redirect"},
		{fmt.Errorf("fetch x: %w", fetch.ErrScheme), "bad-url"},
		{fmt.Errorf("fetch x: timed out after 1s: %w", context.DeadlineExceeded), "timeout"},
		{errors.New("connection refused"), "network"},
	}
	for _, tt := range tests {
		if got := errorKind(tt.err); got != tt.want {
			t.Errorf("errorKind(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
