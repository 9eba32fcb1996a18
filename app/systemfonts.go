package app

import (
	"sync"
	_ "unsafe" // go:linkname
)

// Fyne (2.7) adds to every text style, as its last fallback face, the system font for
// the user's language: at the first text drawn it scans every system font folder,
// rewrites an index in the user's cache folder and parses that font whole. On a Chinese
// Windows that is Microsoft YaHei or SimSun, tens of MB of TrueType parsed twice (regular
// and bold); here, DejaVu Sans. The theme's own face already has every character the
// program shows or an officer types (all of GB 18030's CJK block, Extension A and the
// rare name characters, assets' package comment; TestNoTofu), so that face is never
// used, and the scan is skipped: Fyne's painter is told the system fonts are loaded and
// there are none (its variables loaded and fm, under its fontScanLock). A character
// outside the embedded face shows as a box instead of falling back to a system font;
// the PDFs have their own fallback (data/pdfdoc).
//
// These names are Fyne internals: if a Fyne upgrade renames them, linking fails, and
// TestSystemFontsNotScanned says what to check.

//go:linkname fyneFontScanLock fyne.io/fyne/v2/internal/painter.fontScanLock
var fyneFontScanLock sync.Mutex

//go:linkname fyneSystemFontsLoaded fyne.io/fyne/v2/internal/painter.loaded
var fyneSystemFontsLoaded bool

// skipSystemFonts marks Fyne's system font scan as done with no fonts found.
func skipSystemFonts() {
	fyneFontScanLock.Lock()
	fyneSystemFontsLoaded = true
	fyneFontScanLock.Unlock()
}
