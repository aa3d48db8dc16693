package widgets

import (
	"sort"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Later runs fn on the UI goroutine after d, unless the returned stop is
// called first. Every delayed widget change (a draft written when the
// typing pauses, a preview, the ink of a signature) goes through it, so
// that tests can replace the clock with a ManualClock: Fyne's test driver
// runs fyne.Do on the calling goroutine, and a real timer would change the
// widgets beside the test.
var Later = func(d time.Duration, fn func()) (stop func() bool) {
	return time.AfterFunc(d, func() { fyne.Do(fn) }).Stop
}

// ManualClock is a clock for tests: what is scheduled through Later runs
// when the test advances the clock, on the test's own goroutine.
type ManualClock struct {
	mu    sync.Mutex
	now   time.Duration
	seq   int
	queue []*timer
}

type timer struct {
	at      time.Duration
	seq     int
	fn      func()
	stopped bool
}

// Later schedules fn d after the clock's present.
func (c *ManualClock) Later(d time.Duration, fn func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	t := &timer{at: c.now + d, seq: c.seq, fn: fn}
	c.queue = append(c.queue, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !t.stopped
		t.stopped = true
		return was
	}
}

// Advance moves the clock on by d, running what falls due in order.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now + d
	c.mu.Unlock()
	for {
		c.mu.Lock()
		sort.SliceStable(c.queue, func(i, j int) bool {
			if c.queue[i].at != c.queue[j].at {
				return c.queue[i].at < c.queue[j].at
			}
			return c.queue[i].seq < c.queue[j].seq
		})
		var next *timer
		for len(c.queue) > 0 && next == nil {
			t := c.queue[0]
			if t.at > end {
				break
			}
			c.queue = c.queue[1:]
			if !t.stopped {
				next = t
				c.now = t.at
			}
		}
		if next == nil {
			c.now = end
			c.mu.Unlock()
			return
		}
		next.stopped = true
		c.mu.Unlock()
		next.fn()
	}
}

// Pending counts what is scheduled and not yet run or stopped.
func (c *ManualClock) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, t := range c.queue {
		if !t.stopped {
			n++
		}
	}
	return n
}

// UseManualClock makes Later use a new manual clock until cleanup runs
// (a test's t.Cleanup), and returns it.
func UseManualClock(cleanup func(func())) *ManualClock {
	c := &ManualClock{}
	was := Later
	Later = c.Later
	cleanup(func() { Later = was })
	return c
}
