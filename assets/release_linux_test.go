package assets

import (
	"crypto/sha256"
	"os"
	"testing"
	"unsafe"
)

// After an unpack the compressed font's pages are no longer resident, and reading it
// again gives the same bytes (the kernel reads them from the executable).
func TestUnpackReleasesCompressedPages(t *testing.T) {
	before := sha256.Sum256(sansBoldUI) // touches every page
	if n := residentPages(t, sansBoldUI); n == 0 {
		t.Fatal("no page resident after reading: pagemap not readable here")
	}
	var p Packed
	if len(p.Bytes(sansBoldUI)) == 0 {
		t.Fatal("nothing unpacked")
	}
	if n := residentPages(t, sansBoldUI); n > 0 {
		t.Errorf("%d pages of the compressed font still resident after the unpack", n)
	}
	if after := sha256.Sum256(sansBoldUI); after != before {
		t.Fatal("the compressed bytes changed after their pages were released")
	}
}

// residentPages counts the whole pages of b present in memory (/proc/self/pagemap).
func residentPages(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	pg := os.Getpagesize()
	p := pagesWithin(b, pg)
	n, entry := 0, make([]byte, 8)
	for off := 0; off < len(p); off += pg {
		addr := uintptr(unsafe.Pointer(&p[off]))
		if _, err := f.ReadAt(entry, int64(addr/uintptr(pg))*8); err != nil {
			t.Skip(err)
		}
		if entry[7]&0x80 != 0 { // bit 63: page present
			n++
		}
	}
	return n
}
