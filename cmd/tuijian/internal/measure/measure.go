// Package measure times the first frame of a Fyne window and reads the resident
// memory of the process, for the start-up and memory benchmarks of cmd/tuijian.
package measure

import (
	"bufio"
	"fmt"
	"image"
	"image/color"
	"os"
	"runtime/pprof"
	"slices"
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

// LoopProbe measures how long work posted to the UI goroutine waits before it runs:
// every interval it posts an empty function with fyne.Do and times its start. A wait
// longer than a frame is a freeze the officer sees. With $TUIJIAN_LOOPLOG set, each
// wait over 50 ms is printed to stderr, and every goroutine's stack when one passes 300 ms.
type LoopProbe struct {
	stop  chan struct{}
	done  chan struct{}
	waits []time.Duration
}

// StartLoopProbe starts probing every interval until Stop.
func StartLoopProbe(interval time.Duration) *LoopProbe {
	p := &LoopProbe{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		for {
			select {
			case <-p.stop:
				return
			case <-time.After(interval):
			}
			ran := make(chan struct{})
			t0 := time.Now()
			fyne.Do(func() { close(ran) })
			if os.Getenv("TUIJIAN_LOOPLOG") != "" { // diagnosis: what runs during a long wait
				select {
				case <-ran:
				case <-time.After(300 * time.Millisecond):
					pprof.Lookup("goroutine").WriteTo(os.Stderr, 2)
				}
			}
			<-ran
			d := time.Since(t0)
			p.waits = append(p.waits, d)
			if d > 50*time.Millisecond && os.Getenv("TUIJIAN_LOOPLOG") != "" {
				fmt.Fprintf(os.Stderr, "loop_wait_ms=%d at_ms=%d\n", d.Milliseconds(), t0.Sub(Start).Milliseconds())
			}
		}
	}()
	return p
}

// Stop ends the probe and returns the longest wait, the 99th percentile and the number
// of probes.
func (p *LoopProbe) Stop() (longest, p99 time.Duration, n int) {
	close(p.stop)
	<-p.done
	w := append([]time.Duration(nil), p.waits...)
	if len(w) == 0 {
		return 0, 0, 0
	}
	slices.Sort(w)
	return w[len(w)-1], w[len(w)*99/100], len(w)
}
