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
// Extension A, and the rarer characters of place and personal names such as 㑇 and 䶮);
// it has CFF outlines, which Fyne's text engine reads when a glyph is drawn, where
// TrueType outlines are all parsed at load (0.1 s and 23 MB for this font). The bold face
// is cut down to the characters bold text of the GUI shows (fonts/README.md) and stays
// TrueType, because the PDF writer uses it for 黑体.
package assets

import (
	_ "embed"
	"fmt"
	"sync"
	"unsafe"
	"weak"

	"github.com/klauspost/compress/zstd"
)

//go:embed fonts/NotoSansSC-Regular.otf.zst
var sansRegular []byte

//go:embed fonts/NotoSansSC-Bold-UI.ttf.zst
var sansBoldUI []byte

// SansRegular returns Noto Sans SC Regular, every glyph, CFF outlines (OpenType).
func SansRegular() []byte { return sansRegularOnce.Bytes(sansRegular) }

// SansBoldUI returns Noto Sans SC Bold cut down to GB 2312, the symbol rows, every
// division name and the program's own strings (TrueType): text the officer types is
// never bold in the GUI (app's TestNoTofu checks it), and the PDF writer falls back to a
// full face for any character it lacks.
func SansBoldUI() []byte { return sansBoldUIOnce.Bytes(sansBoldUI) }

var sansRegularOnce, sansBoldUIOnce Packed

// Blank is a font with no glyph but the space (1 KB, cut from Noto Sans SC Bold by
// fonts/build.py): app gives it to Fyne in place of its colour-emoji face.
//
//go:embed fonts/Blank.otf
var Blank []byte

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
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
