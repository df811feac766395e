package main

import (
	"bytes"
	"testing"
)

func TestWriteJSON(t *testing.T) {
	v := map[string]string{"text": "Q&A <live>"}
	for _, tt := range []struct {
		compact bool
		want    string
	}{
		{true, "{\"text\":\"Q&A <live>\"}\n"},
		{false, "{\n  \"text\": \"Q&A <live>\"\n}\n"},
	} {
		var b bytes.Buffer
		if err := writeJSON(&b, v, tt.compact); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("compact=%v: %q, want %q", tt.compact, b.String(), tt.want)
		}
	}
}
