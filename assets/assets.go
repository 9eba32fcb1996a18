// Package assets holds what the GUI embeds: the UI fonts and the app icon, and the
// unpacking of embedded fonts that assets/docfonts shares.
//
// The fonts are Noto Sans SC (SIL Open Font License 1.1, fonts/OFL.txt) from the npm
// package @expo-google-fonts/noto-sans-sc 0.4.3 with their OpenType layout features
// removed, which makes Fyne's text shaping about 15× faster. They are stored
// zstd-compressed (fonts/README.md; built by fonts/build.py) and unpacked when used
// (Packed), so the binaries stay small enough to mail and nothing is unpacked that a run does
// not draw.
//
// The regular face keeps every glyph (30 890 characters: all of GB 18030's CJK block and
// Extension A, and the rarer characters of place and personal names such as 㑇 and 䶮),
// in two parts: the UI subset (GB 2312, i.e. GB 18030's level 1 and 2 hanzi, the symbol
// rows, every division name and the program's strings; 8 408 characters, 2.9 MB) that
// the GUI loads at start, and the rest (22 868 characters, 10 MB) that it loads only when
// a character outside the subset is first drawn (app/systemfonts.go): the start then
// unpacks and holds a quarter of the face. The GUI faces have CFF outlines, which Fyne's
// text engine reads when a glyph is drawn, where TrueType outlines are all parsed at load
// (0.1 s and 23 MB for the whole face). The bold faces are cut down to the characters
// bold text of the GUI shows (fonts/README.md); the bold face exists twice, CFF for the
// GUI and TrueType for the PDF writer's 黑体.
package assets

import (
	_ "embed"
	"fmt"
	"sync"
	"unsafe"
	"weak"

	"github.com/klauspost/compress/zstd"
)

//go:embed fonts/NotoSansSC-Regular-UI.otf.zst
var sansRegularUI []byte

//go:embed fonts/NotoSansSC-Regular-Rare.otf.zst
var sansRegularRare []byte

//go:embed fonts/NotoSansSC-Bold-UI.otf.zst
var sansBoldUICFF []byte

//go:embed fonts/NotoSansSC-Bold-UI.ttf.zst
var sansBoldUI []byte

// SansRegularUI returns Noto Sans SC Regular cut down to the UI subset (CFF outlines,
// OpenType): GB 2312, the symbol rows, every division name and the program's own strings.
func SansRegularUI() []byte { return sansRegularUIOnce.Bytes(sansRegularUI) }

// SansRegularRare returns the rest of Noto Sans SC Regular: every character it has that
// SansRegularUI lacks (CFF). Together the two are the whole face.
func SansRegularRare() []byte { return sansRegularRareOnce.Bytes(sansRegularRare) }

// SansBoldUICFF returns Noto Sans SC Bold cut down to the UI subset with CFF outlines,
// for the GUI's bold text.
func SansBoldUICFF() []byte { return sansBoldUICFFOnce.Bytes(sansBoldUICFF) }

// SansBoldUI returns Noto Sans SC Bold cut down to the UI subset (TrueType), for the
// documents' 黑体: the PDF writer embeds TrueType only, and falls back to a full face for
// any character it lacks.
func SansBoldUI() []byte { return sansBoldUIOnce.Bytes(sansBoldUI) }

var sansRegularUIOnce, sansRegularRareOnce, sansBoldUICFFOnce, sansBoldUIOnce Packed

// Blank is a font with no glyph but the space (1 KB, cut from Noto Sans SC Bold by
// fonts/build.py): app gives it to Fyne in place of its colour-emoji face.
//
//go:embed fonts/Blank.otf
var Blank []byte

// Icon is the application icon as the running program shows it (window title and task
// bar): icon.png, the 256×256 icon with 16 bits a channel that FyneApp.toml gives the
// packages, made 128×128 with 8 bits a channel (convert icon.png -filter Lanczos -resize
// 128x128 -depth 8 -strip PNG32:icon-128.png). The window decodes its icon on the main
// thread while it is created: the large one took 5–6 ms of the start there (issue 19),
// this one a tenth of that, and desktops show such icons at 16–64 pixels.
//
//go:embed icon-128.png
var Icon []byte

// Packed unpacks one embedded zstd-compressed file on demand and keeps the result only
// while someone uses it: every caller gets the same bytes as long as any caller still
// holds them (a weak reference), and once none does, the garbage collector may free them
// and the next call unpacks again. A 13 MB font is then not held twice after Fyne has
// copied its tables, nor a document font after the documents are written. The
// compressed bytes are referenced only from the function that unpacks them, so a binary
// that never calls it does not carry them.
type Packed struct {
	mu  sync.Mutex
	ptr weak.Pointer[byte] // the first byte of the unpacked data
	n   int
}

// Bytes returns the unpacked data of compressed. The data is embedded in the binary, so
// a failure is a build defect and panics. Callers must not change the bytes.
// compressed must be embedded data: its pages are given back after unpacking, which
// leaves an embedded file intact but zeroes a copy on the heap.
func (p *Packed) Bytes(compressed []byte) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b := p.ptr.Value(); b != nil {
		return unsafe.Slice(b, p.n)
	}
	d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<26))
	if err != nil {
		panic("assets: " + err.Error())
	}
	defer d.Close()
	data, err := d.DecodeAll(compressed, nil)
	if err != nil || len(data) == 0 {
		panic(fmt.Sprintf("assets: embedded font damaged: %v", err))
	}
	p.ptr, p.n = weak.Make(&data[0]), len(data)
	// The compressed bytes are read once per unpack; their pages need not stay resident
	// (issue 19: 15 MB of fonts and document fonts after every screen was opened).
	release(compressed)
	return data
}
