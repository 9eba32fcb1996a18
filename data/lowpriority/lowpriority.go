// Package lowpriority runs the program's long computations (the documents of a
// package, the passphrase's key derivation, workbook imports) on operating-system threads
// of lower scheduling priority than the window's.
//
// Why: on a two-core office PC the export used to take both cores while the window was
// drawn, and with software OpenGL (no GPU driver) a frame then waited hundreds of
// milliseconds for the processor (issue 19: BenchmarkEventLoopDuringExport). A lower
// priority gives the drawing thread the processor first; when the window is idle the work
// still gets every core, so the export is hardly slower. Linux: nice 10 for the thread
// (setpriority on its thread id); Windows: THREAD_PRIORITY_BELOW_NORMAL. Elsewhere the
// work runs at normal priority.
//
// Each call takes a fresh thread: the goroutine stays locked to it and Go ends the
// thread when the goroutine returns, so no lowered thread is ever reused for the UI or
// for other work.
package lowpriority

import "runtime"

// Go runs fn on a new goroutine, on a thread of its own with lowered priority.
func Go(fn func()) {
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
		lower()
		fn()
	}()
}
