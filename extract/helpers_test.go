package extract

import "testing"

func TestNameWeight(t *testing.T) {
	for _, c := range []struct {
		name string
		neg  bool // boilerplate (<= -3)
		pos  bool // story (> 0)
	}{
		{"share-tools", true, false},
		{"socialShareBar", true, false},
		{"relatedposts", true, false},
		{"c-article-body__content", false, true},
		{"entry-content", false, true},
		{"newsletter-signup", true, false},
		{"ad-slot", true, false},
		{"headline", false, false},
		{"comments-area", true, false},
		{"storyBody", false, true},
	} {
		w := nameWeight(c.name)
		if (w <= -3) != c.neg || (w > 0) != c.pos {
			t.Errorf("nameWeight(%q) = %d", c.name, w)
		}
	}
}

func TestTextFeatures(t *testing.T) {
	for _, c := range []struct {
		text string
		end  bool
	}{
		{"He said so.", true},
		{"“We will,” she said.”", true},
		{"Is it?", true},
		{"By Anna Berg", false},
		{"March 4, 2024", false},
		{"これで終わり。", true},
		{"(Reuters)", false},
	} {
		if got := sentenceEnd([]byte(c.text)); got != c.end {
			t.Errorf("sentenceEnd(%q) = %v", c.text, got)
		}
	}
	for _, c := range []struct {
		text       string
		furniture  bool
		identifier bool
	}{
		{"Advertisement", true, false},
		{"ADVERTISEMENT", true, false},
		{"Image 3 of 5", true, false},
		{"Photo 12 of 12", true, false},
		{"Image of the day", false, false},
		{"narrow-browser-and-phone", false, true},
		{"well-known fact", false, false},
		{"The council met.", false, false},
	} {
		if got := furniture([]byte(c.text)); got != c.furniture {
			t.Errorf("furniture(%q) = %v", c.text, got)
		}
		if got := identifier([]byte(c.text)); got != c.identifier {
			t.Errorf("identifier(%q) = %v", c.text, got)
		}
	}
}
