package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// pagesOf reads every page of a WARC held in memory.
func pagesOf(t *testing.T, data []byte, opts Options) (pages []Page, errs []error) {
	t.Helper()
	for p, err := range WARCReader(bytes.NewReader(data), "t.warc", opts).Pages(context.Background()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages = append(pages, p)
	}
	return pages, errs
}

func TestWARCReaderForms(t *testing.T) {
	plain := buildWARC(t, false, 3)
	lf := "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: <https://lf.example/a>\nWARC-Date: 2024-01-01T00:00:00Z\n" +
		"Content-Type: application/http;msgtype=response\nContent-Length: %d\n\n%s\n\n"
	lfBlock := "HTTP/1.0 200 OK\nContent-Type: text/html;\n charset=utf-8\nbroken line\n\n<p>LF only</p>"
	dns := "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: dns:news.example\r\nContent-Type: text/dns\r\nContent-Length: 7\r\n\r\n1.2.3.4\r\n\r\n"
	tests := []struct {
		name  string
		data  []byte
		opts  Options
		pages int    // pages yielded
		body  string // in the first page
		err   string // in the only error
	}{
		{"plain", plain, Options{}, 4, "<h1>Story 0", ""},
		// One gzip member for the whole file, as gzip(1) writes it.
		{"whole-file gzip", gz(plain), Options{}, 4, "<h1>Story 0", ""},
		{"LF line ends, folded header", []byte(fmt.Sprintf(lf, len(lfBlock), lfBlock)), Options{}, 1, "<p>LF only</p>", ""},
		{"dns record skipped", append([]byte(dns), plain...), Options{}, 4, "<h1>Story 0", ""},
		// Story 1 is the long one: skipped with an error, the rest read.
		{"over the limit", plain, Options{MaxRecordBytes: 4000}, 3, "<h1>Story 0", "over the limit"},
	}
	for _, tt := range tests {
		pages, errs := pagesOf(t, tt.data, tt.opts)
		if len(pages) != tt.pages {
			t.Errorf("%s: %d pages, want %d (errors %v)", tt.name, len(pages), tt.pages, errs)
			continue
		}
		if !strings.Contains(string(pages[0].Body), tt.body) {
			t.Errorf("%s: first body %.80q, want %q in it", tt.name, pages[0].Body, tt.body)
		}
		switch {
		case tt.err == "" && len(errs) > 0:
			t.Errorf("%s: errors %v", tt.name, errs)
		case tt.err != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err)):
			t.Errorf("%s: errors %v, want one with %q", tt.name, errs, tt.err)
		}
	}
	pages, _ := pagesOf(t, []byte(fmt.Sprintf(lf, len(lfBlock), lfBlock)), Options{})
	if ct := pages[0].Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("folded Content-Type %q", ct)
	}
}

// A record whose gzip member is corrupt is an error, never a page, and
// the records before it are read.
func TestWARCCorruptMember(t *testing.T) {
	var buf bytes.Buffer
	h := http.Header{"Content-Type": {"text/html"}}
	date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2 {
		if err := WriteResponse(&buf, fmt.Sprintf("https://x.example/%d", i), date, 200, h, []byte("<p>page</p>"), true); err != nil {
			t.Fatal(err)
		}
	}
	data := buf.Bytes()
	data[len(data)-6] ^= 0xff // the CRC-32 of the last member
	pages, errs := pagesOf(t, data, Options{})
	if len(pages) != 1 || pages[0].URL != "https://x.example/0" {
		t.Errorf("pages %v, want only the first", pages)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) {
		t.Errorf("errors %v, want one ErrTruncated", errs)
	}
}
