package eval

import (
	"slices"
	"testing"
)

func TestCompare(t *testing.T) {
	set := &GoldSet{Layout: ScrapingHub, Pages: []Page{
		{ID: "a", Body: "a b c d e f"},
		{ID: "b", Body: "a b c d e f"},
		{ID: "c", Body: "a b c d e f"},
		{ID: "d", Body: "a b c d e f"},
	}}
	before := ScoreBodies(set, map[string]string{"a": "", "b": "a b c d e f", "c": "a b c d e f g h", "d": "a b c d e f"}, Options{Resamples: -1})
	after := ScoreBodies(set, map[string]string{"a": "a b c d e f", "b": "a b c d e f g h", "c": "a b c d e f", "d": "a b c d e f"}, Options{Resamples: -1})
	c := Compare(after, before, "base.json", 1)
	// a: 0 -> 1, c: .75 -> 1 (gains), b: 1 -> .75 (loss), d unchanged.
	if c.Better != 2 || c.Worse != 1 || c.Same != 1 {
		t.Errorf("better %d worse %d same %d", c.Better, c.Worse, c.Same)
	}
	if len(c.Gains) != 1 || c.Gains[0].ID != "a" || len(c.Losses) != 1 || c.Losses[0].ID != "b" || c.Losses[0].Before != 1 || !near(c.Losses[0].After, 0.75) {
		t.Errorf("gains %+v losses %+v", c.Gains, c.Losses)
	}
	if c.Before != before.Summary || c.Source != "base.json" {
		t.Errorf("before %+v source %q", c.Before, c.Source)
	}
	all := Compare(after, before, "", 10)
	var ids []string
	for _, g := range all.Gains {
		ids = append(ids, g.ID)
	}
	if !slices.Equal(ids, []string{"a", "c"}) {
		t.Errorf("gains %v, want a then c", ids)
	}
}
