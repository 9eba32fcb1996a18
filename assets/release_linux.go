package assets

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// release gives the pages wholly inside b back to the system (MADV_DONTNEED). For the
// embedded bytes, a private mapping of the executable that is never written, the
// kernel reads them again from the file if they are touched again, so the data stays
// the same; only the resident memory shrinks.
func release(b []byte) {
	if p := pagesWithin(b, os.Getpagesize()); len(p) > 0 {
		_ = unix.Madvise(p, unix.MADV_DONTNEED)
	}
}

// pagesWithin is the part of b made of whole pages of size pg.
func pagesWithin(b []byte, pg int) []byte {
	if len(b) == 0 {
		return nil
	}
	start := uintptr(unsafe.Pointer(&b[0]))
	first := (start + uintptr(pg) - 1) &^ uintptr(pg-1)
	end := (start + uintptr(len(b))) &^ uintptr(pg-1)
	if end <= first {
		return nil
	}
	return b[first-start : end-start]
}
