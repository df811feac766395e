package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAttributionEval scores a two-attribution gold file made here: the
// direct quote and the belief are found with their speakers; only the
// quote's source holds a proper name.
func TestAttributionEval(t *testing.T) {
	text := "Headline.\n\n\"We will win,\" Jane Smith said. Most voters believe her."
	span := func(sub string) map[string]any {
		b := strings.Index(text, sub)
		return map[string]any{"start": b, "end": b + len(sub), "byte_start": b, "byte_end": b + len(sub), "text": sub}
	}
	doc := map[string]any{
		"doc_id": "d1", "publication_date": "2022-01-28", "text": text,
		"attributions": []map[string]any{
			{"id": "E1", "has_source": true, "content_quote_marks": "full",
				"content": []any{span(`"We will win,"`)}, "source": []any{span("Jane Smith")}, "cue": []any{span("said")}},
			{"id": "E2", "has_source": true, "content_quote_marks": "none",
				"content": []any{span("her")}, "source": []any{span("Most voters")}, "cue": []any{span("believe")}},
		},
	}
	line, _ := json.Marshal(doc)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "gold_dev.jsonl"), append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := runAttributionEval(context.Background(), dir, true, 1, false, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res struct {
		Gold  int `json:"gold"`
		Score struct {
			Lenient        map[string]struct{ TP, FP, FN int }   `json:"lenient"`
			SpeakerMention map[string]struct{ Right, Total int } `json:"speaker_mention"`
			SpeakerName    map[string]struct{ Right, Total int } `json:"speaker_name"`
		} `json:"score"`
		Worst []struct {
			DocID string `json:"doc_id"`
		} `json:"worst"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if res.Gold != 2 || res.Score.Lenient["full"].TP != 1 || res.Score.Lenient["none"].TP != 1 || res.Score.Lenient["all"].FP != 0 {
		t.Errorf("scores: %+v", res)
	}
	if r := res.Score.SpeakerName["all"]; r.Right != 1 || r.Total != 1 {
		t.Errorf("speaker name: %+v", r)
	}
	if len(res.Worst) != 1 || res.Worst[0].DocID != "d1" {
		t.Errorf("worst: %+v", res.Worst)
	}
	// Table output and a missing file.
	out.Reset()
	if code := runAttributionEval(context.Background(), filepath.Join(dir, "gold_dev.jsonl"), false, 0, false, &out, &errb); code != 0 || !strings.Contains(out.String(), "quoted") {
		t.Errorf("table: exit %d\n%s", code, out.String())
	}
	if code := runAttributionEval(context.Background(), filepath.Join(dir, "missing.jsonl"), false, 0, false, &out, &errb); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	// --no-timing leaves the speed out; page-extraction flags are refused.
	out.Reset()
	if code := evalCommand(context.Background(), []string{"--json", "--no-timing", dir}, &out, &errb, nil); code != 0 || strings.Contains(out.String(), "mb_per_second") {
		t.Errorf("--no-timing: exit %d\n%s", code, out.String())
	}
	errb.Reset()
	if code := evalCommand(context.Background(), []string{"--bootstrap", "0", dir}, &out, &errb, nil); code != 2 || !strings.Contains(errb.String(), "--bootstrap") {
		t.Errorf("--bootstrap: exit %d: %s", code, errb.String())
	}
}
