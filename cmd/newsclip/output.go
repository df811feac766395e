package main

import (
	"encoding/json"
	"io"
)

// writeJSON writes v as indented JSON, or as one line when compact (JSON
// Lines). Every command writes JSON this way, so that "&", "<" and ">" in
// article text come out as themselves, not as \u0026 escapes.
func writeJSON(w io.Writer, v any, compact bool) error {
	enc := json.NewEncoder(w)
	if !compact {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
