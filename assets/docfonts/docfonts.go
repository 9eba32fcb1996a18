// Package docfonts embeds the serif fonts used as the fallback for 仿宋, 楷体 and 小标宋
// in generated documents when the machine has no such system font, and for charts:
// Noto Serif SC Regular, every glyph, and Noto Serif SC Bold cut down like the GUI's
// bold face (SIL Open Font License 1.1, OFL.txt; from the npm package
// @expo-google-fonts/noto-serif-sc 0.4.3, layout features stripped), both TrueType, as
// the PDF writer needs, zstd-compressed (assets/fonts/README.md). The regular face is the
// last fallback of every document face, so no character of a name prints as a blank.
// It is a package of its own so that only the binaries that write documents link it.
package docfonts

import (
	_ "embed"
	"os"
	"path/filepath"

	"tuijian/assets"
)

//go:embed NotoSerifSC-Regular.ttf.zst
var serifRegular []byte

//go:embed NotoSerifSC-Bold-UI.ttf.zst
var serifBoldUI []byte

// SerifRegular returns Noto Serif SC Regular (TrueType, every glyph).
func SerifRegular() []byte { return serifRegularOnce.Bytes(serifRegular) }

// SerifBoldUI returns Noto Serif SC Bold cut down to the characters of assets.SansBoldUI
// (TrueType): 小标宋 sets titles, whose texts are the program's and the division names.
func SerifBoldUI() []byte { return serifBoldUIOnce.Bytes(serifBoldUI) }

var serifRegularOnce, serifBoldUIOnce assets.Packed

// WriteFiles unpacks both faces as TrueType files into dir, for tools that read fonts
// from a folder (LibreOffice through fontconfig in the tests that render our DOCX).
func WriteFiles(dir string) error {
	for name, b := range map[string][]byte{
		"NotoSerifSC-Regular.ttf": SerifRegular(),
		"NotoSerifSC-Bold-UI.ttf": SerifBoldUI(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
