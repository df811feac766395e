package server

import (
	"fmt"
	"testing"
)

func TestInnermost(t *testing.T) {
	tests := []struct {
		in   []span
		want string
	}{
		{nil, "[]"},
		// Disjoint spans stay as they are.
		{[]span{{0, 5, 1}, {7, 9, 2}}, "[{0 5 1} {7 9 2}]"},
		// A quote nested at the end of another: the outer keeps its head.
		{[]span{{10, 50, 1}, {30, 50, 2}}, "[{10 30 1} {30 50 2}]"},
		// Nested in the middle: the outer is marked on both sides.
		{[]span{{0, 30, 1}, {10, 20, 2}}, "[{0 10 1} {10 20 2} {20 30 1}]"},
		// Crossing spans: the later start wins where they overlap.
		{[]span{{0, 20, 1}, {10, 30, 2}}, "[{0 10 1} {10 30 2}]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(innermost(tt.in)); got != tt.want && !(got == "[]" && tt.want == "[]") {
			t.Errorf("innermost(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
