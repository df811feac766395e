// Package article is the data model that every newsclip stage shares:
// the Article produced by extraction, its ordered body Blocks and Figures,
// and the Quotes and Speakers found by attribution.
//
// The JSON tags in this package are the documented contract (docs/format.md);
// renaming a field is a breaking change. The package imports nothing else
// from newsclip.
package article

import (
	"strings"
	"time"
)

// Article is one story: its metadata and its body as ordered typed blocks.
type Article struct {
	// Input names where the article came from (file name, URL or "-") when
	// several inputs are processed together; empty otherwise.
	Input        string   `json:"input,omitempty"`
	URL          string   `json:"url,omitempty"`
	CanonicalURL string   `json:"canonical_url,omitempty"`
	Headline     string   `json:"headline,omitempty"`
	Description  string   `json:"description,omitempty"`
	SiteName     string   `json:"site_name,omitempty"`
	Section      []string `json:"section,omitempty"`
	Authors      []string `json:"authors,omitempty"`
	Published    *Stamp   `json:"published,omitempty"`
	Modified     *Stamp   `json:"modified,omitempty"`
	// Language is a BCP 47 tag ("en", "pt-BR"); LanguageSource says whether
	// it was declared by the page or detected from the text.
	Language       string   `json:"language,omitempty"`
	LanguageSource string   `json:"language_source,omitempty"`
	Image          string   `json:"image,omitempty"`
	Tags           []string `json:"tags,omitempty"`
	Body           []Block  `json:"body"`
	// Comments holds reader comments, only when asked for.
	Comments []Block `json:"comments,omitempty"`
	// Quotes and Speakers are filled by attribution, when asked for.
	Quotes   []Quote   `json:"quotes,omitempty"`
	Speakers []Speaker `json:"speakers,omitempty"`
}

// Stamp is a point in time with where it was found ("json-ld",
// "opengraph", "meta", "time-element", "byline", "url", ...). The time
// keeps the zone the page gave.
type Stamp struct {
	Time   time.Time `json:"time"`
	Source string    `json:"source"`
}

// BlockType names the kind of a body block.
type BlockType string

// The block types. Every Block has exactly one of them.
const (
	Paragraph BlockType = "paragraph"
	Heading   BlockType = "heading"
	List      BlockType = "list"
	Quotation BlockType = "quote" // a block quote
	Table     BlockType = "table"
	FigureBlk BlockType = "figure"
	Pre       BlockType = "pre"
)

// Block is one unit of the body, in reading order.
type Block struct {
	Type BlockType `json:"type"`
	// Text is the content of a paragraph, heading, quote or pre block,
	// white space collapsed (kept as is for pre).
	Text string `json:"text,omitempty"`
	// Level is the heading level, 1 to 6.
	Level int `json:"level,omitempty"`
	// Items are the entries of a list; Ordered says whether it is numbered.
	Items   []string `json:"items,omitempty"`
	Ordered bool     `json:"ordered,omitempty"`
	// Rows are the cells of a table, the header row first when there is one.
	Rows   [][]string `json:"rows,omitempty"`
	Figure *Figure    `json:"figure,omitempty"`
	// Links are the hyperlinks inside the block, only when asked for.
	Links []Link `json:"links,omitempty"`
}

// Figure is an image with its caption and credit.
type Figure struct {
	Src     string `json:"src,omitempty"`
	Alt     string `json:"alt,omitempty"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// Link is a hyperlink inside a block: its anchor text and absolute URL.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// BlockText returns the plain text of one block as it appears in
// Article.Text: list items and table rows on their own lines, a figure as
// its caption (and credit).
func BlockText(b Block) string {
	switch b.Type {
	case List:
		return strings.Join(b.Items, "\n")
	case Table:
		rows := make([]string, 0, len(b.Rows))
		for _, r := range b.Rows {
			rows = append(rows, strings.Join(r, "\t"))
		}
		return strings.Join(rows, "\n")
	case FigureBlk:
		if b.Figure == nil {
			return ""
		}
		switch {
		case b.Figure.Caption != "" && b.Figure.Credit != "":
			return b.Figure.Caption + " (" + b.Figure.Credit + ")"
		default:
			return b.Figure.Caption + b.Figure.Credit
		}
	}
	return b.Text
}

// Text returns the article as plain text: the headline, then every body
// block, separated by blank lines. It is the text that quote offsets of an
// HTML article refer to, so its form is part of the contract.
func (a *Article) Text() string {
	var sb strings.Builder
	if a.Headline != "" {
		sb.WriteString(a.Headline)
	}
	for _, b := range a.Body {
		t := BlockText(b)
		if t == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(t)
	}
	return sb.String()
}

// BodyText returns the body blocks only, as plain text separated by blank
// lines: what content-extraction benchmarks score. Figure captions are left
// out, as those benchmarks' ground truth leaves them out (Text keeps them).
func (a *Article) BodyText() string {
	var sb strings.Builder
	for _, b := range a.Body {
		if b.Type == FigureBlk {
			continue
		}
		t := BlockText(b)
		if t == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(t)
	}
	return sb.String()
}
