package collect

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

// memStore is an in-memory store.Store for the collector's unit tests:
// Put deduplicates by canonical URL (else URL), the fetch log keeps the
// latest record per URL.
type memStore struct {
	mu       sync.Mutex
	articles []*store.Stored
	byKey    map[string]int64
	fetches  map[string]store.FetchRecord
	logs     int
	putErr   error
}

func newMemStore() *memStore {
	return &memStore{byKey: map[string]int64{}, fetches: map[string]store.FetchRecord{}}
}

var errNotInTestStore = errors.New("not implemented by the test store")

func (m *memStore) Put(ctx context.Context, a *article.Article, fetchedAt time.Time) (int64, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.putErr != nil {
		return 0, false, m.putErr
	}
	key := a.CanonicalURL
	if key == "" {
		key = a.URL
	}
	if id, ok := m.byKey[key]; ok {
		return id, false, nil
	}
	id := int64(len(m.articles) + 1)
	m.articles = append(m.articles, &store.Stored{ID: id, Story: id, FetchedAt: fetchedAt, Article: *a})
	m.byKey[key] = id
	return id, true, nil
}

func (m *memStore) Get(ctx context.Context, id int64) (*store.Stored, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id < 1 || int(id) > len(m.articles) {
		return nil, errors.New("not found")
	}
	return m.articles[id-1], nil
}

func (m *memStore) Search(context.Context, store.Query) ([]store.Hit, error) {
	return nil, errNotInTestStore
}

func (m *memStore) Quotes(context.Context, string, string, int, int) ([]store.QuoteHit, error) {
	return nil, errNotInTestStore
}

func (m *memStore) Speakers(context.Context, int, int) ([]store.SpeakerSummary, error) {
	return nil, errNotInTestStore
}

func (m *memStore) Export(ctx context.Context, fn func(*store.Stored) error) error {
	m.mu.Lock()
	as := append([]*store.Stored(nil), m.articles...)
	m.mu.Unlock()
	for _, a := range as {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func (m *memStore) LogFetch(ctx context.Context, r store.FetchRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fetches[r.URL] = r
	m.logs++
	return nil
}

func (m *memStore) LastFetch(ctx context.Context, url string) (*store.FetchRecord, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.fetches[url]
	if !ok {
		return nil, false, nil
	}
	return &r, true, nil
}

func (m *memStore) Close() error { return nil }

func (m *memStore) urls() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]int{}
	for _, a := range m.articles {
		out[a.Article.URL]++
	}
	return out
}
