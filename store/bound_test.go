package store

import (
	"testing"
	"time"
)

func TestParseBound(t *testing.T) {
	tests := []struct {
		in       string
		end      bool
		want     time.Time
		wantsErr bool
	}{
		{"", false, time.Time{}, false},
		{"2025-01-31", false, time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC), false},
		{"2025-01-31", true, time.Date(2025, 1, 31, 23, 59, 59, 999999999, time.UTC), false},
		{"2025-01-31T10:00:00+02:00", true, time.Date(2025, 1, 31, 8, 0, 0, 0, time.UTC), false},
		{"31/01/2025", false, time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseBound(tt.in, tt.end)
		if (err != nil) != tt.wantsErr || !got.Equal(tt.want) {
			t.Errorf("ParseBound(%q, %v) = %v, %v; want %v", tt.in, tt.end, got, err, tt.want)
		}
	}
}
