package newsclip

import "testing"

func TestIsHTML(t *testing.T) {
	for _, c := range []struct {
		page, ct string
		want     bool
	}{
		{"<!doctype html><html>", "", true},
		{"  \n<html><body>", "", true},
		{"\xef\xbb\xbf<html>", "", true},
		{"<p>Just a paragraph</p>", "", true},
		{"<!-- comment --><div>", "", true},
		{"World / Europe\n\nHeadline\n\nText.", "", false},
		{"<3 this story, <p>really</p>", "", true},
		{"<3 love it", "", false},
		{"Plain text", "text/html; charset=utf-8", true},
		{"<html>", "text/plain", false},
		{"\xff\xfe<\x00h\x00", "", true},
		{"", "", false},
	} {
		if got := IsHTML([]byte(c.page), c.ct); got != c.want {
			t.Errorf("IsHTML(%q, %q) = %v, want %v", c.page, c.ct, got, c.want)
		}
	}
}
