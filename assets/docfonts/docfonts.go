// Package docfonts embeds the serif fonts used as the fallback for 仿宋 and 小标宋 in
// generated documents when the machine has no such system font: Noto Serif SC Regular
// and Bold (SIL Open Font License 1.1, OFL.txt), from the npm package
// @expo-google-fonts/noto-serif-sc 0.4.3, layout features stripped. It is a package of
// its own so that the desktop binary links these 29 MB only where documents are written.
package docfonts

import _ "embed"

// SerifRegular is Noto Serif SC Regular (TTF).
//
//go:embed NotoSerifSC-Regular.ttf
var SerifRegular []byte

// SerifBold is Noto Serif SC Bold (TTF).
//
//go:embed NotoSerifSC-Bold.ttf
var SerifBold []byte
