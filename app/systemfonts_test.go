package app

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// With the theme set, Fyne does not scan the system fonts, its font map is the program's
// (holding the rare part of the face), and text of every style still measures
// (systemfonts.go). If this fails after a Fyne upgrade, check that internal/painter
// still has loaded, fm and fontScanLock with the same meaning.
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
	if !loaded || fm == nil || !rareLoaded.Load() {
		t.Errorf("Fyne's system font map: loaded %v, map %v, rare face loaded %v; want the program's map, which found 㑇", loaded, fm != nil, rareLoaded.Load())
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

// The rare part of the face is parsed only when a character outside the UI subset is
// drawn, and then draws it: checked in a fresh process (the tests of this package share
// Fyne's font caches), which reports whether the rare face was loaded after common text
// of every style, and after 䶮 and 𬌗.
func TestRareFaceLoadedOnDemand(t *testing.T) {
	if os.Getenv("TUIJIAN_RARE_FACE_CHILD") == "1" {
		rareFaceChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRareFaceLoadedOnDemand$", "-test.v")
	cmd.Env = append(os.Environ(), "TUIJIAN_RARE_FACE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, want := range []string{"after common text: rare face loaded false", "after 䶮𬌗: rare face loaded true"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("child did not report %q:\n%s", want, out)
		}
	}
}

func rareFaceChild(t *testing.T) {
	newTestApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	render := func(s string, st fyne.TextStyle) image.Image {
		tx := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
		tx.TextStyle = st
		tx.TextSize = 40
		w.SetContent(tx)
		w.Resize(fyne.NewSize(120, 70))
		return w.Canvas().Capture()
	}
	for _, st := range []fyne.TextStyle{{}, {Bold: true}, {Monospace: true}, {Italic: true}} {
		render("督查激励 工业稳增长 Tuijian 2021", st)
	}
	fmt.Printf("after common text: rare face loaded %v\n", rareLoaded.Load())
	box := render(noFace, fyne.TextStyle{})
	for _, st := range []fyne.TextStyle{{}, {Bold: true}} {
		for _, r := range []string{"䶮", "𬌗"} {
			if sameImage(render(r, st), box) {
				t.Errorf("%s %s is drawn as the missing-glyph box", styleName(st), r)
			}
		}
	}
	fmt.Printf("after 䶮𬌗: rare face loaded %v\n", rareLoaded.Load())
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
