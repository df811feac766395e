// Package fetch is HTTP for every newsclip stage that reads the web: one
// client with explicit limits (timeout, size cap, redirect limit), a real
// User-Agent, compressed transfer (gzip, br), retries with backoff on 429
// and 5xx, robots.txt with its Crawl-delay, per-host and global
// concurrency, conditional GET, an SSRF guard that refuses non-public
// addresses at connect time, and decoding of any charset to UTF-8
// (ToUTF8).
//
// It does not parse HTML (extraction does that) and does not decide what
// to fetch (sources and the collector do that).
package fetch
