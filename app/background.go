package app

import "fyne.io/fyne/v2"

// inBackground is the one way app/ runs slow work (key derivation, export, verify,
// documents, workbooks, SMAA, opening a file): work runs off the UI goroutine, then
// done runs on it. Work that reports progress calls fyne.Do itself; nothing else in
// app/ starts a goroutine that touches widgets. Tests make it synchronous.
var inBackground = func(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}
