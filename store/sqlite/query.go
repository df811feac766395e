package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/newsclip/newsclip/store"
)

var _ store.Store = (*Store)(nil)

// DefaultLimit is the number of search hits when Query.Limit is not set;
// MaxLimit caps it.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
)

// Get returns the article with the given ID; the error wraps
// store.ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, id int64) (*store.Stored, error) {
	row := s.r.QueryRowContext(ctx, `SELECT a.id, a.story, a.fetched_ns, d.json FROM articles a JOIN documents d ON d.id = a.id WHERE a.id = ?`, id)
	st, err := scanStored(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("get article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get article %d: %w", id, err)
	}
	return st, nil
}

type scanner interface{ Scan(...any) error }

func scanStored(row scanner) (*store.Stored, error) {
	var st store.Stored
	var fetched int64
	var js string
	if err := row.Scan(&st.ID, &st.Story, &fetched, &js); err != nil {
		return nil, err
	}
	st.FetchedAt = time.Unix(0, fetched).UTC()
	if err := json.Unmarshal([]byte(js), &st.Article); err != nil {
		return nil, fmt.Errorf("decode article %d: %w", st.ID, err)
	}
	return &st, nil
}

// Export calls fn for every stored article in ID order, from one
// consistent snapshot. It stops at the first error fn returns.
func (s *Store) Export(ctx context.Context, fn func(*store.Stored) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.story, a.fetched_ns, d.json FROM articles a JOIN documents d ON d.id = a.id ORDER BY a.id`)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		st, err := scanStored(rows)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// Search finds articles. With query text it ranks full-text matches of
// headline and body by BM25 (headline words weigh more) and gives a
// snippet; with no text it lists the articles that pass the filters, the
// newest first, with the start of the body as snippet. Site matches the
// host or any subdomain ("bbc.co.uk" finds "news.bbc.co.uk"), Language the
// tag or its subtags ("en" finds "en-GB"), From/To the published time
// (articles with no published time do not pass a date filter), Speaker the
// articles with a quote by that speaker (case-blind).
func (s *Store) Search(ctx context.Context, q store.Query) ([]store.Hit, error) {
	var where []string
	var args []any
	text := strings.TrimSpace(q.Text)
	var parsed query
	if text != "" {
		var err error
		if parsed, err = parseQuery(text); err != nil {
			return nil, fmt.Errorf("search %.80q: %w", q.Text, err)
		}
		where = append(where, "articles_fts MATCH ?")
		args = append(args, parsed.fts)
	}
	if site := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(q.Site)), "www."); site != "" {
		where = append(where, `(a.site = ? OR a.site LIKE ? ESCAPE '\')`)
		args = append(args, site, "%."+escapeLike(site))
	}
	if lang := strings.TrimSpace(q.Language); lang != "" {
		// LIKE is case-blind for ASCII, which language tags are.
		where = append(where, `(a.language LIKE ? ESCAPE '\' OR a.language LIKE ? ESCAPE '\')`)
		args = append(args, escapeLike(lang), escapeLike(lang)+"-%")
	}
	if !q.From.IsZero() {
		where = append(where, "a.published_ns >= ?")
		args = append(args, clampNano(q.From))
	}
	if !q.To.IsZero() {
		where = append(where, "a.published_ns <= ?")
		args = append(args, clampNano(q.To))
	}
	if sp := speakerKey(q.Speaker); sp != "" {
		where = append(where, `a.id IN (SELECT q.article_id FROM quotes q JOIN speakers sp ON sp.id = q.speaker_id WHERE sp.name_key = ?)`)
		args = append(args, sp)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(q.Offset, 0)
	var rows *sql.Rows
	var err error
	if text != "" {
		rows, err = s.searchText(ctx, where, args, limit, offset)
	} else {
		rows, err = s.list(ctx, where, args, limit, offset)
	}
	if err != nil {
		return nil, fmt.Errorf("search %.80q: %w", q.Text, err)
	}
	defer rows.Close()
	hits := []store.Hit{}
	for rows.Next() {
		var h store.Hit
		var pub sql.NullString
		if err := rows.Scan(&h.ID, &h.URL, &h.Headline, &h.Site, &pub, &h.Language, &h.Story); err != nil {
			return nil, fmt.Errorf("search %.80q: %w", q.Text, err)
		}
		h.Published = parseTime(pub)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %.80q: %w", q.Text, err)
	}
	rows.Close()
	if err := s.snippets(ctx, hits, parsed.terms); err != nil {
		return nil, fmt.Errorf("search %.80q: %w", q.Text, err)
	}
	return hits, nil
}

// snippetScan is how much of a body (in characters) a snippet is looked
// for in: bodies are rarely longer, and a hostile one costs no more.
const snippetScan = 100000

// snippets fills the hits' snippets from their bodies.
func (s *Store) snippets(ctx context.Context, hits []store.Hit, terms []snippetTerm) error {
	if len(hits) == 0 {
		return nil
	}
	at := make(map[int64]int, len(hits))
	ids := make([]any, len(hits))
	for i, h := range hits {
		at[h.ID] = i
		ids[i] = h.ID
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, substr(body, 1, `+fmt.Sprint(snippetScan)+`) FROM documents
		WHERE id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		hits[at[id]].Snippet = snippet(body, terms)
	}
	return rows.Err()
}

// RankWindow bounds the work of ranking: when a query matches more than
// RankWindow articles (after filters), BM25 ranks the RankWindow newest
// matches (by ID, that is by arrival) instead of all of them. A word found
// in most of a large store ("said", "Monday") would otherwise cost BM25
// over every match; with the window a search stays fast at any store size,
// and the hits of a very common query are the best of the recent ones,
// which is what a news reader wants. Queries matching fewer articles are
// ranked exactly.
const RankWindow = 2000

// searchText runs a full-text query: where[0] is the MATCH.
func (s *Store) searchText(ctx context.Context, where []string, args []any, limit, offset int) (*sql.Rows, error) {
	from := "articles_fts"
	if len(where) > 1 { // filters on articles
		from += " JOIN articles a ON a.id = articles_fts.rowid"
	}
	cond := strings.Join(where, " AND ")
	// The window's lower bound: the RankWindow-th newest match. Walking
	// matches by rowid needs no ranking and stops early.
	window := max(s.rankWindow, offset+limit)
	var floor int64
	err := s.r.QueryRowContext(ctx, `SELECT articles_fts.rowid FROM `+from+` WHERE `+cond+`
		ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?`, slices.Concat(args, []any{window - 1})...).Scan(&floor)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	// Rank inside the window; snippets are cut afterwards, for the page
	// only (see snippet.go for why not FTS5's snippet()).
	return s.r.QueryContext(ctx, `SELECT a.id, a.url, a.headline, a.site, a.published, a.language, a.story
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE `+cond+` AND articles_fts.rowid >= ?
		ORDER BY bm25(articles_fts, 4.0, 1.0), articles_fts.rowid DESC LIMIT ? OFFSET ?`,
		slices.Concat(args, []any{floor, limit, offset})...)
}

// list runs a query with no text: filtered articles, newest first.
func (s *Store) list(ctx context.Context, where []string, args []any, limit, offset int) (*sql.Rows, error) {
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	return s.r.QueryContext(ctx, `WITH page AS (
			SELECT a.id FROM articles a `+cond+`
			ORDER BY a.published_ns DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?
		)
		SELECT a.id, a.url, a.headline, a.site, a.published, a.language, a.story
		FROM page JOIN articles a ON a.id = page.id
		ORDER BY a.published_ns DESC NULLS LAST, a.id DESC`, slices.Concat(args, []any{limit, offset})...)
}

// clampNano is t in Unix nanoseconds, clamped to what int64 holds.
func clampNano(t time.Time) int64 {
	if ns, ok := unixNano(t); ok {
		return ns
	}
	if t.Unix() < 0 {
		return math.MinInt64
	}
	return math.MaxInt64
}

func parseTime(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return nil
	}
	return &t
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Quotes returns stored quotes, oldest first (published time, else fetch
// time, then fetch time, then position): those of speaker (matched
// case-blind; empty means any) whose text contains text (case-blind; empty
// means any). limit <= 0 means no limit.
func (s *Store) Quotes(ctx context.Context, speaker, text string, limit, offset int) ([]store.QuoteHit, error) {
	var where []string
	var args []any
	if sp := speakerKey(speaker); sp != "" {
		where = append(where, "q.speaker_id = (SELECT id FROM speakers WHERE name_key = ?)")
		args = append(args, sp)
	}
	if t := strings.ToLower(strings.TrimSpace(text)); t != "" {
		where = append(where, "instr(q.text_key, ?) > 0")
		args = append(args, t)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, max(offset, 0))
	rows, err := s.r.QueryContext(ctx, `SELECT q.article_id, a.url, a.site, a.headline, a.published, q.json, q.statement_id, st.first_ns
		FROM quotes q JOIN articles a ON a.id = q.article_id JOIN statements st ON st.id = q.statement_id
		`+cond+`
		ORDER BY coalesce(a.published_ns, a.fetched_ns), a.fetched_ns, a.id, q.ord LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("quotes of %q: %w", speaker, err)
	}
	defer rows.Close()
	out := []store.QuoteHit{}
	for rows.Next() {
		var h store.QuoteHit
		var pub sql.NullString
		var js string
		var first int64
		if err := rows.Scan(&h.ArticleID, &h.URL, &h.Site, &h.Headline, &pub, &js, &h.Statement, &first); err != nil {
			return nil, fmt.Errorf("quotes of %q: %w", speaker, err)
		}
		if err := json.Unmarshal([]byte(js), &h.Quote); err != nil {
			return nil, fmt.Errorf("quotes of %q: decode: %w", speaker, err)
		}
		h.Published = parseTime(pub)
		h.FirstSeen = time.Unix(0, first).UTC()
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes of %q: %w", speaker, err)
	}
	return out, nil
}

// Speakers lists the speakers with their number of stored quotes, the most
// quoted first. limit <= 0 means no limit.
func (s *Store) Speakers(ctx context.Context, limit, offset int) ([]store.SpeakerSummary, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT sp.name, sp.role, sp.kind, count(*) AS n
		FROM speakers sp JOIN quotes q ON q.speaker_id = sp.id
		GROUP BY sp.id ORDER BY n DESC, sp.name_key LIMIT ? OFFSET ?`, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	defer rows.Close()
	out := []store.SpeakerSummary{}
	for rows.Next() {
		var sp store.SpeakerSummary
		if err := rows.Scan(&sp.Name, &sp.Role, &sp.Kind, &sp.Quotes); err != nil {
			return nil, fmt.Errorf("speakers: %w", err)
		}
		out = append(out, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	return out, nil
}

const insertFetch = `INSERT INTO fetch_log (url, status, err, etag, last_modified, fetched_ns)
	VALUES (?, ?, ?, ?, ?, ?)`

// LogFetch appends r to the fetch log. r.FetchedAt must be set.
func (s *Store) LogFetch(ctx context.Context, r store.FetchRecord) error {
	if err := checkFetch(r); err != nil {
		return err
	}
	_, err := s.w.ExecContext(ctx, insertFetch, r.URL, r.Status, r.Err, r.ETag, r.LastModified, r.FetchedAt.UnixNano())
	if err != nil {
		return fmt.Errorf("log fetch %s: %w", r.URL, err)
	}
	return nil
}

// LogFetches appends rs to the fetch log in one transaction: all are
// logged or none. Each record needs a URL and a fetch time.
func (s *Store) LogFetches(ctx context.Context, rs []store.FetchRecord) error {
	for _, r := range rs {
		if err := checkFetch(r); err != nil {
			return err
		}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("log fetches: begin: %w", err)
	}
	defer tx.Rollback() // no-op after Commit
	st, err := tx.PrepareContext(ctx, insertFetch)
	if err != nil {
		return fmt.Errorf("log fetches: %w", err)
	}
	defer st.Close()
	for _, r := range rs {
		if _, err := st.ExecContext(ctx, r.URL, r.Status, r.Err, r.ETag, r.LastModified, r.FetchedAt.UnixNano()); err != nil {
			return fmt.Errorf("log fetch %s: %w", r.URL, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("log fetches: commit: %w", err)
	}
	return nil
}

func checkFetch(r store.FetchRecord) error {
	if r.URL == "" {
		return errors.New("log fetch: empty URL")
	}
	if r.FetchedAt.IsZero() {
		return fmt.Errorf("log fetch %s: zero fetch time", r.URL)
	}
	return nil
}

// LastFetch returns the latest fetch-log record of url.
func (s *Store) LastFetch(ctx context.Context, url string) (*store.FetchRecord, bool, error) {
	var r store.FetchRecord
	var ns int64
	err := s.r.QueryRowContext(ctx, `SELECT url, status, err, etag, last_modified, fetched_ns FROM fetch_log
		WHERE url = ? ORDER BY fetched_ns DESC, id DESC LIMIT 1`, url).
		Scan(&r.URL, &r.Status, &r.Err, &r.ETag, &r.LastModified, &ns)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("last fetch %s: %w", url, err)
	}
	r.FetchedAt = time.Unix(0, ns).UTC()
	return &r, true, nil
}
