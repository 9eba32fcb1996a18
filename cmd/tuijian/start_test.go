package main

import (
	"errors"
	"testing"
	"time"

	"tuijian/app"
	"tuijian/data/store"
)

// The start's hand-over of the opened data file (starter), with the store's opening
// and the shell's building timed by the test: the shell is built off the UI goroutine
// only while the main thread still waits, and a result after that is never lost.
func TestStarter(t *testing.T) {
	built := &app.Shell{}
	for _, c := range []struct {
		name      string
		openAfter time.Duration // when the store is open
		buildFor  time.Duration // how long building the shell takes
		openErr   error
		wantFirst bool // the main thread gets the result before it stops waiting
		wantShell bool // … with the shell built off the UI goroutine
	}{
		{"store opens in time", 0, 0, nil, true, true},
		{"store opens late", 150 * time.Millisecond, 0, nil, false, false},
		{"building under way when the wait ends", 20 * time.Millisecond, 150 * time.Millisecond, nil, false, true},
		{"store cannot be opened", 0, 0, errors.New("数据文件已损坏"), true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStarter()
			prepared := 0
			var builtAt time.Time
			go func() {
				time.Sleep(c.openAfter)
				s.deliver(nil, c.openErr, func(*store.Store) *app.Shell {
					prepared++
					time.Sleep(c.buildFor)
					builtAt = time.Now()
					return built
				})
			}()
			o, ok := s.first(60 * time.Millisecond)
			loopAt := time.Now() // the main thread starts Fyne's loop
			if !ok {
				o = <-s.next() // the loop's goroutine, once the window shows
			}
			if o.sh != nil && builtAt.After(loopAt) {
				t.Errorf("the shell was still being built %v after the loop started", builtAt.Sub(loopAt))
			}
			if ok != c.wantFirst {
				t.Errorf("result before the wait ended: %v, want %v", ok, c.wantFirst)
			}
			if (o.sh != nil) != c.wantShell || (c.wantShell && prepared != 1) || (!c.wantShell && prepared != 0) {
				t.Errorf("shell built off the UI goroutine: %v (%d times), want %v", o.sh != nil, prepared, c.wantShell)
			}
			if !errors.Is(o.err, c.openErr) {
				t.Errorf("error %v, want %v", o.err, c.openErr)
			}
			s.retry(nil, nil)
			if r := <-s.next(); r.sh != nil || r.err != nil {
				t.Errorf("a retry carries %+v, want no shell and no error", r)
			}
		})
	}
}
