package submission

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"tuijian/data/discimage"
)

// BenchmarkExportDemo exports both measures of the demo (documents, bag, signature,
// cover sheet, self-check), excluding key unlocking; with and without the image.
func BenchmarkExportDemo(b *testing.B) {
	c, secs := demoCaseAndSections(b)
	key := sharedKey(b)
	for _, withISO := range []bool{false, true} {
		b.Run(fmt.Sprintf("iso=%v", withISO), func(b *testing.B) {
			dir := b.TempDir()
			in := ExportInput{Case: c, Sections: secs, Key: key, Date: exportDay, Out: filepath.Join(dir, "pkg")}
			if withISO {
				in.ISO = filepath.Join(dir, "pkg.iso")
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Export(context.Background(), in, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkISOvsXorriso builds the disc image of the same folder with discimage and
// with `xorriso -as mkisofs -J -R`, side by side (alternating), and reports the
// ratio of the times (ours/xorriso; the requirement is ≤ 1.5). Two folders: the
// exported demo package, and that package plus 96 MiB of incompressible files in
// Chinese-named folders (throughput dominated).
func BenchmarkISOvsXorriso(b *testing.B) {
	xo, err := exec.LookPath("xorriso")
	if err != nil {
		b.Skip("xorriso 未安装")
	}
	dir := b.TempDir()
	pkg := filepath.Join(dir, "pkg")
	exportDemo(b, pkg, "")
	big := filepath.Join(dir, "big")
	copyTree(b, pkg, big)
	rng := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 8<<20)
	for i := range 12 {
		for j := range buf {
			buf[j] = byte(rng.Uint32())
		}
		p := filepath.Join(big, "data", fmt.Sprintf("附件%02d", i/4), fmt.Sprintf("扫描件%02d.pdf", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, buf, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, src := range []string{pkg, big} {
		b.Run(filepath.Base(src), func(b *testing.B) {
			out := filepath.Join(dir, "o.iso")
			var ours, theirs time.Duration
			for b.Loop() {
				t0 := time.Now()
				f, err := os.Create(out)
				if err != nil {
					b.Fatal(err)
				}
				if err := discimage.Write(f, src, discimage.Options{VolumeID: "TUIJIAN_370000_2021", JolietVolumeID: "山东省2021督查激励"}, nil); err != nil {
					b.Fatal(err)
				}
				f.Close()
				t1 := time.Now()
				cmd := exec.Command(xo, "-as", "mkisofs", "-J", "-R", "-quiet", "-o", out, src)
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("xorriso: %v\n%s", err, msg)
				}
				t2 := time.Now()
				ours += t1.Sub(t0)
				theirs += t2.Sub(t1)
			}
			b.ReportMetric(float64(ours.Microseconds())/float64(b.N)/1000, "ms-ours/op")
			b.ReportMetric(float64(theirs.Microseconds())/float64(b.N)/1000, "ms-xorriso/op")
			b.ReportMetric(float64(ours)/float64(theirs), "ours/xorriso")
		})
	}
}
