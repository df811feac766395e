package meta

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseJSONLD(t *testing.T) {
	cases := []struct {
		name, in string
		values   int
		headline string // of the first object, "" to skip
		wantErr  bool
	}{
		{"strict", `{"@type":"NewsArticle","headline":"A"}`, 1, "A", false},
		{"array", `[{"@type":"NewsArticle","headline":"A"},{"@type":"WebPage"}]`, 1, "", false},
		{"trailing commas", `{"@type":"NewsArticle","headline":"A","tags":["x","y",],}`, 1, "A", false},
		{"comment wrapper", "<!--\n{\"headline\":\"A\"}\n-->", 1, "A", false},
		{"cdata wrapper", "//<![CDATA[\n{\"headline\":\"A\"}\n//]]>", 1, "A", false},
		{"js comments", "{/* c */\"headline\": \"A\" // end\n}", 1, "A", false},
		{"raw newline and tab in string", "{\"headline\":\"A\nB\tC\"}", 1, "A\nB\tC", false},
		{"control char", "{\"headline\":\"A\x01B\"}", 1, "A B", false},
		{"bad escape", `{"headline":"It\'s"}`, 1, "It's", false},
		{"two objects", `{"headline":"A"}{"headline":"B"}`, 2, "A", false},
		{"html inside", `{"headline":"<b>A</b> &amp; B"}`, 1, "<b>A</b> &amp; B", false},
		{"trailing semicolon", `{"headline":"A"};`, 1, "A", false},
		{"url with slashes kept", `{"url":"https://x.test/a//b","headline":"A"}`, 1, "A", false},
		{"garbage", `{{{ not json`, 0, "", true},
		{"empty", ``, 0, "", true},
		{"unterminated string", `{"headline":"A`, 0, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vals, err := ParseJSONLD(c.in)
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, c.wantErr)
			}
			if c.wantErr {
				return
			}
			if c.name == "array" {
				arr, ok := vals[0].([]any)
				if !ok || len(arr) != 2 {
					t.Fatalf("got %#v", vals)
				}
				return
			}
			if len(vals) != c.values {
				t.Fatalf("got %d values", len(vals))
			}
			if c.headline != "" {
				m, _ := vals[0].(map[string]any)
				if got, _ := m["headline"].(string); got != c.headline {
					t.Errorf("headline = %q, want %q", got, c.headline)
				}
			}
			if c.name == "url with slashes kept" {
				m, _ := vals[0].(map[string]any)
				if m["url"] != "https://x.test/a//b" {
					t.Errorf("url = %v", m["url"])
				}
			}
		})
	}
}

func TestParseJSONLDLimit(t *testing.T) {
	if _, err := ParseJSONLD(`"` + strings.Repeat("a", maxJSONLD) + `"`); err == nil {
		t.Error("oversized block accepted")
	}
}

func TestLDGraphDepth(t *testing.T) {
	// Deeply nested arrays must not recurse without bound.
	s := strings.Repeat("[", 5000) + strings.Repeat("]", 5000)
	vals, err := ParseJSONLD(s)
	if err != nil {
		t.Fatal(err)
	}
	var g ldGraph
	for _, v := range vals {
		g.add(v, 0)
	}
	if len(g.nodes) != 0 {
		t.Errorf("%d nodes from empty arrays", len(g.nodes))
	}
}

func FuzzParseJSONLD(f *testing.F) {
	for _, s := range []string{
		`{"@type":"NewsArticle","headline":"A","author":[{"@type":"Person","name":"B"},]}`,
		"<!--{\"@graph\":[{\"@id\":\"x\",\"name\":\"n\"},{\"@type\":\"Article\",\"author\":{\"@id\":\"x\"}}]}-->",
		"{\"a\":\"b\nc\" /* x */ , }",
		`[{"@type":"BreadcrumbList","itemListElement":[{"position":"2","name":"B"},{"position":1,"item":{"name":"A"}}]}]`,
		`{"headline":"\u00e9\ud800"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vals, err := ParseJSONLD(s)
		if err != nil {
			return
		}
		if len(vals) == 0 {
			t.Fatal("no values and no error")
		}
		var g ldGraph
		for _, v := range vals {
			g.add(v, 0)
		}
		// Reading every node as an article must not panic either.
		c := &collector{now: fixedNow}
		for i := range g.nodes {
			c.ldArticle(&g, g.nodes[i].m, rankJSONLD)
			ldBreadcrumbs(&g, g.nodes[i].m)
		}
		for _, a := range c.rawAuthors {
			for _, n := range splitAuthors(a.val, nil) {
				if !utf8.ValidString(n) && utf8.ValidString(a.val) {
					t.Fatalf("author %q made invalid UTF-8", n)
				}
			}
		}
	})
}
