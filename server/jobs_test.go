package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsclip/newsclip"
	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/store"
)

// waitJob polls a job until it has ended.
func waitJob(t *testing.T, e *testEnv, id string) Job {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		status, _, b := e.do(t, "GET", "/v1/jobs/"+id, "", "")
		if status != 200 {
			t.Fatalf("job %s: status %d: %s", id, status, b)
		}
		j := decode[Job](t, b)
		if j.State != JobRunning {
			return j
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("job %s did not end", id)
	return Job{}
}

// site serves two story pages and a feed listing them, on loopback.
func newSite(t *testing.T) *upstream {
	var base string
	u := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley</title>
<item><title>Bridge</title><link>%[1]s/bridge</link></item>
<item><title>Ferry</title><link>%[1]s/ferry</link></item></channel></rss>`, base)
		case "/bridge":
			servePage(w, r)
		case "/ferry":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, strings.NewReplacer("Bridge to close for repairs", "Ferry returns to the river", "bridge", "ferry").Replace(newsPage))
		default:
			http.NotFound(w, r)
		}
	})
	base = u.URL
	return u
}

func TestCollectJob(t *testing.T) {
	site := newSite(t)
	e := newEnv(t, Config{AllowPrivate: true, CollectDelay: time.Millisecond})
	status, h, b := e.do(t, "POST", "/v1/collect", "application/json", fmt.Sprintf(`{"sources":[%q]}`, site.URL+"/feed.xml"))
	if status != http.StatusAccepted {
		t.Fatalf("status %d: %s", status, b)
	}
	j := decode[Job](t, b)
	if h.Get("Location") != "/v1/jobs/"+j.ID || j.State != JobRunning || j.MaxPages != DefaultMaxPagesPerJob {
		t.Errorf("started job %+v, Location %q", j, h.Get("Location"))
	}
	j = waitJob(t, e, j.ID)
	if j.State != JobDone || j.Summary == nil || j.Summary.Stored != 2 || j.Stored != 2 || j.Pages != 2 || j.Finished == nil {
		t.Fatalf("finished job %+v summary %+v", j, j.Summary)
	}
	status, _, b = e.do(t, "GET", "/v1/articles?q=ferry", "", "")
	p := decode[page[store.Hit]](t, b)
	if status != 200 || len(p.Items) != 1 || p.Items[0].Headline != "Ferry returns to the river" {
		t.Errorf("collected article not found: %s", b)
	}
}

// TestCollectGuarded: a job started on a guarded server cannot reach
// loopback either: the page fails as blocked and nothing is stored.
func TestCollectGuarded(t *testing.T) {
	site := newSite(t)
	e := newEnv(t, Config{})
	status, _, b := e.do(t, "POST", "/v1/collect", "application/json", fmt.Sprintf(`{"sources":[%q, "http://169.254.169.254/latest/"]}`, site.URL+"/bridge"))
	if status != http.StatusAccepted {
		t.Fatalf("status %d: %s", status, b)
	}
	j := waitJob(t, e, decode[Job](t, b).ID)
	if j.State != JobDone || j.Summary == nil || j.Summary.Stored != 0 || j.Summary.Errors["blocked"] == 0 {
		t.Errorf("job %+v summary %+v", j, j.Summary)
	}
	if n := site.hits.Load(); n != 0 {
		t.Errorf("the guarded job reached loopback %d times", n)
	}
}

// TestJobLimit: no more than MaxJobs run at once; Close stops them.
func TestJobLimit(t *testing.T) {
	release := make(chan struct{})
	slow := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	e := newEnv(t, Config{AllowPrivate: true, MaxJobs: 1})
	body := fmt.Sprintf(`{"sources":[%q]}`, slow.URL+"/story")
	status, _, b := e.do(t, "POST", "/v1/collect", "application/json", body)
	if status != http.StatusAccepted {
		t.Fatalf("first job: status %d: %s", status, b)
	}
	first := decode[Job](t, b)
	status, _, b = e.do(t, "POST", "/v1/collect", "application/json", body)
	if status != http.StatusTooManyRequests || decode[Problem](t, b).Code != "too-many-jobs" {
		t.Fatalf("second job: status %d: %s", status, b)
	}
	done := make(chan struct{})
	go func() { e.srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the running job")
	}
	j, ok := e.srv.jobs.get(first.ID)
	if !ok || j.State != JobCancelled {
		t.Errorf("after Close the job is %+v", j)
	}
}

func TestJobsForgetOldest(t *testing.T) {
	js := newJobs()
	for i := 0; i < keepFinished+5; i++ {
		j, err := js.add(collectRequest{Sources: []string{"https://a.example/"}}, 1)
		if err != nil {
			t.Fatalf("job %d: %v", i, err)
		}
		js.update(j, func(j *Job) {
			now := time.Now()
			j.State, j.Finished = JobDone, &now
		})
	}
	if len(js.all) != keepFinished {
		t.Errorf("%d jobs kept, want %d", len(js.all), keepFinished)
	}
	if _, ok := js.get("1"); ok {
		t.Error("the oldest job is still kept")
	}
	if _, ok := js.get(fmt.Sprint(keepFinished + 5)); !ok {
		t.Error("the newest job was forgotten")
	}
}

// panicky panics on pages that mention "boom", like a buggy extractor.
type panicky struct{ x Extractor }

func (p panicky) ExtractBytes(ctx context.Context, page []byte, contentType, pageURL string) (*article.Article, error) {
	if strings.Contains(string(page), "boom") {
		var pages []string
		_ = pages[len(page)] // an index out of range: a real runtime panic
	}
	return p.x.ExtractBytes(ctx, page, contentType, pageURL)
}

// TestExtractorPanic: a panic inside the extractor fails that request
// with a 500 problem (or that page of a job) and the server goes on.
func TestExtractorPanic(t *testing.T) {
	site := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>boom</p></body></html>")
	})
	e := newEnv(t, Config{AllowPrivate: true, CollectDelay: time.Millisecond, Extractor: panicky{newsclip.New()}})
	status, _, b := e.do(t, "POST", "/v1/extract", "text/html", "<p>boom</p>")
	if status != 500 || decode[Problem](t, b).Code != "internal" {
		t.Errorf("panicking extraction: status %d: %s", status, b)
	}
	status, _, _ = e.do(t, "POST", "/v1/extract", "text/html", newsPage)
	if status != 200 {
		t.Errorf("the next extraction: status %d", status)
	}
	status, _, b = e.do(t, "POST", "/v1/collect", "application/json", fmt.Sprintf(`{"sources":[%q]}`, site.URL+"/story"))
	if status != http.StatusAccepted {
		t.Fatalf("status %d: %s", status, b)
	}
	j := waitJob(t, e, decode[Job](t, b).ID)
	if j.State != JobDone || j.Summary == nil || j.Summary.Errors["extract"] != 1 {
		t.Errorf("job %+v summary %+v", j, j.Summary)
	}
}

// TestJobProgress: a running job shows the pages handled so far.
func TestJobProgress(t *testing.T) {
	release := make(chan struct{})
	var base string
	site := newUpstream(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>V</title>
<item><link>%[1]s/a</link></item><item><link>%[1]s/b</link></item><item><link>%[1]s/slow</link></item></channel></rss>`, base)
		case "/slow":
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
			servePage(w, r)
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, strings.Replace(newsPage, "Bridge to close for repairs", "Story "+r.URL.Path, 1))
		}
	})
	base = site.URL
	e := newEnv(t, Config{AllowPrivate: true, CollectDelay: time.Millisecond})
	status, _, b := e.do(t, "POST", "/v1/collect", "application/json", fmt.Sprintf(`{"sources":[%q]}`, site.URL+"/feed.xml"))
	if status != http.StatusAccepted {
		t.Fatalf("status %d: %s", status, b)
	}
	id := decode[Job](t, b).ID
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, _, b = e.do(t, "GET", "/v1/jobs/"+id, "", "")
		j := decode[Job](t, b)
		if j.State != JobRunning {
			t.Fatalf("the job ended before its slow page was released: %+v", j)
		}
		if j.Pages == 2 && j.Stored == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no progress: %+v", j)
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(release)
	if j := waitJob(t, e, id); j.State != JobDone || j.Pages != 3 || j.Stored != 3 {
		t.Errorf("finished job %+v", j)
	}
}
