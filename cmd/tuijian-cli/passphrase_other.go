//go:build !linux && !windows

package main

import "os"

// withoutEcho reads with echo (no portable way to turn it off here without cgo);
// set TUIJIAN_PASSPHRASE instead to keep the passphrase off the screen.
func withoutEcho(f *os.File, read func() (string, error)) (string, bool, error) {
	s, err := read()
	return s, false, err
}
