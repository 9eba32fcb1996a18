package main

import "fyne.io/fyne/v2"

// windowSize is the start size: 1366×768 (the laptops officers have), reduced to the
// work area minus the title bar and frame when that is smaller.
func windowSize(workW, workH float32) fyne.Size {
	w, h := float32(1366), float32(768)
	const frameW, frameH = 16, 40 // borders, title bar
	if workW > 0 && workW-frameW < w {
		w = workW - frameW
	}
	if workH > 0 && workH-frameH < h {
		h = workH - frameH
	}
	return fyne.NewSize(max(w, 800), max(h, 500))
}
