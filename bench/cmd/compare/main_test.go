package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/bench/internal/benchtest"
)

func testDir(t *testing.T) string {
	return benchtest.Write(t, []benchtest.Page{
		benchtest.Article(1, benchtest.Paragraphs...),
		benchtest.Article(2, benchtest.Paragraphs[1:]...),
	})
}

func TestRunWritesTableJSONAndPredictions(t *testing.T) {
	dir := testDir(t)
	out := t.TempDir()
	jsonPath := filepath.Join(out, "r.json")
	predDir := filepath.Join(out, "pred")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{
		"-dir", dir, "-tools", "readeck,html-parse", "-repeat", "2", "-resamples", "10",
		"-json", jsonPath, "-predictions", predDir,
	}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "F1") ||
		!strings.Contains(lines[1], "readeck") || !strings.Contains(lines[2], "html-parse") {
		t.Fatalf("table:\n%s", stdout.String())
	}

	var rep report
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Pages != 2 || rep.Repeat != 2 || len(rep.Results) != 2 {
		t.Fatalf("report: pages %d repeat %d results %d", rep.Pages, rep.Repeat, len(rep.Results))
	}
	readeck, floor := rep.Results[0], rep.Results[1]
	if readeck.Quality.F1 <= floor.Quality.F1 {
		t.Errorf("readeck F1 %.3f not above the full-text floor %.3f", readeck.Quality.F1, floor.Quality.F1)
	}
	if floor.Quality.Recall != 1 || floor.Runs != 4 {
		t.Errorf("floor: recall %v runs %d, want 1 and 4", floor.Quality.Recall, floor.Runs)
	}

	var pred map[string]map[string]string
	b, err = os.ReadFile(filepath.Join(predDir, "readeck.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pred); err != nil {
		t.Fatal(err)
	}
	if len(pred) != 2 || !strings.Contains(pred[benchtest.ID(1)]["articleBody"], "harbour") {
		t.Errorf("predictions: %v", pred)
	}
}

func TestRunRejectsBadArguments(t *testing.T) {
	dir := testDir(t)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"unknown tool", []string{"-dir", dir, "-tools", "nosuch"}, 2},
		{"zero repeat", []string{"-dir", dir, "-repeat", "0"}, 2},
		{"stray argument", []string{"-dir", dir, "extra"}, 2},
		{"unknown flag", []string{"-nosuch"}, 2},
		{"missing folder", []string{"-dir", filepath.Join(dir, "nope"), "-tools", "html-parse"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), tc.args, &stdout, &stderr); code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			if stderr.Len() == 0 {
				t.Error("no message on stderr")
			}
		})
	}
}

func TestShortVersion(t *testing.T) {
	tests := map[string]string{
		"v0.0.0-20250217085726-9f5bf5ca7612":    "9f5bf5ca7612",
		"v1.12.3-0.20250515093937-ae7ea0621e7c": "ae7ea0621e7c",
		"v1.12.2":                               "v1.12.2",
		"v2.1.3":                                "v2.1.3",
		"workspace":                             "workspace",
	}
	for in, want := range tests {
		if got := shortVersion(in); got != want {
			t.Errorf("shortVersion(%q) = %q, want %q", in, got, want)
		}
	}
}
