package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// httpGet is a plain Getter for loopback test servers.
func httpGet(ctx context.Context, u string) (Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Page{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Page{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return Page{}, err
	}
	return Page{URL: resp.Request.URL.String(), Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

// collectAll runs a source to the end.
func collectAll(t *testing.T, s Source) (urls []string, errs []error) {
	t.Helper()
	for p, err := range s.Pages(context.Background()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		urls = append(urls, p.URL)
	}
	return urls, errs
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"WARC/1.0\r\n", KindWARC},
		{`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, KindSitemap},
		{"\xEF\xBB\xBF <?xml version='1.0'?>\n<!-- c --><sitemapindex>", KindSitemap},
		{`<?xml version="1.0"?><rss version="2.0">`, KindFeed},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, KindFeed},
		{`<rdf:RDF xmlns:rdf="...">`, KindFeed},
		{`{"version": "https://jsonfeed.org/version/1.1", "items": []}`, KindFeed},
		{`{"a": 1}`, KindUnknown},
		{"<!DOCTYPE html><html><head>", KindPage},
		{"  <html lang=en>", KindPage},
		{"# my list\n\nhttps://example.com/a\n", KindList},
		{"hello world\nhttps://example.com/a\n", KindUnknown},
		{"", KindUnknown},
		{"\x00\x01binary", KindUnknown},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Sniff(gz([]byte("<urlset></urlset>"))); got != KindSitemap {
		t.Errorf("gzip'd sitemap sniffed as %q", got)
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		ct   string
		body string
		want bool
	}{
		{"text/html; charset=utf-8", "", true},
		{"application/xhtml+xml", "", true},
		{"application/pdf", "<html>", false},
		{"image/png", "", false},
		{"", "<!doctype html><p>x", true},
		{"application/octet-stream", "\x89PNG\x00\x00", false},
		{"text/plain", "just text", false},
	}
	for _, tt := range tests {
		if got := IsHTML(tt.ct, []byte(tt.body)); got != tt.want {
			t.Errorf("IsHTML(%q, %q) = %v", tt.ct, tt.body, got)
		}
	}
}

func TestListFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(path, []byte("# news\nhttps://a.example/1\n\n  http://b.example/2  \nftp://c.example/3\nnot a url\n#https://skip.example/\n"), 0o644)
	urls, errs := collectAll(t, ListFile(path, Options{}))
	if want := []string{"https://a.example/1", "http://b.example/2"}; fmt.Sprint(urls) != fmt.Sprint(want) {
		t.Errorf("urls = %v, want %v", urls, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "urls.txt:5") {
		t.Errorf("errs = %v", errs)
	}
	_, errs = collectAll(t, ListFile(filepath.Join(t.TempDir(), "missing"), Options{}))
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("missing file: %v", errs)
	}
	// The URL limit stops the list with an error.
	urls, errs = collectAll(t, ListFile(path, Options{MaxURLs: 1}))
	if len(urls) != 1 || len(errs) == 0 || !strings.Contains(errs[len(errs)-1].Error(), "limit of 1") {
		t.Errorf("limit: %v %v", urls, errs)
	}
}

const rssFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
<item><title>One</title><link>https://news.example/one</link></item>
<item><title>Two</title><link>/two</link></item>
<item><title>Dup</title><link>https://news.example/one</link></item>
<item><title>Bad</title><link>mailto:x@example.com</link></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>E1</title><link href="https://news.example/e1"/><id>1</id></entry>
<entry><title>E2</title><link rel="alternate" href="https://news.example/e2"/><id>2</id></entry>
</feed>`

const jsonFeed = `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
{"id":"1","url":"https://news.example/j1"},{"id":"2","url":"https://news.example/j2"}]}`

func TestFeeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss":
			io.WriteString(w, rssFeed)
		case "/atom":
			io.WriteString(w, atomFeed)
		case "/json":
			io.WriteString(w, jsonFeed)
		case "/broken":
			io.WriteString(w, `<rss><channel><item><link>https://x.example/a</link>`)
		case "/garbage":
			w.Write([]byte{0, 1, 2, 3, 0xff})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	opts := Options{Get: httpGet}
	tests := []struct {
		path    string
		want    []string
		wantErr string
	}{
		{"/rss", []string{"https://news.example/one", srv.URL + "/two"}, "mailto"},
		{"/atom", []string{"https://news.example/e1", "https://news.example/e2"}, ""},
		{"/json", []string{"https://news.example/j1", "https://news.example/j2"}, ""},
		{"/garbage", nil, "feed"},
		{"/missing", nil, "status 404"},
	}
	for _, tt := range tests {
		urls, errs := collectAll(t, Feed(srv.URL+tt.path, opts))
		if fmt.Sprint(urls) != fmt.Sprint(tt.want) {
			t.Errorf("%s: urls = %v, want %v", tt.path, urls, tt.want)
		}
		if tt.wantErr == "" && len(errs) > 0 || tt.wantErr != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), tt.wantErr)) {
			t.Errorf("%s: errs = %v, want %q", tt.path, errs, tt.wantErr)
		}
	}
	// A malformed feed is an error, not a panic; what gofeed salvages is kept.
	_, errs := collectAll(t, Feed(srv.URL+"/broken", opts))
	for _, err := range errs {
		if !strings.Contains(err.Error(), "/broken") {
			t.Errorf("error does not name the feed: %v", err)
		}
	}
}

func sitemapXML(locs ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">`)
	for _, l := range locs {
		fmt.Fprintf(&b, "<url><loc>%s</loc><news:news><news:title>t</news:title></news:news><image:image><image:loc>%s.jpg</image:loc></image:image></url>\n", l, l)
	}
	b.WriteString("</urlset>")
	return b.String()
}

func indexXML(locs ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, l := range locs {
		fmt.Fprintf(&b, "<sitemap><loc>%s</loc></sitemap>", l)
	}
	b.WriteString("</sitemapindex>")
	return b.String()
}

func TestSitemaps(t *testing.T) {
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/index.xml":
			io.WriteString(w, indexXML(base+"/a.xml", base+"/b.xml.gz", base+"/broken.xml", base+"/missing.xml", base+"/deeper.xml", base+"/index.xml"))
		case "/a.xml":
			io.WriteString(w, sitemapXML(base+"/p1", base+"/p2"))
		case "/b.xml.gz":
			w.Header().Set("Content-Type", "application/gzip")
			w.Write(gz([]byte(sitemapXML(base+"/p3", base+"/p1"))))
		case "/broken.xml":
			io.WriteString(w, `<urlset><url><loc>`+base+`/p4</loc></url><url><loc>`+base+`/p5</lo`)
		case "/deeper.xml":
			io.WriteString(w, indexXML(base+"/deepest.xml"))
		case "/deepest.xml":
			io.WriteString(w, indexXML(base+"/a.xml"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	base = srv.URL
	urls, errs := collectAll(t, Sitemap(base+"/index.xml", Options{Get: httpGet, MaxSitemapDepth: 3}))
	want := []string{base + "/p1", base + "/p2", base + "/p3", base + "/p4"}
	if fmt.Sprint(urls) != fmt.Sprint(want) {
		t.Errorf("urls = %v\nwant %v", urls, want)
	}
	joined := fmt.Sprint(errs)
	for _, w := range []string{"broken.xml: malformed XML", "missing.xml: HTTP status 404", "deeper than 3 levels"} {
		if !strings.Contains(joined, w) {
			t.Errorf("errors %v lack %q", errs, w)
		}
	}
	urls, errs = collectAll(t, Sitemap(base+"/index.xml", Options{Get: httpGet, MaxURLs: 2}))
	if len(urls) != 2 || !strings.Contains(fmt.Sprint(errs), "limit of 2") {
		t.Errorf("limit: %v %v", urls, errs)
	}
}

func TestParseSitemapNotSitemap(t *testing.T) {
	for _, in := range []string{"<html><body>x</body></html>", "", "plain", "<?xml version='1.0' encoding='EBCDIC'?><urlset/>"} {
		if _, _, err := parseSitemap([]byte(in)); err == nil {
			t.Errorf("parseSitemap(%q): no error", in)
		}
	}
}

func TestSiteDiscovery(t *testing.T) {
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprintf(w, `<!doctype html><html><head>
<link rel="alternate" type="application/rss+xml" href="/rss">
<link rel="Alternate stylesheet" type="text/css" href="/style.css">
<link rel="alternate" type="application/atom+xml" href="%s/rss">
</head><body><link rel="alternate" type="application/rss+xml" href="/not-in-head"></body></html>`, base)
		case "/rss":
			fmt.Fprintf(w, `<rss version="2.0"><channel><item><link>%s/s1</link></item></channel></rss>`, base)
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nDisallow:\nSitemap: %s/news.xml # news\n", base)
		case "/news.xml":
			io.WriteString(w, sitemapXML(base+"/s1", base+"/s2"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	base = srv.URL
	src, err := Open(context.Background(), base+"/", Options{Get: httpGet})
	if err != nil {
		t.Fatal(err)
	}
	urls, errs := collectAll(t, src)
	if want := []string{base + "/s1", base + "/s2"}; fmt.Sprint(urls) != fmt.Sprint(want) || len(errs) > 0 {
		t.Errorf("urls = %v errs %v, want %v", urls, errs, want)
	}
}

func TestSiteWithoutFeeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			io.WriteString(w, "<html><head><title>x</title></head></html>")
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	_, errs := collectAll(t, Site(srv.URL, Options{Get: httpGet}))
	if !strings.Contains(fmt.Sprint(errs), "no pages found") || !strings.Contains(fmt.Sprint(errs), "sitemap.xml: HTTP status 404") {
		t.Errorf("errs = %v", errs)
	}
}

func TestOpenURLKinds(t *testing.T) {
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			io.WriteString(w, rssFeed)
		case "/sitemap.xml.gz":
			w.Write(gz([]byte(sitemapXML(base + "/x"))))
		case "/story":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><body><p>story</p></body></html>")
		case "/gone":
			w.WriteHeader(http.StatusGone)
		case "/sitemap.txt":
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, base+"/t1\n"+base+"/t2\n")
		}
	}))
	defer srv.Close()
	base = srv.URL
	ctx := context.Background()
	tests := map[string]string{
		"/feed":           "[https://news.example/one " + base + "/two]",
		"/sitemap.xml.gz": "[" + base + "/x]",
		"/story":          "[" + base + "/story]",
		"/gone":           "[" + base + "/gone]",
		"/sitemap.txt":    "[" + base + "/t1 " + base + "/t2]",
	}
	for path, want := range tests {
		src, err := Open(ctx, base+path, Options{Get: httpGet})
		if err != nil {
			t.Fatal(err)
		}
		urls, _ := collectAll(t, src)
		if fmt.Sprint(urls) != want {
			t.Errorf("%s: %v, want %s", path, urls, want)
		}
	}
	// The page itself comes with its body: it is not fetched twice.
	src, _ := Open(ctx, base+"/story", Options{Get: httpGet})
	for p, err := range src.Pages(ctx) {
		if err != nil || !p.HasBody() || !bytes.Contains(p.Body, []byte("story")) {
			t.Errorf("page: %+v %v", p, err)
		}
	}
}

func TestOpenFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ctx := context.Background()
	tests := []struct {
		path string
		want string
	}{
		{write("list", []byte("https://a.example/1\n")), "[https://a.example/1]"},
		{write("feed.xml", []byte(atomFeed)), "[https://news.example/e1 https://news.example/e2]"},
		{write("sm.xml.gz", gz([]byte(sitemapXML("https://a.example/s")))), "[https://a.example/s]"},
		{write("feed.json", []byte(jsonFeed)), "[https://news.example/j1 https://news.example/j2]"},
	}
	for _, tt := range tests {
		src, err := Open(ctx, tt.path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		urls, errs := collectAll(t, src)
		if fmt.Sprint(urls) != tt.want || len(errs) > 0 {
			t.Errorf("%s: %v %v, want %s", tt.path, urls, errs, tt.want)
		}
	}
	page := write("saved.html", []byte("<!doctype html><p>hi"))
	src, err := Open(ctx, page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p, err := range src.Pages(ctx) {
		if err != nil || !strings.HasPrefix(p.URL, "file:///") || string(p.Body) != "<!doctype html><p>hi" {
			t.Errorf("saved page: %+v %v", p, err)
		}
	}
	for _, bad := range []string{write("bin", []byte{0, 1, 2, 3}), filepath.Join(dir, "nope"), dir, "ftp://x.example/list"} {
		if _, err := Open(ctx, bad, Options{}); err == nil {
			t.Errorf("Open(%s): no error", bad)
		}
	}
}

// buildWARC writes an archive with HTML pages, a PDF, and records that
// are not responses.
func buildWARC(t testing.TB, gzipped bool, htmlPages int) []byte {
	t.Helper()
	var buf bytes.Buffer
	date := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	info := "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-05-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nContent-Type: application/warc-fields\r\nContent-Length: 15\r\n\r\nsoftware: test\n\r\n\r\n"
	if gzipped {
		buf.Write(gz([]byte(info)))
	} else {
		buf.WriteString(info)
	}
	for i := 0; i < htmlPages; i++ {
		h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
		body := fmt.Sprintf("<html><body><h1>Story %d</h1><p>Text of story %d.</p>%s</body></html>", i, i, strings.Repeat("<p>More text.</p>", 1000*(i%2)))
		if err := WriteResponse(&buf, fmt.Sprintf("https://news.example/story/%d", i), date, 200, h, []byte(body), gzipped); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			pdf := http.Header{"Content-Type": {"application/pdf"}}
			WriteResponse(&buf, "https://news.example/doc.pdf", date, 200, pdf, []byte("%PDF-1.4 binary \x00\x01"), gzipped)
		}
	}
	return buf.Bytes()
}

func TestWARC(t *testing.T) {
	for _, gzipped := range []bool{false, true} {
		name := fmt.Sprintf("gzip=%v", gzipped)
		data := buildWARC(t, gzipped, 5)
		path := filepath.Join(t.TempDir(), "a.warc")
		if gzipped {
			path += ".gz"
		}
		os.WriteFile(path, data, 0o644)
		src, err := Open(context.Background(), path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var html, other int
		for p, err := range src.Pages(context.Background()) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if p.Status != 200 || p.FetchedAt.IsZero() {
				t.Errorf("%s: %+v", name, p)
			}
			if IsHTML(p.ContentType(), p.Body) {
				html++
				if !bytes.Contains(p.Body, []byte("<h1>Story")) || !bytes.HasSuffix(p.Body, []byte("</html>")) {
					t.Errorf("%s: body of %d bytes not read whole", name, len(p.Body))
				}
			} else {
				other++
				if p.Body != nil {
					t.Errorf("%s: non-HTML body read", name)
				}
			}
		}
		if html != 5 || other != 1 {
			t.Errorf("%s: %d HTML, %d other; want 5, 1", name, html, other)
		}
	}
}

func TestWARCTruncated(t *testing.T) {
	for _, gzipped := range []bool{false, true} {
		data := buildWARC(t, gzipped, 6)
		for _, cut := range []int{len(data) - 7, len(data) * 2 / 3} {
			r := bytes.NewReader(data[:cut])
			var got int
			var errs []error
			for p, err := range WARCReader(r, "t.warc", Options{}).Pages(context.Background()) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				if p.Body != nil {
					got++
				}
			}
			if got == 0 || got >= 6 {
				t.Errorf("gzip=%v cut=%d: %d pages read", gzipped, cut, got)
			}
			if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) {
				t.Errorf("gzip=%v cut=%d: errs = %v, want one ErrTruncated", gzipped, cut, errs)
			}
		}
	}
}

func TestWARCBadRecords(t *testing.T) {
	var buf bytes.Buffer
	h := http.Header{"Content-Type": {"text/html"}}
	WriteResponse(&buf, "https://x.example/ok1", time.Now(), 200, h, []byte("<p>1"), false)
	// A status line that does not parse, and a record without a usable URI.
	block := "HTTP/1.1 abc Nope\r\nContent-Type: text/html\r\n\r\n<p>x"
	fmt.Fprintf(&buf, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/bad\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:11111111-1111-4111-8111-111111111111>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	WriteResponse(&buf, "mailto:someone@example.com", time.Now(), 200, h, []byte("<p>2"), false)
	WriteResponse(&buf, "https://x.example/ok2", time.Now(), 200, h, []byte("<p>3"), false)
	urls, errs := collectAll(t, WARCReader(&buf, "bad.warc", Options{}))
	if fmt.Sprint(urls) != "[https://x.example/ok1 https://x.example/ok2]" {
		t.Errorf("urls %v", urls)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "bad HTTP status line") || !strings.Contains(errs[1].Error(), "bad WARC-Target-URI") {
		t.Errorf("errs %v", errs)
	}
}

func TestWARCNotAnArchive(t *testing.T) {
	for _, in := range []string{"", "hello", "WARC/1.1\r\nbroken", "\x1f\x8b\x08garbage"} {
		var errs []error
		for _, err := range WARCReader(strings.NewReader(in), "x", Options{}).Pages(context.Background()) {
			if err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) == 0 {
			t.Errorf("%q: no error", in)
		}
	}
}

func FuzzSniff(f *testing.F) {
	f.Add([]byte("<?xml version='1.0'?><urlset>"))
	f.Add([]byte("WARC/1.0"))
	f.Add(gz([]byte("<rss>")))
	f.Fuzz(func(t *testing.T, b []byte) {
		Sniff(b)
		IsHTML("", b)
	})
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(sitemapXML("https://a.example/1")))
	f.Add([]byte(indexXML("https://a.example/s.xml")))
	f.Fuzz(func(t *testing.T, b []byte) {
		parseSitemap(b)
	})
}

func FuzzWARC(f *testing.F) {
	f.Add(buildWARC(f, false, 1))
	f.Add(buildWARC(f, true, 1))
	f.Fuzz(func(t *testing.T, b []byte) {
		for range WARCReader(bytes.NewReader(b), "fuzz", Options{MaxRecordBytes: 1 << 16}).Pages(context.Background()) {
		}
	})
}

func FuzzFeedPages(f *testing.F) {
	f.Add([]byte(rssFeed))
	f.Add([]byte(atomFeed))
	f.Add([]byte(jsonFeed))
	f.Fuzz(func(t *testing.T, b []byte) {
		feedPages(b, "https://news.example/feed", 100, newSeen(), func(Page, error) bool { return true })
	})
}

func TestWARCEncodedPayloads(t *testing.T) {
	const page = "<html><body><h1>Encoded</h1><p>Body text.</p></body></html>"
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write([]byte(page))
	bw.Close()
	chunked := fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 10, page[:10], len(page)-10, page[10:])
	tests := []struct {
		name string
		hdr  http.Header
		body []byte
	}{
		{"gzip", http.Header{"Content-Encoding": {"gzip"}}, gz([]byte(page))},
		{"br", http.Header{"Content-Encoding": {"br"}}, br.Bytes()},
		{"chunked", http.Header{"Transfer-Encoding": {"chunked"}}, []byte(chunked)},
		{"gzip declared, plain stored", http.Header{"Content-Encoding": {"gzip"}}, []byte(page)},
		{"chunked declared, plain stored", http.Header{"Transfer-Encoding": {"chunked"}}, []byte(page)},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		tt.hdr.Set("Content-Type", "text/html")
		WriteResponse(&buf, "https://x.example/"+tt.name, time.Now(), 200, tt.hdr, tt.body, true)
		for p, err := range WARCReader(&buf, "t", Options{}).Pages(context.Background()) {
			if err != nil || string(p.Body) != page {
				t.Errorf("%s: %q %v", tt.name, p.Body, err)
			}
		}
	}
}

func FuzzDiscoverFeeds(f *testing.F) {
	f.Add([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>`))
	f.Add([]byte(`<link rel=alternate type=application/atom+xml href="http://[::1">`))
	base, _ := url.Parse("https://news.example/")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, u := range DiscoverFeeds(b, base) {
			if checkPageURL(u) != nil {
				t.Fatalf("discovered %q, not an absolute http(s) URL", u)
			}
		}
	})
}

// TestOpenURLWARCPastMaxDoc: an archive fetched by URL is read record by
// record, so one that unpacks to more than MaxDocBytes is still read.
func TestOpenURLWARCPastMaxDoc(t *testing.T) {
	data := buildWARC(t, true, 20) // about 170 KB unpacked
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(data)
	}))
	defer srv.Close()
	ctx := context.Background()
	src, err := Open(ctx, srv.URL+"/a.warc.gz", Options{Get: httpGet, MaxDocBytes: 50_000})
	if err != nil {
		t.Fatal(err)
	}
	urls, errs := collectAll(t, src)
	stories := 0
	for _, u := range urls {
		if strings.Contains(u, "/story/") {
			stories++
		}
	}
	if stories != 20 || len(errs) != 0 {
		t.Errorf("stories = %d, errs = %v", stories, errs)
	}
}
