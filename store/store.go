// Package store defines where collected articles are kept: the Store
// interface that the collector and the server use, independent of the
// database behind it. The embedded SQLite implementation lives in
// store/sqlite; a server database can implement the same interface later
// without touching the pipeline.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/newsclip/newsclip/article"
)

// ErrNotFound is returned (wrapped) by Get when no article has the ID.
var ErrNotFound = errors.New("not found")

// ErrNoWords is returned (wrapped) by Search when the query text has
// something in it but no word to search for ("***", "()", "-"): the
// caller's mistake, not the store's.
var ErrNoWords = errors.New("query has no words to search for")

// Stored is an article as kept in the store.
type Stored struct {
	ID int64 `json:"id"`
	// Story groups near-duplicates (the same wire story on many sites):
	// equal to ID for the first-seen copy.
	Story     int64           `json:"story"`
	FetchedAt time.Time       `json:"fetched_at"`
	Article   article.Article `json:"article"`
}

// Query filters a search. Zero fields do not filter.
type Query struct {
	Text     string // full-text query
	Site     string
	Language string
	Speaker  string
	From, To time.Time // published time range, inclusive
	Limit    int
	Offset   int
}

// Hit is one search result.
type Hit struct {
	ID        int64      `json:"id"`
	URL       string     `json:"url"`
	Headline  string     `json:"headline"`
	Site      string     `json:"site,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Language  string     `json:"language,omitempty"`
	// Story is the near-duplicate group the article belongs to.
	Story int64 `json:"story,omitempty"`
	// Snippet is a short extract around the match.
	Snippet string `json:"snippet,omitempty"`
}

// QuoteHit is one stored quote with the article it came from.
type QuoteHit struct {
	ArticleID int64         `json:"article_id"`
	URL       string        `json:"url"`
	Site      string        `json:"site,omitempty"`
	Headline  string        `json:"headline,omitempty"`
	Published *time.Time    `json:"published,omitempty"`
	Quote     article.Quote `json:"quote"`
	// Statement groups the same statement quoted by several outlets;
	// FirstSeen is when it was first collected.
	Statement int64     `json:"statement"`
	FirstSeen time.Time `json:"first_seen"`
}

// SpeakerSummary is one speaker across the store.
type SpeakerSummary struct {
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Kind   string `json:"kind,omitempty"`
	Quotes int    `json:"quotes"`
}

// FetchRecord is one line of the fetch log: what happened to a URL.
type FetchRecord struct {
	URL          string
	Status       int
	Err          string
	ETag         string
	LastModified string
	FetchedAt    time.Time
}

// PutResult is the outcome of storing one article of a batch: its ID and
// whether it was new.
type PutResult struct {
	ID  int64
	New bool
}

// BatchPutter is a Store that can write several articles in one
// transaction, all or none, each with its own fetch time (fetchedAt[i] is
// as[i]'s); the results are in the order of as. The collector writes the
// articles of several pages with it.
type BatchPutter interface {
	PutEach(ctx context.Context, as []*article.Article, fetchedAt []time.Time) ([]PutResult, error)
}

// FetchBatchLogger is a Store that can append several fetch-log records
// in one transaction, all or none. The collector logs the pages of a
// stored batch with it.
type FetchBatchLogger interface {
	LogFetches(ctx context.Context, rs []FetchRecord) error
}

// Store keeps articles, their quotes and speakers, and the fetch log.
// Implementations are safe for concurrent use.
type Store interface {
	// Put stores an article and its quotes. It returns the stored ID and
	// whether the article was new (false when a copy with the same
	// canonical URL was already stored: nothing is stored twice).
	Put(ctx context.Context, a *article.Article, fetchedAt time.Time) (id int64, isNew bool, err error)
	Get(ctx context.Context, id int64) (*Stored, error)
	Search(ctx context.Context, q Query) ([]Hit, error)
	Quotes(ctx context.Context, speaker, text string, limit, offset int) ([]QuoteHit, error)
	Speakers(ctx context.Context, limit, offset int) ([]SpeakerSummary, error)
	// Export calls fn for every stored article in ID order.
	Export(ctx context.Context, fn func(*Stored) error) error
	// LogFetch records a fetch; LastFetch returns the latest record of a
	// URL (for conditional GET and to skip finished pages on re-runs).
	LogFetch(ctx context.Context, r FetchRecord) error
	LastFetch(ctx context.Context, url string) (*FetchRecord, bool, error)
	Close() error
}
