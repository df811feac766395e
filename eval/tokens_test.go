package eval

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", "!?, -- ...", nil},
		{"ascii words", "a b,cd:e(foo,bar) ", []string{"a", "b", "cd", "e", "foo", "bar"}},
		{"case kept", "The THE the", []string{"The", "THE", "the"}},
		{"digits and underscore", "snake_case 4.2 million, 2024-03-05", []string{"snake_case", "4", "2", "million", "2024", "03", "05"}},
		{"apostrophe splits", "don't", []string{"don", "t"}},
		{"cyrillic", "Путин заявил, что «переговоры» идут.", []string{"Путин", "заявил", "что", "переговоры", "идут"}},
		{"japanese run is one token", "東京都は、新しい計画を発表した。", []string{"東京都は", "新しい計画を発表した"}},
		{"korean", "서울 시장은 말했다", []string{"서울", "시장은", "말했다"}},
		{"accented letters", "Weizsäcker café São", []string{"Weizsäcker", "café", "São"}},
		{"combining mark splits", "cafe\u0301 au lait", []string{"cafe", "au", "lait"}},
		{"soft hyphen splits", "news\u00adpaper", []string{"news", "paper"}},
		{"no-break space separates", "a\u00a0b", []string{"a", "b"}},
		{"other numbers", "½ Ⅻ ²", []string{"½", "Ⅻ", "²"}},
		{"invalid utf-8 splits", "ab\xffcd", []string{"ab", "cd"}},
		{"trailing token", "end", []string{"end"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want map[string]int
	}{
		{"empty text has none", "", 4, map[string]int{}},
		{"no tokens has none", "!", 4, map[string]int{}},
		{"one token", "word", 4, map[string]int{"word": 1}},
		{"three tokens make one shingle", "a,b c ", 4, map[string]int{"a b c": 1}},
		{"exactly n", "a b c d", 4, map[string]int{"a b c d": 1}},
		{"sliding", "a b c d e f", 4, map[string]int{"a b c d": 1, "b c d e": 1, "c d e f": 1}},
		{"multiset counts repeats", "a b c d a b c d", 4, map[string]int{"a b c d": 2, "b c d a": 1, "c d a b": 1, "d a b c": 1}},
		{"n of 3", "aa 11 c 22", 3, map[string]int{"aa 11 c": 1, "11 c 22": 1}},
		{"n of 3 repeats", "a b c a b c", 3, map[string]int{"a b c": 2, "b c a": 1, "c a b": 1}},
		{"n below 1 means 4", "a b c d e", 0, map[string]int{"a b c d": 1, "b c d e": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shingles(Tokens(tt.in), tt.n)
			if len(got) != len(tt.want) {
				t.Fatalf("Shingles(%q) = %v, want %v", tt.in, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("Shingles(%q)[%q] = %d, want %d", tt.in, k, got[k], v)
				}
			}
		})
	}
}

// FuzzTokens checks the tokenizer's invariants on any input: tokens are
// non-empty runs of word runes, appear in the text in order, and
// tokenizing them joined by spaces gives them back.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "a b", "東京都は、新しい", "news\u00adpaper", "ab\xffcd", "Путин: «да»", "x_1 ²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		rest := s
		for _, tok := range toks {
			if tok == "" {
				t.Fatalf("empty token in %q", s)
			}
			for _, r := range tok {
				if !isWordRune(r) || r == utf8.RuneError {
					t.Fatalf("token %q of %q holds non-word rune %q", tok, s, r)
				}
			}
			i := strings.Index(rest, tok)
			if i < 0 {
				t.Fatalf("token %q not found in order in %q", tok, s)
			}
			rest = rest[i+len(tok):]
		}
		if again := Tokens(strings.Join(toks, " ")); !slices.Equal(again, toks) {
			t.Fatalf("re-tokenizing %q gave %q", toks, again)
		}
		// len-n+1 shingles, at least one when there is a token.
		sh := Shingles(toks, ShingleSize)
		total := 0
		for _, c := range sh {
			total += c
		}
		want := max(len(toks)-ShingleSize+1, 1)
		if len(toks) == 0 {
			want = 0
		}
		if total != want {
			t.Fatalf("%d tokens gave %d shingles, want %d", len(toks), total, want)
		}
	})
}
