// Package peers adapts newsclip and the Go article extractors it is
// compared with to harness.Tool. Every adapter gets the page already
// decoded to UTF-8 and parses it with golang.org/x/net/html itself (or
// hands the bytes to the tool's own entry point where that does no charset
// sniffing), so charset handling is the same for all; parsing is part of
// each tool's measured time. The options follow the calls made by the
// ScrapingHub benchmark's own runners for these libraries (see Note).
package peers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/newsclip/newsclip/bench/internal/harness"
	"golang.org/x/net/html"
)

// All returns every tool in the order of the report.
func All() []harness.Tool {
	var ts []harness.Tool
	if t, ok := newsclipTool(); ok {
		ts = append(ts, t)
	}
	return append(ts,
		trafilaturaTool(true),
		trafilaturaTool(false),
		readeckTool(),
		shioriTool(),
		domdistillerTool(),
		parseFloor(),
	)
}

// Select returns the tools named in the comma-separated list names ("" or
// "all" for every tool), in the list's order.
func Select(names string) ([]harness.Tool, error) {
	all := All()
	if names == "" || names == "all" {
		return all, nil
	}
	var out []harness.Tool
	for _, n := range strings.Split(names, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, t := range all {
			if t.Name == n {
				out = append(out, t)
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown tool %q (have %s)", n, strings.Join(Names(), ", "))
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no tool selected")
	}
	return out, nil
}

// Names lists the tool names.
func Names() []string {
	var ns []string
	for _, t := range All() {
		ns = append(ns, t.Name)
	}
	return ns
}

func parse(p *harness.Page) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(p.HTML))
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", p.ID, err)
	}
	return doc, nil
}

// pageURL parses the page's URL; an unusable one gives nil.
func pageURL(p *harness.Page) *url.URL {
	u, err := url.Parse(p.URL)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// textContent concatenates the text nodes under n, as the DOM's
// textContent does (no separator is added between elements).
func textContent(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// parseFloor parses the page and returns all the text a reader could see
// (text nodes outside script, style, template and the like, one per line):
// the cost floor of any extractor built on x/net/html, and a full-text
// baseline for quality (high recall, low precision).
func parseFloor() harness.Tool {
	return harness.Tool{
		Name:   "html-parse",
		Module: "golang.org/x/net",
		Note:   "floor: html.Parse + all visible text nodes (full text, not an extractor)",
		Extract: func(_ context.Context, p *harness.Page) (string, error) {
			doc, err := parse(p)
			if err != nil {
				return "", err
			}
			var sb strings.Builder
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				switch n.Type {
				case html.TextNode:
					if t := strings.TrimSpace(n.Data); t != "" {
						sb.WriteString(t)
						sb.WriteByte('\n')
					}
					return
				case html.ElementNode:
					switch n.Data {
					case "script", "style", "noscript", "template", "head":
						return
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			return sb.String(), nil
		},
	}
}
