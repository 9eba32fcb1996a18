package assets

import "unsafe"

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
