// Package assets holds what the GUI and the charts embed: the UI font and the app icon.
//
// The font is Noto Sans SC (SIL Open Font License 1.1, fonts/OFL.txt) from the npm
// package @expo-google-fonts/noto-sans-sc 0.4.3, with its OpenType layout features
// removed (fontTools subset, all code points, an empty --layout-features list), which makes Fyne's text
// shaping about 15× faster while keeping every glyph, so rare characters of place names
// still render. It is TrueType, as Fyne's theme and gopdf need.
package assets

import _ "embed"

// SansRegular is Noto Sans SC Regular (TTF).
//
//go:embed fonts/NotoSansSC-Regular.ttf
var SansRegular []byte

// SansBold is Noto Sans SC Bold (TTF).
//
//go:embed fonts/NotoSansSC-Bold.ttf
var SansBold []byte

// SansBoldUI is Noto Sans SC Bold cut down to the characters the GUI's bold texts need
// (GB 2312, the division names, the program's own strings; fonts/README-bold-ui.md):
// Fyne parses a whole font per text style, and the full face costs ~0.1 s and ~40 MB at
// start. Text the officer types is regular and keeps the full font.
//
//go:embed fonts/NotoSansSC-Bold-UI.ttf
var SansBoldUI []byte

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte
