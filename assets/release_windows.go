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
	if p := pagesWithin(b, os.Getpagesize()); len(p) > 0 {
		_ = windows.VirtualUnlock(uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
	}
}
