package app

import (
	"fyne.io/fyne/v2"

	"tuijian/data/lowpriority"
)

// inBackground is the one way app/ runs slow work (key derivation, export, verify,
// documents, workbooks, SMAA, opening a file): work runs off the UI goroutine, then
// done runs on it. The work's thread has a lower priority than the window's
// (data/lowpriority), so drawing goes first on a busy PC. Work that reports progress
// calls fyne.Do itself; nothing else in app/ starts a goroutine that touches widgets.
// Tests make it synchronous.
var inBackground = func(work, done func()) {
	lowpriority.Go(func() {
		work()
		fyne.Do(done)
	})
}
