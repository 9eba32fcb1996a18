//go:build !windows

package main

// workArea is unknown here (0, 0): the window manager places and fits the window.
func workArea() (w, h float32) { return 0, 0 }
