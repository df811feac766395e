package sqlite

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega."
	tests := []struct {
		name, text, query, want string
	}{
		{"short text, whole", "Crude rose on Monday.", "crude", "Crude rose on Monday."},
		{"no query: the start", long + " More words here.", "", "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega.…"},
		{"match late: cut before, context kept", strings.Repeat("filler ", 40) + "the harbour master said so. " + strings.Repeat("tail ", 40),
			"harbour", "…filler filler filler the harbour master said so. tail tail tail tail tail tail tail tail tail tail tail tail tail tail tail tail…"},
		{"densest window wins", "oil " + strings.Repeat("x ", 40) + "oil prices oil prices " + strings.Repeat("y ", 40), "oil prices",
			"…x x x x oil prices oil prices y y y y y y y y y y y y y y y y…"},
		{"diacritics and case folded", strings.Repeat("w ", 30) + "Le PÉTROLE grimpe", "petrole", "…w w w w w w w w w w w w w w w w w w w w w Le PÉTROLE grimpe"},
		{"prefix", strings.Repeat("w ", 30) + "refugees arrive", "refug*", "…w w w w w w w w w w w w w w w w w w w w w w refugees arrive"},
		{"phrase needs its words in order", "bank central " + strings.Repeat("w ", 30) + "central bank", `"central bank"`, "…w w w w w w w w w w w w w w w w w w w w w w central bank"},
		{"excluded words are not sought", "tax " + strings.Repeat("w ", 30) + "budget", "budget -tax", "…w w w w w w w w w w w w w w w w w w w w w w w budget"},
		{"empty text", "", "oil", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var terms []snippetTerm
			if tt.query != "" {
				q, err := parseQuery(tt.query)
				if err != nil {
					t.Fatal(err)
				}
				terms = q.terms
			}
			if got := snippet(tt.text, terms); got != tt.want {
				t.Errorf("snippet = %q\nwant      %q", got, tt.want)
			}
		})
	}
}

// BenchmarkSnippetHostile is a body repeating the query word: linear, where
// FTS5's snippet() was quadratic (seconds at 20,000 repeats).
func BenchmarkSnippetHostile(b *testing.B) {
	text := strings.Repeat("tugboat ", 20000)
	q, _ := parseQuery("tugboat")
	for b.Loop() {
		snippet(text, q.terms)
	}
}
