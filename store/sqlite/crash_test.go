package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip/store/minhash"
)

// crashEnv names the store file a child process writes to until killed.
const crashEnv = "NEWSCLIP_SQLITE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if p := os.Getenv(crashEnv); p != "" {
		os.Exit(crashChild(p))
	}
	code := m.Run()
	if benchBuilt.dir != "" {
		os.RemoveAll(benchBuilt.dir)
	}
	os.Exit(code)
}

// crashChild puts articles one by one and reports each stored ID on stdout
// only after Put returned, as a collector would.
func crashChild(path string) int {
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for i := 0; ; i++ {
		a := genArticle(9, i)
		id, _, err := s.Put(context.Background(), a, time.Unix(1700000000, 0))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Fprintf(os.Stdout, "%d %s\n", id, a.URL)
	}
}

// TestSIGKILLLosesNothingReported kills a writing process with SIGKILL and
// checks that every article it reported stored is there, whole.
func TestSIGKILLLosesNothingReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reported := map[int64]string{}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		id, _ := strconv.ParseInt(f[0], 10, 64)
		reported[id] = f[1]
		if len(reported) == 150 {
			cmd.Process.Kill() // SIGKILL: no deferred code, no Close
		}
	}
	cmd.Wait()
	if len(reported) < 150 {
		t.Fatalf("child reported %d articles before dying: %s", len(reported), stderr.String())
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for id, url := range reported {
		st, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("article %d reported stored, lost after SIGKILL: %v", id, err)
		}
		if st.Article.URL != url {
			t.Fatalf("article %d: URL %s, want %s", id, st.Article.URL, url)
		}
	}
	var check string
	s.r.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
	// Whole articles only: every stored article has its quotes, its FTS
	// row and its band keys.
	var bad int
	s.r.QueryRow(`SELECT count(*) FROM articles a WHERE
		coalesce((SELECT json_array_length(d.json, '$.quotes') FROM documents d WHERE d.id = a.id), 0) != (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)
		OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = a.id)
		OR (EXISTS (SELECT 1 FROM minhash m WHERE m.article_id = a.id) AND (SELECT count(*) FROM minhash_bands b WHERE b.article_id = a.id) != ?)`, minhash.NumBands).Scan(&bad)
	if bad != 0 {
		t.Errorf("%d half-stored articles", bad)
	}
	var fts string
	if _, err := s.w.Exec(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		fts = err.Error()
	}
	if fts != "" {
		t.Errorf("FTS index out of sync: %s", fts)
	}
	t.Logf("%d articles reported before SIGKILL, %d stored", len(reported), count(t, s, "articles"))
}
