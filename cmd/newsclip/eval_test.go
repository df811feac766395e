package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/eval"
)

// The golden files are rewritten with: go test ./cmd/newsclip -run Eval -update
func init() {
	// Another test file of this package may define -update too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func evalUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// evalTextExtractor stands in for the extractor: the page file is the
// body text; PANIC panics, ERROR fails.
func evalTextExtractor(ctx context.Context, page []byte, url string) (*article.Article, error) {
	switch s := strings.TrimSpace(string(page)); s {
	case "PANIC":
		panic("boom")
	case "ERROR":
		return nil, errors.New("cannot extract")
	default:
		return &article.Article{Body: []article.Block{{Type: article.Paragraph, Text: s}}}, nil
	}
}

func evalRun(t *testing.T, extractor eval.ExtractFunc, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = evalCommand(context.Background(), args, &out, &errOut, extractor)
	return code, out.String(), errOut.String()
}

func TestEvalGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"mini-sh.txt", []string{"--no-timing", "--worst", "3", "../../eval/testdata/mini-sh"}},
		{"mini-sh.json", []string{"../../eval/testdata/mini-sh", "--json", "--no-timing", "--worst", "2", "-j", "3"}},
		{"snippets.txt", []string{"--no-timing", "--worst=2", "--bootstrap", "200", "--seed", "3", "../../eval/testdata/snippets"}},
		{"snippets.json", []string{"--json", "--no-timing", "--layout", "snippets", "../../eval/testdata/snippets"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := evalRun(t, evalTextExtractor, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			golden := filepath.Join("testdata", "eval", tt.name)
			if evalUpdating() {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, out)
			}
		})
	}
}

func TestEvalJSONFields(t *testing.T) {
	code, out, errOut := evalRun(t, evalTextExtractor, "--json", "../../eval/testdata/mini-sh")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"pages", "precision", "recall", "f1", "accuracy", "precision_std", "recall_std", "f1_std", "accuracy_std", "failed", "missing", "malformed", "timing"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if m["pages"] != 5.0 || m["failed"] != 2.0 || m["missing"] != 1.0 || m["malformed"] != 1.0 {
		t.Errorf("counts: %v %v %v %v", m["pages"], m["failed"], m["missing"], m["malformed"])
	}
}

func TestEvalBadInput(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"malformed ground truth", []string{"../../eval/testdata/broken-gt"}, 1, "not a JSON object"},
		{"no gold set", []string{t.TempDir()}, 1, "no gold set here"},
		{"no such folder", []string{"testdata/eval/nowhere"}, 1, "no gold set here"},
		{"no argument", nil, 2, "want exactly one"},
		{"two arguments", []string{"a", "b"}, 2, "want exactly one"},
		{"bad layout", []string{"--layout", "csv", "../../eval/testdata/mini-sh"}, 2, "unknown layout"},
		{"bad flag", []string{"--nope", "x"}, 2, "flag provided but not defined"},
		{"negative worst", []string{"--worst", "-1", "x"}, 2, "must not be negative"},
		{"help", []string{"-h"}, 0, "Usage: newsclip eval"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := evalRun(t, evalTextExtractor, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d stderr %q; want %d and %q", code, errOut, tt.code, tt.stderr)
			}
			if code != 0 && out != "" {
				t.Errorf("stdout on failure: %q", out)
			}
		})
	}
}

func TestEvalSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pred.json")
	if code, _, errOut := evalRun(t, evalTextExtractor, "--save", path, "../../eval/testdata/mini-sh"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	preds, err := eval.LoadPredictions(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(preds) != 5 || preds["p2"] != "a b c d e f g h" || preds["fail"] != "" {
		t.Errorf("saved predictions %q", preds)
	}
	// Scoring the saved file gives the same figures as the run.
	set, err := eval.Load("../../eval/testdata/mini-sh")
	if err != nil {
		t.Fatal(err)
	}
	r := eval.ScoreBodies(set, preds, eval.Options{Resamples: -1})
	if r.Recall != 0.4 {
		t.Errorf("re-scored recall %v, want 0.4", r.Recall)
	}
}

func TestIsAttributionGold(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "gold_dev.jsonl"), []byte("{}\n"), 0o644)
	tests := []struct {
		path string
		want bool
	}{
		{dir, true},
		{filepath.Join(dir, "gold_dev.jsonl"), true},
		{"somewhere/gold.jsonl", true},
		{"../../eval/testdata/mini-sh", false},
		{"../../eval/testdata/mini-sh/ground-truth.json", false},
	}
	for _, tt := range tests {
		if got := isAttributionGold(tt.path); got != tt.want {
			t.Errorf("isAttributionGold(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// TestEvalRealExtractor runs the command as shipped, with the real
// extractor, on the snippet gold set: bad entries counted, output the same
// whatever the number of workers.
func TestEvalRealExtractor(t *testing.T) {
	var outs []string
	for _, j := range []string{"1", "4"} {
		var out, errOut bytes.Buffer
		code := runEval(context.Background(), []string{"--json", "--no-timing", "-j", j, "--worst", "2", "../../eval/testdata/snippets"}, nil, &out, &errOut)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		outs = append(outs, out.String())
	}
	if outs[0] != outs[1] {
		t.Errorf("output depends on -j:\n%s\nvs\n%s", outs[0], outs[1])
	}
	var r eval.Report
	if err := json.Unmarshal([]byte(outs[0]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Pages != 2 || r.Missing != 1 || r.Malformed != 1 || r.Unlabeled != 1 || r.Snippets == nil || r.Snippets.Must != 5 {
		t.Errorf("report %+v", r)
	}
}

func TestEvalBaseline(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.json")
	// A baseline where p2 was exact and p1 empty.
	os.WriteFile(base, []byte(`{"p1": {"articleBody": ""}, "p2": {"articleBody": "a b c d e f"}, "p3": {"articleBody": ""}, "boom": {"articleBody": ""}, "fail": {"articleBody": ""}}`), 0o644)
	code, out, errOut := evalRun(t, evalTextExtractor, "--no-timing", "--baseline", base, "../../eval/testdata/mini-sh")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"compared with " + base, "pages: 1 better, 1 worse, 3 the same", "+ p1  F1 0.000 -> 1.000", "- p2  F1 1.000 -> 0.750"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := evalRun(t, evalTextExtractor, "--baseline", filepath.Join(dir, "none.json"), "../../eval/testdata/mini-sh"); code != 1 || !strings.Contains(errOut, "baseline") {
		t.Errorf("missing baseline: exit %d, %q", code, errOut)
	}
}
