package server

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Problem is an RFC 9457 problem details document. Type is always
// "about:blank" (so Title is the HTTP status text); Code is a stable,
// machine-readable name of the problem ("bad-parameter", "blocked-address").
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code"`
}

// problem writes a problem document, or an HTML error page when the
// request came from the reader (a path outside /v1).
func (s *Server) problem(w http.ResponseWriter, r *http.Request, status int, code, detail string) {
	if status >= 500 {
		s.log.Printf("%s %s: %d %s: %s", r.Method, r.URL.Path, status, code, detail)
	}
	if !strings.HasPrefix(r.URL.Path, "/v1/") {
		s.web.errorPage(w, r, status, detail)
		return
	}
	p := Problem{
		Type:     "about:blank",
		Title:    http.StatusText(status),
		Status:   status,
		Detail:   detail,
		Instance: r.URL.Path,
		Code:     code,
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(p) // the client may be gone; nothing else to do
}

func (s *Server) methodNotAllowed(allowed string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allowed)
		s.problem(w, r, http.StatusMethodNotAllowed, "method-not-allowed",
			r.Method+" is not allowed on "+r.URL.Path+"; use "+allowed)
	}
}

// writeJSON writes v as indented JSON with status.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		s.log.Printf("write response: %v", err)
	}
}
