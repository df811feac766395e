package fetch

import (
	"testing"
	"unicode/utf8"
)

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name, ct string
		in       []byte
		want     string
		wantEnc  string
	}{
		{"empty", "", nil, "", "utf-8"},
		{"plain utf-8", "", []byte("<p>café</p>"), "<p>café</p>", "utf-8"},
		{"header latin1", "text/html; charset=ISO-8859-1", []byte("<p>caf\xe9</p>"), "<p>café</p>", "windows-1252"},
		{"meta windows-1252", "text/html", []byte("<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>"), `<meta charset="windows-1252"><p>“quoted”</p>`, "windows-1252"},
		{"meta http-equiv", "", []byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>na` + "\xef" + `ve</p>`), `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>naïve</p>`, "windows-1252"},
		{"mislabelled utf-8", "text/html; charset=iso-8859-1", []byte("<p>café</p>"), "<p>café</p>", "utf-8"},
		{"undeclared latin1", "", []byte("<p>caf\xe9</p>"), "<p>café</p>", "windows-1252"},
		{"utf-16le bom", "", []byte("\xff\xfe<\x00p\x00>\x00"), "<p>", "utf-16le"},
		{"utf-8 bom", "", []byte("\xef\xbb\xbf<p>x"), "<p>x", "utf-8"},
		{"shift_jis meta", "", []byte("<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>"), "<meta charset=shift_jis><p>日本</p>", "shift_jis"},
		{"unknown label", "text/html; charset=x-bogus", []byte("<p>ok</p>"), "<p>ok</p>", "utf-8"},
		{"declared utf-8 but invalid", "text/html; charset=utf-8", []byte("<p>a\xffb</p>"), "<p>a\uFFFDb</p>", "utf-8"},
	}
	for _, tt := range tests {
		out, enc, err := ToUTF8(tt.in, tt.ct)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(out) != tt.want || enc != tt.wantEnc {
			t.Errorf("%s: got %q (%s), want %q (%s)", tt.name, out, enc, tt.want, tt.wantEnc)
		}
		if !utf8.Valid(out) {
			t.Errorf("%s: output not valid UTF-8", tt.name)
		}
	}
}

func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("<meta charset=gbk><p>\xc4\xe3</p>"), "")
	f.Add([]byte("\xfe\xff\x00<"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		out, _, err := ToUTF8(b, ct)
		if err == nil && !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
	})
}
