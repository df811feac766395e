package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
)

// PutEach stores each article with its own fetch time, in one
// transaction, and gives the same answers Put would.
func TestPutEach(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a, b := genArticle(5, 1), genArticle(5, 2)
	if _, err := s.PutEach(ctx, []*article.Article{a, b}, []time.Time{t0}); err == nil {
		t.Fatal("PutEach with fewer times than articles: no error")
	}
	times := []time.Time{t0, t0.Add(time.Hour), t0.Add(2 * time.Hour)}
	res, err := s.PutEach(ctx, []*article.Article{a, b, a}, times)
	if err != nil {
		t.Fatal(err)
	}
	ids, isNew := make([]int64, len(res)), make([]bool, len(res))
	for i, r := range res {
		ids[i], isNew[i] = r.ID, r.New
	}
	if !isNew[0] || !isNew[1] || isNew[2] || ids[2] != ids[0] || ids[1] == ids[0] {
		t.Fatalf("PutEach: ids %v new %v, want new, new, duplicate of the first", ids, isNew)
	}
	for i, id := range ids[:2] {
		var ns int64
		if err := s.w.QueryRowContext(ctx, `SELECT fetched_ns FROM articles WHERE id = ?`, id).Scan(&ns); err != nil {
			t.Fatal(err)
		}
		if want := times[i].UnixNano(); ns != want {
			t.Errorf("article %d fetched_ns %d, want %d", i, ns, want)
		}
	}
	// The statements of a batch are the ones Put would write: storing
	// the same articles one by one into another store gives the same rows.
	one := openTemp(t)
	for i, x := range []*article.Article{a, b} {
		if _, _, err := one.Put(ctx, x, times[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, tb := range []string{"articles", "quotes", "statements", "speakers", "minhash"} {
		if n, m := count(t, s, tb), count(t, one, tb); n != m || n == 0 && tb == "articles" {
			t.Errorf("%s: %d rows after PutEach, %d after Put", tb, n, m)
		}
	}
}

// Within one transaction a speaker or statement written once is not
// written again, unless the later quote adds to it: a role where the row
// had none, an earlier first time.
func TestPutEachKnownRows(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	quote := func(text, role string) article.Quote {
		return article.Quote{Text: text, Kind: article.Direct, Cue: "said",
			Speaker: &article.Entity{Name: "Ann Example", Role: role}}
	}
	a, b := genArticle(6, 1), genArticle(6, 2)
	a.Quotes = []article.Quote{quote("We will build it.", ""), quote("It is ready.", ""), quote("We will build it.", "")}
	b.Quotes = []article.Quote{quote("We will build it!", "minister"), quote("Done.", "")}
	later := t0.Add(time.Hour)
	if _, err := s.PutEach(ctx, []*article.Article{a, b}, []time.Time{later, t0}); err != nil {
		t.Fatal(err)
	}
	var n int
	var role string
	if err := s.w.QueryRowContext(ctx, `SELECT count(*), max(role) FROM speakers`).Scan(&n, &role); err != nil {
		t.Fatal(err)
	}
	if n != 1 || role != "minister" {
		t.Errorf("%d speakers, role %q; want 1, minister", n, role)
	}
	var first int64
	if err := s.w.QueryRowContext(ctx, `SELECT s.first_ns FROM statements s JOIN quotes q ON q.statement_id = s.id
		WHERE q.text = 'We will build it.' LIMIT 1`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	if first != t0.UnixNano() {
		t.Errorf("statement first_ns %d, want the earlier fetch %d", first, t0.UnixNano())
	}
	if c := count(t, s, "statements"); c != 3 {
		t.Errorf("%d statements, want 3", c)
	}
	if c := count(t, s, "quotes"); c != 5 {
		t.Errorf("%d quotes, want 5", c)
	}
}

// A batch larger than one documents statement holds stores every
// document, and each is in the full-text index.
func TestPutBatchManyDocuments(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	as := make([]*article.Article, 300)
	for i := range as {
		as[i] = genArticle(7, i)
	}
	as = append(as, as[0]) // a duplicate gets no second document
	if _, err := s.PutBatch(ctx, as, t0); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "documents"); n != 300 {
		t.Errorf("%d documents, want 300", n)
	}
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, `"`+as[299].Headline+`"`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Errorf("headline %q of the last article not in the index", as[299].Headline)
	}
}
