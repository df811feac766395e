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

// A Title Case headline is no source of full names: "Republicans Are
// Following Trump" must not become the canonical name of "Trump".
func TestTitleCaseHeadlineIsNoName(t *testing.T) {
	text := "Republicans Are Following Trump to Nowhere\n\n\"The governor has done a wonderful job,\" Trump tweeted on Monday.\n"
	res := Text(text, Options{})
	if len(res.Quotes) == 0 || res.Quotes[0].Speaker == nil {
		t.Fatalf("no attributed quote: %+v", res.Quotes)
	}
	if got := res.Quotes[0].Speaker.Name; got != "Trump" {
		t.Errorf("speaker %q, want %q", got, "Trump")
	}
}
