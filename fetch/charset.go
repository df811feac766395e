package fetch

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffLen bounds how much of a document is searched for a <meta> charset
// declaration. Pages often declare it after large inline scripts, well past
// the 1,024 bytes that the HTML standard's prescan looks at.
const sniffLen = 64 << 10

// ToUTF8 decodes an HTML document to UTF-8 and names the encoding it used.
//
// The order of trust is: a byte-order mark, the charset parameter of
// contentType (the HTTP header; may be empty), a <meta> declaration in the
// first 64 KB, then, with nothing declared, UTF-8 when the whole document is
// valid UTF-8, and windows-1252 only as the last guess. A declared charset
// that the bytes contradict (a page that says ISO-8859-1 but is valid
// UTF-8 with multi-byte sequences) is overruled by the bytes, because
// mislabelled UTF-8 is far more common on the web than text that happens
// to decode as UTF-8 by accident. The result is always valid UTF-8.
func ToUTF8(body []byte, contentType string) ([]byte, string, error) {
	if len(body) == 0 {
		return body, "utf-8", nil
	}
	// 1. BOM.
	if e, name := bomEncoding(body); e != nil {
		return decodeWith(e, name, body)
	}
	declared := ""
	if contentType != "" {
		if _, name, certain := charset.DetermineEncoding(nil, contentType); certain {
			declared = name
		}
	}
	if declared == "" {
		declared = metaCharset(body)
		// A page that can carry an ASCII <meta> is not UTF-16; the HTML
		// standard reads such a declaration as UTF-8.
		if strings.HasPrefix(declared, "utf-16") || declared == "unicode" || declared == "ucs-2" {
			declared = "utf-8"
		}
	}
	valid := utf8.Valid(body)
	if declared != "" {
		e, name := charset.Lookup(declared)
		if e != nil {
			if name == "utf-8" || (valid && hasMultiByte(body)) {
				return sanitizeUTF8(body), "utf-8", nil
			}
			return decodeWith(e, name, body)
		}
	}
	if valid {
		return body, "utf-8", nil
	}
	// Nothing usable declared and not UTF-8: let the standard's heuristics
	// guess (windows-1252 for most Western pages).
	e, name, _ := charset.DetermineEncoding(body, "")
	if name == "utf-8" {
		return sanitizeUTF8(body), "utf-8", nil
	}
	return decodeWith(e, name, body)
}

func bomEncoding(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

func decodeWith(e encoding.Encoding, name string, body []byte) ([]byte, string, error) {
	out, _, err := transform.Bytes(e.NewDecoder(), body)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return sanitizeUTF8(out), name, nil
}

// sanitizeUTF8 replaces invalid sequences with U+FFFD so that the output is
// always valid UTF-8.
func sanitizeUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

func hasMultiByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// metaCharset finds <meta charset=...> or <meta http-equiv="Content-Type"
// content="...charset=..."> in the first sniffLen bytes. It is a byte scan,
// not a parse: it runs before the document can be decoded.
func metaCharset(body []byte) string {
	b := body
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	// ASCII-only lowering: the markup searched for is ASCII, and
	// bytes.ToLower goes rune by rune (slowly) once it meets non-ASCII text.
	lower := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	for i := 0; ; {
		j := bytes.Index(lower[i:], []byte("<meta"))
		if j < 0 {
			return ""
		}
		i += j + 5
		end := bytes.IndexByte(lower[i:], '>')
		if end < 0 {
			return ""
		}
		tag := lower[i : i+end]
		k := bytes.Index(tag, []byte("charset"))
		if k < 0 {
			continue
		}
		v := tag[k+len("charset"):]
		v = bytes.TrimLeft(v, " \t\r\n")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
		n := 0
		for n < len(v) && (v[n] == '-' || v[n] == '_' || v[n] == '.' || v[n] == ':' ||
			(v[n] >= 'a' && v[n] <= 'z') || (v[n] >= '0' && v[n] <= '9')) {
			n++
		}
		if n > 0 {
			return string(v[:n])
		}
	}
}
