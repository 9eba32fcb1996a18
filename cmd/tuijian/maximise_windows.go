//go:build windows

package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// maximise asks Windows to maximise the window (ShowWindow SW_MAXIMIZE): the officer
// sees the whole work area on any screen; the start size stays what a restore gives.
func maximise(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		c, ok := ctx.(driver.WindowsWindowContext)
		if !ok || c.HWND == 0 {
			return
		}
		const swMaximize = 3
		windows.NewLazySystemDLL("user32.dll").NewProc("ShowWindow").Call(c.HWND, swMaximize)
	})
}
