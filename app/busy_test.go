package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The progress dialog shows the latest step reported from any goroutine, a bar only
// when a fraction is known, the seconds elapsed, and nothing that animates (issue 19:
// an animated bar redrew the window 60 times a second). The clock is stopped and its
// ticks are applied by hand, so the test neither sleeps nor races the clock.
func TestBusyDialogShowsReportedStepsWithoutAnimation(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	cancelled := false
	b := newBusyDialog(h.env, "导出报送包", "正在准备", func() { cancelled = true })
	b.stopClock()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	walkObjects(t, top, func(o fyne.CanvasObject) {
		switch o.(type) {
		case *widget.ProgressBarInfinite, *widget.Activity:
			t.Errorf("the dialog holds an animated %T", o)
		}
	})
	if b.bar.Visible() || b.status.Text != "正在准备" {
		t.Errorf("start: bar visible %v, status %q", b.bar.Visible(), b.status.Text)
	}
	tick := func(elapsed time.Duration) bool {
		f := b.due(elapsed)
		if f != nil {
			f()
		}
		return f != nil
	}
	if tick(250 * time.Millisecond) {
		t.Error("a tick with nothing new changed the dialog")
	}

	done := make(chan struct{})
	go func() { b.report("生成推荐函", 1, 5); b.report("生成推荐函", 2, 5); close(done) }()
	<-done
	if !tick(500 * time.Millisecond) {
		t.Fatal("the step reported was not shown")
	}
	if b.status.Text != "生成推荐函……" || !b.bar.Visible() || b.bar.Value != 0.4 {
		t.Errorf("status %q, bar visible %v value %v; want the latest step at 0.4", b.status.Text, b.bar.Visible(), b.bar.Value)
	}
	if b.elapsed.Text != " " {
		t.Errorf("elapsed %q before one second", b.elapsed.Text)
	}
	b.report("写入光盘映像", 0, 0)
	tick(1250 * time.Millisecond)
	if b.status.Text != "写入光盘映像……" || b.bar.Visible() || b.elapsed.Text != "已用 1 秒" {
		t.Errorf("status %q, bar visible %v, elapsed %q", b.status.Text, b.bar.Visible(), b.elapsed.Text)
	}
	if !tick(2*time.Second) || b.elapsed.Text != "已用 2 秒" {
		t.Errorf("elapsed %q at 2 s", b.elapsed.Text)
	}
	b.close()
	if cancelled {
		t.Error("closing after the work ended ran the cancel callback")
	}
}

// 取消 runs the cancel callback and stops the clock.
func TestBusyDialogCancel(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	cancelled := false
	b := newBusyDialog(h.env, "解开签名私钥", "正在核对口令", func() { cancelled = true })
	b.d.Hide() // 取消
	if !cancelled {
		t.Error("取消 did not run the cancel callback")
	}
	select {
	case <-b.stopped:
	case <-time.After(time.Second):
		t.Error("the clock still runs after 取消")
	}
}
