//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// withoutEcho runs read with the console's echo off when f is a console; it
// reports whether echo was turned off.
func withoutEcho(f *os.File, read func() (string, error)) (string, bool, error) {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		s, err := read()
		return s, false, err
	}
	if err := windows.SetConsoleMode(h, (mode&^windows.ENABLE_ECHO_INPUT)|windows.ENABLE_LINE_INPUT|windows.ENABLE_PROCESSED_INPUT); err != nil {
		s, err := read()
		return s, false, err
	}
	defer windows.SetConsoleMode(h, mode)
	s, err := read()
	return s, true, err
}
