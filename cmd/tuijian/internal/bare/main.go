// Command bare is the reference for the benchmarks of cmd/tuijian: a bare Fyne window
// with one label. With --measure-startup it prints, like tuijian, the time to the first
// frame and the resident memory, then quits.
package main

import (
	"flag"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuijian/cmd/tuijian/internal/measure"
)

func main() {
	m := flag.Bool("measure-startup", false, "print first_frame_ms and rss_kb, then quit")
	flag.Parse()
	a := fyneapp.NewWithID("app.tuijian.desktop.bare")
	w := a.NewWindow("督查激励 bare")
	var content fyne.CanvasObject = widget.NewLabel("Hello")
	if *m {
		content = container.NewStack(content, measure.FrameProbe(func() {
			fmt.Printf("first_frame_ms=%.1f\n", measure.Since())
			time.AfterFunc(500*time.Millisecond, func() {
				fyne.Do(func() {
					rss, peak := measure.RSS()
					fmt.Printf("rss_kb=%d peak_kb=%d\n", rss, peak)
					a.Quit()
				})
			})
		}))
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1366, 768))
	w.ShowAndRun()
}
