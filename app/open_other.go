//go:build !windows

package app

// openNative: outside Windows the desktop's opener takes a file URL (openPath).
func openNative(string) error { return errNoNativeOpen }
