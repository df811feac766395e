package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/article"
)

const cliPage = `<html><head><title>Dam opens</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Dam opens</h1><div class="story-body">
<p>The new dam opened on Friday after six years of building, officials said at the ceremony.</p>
<p>It will supply water to 200,000 homes and generate power for the region's two largest towns.</p>
</div></article><footer>Copyright</footer></body></html>`

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExtractCommand(t *testing.T) {
	page := writeTemp(t, "dam.html", cliPage)
	missing := filepath.Join(t.TempDir(), "missing.html")
	cases := []struct {
		name       string
		args       []string
		stdin      string
		wantStatus int
		check      func(t *testing.T, out, errOut string)
	}{
		{"one file, JSON", []string{page}, "", 0, func(t *testing.T, out, _ string) {
			var a article.Article
			if err := json.Unmarshal([]byte(out), &a); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if a.Input != "" || len(a.Body) != 2 || !strings.Contains(a.BodyText(), "200,000 homes") {
				t.Errorf("unexpected article: %+v", a)
			}
		}},
		{"several inputs give JSON Lines in order; a failure sets the status", []string{page, missing, "-", "--url", "https://x.example/a"}, cliPage, 1,
			func(t *testing.T, out, errOut string) {
				lines := strings.Split(strings.TrimSpace(out), "\n")
				if len(lines) != 2 {
					t.Fatalf("want 2 lines, got %d:\n%s", len(lines), out)
				}
				var a, b article.Article
				json.Unmarshal([]byte(lines[0]), &a)
				json.Unmarshal([]byte(lines[1]), &b)
				if a.Input != page || b.Input != "-" {
					t.Errorf("inputs %q, %q", a.Input, b.Input)
				}
				if !strings.Contains(errOut, "missing.html") {
					t.Errorf("stderr lacks the failed input: %q", errOut)
				}
			}},
		{"text format with separators", []string{"--format", "text", page, page}, "", 0, func(t *testing.T, out, _ string) {
			if strings.Count(out, "==== "+page+" ====") != 2 || strings.Count(out, "The new dam opened") != 2 {
				t.Errorf("text output:\n%s", out)
			}
		}},
		{"markdown", []string{page, "--format=markdown"}, "", 0, func(t *testing.T, out, _ string) {
			if !strings.Contains(out, "The new dam opened") || strings.Contains(out, "Home") {
				t.Errorf("markdown output:\n%s", out)
			}
		}},
		{"bad format", []string{"--format", "pdf", page}, "", 2, nil},
		{"no input", nil, "", 2, nil},
		{"too large", []string{"--max-bytes", "100", page}, "", 1, func(t *testing.T, _, errOut string) {
			if !strings.Contains(errOut, "too large") {
				t.Errorf("stderr: %q", errOut)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := runExtract(context.Background(), c.args, strings.NewReader(c.stdin), &out, &errOut)
			if status != c.wantStatus {
				t.Fatalf("status %d, want %d; stderr: %s", status, c.wantStatus, errOut.String())
			}
			if c.check != nil {
				c.check(t, out.String(), errOut.String())
			}
		})
	}
}

func TestExtractExamplePage(t *testing.T) {
	var out, errOut bytes.Buffer
	p := filepath.Join("..", "..", "examples", "bbc-newsbeat-taylor-swift.html")
	if status := runExtract(context.Background(), []string{p}, nil, &out, &errOut); status != 0 {
		t.Fatalf("status %d: %s", status, errOut.String())
	}
	var a article.Article
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	if !strings.Contains(body, "Big Machine") || len(a.Body) < 10 {
		t.Errorf("example page body too thin: %d blocks", len(a.Body))
	}
	for _, furniture := range []string{"Share this with", "Copy this link", "Related Topics"} {
		if strings.Contains(body, furniture) {
			t.Errorf("furniture %q in body", furniture)
		}
	}
}
