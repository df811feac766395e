package attribute

import "testing"

// TestPronounGender: "she" and "he" skip the nearest person when the text
// has told that person's gender (a given name, an honorific, a gendered
// role) and take the nearest person of the pronoun's gender instead.
func TestPronounGender(t *testing.T) {
	cases := []struct{ name, text, quote, speaker string }{
		{"given names",
			"Summit\n\nAngela Merkel and Emmanuel Macron met in Paris. Macron agreed to talk.\n\n“We have no choice,” she said.",
			"We have no choice", "Angela Merkel"},
		{"honorifics",
			"Summit\n\nMrs. Okafor met Mr. Lindqvist on Monday. Lindqvist spoke first.\n\n“It went well,” she said.",
			"It went well", "Okafor"},
		{"a gendered role",
			"Summit\n\nRiley Moss, a spokeswoman for the union, met Mr. Varga. Varga spoke first.\n\n“It went well,” she said.",
			"It went well", "Riley Moss"},
		{"the nearest person when the gender is unknown",
			"Summit\n\nRiley Moss met Alex Varga. Varga spoke first.\n\n“It went well,” she said.",
			"It went well", "Alex Varga"},
		{"a pronoun after the quotation takes the person who opens its sentence",
			"Summit\n\nMrs. Okafor spoke first.\n\nSen. Jane Lindqvist scolded him: “It went badly,” she said.",
			"It went badly", "Jane Lindqvist"},
		{"the writer is no antecedent",
			"Deal\n\nWhen the deal was struck, I immediately thought of Elise Matthesen. How would she feel about it?\n\n“It went well,” she said.",
			"It went well", "Elise Matthesen"},
		{"an unnamed person is the antecedent",
			"Probe\n\nMrs. Okafor opened the probe. An Acme spokesman said the company would cooperate.\n\n“It went well,” he said.",
			"It went well", "An Acme spokesman"},
		{"a possessor is the antecedent when the sentence names nobody else",
			"Summit\n\nAlex Varga spoke first.\n\nIt was under Mr. Ban's watch that the budget doubled.\n\n“It went well,” he said.",
			"It went well", "Ban"},
		{"a possessor after a possessive pronoun does not take over the topic",
			"Summit\n\nRiley Moss spoke first.\n\nHer grief over Alex Varga's death still shapes her work.\n\n“It went well,” she said.",
			"It went well", "Riley Moss"},
		{"an organisation that opens with U.N. is no person",
			"Summit\n\nMr. Ban spoke first. The assembly established U.N. Women on Monday.\n\n“It went well,” he said.",
			"It went well", "Ban"},
		{"a parliament is no person",
			"Summit\n\nMr. Ban spoke first. The minister addressed the European Parliament on Monday.\n\n“It went well,” he said.",
			"It went well", "Ban"},
		{"a country before a title is no person",
			"Match\n\nMr. Harper spoke first.\n\nNew Zealand skipper Tom Latham was more measured.\n\n“It went well,” he said.",
			"It went well", "Tom Latham"},
		{"he after a woman",
			"Summit\n\nMr. Lindqvist met Mrs. Okafor. Okafor spoke first.\n\n“It went well,” he said.",
			"It went well", "Lindqvist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Text(c.text, Options{})
			for _, q := range res.Quotes {
				if q.Text == "“"+c.quote+",”" {
					if q.Speaker == nil || q.Speaker.Name != c.speaker {
						t.Fatalf("speaker %+v, want %q", q.Speaker, c.speaker)
					}
					return
				}
			}
			t.Fatalf("no quote %q in %+v", c.quote, res.Quotes)
		})
	}
}
