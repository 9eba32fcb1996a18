package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"tuijian/app"
)

// BenchmarkStartVsBare compares tuijian with a bare Fyne window holding one label
// (internal/bare), both built with cgo and run on the real display:
//
//   - start: wall time from exec to the first painted frame (the process prints
//     first_frame_ms when its probe raster is drawn), median of b.N runs;
//   - memory: VmRSS after tuijian opened every screen of the demo (bare: after its
//     first frame), median of b.N runs.
//
// Run under X (or Xvfb) with, e.g.
//
//	DISPLAY=:99 go test ./cmd/tuijian -run '^$' -bench StartVsBare -benchtime 7x
//
// It is skipped without $DISPLAY. Targets: start within 1.5×, memory within 2×.
func BenchmarkStartVsBare(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("needs $DISPLAY (X server or Xvfb)")
	}
	dir := b.TempDir()
	tuijian := filepath.Join(dir, "tuijian")
	bare := filepath.Join(dir, "bare")
	for bin, pkg := range map[string]string{tuijian: ".", bare: "./internal/bare"} {
		cmd := exec.Command("go", "build", "-o", bin, pkg)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=1", "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Skipf("cannot build %s with cgo: %v\n%s", pkg, err, out)
		}
	}
	db := filepath.Join(dir, "demo.db")
	st, err := app.OpenStore(db, true)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	// warm the page cache
	run(b, tuijian, "--db", db, "--demo", "--measure-startup")
	run(b, bare, "--measure-startup")

	var ts, bs []float64
	var tm, bm []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := run(b, tuijian, "--db", db, "--demo", "--measure-startup")
		r := run(b, bare, "--measure-startup")
		ts, tm = append(ts, t.start), append(tm, t.rssMB)
		bs, bm = append(bs, r.start), append(bm, r.rssMB)
	}
	b.StopTimer()
	st1, sb, m1, mb := median(ts), median(bs), median(tm), median(bm)
	b.ReportMetric(st1, "tuijian-start-ms")
	b.ReportMetric(sb, "bare-start-ms")
	b.ReportMetric(st1/sb, "start-ratio")
	b.ReportMetric(m1, "tuijian-rss-MB")
	b.ReportMetric(mb, "bare-rss-MB")
	b.ReportMetric(m1/mb, "rss-ratio")
}

type measured struct {
	start float64 // ms from exec to the first frame
	rssMB float64
}

func run(b *testing.B, bin string, args ...string) measured {
	b.Helper()
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var m measured
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "first_frame_ms="):
			m.start = float64(time.Since(t0).Microseconds()) / 1000
		case strings.HasPrefix(line, "rss_kb="):
			var kb int
			fmt.Sscanf(line, "rss_kb=%d", &kb)
			m.rssMB = float64(kb) / 1024
		}
	}
	if err := cmd.Wait(); err != nil {
		b.Fatalf("%s: %v", bin, err)
	}
	if m.start == 0 || m.rssMB == 0 {
		b.Fatalf("%s printed no measurement", bin)
	}
	return m
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
