package collect

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

// eachStore is memStore with PutEach: all or none, failing a batch that
// holds the article with URL bad.
type eachStore struct {
	*memStore
	bad     string
	mu      sync.Mutex
	batches []int // sizes of the batches PutEach stored
	// failLogs makes LogFetches fail; logBatches are the sizes it logged.
	failLogs   bool
	logBatches []int
}

func (s *eachStore) PutEach(ctx context.Context, as []*article.Article, fetchedAt []time.Time) ([]store.PutResult, error) {
	for _, a := range as {
		if a.URL == s.bad {
			return nil, errors.New("batch refused")
		}
	}
	res := make([]store.PutResult, len(as))
	for i, a := range as {
		var err error
		if res[i].ID, res[i].New, err = s.memStore.Put(ctx, a, fetchedAt[i]); err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	s.batches = append(s.batches, len(as))
	s.mu.Unlock()
	return res, nil
}

// LogFetches logs a batch in one go, or refuses it when failLogs is set
// (the writer must then log each page on its own).
func (s *eachStore) LogFetches(ctx context.Context, rs []store.FetchRecord) error {
	if s.failLogs {
		return errors.New("log batch refused")
	}
	for _, r := range rs {
		if err := s.memStore.LogFetch(ctx, r); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.logBatches = append(s.logBatches, len(rs))
	s.mu.Unlock()
	return nil
}

func (s *eachStore) Put(ctx context.Context, a *article.Article, fetchedAt time.Time) (int64, bool, error) {
	if a.URL == s.bad {
		return 0, false, errors.New("article refused")
	}
	return s.memStore.Put(ctx, a, fetchedAt)
}

// The writer stores several articles per PutEach; a batch the store
// refuses is stored article by article, so that only the bad one is lost,
// and only stored pages get a finished fetch-log entry.
func TestRunWriterBatches(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.warc.gz")
	writeWARC(t, path, 40, false)
	for _, tc := range []struct {
		bad      string
		failLogs bool
	}{{"", false}, {"https://archive.example/story/7", false}, {"", true}} {
		bad := tc.bad
		st := &eachStore{memStore: newMemStore(), bad: bad, failLogs: tc.failLogs}
		var log bytes.Buffer
		cfg := testConfig(&log)
		sum, err := Run(context.Background(), cfg, []string{path}, st)
		if err != nil {
			t.Fatal(err)
		}
		want := 40
		if bad != "" {
			want = 39
			if sum.Errors["store"] != 1 || !strings.Contains(log.String(), "error "+bad+" store: article refused") {
				t.Errorf("bad=%s: errors %v; log:\n%s", bad, sum.Errors, log.String())
			}
			if rec, ok := st.fetches[bad]; ok {
				t.Errorf("bad=%s: refused article logged as fetched: %+v", bad, rec)
			}
		}
		if sum.Stored != want || len(st.articles) != want {
			t.Errorf("bad=%q: stored %d (store has %d), want %d", bad, sum.Stored, len(st.articles), want)
		}
		finished := 0
		for _, rec := range st.fetches {
			if isFinished(rec.Status) {
				finished++
			}
		}
		if finished != want {
			t.Errorf("bad=%q failLogs=%v: %d finished fetch-log entries, want %d", bad, tc.failLogs, finished, want)
		}
		if bad == "" {
			largest, largestLog := 0, 0
			for _, n := range st.batches {
				largest = max(largest, n)
			}
			for _, n := range st.logBatches {
				largestLog = max(largestLog, n)
			}
			if largest < 2 {
				t.Errorf("batches %v: no article shared a transaction", st.batches)
			}
			if !tc.failLogs && largestLog < 2 {
				t.Errorf("log batches %v: no fetch record shared a transaction", st.logBatches)
			}
		}
	}
}
