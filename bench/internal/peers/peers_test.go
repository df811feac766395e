package peers

import (
	"context"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/bench/internal/benchtest"
	"github.com/newsclip/newsclip/bench/internal/harness"
)

// Every tool, peers and newsclip alike, must find the story of a plain
// news page; only the full-text floor keeps the navigation.
func TestToolsExtractTheStory(t *testing.T) {
	bp := benchtest.Article(1, benchtest.Paragraphs...)
	page := &harness.Page{ID: bp.ID, URL: bp.URL, HTML: bp.HTML}
	for _, tool := range All() {
		t.Run(tool.Name, func(t *testing.T) {
			out, err := tool.Extract(context.Background(), page)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			for _, p := range benchtest.Paragraphs {
				// Compare word sequences: tools differ in whitespace.
				if !strings.Contains(strings.Join(strings.Fields(out), " "), p) {
					t.Errorf("output lacks paragraph %.40q...; got %q", p, out)
				}
			}
			hasNav := strings.Contains(out, "Subscribe today")
			if tool.Name == "html-parse" && !hasNav {
				t.Errorf("full text lacks the navigation: %q", out)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{in: "all", want: strings.Join(Names(), ",")},
		{in: "", want: strings.Join(Names(), ",")},
		{in: "readeck, html-parse", want: "readeck,html-parse"},
		{in: "go-domdistiller,readeck", want: "go-domdistiller,readeck"},
		{in: "nosuch", wantErr: true},
		{in: ",", wantErr: true},
	}
	for _, tc := range tests {
		ts, err := Select(tc.in)
		if tc.wantErr {
			if err == nil {
				t.Errorf("Select(%q): no error", tc.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("Select(%q): %v", tc.in, err)
			continue
		}
		var names []string
		for _, tt := range ts {
			names = append(names, tt.Name)
		}
		if got := strings.Join(names, ","); got != tc.want {
			t.Errorf("Select(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestTextContentKeepsAllText(t *testing.T) {
	page := &harness.Page{ID: "x", HTML: []byte("<div><p>a <b>b</b></p><p>c</p><script>var x</script></div>")}
	doc, err := parse(page)
	if err != nil {
		t.Fatal(err)
	}
	// textContent adds no separators, like the DOM's.
	if got := textContent(doc); got != "a bcvar x" {
		t.Errorf("textContent = %q", got)
	}
}
