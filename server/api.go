package server

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/extract"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/store"
)

// Paging limits of list endpoints.
const (
	defaultLimit = 20
	maxLimit     = 200
	maxOffset    = 100_000
)

// apiError is a failure with the status and problem code to answer with.
type apiError struct {
	status int
	code   string
	detail string
}

func (e *apiError) Error() string { return e.detail }

func badParam(name, detail string) *apiError {
	return &apiError{http.StatusBadRequest, "bad-parameter", fmt.Sprintf("parameter %s: %s", name, detail)}
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	if errors.As(err, &ae) {
		s.problem(w, r, ae.status, ae.code, ae.detail)
		return
	}
	s.problem(w, r, http.StatusInternalServerError, "internal", err.Error())
}

// bodyError turns an error reading a request body into an apiError.
func bodyError(err error) *apiError {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &apiError{http.StatusRequestEntityTooLarge, "body-too-large", fmt.Sprintf("request body exceeds %d bytes", mbe.Limit)}
	}
	return &apiError{http.StatusBadRequest, "bad-body", "reading request body: " + err.Error()}
}

// checkURL accepts absolute http(s) URLs with a host.
func checkURL(raw string) (string, *apiError) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", &apiError{http.StatusBadRequest, "bad-url", fmt.Sprintf("%q is not an absolute http or https URL", raw)}
	}
	return u.String(), nil
}

// extractPage extracts a page the client sent.
func (s *Server) extractPage(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error) {
	if len(page) == 0 {
		return nil, &apiError{http.StatusBadRequest, "empty-body", "the request body is empty: send the page"}
	}
	return s.extract(ctx, page, contentType, pageURL)
}

// extract runs the extractor once a slot is free.
func (s *Server) extract(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error) {
	select {
	case s.extracting <- struct{}{}:
	case <-ctx.Done():
		return nil, &apiError{http.StatusServiceUnavailable, "cancelled", "the request ended while waiting to extract: " + ctx.Err().Error()}
	}
	defer func() { <-s.extracting }()
	a, err := s.cfg.Extractor.ExtractBytes(ctx, page, contentType, pageURL)
	if err != nil {
		return nil, extractError(err)
	}
	return a, nil
}

// extractURL fetches a URL through the guarded client and extracts it.
func (s *Server) extractURL(ctx context.Context, raw string) (*article.Article, error) {
	u, aerr := checkURL(raw)
	if aerr != nil {
		return nil, aerr
	}
	resp, err := s.fetcher.Get(ctx, u)
	if err != nil {
		return nil, fetchError(err)
	}
	if resp.Status < 200 || resp.Status > 299 {
		return nil, &apiError{http.StatusBadGateway, "upstream-status",
			fmt.Sprintf("fetch %s: the site answered %d %s", u, resp.Status, http.StatusText(resp.Status))}
	}
	return s.extract(ctx, resp.Body, resp.ContentType, resp.URL)
}

func extractError(err error) *apiError {
	if errors.Is(err, errPanic) {
		return &apiError{http.StatusInternalServerError, "internal", err.Error()}
	}
	if errors.Is(err, extract.ErrTooLarge) {
		return &apiError{http.StatusRequestEntityTooLarge, "page-too-large", err.Error()}
	}
	return &apiError{http.StatusUnprocessableEntity, "extract-failed", err.Error()}
}

// fetchError maps a fetch failure: a refused destination is the client's
// problem (422); everything else went wrong upstream (502, or 504 for a
// timeout).
func fetchError(err error) *apiError {
	var ne net.Error
	switch {
	case errors.Is(err, fetch.ErrBlocked):
		return &apiError{http.StatusUnprocessableEntity, "blocked-address", err.Error()}
	case errors.Is(err, fetch.ErrScheme):
		return &apiError{http.StatusBadRequest, "bad-url", err.Error()}
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return &apiError{http.StatusGatewayTimeout, "upstream-timeout", err.Error()}
	case errors.Is(err, fetch.ErrTooLarge):
		return &apiError{http.StatusBadGateway, "upstream-too-large", err.Error()}
	}
	return &apiError{http.StatusBadGateway, "upstream-failed", err.Error()}
}

// handleExtract: POST /v1/extract. A JSON body {"url": ...} has the
// server fetch the page; an HTML or plain-text body is the page itself,
// with an optional url query parameter naming where it came from (never
// fetched).
func (s *Server) handleExtract(w http.ResponseWriter, r *http.Request) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		s.problem(w, r, http.StatusUnsupportedMediaType, "unsupported-media-type",
			"Content-Type must be application/json, text/html, application/xhtml+xml or text/plain")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	var a *article.Article
	switch mt {
	case "application/json":
		var req struct {
			URL string `json:"url"`
		}
		if !s.decodeJSON(w, r, &req) {
			return
		}
		if req.URL == "" {
			s.problem(w, r, http.StatusBadRequest, "bad-json", `request body: "url" is required`)
			return
		}
		a, err = s.extractURL(r.Context(), req.URL)
	case "text/html", "application/xhtml+xml", "text/plain":
		pageURL := r.URL.Query().Get("url")
		if pageURL != "" {
			var aerr *apiError
			if pageURL, aerr = checkURL(pageURL); aerr != nil {
				s.fail(w, r, aerr)
				return
			}
		}
		page, rerr := io.ReadAll(r.Body)
		if rerr != nil {
			s.fail(w, r, bodyError(rerr))
			return
		}
		a, err = s.extractPage(r.Context(), page, ct, pageURL)
	default:
		s.problem(w, r, http.StatusUnsupportedMediaType, "unsupported-media-type",
			fmt.Sprintf("Content-Type %s is not supported: use application/json, text/html, application/xhtml+xml or text/plain", mt))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, a)
}

// paging reads limit and offset.
func paging(q url.Values) (limit, offset int, err error) {
	limit, offset = defaultLimit, 0
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return 0, 0, badParam("limit", fmt.Sprintf("want an integer from 1 to %d, got %q", maxLimit, v))
		}
		limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxOffset {
			return 0, 0, badParam("offset", fmt.Sprintf("want an integer from 0 to %d, got %q", maxOffset, v))
		}
		offset = n
	}
	return limit, offset, nil
}

// parseDate reads the from/to parameter name (see store.ParseBound); a
// date as the upper bound means the end of that day.
func parseDate(name, v string, end bool) (time.Time, error) {
	t, err := store.ParseBound(v, end)
	if err != nil {
		return time.Time{}, badParam(name, fmt.Sprintf("want YYYY-MM-DD or an RFC 3339 time, got %q", v))
	}
	return t, nil
}

// searchQuery reads the filters of an article search.
func searchQuery(q url.Values) (store.Query, error) {
	limit, offset, err := paging(q)
	if err != nil {
		return store.Query{}, err
	}
	from, err := parseDate("from", q.Get("from"), false)
	if err != nil {
		return store.Query{}, err
	}
	to, err := parseDate("to", q.Get("to"), true)
	if err != nil {
		return store.Query{}, err
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return store.Query{}, badParam("to", "is before from")
	}
	return store.Query{
		Text:     strings.TrimSpace(q.Get("q")),
		Site:     strings.TrimSpace(q.Get("site")),
		Language: strings.TrimSpace(q.Get("lang")),
		Speaker:  strings.TrimSpace(q.Get("speaker")),
		From:     from,
		To:       to,
		Limit:    limit,
		Offset:   offset,
	}, nil
}

// page is the envelope of list answers. NextOffset is set when more
// results follow.
type page[T any] struct {
	Items      []T  `json:"items"`
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset,omitempty"`
}

// newPage trims a result fetched with limit+1 rows to limit and notes
// whether more follow.
func newPage[T any](items []T, limit, offset int) page[T] {
	p := page[T]{Items: items, Limit: limit, Offset: offset}
	if p.Items == nil {
		p.Items = []T{}
	}
	if len(p.Items) > limit {
		p.Items = p.Items[:limit]
		next := offset + limit
		p.NextOffset = &next
	}
	return p
}

func (s *Server) search(ctx context.Context, q store.Query) (page[store.Hit], error) {
	limit := q.Limit
	q.Limit++
	hits, err := s.cfg.Store.Search(ctx, q)
	if err != nil {
		return page[store.Hit]{}, storeError(err)
	}
	return newPage(hits, limit, q.Offset), nil
}

// storeError maps a store failure. A search with no word to look for is
// the client's problem. (store.Store has no error of its own for it yet,
// so the SQLite store's is named here.)
func storeError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return &apiError{http.StatusNotFound, "not-found", err.Error()}
	}
	if errors.Is(err, store.ErrNoWords) {
		return &apiError{http.StatusBadRequest, "bad-query", "parameter q: " + store.ErrNoWords.Error()}
	}
	if errors.Is(err, context.Canceled) {
		return &apiError{http.StatusServiceUnavailable, "cancelled", err.Error()}
	}
	return err
}

// handleArticles: GET /v1/articles.
func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request) {
	q, err := searchQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.search(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, p)
}

func parseID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 1 {
		return 0, badParam("id", fmt.Sprintf("want a positive integer, got %q", v))
	}
	return id, nil
}

// handleArticle: GET /v1/articles/{id}.
func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.cfg.Store.Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, storeError(err))
		return
	}
	s.writeJSON(w, http.StatusOK, st)
}

func (s *Server) quotes(ctx context.Context, speaker, text string, limit, offset int) (page[store.QuoteHit], error) {
	qs, err := s.cfg.Store.Quotes(ctx, speaker, text, limit+1, offset)
	if err != nil {
		return page[store.QuoteHit]{}, storeError(err)
	}
	return newPage(qs, limit, offset), nil
}

// handleQuotes: GET /v1/quotes.
func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, err := paging(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.quotes(r.Context(), strings.TrimSpace(q.Get("speaker")), strings.TrimSpace(q.Get("q")), limit, offset)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, p)
}

func (s *Server) speakers(ctx context.Context, limit, offset int) (page[store.SpeakerSummary], error) {
	sp, err := s.cfg.Store.Speakers(ctx, limit+1, offset)
	if err != nil {
		return page[store.SpeakerSummary]{}, storeError(err)
	}
	return newPage(sp, limit, offset), nil
}

// handleSpeakers: GET /v1/speakers.
func (s *Server) handleSpeakers(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.speakers(r.Context(), limit, offset)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, p)
}

// collectRequest is the body of POST /v1/collect.
type collectRequest struct {
	Sources  []string `json:"sources"`
	MaxPages int      `json:"max_pages,omitempty"`
}

// handleCollect: POST /v1/collect starts a job and answers 202 with it.
func (s *Server) handleCollect(w http.ResponseWriter, r *http.Request) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		s.problem(w, r, http.StatusUnsupportedMediaType, "unsupported-media-type", "Content-Type must be application/json")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var req collectRequest
	if !s.decodeJSON(w, r, &req) {
		return
	}
	if len(req.Sources) == 0 {
		s.problem(w, r, http.StatusBadRequest, "bad-json", `request body: "sources" needs at least one URL`)
		return
	}
	if len(req.Sources) > s.cfg.MaxSources {
		s.problem(w, r, http.StatusUnprocessableEntity, "too-many-sources",
			fmt.Sprintf("%d sources; at most %d per job", len(req.Sources), s.cfg.MaxSources))
		return
	}
	// Only URLs: a source argument may also be a local file, which a
	// client must never be able to name.
	for i, src := range req.Sources {
		u, aerr := checkURL(src)
		if aerr != nil {
			s.problem(w, r, http.StatusUnprocessableEntity, "bad-source", fmt.Sprintf("sources[%d]: %s", i, aerr.detail))
			return
		}
		req.Sources[i] = u
	}
	if req.MaxPages < 0 || req.MaxPages > s.cfg.MaxPagesPerJob {
		s.problem(w, r, http.StatusUnprocessableEntity, "bad-max-pages",
			fmt.Sprintf("max_pages must be from 0 (the server's limit, %d) to %d", s.cfg.MaxPagesPerJob, s.cfg.MaxPagesPerJob))
		return
	}
	if req.MaxPages == 0 {
		req.MaxPages = s.cfg.MaxPagesPerJob
	}
	j, err := s.startJob(req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/jobs/"+j.ID)
	s.writeJSON(w, http.StatusAccepted, j)
}

// handleJob: GET /v1/jobs/{id}.
func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) {
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok {
		s.problem(w, r, http.StatusNotFound, "not-found", "no job "+r.PathValue("id"))
		return
	}
	s.writeJSON(w, http.StatusOK, j)
}

//go:embed openapi.json
var openAPI []byte

// handleOpenAPI: GET /v1/openapi.json.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
}

// decodeJSON reads a JSON request body into v, refusing unknown fields. On
// failure it has answered the request (413 past the body limit, else 400)
// and returns false.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.fail(w, r, bodyError(err))
			return false
		}
		s.problem(w, r, http.StatusBadRequest, "bad-json", "request body: "+err.Error())
		return false
	}
	return true
}
