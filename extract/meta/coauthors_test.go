package meta

import (
	"reflect"
	"testing"
)

// TestAuthorParens checks parentheses in author strings: URLs and
// agencies go, co-author lists become names.
func TestAuthorParens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Bradley M. Kuhn (http://ebb.org/bkuhn/)", []string{"Bradley M. Kuhn"}},
		{"Martin Untersinger (avec Damien Leloup et Morgane Tual)", []string{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}},
		{"Jane Doe (with John Smith and Ann Lee)", []string{"Jane Doe", "John Smith", "Ann Lee"}},
		{"Hans Meier (mit Eva Braun und Karl Ott)", []string{"Hans Meier", "Eva Braun", "Karl Ott"}},
		{"Ana Pérez (con Luis Gómez y Marta Ruiz)", []string{"Ana Pérez", "Luis Gómez", "Marta Ruiz"}},
		{"Jane Doe (Reuters)", []string{"Jane Doe"}},
		{"Jane Doe (jane@example.org), John Smith", []string{"Jane Doe", "John Smith"}},
		{"Jane Doe (unclosed", []string{"Jane Doe"}},
	}
	for _, c := range cases {
		if got := splitAuthors(c.in, nil); !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPostedByLine checks that a visible "Posted by" line names the author
// only when no marked-up source does.
func TestPostedByLine(t *testing.T) {
	cases := []struct {
		name, page string
		want       []string
	}{
		{"footer line", `<body><article><p>Story text here.</p><footer><p>Posted by Alon Zakai.</p></footer></article></body>`,
			[]string{"Alon Zakai"}},
		{"linked name", `<body><p>Text.</p><div>Written by <a href="/u/jd">Jane Doe</a> on March 3, 2020</div></body>`,
			[]string{"Jane Doe"}},
		{"meta author wins", `<head><meta name="author" content="Ann Lee"></head><body><p>Posted by Alon Zakai.</p></body>`,
			[]string{"Ann Lee"}},
		{"only the first line", `<body><p>Posted by Alon Zakai.</p><ul><li>Posted by Bob Stone</li></ul></body>`,
			[]string{"Alon Zakai"}},
		{"not a byline", `<body><p>Posted by the committee yesterday, the letter was long.</p></body>`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.page, "").Authors; !reflect.DeepEqual(got, c.want) {
				t.Errorf("authors %q, want %q", got, c.want)
			}
		})
	}
}
