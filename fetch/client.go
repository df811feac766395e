package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Errors a Get can be tested for with errors.Is.
var (
	ErrTooLarge  = errors.New("response exceeds the size limit")
	ErrRedirects = errors.New("too many redirects")
	ErrLoop      = errors.New("redirect loop")
	ErrRobots    = errors.New("disallowed by robots.txt")
	ErrScheme    = errors.New("unsupported URL")
)

// Response is a fetched resource. Body is the raw body after transfer
// decoding (gzip, br), before any charset decoding: use ToUTF8.
type Response struct {
	// URL is the final URL, after redirects.
	URL         string
	Status      int
	Header      http.Header
	Body        []byte
	ContentType string
	// NotModified is true for a 304 answer to a conditional request; Body
	// is then empty.
	NotModified bool
	// FetchedAt is when the response arrived.
	FetchedAt time.Time
}

// ETag and LastModified are the validators to send on the next
// conditional request.
func (r *Response) ETag() string         { return r.Header.Get("ETag") }
func (r *Response) LastModified() string { return r.Header.Get("Last-Modified") }

// Validators are the cache validators of an earlier response.
type Validators struct {
	ETag         string
	LastModified string
}

// Client fetches URLs politely. It is safe for concurrent use; share one
// per process so that per-host limits hold across callers.
type Client struct {
	opts   Options
	hc     *http.Client
	global chan struct{}

	mu     sync.Mutex
	hosts  map[string]*hostState
	robots map[string]*robotsEntry
}

type hostState struct {
	sem  chan struct{}
	mu   sync.Mutex
	next time.Time // earliest start of the next request
}

type robotsEntry struct {
	done    chan struct{}
	robots  *Robots
	resp    *Response // the file as fetched; nil when the host was unreachable
	err     error
	fetched time.Time
}

// robotsTTL is how long a robots.txt is trusted before it is fetched again.
const robotsTTL = 24 * time.Hour

// New returns a Client with the given options (zero fields take defaults).
func New(opts Options) *Client {
	opts = opts.withDefaults()
	c := &Client{
		opts:   opts,
		global: make(chan struct{}, opts.Concurrency),
		hosts:  map[string]*hostState{},
		robots: map[string]*robotsEntry{},
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = guardControl
	}
	tr := &http.Transport{
		DialContext:         dialer.DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: opts.PerHostConcurrency,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
		// Accept-Encoding is set by hand (gzip and br) and decoded here.
		DisableCompression: true,
	}
	if opts.AllowPrivate {
		// A proxy would hide the real destination from the guard, so one
		// is only used when the guard is off.
		tr.Proxy = http.ProxyFromEnvironment
	}
	c.hc = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

// Options returns the options in force, defaults filled in.
func (c *Client) Options() Options { return c.opts }

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := checkURL(req.URL); err != nil {
		return err
	}
	target := req.URL.String()
	for _, v := range via {
		if v.URL.String() == target {
			return fmt.Errorf("%w: %s is visited twice", ErrLoop, target)
		}
	}
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: stopped after %d", ErrRedirects, c.opts.MaxRedirects)
	}
	if c.opts.ObeyRobots && !isRobotsPath(req.URL) {
		if err := c.allowed(req.Context(), req.URL); err != nil {
			return err
		}
	}
	return nil
}

func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: scheme %q (only http and https)", ErrScheme, u.Scheme)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: no host", ErrScheme)
	}
	return nil
}

func isRobotsPath(u *url.URL) bool { return u.Path == "/robots.txt" }

// Get fetches rawURL. Any HTTP status is a Response, not an error; errors
// are for what gave no usable response: bad URL, refused address,
// robots.txt, network failure, size cap, redirect limit, cancellation.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	return c.GetConditional(ctx, rawURL, Validators{})
}

// GetConditional is Get with If-None-Match / If-Modified-Since from v; an
// unchanged resource answers with NotModified set.
func (c *Client) GetConditional(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	return c.Fetch(ctx, rawURL, Request{Validators: v})
}

// Request holds the per-request settings of Fetch.
type Request struct {
	// Validators make the request conditional.
	Validators Validators
	// MaxBytes overrides Options.MaxBytes for this request (a sitemap may
	// be larger than any page); zero keeps the client's.
	MaxBytes int64
}

// Fetch is Get with per-request settings.
func (c *Client) Fetch(ctx context.Context, rawURL string, r Request) (*Response, error) {
	v := r.Validators
	limit := r.MaxBytes
	if limit <= 0 {
		limit = c.opts.MaxBytes
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w: %v", rawURL, ErrScheme, err)
	}
	if err := checkURL(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	u.Fragment = ""
	if c.opts.ObeyRobots && !isRobotsPath(u) {
		if err := c.allowed(ctx, u); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
	}
	if c.opts.ObeyRobots && isRobotsPath(u) && u.RawQuery == "" && v == (Validators{}) {
		// The robots check fetches this file anyway: one request a day.
		resp, err := c.fetchRobotsFile(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
		if resp != nil && int64(len(resp.Body)) <= limit {
			return resp, nil
		}
	}
	resp, err := c.do(ctx, u, v, limit)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return resp, nil
}

// do runs the attempts with retries.
func (c *Client) do(ctx context.Context, u *url.URL, v Validators, limit int64) (*Response, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := c.attempt(ctx, u, v, limit)
		retry := false
		switch {
		case err != nil:
			retry = transient(err)
		case resp.Status == http.StatusTooManyRequests || resp.Status >= 500:
			retry = true
		}
		if !retry || attempt >= c.opts.Retries || ctx.Err() != nil {
			if err != nil {
				if attempt > 0 {
					return nil, fmt.Errorf("%w (%d attempts)", err, attempt+1)
				}
				return nil, err
			}
			return resp, nil
		}
		lastErr = err
		wait := c.backoff(attempt, retryAfter)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			if lastErr != nil {
				return nil, fmt.Errorf("%w (after %v)", ctx.Err(), lastErr)
			}
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// backoff is the wait before retry number attempt+1: Retry-After when the
// server gave one, else exponential from RetryBase with "equal jitter"
// (half the step fixed, half random); both capped at MaxRetryWait.
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, c.opts.MaxRetryWait)
	}
	d := c.opts.RetryBase << min(attempt, 20)
	d = min(d, c.opts.MaxRetryWait)
	// The fixed half keeps a retry from coming at once.
	return d/2 + rand.N(d/2+1)
}

// transient reports whether a failed attempt may succeed if tried again.
func transient(err error) bool {
	if errors.Is(err, ErrBlocked) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrRedirects) ||
		errors.Is(err, ErrLoop) || errors.Is(err, ErrRobots) || errors.Is(err, ErrScheme) ||
		errors.Is(err, context.Canceled) {
		return false
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
		return false
	}
	return true
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0
		}
		if n > 1<<30 {
			n = 1 << 30
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// attempt makes one request, waiting for its turn on the host and overall.
func (c *Client) attempt(ctx context.Context, u *url.URL, v Validators, limit int64) (*Response, time.Duration, error) {
	release, err := c.acquire(ctx, u)
	if err != nil {
		return nil, 0, err
	}
	defer release()

	actx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	// timedOut names the attempt's own deadline, which is not the
	// caller's cancellation.
	timedOut := func(err error) error {
		if ctx.Err() == nil && actx.Err() == context.DeadlineExceeded {
			return fmt.Errorf("timed out after %v: %w", c.opts.Timeout, err)
		}
		return err
	}
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrScheme, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip, br")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	hr, err := c.hc.Do(req)
	if err != nil {
		return nil, 0, timedOut(unwrapURLError(err))
	}
	defer hr.Body.Close()
	retryAfter := parseRetryAfter(hr.Header.Get("Retry-After"), time.Now())
	body, err := readBody(hr, limit)
	if err != nil {
		return nil, retryAfter, timedOut(err)
	}
	resp := &Response{
		URL:         hr.Request.URL.String(),
		Status:      hr.StatusCode,
		Header:      hr.Header,
		Body:        body,
		ContentType: hr.Header.Get("Content-Type"),
		NotModified: hr.StatusCode == http.StatusNotModified,
		FetchedAt:   time.Now(),
	}
	// The body is decoded: the encoding headers no longer describe it.
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	return resp, retryAfter, nil
}

// unwrapURLError drops the *url.Error wrapper ("Get \"...\": ") because
// callers add the URL themselves, keeping the cause for errors.Is.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// readBody reads and decodes the body, at most limit decoded bytes.
func readBody(hr *http.Response, limit int64) ([]byte, error) {
	if hr.ContentLength > limit {
		return nil, tooLarge{limit: limit, declared: hr.ContentLength}
	}
	var r io.Reader = hr.Body
	switch enc := strings.ToLower(strings.TrimSpace(hr.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(hr.Body)
		if err != nil {
			if err == io.EOF { // empty gzip body
				return nil, nil
			}
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	case "br":
		r = brotli.NewReader(hr.Body)
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if n > limit {
		return nil, tooLarge{limit: limit}
	}
	return buf.Bytes(), nil
}

// tooLarge is ErrTooLarge with the limit in its message.
type tooLarge struct{ limit, declared int64 }

func (e tooLarge) Error() string {
	if e.declared > 0 {
		return fmt.Sprintf("response exceeds %d bytes (Content-Length %d)", e.limit, e.declared)
	}
	return fmt.Sprintf("response exceeds %d bytes", e.limit)
}

func (e tooLarge) Is(target error) bool { return target == ErrTooLarge }

// acquire waits for a slot on the URL's host (concurrency and delay) and
// then a global slot. The release function frees both.
func (c *Client) acquire(ctx context.Context, u *url.URL) (func(), error) {
	h := c.host(u)
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	delay := c.opts.PerHostDelay
	if c.opts.ObeyRobots && !isRobotsPath(u) {
		if r := c.cachedRobots(u); r != nil {
			if d, ok := r.CrawlDelay(c.opts.UserAgent); ok {
				delay = max(delay, min(d, c.opts.MaxCrawlDelay))
			}
		}
	}
	h.mu.Lock()
	now := time.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(delay)
	h.mu.Unlock()
	if wait := time.Until(start); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			<-h.sem
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	select {
	case c.global <- struct{}{}:
	case <-ctx.Done():
		<-h.sem
		return nil, ctx.Err()
	}
	return func() { <-c.global; <-h.sem }, nil
}

func hostKey(u *url.URL) string { return u.Scheme + "://" + strings.ToLower(u.Host) }

func (c *Client) host(u *url.URL) *hostState {
	k := strings.ToLower(u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[k]
	if h == nil {
		h = &hostState{sem: make(chan struct{}, c.opts.PerHostConcurrency)}
		c.hosts[k] = h
	}
	return h
}
