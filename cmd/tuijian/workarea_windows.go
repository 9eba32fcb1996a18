//go:build windows

package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// workArea is the desktop without the taskbar, in Fyne's device-independent units
// (pixels at 96 dpi), so that the window fits a 1366×768 laptop with its taskbar.
func workArea() (w, h float32) {
	user32 := windows.NewLazySystemDLL("user32.dll")
	var r struct{ left, top, right, bottom int32 }
	const spiGetWorkArea = 0x0030
	if ok, _, _ := user32.NewProc("SystemParametersInfoW").Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&r)), 0); ok == 0 {
		return 0, 0
	}
	dpi := uintptr(96)
	if p := user32.NewProc("GetDpiForSystem"); p.Find() == nil {
		if d, _, _ := p.Call(); d > 0 {
			dpi = d
		}
	}
	scale := float32(dpi) / 96
	return float32(r.right-r.left) / scale, float32(r.bottom-r.top) / scale
}
