package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store/minhash"
	"github.com/newsclip/newsclip/store/simhash"
)

// A migration brings the schema from version i to i+1 inside one
// transaction. migrations[0] creates version 1 from an empty file. The
// version lives in PRAGMA user_version. Never edit a released migration:
// add a new one.
type migration func(ctx context.Context, tx *sql.Tx) error

var migrations = []migration{
	migrate1, // articles, quotes, speakers, statements, fetch log, FTS5
	migrate2, // SimHash fingerprints, band index, stories regrouped
	migrate3, // MinHash sketches and LSH band index replace SimHash, stories regrouped
	migrate4, // band keys rebuilt for 16 bands of 3 rows (were 32 of 4)
}

// migrate applies the migrations from the file's version up to want, each
// in its own transaction. A file newer than this program is refused.
func migrate(ctx context.Context, db *sql.DB, want int) error {
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program knows (%d)", have, len(migrations))
	}
	for v := have; v < want; v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to %d: %w", v+1, err)
		}
		// Another process may have migrated between our read and BEGIN
		// IMMEDIATE: check again under the write lock.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", v+1, err)
		}
		if now > v {
			tx.Rollback()
			v = now - 1
			continue
		}
		if err := migrations[v](ctx, tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to %d: %w", v+1, err)
		}
	}
	return nil
}

func execAll(ctx context.Context, tx *sql.Tx, stmts ...string) error {
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%w in %.60q", err, q)
		}
	}
	return nil
}

func migrate1(ctx context.Context, tx *sql.Tx) error {
	return execAll(ctx, tx,
		// articles holds what searches filter and sort on, in small rows
		// so that filter lookups stay in a few cached pages; the text and
		// JSON live in documents. url_key is the deduplication key
		// (normalised canonical URL, else URL, else a hash of the text):
		// UNIQUE, so nothing is stored twice even if two writers race.
		// published_ns/fetched_ns are Unix nanoseconds (UTC) for ranges and
		// ordering; published keeps the page's own zone as RFC 3339.
		`CREATE TABLE articles (
			id            INTEGER PRIMARY KEY,
			url_key       TEXT NOT NULL UNIQUE,
			url           TEXT NOT NULL DEFAULT '',
			canonical_url TEXT NOT NULL DEFAULT '',
			site          TEXT NOT NULL DEFAULT '',
			language      TEXT NOT NULL DEFAULT '',
			headline      TEXT NOT NULL DEFAULT '',
			published     TEXT,
			published_ns  INTEGER,
			fetched_ns    INTEGER NOT NULL,
			story         INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX articles_published ON articles(published_ns)`,
		`CREATE INDEX articles_site ON articles(site, published_ns)`,
		`CREATE INDEX articles_story ON articles(story)`,
		// documents: the full Article JSON and the text the FTS index is
		// built from (headline, plain body text).
		`CREATE TABLE documents (
			id       INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
			headline TEXT NOT NULL DEFAULT '',
			body     TEXT NOT NULL DEFAULT '',
			json     TEXT NOT NULL
		)`,
		// External-content FTS5 table over headline and body, kept in sync
		// by triggers, so the index changes in the same transaction as the
		// row.
		`CREATE VIRTUAL TABLE articles_fts USING fts5(
			headline, body,
			content='documents', content_rowid='id',
			tokenize='unicode61 remove_diacritics 2'
		)`,
		// rank is BM25 with the headline weighing four times the body.
		`INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)')`,
		`CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
			INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
		END`,
		`CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
			INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
		END`,
		`CREATE TRIGGER documents_au AFTER UPDATE OF headline, body ON documents BEGIN
			INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
			INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
		END`,
		// name_key is the lower-cased name: speakers match case-blind.
		`CREATE TABLE speakers (
			id       INTEGER PRIMARY KEY,
			name_key TEXT NOT NULL UNIQUE,
			name     TEXT NOT NULL,
			role     TEXT NOT NULL DEFAULT '',
			kind     TEXT NOT NULL DEFAULT ''
		)`,
		// A statement is one thing one speaker said, however many outlets
		// quote it: skey = normalised-text hash + speaker.
		`CREATE TABLE statements (
			id         INTEGER PRIMARY KEY,
			skey       TEXT NOT NULL UNIQUE,
			speaker_id INTEGER REFERENCES speakers(id),
			first_ns   INTEGER NOT NULL
		)`,
		`CREATE TABLE quotes (
			id           INTEGER PRIMARY KEY,
			article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
			ord          INTEGER NOT NULL,
			speaker_id   INTEGER REFERENCES speakers(id),
			statement_id INTEGER NOT NULL REFERENCES statements(id),
			text         TEXT NOT NULL,
			text_key     TEXT NOT NULL,
			kind         TEXT NOT NULL DEFAULT '',
			cue          TEXT NOT NULL DEFAULT '',
			json         TEXT NOT NULL,
			UNIQUE (article_id, ord)
		)`,
		// (speaker, article) covers the speaker filter of Search.
		`CREATE INDEX quotes_speaker ON quotes(speaker_id, article_id)`,
		`CREATE INDEX quotes_statement ON quotes(statement_id)`,
		`CREATE TABLE fetch_log (
			id            INTEGER PRIMARY KEY,
			url           TEXT NOT NULL,
			status        INTEGER NOT NULL DEFAULT 0,
			err           TEXT NOT NULL DEFAULT '',
			etag          TEXT NOT NULL DEFAULT '',
			last_modified TEXT NOT NULL DEFAULT '',
			fetched_ns    INTEGER NOT NULL
		)`,
		`CREATE INDEX fetch_log_url ON fetch_log(url, fetched_ns)`,
	)
}

// migrate2 adds near-duplicate grouping: each article's SimHash and a band
// index (simhash.NumBands rows per article) so that candidates are found by
// key, not by scanning. Stories of existing articles are recomputed in ID
// order, as if they had been stored with this version.
func migrate2(ctx context.Context, tx *sql.Tx) error {
	if err := execAll(ctx, tx,
		`ALTER TABLE articles ADD COLUMN simhash INTEGER`,
		`CREATE TABLE simhash_bands (
			band       INTEGER NOT NULL,
			value      INTEGER NOT NULL,
			article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
			PRIMARY KEY (band, value, article_id)
		) WITHOUT ROWID`,
		`CREATE INDEX simhash_bands_article ON simhash_bands(article_id)`,
	); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, json FROM documents ORDER BY id`)
	if err != nil {
		return err
	}
	type row struct {
		id int64
		fp simhash.Fingerprint
		ok bool
	}
	var all []row
	for rows.Next() {
		var id int64
		var js string
		if err := rows.Scan(&id, &js); err != nil {
			rows.Close()
			return err
		}
		var a article.Article
		if err := json.Unmarshal([]byte(js), &a); err != nil {
			rows.Close()
			return fmt.Errorf("article %d: %w", id, err)
		}
		fp, ok := v2Fingerprint(&a)
		all = append(all, row{id, fp, ok})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for _, r := range all {
		story := r.id
		var fp sql.NullInt64
		if r.ok {
			fp = sql.NullInt64{Int64: int64(r.fp), Valid: true}
			if s, found, err := v2FindStory(ctx, tx, r.fp); err != nil {
				return err
			} else if found {
				story = s
			}
			if err := v2IndexFingerprint(ctx, tx, r.id, r.fp); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET story = ?, simhash = ? WHERE id = ?`, story, fp, r.id); err != nil {
			return err
		}
	}
	return nil
}

// v2Fingerprint, v2FindStory and v2IndexFingerprint are the SimHash
// grouping of schema version 2, kept so that migrate2 does what it did when
// it was released; migrate3 replaces its result.
func v2Fingerprint(a *article.Article) (simhash.Fingerprint, bool) {
	fp, n := simhash.Of(a.BodyText())
	return fp, n >= 24
}

func v2FindStory(ctx context.Context, tx *sql.Tx, fp simhash.Fingerprint) (int64, bool, error) {
	b := simhash.Bands(fp)
	rows, err := tx.QueryContext(ctx, `SELECT a.story, a.simhash FROM simhash_bands sb
		JOIN articles a ON a.id = sb.article_id
		WHERE (sb.band = 0 AND sb.value = ?) OR (sb.band = 1 AND sb.value = ?)
		   OR (sb.band = 2 AND sb.value = ?) OR (sb.band = 3 AND sb.value = ?)`,
		b[0], b[1], b[2], b[3])
	if err != nil {
		return 0, false, fmt.Errorf("find story: %w", err)
	}
	defer rows.Close()
	best, bestD, found := int64(0), simhash.MaxDistance+1, false
	for rows.Next() {
		var story, other int64
		if err := rows.Scan(&story, &other); err != nil {
			return 0, false, fmt.Errorf("find story: %w", err)
		}
		d := simhash.Distance(fp, simhash.Fingerprint(other))
		if d < bestD || (d == bestD && story < best) {
			best, bestD, found = story, d, true
		}
	}
	return best, found, rows.Err()
}

func v2IndexFingerprint(ctx context.Context, tx *sql.Tx, id int64, fp simhash.Fingerprint) error {
	for band, v := range simhash.Bands(fp) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO simhash_bands (band, value, article_id) VALUES (?, ?, ?)`, band, v, id); err != nil {
			return fmt.Errorf("index simhash: %w", err)
		}
	}
	return nil
}

// migrate3 replaces SimHash grouping by MinHash (store/minhash): a sketch
// per article (signature and distinct-shingle count) and an LSH index of
// minhash.NumBands band keys per article, looked up by key. SimHash missed
// most copies with a few edits (see docs/store.md). The SimHash column and
// bands are dropped, and the stories of stored articles are recomputed in
// ID order, as if they had been stored with this version.
func migrate3(ctx context.Context, tx *sql.Tx) error {
	if err := execAll(ctx, tx,
		`DROP TABLE simhash_bands`,
		`ALTER TABLE articles DROP COLUMN simhash`,
		// sig is minhash.NumHashes little-endian uint32 minima.
		`CREATE TABLE minhash (
			article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
			shingles   INTEGER NOT NULL,
			sig        BLOB NOT NULL
		)`,
		// No foreign key and no article_id index on the bands: with a
		// foreign key each Put's multi-row insert needed a statement
		// journal and the index doubled the random page writes (each key
		// lands on its own page); together they made Put 0.3-0.5 ms
		// slower (measured with 32 keys an article).
		// Lookups join through minhash, so band rows of a deleted article
		// (there is no delete path yet) would find nothing.
		`CREATE TABLE minhash_bands (
			key        INTEGER NOT NULL,
			article_id INTEGER NOT NULL,
			PRIMARY KEY (key, article_id)
		) WITHOUT ROWID`,
	); err != nil {
		return err
	}
	// The body column is a.BodyText(), what Put sketches. Bodies are read
	// in pages of ids so that memory stays bounded on a large store; each
	// page is read completely before it is written (no statement is open
	// across the writes).
	type row struct {
		id int64
		sk minhash.Sketch
		ok bool
	}
	st := &putStmts{tx: tx}
	defer st.close()
	last := int64(-1 << 63)
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, body FROM documents WHERE id > ? ORDER BY id LIMIT 500`, last)
		if err != nil {
			return err
		}
		var page []row
		for rows.Next() {
			var id int64
			var body string
			if err := rows.Scan(&id, &body); err != nil {
				rows.Close()
				return err
			}
			sk, ok := sketch(body)
			page = append(page, row{id, sk, ok})
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
		if len(page) == 0 {
			return nil
		}
		for i := range page {
			r := &page[i]
			story := r.id
			if r.ok {
				keys := minhash.Keys(&r.sk)
				if s, found, err := st.findStory(ctx, &r.sk, &keys); err != nil {
					return err
				} else if found {
					story = s
				}
				if err := st.indexSketch(ctx, r.id, &r.sk, &keys); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET story = ? WHERE id = ?`, story, r.id); err != nil {
				return err
			}
		}
		last = page[len(page)-1].id
	}
}

// migrate4 rebuilds the band index from the stored sketches: the band
// layout changed from 32 keys of 4 rows to 16 keys of 3 (store/minhash,
// docs/store.md), and keys of the old layout never match a new article's,
// so nothing stored before would be found as a copy again. Stories keep
// their groups: the sketches, and so the grouping rule, are unchanged.
func migrate4(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM minhash_bands`); err != nil {
		return err
	}
	type row struct {
		id int64
		sk minhash.Sketch
	}
	st := &putStmts{tx: tx}
	defer st.close()
	last := int64(-1 << 63)
	for {
		// A page of sketches is read completely before its keys are
		// written (no statement open across the writes).
		rows, err := tx.QueryContext(ctx, `SELECT article_id, shingles, sig FROM minhash WHERE article_id > ? ORDER BY article_id LIMIT 500`, last)
		if err != nil {
			return err
		}
		var page []row
		for rows.Next() {
			var r row
			var n int
			var sig []byte
			if err := rows.Scan(&r.id, &n, &sig); err != nil {
				rows.Close()
				return err
			}
			if r.sk, err = minhash.Decode(sig, n); err != nil {
				rows.Close()
				return fmt.Errorf("article %d: %w", r.id, err)
			}
			page = append(page, r)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
		if len(page) == 0 {
			return nil
		}
		for i := range page {
			keys := minhash.Keys(&page[i].sk)
			if err := st.indexKeys(ctx, page[i].id, &keys); err != nil {
				return err
			}
		}
		last = page[len(page)-1].id
	}
}
