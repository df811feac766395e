package attribute

import (
	"testing"
)

// TestReportedSpans checks the content span of reported (indirect)
// attributions against the convention of attribution corpora (PARC,
// PolNeAR): the content is the attributed proposition, without its cue
// and source; "that" belongs to it, a narrator's comment after it does
// not. Sentences are made up.
func TestReportedSpans(t *testing.T) {
	cases := []struct {
		name, text    string
		cue, content  string
		speaker       string // mention text; "" = any
		absentContent bool   // no attribution with this cue
	}{
		{name: "object of urge with infinitive",
			text: "The mayor urged residents to stay indoors.",
			cue:  "urged", content: "residents to stay indoors", speaker: "The mayor"},
		{name: "object of encourage",
			text: "Mr. Dole is also encouraging his supporters to call their senators.",
			cue:  "encouraging", content: "his supporters to call their senators", speaker: "Mr. Dole"},
		{name: "tell with that keeps the addressee out",
			text: "The coach told reporters that the team was ready.",
			cue:  "told", content: "that the team was ready", speaker: "The coach"},
		{name: "trailing non-restrictive relative is the narrator's",
			text: "The senator questioned the health of Mr. Grant, who is 71.",
			cue:  "questioned", content: "the health of Mr. Grant", speaker: "The senator"},
		{name: "embedded relative stays",
			text: "The aide said Mr. Grant, who is 71, would run again.",
			cue:  "said", content: "Mr. Grant, who is 71, would run again", speaker: "The aide"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Text(c.text, Options{})
			var got []string
			for _, q := range res.Quotes {
				if q.Cue != c.cue {
					continue
				}
				got = append(got, q.Text)
				if q.Text != c.content {
					continue
				}
				if c.absentContent {
					t.Fatalf("unexpected attribution %q", q.Text)
				}
				if c.speaker != "" && (q.Speaker == nil || q.Speaker.Mention == nil || q.Speaker.Mention.Text != c.speaker) {
					t.Fatalf("speaker of %q: got %+v, want %q", q.Text, q.Speaker, c.speaker)
				}
				return
			}
			if !c.absentContent {
				t.Fatalf("cue %q: got contents %q, want %q", c.cue, got, c.content)
			}
		})
	}
}
