package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Layout names a gold-set layout.
type Layout string

// The layouts Load recognises.
const (
	ScrapingHub Layout = "scrapinghub" // html/<id>.html + ground-truth.json
	Snippets    Layout = "snippets"    // pages/<id>.html + snippets.json or pages/<id>.json
)

// Problem kinds, as counted in a Report.
const (
	ProblemMissing   = "missing"   // a gold entry whose page file does not exist
	ProblemMalformed = "malformed" // a gold entry (or file) that cannot be decoded
	ProblemFailed    = "failed"    // the page could not be read, or the extractor failed, panicked or timed out
	ProblemUnlabeled = "unlabeled" // a page file with no gold entry
)

// Problem is one page the evaluation could not use as intended.
type Problem struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Error string `json:"error"`
}

// Page is one gold page: where its file is and what is expected of it.
type Page struct {
	ID   string `json:"id"`
	URL  string `json:"url,omitempty"`
	File string `json:"file,omitempty"` // path of the page file
	// Body is the expected article body (ScrapingHub layout).
	Body string `json:"body,omitempty"`
	// Must and MustNot are the snippets the body must and must not contain
	// (snippet layout).
	Must    []string `json:"must,omitempty"`
	MustNot []string `json:"must_not,omitempty"`
	// Metadata gold, scored when not empty.
	Headline  string   `json:"headline,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published string   `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339, compared by day
}

// GoldSet is a loaded gold folder: its usable pages sorted by ID and the
// entries it could not use.
type GoldSet struct {
	Dir      string
	Layout   Layout
	Pages    []Page
	Problems []Problem
}

// MaxGoldBytes bounds the size of a gold file (ground-truth.json,
// snippets.json or a per-page .json) that the loaders read.
const MaxGoldBytes = 256 << 20

// pageExts are the page-file extensions of the snippet layout, in the order
// they are tried.
var pageExts = []string{".html", ".htm", ".txt"}

// Detect names the layout of the gold folder dir.
func Detect(dir string) (Layout, error) {
	if fileExists(filepath.Join(dir, "ground-truth.json")) {
		return ScrapingHub, nil
	}
	if fileExists(filepath.Join(dir, "snippets.json")) || dirExists(filepath.Join(dir, "pages")) {
		return Snippets, nil
	}
	return "", fmt.Errorf("eval: %s: no gold set here (want ground-truth.json, snippets.json or pages/)", dir)
}

// Load reads the gold folder dir in the layout it detects.
func Load(dir string) (*GoldSet, error) {
	l, err := Detect(dir)
	if err != nil {
		return nil, err
	}
	return LoadLayout(dir, l)
}

// LoadLayout reads the gold folder dir in the given layout.
func LoadLayout(dir string, l Layout) (*GoldSet, error) {
	switch l {
	case ScrapingHub:
		return LoadScrapingHub(dir)
	case Snippets:
		return LoadSnippets(dir)
	}
	return nil, fmt.Errorf("eval: unknown layout %q", l)
}

// LoadScrapingHub reads a ScrapingHub benchmark folder: ground-truth.json
// (see ReadGroundTruth) and the pages html/<id>.html. A gold entry whose
// page file is missing is recorded as a Problem and left out, and so is a
// page file with no gold entry.
func LoadScrapingHub(dir string) (*GoldSet, error) {
	set, err := ReadGroundTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	set.Dir = dir
	htmlDir := filepath.Join(dir, "html")
	known := make(map[string]bool, len(set.Pages)+len(set.Problems))
	for _, p := range set.Problems {
		known[p.ID] = true
	}
	pages := set.Pages[:0]
	for _, p := range set.Pages {
		known[p.ID] = true
		p.File = filepath.Join(htmlDir, p.ID+".html")
		if !fileExists(p.File) {
			set.Problems = append(set.Problems, Problem{p.ID, ProblemMissing, "no page file " + p.File})
			continue
		}
		pages = append(pages, p)
	}
	set.Pages = pages
	set.Problems = append(set.Problems, unlabeled(htmlDir, known)...)
	sortProblems(set.Problems)
	return set, nil
}

// ReadGroundTruth reads a ScrapingHub ground-truth file alone: a JSON
// object mapping each id to {"articleBody": ..., "url": ...}, or the same
// wrapped as {"output": {...}}. The pages it returns have no File, which
// is enough for ScoreBodies. A file that is not a JSON object is an error;
// an entry that cannot be decoded is recorded as a Problem and left out.
func ReadGroundTruth(path string) (*GoldSet, error) {
	entries, err := readEntries(path)
	if err != nil {
		return nil, err
	}
	set := &GoldSet{Dir: filepath.Dir(path), Layout: ScrapingHub}
	for _, id := range slices.Sorted(maps.Keys(entries)) {
		var e struct {
			ArticleBody *string `json:"articleBody"`
			URL         string  `json:"url"`
		}
		if err := json.Unmarshal(entries[id], &e); err != nil {
			// encoding/json's wording varies between Go releases; say it plainly.
			set.Problems = append(set.Problems, Problem{id, ProblemMalformed, fmt.Sprintf("%s: entry %s: want an object with string fields articleBody and url", filepath.Base(path), id)})
			continue
		}
		if e.ArticleBody == nil {
			set.Problems = append(set.Problems, Problem{id, ProblemMalformed, fmt.Sprintf("%s: entry %s: no articleBody", filepath.Base(path), id)})
			continue
		}
		if err := badID(id); err != nil {
			set.Problems = append(set.Problems, Problem{id, ProblemMalformed, err.Error()})
			continue
		}
		set.Pages = append(set.Pages, Page{ID: id, URL: e.URL, Body: *e.ArticleBody})
	}
	return set, nil
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
}

// readEntries reads a JSON object of id -> raw entry, unwrapping
// {"output": {...}} when present.
func readEntries(path string) (map[string]json.RawMessage, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("eval: %s: not a JSON object of entries: %w", path, err)
	}
	if out, ok := entries["output"]; ok && bytes.HasPrefix(bytes.TrimSpace(out), []byte("{")) {
		var inner map[string]json.RawMessage
		if err := json.Unmarshal(out, &inner); err == nil {
			entries = inner
		}
	}
	return entries, nil
}

func readLimited(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if fi.Size() > MaxGoldBytes {
		return nil, fmt.Errorf("eval: %s: %d bytes, more than the %d allowed", path, fi.Size(), MaxGoldBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return data, nil
}

// badID rejects ids that would name a file outside the page folder.
func badID(id string) error {
	if id == "" || id == "." || id == ".." || strings.ContainsAny(id, `/\`+"\x00") {
		return fmt.Errorf("id %q cannot name a page file", id)
	}
	return nil
}

// unlabeled lists the page files in dir (any of pageExts) that have no
// gold entry.
func unlabeled(dir string, gold map[string]bool) []Problem {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []Problem
	for _, de := range des {
		name := de.Name()
		ext := filepath.Ext(name)
		if de.IsDir() || !slices.Contains(pageExts, ext) {
			continue
		}
		id := strings.TrimSuffix(name, ext)
		if !gold[id] {
			out = append(out, Problem{id, ProblemUnlabeled, "page file " + filepath.Join(dir, name) + " has no gold entry"})
		}
	}
	return out
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func dirExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// snippetEntry is one page's gold in the snippet layout.
type snippetEntry struct {
	URL       string   `json:"url"`
	File      string   `json:"file"`
	Must      []string `json:"must"`
	MustNot   []string `json:"must_not"`
	Headline  string   `json:"headline"`
	Author    string   `json:"author"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
}

// LoadSnippets reads a snippet-layout folder: page files pages/<id>.html
// (or .htm, .txt) with their gold either as entries of snippets.json or as
// pages/<id>.json files (docs/eval.md gives the format). A snippets.json
// that is not a JSON object is an error; an entry or per-page file that
// cannot be decoded, has no snippet, or whose page is missing is recorded
// as a Problem and left out.
func LoadSnippets(dir string) (*GoldSet, error) {
	set := &GoldSet{Dir: dir, Layout: Snippets}
	pagesDir := filepath.Join(dir, "pages")
	raw := map[string]json.RawMessage{}
	origin := map[string]string{}
	known := map[string]bool{} // ids with gold, usable or not
	if path := filepath.Join(dir, "snippets.json"); fileExists(path) {
		entries, err := readEntries(path)
		if err != nil {
			return nil, err
		}
		for id, e := range entries {
			raw[id], origin[id] = e, "snippets.json"
		}
	}
	des, err := os.ReadDir(pagesDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("eval: %w", err)
	}
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || filepath.Ext(name) != ".json" {
			continue
		}
		id := strings.TrimSuffix(name, ".json")
		path := filepath.Join(pagesDir, name)
		known[id] = true
		if _, dup := raw[id]; dup {
			set.Problems = append(set.Problems, Problem{id, ProblemMalformed, fmt.Sprintf("%s: id also in %s", path, origin[id])})
			delete(raw, id)
			continue
		}
		data, err := readLimited(path)
		if err != nil {
			set.Problems = append(set.Problems, Problem{id, ProblemMalformed, err.Error()})
			continue
		}
		raw[id], origin[id] = data, name
	}
	for _, id := range slices.Sorted(maps.Keys(raw)) {
		p, kind, err := snippetPage(pagesDir, id, raw[id])
		if err != nil {
			set.Problems = append(set.Problems, Problem{id, kind, fmt.Sprintf("%s: %v", origin[id], err)})
			continue
		}
		set.Pages = append(set.Pages, p)
	}
	for id := range raw {
		known[id] = true
	}
	for _, p := range set.Pages {
		known[strings.TrimSuffix(filepath.Base(p.File), filepath.Ext(p.File))] = true
	}
	set.Problems = append(set.Problems, unlabeled(pagesDir, known)...)
	sortProblems(set.Problems)
	return set, nil
}

// snippetPage decodes one snippet entry and finds its page file.
func snippetPage(pagesDir, id string, data json.RawMessage) (Page, string, error) {
	if err := badID(id); err != nil {
		return Page{}, ProblemMalformed, err
	}
	var e snippetEntry
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return Page{}, ProblemMalformed, fmt.Errorf("entry %s: %w", id, err)
	}
	p := Page{ID: id, URL: e.URL, Headline: e.Headline, Published: e.Published}
	for _, s := range e.Must {
		if s = collapseSpace(s); s != "" {
			p.Must = append(p.Must, s)
		}
	}
	for _, s := range e.MustNot {
		if s = collapseSpace(s); s != "" {
			p.MustNot = append(p.MustNot, s)
		}
	}
	if len(p.Must)+len(p.MustNot) == 0 {
		return Page{}, ProblemMalformed, fmt.Errorf("entry %s: no must or must_not snippet", id)
	}
	if e.Author != "" {
		p.Authors = append(p.Authors, e.Author)
	}
	p.Authors = append(p.Authors, e.Authors...)
	if p.Published != "" {
		if _, ok := goldDay(p.Published); !ok {
			return Page{}, ProblemMalformed, fmt.Errorf("entry %s: published %q is not a date (want YYYY-MM-DD)", id, p.Published)
		}
	}
	if e.File != "" {
		if err := badID(e.File); err != nil {
			return Page{}, ProblemMalformed, fmt.Errorf("entry %s: file: %w", id, err)
		}
		p.File = filepath.Join(pagesDir, e.File)
	} else {
		for _, ext := range pageExts {
			if f := filepath.Join(pagesDir, id+ext); fileExists(f) {
				p.File = f
				break
			}
		}
	}
	if p.File == "" || !fileExists(p.File) {
		return Page{}, ProblemMissing, fmt.Errorf("entry %s: no page file in %s", id, pagesDir)
	}
	return p, "", nil
}
