package peers

import (
	"context"
	"errors"
	"net/url"
	"strings"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	distiller "github.com/markusmobius/go-domdistiller"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/newsclip/newsclip/bench/internal/harness"
)

// trafilaturaTool calls go-trafilatura with its default options, with or
// without the readability/DOM Distiller fallback (the benchmark's runner
// enables it).
func trafilaturaTool(fallback bool) harness.Tool {
	name, note := "go-trafilatura", "ExtractDocument, EnableFallback: true; ContentText"
	if !fallback {
		name, note = "go-trafilatura-nofallback", "ExtractDocument, EnableFallback: false; ContentText"
	}
	return harness.Tool{
		Name:   name,
		Module: "github.com/markusmobius/go-trafilatura",
		Note:   note,
		Extract: func(_ context.Context, p *harness.Page) (string, error) {
			doc, err := parse(p)
			if err != nil {
				return "", err
			}
			r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{EnableFallback: fallback})
			if err != nil {
				return "", err
			}
			return r.ContentText, nil
		},
	}
}

// readeckTool calls readeck's go-readability v2 (a maintained fork of
// go-shiori's) on the parsed page with the page URL, and returns the text
// content of the article node (what v1's TextContent field held; v2 has
// RenderText, which inserts line breaks, see readeckRenderTool).
func readeckTool() harness.Tool {
	return harness.Tool{
		Name:   "readeck",
		Module: "codeberg.org/readeck/go-readability/v2",
		Note:   "NewParser().ParseAndMutate(doc, pageURL); textContent of Node",
		Extract: func(_ context.Context, p *harness.Page) (string, error) {
			doc, err := parse(p)
			if err != nil {
				return "", err
			}
			parser := readeck.NewParser()
			a, err := parser.ParseAndMutate(doc, pageURLOrFake(p))
			if err != nil {
				return "", err
			}
			if a.Node == nil {
				return "", nil
			}
			return strings.TrimSpace(textContent(a.Node)), nil
		},
	}
}

// shioriTool calls go-shiori's go-readability on the parsed page with the
// page URL and returns its TextContent.
func shioriTool() harness.Tool {
	return harness.Tool{
		Name:   "go-readability",
		Module: "github.com/go-shiori/go-readability",
		Note:   "FromDocument(doc, pageURL); TextContent",
		Extract: func(_ context.Context, p *harness.Page) (string, error) {
			doc, err := parse(p)
			if err != nil {
				return "", err
			}
			a, err := shiori.FromDocument(doc, pageURLOrFake(p))
			if err != nil {
				return "", err
			}
			return a.TextContent, nil
		},
	}
}

// domdistillerTool calls go-domdistiller without pagination, as the
// benchmark's runner does.
func domdistillerTool() harness.Tool {
	return harness.Tool{
		Name:   "go-domdistiller",
		Module: "github.com/markusmobius/go-domdistiller",
		Note:   "Apply(doc, SkipPagination: true); Text",
		Extract: func(_ context.Context, p *harness.Page) (string, error) {
			doc, err := parse(p)
			if err != nil {
				return "", err
			}
			r, err := distiller.Apply(doc, &distiller.Options{SkipPagination: true})
			if err != nil {
				return "", err
			}
			if r == nil {
				return "", errors.New("go-domdistiller: no result")
			}
			return r.Text, nil
		},
	}
}

// pageURLOrFake returns the page's URL, or a placeholder when it has
// none (the readability ports want a non-nil URL).
func pageURLOrFake(p *harness.Page) *url.URL {
	if u := pageURL(p); u != nil {
		return u
	}
	return &url.URL{Scheme: "https", Host: "example.invalid", Path: "/"}
}
