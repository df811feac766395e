package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/newsclip/newsclip/article"
	"github.com/newsclip/newsclip/collect"
	"github.com/newsclip/newsclip/fetch"
	"github.com/newsclip/newsclip/store"
)

// Job states.
const (
	JobRunning   = "running"
	JobDone      = "done"
	JobFailed    = "failed"
	JobCancelled = "cancelled"
)

// keepFinished is how many finished jobs are remembered.
const keepFinished = 100

// Job is a collection job as the API shows it.
type Job struct {
	ID       string     `json:"id"`
	State    string     `json:"state"`
	Sources  []string   `json:"sources"`
	MaxPages int        `json:"max_pages"`
	Started  time.Time  `json:"started"`
	Finished *time.Time `json:"finished,omitempty"`
	// Pages and Stored count as the job goes: pages handled, new
	// articles stored.
	Pages  int `json:"pages"`
	Stored int `json:"stored"`
	// Summary is set once the job has ended.
	Summary *JobSummary `json:"summary,omitempty"`
	Error   string      `json:"error,omitempty"`
}

// JobSummary is what a finished collection did (see collect.Summary).
type JobSummary struct {
	Sources    int            `json:"sources"`
	Pages      int            `json:"pages"`
	Fetched    int            `json:"fetched"`
	Stored     int            `json:"stored"`
	Duplicates int            `json:"duplicates"`
	Finished   int            `json:"already_finished"`
	NonHTML    int            `json:"non_html"`
	Errors     map[string]int `json:"errors"`
	ElapsedMS  int64          `json:"elapsed_ms"`
}

// jobs holds the jobs of one Server.
type jobs struct {
	mu   sync.Mutex
	next int
	all  map[string]*Job
}

func newJobs() *jobs { return &jobs{all: map[string]*Job{}} }

func (js *jobs) get(id string) (Job, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.all[id]
	if !ok {
		return Job{}, false
	}
	return snapshot(j), true
}

func snapshot(j *Job) Job {
	c := *j
	c.Sources = append([]string(nil), j.Sources...)
	return c
}

// add registers a running job unless max are running already, and
// forgets the oldest finished jobs beyond keepFinished.
func (js *jobs) add(req collectRequest, max int) (*Job, error) {
	js.mu.Lock()
	defer js.mu.Unlock()
	running := 0
	var finished []*Job
	for _, j := range js.all {
		if j.State == JobRunning {
			running++
		} else {
			finished = append(finished, j)
		}
	}
	if running >= max {
		return nil, &apiError{http.StatusTooManyRequests, "too-many-jobs",
			fmt.Sprintf("%d collection jobs are running already; try again when one has finished", running)}
	}
	if len(finished) >= keepFinished {
		sort.Slice(finished, func(a, b int) bool { return finished[a].Finished.Before(*finished[b].Finished) })
		for _, j := range finished[:len(finished)-keepFinished+1] {
			delete(js.all, j.ID)
		}
	}
	js.next++
	j := &Job{
		ID:       strconv.Itoa(js.next),
		State:    JobRunning,
		Sources:  req.Sources,
		MaxPages: req.MaxPages,
		Started:  time.Now().UTC(),
	}
	js.all[j.ID] = j
	return j, nil
}

func (js *jobs) update(j *Job, f func(*Job)) {
	js.mu.Lock()
	f(j)
	js.mu.Unlock()
}

// startJob starts a collection in the background, under the server's
// base context so that Close stops it.
func (s *Server) startJob(req collectRequest) (Job, error) {
	j, err := s.jobs.add(req, s.cfg.MaxJobs)
	if err != nil {
		return Job{}, err
	}
	snap := func() Job {
		s.jobs.mu.Lock()
		defer s.jobs.mu.Unlock()
		return snapshot(j)
	}()
	cfg := collect.Config{
		Fetch: fetch.Options{
			ObeyRobots:   true,
			PerHostDelay: s.cfg.CollectDelay,
			AllowPrivate: s.cfg.AllowPrivate,
		},
		MaxPages:  req.MaxPages,
		Extractor: s.cfg.Extractor,
	}
	st := &countingStore{Store: s.cfg.Store, job: j, jobs: s.jobs}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		sum, err := collect.Run(s.base, cfg, req.Sources, st)
		now := time.Now().UTC()
		s.jobs.update(j, func(j *Job) {
			j.Finished = &now
			j.Summary = &JobSummary{
				Sources: sum.Sources, Pages: sum.Pages, Fetched: sum.Fetched, Stored: sum.Stored,
				Duplicates: sum.Duplicates, Finished: sum.Finished, NonHTML: sum.NonHTML,
				Errors: sum.Errors, ElapsedMS: sum.Elapsed.Milliseconds(),
			}
			if j.Summary.Errors == nil {
				j.Summary.Errors = map[string]int{}
			}
			j.Pages, j.Stored = sum.Pages, sum.Stored
			switch {
			case errors.Is(err, context.Canceled):
				j.State = JobCancelled
				j.Error = "the server is shutting down"
			case err != nil:
				j.State = JobFailed
				j.Error = err.Error()
			default:
				j.State = JobDone
			}
		})
		if err != nil && !errors.Is(err, context.Canceled) {
			s.log.Printf("job %s: %v", j.ID, err)
		}
	}()
	return snap, nil
}

// countingStore counts a job's progress as the collector reports to the
// store: one fetch-log entry per page handled, one new Put per article.
type countingStore struct {
	store.Store
	job  *Job
	jobs *jobs
}

func (c *countingStore) Put(ctx context.Context, a *article.Article, fetchedAt time.Time) (int64, bool, error) {
	id, isNew, err := c.Store.Put(ctx, a, fetchedAt)
	if err == nil && isNew {
		c.jobs.update(c.job, func(j *Job) { j.Stored++ })
	}
	return id, isNew, err
}

// PutEach passes a batch through when the server's store writes batches
// (so that a job's articles are written as a CLI run's are), counting the
// new ones; otherwise it declines and the collector puts one by one.
func (c *countingStore) PutEach(ctx context.Context, as []*article.Article, fetchedAt []time.Time) ([]store.PutResult, error) {
	bp, ok := c.Store.(store.BatchPutter)
	if !ok {
		return nil, errors.New("store writes no batches")
	}
	res, err := bp.PutEach(ctx, as, fetchedAt)
	if err == nil {
		n := 0
		for _, r := range res {
			if r.New {
				n++
			}
		}
		c.jobs.update(c.job, func(j *Job) { j.Stored += n })
	}
	return res, err
}

func (c *countingStore) LogFetch(ctx context.Context, r store.FetchRecord) error {
	err := c.Store.LogFetch(ctx, r)
	c.jobs.update(c.job, func(j *Job) { j.Pages++ })
	return err
}

// Close is the server's store's business, not a job's.
func (c *countingStore) Close() error { return nil }
