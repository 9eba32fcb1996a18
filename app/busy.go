package app

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// busyDialog shows the progress of slow work; cancel, when not nil, adds a 取消 button.
//
// It has no animation: a step text, a bar that moves only when the work reports a
// fraction, and the seconds elapsed, counted once a second. Fyne redraws the whole
// window for every animation frame, and on office PCs without a working GPU driver
// (software OpenGL) an indeterminate bar's 60 frames a second kept the UI goroutine
// busy for 200 ms at a time even with no work running (issue 19, measured with
// BenchmarkEventLoopDuringExport). For the same reason the steps reported are shown at
// most four times a second.
type busyDialog struct {
	d       *dialog.CustomDialog
	status  *widget.Label
	elapsed *widget.Label
	bar     *widget.ProgressBar
	done    bool // closed by the work, not by 取消

	stop     chan struct{} // closed to stop the clock
	stopOnce sync.Once
	stopped  chan struct{} // closed when the clock has stopped

	mu     sync.Mutex
	latest progressStep // reported by the work
	shown  progressStep // handed to the UI goroutine
	secs   int
}

func newBusyDialog(env *Env, title, status string, cancel func()) *busyDialog {
	b := &busyDialog{status: widget.NewLabel(status), elapsed: widget.NewLabel(" "), bar: widget.NewProgressBar(), stop: make(chan struct{}), stopped: make(chan struct{})}
	b.status.Wrapping = fyne.TextWrapWord
	b.elapsed.Importance = widget.LowImportance
	b.bar.Hide()
	body := container.NewVBox(b.status, b.bar, b.elapsed)
	if cancel != nil {
		b.d = dialog.NewCustom(title, "取消", body, env.Window)
		// Fyne chains OnClosed callbacks, so close marks the dialog instead.
		b.d.SetOnClosed(func() {
			b.stopClock()
			if !b.done {
				cancel()
			}
		})
	} else {
		b.d = dialog.NewCustomWithoutButtons(title, body, env.Window)
	}
	b.d.Resize(fyne.NewSize(460, 160))
	b.d.Show()
	go b.clock(time.Now())
	return b
}

// clock shows the seconds elapsed and the latest step reported, at most four times a
// second, until the dialog closes. fyne.Do only queues, so the clock never waits for
// the UI goroutine.
func (b *busyDialog) clock(start time.Time) {
	defer close(b.stopped)
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case now := <-t.C:
			if f := b.due(now.Sub(start)); f != nil {
				fyne.Do(f)
			}
		}
	}
}

// due returns what the widgets must show after elapsed (a function for the UI
// goroutine), nil when that is what they show already.
func (b *busyDialog) due(elapsed time.Duration) func() {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, secs := b.latest, int(elapsed/time.Second)
	if p == b.shown && secs == b.secs {
		return nil
	}
	b.shown, b.secs = p, secs
	return func() {
		if p.text != "" {
			b.show(p)
		}
		if secs > 0 {
			b.elapsed.SetText(fmt.Sprintf("已用 %d 秒", secs))
		}
	}
}

// stopClock stops the clock and waits until it has stopped.
func (b *busyDialog) stopClock() {
	b.stopOnce.Do(func() { close(b.stop) })
	<-b.stopped
}

// progressStep is a step text and how far the work is (total 0: not known).
type progressStep struct {
	text        string
	done, total int
}

// report records a step; any goroutine may call it, the dialog shows the latest within
// a quarter second.
func (b *busyDialog) report(step string, done, total int) {
	b.mu.Lock()
	b.latest = progressStep{step, done, total}
	b.mu.Unlock()
}

// show displays a step; total 0 hides the bar (the step text and the clock show that
// work goes on).
func (b *busyDialog) show(p progressStep) {
	b.status.SetText(p.text + "……")
	if p.total <= 0 {
		b.bar.Hide()
		return
	}
	b.bar.Show()
	b.bar.SetValue(float64(p.done) / float64(p.total))
}

// close hides the dialog without running its cancel callback.
func (b *busyDialog) close() {
	b.done = true
	b.stopClock()
	b.d.Hide()
}
