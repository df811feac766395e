package eval

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
)

func para(s string) article.Block { return article.Block{Type: article.Paragraph, Text: s} }

// tableExtractor returns fixed articles by URL, standing in for an
// extractor whose output is known.
func tableExtractor(t *testing.T) ExtractFunc {
	cet := time.FixedZone("CET", 3600)
	byURL := map[string]*article.Article{
		"https://courier.example/local/sea-wall": {
			Headline:  "Harbour town votes to rebuild its sea wall",
			Authors:   []string{"Maria Lindqvist"},
			Published: &article.Stamp{Time: time.Date(2024, 3, 5, 0, 30, 0, 0, cet), Source: "meta"},
			Body: []article.Block{
				para("The council of Westhaven voted on Tuesday to rebuild the town's sea wall, which storms damaged twice last winter."),
				para("The work will cost about 4.2 million euros and should start in the autumn, the harbour master said at the meeting."),
				para("\"We cannot wait for the next storm,\"\n said   councillor Ana Ferreira, who proposed the plan."),
				para("Residents of the lower town will be consulted on the design in April."),
			},
		},
		"https://library.example/news/hours": {
			Headline: "Library extends its opening hours",
			Body: []article.Block{
				para("Library extends its opening hours"), // the headline leaks into the body
				para("The city library will open until 9 pm on weekdays from next month, its director announced on Friday."),
				para("The longer hours are paid for by a grant from the regional govern\u00adment."),
			},
		},
	}
	return func(ctx context.Context, page []byte, url string) (*article.Article, error) {
		a, ok := byURL[url]
		if !ok {
			t.Errorf("unexpected page %s", url)
			return nil, os.ErrNotExist
		}
		return a, nil
	}
}

func TestLoadSnippets(t *testing.T) {
	set, err := Load("testdata/snippets")
	if err != nil {
		t.Fatal(err)
	}
	if set.Layout != Snippets || len(set.Pages) != 2 || set.Pages[0].ID != "brief" || set.Pages[1].ID != "story" {
		t.Fatalf("set = %+v", set)
	}
	if got, want := problemIDs(set.Problems), []string{"malformed:broken", "missing:ghost", "unlabeled:orphan"}; !slices.Equal(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	story := set.Pages[1]
	if len(story.Must) != 3 || len(story.MustNot) != 3 || story.Published != "2024-03-05" || !slices.Equal(story.Authors, []string{"Maria Lindqvist"}) {
		t.Errorf("story = %+v", story)
	}
	if filepath.Base(set.Pages[0].File) != "brief.txt" {
		t.Errorf("brief file = %s", set.Pages[0].File)
	}
}

func TestLoadSnippetsBadEntries(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.MkdirAll(pages, 0o755)
	for name, body := range map[string]string{
		"snippets.json": `{"dup": {"must": ["x"]}, "../up": {"must": ["x"]}, "none": {"url": "u"},
			"date": {"must": ["x"], "published": "5 March"}, "extra": {"must": ["x"], "mustnot": ["y"]}}`,
		"pages/dup.json":   `{"must": ["y"]}`,
		"pages/dup.html":   `x`,
		"pages/none.html":  `x`,
		"pages/date.html":  `x`,
		"pages/extra.html": `x`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Pages) != 0 {
		t.Errorf("pages %+v, want none", set.Pages)
	}
	want := []string{"malformed:../up", "malformed:date", "malformed:dup", "malformed:extra", "malformed:none"}
	if got := problemIDs(set.Problems); !slices.Equal(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	os.WriteFile(filepath.Join(dir, "snippets.json"), []byte(`["not", "an", "object"]`), 0o644)
	if _, err := Load(dir); err == nil {
		t.Error("snippets.json as an array: no error")
	}
}

func TestRunSnippets(t *testing.T) {
	set, err := Load("testdata/snippets")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), set, tableExtractor(t), Options{Resamples: -1, Worst: 1})
	if err != nil {
		t.Fatal(err)
	}
	// story: 3 must found, no must_not (white space collapsed). brief: 2
	// must found (soft hyphen removed), its headline leaks (1 must_not).
	// TP 5, FP 1, FN 0: P 5/6, R 1, F1 10/11; accuracy: story only.
	if !near(r.Precision, 5.0/6) || !near(r.Recall, 1) || !near(r.F1, 10.0/11) || !near(r.Accuracy, 0.5) {
		t.Errorf("summary %+v", r.Summary)
	}
	if *r.Snippets != (SnippetTotals{Must: 5, MustFound: 5, MustNot: 4, MustNotFound: 1}) {
		t.Errorf("snippets %+v", *r.Snippets)
	}
	if r.Pages != 2 || r.Failed != 0 || r.Missing != 1 || r.Malformed != 1 || r.Unlabeled != 1 {
		t.Errorf("counts %+v", r)
	}
	// Headline: both right (case and punctuation ignored). Authors: the
	// brief has none. Published: 2024-03-05 in the page's zone (UTC would
	// give the 4th).
	want := []MetaScore{{FieldHeadline, 2, 2, 1}, {FieldAuthors, 2, 1, 0.5}, {FieldPublished, 1, 1, 1}}
	if !slices.Equal(r.Metadata, want) {
		t.Errorf("metadata %+v, want %+v", r.Metadata, want)
	}
	if len(r.Worst) != 1 || r.Worst[0].ID != "brief" || !slices.Equal(r.Worst[0].Leaked, []string{"Library extends its opening hours"}) {
		t.Errorf("worst %+v", r.Worst)
	}
}

func TestNormalizeMeta(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Harbour Town  votes\n", "harbour town votes"},
		{"The Times’ Editor!", "the times editor"},
		{"O'Neil, Jr.", "oneil jr"},
		{"Ｆｕｌｌ width", "full width"},
		{"«Путин»: да", "путин да"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeMeta(tt.in); got != tt.want {
			t.Errorf("NormalizeMeta(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckMeta(t *testing.T) {
	gold := Page{Headline: "A Title", Authors: []string{"Ann Lee", "Bo Chen"}, Published: "2024-01-31T23:30:00-05:00"}
	tests := []struct {
		name string
		a    *article.Article
		ok   []bool
	}{
		{"failed extraction", nil, []bool{false, false, false}},
		{"all right, authors reordered", &article.Article{Headline: "a title.", Authors: []string{"bo chen", "Ann Lee"},
			Published: &article.Stamp{Time: time.Date(2024, 1, 31, 8, 0, 0, 0, time.UTC)}}, []bool{true, true, true}},
		{"one author missing, wrong day", &article.Article{Headline: "A Title", Authors: []string{"Ann Lee"},
			Published: &article.Stamp{Time: time.Date(2024, 2, 1, 4, 30, 0, 0, time.UTC)}}, []bool{true, false, false}},
		{"empty headline never matches", &article.Article{}, []bool{false, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []bool
			for _, c := range checkMeta(gold, tt.a) {
				got = append(got, c.OK)
			}
			if !slices.Equal(got, tt.ok) {
				t.Errorf("ok = %v, want %v (%+v)", got, tt.ok, checkMeta(gold, tt.a))
			}
		})
	}
	if cs := checkMeta(Page{}, &article.Article{Headline: "x"}); len(cs) != 0 {
		t.Errorf("no gold metadata, checks %+v", cs)
	}
}

func TestCheckSnippets(t *testing.T) {
	p := Page{Must: []string{"two words", "Case Matters"}, MustNot: []string{"menu"}}
	tests := []struct {
		pred       string
		tp, fp, fn int
	}{
		{"two\n\n words and Case Matters", 2, 0, 0},
		{"two words and case matters", 1, 0, 1},
		{"menu two words", 1, 1, 1},
		{"", 0, 0, 2},
	}
	for _, tt := range tests {
		r := checkSnippets(p, tt.pred)
		if r.tp != tt.tp || r.fp != tt.fp || r.fn != tt.fn {
			t.Errorf("%q: tp %d fp %d fn %d, want %d %d %d", tt.pred, r.tp, r.fp, r.fn, tt.tp, tt.fp, tt.fn)
		}
	}
	if !strings.Contains(collapseSpace(" a\u00a0\t b \n"), "a b") {
		t.Error("no-break space not collapsed")
	}
}
