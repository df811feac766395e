package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/store"
)

// Extractor turns a page into an article with its quotes attributed
// (newsclip.New(newsclip.WithQuotes(true)) returns one). contentType is
// the HTTP Content-Type of the page or ""; pageURL may be "".
type Extractor interface {
	ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error)
}

// Defaults used when a Config field is zero.
const (
	DefaultMaxBodyBytes    = 10 << 20
	DefaultFetchTimeout    = 20 * time.Second
	DefaultMaxJobs         = 2
	DefaultMaxSources      = 100
	DefaultMaxPagesPerJob  = 1000
	DefaultCollectDelay    = 500 * time.Millisecond
	DefaultReadTimeout     = 30 * time.Second
	DefaultWriteTimeout    = 60 * time.Second
	DefaultIdleTimeout     = 120 * time.Second
	DefaultShutdownTimeout = 10 * time.Second
)

// Config sets up a Server. Store and Extractor are required; zero limits
// take the defaults above.
type Config struct {
	Store     store.Store
	Extractor Extractor
	// AllowPrivate lets the server fetch URLs that resolve to loopback,
	// private, link-local or metadata addresses. Leave it false whenever
	// people you do not trust can reach the server.
	AllowPrivate bool
	// MaxBodyBytes caps a request body (a pasted page, a JSON request).
	MaxBodyBytes int64
	// FetchTimeout bounds one fetch of a URL given to /v1/extract.
	FetchTimeout time.Duration
	// MaxJobs caps collection jobs running at once; MaxSources the
	// sources of one job; MaxPagesPerJob the pages one job handles.
	MaxJobs        int
	MaxSources     int
	MaxPagesPerJob int
	// CollectDelay is the least time between two requests of a job to
	// one host (default 500 ms, as "newsclip collect"; a robots.txt
	// Crawl-delay can raise it).
	CollectDelay time.Duration
	// MaxExtractions caps extractions running at once (default: twice
	// GOMAXPROCS). Extraction is CPU-bound: beyond the cores, more at once
	// only slows every request, searches included; the rest wait their
	// turn (as long as their request lives).
	MaxExtractions int
	// Timeouts of the http.Server made by ListenAndServe.
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout bounds the graceful shutdown once ctx is cancelled.
	ShutdownTimeout time.Duration
	// Log receives one line per server-side failure (nil: discarded).
	Log io.Writer
	// AccessLog receives one line per request: method, path, status,
	// bytes, duration (nil: none).
	AccessLog io.Writer
}

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.FetchTimeout <= 0 {
		c.FetchTimeout = DefaultFetchTimeout
	}
	if c.MaxJobs <= 0 {
		c.MaxJobs = DefaultMaxJobs
	}
	if c.MaxSources <= 0 {
		c.MaxSources = DefaultMaxSources
	}
	if c.MaxPagesPerJob <= 0 {
		c.MaxPagesPerJob = DefaultMaxPagesPerJob
	}
	if c.MaxExtractions <= 0 {
		c.MaxExtractions = 2 * runtime.GOMAXPROCS(0)
	}
	if c.CollectDelay <= 0 {
		c.CollectDelay = DefaultCollectDelay
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = DefaultReadTimeout
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = DefaultWriteTimeout
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
	return c
}

// Server is the HTTP API and web reader over one store. It is safe for
// concurrent use. Close it to stop its collection jobs.
type Server struct {
	cfg     Config
	fetcher *fetch.Client
	log     *log.Logger
	handler http.Handler
	web     *web
	// extracting holds a token per extraction running (MaxExtractions).
	extracting chan struct{}
	jobs       *jobs

	// base is the parent context of collection jobs: cancelled by Close.
	base   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store configured")
	}
	if cfg.Extractor == nil {
		return nil, errors.New("server: no extractor configured")
	}
	cfg = cfg.withDefaults()
	s := &Server{
		cfg: cfg,
		// One attempt, no retries: a person is waiting on the answer.
		fetcher: fetch.New(fetch.Options{
			Timeout:      cfg.FetchTimeout,
			MaxBytes:     cfg.MaxBodyBytes,
			Retries:      -1,
			AllowPrivate: cfg.AllowPrivate,
		}),
		log:        log.New(cfg.Log, "newsclip serve: ", log.LstdFlags),
		jobs:       newJobs(),
		extracting: make(chan struct{}, cfg.MaxExtractions),
	}
	s.cfg.Extractor = safeExtractor{x: cfg.Extractor, log: s.log}
	s.base, s.cancel = context.WithCancel(context.Background())
	w, err := newWeb(s)
	if err != nil {
		return nil, err
	}
	s.web = w
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves the API, the reader and the static files.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Close cancels the running collection jobs and waits for them to end.
// It does not close the store.
func (s *Server) Close() error {
	s.cancel()
	s.wg.Wait()
	return nil
}

// HTTPServer returns an http.Server for addr with the configured timeouts.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.log,
	}
}

// Serve answers requests on ln until ctx is cancelled, then shuts down
// gracefully: it stops accepting, lets requests in flight finish within
// ShutdownTimeout, and stops the collection jobs. It returns nil after a
// clean shutdown.
//
// On a loopback address it answers only requests whose Host header names
// loopback too (localhost, 127.0.0.1, [::1]): a web page cannot then use
// DNS rebinding to reach the local server through a name of its own.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer(ln.Addr().String())
	if ta, ok := ln.Addr().(*net.TCPAddr); ok && ta.IP.IsLoopback() {
		hs.Handler = s.loopbackHosts(hs.Handler)
	}
	hs.BaseContext = func(net.Listener) context.Context { return s.base }
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		s.Close()
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	s.Close()
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}

// ListenAndServe listens on addr (host:port) and calls Serve.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// loopbackHosts refuses requests whose Host is not a loopback name.
func (s *Server) loopbackHosts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		ip := net.ParseIP(host)
		if !strings.EqualFold(host, "localhost") && (ip == nil || !ip.IsLoopback()) {
			s.problem(w, r, http.StatusMisdirectedRequest, "bad-host",
				"this server listens on loopback and answers only to localhost, 127.0.0.1 or [::1], not "+r.Host)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// routes builds the mux. Method-less patterns back the method-specific
// ones so that a wrong method gets a 405 problem document rather than the
// mux's plain-text answer.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, methods string, h http.HandlerFunc) {
		mux.HandleFunc(methods+" "+pattern, h)
		mux.HandleFunc(pattern, s.methodNotAllowed(methods))
	}
	api("/v1/extract", "POST", s.handleExtract)
	api("/v1/articles", "GET", s.handleArticles)
	api("/v1/articles/{id}", "GET", s.handleArticle)
	api("/v1/quotes", "GET", s.handleQuotes)
	api("/v1/speakers", "GET", s.handleSpeakers)
	api("/v1/collect", "POST", s.handleCollect)
	api("/v1/jobs/{id}", "GET", s.handleJob)
	api("/v1/openapi.json", "GET", s.handleOpenAPI)
	mux.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		s.problem(w, r, http.StatusNotFound, "not-found", "no such endpoint: "+r.URL.Path)
	})
	s.web.routes(mux)
	h := securityHeaders(mux)
	if s.cfg.AccessLog != nil {
		h = accessLog(s.cfg.AccessLog, h)
	}
	return h
}

// accessLog writes one line per request once it is answered.
func accessLog(w io.Writer, next http.Handler) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: rw, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "%s %s %s %d %d %s\n", start.UTC().Format(time.RFC3339), r.Method, r.URL.RequestURI(), rec.status, rec.bytes, time.Since(start).Round(time.Microsecond))
	})
}

// recorder notes the status and size of an answer.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// securityHeaders sets the headers every answer carries: no sniffing, no
// framing, no referrer leaks, and a content policy that allows no script
// at all (the reader needs none) and images from anywhere (article
// figures live on their sites).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		next.ServeHTTP(w, r)
	})
}
