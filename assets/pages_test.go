package assets

import (
	"testing"
	"unsafe"
)

func TestPagesWithin(t *testing.T) {
	const pg = 4096
	buf := make([]byte, 5*pg)
	base := int(uintptr(unsafe.Pointer(&buf[0])) % pg)
	skip := (pg - base) % pg // offset of the first page boundary in buf
	for _, c := range []struct {
		name       string
		from, to   int // slice of buf, from the first boundary
		wantPages  int
		wantOffset int // from the start of the slice
	}{
		{"aligned, three pages", 0, 3 * pg, 3, 0},
		{"starts mid-page", 10, 3 * pg, 2, pg - 10},
		{"ends mid-page", 0, 3*pg - 1, 2, 0},
		{"within one page", 10, pg - 10, 0, 0},
		{"empty", 0, 0, 0, 0},
	} {
		b := buf[skip+c.from : skip+c.to]
		p := pagesWithin(b, pg)
		if len(p) != c.wantPages*pg {
			t.Errorf("%s: %d bytes, want %d pages", c.name, len(p), c.wantPages)
			continue
		}
		if len(p) > 0 && (uintptr(unsafe.Pointer(&p[0]))%pg != 0 || int(uintptr(unsafe.Pointer(&p[0]))-uintptr(unsafe.Pointer(&b[0]))) != c.wantOffset) {
			t.Errorf("%s: not the whole pages of the slice", c.name)
		}
	}
}
