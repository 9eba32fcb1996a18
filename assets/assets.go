// Package assets holds what the GUI embeds: the UI fonts and the app icon, and the
// unpacking of embedded fonts that assets/docfonts shares.
//
// The fonts are Noto Sans SC (SIL Open Font License 1.1, fonts/OFL.txt) from the npm
// package @expo-google-fonts/noto-sans-sc 0.4.3 with their OpenType layout features
// removed, which makes Fyne's text shaping about 15× faster. They are stored
// zstd-compressed (fonts/README.md; built by fonts/build.py) and unpacked once, on first
// use, so the binaries stay small enough to mail and nothing is unpacked that a run does
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
	"sync"

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

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte

// Packed unpacks one embedded zstd-compressed file once, on its first use. The
// compressed bytes are referenced only from the function that unpacks them, so a binary
// that never calls it does not carry them.
type Packed struct {
	once sync.Once
	data []byte
}

// Bytes decompresses compressed on the first call and returns the same bytes to every
// caller. The data is embedded in the binary, so a failure is a build defect and panics.
func (p *Packed) Bytes(compressed []byte) []byte {
	p.once.Do(func() {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<26))
		if err != nil {
			panic("assets: " + err.Error())
		}
		defer d.Close()
		if p.data, err = d.DecodeAll(compressed, nil); err != nil {
			panic("assets: embedded font damaged: " + err.Error())
		}
	})
	return p.data
}
