// Package server serves a newsclip store over HTTP: a JSON API under /v1
// (extraction on demand, search of articles, quotes and speakers,
// collection jobs, its OpenAPI document) and a web reader rendered on the
// server with html/template (search, article view with quotes highlighted,
// speaker pages with a timeline, a page to try the extractor).
//
// Every URL a client gives the server is fetched through package fetch
// with its SSRF guard on, unless the operator allows private addresses.
// Bodies are size-limited, errors are RFC 9457 problem details, and
// collection jobs belong to the Server value, ending when it is closed.
//
// It does not extract, attribute, fetch or store anything itself: it calls
// the Extractor, fetch.Client, collect.Run and store.Store it is given.
package server
