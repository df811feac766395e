package store

import (
	"fmt"
	"strings"
	"time"
)

// ParseBound reads a bound of Query.From or Query.To as the command line
// and the HTTP API take it: an RFC 3339 time, or a date YYYY-MM-DD in UTC.
// A date given as the upper bound (end) means the last instant of that
// day, so that To 2025-01-31 keeps the articles of the 31st. An empty
// string is the zero time: no bound.
func ParseBound(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", s)
	}
	if end {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t, nil
}
