// Package measure times the first frame of a Fyne window and reads the resident
// memory of the process, for the start-up and memory benchmarks of cmd/tuijian.
package measure

import (
	"bufio"
	"image"
	"image/color"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Start is when the process's Go code began to run (package initialisation).
var Start = time.Now()

// FrameProbe returns a 1×1 raster whose generator runs when the painter draws it, i.e.
// in the first frame that shows the window's content; fn is called once then, on the
// UI goroutine.
func FrameProbe(fn func()) fyne.CanvasObject {
	var once sync.Once
	r := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() { go fyne.Do(fn) })
		img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
		img.Set(0, 0, color.Transparent)
		return img
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	return r
}

// RSS returns VmRSS and VmHWM (peak) of this process in KiB from /proc/self/status;
// zero where the system has no procfs.
func RSS() (rss, peak int) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		for _, k := range []struct {
			name string
			dst  *int
		}{{"VmRSS:", &rss}, {"VmHWM:", &peak}} {
			if strings.HasPrefix(line, k.name) {
				fs := strings.Fields(line[len(k.name):])
				if len(fs) > 0 {
					*k.dst, _ = strconv.Atoi(fs[0])
				}
			}
		}
	}
	return rss, peak
}

// Since is the time since Start in milliseconds.
func Since() float64 { return float64(time.Since(Start).Microseconds()) / 1000 }
