package main

import (
	"flag"
	"fmt"
	"io"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		pos  string
		code int
		json bool
	}{
		{[]string{"a", "b"}, "[a b]", -1, false},
		{[]string{"--json", "a"}, "[a]", -1, true},
		{[]string{"a", "--json", "b"}, "[a b]", -1, true},
		{[]string{"a", "-", "b"}, "[a - b]", -1, false},
		{[]string{"a", "--", "-x", "--json"}, "[a -x --json]", -1, false},
		{[]string{"--", "-x", "-y"}, "[-x -y]", -1, false},
		{[]string{"a", "-h"}, "[]", 0, false},
		{[]string{"a", "--nope"}, "[]", 2, false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		asJSON := fs.Bool("json", false, "")
		pos, code := parseArgs(fs, tt.args)
		if fmt.Sprint(pos) != tt.pos || code != tt.code || (code < 0 && *asJSON != tt.json) {
			t.Errorf("parseArgs(%q) = %v, %d (json %v); want %s, %d (json %v)", tt.args, pos, code, *asJSON, tt.pos, tt.code, tt.json)
		}
	}
}
