package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestCrossCompileWindows proves the desktop app builds for windows/amd64 with
// mingw-w64 (issue: CI cross-compiles it). The first build takes minutes.
func TestCrossCompileWindows(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	cc, err := exec.LookPath("x86_64-w64-mingw32-gcc")
	if err != nil {
		t.Skip("mingw-w64 not installed (apt-get install gcc-mingw-w64-x86-64)")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out := filepath.Join(t.TempDir(), "tuijian.exe")
	cmd := exec.Command(goBin, "build", "-ldflags", "-H=windowsgui -s -w", "-o", out, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1", "GOOS=windows", "GOARCH=amd64", "CC="+cc)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("windows build failed: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || string(b[:2]) != "MZ" {
		t.Fatal("the output is not a Windows executable")
	}
}
