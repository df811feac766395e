package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/minhash"
)

// putV1 stores a the way version 1 of the schema did: no fingerprint, every
// article its own story.
func putV1(t *testing.T, db *sql.DB, a *article.Article) int64 {
	t.Helper()
	p, err := prepare(a, t0)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRow(`INSERT INTO articles
		(url_key, url, canonical_url, site, language, headline, published, published_ns, fetched_ns, story)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id`,
		p.key, a.URL, a.CanonicalURL, p.site, p.lang, a.Headline, p.published, p.publishedNS, p.fetchedNS).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO documents (id, headline, body, json) VALUES (?, ?, ?, ?)`, id, a.Headline, p.body, p.js); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE articles SET story = id WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	st := &putStmts{tx: tx}
	for i, q := range p.quotes {
		if err := st.putQuote(ctx, id, i, p.fetchedNS, q); err != nil {
			t.Fatal(err)
		}
	}
	st.close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	old.w.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Fatalf("old file at version %d, want 1", v)
	}
	if _, err := old.w.Exec("SELECT simhash FROM articles"); err == nil {
		t.Fatal("version 1 already has the simhash column: the test would prove nothing")
	}
	a := &article.Article{URL: "https://a.test/wire", Headline: "Wire", Body: paragraphs(wire...),
		Quotes: []article.Quote{quote("Jane Doe", "It is done.")}}
	b := &article.Article{URL: "https://b.test/wire", Headline: "Wire copy", Body: paragraphs(wire...)}
	c := &article.Article{URL: "https://c.test/other", Headline: "Other", Body: paragraphs(genParagraphs(newRand(5), 6)...)}
	ida, idb, idc := putV1(t, old.w, a), putV1(t, old.w, b), putV1(t, old.w, c)
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.w.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Errorf("migrated to version %d, want %d", v, len(migrations))
	}
	ctx := context.Background()
	wantStory := map[int64]int64{ida: ida, idb: ida, idc: idc}
	for id, want := range wantStory {
		st, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Story != want {
			t.Errorf("article %d: story %d after migration, want %d", id, st.Story, want)
		}
	}
	if n := count(t, s, "minhash_bands"); n != 3*minhash.NumBands {
		t.Errorf("%d band rows, want %d", n, 3*minhash.NumBands)
	}
	// The migrated store works as a new one: search, quotes, and a new
	// copy of the wire story joins the migrated story.
	hits, err := s.Search(ctx, store.Query{Text: "wire"})
	if err != nil || len(hits) != 2 {
		t.Errorf("search after migration: %d hits, %v; want 2", len(hits), err)
	}
	qs, err := s.Quotes(ctx, "jane doe", "", 0, 0)
	if err != nil || len(qs) != 1 {
		t.Errorf("quotes after migration: %v, %v", qs, err)
	}
	id, isNew, err := s.Put(ctx, &article.Article{URL: "https://d.test/wire", Body: paragraphs(wire...)}, t0)
	if err != nil || !isNew {
		t.Fatal(isNew, err)
	}
	if st, _ := s.Get(ctx, id); st == nil || st.Story != ida {
		t.Errorf("new copy after migration: %+v, want story %d", st, ida)
	}
	if _, isNew, _ := s.Put(ctx, a, t0); isNew {
		t.Error("an article stored before the migration was stored again")
	}
	// Opening again does nothing more.
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}
