package extract

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
)

// The HTML parser keeps a stack of open elements and scans it for many
// start and end tags, so a document nested N deep costs it O(N²). Pages are
// therefore checked before parsing: a cheap byte scan estimates the nesting
// depth and the element count, and only a page that looks too deep is
// rewritten token by token (with html.Tokenizer) so that elements beyond
// MaxDepth are dropped and their content kept flat. Both passes are linear.

// parseDepth bounds the depth handed to the parser, which refuses
// documents whose open-element stack passes 512 (x/net/html's own guard);
// the margin covers elements the parser adds itself (html, head, body,
// reconstructed formatting elements).
const parseDepth = 400

// rawTextTags are elements whose content is not markup.
var rawTextTags = [...]string{"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}

// voidTags never take an end tag and never nest.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true, "basefont": true, "bgsound": true, "frame": true, "image": true,
}

// scanTags estimates the deepest element nesting and counts start tags by a
// byte scan. End tags that are left out (<p>, <li>) make the estimate too
// high, never too low for well-formed nesting; a high estimate only costs
// the slower rewrite.
func scanTags(b []byte) (maxDepth, tags int) {
	depth := 0
	var name [16]byte
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i >= len(b) {
			break
		}
		c := b[i]
		switch {
		case c == '!':
			if bytes.HasPrefix(b[i:], []byte("!--")) {
				k := bytes.Index(b[i+3:], []byte("-->"))
				if k < 0 {
					return maxDepth, tags
				}
				i += 3 + k + 3
				continue
			}
		case c == '/':
			if depth > 0 {
				depth--
			}
		case isASCIILetter(c):
			n := 0
			k := i
			for k < len(b) && n < len(name) && (isASCIILetter(b[k]) || (b[k] >= '0' && b[k] <= '9')) {
				name[n] = b[k] | 0x20
				n++
				k++
			}
			tags++
			gt := bytes.IndexByte(b[k:], '>')
			if gt < 0 {
				return maxDepth, tags
			}
			end := k + gt
			tag := name[:n]
			if raw := rawTextEnd(b, end+1, tag); raw >= 0 {
				i = raw
				continue
			}
			if voidTags[string(tag)] || (end > i && b[end-1] == '/') {
				i = end + 1
				continue
			}
			depth++
			if depth > maxDepth {
				maxDepth = depth
			}
			i = end + 1
			continue
		}
	}
	return maxDepth, tags
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// rawTextEnd returns, for a raw-text element whose start tag ends before
// from, the offset just after its end tag (or len(b)); -1 for other tags.
func rawTextEnd(b []byte, from int, tag []byte) int {
	raw := false
	for _, t := range rawTextTags {
		if string(tag) == t {
			raw = true
			break
		}
	}
	if !raw {
		return -1
	}
	for i := from; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return len(b)
		}
		i += j + 1
		if i < len(b) && b[i] == '/' && len(b)-i-1 >= len(tag) && asciiEqualFold(b[i+1:i+1+len(tag)], tag) {
			gt := bytes.IndexByte(b[i:], '>')
			if gt < 0 {
				return len(b)
			}
			return i + gt + 1
		}
	}
	return len(b)
}

func asciiEqualFold(a, lower []byte) bool {
	for i := range lower {
		if a[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// flatten rewrites a page so that no element nests deeper than maxDepth:
// start tags beyond that depth are dropped with their matching end tags,
// their text and void elements are kept. The open-element stack is only
// emulated (an end tag looks for its start tag among the top few entries),
// which keeps the pass linear whatever the input.
func flatten(b []byte, maxDepth int) []byte {
	const window = 16
	z := html.NewTokenizer(bytes.NewReader(b))
	out := make([]byte, 0, len(b))
	stack := make([]string, 0, maxDepth)
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			if voidTags[name] {
				out = append(out, raw...)
				continue
			}
			// Elements that close an open one of the same name (<p><p>).
			// Only the top of the stack is looked at: the parser closes
			// fewer than that would suggest, and an estimate too deep is
			// safe where one too shallow is not.
			if n := len(stack); n > 0 && stack[n-1] == name && (name == "p" || name == "li" || name == "dt" ||
				name == "dd" || name == "option" || name == "tr" || name == "td" || name == "th") {
				stack = stack[:n-1]
			}
			if len(stack) >= maxDepth {
				dropped[name]++
				continue
			}
			stack = append(stack, name)
			out = append(out, raw...)
		case html.EndTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			found := -1
			for k := len(stack) - 1; k >= 0 && k >= len(stack)-window; k-- {
				if stack[k] == name {
					found = k
					break
				}
			}
			if found >= 0 {
				stack = stack[:found]
				out = append(out, raw...)
				continue
			}
			if dropped[name] > 0 {
				dropped[name]--
				continue
			}
			out = append(out, raw...)
		default:
			out = append(out, raw...)
		}
	}
	return out
}

// prepare checks a decoded page against the limits and returns the bytes to
// parse.
func prepare(b []byte, opts Options) ([]byte, error) {
	depth, tags := scanTags(b)
	if opts.MaxNodes > 0 && tags > opts.MaxNodes {
		return nil, fmt.Errorf("page has %d elements, more than the limit of %d", tags, opts.MaxNodes)
	}
	limit := min(opts.MaxDepth, parseDepth)
	if depth <= limit {
		return b, nil
	}
	return flatten(b, limit), nil
}
