package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// speakerPageMax caps the quotes one speaker page lists and charts.
const speakerPageMax = 1000

// web is the reader: server-rendered pages that need no script.
type web struct {
	s     *Server
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"speakerURL": func(name string) string { return "/speakers/" + url.PathEscape(name) },
	"articleURL": func(id int64) string { return "/articles/" + strconv.FormatInt(id, 10) },
	"date": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return t.Format("2 Jan 2006")
	},
	"stamp": func(s *article.Stamp) string {
		if s == nil || s.Time.IsZero() {
			return ""
		}
		return s.Time.Format("2 Jan 2006 15:04 MST")
	},
	"iso":  func(t time.Time) string { return t.Format(time.RFC3339) },
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
}

func newWeb(s *Server) (*web, error) {
	w := &web{s: s, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("server templates: %w", err)
	}
	for _, n := range names {
		if n == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("server templates: %w", err)
		}
		w.pages[strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")] = t
	}
	return w, nil
}

func (w *web) routes(mux *http.ServeMux) {
	page := func(pattern, methods string, h http.HandlerFunc) {
		for _, m := range strings.Split(methods, ", ") {
			mux.HandleFunc(m+" "+pattern, h)
		}
		mux.HandleFunc(pattern, w.s.methodNotAllowed(methods))
	}
	page("/{$}", "GET", w.search)
	page("/articles/{id}", "GET", w.article)
	page("/speakers", "GET", w.speakers)
	page("/speakers/{name}", "GET", w.speaker)
	page("/extract", "GET, POST", w.extract)
	static, _ := fs.Sub(staticFS, "static") // the directory is embedded: cannot fail
	fileServer := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.Handle("GET /static/", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(rw, r)
	}))
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		w.errorPage(rw, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
}

// view is what every page template gets.
type view struct {
	Title string
	Nav   string // the active navigation entry
	Data  any
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (w *web) render(rw http.ResponseWriter, r *http.Request, status int, name string, v view) {
	t, ok := w.pages[name]
	if !ok {
		w.s.problem(rw, r, http.StatusInternalServerError, "internal", "no template "+name)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		w.s.log.Printf("render %s: %v", name, err)
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		rw.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(rw, "Internal Server Error")
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(status)
	_, _ = rw.Write(buf.Bytes())
}

type errorData struct {
	Status int
	Text   string
	Detail string
}

func (w *web) errorPage(rw http.ResponseWriter, r *http.Request, status int, detail string) {
	w.render(rw, r, status, "error", view{
		Title: http.StatusText(status),
		Data:  errorData{Status: status, Text: http.StatusText(status), Detail: detail},
	})
}

// failPage shows an error from the API helpers as a page.
func (w *web) failPage(rw http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	if errors.As(err, &ae) {
		w.errorPage(rw, r, ae.status, ae.detail)
		return
	}
	w.s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	w.errorPage(rw, r, http.StatusInternalServerError, "Something went wrong on our side.")
}

type searchData struct {
	Q, Site, Lang, Speaker, From, To string
	Searched                         bool
	Hits                             []store.Hit
	Offset                           int
	Prev, Next                       string // links to the neighbouring pages
	Error                            string
}

func (w *web) search(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := searchData{Q: q.Get("q"), Site: q.Get("site"), Lang: q.Get("lang"), Speaker: q.Get("speaker"), From: q.Get("from"), To: q.Get("to")}
	sq, err := searchQuery(q)
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			d.Error = ae.detail
			w.render(rw, r, http.StatusBadRequest, "search", view{Title: "Search", Nav: "search", Data: d})
			return
		}
		w.failPage(rw, r, err)
		return
	}
	p, err := w.s.search(r.Context(), sq)
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) && ae.status == http.StatusBadRequest {
			d.Error = ae.detail
			w.render(rw, r, ae.status, "search", view{Title: "Search", Nav: "search", Data: d})
			return
		}
		w.failPage(rw, r, err)
		return
	}
	d.Searched = true
	d.Hits, d.Offset = p.Items, p.Offset
	link := func(off int) string {
		v := url.Values{}
		for _, k := range []string{"q", "site", "lang", "speaker", "from", "to", "limit"} {
			if q.Get(k) != "" {
				v.Set(k, q.Get(k))
			}
		}
		if off > 0 {
			v.Set("offset", strconv.Itoa(off))
		}
		return "/?" + v.Encode()
	}
	if p.Offset > 0 {
		d.Prev = link(max(p.Offset-p.Limit, 0))
	}
	if p.NextOffset != nil {
		d.Next = link(*p.NextOffset)
	}
	title := "Search"
	if d.Q != "" {
		title = d.Q + " – Search"
	}
	w.render(rw, r, http.StatusOK, "search", view{Title: title, Nav: "search", Data: d})
}

type articleData struct {
	ID, Story int64
	FetchedAt time.Time
	A         *article.Article
	Page      articlePage
}

func (w *web) article(rw http.ResponseWriter, r *http.Request) {
	id, err := parseID(r)
	if err != nil {
		w.failPage(rw, r, err)
		return
	}
	st, err := w.s.cfg.Store.Get(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			w.errorPage(rw, r, http.StatusNotFound, fmt.Sprintf("There is no article %d.", id))
			return
		}
		w.failPage(rw, r, err)
		return
	}
	d := articleData{ID: st.ID, Story: st.Story, FetchedAt: st.FetchedAt, A: &st.Article, Page: layoutArticle(&st.Article)}
	title := st.Article.Headline
	if title == "" {
		title = "Article " + strconv.FormatInt(id, 10)
	}
	w.render(rw, r, http.StatusOK, "article", view{Title: title, Data: d})
}

type speakersData struct {
	Speakers   []store.SpeakerSummary
	Prev, Next string
}

func (w *web) speakers(rw http.ResponseWriter, r *http.Request) {
	limit, offset, err := paging(r.URL.Query())
	if err != nil {
		w.failPage(rw, r, err)
		return
	}
	if r.URL.Query().Get("limit") == "" {
		limit = 100
	}
	p, err := w.s.speakers(r.Context(), limit, offset)
	if err != nil {
		w.failPage(rw, r, err)
		return
	}
	d := speakersData{Speakers: p.Items}
	if offset > 0 {
		d.Prev = fmt.Sprintf("/speakers?limit=%d&offset=%d", limit, max(offset-limit, 0))
	}
	if p.NextOffset != nil {
		d.Next = fmt.Sprintf("/speakers?limit=%d&offset=%d", limit, *p.NextOffset)
	}
	w.render(rw, r, http.StatusOK, "speakers", view{Title: "Speakers", Nav: "speakers", Data: d})
}

type speakerData struct {
	Name      string
	Role      string
	Quotes    []store.QuoteHit
	Truncated bool
	Chart     chart
}

func (w *web) speaker(rw http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	p, err := w.s.quotes(r.Context(), name, "", speakerPageMax, 0)
	if err != nil {
		w.failPage(rw, r, err)
		return
	}
	if len(p.Items) == 0 {
		w.errorPage(rw, r, http.StatusNotFound, fmt.Sprintf("No quotes by %q are stored.", name))
		return
	}
	d := speakerData{Name: name, Quotes: p.Items, Truncated: p.NextOffset != nil}
	for _, q := range p.Items {
		if sp := q.Quote.Speaker; sp != nil {
			d.Name = sp.Name // the stored spelling, not the URL's
			if d.Role == "" {
				d.Role = sp.Role
			}
		}
	}
	d.Chart = timeline(p.Items)
	w.render(rw, r, http.StatusOK, "speaker", view{Title: d.Name, Nav: "speakers", Data: d})
}

type extractData struct {
	URL, HTML, Base string
	Error           string
	A               *article.Article
	Page            articlePage
}

// extract shows the form and, on POST, the extraction beside its quotes.
func (w *web) extract(rw http.ResponseWriter, r *http.Request) {
	d := extractData{}
	if r.Method != http.MethodPost {
		w.render(rw, r, http.StatusOK, "extract", view{Title: "Try the extractor", Nav: "extract", Data: d})
		return
	}
	r.Body = http.MaxBytesReader(rw, r.Body, w.s.cfg.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		w.failPage(rw, r, bodyError(err))
		return
	}
	d.URL, d.HTML, d.Base = strings.TrimSpace(r.PostForm.Get("url")), r.PostForm.Get("html"), strings.TrimSpace(r.PostForm.Get("base"))
	var a *article.Article
	var err error
	switch {
	case d.HTML != "":
		base := d.Base
		if base != "" {
			var aerr *apiError
			if base, aerr = checkURL(base); aerr != nil {
				err = aerr
				break
			}
		}
		a, err = w.s.extractPage(r.Context(), []byte(d.HTML), "", base)
	case d.URL != "":
		a, err = w.s.extractURL(r.Context(), d.URL)
	default:
		err = &apiError{http.StatusBadRequest, "empty-form", "Give a URL or paste a page."}
	}
	status := http.StatusOK
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			w.failPage(rw, r, err)
			return
		}
		status, d.Error = ae.status, ae.detail
	} else {
		d.A, d.Page = a, layoutArticle(a)
	}
	w.render(rw, r, status, "extract", view{Title: "Try the extractor", Nav: "extract", Data: d})
}
