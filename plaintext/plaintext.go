// Package plaintext turns a plain-text article (the output of a typical
// extractor: section line, headline, captions, paragraphs, site footer) into
// an article.Article with its structure inferred.
package plaintext

import "github.com/newsclip/newsclip/article"

// Parse infers the structure of a plain-text article.
func Parse(text string) *article.Article {
	return &article.Article{} // placeholder, replaced by the real parser
}
