// Command tuijian is the desktop app of 督查激励推荐助手.
//
// Usage:
//
//	tuijian [--db FILE] [--demo]
//
// Without flags it opens the database in the user's configuration directory
// (store.DefaultPath); --db picks another file; --demo opens the demo database
// (store.DemoPath, created with the demo province when new).
//
// Hidden flags, for screenshots and benchmarks:
//
//	--screen STEP       open that step at start (setup, candidates, figures, events,
//	                    criteria, compare, approvals, application, export, history)
//	--measure-startup   print phase_*_ms (the start's steps) and first_frame_ms (Go
//	                    start to first painted frame), then open every screen and
//	                    print rss_kb/peak_kb, and quit; with $TUIJIAN_HEAPPROFILE
//	                    set, write a heap profile there
//	--measure-export DIR  with the event loop probed, create a key, export the package
//	                    and its image into DIR through the GUI, print loop_max_ms, quit
package main

import (
	"context"
	_ "env.tuijian.local/clocale" // first: see its package comment
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"

	"tuijian/app"
	"tuijian/cmd/tuijian/internal/measure"
	"tuijian/data/keyring"
	"tuijian/data/lowpriority"
	"tuijian/data/oplog"
	"tuijian/data/store"
	"tuijian/forms"
)

// version is set by the release build (cmd/tuijian-dist: -X main.version=…).
var version = "开发版"

func main() {
	fs := flag.NewFlagSet("tuijian", flag.ContinueOnError)
	db := fs.String("db", "", "数据文件（默认在用户配置目录中）")
	demoFlag := fs.Bool("demo", false, "打开演示数据（单独的数据文件）")
	screen := fs.String("screen", "", "")
	measureStartup := fs.Bool("measure-startup", false, "")
	measureExport := fs.String("measure-export", "", "")
	intakeMode := fs.Bool("intake", false, "部里汇总：接收各省报送包")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "督查激励推荐助手 "+version+"\n用法：tuijian [--db 数据文件] [--demo]")
		fmt.Fprintln(os.Stderr, "  --db 数据文件   打开指定的数据文件（默认在用户配置目录中）")
		fmt.Fprintln(os.Stderr, "  --demo          打开演示数据（单独的数据文件，数字均为虚构）")
		fmt.Fprintln(os.Stderr, "  --intake        部里汇总：核验各省报送包，生成全国汇总表")
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *screen != "" && !validStep(forms.Step(*screen)) {
		fmt.Fprintf(os.Stderr, "未知的步骤“%s”：可用 %v\n", *screen, forms.Steps)
		os.Exit(2)
	}

	phase := func(name string) {
		if *measureStartup {
			fmt.Printf("phase_%s_ms=%.1f\n", name, measure.Since())
		}
	}
	phase("main")
	if err := checkOpenGL(); err != nil {
		if p, perr := storePath(*db, *demoFlag); perr == nil {
			oplog.ForStore(p).Record("启动：OpenGL 检查", err)
		}
		fmt.Fprintln(os.Stderr, err)
		showFatal("督查激励推荐助手", openGLHelp(err))
		os.Exit(1)
	}
	// No garbage collection while the CJK fonts (tens of MB of glyph data) are parsed
	// and the first screen is built: the heap only grows then, and collecting it
	// repeatedly on a two-core office PC delays the first frame. Collection resumes
	// once the shell is in the window.
	gcPercent := debug.SetGCPercent(-1)
	app.UseChinese()
	a := fyneapp.NewWithID("app.tuijian.desktop")
	a.Settings().SetTheme(app.NewTheme())
	a.SetIcon(app.AppIcon)
	w := a.NewWindow(app.Title)
	w.SetIcon(app.AppIcon)
	size := windowSize(workArea())
	w.Resize(size)

	phase("app")
	if *intakeMode { // the ministry's clerk: no data file
		debug.SetGCPercent(gcPercent)
		w.SetContent(app.IntakeContent(w, time.Now, nil))
		w.SetMaster()
		go fyne.Do(func() { maximise(w) })
		w.ShowAndRun()
		return
	}
	// The window and its OpenGL context come up on the main thread (w.Show) while one
	// background thread of lowered priority parses the fonts, opens the store and builds
	// and lays out the shell (app.PrepareShell): on two cores that leaves the other core
	// to the window's thread, the X server and the GL driver (issue 19: one such thread
	// at lowered priority drew the first frame 5–8 ms sooner than three at normal
	// priority). The window's first frame then shows the shell. Fyne's loop (a.Run)
	// starts only once the shell is in the window (starter). If the store takes longer
	// than startWait to open (a slow network drive), the loop starts with the window
	// empty and the shell is built on the UI goroutine once the store is open.
	opts := app.Options{Start: forms.Step(*screen), ReleaseMemory: releaseCHeap}
	start := newStarter()
	lowpriority.Go(func() {
		app.PreloadFonts()
		st, err := openStore(*db, *demoFlag)
		phase("fonts_store")
		start.deliver(st, err, func(st *store.Store) *app.Shell {
			defer phase("shell")
			return app.PrepareShell(st, opts, size)
		})
	})
	var sh *app.Shell
	retry := func() {
		go func() { start.retry(openStore(*db, *demoFlag)) }()
	}
	// The window's content from the start is this stack, and the shell prepared while the
	// window was created joins it: SetContent would lay the shell out twice more on the
	// main thread (at its minimum size, then at the window's), where Add keeps the layout
	// made at the window's size.
	root := container.NewStack()
	w.SetContent(root)
	// apply puts what the start delivered into the window, on the UI goroutine; prepared
	// says the shell was built and laid out while the window was created, before Fyne's
	// loop runs, so it joins root as it is.
	apply := func(o opened, prepared bool) {
		debug.SetGCPercent(gcPercent)
		if o.err != nil {
			fmt.Fprintln(os.Stderr, o.err)
			w.SetContent(app.ErrorContent(o.err, retry, a.Quit))
			return
		}
		if o.sh == nil {
			o.sh = app.PrepareShell(o.st, opts, fyne.Size{})
		}
		sh = o.sh
		sh.Attach(w)
		var content fyne.CanvasObject = sh.Content()
		if *measureStartup {
			content = container.NewStack(content, measure.FrameProbe(func() {
				fmt.Printf("first_frame_ms=%.1f\n", measure.Since())
				visitAll(sh, func() {
					rss, peak := measure.RSS()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					fmt.Printf("rss_kb=%d peak_kb=%d go_heap_kb=%d go_sys_kb=%d\n", rss, peak, ms.HeapAlloc>>10, ms.Sys>>10)
					if hp := os.Getenv("TUIJIAN_HEAPPROFILE"); hp != "" {
						f, _ := os.Create(hp)
						pprof.WriteHeapProfile(f)
						f.Close()
					}
					a.Quit()
				})
			}))
		}
		if *measureExport != "" {
			content = container.NewStack(content, measure.FrameProbe(func() { exportWhileProbing(a, sh, *measureExport) }))
		}
		if prepared {
			root.Add(content)
			return
		}
		w.SetContent(content)
	}
	w.SetMaster()
	w.SetCloseIntercept(func() { // commits the field being typed in
		if sh != nil {
			sh.CloseWindow()
			return
		}
		w.Close()
	})
	w.SetOnClosed(func() {
		if sh != nil {
			sh.Store().Close()
		}
	})
	w.Show()
	phase("shown")
	if o, ok := start.first(startWait); ok {
		phase("first")
		apply(o, o.err == nil && o.sh != nil)
		phase("applied")
		// Show on a shown window draws it at once; Fyne's loop would first wait for its
		// first tick (17 ms), then draw the same frame again as the canvas is still
		// marked dirty (by SetContent), unless that mark is cleared after this frame
		// (Fyne's canvas exports the method on its internal type; without it the frame
		// is only drawn twice).
		w.Show()
		if c, ok := w.Canvas().(interface{ CheckDirtyAndClear() bool }); ok {
			c.CheckDirtyAndClear()
		}
		phase("painted")
	}
	if !*measureStartup {
		maximise(w) // the start size (windowSize) is what 还原 gives
	}
	go func() { // a late start, and every retry after an error
		for o := range start.next() {
			fyne.Do(func() { apply(o, false) })
		}
	}()
	a.Run()
}

// startWait is how long the main thread waits, after creating the window, for the store
// to open and the shell to be built before it starts the event loop with the window
// empty: long enough for a local disk, short enough that the window does not look hung.
const startWait = 3 * time.Second

// visitAll shows every step in turn, leaving each a moment to render, then calls done.
func visitAll(sh *app.Shell, done func()) {
	i := 0
	var next func()
	next = func() {
		if i == len(forms.Steps) {
			// past the shell's release of build garbage (one second after the last screen)
			time.AfterFunc(1500*time.Millisecond, func() { fyne.Do(done) })
			return
		}
		sh.Show(forms.Steps[i], "")
		i++
		time.AfterFunc(150*time.Millisecond, func() { fyne.Do(next) })
	}
	next()
}

// exportWhileProbing is --measure-export DIR: with the event loop probed every 10 ms, it
// creates a signing key for the open data file, then unlocks it and exports the package
// with its disc image into DIR through the GUI's own path (progress dialogs, result
// dialog), prints loop_max_ms, loop_p99_ms, probes and export_ms, and quits.
func exportWhileProbing(a fyne.App, sh *app.Shell, dir string) {
	const pass = "measure-export-口令-2022"
	probe := measure.StartLoopProbe(10 * time.Millisecond)
	t0 := time.Now()
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lowpriority.Go(func() { // as the GUI's keyCreate runs it (app's inBackground)
		if _, err := keyring.CreateKey(context.Background(), sh.Store(), pass, true, nil); err != nil {
			fail(err)
		}
		fyne.Do(func() {
			sh.UnlockAndExport(pass, filepath.Join(dir, "报送包"), filepath.Join(dir, "报送包.iso"), func(err error) {
				if err != nil {
					fail(err)
				}
				took := time.Since(t0)
				go func() { // Stop waits for the probe's last post to the UI goroutine
					longest, p99, n := probe.Stop()
					fmt.Printf("loop_max_ms=%.1f loop_p99_ms=%.1f probes=%d export_ms=%d\n",
						float64(longest.Microseconds())/1000, float64(p99.Microseconds())/1000, n, took.Milliseconds())
					fyne.Do(a.Quit)
				}()
			})
		})
	})
}

func validStep(s forms.Step) bool {
	for _, x := range forms.Steps {
		if x == s {
			return true
		}
	}
	return false
}

func openStore(db string, demoData bool) (*store.Store, error) {
	path, err := storePath(db, demoData)
	if err != nil {
		return nil, err
	}
	return app.OpenStore(path, demoData)
}

// storePath is the data file the flags select.
func storePath(db string, demoData bool) (string, error) {
	switch {
	case db != "":
		return db, nil
	case demoData:
		return store.DemoPath()
	}
	return store.DefaultPath()
}
