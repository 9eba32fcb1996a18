package app

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	_ "unsafe" // go:linkname

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"

	"tuijian/assets"
)

// Fyne (2.7) adds to every text style, as its last fallback face, the system font for
// the user's language: at the first text drawn it scans every system font folder,
// rewrites an index in the user's cache folder and parses that font whole. On a Chinese
// Windows that is Microsoft YaHei or SimSun, tens of MB of TrueType parsed twice (regular
// and bold); here, DejaVu Sans. The scan is skipped: Fyne's painter is told the system
// fonts are loaded (its variables loaded and fm, under its fontScanLock), and its font
// map holds one face instead, the rare part of the embedded face.
//
// The theme's faces are the UI subset (assets.SansRegularUI: GB 2312, every division
// name, the program's strings). A character outside it, such as 㑇 in a name the officer
// typed, is looked up by Fyne in that font map, which has nothing until then: the map's
// logger is told that no font matched, and at that moment the rare part
// (assets.SansRegularRare) is unpacked, parsed and added, once, and the lookup finds it
// (about 50 ms, the first time a rare character is drawn). The start thus unpacks and
// keeps a quarter of the face (issue 19: 10 MB less memory). A character in neither part
// (an emoji) shows as a box; the PDFs have their own fallback (data/pdfdoc).
//
// These names are Fyne and go-text internals: if an upgrade renames them, linking fails,
// and TestSystemFontsNotScanned and TestRareFaceLoadedOnDemand say what to check.

//go:linkname fyneFontScanLock fyne.io/fyne/v2/internal/painter.fontScanLock
var fyneFontScanLock sync.Mutex

//go:linkname fyneSystemFontsLoaded fyne.io/fyne/v2/internal/painter.loaded
var fyneSystemFontsLoaded bool

//go:linkname fyneSystemFontMap fyne.io/fyne/v2/internal/painter.fm
var fyneSystemFontMap *fontscan.FontMap

// skipSystemFonts marks Fyne's system font scan as done, its font map being the rare
// part of the embedded face, added when first needed.
func skipSystemFonts() {
	fyneFontScanLock.Lock()
	defer fyneFontScanLock.Unlock()
	if fyneSystemFontsLoaded {
		return
	}
	l := &rareFallback{}
	fm := fontscan.NewFontMap(l)
	l.fm = fm
	fm.SetRuneCacheSize(256)
	fyneSystemFontMap = fm
	fyneSystemFontsLoaded = true
}

// rareLoaded is set once the rare part of the face has been parsed.
var rareLoaded atomic.Bool

// rareFallback is the logger of Fyne's font map. fontscan logs "No font matched" when a
// rune has no face, then looks again among the faces added since: adding the rare part
// there makes that second look find it. fontscan holds Fyne's fontScanLock meanwhile.
type rareFallback struct{ fm *fontscan.FontMap }

func (l *rareFallback) Printf(format string, _ ...interface{}) {
	if rareLoaded.Load() || !strings.HasPrefix(format, "No font matched") {
		return
	}
	face, err := font.ParseTTF(bytes.NewReader(assets.SansRegularRare()))
	if err != nil {
		panic("app: embedded rare face damaged: " + err.Error()) // a build defect
	}
	rareLoaded.Store(true)
	l.fm.AddFace(face, fontscan.Location{File: "embedded:NotoSansSC-Regular-Rare.otf"},
		font.Description{Family: "Noto Sans SC", Aspect: font.Aspect{Style: font.StyleNormal, Weight: font.WeightNormal, Stretch: font.StretchNormal}})
}
