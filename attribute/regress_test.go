package attribute

import "testing"

// A preposition directly followed by "that" after a cue once sliced the
// text backwards ("said in that ...") and panicked.
func TestCuePrepositionThat(t *testing.T) {
	for _, text := range []string{
		"Smith said in that case the agency would wait for the budget.",
		"The senator said on that the plan would fail.",
	} {
		res := Text(text, Options{})
		for _, q := range res.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Errorf("%q: quote offsets %d..%d out of range", text, q.Start, q.End)
			}
		}
	}
}
