package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	tests := map[string]bool{
		"8.8.8.8":              true,
		"1.1.1.1":              true,
		"2606:4700::1111":      true,
		"127.0.0.1":            false,
		"127.8.9.1":            false,
		"10.1.2.3":             false,
		"172.16.0.1":           false,
		"172.31.255.255":       false,
		"192.168.1.1":          false,
		"169.254.169.254":      false, // cloud metadata
		"169.254.0.1":          false,
		"0.0.0.0":              false,
		"100.64.0.1":           false,
		"255.255.255.255":      false,
		"224.0.0.1":            false,
		"::1":                  false,
		"::":                   false,
		"fe80::1":              false,
		"fc00::1":              false,
		"fd12:3456::1":         false,
		"::ffff:127.0.0.1":     false, // v4-mapped loopback
		"::ffff:8.8.8.8":       true,
		"64:ff9b::a9fe:a9fe":   false, // NAT64 of 169.254.169.254
		"2001:db8::1":          false,
		"ff02::1":              false,
		"64:ff9b::808:808":     true,
		"2002:7f00:1::":        false,
		"::7f00:1":             false, // IPv4-compatible loopback
		"64:ff9b:1::a00:1":     false, // local-use NAT64
		"fe80::1%eth0":         false,
		"198.51.100.7":         false,
		"172.32.0.1":           true,
		"fec0::1":              true, // deprecated site-local, publicly routed space today
		"2a00:1450:4001::200e": true,
	}
	for s, want := range tests {
		a, err := netip.ParseAddr(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := PublicAddr(a); got != want {
			t.Errorf("PublicAddr(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestGuardControl(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:80", "10.0.0.1:80", "169.254.169.254:80", "[::1]:443", "[fe80::1%lo]:80", "bad"} {
		if err := guardControl("tcp", addr, nil); !errors.Is(err, ErrBlocked) {
			t.Errorf("guardControl(%s) = %v, want ErrBlocked", addr, err)
		}
	}
	if err := guardControl("tcp", "93.184.216.34:443", nil); err != nil {
		t.Errorf("public address refused: %v", err)
	}
}

// TestGuardRefuses proves the guard stops connections at connect time.
// The refused addresses are checked before any packet leaves: Control runs
// before connect(2).
func TestGuardRefuses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/to-private":
			http.Redirect(w, r, "http://10.0.0.1/", http.StatusFound)
		case "/to-loopback":
			http.Redirect(w, r, "http://127.0.0.2:9/", http.StatusFound)
		case "/to-v6-loopback":
			http.Redirect(w, r, "http://[::1]:9/", http.StatusFound)
		default:
			w.Write([]byte("secret"))
		}
	}))
	defer srv.Close()
	guarded := New(Options{Retries: -1}) // AllowPrivate false: the default
	ctx := context.Background()
	for _, u := range []string{
		srv.URL + "/",
		"http://127.0.0.1:1/",
		"http://10.0.0.1/",
		"http://169.254.169.254/latest/meta-data/",
		"http://[::1]:1/",
		"http://localhost:1/",
		"http://0.0.0.0:1/",
		"http://[::ffff:127.0.0.1]:1/",
		"http://[fe80::1]:1/",
	} {
		resp, err := guarded.Get(ctx, u)
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: resp %v err %v, want ErrBlocked", u, resp, err)
		}
	}
	// A redirect from an allowed server to internal addresses: the guard
	// checks every hop. The first hop here is loopback, so a client that
	// may reach loopback but not the rest is built by hand.
	hop := New(Options{Retries: -1, AllowPrivate: true})
	hop.hc.Transport.(*http.Transport).DialContext = guardExceptLoopback()
	for _, p := range []string{"/to-metadata", "/to-private", "/to-loopback", "/to-v6-loopback"} {
		_, err := hop.Get(ctx, srv.URL+p)
		if !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: err %v, want ErrBlocked", p, err)
		}
	}
	if resp, err := hop.Get(ctx, srv.URL+"/plain"); err != nil || string(resp.Body) != "secret" {
		t.Errorf("loopback through test dialer: %v %v", resp, err)
	}
}
