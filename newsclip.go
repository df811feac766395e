// Package newsclip is the one-call API: Extract turns a news page (HTML or
// plain text) into a structured article.Article, optionally with its quotes
// attributed to speakers.
package newsclip
