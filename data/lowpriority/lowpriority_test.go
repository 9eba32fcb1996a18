package lowpriority

import (
	"runtime"
	"testing"
)

func TestGoLowersOnlyItsOwnThread(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, ok := threadNice()
	if !ok {
		t.Skip("thread priority not readable on " + runtime.GOOS)
	}
	var inside int
	run(func() { inside, _ = threadNice() })
	if inside <= before {
		t.Errorf("work ran at niceness %d, the caller's thread is at %d: not lowered", inside, before)
	}
	if after, _ := threadNice(); after != before {
		t.Errorf("the caller's thread changed from niceness %d to %d", before, after)
	}
}

func TestGoRunsEveryFunction(t *testing.T) {
	done := make(chan int, 8)
	for i := range 8 {
		Go(func() { done <- i })
	}
	sum := 0
	for range 8 {
		sum += <-done
	}
	if sum != 28 {
		t.Fatalf("sum of results = %d, want 28", sum)
	}
}

// run runs fn as Go does and waits for it to return.
func run(fn func()) {
	done := make(chan struct{})
	Go(func() {
		defer close(done)
		fn()
	})
	<-done
}
