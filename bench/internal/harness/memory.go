package harness

import (
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// The two heap metrics sampled (both in runtime/metrics):
//   - heapObjects: bytes occupied by heap objects, live ones plus dead
//     ones not yet swept. It climbs while a tool allocates and drops at
//     each collection, so its maximum is the heap the process needed
//     (with the default GOGC=100, about twice the live heap).
//   - heapLive: the live heap as marked by the last GC cycle. Its maximum
//     over a run is the largest working set a collection caught.
const (
	heapObjects = "/memory/classes/heap/objects:bytes"
	heapLive    = "/gc/heap/live:bytes"
)

// sampler tracks the largest heap seen during a run. A goroutine reads the
// metrics every interval; the measuring loop also reads them after each
// page. With GOMAXPROCS(1) the goroutine only gets the processor when the
// tool's goroutine is preempted (about every 10ms) or blocks, so the
// per-page samples matter: the peak is the largest value seen, a lower
// bound of the true maximum.
type sampler struct {
	base, baseLive uint64
	peak, peakLive atomic.Uint64
	count          atomic.Int64
	buf            []metrics.Sample // used by the measuring goroutine only
	quit           chan struct{}
	done           chan struct{}
}

func newSamples() []metrics.Sample {
	return []metrics.Sample{{Name: heapObjects}, {Name: heapLive}}
}

func readHeap(buf []metrics.Sample) (objects, live uint64) {
	metrics.Read(buf)
	if buf[0].Value.Kind() == metrics.KindUint64 {
		objects = buf[0].Value.Uint64()
	}
	if buf[1].Value.Kind() == metrics.KindUint64 {
		live = buf[1].Value.Uint64()
	}
	return objects, live
}

func startSampler(every time.Duration) *sampler {
	if every <= 0 {
		every = time.Millisecond
	}
	s := &sampler{buf: newSamples(), quit: make(chan struct{}), done: make(chan struct{})}
	s.base, s.baseLive = readHeap(s.buf)
	s.peak.Store(s.base)
	s.peakLive.Store(s.baseLive)
	go func() {
		defer close(s.done)
		buf := newSamples()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-t.C:
				s.record(readHeap(buf))
			}
		}
	}()
	return s
}

func storeMax(a *atomic.Uint64, v uint64) {
	for {
		old := a.Load()
		if v <= old || a.CompareAndSwap(old, v) {
			return
		}
	}
}

func (s *sampler) record(objects, live uint64) {
	s.count.Add(1)
	storeMax(&s.peak, objects)
	storeMax(&s.peakLive, live)
}

// sample takes one reading from the measuring goroutine.
func (s *sampler) sample() { s.record(readHeap(s.buf)) }

// stop ends sampling and returns the peaks and the number of samples.
func (s *sampler) stop() (peak, peakLive uint64, samples int) {
	s.sample()
	close(s.quit)
	<-s.done
	return s.peak.Load(), s.peakLive.Load(), int(s.count.Load())
}
