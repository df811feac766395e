package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
)

// LoadPredictions reads a prediction file in the ScrapingHub format:
// {"<id>": {"articleBody": "..."}, ...}, or the same wrapped as
// {"output": {...}}. An entry without articleBody predicts "".
func LoadPredictions(path string) (map[string]string, error) {
	entries, err := readEntries(path)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(entries))
	for _, id := range slices.Sorted(maps.Keys(entries)) {
		var e struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(entries[id], &e); err != nil {
			return nil, fmt.Errorf("eval: %s: entry %s: %w", path, id, err)
		}
		out[id] = e.ArticleBody
	}
	return out, nil
}

// WritePredictions writes the predicted body text of every scored page of
// r in the ScrapingHub prediction format (keys sorted), so that other
// scorers, the benchmark's own included, can score them.
func WritePredictions(w io.Writer, r *Report) error {
	type entry struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url,omitempty"`
	}
	m := make(map[string]entry, len(r.Results))
	for _, p := range r.Results {
		m[p.ID] = entry{p.Predicted, p.URL}
	}
	return encodeIndented(w, m)
}
