package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store/minhash"
)

// wireCopy is the wire story as another site runs it: its own headline, a
// dateline, a credit line inserted, the last 30% of paragraphs cut and a
// few words changed by the desk.
func wireCopy() []string {
	ps := slices.Clone(wire[:len(wire)-len(wire)*3/10])
	ps[0] = "WASHINGTON (AP) — " + ps[0]
	ps = slices.Insert(ps, 2, "Reuters contributed to this report.")
	ps[3] = strings.Replace(ps[3], " the ", " a ", 2)
	ps[4] = strings.Replace(ps[4], " said", " told reporters", 1)
	return ps
}

// sameTopic is a different story on the wire's topic: every second
// paragraph borrows one sentence of the wire (stock phrases), the rest is
// its own.
func sameTopic(seed uint64) []string {
	own := genParagraphs(newRand(seed), len(wire))
	for i := 0; i < len(own); i += 2 {
		first, _, _ := strings.Cut(wire[i], ".")
		own[i] = first + ". " + own[i]
	}
	return own
}

func TestStoriesWireCopies(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	tests := []struct {
		name string
		body []string
		same bool // joins the first article's story
	}{
		{"wire", wire, true},
		{"dateline, credit line, end cut, words changed", wireCopy(), true},
		{"first 70% only", wire[:len(wire)*7/10], true},
		{"same topic, shared sentences", sameTopic(11), false},
		{"another same-topic story", sameTopic(12), false},
	}
	var first int64
	for i, tt := range tests {
		a := &article.Article{URL: fmt.Sprintf("https://site%d.test/story", i), Headline: tt.name, Body: paragraphs(tt.body...)}
		id := mustPut(t, s, a, t0)
		if i == 0 {
			first = id
		}
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := id
		if tt.same {
			want = first
		}
		if got.Story != want {
			t.Errorf("%s: story %d, want %d", tt.name, got.Story, want)
		}
	}
}

// putV2 stores a the way version 2 of the schema did: SimHash fingerprint,
// band rows and SimHash grouping.
func putV2(t *testing.T, db *sql.DB, a *article.Article) int64 {
	t.Helper()
	id := putV1(t, db, a)
	fp, ok := v2Fingerprint(a)
	if !ok {
		return id
	}
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	story, found, err := v2FindStory(ctx, tx, fp)
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		story = id
	}
	if err := v2IndexFingerprint(ctx, tx, id, fp); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE articles SET story = ?, simhash = ? WHERE id = ?`, story, int64(fp), id); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMigrateFromVersion2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	old, err := open(path, 2)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{URL: "https://a.test/wire", Body: paragraphs(wire...)}
	b := &article.Article{URL: "https://b.test/wire", Body: paragraphs(wireCopy()...)}
	c := &article.Article{URL: "https://c.test/topic", Body: paragraphs(sameTopic(11)...)}
	d := &article.Article{URL: "https://d.test/brief", Body: paragraphs("Markets closed higher.")}
	ida, idb, idc, idd := putV2(t, old.w, a), putV2(t, old.w, b), putV2(t, old.w, c), putV2(t, old.w, d)
	// Enough articles that the migration reads more than one page of
	// bodies, then a copy of the wire that must find the first page's.
	const filler = 1100
	for i := 0; i < filler; i++ {
		putV2(t, old.w, genArticle(31, i))
	}
	ide := putV2(t, old.w, &article.Article{URL: "https://e.test/wire", Body: paragraphs(wire[:6]...)})
	var storyB int64
	old.w.QueryRow(`SELECT story FROM articles WHERE id = ?`, idb).Scan(&storyB)
	if storyB == ida {
		t.Fatal("SimHash already grouped the edited copy: the test would prove nothing")
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.w.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Errorf("migrated to version %d, want %d", v, len(migrations))
	}
	ctx := context.Background()
	for id, want := range map[int64]int64{ida: ida, idb: ida, idc: idc, idd: idd, ide: ida} {
		st, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Story != want {
			t.Errorf("article %d: story %d after migration, want %d", id, st.Story, want)
		}
	}
	// The brief is too short to sketch; every other article has a sketch
	// and its keys.
	if n := count(t, s, "minhash"); n != 4+filler {
		t.Errorf("%d sketches, want %d", n, 4+filler)
	}
	if n := count(t, s, "minhash_bands"); n != minhash.NumBands*(4+filler) {
		t.Errorf("%d band rows, want %d", n, minhash.NumBands*(4+filler))
	}
	var grouped int
	s.r.QueryRow(`SELECT count(*) FROM articles WHERE story != id`).Scan(&grouped)
	if grouped != 2 {
		t.Errorf("%d articles grouped with an earlier one, want 2 (the wire copies)", grouped)
	}
	if _, err := s.w.Exec("SELECT simhash FROM articles"); err == nil {
		t.Error("the simhash column survived the migration")
	}
	id := mustPut(t, s, &article.Article{URL: "https://f.test/wire", Body: paragraphs(wire[:6]...)}, t0)
	if st, _ := s.Get(ctx, id); st == nil || st.Story != ida {
		t.Errorf("new copy after migration: %+v, want story %d", st, ida)
	}
	var check string
	s.r.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
}

// The story lookup must be an index search, never a scan of the band,
// sketch or article tables: Put would slow down as the store grows.
func TestFindStoryUsesIndex(t *testing.T) {
	s := openTemp(t)
	for i := 0; i < 20; i++ {
		mustPut(t, s, genArticle(9, i), t0)
	}
	args := make([]any, minhash.NumBands)
	for i := range args {
		args[i] = int64(i)
	}
	rows, err := s.w.Query("EXPLAIN QUERY PLAN "+findStoryQuery, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	t.Logf("plan: %q", plan)
	if len(plan) == 0 {
		t.Fatal("no query plan")
	}
	for _, d := range plan {
		if strings.HasPrefix(d, "SCAN") {
			t.Errorf("story lookup scans: %q (plan %q)", d, plan)
		}
	}
}

// BenchmarkPutIntoStore is BenchmarkPut into a store that already holds
// 20,000 articles ($NEWSCLIP_BENCH_ARTICLES overrides): every band key
// lands on its own page of a large index, which an empty store hides.
// Building the store takes about 15 s and is not timed.
//
//	go test ./store/sqlite -run '^$' -bench BenchmarkPutIntoStore -benchtime 1000x
func BenchmarkPutIntoStore(b *testing.B) {
	n := 20000
	if os.Getenv("NEWSCLIP_BENCH_ARTICLES") != "" {
		n = benchArticles(b)
	}
	s := openTemp(b)
	ctx := context.Background()
	var batch []*article.Article
	for i := 0; i < n; i++ {
		batch = append(batch, genArticle(2024, i))
		if len(batch) == 1000 || i == n-1 {
			if _, err := s.PutBatch(ctx, batch, t0); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	i := 0
	for b.Loop() {
		if _, _, err := s.Put(ctx, genArticle(77, n+i), t0); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestMigrateBandLayout: a version-3 file holds band keys of the earlier
// layout (32 bands of 4 rows), which no key of today's layout matches;
// migration 4 rebuilds them from the stored sketches so that a new copy
// still finds the story stored before.
func TestMigrateBandLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	old, err := open(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{URL: "https://a.test/wire", Body: paragraphs(wire...)}
	ida := mustPut(t, old, a, t0)
	for i := 0; i < 600; i++ { // more than one page of sketches
		mustPut(t, old, genArticle(41, i), t0)
	}
	// Keys of another layout: none equals a key Keys gives today.
	if _, err := old.w.Exec(`UPDATE minhash_bands SET key = ~key`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := count(t, s, "minhash_bands"); n != minhash.NumBands*601 {
		t.Errorf("%d band rows, want %d", n, minhash.NumBands*601)
	}
	id := mustPut(t, s, &article.Article{URL: "https://b.test/wire", Body: paragraphs(wireCopy()...)}, t0)
	if st, _ := s.Get(context.Background(), id); st == nil || st.Story != ida {
		t.Errorf("copy after migration: %+v, want story %d", st, ida)
	}
}
