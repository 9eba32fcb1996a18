package assets

import (
	"os"

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
