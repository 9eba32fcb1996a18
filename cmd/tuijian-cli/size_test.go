package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkBinarySize builds the CLI as released (stripped, -trimpath) for Linux and
// Windows and reports the sizes in MB (10⁶ bytes); issue 19's goal is 40 MB.
func BenchmarkBinarySize(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for _, goos := range []string{"linux", "windows"} {
			out := filepath.Join(b.TempDir(), "tuijian-cli")
			cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", out, ".")
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH=amd64", "GOFLAGS=")
			if res, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, res)
			}
			st, err := os.Stat(out)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(st.Size())/1e6, goos+"-MB")
		}
	}
}
