package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/store"
)

func TestExportCommand(t *testing.T) {
	path := searchTestStore(t)
	var stdout, stderr bytes.Buffer
	if code := runExport(context.Background(), []string{"--store", path, "--format", "jsonl"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	first := stdout.String()
	sc := bufio.NewScanner(&stdout)
	var ids []int64
	var heads []string
	for sc.Scan() {
		var st store.Stored
		if err := json.Unmarshal(sc.Bytes(), &st); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		ids = append(ids, st.ID)
		heads = append(heads, st.Article.Headline)
		if st.FetchedAt.IsZero() || st.Story == 0 {
			t.Errorf("incomplete line: %s", sc.Text())
		}
	}
	if len(ids) != 3 || ids[0] >= ids[1] || ids[1] >= ids[2] {
		t.Errorf("ids %v: want 3 in increasing order", ids)
	}
	if strings.Join(heads, "|") != "Oil prices climb|Le pétrole grimpe|Storm warning" {
		t.Errorf("headlines %q", heads)
	}
	// Same store, same bytes.
	var again bytes.Buffer
	runExport(context.Background(), []string{"--store", path}, nil, &again, &stderr)
	if again.String() != first {
		t.Error("export is not deterministic")
	}
}

func TestExportCommandErrors(t *testing.T) {
	path := searchTestStore(t)
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--store", path, "--format", "csv"}, 2, "unknown format"},
		{[]string{"--store", path, "extra"}, 2, "unexpected argument"},
		{[]string{"--store", path + ".missing"}, 1, "no store at"},
		{[]string{"--nope"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runExport(context.Background(), tt.args, nil, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.err) {
			t.Errorf("export %q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.err)
		}
	}
}
