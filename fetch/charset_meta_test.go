package fetch

import "testing"

// A <meta> that declares UTF-16 cannot be right (it was read as ASCII), so
// it counts as UTF-8, as the HTML standard says; a UTF-16 page with a BOM
// or a UTF-16 Content-Type header is still decoded as UTF-16.
func TestMetaDeclaresUTF16(t *testing.T) {
	for _, c := range []struct {
		name, ct string
		page     []byte
		want     string
	}{
		{"meta utf-16, ascii page", "", []byte(`<meta charset="utf-16"><p>Hello world</p>`), `<meta charset="utf-16"><p>Hello world</p>`},
		{"meta UTF-16LE, utf-8 page", "", []byte("<meta charset=UTF-16LE><p>Café</p>"), "<meta charset=UTF-16LE><p>Café</p>"},
		{"bom utf-16le", "", []byte{0xFF, 0xFE, '<', 0, 'p', 0, '>', 0}, "<p>"},
	} {
		out, _, err := ToUTF8(c.page, c.ct)
		if err != nil || string(out) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, out, err, c.want)
		}
	}
}
