//go:build !linux || !cgo || ci

package main

// releaseCHeap does nothing where the C library is not glibc (Windows gives a freed
// heap block's pages back on its own) or there is no C heap.
func releaseCHeap() {}
