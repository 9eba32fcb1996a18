package app

import (
	"path/filepath"
	"testing"
	_ "unsafe" // go:linkname

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/fontscan"
)

//go:linkname fyneSystemFontMap fyne.io/fyne/v2/internal/painter.fm
var fyneSystemFontMap *fontscan.FontMap

// With the theme set, Fyne neither scans the system fonts nor keeps a font map of
// them, and text of every style still measures (systemfonts.go). If this fails after a
// Fyne upgrade, check that internal/painter still has loaded, fm and fontScanLock with
// the same meaning.
func TestSystemFontsNotScanned(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cacheDir)
	t.Setenv("HOME", cacheDir)
	newTestApp(t)
	for _, st := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}, {Symbol: true}, {Bold: true, Italic: true}} {
		if s := fyne.MeasureText("督查激励 㑇䶮 Tuijian", 13, st); s.Width <= 0 {
			t.Errorf("style %+v: text measured %v wide", st, s.Width)
		}
	}
	fyneFontScanLock.Lock()
	loaded, fm := fyneSystemFontsLoaded, fyneSystemFontMap
	fyneFontScanLock.Unlock()
	if !loaded || fm != nil {
		t.Errorf("Fyne's system font map: loaded %v, map %v; want marked loaded with no map", loaded, fm != nil)
	}
	if idx, _ := filepath.Glob(filepath.Join(cacheDir, "*", "font_index*")); len(idx) > 0 {
		t.Errorf("Fyne wrote a system font index: %v", idx)
	}
	if idx, _ := filepath.Glob(filepath.Join(cacheDir, "font_index*")); len(idx) > 0 {
		t.Errorf("Fyne wrote a system font index: %v", idx)
	}
}

// With the theme set, Fyne's emoji face is the blank font (emoji.go): 1 KB to parse per
// text style instead of 4.2 MB, and text still measures.
func TestEmojiFaceDropped(t *testing.T) {
	newTestApp(t)
	if n := len(theme.DefaultEmojiFont().Content()); n > 4096 {
		t.Fatalf("Fyne's emoji face is %d bytes: not replaced", n)
	}
	if s := fyne.MeasureText("推荐理由😀", 13, fyne.TextStyle{}); s.Width <= 0 {
		t.Errorf("text with an emoji measured %v wide", s.Width)
	}
}
