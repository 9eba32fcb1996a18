//go:build !windows && !(linux && cgo && !wayland && !ci)

package main

import "fyne.io/fyne/v2"

// maximise leaves the window at its start size where no native request is known
// (Wayland, macOS, the no-cgo test build).
func maximise(fyne.Window) {}
