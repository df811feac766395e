// Package sqlite is the embedded store: store.Store over one SQLite file
// (modernc.org/sqlite, pure Go, no cgo).
//
// It keeps articles (full JSON plus the columns searches filter on), quotes
// normalised into speakers and statements, the fetch log, and an FTS5 index
// over headline and body. It deduplicates by canonical URL (a UNIQUE key)
// and groups near-duplicates into stories by MinHash (store/minhash). It
// does not fetch, extract or attribute: it stores what it is given.
//
// Concurrency: one writer connection (writes are serialised, each Put is one
// transaction) and a pool of reader connections; WAL lets readers run while
// a write is in progress. Several processes may open the same file; the
// busy timeout makes a writer wait for another process's write.
//
// Durability: WAL with synchronous=NORMAL. A committed transaction is in the
// WAL file (in the OS page cache at least) before Put returns, so killing
// the process, even with SIGKILL, loses nothing Put reported stored; only an
// operating-system crash or power loss can lose the last transactions, and
// even then the database stays consistent. See docs/store.md.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// BusyTimeout is how long a connection waits for a lock held by another
// connection or process, in milliseconds.
const BusyTimeout = 10000

// Store is a store.Store over one SQLite file. It is safe for concurrent
// use.
type Store struct {
	path string
	w    *sql.DB // the one writer connection
	r    *sql.DB // readers
	// rankWindow is RankWindow; tests lower it.
	rankWindow int
}

// Open opens (creating if needed) the store at path and brings its schema
// to the current version.
func Open(path string) (*Store, error) {
	return open(path, len(migrations))
}

// open opens the store and migrates it to version (tests open old versions).
func open(path string, version int) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	dsn := func(extra string) string {
		q := url.Values{}
		q.Set("_busy_timeout", fmt.Sprint(BusyTimeout))
		q.Set("_foreign_keys", "1")
		q.Set("_synchronous", "NORMAL")
		if extra != "" {
			q.Set(extra, "1")
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn("")+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	ctx := context.Background()
	// WAL is a property of the file: set once, through the writer.
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if mode != "wal" {
		w.Close()
		return nil, fmt.Errorf("open store %s: journal mode is %q, want wal", path, mode)
	}
	if err := migrate(ctx, w, version); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// Readers map the file (fewer read calls) and keep a larger page
	// cache: searches revisit the same index pages.
	r, err := sql.Open("sqlite", dsn("_query_only")+"&_pragma=mmap_size(1073741824)&_pragma=cache_size(-32768)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	n := max(2, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return &Store{path: path, w: w, r: r, rankWindow: RankWindow}, nil
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close closes the store. In-flight calls may fail after it.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}
