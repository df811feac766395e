package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/nlnwa/gowarc/v3"
)

// WARC is a source of the HTTP response records of a WARC file, plain or
// gzip'd per record as Common Crawl publishes them. Other record types
// (request, metadata, warcinfo, revisit) and non-HTTP responses are
// skipped. A response that is not HTML is yielded with its header and no
// body, for the caller to count. An archive that ends early yields what
// it could read, then an error wrapping ErrTruncated.
func WARC(path string, opts Options) Source { return warcFile{path: path, opts: opts.withDefaults()} }

type warcFile struct {
	path string
	opts Options
}

func (s warcFile) String() string { return s.path }

func (s warcFile) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		f, err := os.Open(s.path)
		if err != nil {
			yield(Page{}, fmt.Errorf("warc: %w", err))
			return
		}
		defer f.Close()
		readWARC(ctx, f, s.path, s.opts, yield)
	}
}

// WARCReader is WARC over a stream (a fetched archive, stdin).
func WARCReader(r io.Reader, name string, opts Options) Source {
	return warcStream{r: r, name: name, opts: opts.withDefaults()}
}

type warcStream struct {
	r    io.Reader
	name string
	opts Options
}

func (s warcStream) String() string { return s.name }

func (s warcStream) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) { readWARC(ctx, s.r, s.name, s.opts, yield) }
}

func readWARC(ctx context.Context, r io.Reader, name string, opts Options, yield func(Page, error) bool) {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		// ErrWarn, not ErrIgnore: the reader then caches each block (in
		// memory up to MaxRecordBytes, on disk past it) before it moves
		// on; with ErrIgnore it discards what its 4 KiB buffer did not
		// hold before the payload can be read. Findings are ignored.
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithBufferMaxMemBytes(opts.MaxRecordBytes),
	)
	if err != nil {
		yield(Page{}, fmt.Errorf("warc %s: %w", name, err))
		return
	}
	defer wr.Close()
	records := 0
	// A faulty record is reported when the next read shows whether the
	// archive simply ended inside it (truncation) or goes on.
	var pending error
	for {
		if ctx.Err() != nil {
			return
		}
		rec, err := wr.Next()
		if err != nil {
			rec.Close()
			if errors.Is(err, io.EOF) {
				switch {
				case pending != nil:
					yield(Page{}, fmt.Errorf("%w (%w at the end of the archive)", pending, ErrTruncated))
				case records == 0:
					yield(Page{}, fmt.Errorf("warc %s: no records", name))
				}
				return
			}
			if pending != nil && !yield(Page{}, pending) {
				return
			}
			yield(Page{}, warcErr(name, rec.Offset, err))
			return
		}
		if pending != nil {
			if !yield(Page{}, pending) {
				return
			}
			pending = nil
		}
		records++
		page, ok, err := responsePage(rec.WarcRecord, opts.MaxRecordBytes)
		rec.Close()
		if err != nil {
			err = warcErr(name, rec.Offset, err)
			if errors.Is(err, ErrTruncated) {
				yield(Page{}, err)
				return
			}
			pending = err
			continue
		}
		if ok && !yield(page, nil) {
			return
		}
	}
}

// warcErr names the archive and offset, and marks early ends as
// truncation so that callers can tell them from other faults.
func warcErr(name string, offset int64, err error) error {
	if errors.Is(err, ErrTruncated) {
		return fmt.Errorf("warc %s at offset %d: %w", name, offset, err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "unexpected EOF") {
		return fmt.Errorf("warc %s at offset %d: %w: %v", name, offset, ErrTruncated, err)
	}
	return fmt.Errorf("warc %s at offset %d: %w", name, offset, err)
}

// responsePage turns a response record into a Page. ok is false for
// records that are skipped without comment.
func responsePage(rec gowarc.WarcRecord, maxBytes int64) (Page, bool, error) {
	if rec == nil {
		return Page{}, false, nil
	}
	if rec.Type() == 0 {
		return Page{}, false, fmt.Errorf("malformed record: no known WARC-Type")
	}
	if rec.Type() != gowarc.Response {
		return Page{}, false, nil
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		// dns: and other non-HTTP responses are skipped; a block that is
		// not HTTP because its record is incomplete is an error.
		declared, err := rec.ContentLength()
		if err != nil {
			return Page{}, false, fmt.Errorf("malformed response record: %w", err)
		}
		r, err := rec.Block().RawBytes()
		if err != nil {
			return Page{}, false, fmt.Errorf("malformed response record: %w", err)
		}
		if n, _ := io.Copy(io.Discard, r); n < declared {
			return Page{}, false, fmt.Errorf("response record: %w: %d of %d bytes", ErrTruncated, n, declared)
		}
		return Page{}, false, nil
	}
	u := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	var hdr http.Header
	if h := block.HttpHeader(); h != nil {
		hdr = h.Clone()
	} else {
		hdr = http.Header{}
	}
	p := Page{URL: u, Status: block.HttpStatusCode(), Header: hdr, Via: ViaWARC}
	if p.Status < 100 || p.Status > 999 {
		// Without a status the page would look unfetched to the caller.
		return Page{}, false, fmt.Errorf("record %s: bad HTTP status line %q", u, block.HttpStatusLine())
	}
	if checkPageURL(u) != nil {
		return Page{}, false, fmt.Errorf("record: bad WARC-Target-URI %q", u)
	}
	if d, err := time.Parse(time.RFC3339Nano, rec.WarcHeader().Get(gowarc.WarcDate)); err == nil {
		p.FetchedAt = d
	}
	declared, err := rec.ContentLength()
	if err != nil {
		return Page{}, false, fmt.Errorf("record %s: %w", u, err)
	}
	if declared > maxBytes {
		if n, err := drain(block); err != nil || int64(len(block.ProtocolHeaderBytes()))+n < declared {
			return Page{}, false, fmt.Errorf("record %s: %w: %d of %d bytes", u, ErrTruncated, n, declared)
		}
		return Page{}, false, fmt.Errorf("record %s: %d bytes, over the limit of %d: skipped", u, declared, maxBytes)
	}
	// The reader stops quietly at the end of a cut archive: compare what
	// was read with what the record declared.
	short := func(n int64) error {
		if got := int64(len(block.ProtocolHeaderBytes())) + n; got < declared {
			return fmt.Errorf("record %s: %w: %d of %d bytes", u, ErrTruncated, got, declared)
		}
		return nil
	}
	ct := hdr.Get("Content-Type")
	if ct != "" && !IsHTML(ct, nil) && !genericType(ct) {
		// Not HTML: the payload is not read; the caller counts the page.
		n, err := drain(block)
		if err != nil {
			return Page{}, false, fmt.Errorf("record %s: %w", u, err)
		}
		if err := short(n); err != nil {
			return Page{}, false, err
		}
		return p, true, nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return Page{}, false, fmt.Errorf("record %s: %w", u, err)
	}
	var buf bytes.Buffer
	buf.Grow(int(max(declared-int64(len(block.ProtocolHeaderBytes())), 0)) + bytes.MinRead)
	n, err := buf.ReadFrom(payload)
	if err != nil {
		return Page{}, false, fmt.Errorf("record %s: %w", u, err)
	}
	if err := short(n); err != nil {
		return Page{}, false, err
	}
	body, err := decodeContent(hdr, block.ProtocolHeaderBytes(), buf.Bytes(), maxBytes)
	if err != nil {
		return Page{}, false, fmt.Errorf("record %s: %w", u, err)
	}
	p.Body = body
	return p, true, nil
}

// drain reads a skipped payload so that truncation is still noticed.
func drain(block gowarc.HttpResponseBlock) (int64, error) {
	payload, err := block.PayloadBytes()
	if err != nil {
		return 0, err
	}
	return io.Copy(io.Discard, payload)
}

func genericType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.HasPrefix(ct, "application/octet-stream") || strings.HasPrefix(ct, "text/plain") ||
		strings.HasPrefix(ct, "unknown/")
}

// decodeContent undoes what some archivers keep of the transfer: a
// chunked Transfer-Encoding (wget and proxies record the raw stream) and
// a gzip or br Content-Encoding (Common Crawl stores payloads decoded, not
// everyone does). A body that does not decode as declared is kept as is.
func decodeContent(hdr http.Header, rawHeader, body []byte, limit int64) ([]byte, error) {
	// The parsed header has lost Transfer-Encoding (Go's reader moves it
	// out), so the raw header lines are asked.
	if saysChunked(rawHeader) {
		var out bytes.Buffer
		if _, err := out.ReadFrom(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(body)), limit+1)); err == nil {
			body = out.Bytes()
			hdr.Del("Transfer-Encoding")
		}
	}
	switch strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		if !isGzip(body) {
			return body, nil
		}
		out, err := gunzipIfGzip(body, limit)
		if err != nil {
			return nil, err
		}
		hdr.Del("Content-Encoding")
		return out, nil
	case "br":
		var out bytes.Buffer
		n, err := out.ReadFrom(io.LimitReader(brotli.NewReader(bytes.NewReader(body)), limit+1))
		if err != nil {
			return body, nil // not brotli after all: keep the bytes
		}
		if n > limit {
			return nil, fmt.Errorf("decompressed payload exceeds %d bytes", limit)
		}
		hdr.Del("Content-Encoding")
		return out.Bytes(), nil
	}
	return body, nil
}

// saysChunked reports whether raw HTTP header lines declare a chunked
// Transfer-Encoding.
func saysChunked(raw []byte) bool {
	for _, line := range bytes.Split(raw, []byte("\n")) {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if ok && bytes.EqualFold(bytes.TrimSpace(k), []byte("Transfer-Encoding")) &&
			bytes.Contains(bytes.ToLower(v), []byte("chunked")) {
			return true
		}
	}
	return false
}

// WriteResponse writes one WARC/1.1 response record holding an HTTP
// response with the given header and body; with gz the record is its own
// gzip member, as in Common Crawl's .warc.gz files. It is how tests and
// benchmarks build archives.
func WriteResponse(w io.Writer, targetURI string, date time.Time, status int, header http.Header, body []byte, gz bool) error {
	var block bytes.Buffer
	fmt.Fprintf(&block, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	if err := header.Write(&block); err != nil {
		return err
	}
	block.WriteString("\r\n")
	block.Write(body)
	var rec bytes.Buffer
	rec.WriteString("WARC/1.1\r\n")
	rec.WriteString("WARC-Type: response\r\n")
	fmt.Fprintf(&rec, "WARC-Target-URI: %s\r\n", targetURI)
	fmt.Fprintf(&rec, "WARC-Date: %s\r\n", date.UTC().Format(time.RFC3339))
	fmt.Fprintf(&rec, "WARC-Record-ID: <urn:uuid:%s>\r\n", pseudoUUID(targetURI, date))
	rec.WriteString("Content-Type: application/http; msgtype=response\r\n")
	fmt.Fprintf(&rec, "Content-Length: %d\r\n\r\n", block.Len())
	rec.Write(block.Bytes())
	rec.WriteString("\r\n\r\n")
	if !gz {
		_, err := w.Write(rec.Bytes())
		return err
	}
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(rec.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// pseudoUUID derives a stable record ID, so that the same input writes the
// same bytes.
func pseudoUUID(s string, t time.Time) string {
	var h uint64 = 14695981039346656037
	for _, c := range []byte(s + t.UTC().Format(time.RFC3339Nano)) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	g := h*0x9E3779B97F4A7C15 ^ h>>31
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(h>>32), uint16(h>>16), uint16(h)&0xfff, uint16(g>>48)&0xfff, g&0xffffffffffff)
}
