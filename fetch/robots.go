package fetch

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309), with the non-standard
// Crawl-delay and the Sitemap lines that sites use to list their sitemaps.
type Robots struct {
	groups   []robotsGroup
	sitemaps []string
	// disallowAll is set when the file could not be had because of a
	// server error: RFC 9309 asks crawlers to assume complete disallow.
	disallowAll bool
}

type robotsGroup struct {
	agents     []string // lower case product tokens, "*" for any
	rules      []robotsRule
	crawlDelay time.Duration
	hasDelay   bool
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots parses a robots.txt body. It never fails: unknown lines and
// garbage are ignored, as the RFC asks.
func ParseRobots(body []byte) *Robots {
	r := &Robots{}
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
	}
	body = bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
	var cur *robotsGroup
	lastWasAgent := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes+1)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent", "useragent", "user agent":
			if cur == nil || !lastWasAgent {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, agentToken(val))
			lastWasAgent = true
			continue
		case "allow", "disallow":
			if cur != nil && val != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: normalizePattern(val)})
			}
		case "crawl-delay", "crawldelay":
			if cur != nil {
				if f, err := strconv.ParseFloat(val, 64); err == nil && f >= 0 && f < 1e6 {
					cur.crawlDelay = time.Duration(f * float64(time.Second))
					cur.hasDelay = true
				}
			}
		case "sitemap", "site-map":
			if u, err := url.Parse(val); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				r.sitemaps = append(r.sitemaps, val)
			}
		}
		lastWasAgent = false
	}
	return r
}

// agentToken reduces a User-agent line value to the product token that
// is matched: "Googlebot/2.1 (+http://...)" -> "googlebot".
func agentToken(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "/ \t"); i >= 0 {
		v = v[:i]
	}
	return v
}

// normalizePattern percent-encodes what a URL path would carry encoded
// (non-ASCII bytes, spaces) so that a pattern written in UTF-8 matches the
// escaped path, and upper-cases existing escapes.
func normalizePattern(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(p[i+1 : i+3]))
			i += 2
		case c >= 0x80 || c == ' ':
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// groupsFor returns the groups that apply to agent: all groups naming it,
// else all "*" groups.
func (r *Robots) groupsFor(agent string) []*robotsGroup {
	agent = agentToken(agent)
	var named, star []*robotsGroup
	for i := range r.groups {
		g := &r.groups[i]
		for _, a := range g.agents {
			if a == agent && agent != "" {
				named = append(named, g)
				break
			}
			if a == "*" {
				star = append(star, g)
				break
			}
		}
	}
	if len(named) > 0 {
		return named
	}
	return star
}

// Allowed reports whether agent may fetch u. The longest matching rule
// wins; on a tie Allow wins; no matching rule means allowed. /robots.txt
// itself is always allowed.
func (r *Robots) Allowed(agent string, u *url.URL) bool {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if p == "/robots.txt" {
		return true
	}
	if r.disallowAll {
		return false
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	p = normalizePattern(p)
	best, allow := -1, true
	for _, g := range r.groupsFor(agent) {
		for _, rule := range g.rules {
			if !robotsMatch(rule.pattern, p) {
				continue
			}
			n := len(rule.pattern)
			if n > best || (n == best && rule.allow) {
				best, allow = n, rule.allow
			}
		}
	}
	return allow
}

// CrawlDelay is the Crawl-delay of the group that applies to agent, if
// it names one.
func (r *Robots) CrawlDelay(agent string) (time.Duration, bool) {
	for _, g := range r.groupsFor(agent) {
		if g.hasDelay {
			return g.crawlDelay, true
		}
	}
	return 0, false
}

// Sitemaps lists the Sitemap URLs the file names, in order.
func (r *Robots) Sitemaps() []string { return append([]string(nil), r.sitemaps...) }

// robotsMatch matches a pattern against the start of path: '*' matches
// any run of characters, a final '$' anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	if len(parts) == 1 {
		return !anchored || pos == len(path)
	}
	last := len(parts) - 1
	for _, seg := range parts[1:last] {
		i := strings.Index(path[pos:], seg)
		if i < 0 {
			return false
		}
		pos += i + len(seg)
	}
	tail := parts[last]
	if anchored {
		return len(path)-len(tail) >= pos && strings.HasSuffix(path, tail)
	}
	return strings.Contains(path[pos:], tail)
}
