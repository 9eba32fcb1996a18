package main

import (
	"sync"
	"time"

	"tuijian/app"
	"tuijian/data/store"
)

// opened is the data file the start (or a retry) opened, with the shell over it.
type opened struct {
	st  *store.Store
	sh  *app.Shell // prepared off the UI goroutine; nil when it must be built on it
	err error
}

// starter hands the opened data file from the goroutine that opens it to the main
// thread. The main thread creates the window meanwhile, then waits a bounded time for
// the result before it starts Fyne's event loop. The shell may be built off the UI
// goroutine only until the loop runs (the loop's cache cleaning reads what building
// writes), so once the main thread stops waiting, a result still to come carries no
// shell and the UI goroutine builds it.
type starter struct {
	mu    sync.Mutex
	late  bool // the main thread stopped waiting; guarded by mu
	ready chan opened
}

func newStarter() *starter { return &starter{ready: make(chan opened, 1)} }

// deliver sends the result of opening the store; while the main thread still waits,
// prepare builds the shell first (on the calling goroutine).
func (s *starter) deliver(st *store.Store, err error, prepare func(*store.Store) *app.Shell) {
	o := opened{st: st, err: err}
	s.mu.Lock()
	if err == nil && !s.late {
		o.sh = prepare(st)
	}
	s.mu.Unlock()
	s.ready <- o
}

// retry sends the result of opening the store again (after an error): the loop runs,
// so it carries no shell.
func (s *starter) retry(st *store.Store, err error) { s.ready <- opened{st: st, err: err} }

// first waits up to wait for the first result. When none came, the main thread has
// stopped waiting: a shell being built is finished first, and later results (next)
// carry none.
func (s *starter) first(wait time.Duration) (opened, bool) {
	select {
	case o := <-s.ready:
		return o, true
	case <-time.After(wait):
		s.mu.Lock()
		s.late = true
		s.mu.Unlock()
		return opened{}, false
	}
}

// next is every result after first: a late start, and each retry after an error.
func (s *starter) next() <-chan opened { return s.ready }
