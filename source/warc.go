package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"iter"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
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

// The reader is the package's own: records are read once, straight into
// the page's buffer. (A general WARC library cached each block and hashed
// it for a digest check before the payload could be read: a third of the
// reading time, spent on a check that is no use here.)

// maxHeaderLines bounds the header of a WARC record and of the HTTP
// response it holds; a longer one is malformed.
const maxHeaderLines = 1000

func readWARC(ctx context.Context, r io.Reader, name string, opts Options, yield func(Page, error) bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	rd := br
	gzipped := false
	if head, _ := br.Peek(2); isGzip(head) {
		// Members are read one after the other (Common Crawl writes one
		// per record); the reader checks each member's checksum and
		// length when it reaches the member's end.
		zr, err := gzip.NewReader(br)
		if err != nil {
			yield(Page{}, warcErr(name, 0, false, err))
			return
		}
		defer zr.Close()
		rd = bufio.NewReaderSize(zr, 64<<10)
		gzipped = true
	}
	wr := warcReader{rd: rd, max: opts.MaxRecordBytes}
	records := 0
	for {
		if ctx.Err() != nil {
			return
		}
		offset := wr.off
		rec, err := wr.next()
		if err == io.EOF {
			if records == 0 {
				yield(Page{}, fmt.Errorf("warc %s: no records", name))
			}
			return
		}
		if err == nil && gzipped {
			// Reach the end of the record's gzip member (or the start of
			// the next record) now: a cut or corrupt member makes the
			// record an error, not a page.
			if _, perr := rd.Peek(1); perr != nil && perr != io.EOF {
				err = perr
			}
		}
		if err != nil {
			// The archive cannot be read past a broken record header or
			// block: report and stop.
			yield(Page{}, warcErr(name, offset, gzipped, err))
			return
		}
		records++
		page, ok, err := responsePage(rec, opts.MaxRecordBytes)
		if err != nil {
			if !yield(Page{}, warcErr(name, offset, gzipped, err)) {
				return
			}
			continue
		}
		if ok && !yield(page, nil) {
			return
		}
	}
}

// warcErr names the archive and offset, and marks early ends as
// truncation so that callers can tell them from other faults. The offset
// of a gzip'd archive is one in its uncompressed content.
func warcErr(name string, offset int64, gzipped bool, err error) error {
	where := fmt.Sprintf("warc %s at offset %d", name, offset)
	if gzipped {
		where = fmt.Sprintf("warc %s at uncompressed offset %d", name, offset)
	}
	if errors.Is(err, ErrTruncated) {
		return fmt.Errorf("%s: %w", where, err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w: %v", where, ErrTruncated, err)
	}
	return fmt.Errorf("%s: %w", where, err)
}

// warcRecord is one record as read: its named WARC header fields and,
// when it holds an HTTP response within the size limit, its block.
type warcRecord struct {
	typ, target, date, contentType string
	length                         int64
	block                          []byte
}

// wanted: the record is an HTTP response, the only kind a page comes
// from (a record of unknown type is read, and reported as malformed).
func (r *warcRecord) wanted() bool {
	return !knownTypes[r.typ] || r.typ == "response" && strings.HasPrefix(strings.ToLower(r.contentType), "application/http")
}

// warcReader reads records from an uncompressed WARC stream.
type warcReader struct {
	rd  *bufio.Reader
	max int64
	off int64 // bytes read so far
}

// line reads one line without its line end; io.EOF only when nothing was
// left to read.
func (w *warcReader) line() ([]byte, error) {
	b, err := w.rd.ReadSlice('\n')
	w.off += int64(len(b))
	if err == bufio.ErrBufferFull {
		return nil, errors.New("malformed record: header line too long")
	}
	if err != nil {
		if err == io.EOF && len(b) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return bytes.TrimRight(b, "\r\n"), nil
}

// next reads the next record; io.EOF at the clean end of the stream.
func (w *warcReader) next() (*warcRecord, error) {
	var version []byte
	for {
		l, err := w.line()
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(l)) > 0 { // blank lines between records are tolerated
			version = l
			break
		}
	}
	if !bytes.HasPrefix(version, []byte("WARC/")) {
		return nil, fmt.Errorf("not a WARC record: starts with %.40q", version)
	}
	rec := &warcRecord{length: -1}
	for n := 0; ; n++ {
		l, err := w.line()
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		if len(l) == 0 {
			break
		}
		if n == maxHeaderLines {
			return nil, fmt.Errorf("malformed record: over %d header lines", maxHeaderLines)
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			continue // a continuation or a stray line: no field we use
		}
		v = bytes.TrimSpace(v)
		switch strings.ToLower(string(bytes.TrimSpace(k))) {
		case "warc-type":
			rec.typ = strings.ToLower(string(v))
		case "warc-target-uri":
			rec.target = string(v)
		case "warc-date":
			rec.date = string(v)
		case "content-type":
			rec.contentType = string(v)
		case "content-length":
			n, err := strconv.ParseInt(string(v), 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("malformed record: Content-Length %q", v)
			}
			rec.length = n
		}
	}
	if rec.length < 0 {
		return nil, errors.New("malformed record: no Content-Length")
	}
	if rec.length > w.max || !rec.wanted() {
		// Over the limit, or a record no page comes from (requests,
		// metadata, DNS answers): skipped unread.
		n, err := io.CopyN(io.Discard, w.rd, rec.length)
		w.off += n
		if err != nil {
			return nil, fmt.Errorf("record %s: %w: %d of %d bytes", rec.target, ErrTruncated, n, rec.length)
		}
	} else {
		// Read in steps, not at once: a cut archive may declare more
		// than it holds.
		var buf bytes.Buffer
		// MinRead more: ReadFrom wants that much room before it sees
		// the end, and would otherwise copy the whole block once more.
		buf.Grow(int(min(rec.length, 1<<20)) + bytes.MinRead)
		n, err := buf.ReadFrom(io.LimitReader(w.rd, rec.length))
		w.off += n
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("record %s: %w: %v", rec.target, ErrTruncated, err)
		}
		if n < rec.length {
			return nil, fmt.Errorf("record %s: %w: %d of %d bytes", rec.target, ErrTruncated, n, rec.length)
		}
		rec.block = buf.Bytes()
	}
	// The record ends with CRLF CRLF; archivers that wrote fewer line
	// ends are tolerated.
	for i := 0; i < 4; i++ {
		b, err := w.rd.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			break
		}
		w.rd.Discard(1)
		w.off++
	}
	return rec, nil
}

// knownTypes are the WARC-Type values of WARC 1.0 and 1.1.
var knownTypes = map[string]bool{"warcinfo": true, "response": true, "resource": true, "request": true,
	"metadata": true, "revisit": true, "conversion": true, "continuation": true}

// responsePage turns a response record into a Page. ok is false for
// records that are skipped without comment.
func responsePage(rec *warcRecord, maxBytes int64) (Page, bool, error) {
	if !knownTypes[rec.typ] {
		return Page{}, false, fmt.Errorf("malformed record: no known WARC-Type")
	}
	if !rec.wanted() {
		return Page{}, false, nil // requests, metadata, dns: and other non-HTTP responses
	}
	u := strings.Trim(rec.target, "<>")
	if rec.length > maxBytes {
		return Page{}, false, fmt.Errorf("record %s: %d bytes, over the limit of %d: skipped", u, rec.length, maxBytes)
	}
	status, code, hdr, chunked, payload, err := parseHTTPResponse(rec.block)
	if err != nil {
		return Page{}, false, fmt.Errorf("record %s: %w", u, err)
	}
	p := Page{URL: u, Status: code, Header: hdr, Via: ViaWARC}
	if p.Status < 100 || p.Status > 999 {
		// Without a status the page would look unfetched to the caller.
		return Page{}, false, fmt.Errorf("record %s: bad HTTP status line %q", u, status)
	}
	if checkPageURL(u) != nil {
		return Page{}, false, fmt.Errorf("record: bad WARC-Target-URI %q", u)
	}
	if d, err := time.Parse(time.RFC3339Nano, rec.date); err == nil {
		p.FetchedAt = d
	}
	ct := hdr.Get("Content-Type")
	if ct != "" && !IsHTML(ct, nil) && !genericType(ct) {
		return p, true, nil // not HTML: the caller counts the page
	}
	body, err := decodeContent(hdr, chunked, payload, maxBytes)
	if err != nil {
		return Page{}, false, fmt.Errorf("record %s: %w", u, err)
	}
	p.Body = body
	return p, true, nil
}

// parseHTTPResponse splits an HTTP response block into its status line,
// status code (0 when the line does not parse), header and payload.
// Header lines that do not parse are skipped. Like Go's HTTP client, it
// leaves Transfer-Encoding out of the header; chunked reports whether it
// declared the chunked coding.
func parseHTTPResponse(block []byte) (status string, code int, hdr http.Header, chunked bool, payload []byte, err error) {
	end, sep := bytes.Index(block, []byte("\r\n\r\n")), 4
	if lf := bytes.Index(block, []byte("\n\n")); lf >= 0 && (end < 0 || lf < end) {
		end, sep = lf, 2
	}
	if end < 0 {
		return "", 0, nil, false, nil, errors.New("malformed HTTP response: no end of header")
	}
	payload = block[end+sep:]
	lines := bytes.Split(block[:end], []byte("\n"))
	if len(lines) > maxHeaderLines {
		return "", 0, nil, false, nil, fmt.Errorf("malformed HTTP response: over %d header lines", maxHeaderLines)
	}
	status = string(bytes.TrimRight(lines[0], "\r"))
	if proto, rest, ok := strings.Cut(status, " "); ok && strings.HasPrefix(proto, "HTTP/") {
		c, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
		if n, err := strconv.Atoi(c); err == nil && len(c) == 3 {
			code = n
		}
	}
	hdr = make(http.Header, len(lines))
	last := ""
	for _, l := range lines[1:] {
		l = bytes.TrimRight(l, "\r")
		if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') && last != "" {
			vs := hdr[last]
			vs[len(vs)-1] += " " + string(bytes.TrimSpace(l))
			continue
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		k = bytes.TrimSpace(k)
		if !ok || len(k) == 0 {
			last = ""
			continue
		}
		last = textproto.CanonicalMIMEHeaderKey(string(k))
		hdr[last] = append(hdr[last], string(bytes.TrimSpace(v)))
	}
	for _, v := range hdr["Transfer-Encoding"] {
		chunked = chunked || strings.Contains(strings.ToLower(v), "chunked")
	}
	hdr.Del("Transfer-Encoding")
	return status, code, hdr, chunked, payload, nil
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
func decodeContent(hdr http.Header, chunked bool, body []byte, limit int64) ([]byte, error) {
	if chunked {
		if out, err := readAtMost(httputil.NewChunkedReader(bytes.NewReader(body)), limit); err == nil {
			body = out
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
		out, err := readAtMost(brotli.NewReader(bytes.NewReader(body)), limit)
		if errors.Is(err, errDecompressedTooLarge) {
			return nil, err
		}
		if err != nil {
			return body, nil // not brotli after all: keep the bytes
		}
		hdr.Del("Content-Encoding")
		return out, nil
	}
	return body, nil
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
	f := fnv.New64a()
	f.Write([]byte(s + t.UTC().Format(time.RFC3339Nano)))
	h := f.Sum64()
	g := h*0x9E3779B97F4A7C15 ^ h>>31
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(h>>32), uint16(h>>16), uint16(h)&0xfff, uint16(g>>48)&0xfff, g&0xffffffffffff)
}
