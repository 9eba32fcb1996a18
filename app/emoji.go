//go:build !no_emoji

package app

import (
	"sync"
	_ "unsafe" // go:linkname

	"fyne.io/fyne/v2"

	"tuijian/assets"
)

// Fyne (2.7) parses its bundled colour-emoji face (4.2 MB) for every text style at the
// first text of that style: 14 MB of resident memory and 12 ms of start-up here (issue
// 19). The program does not show it: the documents cannot print an emoji either (their
// faces have none, pdfdoc sets a blank), so a box in the window says truthfully that the
// character will not print. Fyne's emoji resource is given a font with no glyph instead
// (assets.Blank); Fyne's own no_emoji build tag would do the same but must be passed to
// every build, and a build without it would quietly differ. With that tag this file is
// not compiled (the variable then has another type).

//go:linkname fyneEmojiFont fyne.io/fyne/v2/theme.emoji
var fyneEmojiFont *fyne.StaticResource

var dropEmojiOnce sync.Once

// dropEmojiFace replaces the content of Fyne's emoji face by assets.Blank. Call before
// any text is drawn.
func dropEmojiFace() {
	dropEmojiOnce.Do(func() {
		if fyneEmojiFont != nil {
			fyneEmojiFont.StaticName = "Blank.otf"
			fyneEmojiFont.StaticContent = assets.Blank
		}
	})
}
