package assets

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// release takes the pages wholly inside b out of the process's working set: VirtualUnlock
// on pages that are not locked does exactly that (its documentation says so). They are
// read again from the executable if touched again.
func release(b []byte) {
	if len(b) == 0 {
		return
	}
	pg := uintptr(os.Getpagesize())
	start := uintptr(unsafe.Pointer(&b[0]))
	first := (start + pg - 1) &^ (pg - 1)
	end := (start + uintptr(len(b))) &^ (pg - 1)
	if end > first {
		_ = windows.VirtualUnlock(first, end-first)
	}
}
