// Package eval scores newsclip's extractor against gold sets and reports
// precision, recall, F1, exact-match accuracy (with bootstrap standard
// deviations), metadata accuracy, failures and timing.
//
// It reads two layouts: the ScrapingHub article-extraction benchmark
// (html/<id>.html plus ground-truth.json), scored exactly as that
// benchmark's evaluate script scores body text (4-token shingles), and a
// snippet layout (pages/<id>.html plus snippets that must or must not
// appear in the body) for gold sets written by hand. docs/eval.md describes
// both and how every figure is computed.
//
// eval does not extract anything itself: Run takes an ExtractFunc, so the
// package stays independent of the extraction engine, and ScoreBodies
// scores texts predicted by any tool (the bench module uses it for peers).
// Attribution scoring lives in the attribution files of this package.
package eval
