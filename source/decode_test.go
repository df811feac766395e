package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestDecodeContentLimit: a compressed payload decodes when it fits its
// limit and fails with errDecompressedTooLarge when it would outgrow it;
// bytes that are not what the header says are kept as they are.
func TestDecodeContentLimit(t *testing.T) {
	page := []byte(strings.Repeat("<p>news</p>", 100)) // 1,100 bytes
	var gz, br bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	bw := brotli.NewWriter(&br)
	bw.Write(page)
	bw.Close()
	cases := []struct {
		name, encoding string
		body           []byte
		limit          int64
		want           []byte
		tooLarge       bool
	}{
		{"gzip within the limit", "gzip", gz.Bytes(), 2000, page, false},
		{"gzip past the limit", "gzip", gz.Bytes(), 1000, nil, true},
		{"br within the limit", "br", br.Bytes(), 2000, page, false},
		{"br past the limit", "br", br.Bytes(), 1000, nil, true},
		{"not gzip after all", "gzip", page, 2000, page, false},
		{"not br after all", "br", page, 2000, page, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hdr := http.Header{"Content-Encoding": {c.encoding}}
			got, err := decodeContent(hdr, false, c.body, c.limit)
			if c.tooLarge {
				if !errors.Is(err, errDecompressedTooLarge) {
					t.Fatalf("err = %v, want errDecompressedTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, c.want) {
				t.Errorf("got %d bytes %.40q, want %d bytes", len(got), got, len(c.want))
			}
		})
	}
}
