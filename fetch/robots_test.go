package fetch

import (
	"net/url"
	"testing"
	"time"
)

func TestRobotsAllowed(t *testing.T) {
	const txt = `# comment
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: NewsClip
User-agent: otherbot
Disallow: /nc-only/
Allow: /nc-only/ok$
Crawl-delay: 0.5

Sitemap: https://example.com/sitemap.xml
Sitemap: ftp://bad.example/sitemap.xml

User-agent: blocked
Disallow: /
`
	r := ParseRobots([]byte(txt))
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"somebot/1.0", "/", true},
		{"somebot/1.0", "/private/x", false},
		{"somebot/1.0", "/private/open/x", true},
		{"somebot/1.0", "/doc.pdf", false},
		{"somebot/1.0", "/doc.pdf?x=1", true},
		{"somebot/1.0", "/search?q=1", false},
		{"somebot/1.0", "/search", true},
		// newsclip matches its own group, so the * rules do not apply.
		{DefaultUserAgent, "/private/x", true},
		{DefaultUserAgent, "/nc-only/a", false},
		{DefaultUserAgent, "/nc-only/ok", true},
		{DefaultUserAgent, "/nc-only/ok/more", false},
		{"blocked", "/anything", false},
		{"blocked", "/robots.txt", true},
	}
	for _, tt := range tests {
		u, _ := url.Parse("https://example.com" + tt.path)
		if got := r.Allowed(tt.agent, u); got != tt.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	if d, ok := r.CrawlDelay(DefaultUserAgent); !ok || d != 500*time.Millisecond {
		t.Errorf("CrawlDelay(newsclip) = %v %v, want 500ms", d, ok)
	}
	if d, ok := r.CrawlDelay("x"); !ok || d != 2*time.Second {
		t.Errorf("CrawlDelay(x) = %v %v, want 2s", d, ok)
	}
	if got := r.Sitemaps(); len(got) != 1 || got[0] != "https://example.com/sitemap.xml" {
		t.Errorf("Sitemaps = %v", got)
	}
}

func TestRobotsMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/a", true},
		{"/a", "/a/b", true},
		{"/a$", "/a", true},
		{"/a$", "/ab", false},
		{"/*/b", "/x/y/b/z", true},
		{"/*b$", "/xb", true},
		{"/*b$", "/xbc", false},
		{"*", "/anything", true},
		{"/a*b*c", "/a-c-b", false},
		{"/a*b*c", "/a-b-c", true},
		{"/fish*.php", "/fish.php", true},
		{"/fish*.php", "/Fish.php", false},
	}
	for _, tt := range tests {
		if got := robotsMatch(tt.pattern, tt.path); got != tt.want {
			t.Errorf("robotsMatch(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestRobotsLongestMatchAndUTF8(t *testing.T) {
	r := ParseRobots([]byte("User-agent: *\nDisallow: /fo\nAllow: /foo\nDisallow: /ü\n"))
	for path, want := range map[string]bool{"/fo": false, "/foo": true, "/fox": false, "/%C3%BCber": false} {
		u, _ := url.Parse("http://h" + path)
		if got := r.Allowed("x", u); got != want {
			t.Errorf("%s: got %v want %v", path, got, want)
		}
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nCrawl-delay: 1e300\n"), "/a/b")
	f.Add([]byte("\xEF\xBB\xBFuser-agent:x\nallow:\n#\x00"), "/")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := ParseRobots(body)
		u, err := url.Parse("http://h/" + path)
		if err != nil {
			return
		}
		r.Allowed("newsclip", u)
		r.CrawlDelay("newsclip")
	})
}
