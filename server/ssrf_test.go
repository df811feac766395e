package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsclip/newsclip/article"
)

// upstream is a site on loopback that counts the requests it gets.
type upstream struct {
	*httptest.Server
	hits atomic.Int64
}

func newUpstream(t *testing.T, h http.HandlerFunc) *upstream {
	t.Helper()
	u := &upstream{}
	u.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(u.Close)
	return u
}

func servePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, newsPage)
}

func jsonURL(u string) string { return fmt.Sprintf(`{"url":%q}`, u) }

// TestSSRFGuard: with the guard on (the default), URLs that resolve to
// loopback, link-local (cloud metadata) or private addresses are refused
// before any connection, whether named by IP or by a host name, and
// whether given directly or through a redirector. (Every test server is
// on loopback, so a redirector is itself refused at its first hop: that a
// later hop is checked too is fetch's own test, which can exempt loopback
// through an unexported dialer; fetch offers no hook to do it from here.)
func TestSSRFGuard(t *testing.T) {
	page := newUpstream(t, servePage)
	_, port, _ := net.SplitHostPort(page.Listener.Addr().String())
	redirect := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	e := newEnv(t, Config{FetchTimeout: 5 * time.Second})
	tests := []struct {
		name, url string
	}{
		{"loopback IP", page.URL + "/story"},
		{"loopback by name", "http://localhost:" + port + "/story"},
		{"IPv6 loopback", "http://[::1]:" + port + "/story"},
		{"metadata address", "http://169.254.169.254/latest/meta-data/"},
		{"private network", "http://10.0.0.1/"},
		{"unspecified", "http://0.0.0.0:" + port + "/"},
		{"IPv4-mapped loopback", "http://[::ffff:127.0.0.1]:" + port + "/"},
		{"redirector to metadata", redirect.URL + "/go"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, _, b := e.do(t, "POST", "/v1/extract", "application/json", jsonURL(tc.url))
			if status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %s", status, b)
			}
			if p := decode[Problem](t, b); p.Code != "blocked-address" {
				t.Errorf("code %q, want blocked-address", p.Code)
			}
		})
	}
	if n := page.hits.Load() + redirect.hits.Load(); n != 0 {
		t.Errorf("the guarded server reached loopback %d times", n)
	}
	// The reader's form goes through the same guard.
	status, _, b := e.do(t, "POST", "/extract", "application/x-www-form-urlencoded", "url="+page.URL+"/story")
	if status != http.StatusUnprocessableEntity || !strings.Contains(string(b), "not a public address") {
		t.Errorf("reader form: status %d: %s", status, b)
	}
	if n := page.hits.Load(); n != 0 {
		t.Errorf("the reader form reached loopback %d times", n)
	}
}

// TestAllowPrivate: the operator's flag lets the same URLs through, and
// redirects are followed; upstream failures map to 502 and 504.
func TestAllowPrivate(t *testing.T) {
	page := newUpstream(t, servePage)
	hop := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, page.URL+"/story", http.StatusMovedPermanently)
	})
	missing := newUpstream(t, http.NotFound)
	broken := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	release := make(chan struct{})
	slow := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	// A listener that accepts and closes: the connection dies mid-request.
	dead, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			c, err := dead.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	defer dead.Close()

	e := newEnv(t, Config{AllowPrivate: true, FetchTimeout: time.Second})
	tests := []struct {
		name, url string
		status    int
		code      string
	}{
		{"loopback page", page.URL + "/story", 200, ""},
		{"redirect followed", hop.URL + "/old", 200, ""},
		{"upstream 404", missing.URL + "/gone", 502, "upstream-status"},
		{"upstream 503", broken.URL + "/", 502, "upstream-status"},
		{"upstream slow", slow.URL + "/", 504, "upstream-timeout"},
		{"connection dropped", "http://" + dead.Addr().String() + "/", 502, "upstream-failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, _, b := e.do(t, "POST", "/v1/extract", "application/json", jsonURL(tc.url))
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, b)
			}
			if tc.status == 200 {
				a := decode[article.Article](t, b)
				if a.Headline != "Bridge to close for repairs" || a.URL != page.URL+"/story" {
					t.Errorf("headline %q, URL %q", a.Headline, a.URL)
				}
				return
			}
			if p := decode[Problem](t, b); p.Code != tc.code {
				t.Errorf("code %q, want %s", p.Code, tc.code)
			}
		})
	}
	// The reader's form fetches the same way.
	status, _, b := e.do(t, "POST", "/extract", "application/x-www-form-urlencoded", "url="+url.QueryEscape(hop.URL+"/old"))
	if status != 200 || !strings.Contains(string(b), "Bridge to close for repairs") || !strings.Contains(string(b), `title="Helen Park"`) {
		t.Errorf("reader form with a URL: status %d", status)
	}
	status, _, b = e.do(t, "POST", "/extract", "application/x-www-form-urlencoded", "url="+url.QueryEscape(missing.URL+"/gone"))
	if status != 502 || !strings.Contains(string(b), "404 Not Found") {
		t.Errorf("reader form with a missing page: status %d: %s", status, b)
	}
}

// TestGracefulShutdown: cancelling Serve's context lets a request in
// flight finish, then Serve returns nil and the port is closed.
func TestGracefulShutdown(t *testing.T) {
	started := make(chan struct{})
	slowPage := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		servePage(w, r)
	})
	e := newEnv(t, Config{AllowPrivate: true, ShutdownTimeout: 5 * time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- e.srv.Serve(ctx, ln) }()

	type result struct {
		status int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/v1/extract", "application/json", strings.NewReader(jsonURL(slowPage.URL+"/")))
		if err != nil {
			done <- result{err: err}
			return
		}
		resp.Body.Close()
		done <- result{status: resp.StatusCode}
	}()
	<-started
	cancel()
	r := <-done
	if r.err != nil || r.status != 200 {
		t.Errorf("request in flight during shutdown: status %d, err %v", r.status, r.err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	if c, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		c.Close()
		t.Error("the server still accepts connections after shutdown")
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	e := newEnv(t, Config{ReadTimeout: time.Second})
	hs := e.srv.HTTPServer("127.0.0.1:0")
	if hs.ReadTimeout != time.Second || hs.WriteTimeout != DefaultWriteTimeout || hs.IdleTimeout != DefaultIdleTimeout || hs.ReadHeaderTimeout == 0 {
		t.Errorf("timeouts: read %v, write %v, idle %v, header %v", hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout, hs.ReadHeaderTimeout)
	}
}

// TestLoopbackHosts: on loopback, Serve answers only to loopback names,
// so a rebound DNS name of a web page cannot reach it.
func TestLoopbackHosts(t *testing.T) {
	e := newEnv(t, Config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- e.srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		<-served
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	for _, tc := range []struct {
		host   string
		status int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST", 200},
		{"[::1]:" + port, 200},
		{"127.0.0.2", 200},
		{"attacker.example:" + port, http.StatusMisdirectedRequest},
		{"192.0.2.2:" + port, http.StatusMisdirectedRequest},
		{"localhost.attacker.example", http.StatusMisdirectedRequest},
	} {
		req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/v1/speakers", nil)
		req.Host = tc.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("Host %s: status %d, want %d", tc.host, resp.StatusCode, tc.status)
		}
	}
}
