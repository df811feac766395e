package source

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"net/url"
	"os"
	"strings"
)

// URL is a source of one page URL.
func URL(u string) Source { return urlList{name: u, urls: []string{u}} }

type urlList struct {
	name string
	urls []string
}

func (s urlList) String() string { return s.name }

func (s urlList) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		for _, u := range s.urls {
			if ctx.Err() != nil {
				return
			}
			if err := checkPageURL(u); err != nil {
				if !yield(Page{}, err) {
					return
				}
				continue
			}
			if !yield(Page{URL: u}, nil) {
				return
			}
		}
	}
}

// ListFile is a source of the URLs in a text file, one a line. Blank
// lines and lines starting with '#' are skipped; a line that is not an
// absolute http(s) URL is an error that does not stop the list.
func ListFile(path string, opts Options) Source {
	return listFile{path: path, opts: opts.withDefaults()}
}

type listFile struct {
	path string
	opts Options
}

func (s listFile) String() string { return s.path }

func (s listFile) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		f, err := os.Open(s.path)
		if err != nil {
			yield(Page{}, fmt.Errorf("url list: %w", err))
			return
		}
		defer f.Close()
		readList(ctx, f, s.path, s.opts.MaxURLs, yield)
	}
}

// ListReader is a source of the URLs read from r (standard input, "-"),
// in the format of ListFile.
func ListReader(r io.Reader, name string, opts Options) Source {
	return listReader{r: r, name: name, opts: opts.withDefaults()}
}

type listReader struct {
	r    io.Reader
	name string
	opts Options
}

func (s listReader) String() string { return s.name }

func (s listReader) Pages(ctx context.Context) iter.Seq2[Page, error] {
	return func(yield func(Page, error) bool) {
		readList(ctx, s.r, s.name, s.opts.MaxURLs, yield)
	}
}

// readList yields the URLs of a list; it reports whether to go on.
func readList(ctx context.Context, r io.Reader, name string, maxURLs int, yield func(Page, error) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n, count := 0, 0
	for sc.Scan() {
		n++
		if ctx.Err() != nil {
			return false
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := checkPageURL(line); err != nil {
			if !yield(Page{}, fmt.Errorf("%s:%d: %w", name, n, err)) {
				return false
			}
			continue
		}
		if count >= maxURLs {
			yield(Page{}, fmt.Errorf("%s: stopped at the limit of %d URLs", name, maxURLs))
			return false
		}
		count++
		if !yield(Page{URL: line, Via: name}, nil) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		yield(Page{}, fmt.Errorf("%s: line %d: %w", name, n+1, err))
		return false
	}
	return true
}

// checkPageURL accepts absolute http and https URLs only.
func checkPageURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("bad URL %q: %v", s, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("not an absolute http(s) URL: %q", s)
	}
	return nil
}
