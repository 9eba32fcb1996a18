//go:build windows

package app

import (
	"os/exec"
	"syscall"
)

// openNative hands the plain path to explorer.exe, which opens a folder or a file
// with its program; explorer's exit status is 1 even on success, so it is not read.
func openNative(p string) error {
	cmd := exec.Command("explorer.exe", p)
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
	return cmd.Start()
}
