//go:build linux && cgo && !ci

package main

/*
#include <malloc.h>
*/
import "C"

// releaseCHeap gives the C heap's free pages back to the system (glibc's malloc_trim):
// Fyne's images and Mesa's buffers freed after building screens otherwise stay
// resident (3 MB after every screen of the demo, issue 19).
func releaseCHeap() { C.malloc_trim(0) }
