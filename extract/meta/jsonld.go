package meta

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxJSONLD bounds one ld+json script; larger blocks are product feeds or
// site maps, never article metadata worth the parse.
const maxJSONLD = 2 << 20

// ParseJSONLD decodes the text of one application/ld+json script into its
// top-level values. Pages often ship broken JSON-LD (trailing commas, HTML
// comment wrappers, JavaScript comments, raw newlines in strings, several
// objects back to back), so a failed strict parse is retried once on a
// repaired copy. It returns an error only when the repaired text is still
// not JSON.
func ParseJSONLD(src string) ([]any, error) {
	if len(src) > maxJSONLD {
		return nil, fmt.Errorf("json-ld: block of %d bytes exceeds %d", len(src), maxJSONLD)
	}
	vals, err := decodeAll([]byte(src))
	if err == nil {
		return vals, nil
	}
	vals, err2 := decodeAll(repairJSON(src))
	if err2 != nil {
		return nil, fmt.Errorf("json-ld: %w (after repair: %v)", err, err2)
	}
	return vals, nil
}

// decodeAll decodes a stream of JSON values (some pages concatenate objects
// in one script).
func decodeAll(b []byte) ([]any, error) {
	b = bytes.TrimSpace(b)
	b = bytes.TrimRight(b, ";")
	if len(b) == 0 {
		return nil, errors.New("empty")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out []any
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if len(out) > 1000 {
			return nil, errors.New("too many values")
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no value")
	}
	return out, nil
}

// repairJSON fixes the common breakages in one pass: it drops HTML comment
// and CDATA wrappers and JavaScript comments outside strings, removes
// trailing commas before } and ], escapes raw control characters inside
// strings, and separates back-to-back values ("}{") with nothing, which
// the stream decoder accepts.
func repairJSON(s string) []byte {
	s = strings.TrimSpace(s)
	for _, w := range [...]string{"<!--", "<![CDATA[", "//<![CDATA["} {
		s = strings.TrimPrefix(s, w)
	}
	for _, w := range [...]string{"-->", "]]>", "//]]>"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), w)
	}
	out := make([]byte, 0, len(s))
	inStr := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case c == '\\':
				if i+1 < len(s) {
					n := s[i+1]
					if strings.IndexByte(`"\/bfnrtu`, n) < 0 {
						// An invalid escape such as \' : keep the character.
						out = append(out, n)
						i++
						continue
					}
					out = append(out, c, n)
					i++
					continue
				}
			case c == '"':
				inStr = false
				out = append(out, c)
			case c < 0x20:
				switch c {
				case '\n':
					out = append(out, '\\', 'n')
				case '\t':
					out = append(out, '\\', 't')
				case '\r':
				default:
					out = append(out, ' ')
				}
			default:
				out = append(out, c)
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
			out = append(out, c)
		case '/':
			if i+1 < len(s) && s[i+1] == '/' {
				for i < len(s) && s[i] != '\n' {
					i++
				}
				continue
			}
			if i+1 < len(s) && s[i+1] == '*' {
				end := strings.Index(s[i+2:], "*/")
				if end < 0 {
					i = len(s)
				} else {
					i += end + 3
				}
				continue
			}
			out = append(out, c)
		case '<':
			if strings.HasPrefix(s[i:], "<!--") {
				i += 3
				continue
			}
			out = append(out, c)
		case '-':
			if strings.HasPrefix(s[i:], "-->") {
				i += 2
				continue
			}
			out = append(out, c)
		case '}', ']':
			// Drop a trailing comma (and the blanks after it).
			j := len(out) - 1
			for j >= 0 && isJSONSpace(out[j]) {
				j--
			}
			if j >= 0 && out[j] == ',' {
				out = out[:j]
			}
			out = append(out, c)
		default:
			if c < 0x20 && !isJSONSpace(c) {
				continue
			}
			out = append(out, c)
		}
	}
	if inStr {
		out = append(out, '"')
	}
	return out
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ldNode is one JSON-LD object with its @type(s).
type ldNode struct {
	types []string
	m     map[string]any
}

func (n ldNode) is(types ...string) bool {
	for _, t := range n.types {
		for _, u := range types {
			if strings.EqualFold(t, u) {
				return true
			}
		}
	}
	return false
}

// ldGraph flattens the values of every ld+json script: nodes in document
// order and an index of @id for resolving references.
type ldGraph struct {
	nodes []ldNode
	byID  map[string]map[string]any
}

func (g *ldGraph) add(v any, depth int) {
	if depth > 32 || len(g.nodes) > 2000 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			g.add(e, depth+1)
		}
	case map[string]any:
		if id, ok := t["@id"].(string); ok && len(t) > 1 {
			if g.byID == nil {
				g.byID = map[string]map[string]any{}
			}
			if _, seen := g.byID[id]; !seen {
				g.byID[id] = t
			}
		}
		if ty := ldTypes(t["@type"]); len(ty) > 0 {
			g.nodes = append(g.nodes, ldNode{types: ty, m: t})
		}
		if gr, ok := t["@graph"]; ok {
			g.add(gr, depth+1)
		}
		// Articles nested as mainEntity / mainEntityOfPage of a WebPage.
		for _, k := range [...]string{"mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"} {
			if sub, ok := t[k]; ok {
				switch sub.(type) {
				case map[string]any, []any:
					g.add(sub, depth+1)
				}
			}
		}
	}
}

// resolve follows an {"@id": ...} reference to the full node when the
// graph has it.
func (g *ldGraph) resolve(v any) any {
	m, ok := v.(map[string]any)
	if !ok || g.byID == nil {
		return v
	}
	id, ok := m["@id"].(string)
	if !ok || len(m) > 2 {
		return v
	}
	if full, ok := g.byID[id]; ok {
		return full
	}
	return v
}

func ldTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{stripSchema(t)}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, stripSchema(s))
			}
		}
		return out
	}
	return nil
}

func stripSchema(s string) string {
	if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// ldString returns a string value of v: a string, a number, the first
// element of an array, or the "name"/"@value"/"url" of an object.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case json.Number:
		return t.String()
	case []any:
		for _, e := range t {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range [...]string{"@value", "name", "url", "contentUrl", "@id"} {
			if s, ok := t[k].(string); ok && s != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// ldStrings returns every string of a value that may be one string, a
// comma-separated string, or an array.
func ldStrings(v any, splitComma bool) []string {
	var out []string
	switch t := v.(type) {
	case string:
		if splitComma {
			for _, p := range strings.Split(t, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		} else if s := strings.TrimSpace(t); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range t {
			out = append(out, ldStrings(e, splitComma)...)
		}
	case map[string]any:
		if s := ldString(t); s != "" {
			out = append(out, s)
		}
	}
	return out
}
