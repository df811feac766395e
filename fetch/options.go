package fetch

import "time"

// DefaultUserAgent names newsclip and where to read about it, so that site
// owners can tell who is calling.
const DefaultUserAgent = "newsclip/0.1 (+https://github.com/newsclip/newsclip)"

// Defaults used when an Options field is zero.
const (
	DefaultTimeout            = 30 * time.Second
	DefaultMaxBytes           = 10 << 20
	DefaultMaxRedirects       = 10
	DefaultRetries            = 2
	DefaultRetryBase          = 500 * time.Millisecond
	DefaultMaxRetryWait       = 30 * time.Second
	DefaultPerHostConcurrency = 2
	DefaultConcurrency        = 16
	DefaultMaxCrawlDelay      = 30 * time.Second
	robotsMaxBytes            = 500 << 10 // RFC 9309 asks parsers to read at least 500 KiB
)

// Options configures a Client. Zero values mean the defaults above; use a
// negative Retries or MaxRedirects for none.
type Options struct {
	// UserAgent is sent with every request (default DefaultUserAgent). Its
	// first product token ("newsclip") is also the name matched against
	// robots.txt groups.
	UserAgent string
	// Timeout bounds one attempt: connect, headers and body.
	Timeout time.Duration
	// MaxBytes caps the decoded body; a larger response fails with
	// ErrTooLarge ("response exceeds N bytes").
	MaxBytes int64
	// MaxRedirects caps the redirects followed; a loop fails at once.
	MaxRedirects int
	// Retries is how many times a 429, a 5xx or a transient network error
	// is retried, with exponential backoff and jitter starting at
	// RetryBase, honouring Retry-After, each wait capped at MaxRetryWait.
	Retries      int
	RetryBase    time.Duration
	MaxRetryWait time.Duration
	// PerHostConcurrency caps requests in flight to one host;
	// PerHostDelay is the least time between the starts of two requests
	// to one host (a robots.txt Crawl-delay, capped at MaxCrawlDelay, can
	// raise it); Concurrency caps requests in flight overall.
	PerHostConcurrency int
	PerHostDelay       time.Duration
	MaxCrawlDelay      time.Duration
	Concurrency        int
	// ObeyRobots fetches and caches each host's robots.txt and refuses
	// disallowed URLs with ErrRobots.
	ObeyRobots bool
	// AllowPrivate permits connections to loopback, private, link-local
	// and other non-public addresses. Leave it false for any service that
	// fetches URLs given by others (SSRF guard).
	AllowPrivate bool
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	} else if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.RetryBase <= 0 {
		o.RetryBase = DefaultRetryBase
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = DefaultMaxRetryWait
	}
	if o.PerHostConcurrency <= 0 {
		o.PerHostConcurrency = DefaultPerHostConcurrency
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxCrawlDelay <= 0 {
		o.MaxCrawlDelay = DefaultMaxCrawlDelay
	}
	if o.PerHostDelay < 0 {
		o.PerHostDelay = 0
	}
	return o
}
