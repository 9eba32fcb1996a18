package discimage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// benchTree writes a ~20 MB folder shaped like a submission package: a few
// large scans and many small documents in Chinese-named folders.
func benchTree(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(7, 8))
	write := func(rel string, n int) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		buf := make([]byte, n)
		for i := range buf {
			buf[i] = byte(rng.UintN(256))
		}
		if err := os.WriteFile(p, buf, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 4 {
		write(fmt.Sprintf("data/工业稳增长/扫描件/附件%d（盖章扫描件）.pdf", i), 4<<20)
	}
	for m, measure := range []string{"工业稳增长", "技术改造", "中小企业发展", "制造业高质量发展"} {
		for i := range 40 {
			write(fmt.Sprintf("data/%s/城市%02d/推荐材料%03d.docx", measure, m, i), 24<<10)
		}
	}
	write("bagit.txt", 55)
	write("manifest-sha256.txt", 20<<10)
	return dir
}

func BenchmarkWrite(b *testing.B) {
	dir := benchTree(b)
	out := filepath.Join(b.TempDir(), "ours.iso")
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(f, dir, testOpt, nil); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	st, _ := os.Stat(out)
	b.SetBytes(st.Size())
}

// BenchmarkXorriso builds the same folder with the reference tool, to compare
// with BenchmarkWrite (go test -bench . -run '^$').
func BenchmarkXorriso(b *testing.B) {
	if _, err := exec.LookPath("xorriso"); err != nil {
		b.Skip("xorriso not installed")
	}
	dir := benchTree(b)
	out := filepath.Join(b.TempDir(), "xorriso.iso")
	b.ResetTimer()
	for b.Loop() {
		os.Remove(out)
		cmd := exec.Command("xorriso", "-as", "mkisofs", "-quiet", "-J", "-R", "-o", out, dir)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, msg)
		}
	}
	st, _ := os.Stat(out)
	b.SetBytes(st.Size())
}
