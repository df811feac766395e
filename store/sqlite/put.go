package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/minhash"
)

// MinShingles is the fewest distinct body shingles an article needs to be
// grouped with near-duplicates: a short text's sketch says too little, and
// grouping two different briefs as one story is worse than missing a pair.
const MinShingles = 24

// Put stores a and its quotes in one transaction. It returns the ID and
// isNew=false, storing nothing, when an article with the same canonical URL
// (else URL, else text) is already stored.
func (s *Store) Put(ctx context.Context, a *article.Article, fetchedAt time.Time) (int64, bool, error) {
	res, err := s.PutBatch(ctx, []*article.Article{a}, fetchedAt)
	if err != nil {
		return 0, false, err
	}
	return res[0].ID, res[0].New, nil
}

// PutResult is store.PutResult.
type PutResult = store.PutResult

// PutBatch stores many articles in one transaction: all or none. It is
// Put for bulk loads (an import, the benchmark), where one commit per
// article would dominate. Duplicates inside the batch are found too.
func (s *Store) PutBatch(ctx context.Context, as []*article.Article, fetchedAt time.Time) ([]PutResult, error) {
	times := make([]time.Time, len(as))
	for i := range times {
		times[i] = fetchedAt
	}
	return s.putAll(ctx, as, times)
}

// PutEach is PutBatch with a fetch time per article (store.BatchPutter).
func (s *Store) PutEach(ctx context.Context, as []*article.Article, fetchedAt []time.Time) ([]PutResult, error) {
	if len(fetchedAt) != len(as) {
		return nil, fmt.Errorf("put: %d articles, %d fetch times", len(as), len(fetchedAt))
	}
	return s.putAll(ctx, as, fetchedAt)
}

func (s *Store) putAll(ctx context.Context, as []*article.Article, fetchedAt []time.Time) ([]PutResult, error) {
	prepared := make([]prepared, len(as))
	for i, a := range as {
		if a == nil {
			return nil, fmt.Errorf("put article %d: nil article", i)
		}
		p, err := prepare(a, fetchedAt[i])
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", articleName(a), err)
		}
		prepared[i] = p
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback() // no-op after Commit
	st := &putStmts{tx: tx}
	defer st.close()
	out := make([]PutResult, len(as))
	for i := range prepared {
		id, isNew, err := putTx(ctx, st, &prepared[i])
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", articleName(as[i]), err)
		}
		out[i] = PutResult{ID: id, New: isNew}
	}
	if err := putDocuments(ctx, tx, prepared, out); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	return out, nil
}

// putDocuments inserts the documents of the new articles, last and in
// one statement: their trigger fills the FTS index, whose pending changes
// are written out at every statement savepoint after it (an upsert, an
// insert with a trigger opens one). Inserted by one statement after all
// others, they are written out once, at the commit.
func putDocuments(ctx context.Context, tx *sql.Tx, prepared []prepared, out []PutResult) error {
	// Rows per statement: far below SQLite's limit of bound parameters.
	const rows = 256
	args := make([]any, 0, 4*min(len(prepared), rows))
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		q := `INSERT INTO documents (id, headline, body, json) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", len(args)/4), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("put: insert documents: %w", err)
		}
		args = args[:0]
		return nil
	}
	for i := range prepared {
		if !out[i].New {
			continue
		}
		p := &prepared[i]
		args = append(args, out[i].ID, p.a.Headline, p.body, p.js)
		if len(args) == 4*rows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// putStmts are the statements of one Put transaction, each prepared on
// its second use and reused for every article and quote after it:
// preparing (parsing and planning the SQL) cost more than running the
// statements.
type putStmts struct {
	tx    *sql.Tx
	stmts [numPutStmts]*sql.Stmt
	used  [numPutStmts]bool
	// What this transaction wrote already and need not write again: an
	// article quotes the same speaker many times.
	speakers   map[string]knownSpeaker
	statements map[string]knownStatement
}

// knownSpeaker is a speaker row as this transaction left it; roleSet and
// kindSet say the row's role and kind are surely not empty (an upsert
// only fills empty ones).
type knownSpeaker struct {
	id               int64
	roleSet, kindSet bool
}

// knownStatement is a statement row and the first_ns this transaction
// upserted it with (the row's first_ns is at most that).
type knownStatement struct {
	id, ns int64
}

const (
	stmtLookup = iota
	stmtArticle
	stmtOwnStory
	stmtSpeaker
	stmtStatement
	stmtQuote
	stmtFindStory
	stmtSketch
	stmtBands
	numPutStmts
)

var putSQL = [numPutStmts]string{
	stmtLookup: `SELECT id FROM articles WHERE url_key = ?`,
	stmtArticle: `INSERT INTO articles
		(url_key, url, canonical_url, site, language, headline, published, published_ns, fetched_ns, story)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	stmtOwnStory: `UPDATE articles SET story = id WHERE id = ?`,
	stmtSpeaker: `INSERT INTO speakers (name_key, name, role, kind) VALUES (?, ?, ?, ?)
			ON CONFLICT (name_key) DO UPDATE SET
				role = CASE WHEN speakers.role = '' THEN excluded.role ELSE speakers.role END,
				kind = CASE WHEN speakers.kind = '' THEN excluded.kind ELSE speakers.kind END
			RETURNING id`,
	stmtStatement: `INSERT INTO statements (skey, speaker_id, first_ns) VALUES (?, ?, ?)
		ON CONFLICT (skey) DO UPDATE SET first_ns = min(statements.first_ns, excluded.first_ns)
		RETURNING id`,
	stmtQuote: `INSERT INTO quotes (article_id, ord, speaker_id, statement_id, text, text_key, kind, cue, json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	stmtFindStory: findStoryQuery,
	stmtSketch:    `INSERT INTO minhash (article_id, shingles, sig) VALUES (?, ?, ?)`,
	// OR IGNORE: two bands with the same key (a 2^-64 chance) are one row.
	stmtBands: `INSERT OR IGNORE INTO minhash_bands (key, article_id) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?),", minhash.NumBands), ","),
}

// get returns statement k prepared, or nil the first time it is used in
// this transaction: a statement run once (as most are when Put stores one
// article) costs less unprepared; one run again is prepared and reused.
func (p *putStmts) get(ctx context.Context, k int) (*sql.Stmt, error) {
	if !p.used[k] {
		p.used[k] = true
		return nil, nil
	}
	if p.stmts[k] == nil {
		st, err := p.tx.PrepareContext(ctx, putSQL[k])
		if err != nil {
			return nil, err
		}
		p.stmts[k] = st
	}
	return p.stmts[k], nil
}

func (p *putStmts) query(ctx context.Context, k int, args ...any) (*sql.Rows, error) {
	st, err := p.get(ctx, k)
	switch {
	case err != nil:
		return nil, err
	case st == nil:
		return p.tx.QueryContext(ctx, putSQL[k], args...)
	}
	return st.QueryContext(ctx, args...)
}

func (p *putStmts) queryRow(ctx context.Context, k int, dest any, args ...any) error {
	st, err := p.get(ctx, k)
	switch {
	case err != nil:
		return err
	case st == nil:
		return p.tx.QueryRowContext(ctx, putSQL[k], args...).Scan(dest)
	}
	return st.QueryRowContext(ctx, args...).Scan(dest)
}

func (p *putStmts) exec(ctx context.Context, k int, args ...any) error {
	st, err := p.get(ctx, k)
	switch {
	case err != nil:
		return err
	case st == nil:
		_, err = p.tx.ExecContext(ctx, putSQL[k], args...)
	default:
		_, err = st.ExecContext(ctx, args...)
	}
	return err
}

func (p *putStmts) close() {
	for _, st := range p.stmts {
		if st != nil {
			st.Close()
		}
	}
}

func articleName(a *article.Article) string {
	switch {
	case a == nil:
		return "<nil>"
	case a.CanonicalURL != "":
		return a.CanonicalURL
	case a.URL != "":
		return a.URL
	case a.Input != "":
		return a.Input
	}
	return fmt.Sprintf("%.40q", a.Headline)
}

// prepared is an article with everything computed that needs no database.
type prepared struct {
	a               *article.Article
	key, site, lang string
	published       sql.NullString
	publishedNS     sql.NullInt64
	fetchedNS       int64
	body, js        string
	sketch          minhash.Sketch
	sketchOK        bool
	quotes          []preparedQuote
}

type preparedQuote struct {
	text, kind, cue       string
	js, textKey, stmtHash string
	speaker               *article.Entity
	speakerKey            string
}

func prepare(a *article.Article, fetchedAt time.Time) (prepared, error) {
	if fetchedAt.IsZero() {
		return prepared{}, errors.New("zero fetch time")
	}
	js, err := json.Marshal(a)
	if err != nil {
		return prepared{}, fmt.Errorf("encode: %w", err)
	}
	p := prepared{
		a:         a,
		key:       dedupKey(a),
		site:      siteOf(a),
		lang:      strings.TrimSpace(a.Language),
		fetchedNS: fetchedAt.UnixNano(),
		body:      a.BodyText(),
		js:        string(js),
	}
	if a.Published != nil && !a.Published.Time.IsZero() {
		if ns, ok := unixNano(a.Published.Time); ok {
			p.published = sql.NullString{String: a.Published.Time.Format(time.RFC3339Nano), Valid: true}
			p.publishedNS = sql.NullInt64{Int64: ns, Valid: true}
		}
	}
	p.sketch, p.sketchOK = sketch(p.body)
	for _, q := range a.Quotes {
		qj, err := json.Marshal(q)
		if err != nil {
			return prepared{}, fmt.Errorf("encode quote: %w", err)
		}
		pq := preparedQuote{text: q.Text, kind: q.Kind, cue: q.Cue, js: string(qj), textKey: strings.ToLower(q.Text), stmtHash: statementHash(q.Text)}
		if q.Speaker != nil {
			if k := speakerKey(q.Speaker.Name); k != "" {
				pq.speaker, pq.speakerKey = q.Speaker, k
			}
		}
		p.quotes = append(p.quotes, pq)
	}
	return p, nil
}

// unixNano is t in Unix nanoseconds when int64 can hold it (1678-2262).
func unixNano(t time.Time) (int64, bool) {
	sec := t.Unix()
	if sec <= math.MinInt64/int64(time.Second)+1 || sec >= math.MaxInt64/int64(time.Second)-1 {
		return 0, false
	}
	return t.UnixNano(), true
}

// sketch is the MinHash sketch of a body text, and whether the body is
// long enough to group by it.
func sketch(body string) (minhash.Sketch, bool) {
	sk := minhash.Of(body)
	return sk, sk.Shingles >= MinShingles
}

// putTx writes an article's rows but its document (putAll writes that):
// it returns the ID and whether the article is new.
func putTx(ctx context.Context, st *putStmts, p *prepared) (int64, bool, error) {
	// The UNIQUE url_key makes a second copy impossible; looking first
	// just avoids the failed INSERT and gives the existing ID.
	var id int64
	switch err := st.queryRow(ctx, stmtLookup, &id, p.key); {
	case err == nil:
		return id, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, err
	}
	story, grouped := int64(0), false
	var keys [minhash.NumBands]int64
	if p.sketchOK {
		keys = minhash.Keys(&p.sketch)
		var err error
		if story, grouped, err = st.findStory(ctx, &p.sketch, &keys); err != nil {
			return 0, false, err
		}
	}
	a := p.a
	err := st.queryRow(ctx, stmtArticle, &id,
		p.key, a.URL, a.CanonicalURL, p.site, p.lang, a.Headline, p.published, p.publishedNS,
		p.fetchedNS, story)
	if err != nil {
		return 0, false, fmt.Errorf("insert article: %w", err)
	}
	if !grouped {
		if err := st.exec(ctx, stmtOwnStory, id); err != nil {
			return 0, false, fmt.Errorf("set story: %w", err)
		}
	}
	if p.sketchOK {
		if err := st.indexSketch(ctx, id, &p.sketch, &keys); err != nil {
			return 0, false, err
		}
	}
	for i, q := range p.quotes {
		if err := st.putQuote(ctx, id, i, p.fetchedNS, q); err != nil {
			return 0, false, fmt.Errorf("quote %d: %w", i, err)
		}
	}
	return id, true, nil
}

// findStory returns the story of the most similar stored article
// (minhash.Similar; ties: the oldest story), reading only the articles that
// share one of the sketch's band keys: an indexed lookup, not a scan.
func (p *putStmts) findStory(ctx context.Context, sk *minhash.Sketch, keys *[minhash.NumBands]int64) (int64, bool, error) {
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := p.query(ctx, stmtFindStory, args...)
	if err != nil {
		return 0, false, fmt.Errorf("find story: %w", err)
	}
	defer rows.Close()
	best, bestScore, found := int64(0), 0.0, false
	for rows.Next() {
		var story int64
		var n int
		var sig []byte
		if err := rows.Scan(&story, &n, &sig); err != nil {
			return 0, false, fmt.Errorf("find story: %w", err)
		}
		other, err := minhash.Decode(sig, n)
		if err != nil {
			return 0, false, fmt.Errorf("find story: %w", err)
		}
		ok, score := minhash.Similar(sk, &other)
		if ok && (!found || score > bestScore || (score == bestScore && story < best)) {
			best, bestScore, found = story, score, true
		}
	}
	return best, found, rows.Err()
}

// findStoryQuery reads the sketches and stories of the articles sharing a
// band key with the NumBands keys given.
var findStoryQuery = `SELECT a.story, m.shingles, m.sig FROM minhash m
	JOIN articles a ON a.id = m.article_id
	WHERE m.article_id IN (SELECT article_id FROM minhash_bands WHERE key IN (` +
	strings.TrimSuffix(strings.Repeat("?,", minhash.NumBands), ",") + `))`

// indexSketch stores the sketch of article id and its band keys (one
// statement for all keys: a statement per key cost more than the rest of
// Put).
func (p *putStmts) indexSketch(ctx context.Context, id int64, sk *minhash.Sketch, keys *[minhash.NumBands]int64) error {
	if err := p.exec(ctx, stmtSketch, id, sk.Shingles, sk.Bytes()); err != nil {
		return fmt.Errorf("index minhash: %w", err)
	}
	return p.indexKeys(ctx, id, keys)
}

// indexKeys stores the band keys of article id.
func (p *putStmts) indexKeys(ctx context.Context, id int64, keys *[minhash.NumBands]int64) error {
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, id)
	}
	if err := p.exec(ctx, stmtBands, args...); err != nil {
		return fmt.Errorf("index minhash: %w", err)
	}
	return nil
}

// putQuote stores one quote (its speaker and statement included).
func (st *putStmts) putQuote(ctx context.Context, articleID int64, ord int, fetchedNS int64, q preparedQuote) error {
	var speaker sql.NullInt64
	skey := q.stmtHash + "/"
	if q.speaker != nil {
		k, ok := st.speakers[q.speakerKey]
		if !ok || (q.speaker.Role != "" && !k.roleSet) || (q.speaker.Kind != "" && !k.kindSet) {
			err := st.queryRow(ctx, stmtSpeaker, &k.id,
				q.speakerKey, strings.TrimSpace(q.speaker.Name), q.speaker.Role, q.speaker.Kind)
			if err != nil {
				return fmt.Errorf("speaker: %w", err)
			}
			k.roleSet = k.roleSet || q.speaker.Role != ""
			k.kindSet = k.kindSet || q.speaker.Kind != ""
			if st.speakers == nil {
				st.speakers = map[string]knownSpeaker{}
			}
			st.speakers[q.speakerKey] = k
		}
		speaker = sql.NullInt64{Int64: k.id, Valid: true}
		skey += strconv.FormatInt(k.id, 10)
	}
	k, ok := st.statements[skey]
	if !ok || fetchedNS < k.ns {
		if err := st.queryRow(ctx, stmtStatement, &k.id, skey, speaker, fetchedNS); err != nil {
			return fmt.Errorf("statement: %w", err)
		}
		k.ns = fetchedNS
		if st.statements == nil {
			st.statements = map[string]knownStatement{}
		}
		st.statements[skey] = k
	}
	stmt := k.id
	err := st.exec(ctx, stmtQuote, articleID, ord, speaker, stmt, q.text, q.textKey, q.kind, q.cue, q.js)
	if err != nil {
		return fmt.Errorf("insert quote: %w", err)
	}
	return nil
}

// dedupKey is what makes two articles the same: the canonical URL, else the
// URL (both normalised), else a hash of the text for articles with no URL
// (plain text read from a file).
func dedupKey(a *article.Article) string {
	for _, u := range []string{a.CanonicalURL, a.URL} {
		if k := normalizeURL(u); k != "" {
			return k
		}
	}
	sum := sha256.Sum256([]byte(a.Text()))
	return "text:" + hex.EncodeToString(sum[:16])
}

// normalizeURL lower-cases scheme and host, drops the fragment, default
// ports and a trailing slash. It keeps the query: on many sites it names
// the article.
func normalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && u.Port() == "80") || (u.Scheme == "https" && u.Port() == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
	}
	if u.Path == "/" {
		u.Path = ""
	}
	return u.String()
}

// siteOf is the host the article was published on, without "www.", from
// the canonical URL or the URL; the site name when neither has a host.
func siteOf(a *article.Article) string {
	for _, raw := range []string{a.CanonicalURL, a.URL} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return strings.ToLower(strings.TrimSpace(a.SiteName))
}

// speakerKey is the lower-cased name with spaces collapsed.
func speakerKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}

// statementHash identifies a quote's text across outlets: lower-cased,
// letters and digits only, so that punctuation, quote marks and spacing
// differences between outlets do not split a statement.
func statementHash(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	return hex.EncodeToString(sum[:16])
}
