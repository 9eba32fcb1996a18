//go:build !windows

package main

// checkOpenGL is Windows' only: elsewhere GLFW's own error names the X server or
// driver, printed on the terminal the program was started from.
func checkOpenGL() error { return nil }

func showFatal(title, text string) {}
