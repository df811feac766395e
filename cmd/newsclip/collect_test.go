package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsclip/newsclip/store"
	"github.com/newsclip/newsclip/store/sqlite"
)

// buildNewsclip builds the command into a temporary directory.
func buildNewsclip(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsclip")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build: %v", err)
	}
	return bin
}

// crashSite serves a sitemap of n article pages, each a little slow so
// that a collection takes long enough to be killed in the middle. It
// counts hits per path.
type crashSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newCrashSite(n int) *crashSite {
	s := &crashSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		base := "http://" + r.Host
		switch {
		case r.URL.Path == "/robots.txt":
			io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
		case r.URL.Path == "/sitemap.xml":
			io.WriteString(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := 0; i < n; i++ {
				fmt.Fprintf(w, "<url><loc>%s/story/%d</loc></url>\n", base, i)
			}
			io.WriteString(w, "</urlset>")
		case strings.HasPrefix(r.URL.Path, "/story/"):
			time.Sleep(time.Duration(10+rand.IntN(20)) * time.Millisecond)
			var i int
			fmt.Sscanf(r.URL.Path, "/story/%d", &i)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Story %d</title>
<link rel="canonical" href="%s/story/%d"></head><body><article><h1>Council approves budget number %d</h1>
<p>The city council on Tuesday approved budget number %d after a long debate that ran late into the night and drew a large crowd of residents.</p>
<p>"This is a fair budget for everyone in town," the mayor, Jane Okafor, told reporters after the vote on item %d.</p>
<p>Opponents said the plan raised fees for small shops and promised to raise the matter again at the next session of the council.</p>
</article></body></html>`, i, base, i, i, i, i)
		default:
			http.NotFound(w, r)
		}
	}))
	return s
}

func (s *crashSite) snapshot() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.hits))
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

var storedLine = regexp.MustCompile(`^stored (\S+) id=(\d+)$`)

// TestCollectSurvivesKill kills "newsclip collect" with SIGKILL at random
// moments, runs it again to the end, and checks the store: every page
// stored exactly once, every page the log reported stored still there,
// and no page fetched again once the fetch log said it was finished.
func TestCollectSurvivesKill(t *testing.T) {
	const pages = 300
	bin := buildNewsclip(t)
	site := newCrashSite(pages)
	defer site.Close()
	dbPath := filepath.Join(t.TempDir(), "crash.db")
	args := []string{"collect", "--store", dbPath, "--concurrency", "4", "--per-host", "4", "--delay", "0",
		site.URL + "/sitemap.xml"}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("kill moments seed %d", seed)

	reported := map[string]bool{}
	// finishedAt[path] is the hit count of a page when the fetch log
	// first said it was finished.
	finishedAt := map[string]int{}
	checkFinished := func() {
		st, err := sqlite.Open(dbPath)
		if err != nil {
			t.Fatalf("open store after kill: %v", err)
		}
		defer st.Close()
		hits := site.snapshot()
		ctx := context.Background()
		for i := 0; i < pages; i++ {
			path := fmt.Sprintf("/story/%d", i)
			if _, ok := finishedAt[path]; ok {
				continue
			}
			rec, ok, err := st.LastFetch(ctx, site.URL+path)
			if err != nil {
				t.Fatal(err)
			}
			if ok && rec.Status == 200 {
				finishedAt[path] = hits[path]
			}
		}
	}

	kills := 0
	for round := 0; round < 8 && kills < 4; round++ {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := time.Duration(100+rng.IntN(500)) * time.Millisecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			// It finished before the kill: the last round.
			if err != nil {
				t.Fatalf("collect: %v\n%s", err, stderr.String())
			}
			collectReported(stderr.Bytes(), reported)
			round = 99
			continue
		case <-time.After(wait):
		}
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		kills++
		collectReported(stderr.Bytes(), reported)
		checkFinished()
		t.Logf("kill %d after %v: %d pages reported stored so far, %d finished", kills, wait, len(reported), len(finishedAt))
	}
	// Run to the end.
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("final collect: %v\n%s", err, stderr.String())
	}
	collectReported(stderr.Bytes(), reported)
	t.Logf("final run: %s", lastLines(stderr.String(), 3))
	if kills == 0 {
		t.Fatal("the collection was never killed: the test proved nothing")
	}

	st, err := sqlite.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	byURL := map[string]int{}
	err = st.Export(context.Background(), func(s *store.Stored) error {
		u := s.Article.CanonicalURL
		if u == "" {
			u = s.Article.URL
		}
		byURL[u]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(byURL) != pages {
		t.Errorf("%d articles stored, want %d", len(byURL), pages)
	}
	for i := 0; i < pages; i++ {
		u := fmt.Sprintf("%s/story/%d", site.URL, i)
		if byURL[u] != 1 {
			t.Errorf("%s stored %d times", u, byURL[u])
		}
	}
	for u := range reported {
		if byURL[u] != 1 {
			t.Errorf("%s was reported stored but the store has it %d times", u, byURL[u])
		}
	}
	final := site.snapshot()
	refetched := 0
	for path, h := range finishedAt {
		if final[path] != h {
			refetched++
			t.Errorf("%s was finished at %d hits but fetched again (%d hits)", path, h, final[path])
		}
	}
	t.Logf("%d kills, %d pages finished before the last run, %d fetched again", kills, len(finishedAt), refetched)
}

func collectReported(b []byte, into map[string]bool) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if m := storedLine.FindStringSubmatch(sc.Text()); m != nil {
			into[m[1]] = true
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func TestRunCollectFlags(t *testing.T) {
	site := newCrashSite(3)
	defer site.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "urls.txt")
	os.WriteFile(list, []byte(site.URL+"/story/0\n"+site.URL+"/story/1\n"+site.URL+"/private/x\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	var stdout, stderr bytes.Buffer
	// Flags after the source are read too.
	code := runCollect(context.Background(), []string{list, "--store", db, "--delay", "0", "--max-pages", "2"}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stderr.String()
	if !strings.Contains(out, "stored 2") || !strings.Contains(out, "collected 2 pages") {
		t.Errorf("output:\n%s", out)
	}
	// The SSRF guard refuses the loopback test server.
	stderr.Reset()
	code = runCollect(context.Background(), []string{"--store", db, "--deny-private", site.URL + "/story/2"}, nil, &stdout, &stderr)
	if code != 0 || !strings.Contains(stderr.String(), "blocked: ") {
		t.Errorf("deny-private: exit %d\n%s", code, stderr.String())
	}
	stderr.Reset()
	code = runCollect(context.Background(), []string{"--store", db, "--quiet", "--no-robots", "--delay", "0", list}, nil, &stdout, &stderr)
	if code != 0 || strings.Contains(stderr.String(), "stored http") || !strings.Contains(stderr.String(), "already finished 2") {
		t.Errorf("quiet re-run: exit %d\n%s", code, stderr.String())
	}
	for _, args := range [][]string{{}, {"--bogus", list}, {"--store", filepath.Join(dir, "no", "such", "dir", "x.db"), list}} {
		stderr.Reset()
		if code := runCollect(context.Background(), args, nil, &stdout, &stderr); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
}

// TestCollectInterrupt: Ctrl-C (SIGINT) stops a collection cleanly: exit
// status 130, a summary, and every page reported stored is in the store.
func TestCollectInterrupt(t *testing.T) {
	bin := buildNewsclip(t)
	site := newCrashSite(300)
	defer site.Close()
	dbPath := filepath.Join(t.TempDir(), "int.db")
	cmd := exec.Command(bin, "collect", "--store", dbPath, "--concurrency", "4", "--per-host", "4", "--delay", "0", site.URL+"/sitemap.xml")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once a few pages are stored.
	var stderr bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(pipe)
		n := 0
		for sc.Scan() {
			stderr.WriteString(sc.Text() + "\n")
			if strings.HasPrefix(sc.Text(), "stored ") {
				if n++; n == 10 {
					cmd.Process.Signal(os.Interrupt)
				}
			}
		}
	}()
	<-read
	err = cmd.Wait()
	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 130 {
		t.Fatalf("exit: %v\n%s", err, lastLines(stderr.String(), 5))
	}
	out := stderr.String()
	if !strings.Contains(out, "interrupted; run the same command again to resume") || !strings.Contains(out, "collected ") {
		t.Errorf("output:\n%s", lastLines(out, 5))
	}
	reported := map[string]bool{}
	collectReported(stderr.Bytes(), reported)
	st, err := sqlite.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := 0
	st.Export(context.Background(), func(s *store.Stored) error { n++; return nil })
	if n != len(reported) || n == 0 || n == 300 {
		t.Errorf("%d articles stored, %d reported stored (of 300)", n, len(reported))
	}
}
