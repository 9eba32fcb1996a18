//go:build linux

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// withoutEcho runs read with the terminal's echo off when f is a terminal; it
// reports whether echo was turned off.
func withoutEcho(f *os.File, read func() (string, error)) (string, bool, error) {
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		s, err := read()
		return s, false, err
	}
	t := *old
	t.Lflag &^= unix.ECHO
	t.Lflag |= unix.ICANON | unix.ISIG
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &t); err != nil {
		s, err := read()
		return s, false, err
	}
	defer unix.IoctlSetTermios(fd, unix.TCSETS, old)
	s, err := read()
	return s, true, err
}
