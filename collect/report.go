package collect

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// reporter writes progress: one line per event, or a progress bar whose
// description carries the counts (problems are then kept for the end, so
// that they do not tear the bar).
type reporter struct {
	mu       sync.Mutex
	w        io.Writer
	bar      *progressbar.ProgressBar
	queue    func() int
	errs     int
	problems []string
}

// maxKeptProblems bounds the problems kept for printing after a bar.
const maxKeptProblems = 50

func newReporter(w io.Writer, bar bool, queue func() int) *reporter {
	r := &reporter{w: w, queue: queue}
	if w != nil && bar {
		r.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("collecting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("pages"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionSetElapsedTime(true),
		)
	}
	return r
}

func (r *reporter) line(format string, args ...any) {
	if r.w == nil || r.bar != nil {
		return
	}
	r.mu.Lock()
	fmt.Fprintf(r.w, format+"\n", args...)
	r.mu.Unlock()
}

func (r *reporter) problem(format string, args ...any) {
	if r.w == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs++
	if r.bar == nil {
		fmt.Fprintf(r.w, format+"\n", args...)
		return
	}
	if len(r.problems) < maxKeptProblems {
		r.problems = append(r.problems, fmt.Sprintf(format, args...))
	}
}

// done marks one page handled.
func (r *reporter) done() {
	if r.bar == nil {
		return
	}
	r.mu.Lock()
	r.bar.Describe(fmt.Sprintf("errors %d, queue %d", r.errs, r.queue()))
	r.bar.Add(1)
	r.mu.Unlock()
}

func (r *reporter) finish() {
	if r.bar == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bar.Finish()
	fmt.Fprintln(r.w)
	for _, p := range r.problems {
		fmt.Fprintln(r.w, p)
	}
	if r.errs > len(r.problems) {
		fmt.Fprintf(r.w, "... and %d more problems\n", r.errs-len(r.problems))
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
