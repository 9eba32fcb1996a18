//go:build no_emoji

package app

// dropEmojiFace has nothing to do when Fyne is built without its emoji face.
func dropEmojiFace() {}
