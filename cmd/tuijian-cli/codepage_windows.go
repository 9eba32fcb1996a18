//go:build windows

package main

import (
	"io"
	"os"
	"strings"

	"golang.org/x/sys/windows"
)

// textOut is f, or f in the code page when f is redirected on a Chinese Windows.
func textOut(f *os.File) io.Writer {
	if strings.EqualFold(os.Getenv("TUIJIAN_OUTPUT"), "utf8") {
		return f
	}
	var mode uint32
	if windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil {
		return f // a console: Go writes UTF-16, every character shows
	}
	cp, err := windows.GetConsoleOutputCP()
	if err != nil || cp == 0 {
		cp = windows.GetACP()
	}
	if cp == 936 || cp == 54936 {
		return newCodePageWriter(f)
	}
	return f
}
