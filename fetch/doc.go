// Package fetch is HTTP for every newsclip stage that reads the web: one
// client with explicit limits (timeout, size cap, redirect limit), a real
// User-Agent, compressed transfer, and decoding of any charset to UTF-8.
//
// It does not parse HTML; extraction does that.
package fetch
