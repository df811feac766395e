package extract

import (
	"bytes"
	"context"
	"fmt"

	"golang.org/x/net/html"
)

// The HTML parser keeps a stack of open elements and scans it for many
// start and end tags, so a document nested N deep would cost it O(N²);
// x/net/html therefore refuses documents whose stack passes 512 elements.
// A page it refuses is rewritten token by token (html.Tokenizer) so that
// elements beyond the depth limit are dropped and their content kept flat,
// then parsed again. Every pass is linear in the page.

// parseDepth bounds the depth handed to the parser on the second attempt;
// the margin below 512 covers elements the parser adds itself (html,
// head, body, reconstructed formatting elements).
const parseDepth = 400

// voidTags never take an end tag and never nest.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true, "basefont": true, "bgsound": true, "frame": true, "image": true,
}

// flatten rewrites a page so that no element nests deeper than maxDepth:
// start tags beyond that depth are dropped with their matching end tags,
// their text and void elements are kept. The open-element stack is only
// emulated (an end tag looks for its start tag among the top few entries),
// which keeps the pass linear whatever the input.
func flatten(b []byte, maxDepth int, dropFormatting bool) []byte {
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
			if dropFormatting && formatting[name] {
				continue
			}
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
			if dropFormatting && formatting[name] {
				continue
			}
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

// parse parses a decoded page. The parser refuses a document whose open
// element stack passes 512, which also bounds its own cost per token, so a
// first attempt is linear; a page it refuses is flattened to parseDepth and
// parsed again, then flattened harder, and as a last resort parsed with
// its inline formatting tags dropped (misnested formatting elements are
// what the parser reconstructs, and so what can still pile up). At most
// four linear passes.
func parse(ctx context.Context, b []byte, opts Options) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err == nil {
		return doc, nil
	}
	if err := alive(ctx); err != nil {
		return nil, err
	}
	// Each retry is stricter: the depth limit, a quarter of it (the parser
	// adds elements of its own, such as <tbody> in nested tables), then
	// without inline formatting.
	limit := min(opts.MaxDepth, parseDepth)
	for _, try := range []struct {
		depth          int
		dropFormatting bool
	}{{limit, false}, {max(limit/4, 16), false}, {max(limit/4, 16), true}} {
		if doc, err = html.Parse(bytes.NewReader(flatten(b, try.depth, try.dropFormatting))); err == nil {
			return doc, nil
		}
		if err := alive(ctx); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("parse: %w", err)
}

// formatting are the elements the parser reconstructs after misnesting.
var formatting = map[string]bool{
	"a": true, "b": true, "big": true, "code": true, "em": true, "font": true, "i": true, "nobr": true,
	"s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true,
}
