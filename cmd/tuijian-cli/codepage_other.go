//go:build !windows

package main

import (
	"io"
	"os"
)

// textOut is f: outside Windows terminals and files are UTF-8.
func textOut(f *os.File) io.Writer { return f }
