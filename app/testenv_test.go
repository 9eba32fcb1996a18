package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/demo"
	"tuijian/data/store"
	"tuijian/forms"
)

// The one test harness of package app. testEnv is an Env over a temporary store
// (filled with the demo unless told otherwise) with a test window, independent of the
// shell; shellHarness runs the real Shell. Both use the app theme (embedded Noto Sans
// SC), so text is shaped fast and goldens do not depend on system fonts.

// testNow is the clock of every test: the day of export and the store's audit time.
var testNow = time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC)

// newTestApp starts a test app with the application theme.
func newTestApp(t *testing.T) fyne.App {
	UseChinese() // as main does: Fyne's own texts as the officer sees them
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	return a
}

type shownStep struct {
	step  forms.Step
	field string
}

// testEnv is an Env over a temporary store. Changed counts the calls, reloads the case
// and refreshes the screen (as the shell does); Show and ShowError are recorded;
// background work (inBackground) runs inline.
type testEnv struct {
	t       *testing.T
	path    string
	store   *store.Store
	env     *Env
	win     fyne.Window
	screen  Screen // the screen in the window, if any (see showScreen)
	changed int
	shown   []shownStep
	errs    []error
	notices []string // what Env.Notify showed in the status bar
	// async runs f with background work on its own goroutine, as in the app (for
	// tests that press 取消 while it runs).
	async func(f func())
}

// envConfig varies a testEnv.
type envConfig struct {
	// step is the screen put in the window; none (an empty label) when empty.
	step forms.Step
	// empty leaves the store without the demo (nothing set up).
	empty bool
	// prepare changes the filled store before the case is first loaded.
	prepare func(*store.Store)
}

func newTestEnv(t *testing.T, cfg envConfig) *testEnv {
	t.Helper()
	newTestApp(t)
	h := &testEnv{t: t, path: filepath.Join(t.TempDir(), "case.db")}
	h.open()
	if !cfg.empty {
		if err := demo.FillFor(h.store, testNow); err != nil {
			t.Fatal(err)
		}
	}
	if cfg.prepare != nil {
		cfg.prepare(h.store)
	}
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	h.win.Resize(fyne.NewSize(1200, 800))
	h.env = &Env{Store: h.store, Window: h.win, Now: func() time.Time { return testNow }}
	h.env.Changed = func() { h.changed++; h.reload() }
	h.env.Show = func(st forms.Step, field string) { h.shown = append(h.shown, shownStep{st, field}) }
	h.env.ShowError = func(err error) { h.errs = append(h.errs, err) }
	h.env.Notify = func(text string) { h.notices = append(h.notices, text) }
	real := syncBackground(t)
	h.async = func(f func()) {
		inBackground = real
		defer func() { syncBackground(t) }()
		f()
	}
	h.reload()
	if cfg.step != "" {
		h.showScreen(cfg.step)
	}
	return h
}

// open opens the store file with the test clock and actor.
func (h *testEnv) open() {
	s, err := store.Open(h.path)
	if err != nil {
		h.t.Fatal(err)
	}
	s.Actor = "测试员"
	s.Now = func() time.Time { return testNow }
	h.store = s
	h.t.Cleanup(func() { s.Close() })
}

// showScreen builds a new screen of the step, puts it in the window and refreshes it.
func (h *testEnv) showScreen(step forms.Step) Screen {
	h.t.Helper()
	f, ok := screenFactories[step]
	if !ok {
		h.t.Fatalf("no screen registered for %s", step)
	}
	h.screen = f(h.env)
	h.win.SetContent(h.screen.Content())
	h.screen.Refresh()
	return h.screen
}

// reload loads the case (nil when not set up) and refreshes the screen.
func (h *testEnv) reload() {
	c, err := h.store.Case()
	switch {
	case errors.Is(err, store.ErrNotSetUp):
		c = nil
	case err != nil:
		h.t.Fatal(err)
	}
	h.env.Case = c
	if h.screen != nil {
		h.screen.Refresh()
	}
}

// stored closes the store, opens the file again and returns the case as stored.
func (h *testEnv) stored() *forms.Case {
	h.t.Helper()
	h.store.Close()
	h.open()
	h.env.Store = h.store
	c, err := h.store.Case()
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// figure is a figure as stored.
func (h *testEnv) figure(k forms.FigureKey) forms.Figure {
	h.t.Helper()
	c, err := h.store.Case()
	if err != nil {
		h.t.Fatal(err)
	}
	f, _ := c.Figure(k)
	return f
}

func (h *testEnv) audit(f store.AuditFilter) []store.AuditEntry {
	h.t.Helper()
	rows, err := h.store.Audit(f)
	if err != nil {
		h.t.Fatal(err)
	}
	return rows
}

func (h *testEnv) noErrors() {
	h.t.Helper()
	for _, err := range h.errs {
		h.t.Errorf("ShowError: %v", err)
	}
}

// typeInto focuses an entry on the canvas, types and leaves it (which saves).
func (h *testEnv) typeInto(e *secEntry, text string) {
	c := h.win.Canvas()
	c.Focus(e)
	e.CursorRow, e.CursorColumn = 0, 0
	test.Type(e, text)
	c.Unfocus()
}

// replaceIn focuses an entry, replaces its text as a select-all + type would, and leaves.
func (h *testEnv) replaceIn(e *secEntry, text string) {
	c := h.win.Canvas()
	c.Focus(e)
	e.SetText("")
	test.Type(e, text)
	c.Unfocus()
}

// objects lists every object laid out in the window, overlays (dialogs) included.
func (h *testEnv) objects() []fyne.CanvasObject {
	out := test.LaidOutObjects(h.win.Content())
	for _, o := range h.win.Canvas().Overlays().List() {
		out = append(out, test.LaidOutObjects(o)...)
	}
	return out
}

func (h *testEnv) button(label string) *widget.Button {
	h.t.Helper()
	for _, o := range h.objects() {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			return b
		}
	}
	h.t.Fatalf("no button %q", label)
	return nil
}

// texts is every label, rich text and button text visible in the window, joined.
func (h *testEnv) texts() string {
	var b strings.Builder
	for _, o := range h.objects() {
		if !o.Visible() {
			continue
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		}
	}
	return b.String()
}

// labels is the text of every visible label in the window.
func (h *testEnv) labels() string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(h.win.Content()) {
		if l, ok := o.(*widget.Label); ok && o.Visible() {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// overlayButton is the top-most button with the label in the window's overlays (nil
// when there is none).
func (h *testEnv) overlayButton(label string) *widget.Button {
	var found *widget.Button
	for _, o := range h.win.Canvas().Overlays().List() {
		walkObjects(h.t, o, func(x fyne.CanvasObject) {
			if b, ok := x.(*widget.Button); ok && b.Text == label {
				found = b
			}
		})
	}
	return found
}

// overlayShows reports whether a label, entry or button in the top overlay shows s.
func (h *testEnv) overlayShows(s string) bool {
	top := h.win.Canvas().Overlays().Top()
	return top != nil && showsText(h.t, top, s)
}

// walkObjects calls fn on o and everything under it: container children and widget
// renderers' objects.
func walkObjects(t *testing.T, o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(t, c, fn)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			walkObjects(t, c, fn)
		}
	}
}

// showsText reports whether a label, text, entry or button under o shows s.
func showsText(t *testing.T, o fyne.CanvasObject, s string) bool {
	found := false
	walkObjects(t, o, func(x fyne.CanvasObject) {
		var text string
		switch w := x.(type) {
		case *widget.Label:
			text = w.Text
		case *canvas.Text:
			text = w.Text
		case *widget.Entry:
			text = w.Text
		case *widget.Button:
			text = w.Text
		}
		found = found || strings.Contains(text, s)
	})
	return found
}

// labelsText joins the texts of the labels directly in a container.
func labelsText(c *fyne.Container) string {
	var out []string
	for _, o := range c.Objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// wait receives from ch, failing the test after two minutes.
func wait[T any](t *testing.T, ch chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(120 * time.Second):
		t.Fatalf("%s did not finish", what)
	}
	var zero T
	return zero
}

type shellHarness struct {
	t    *testing.T
	sh   *Shell
	win  fyne.Window
	path string
	dir  string
	// closed is set when the window was closed (a test window must be closed once)
	closed bool
}

// newShellHarness opens a temporary store (filled with the demo when fill is set) in
// a 1366×768 test window with the app theme, and the shell over it.
func newShellHarness(t *testing.T, fill bool) *shellHarness {
	t.Helper()
	return newShellOver(t, func(path string) (*store.Store, error) { return OpenStoreAt(path, fill, testNow) })
}

// newShellOver opens the store with open (at the harness's path) and puts the shell
// over it into a 1366×768 test window.
func newShellOver(t *testing.T, open func(path string) (*store.Store, error)) *shellHarness {
	t.Helper()
	newTestApp(t)
	dir := t.TempDir()
	h := &shellHarness{t: t, dir: dir, path: filepath.Join(dir, "case.db")}
	st, err := open(h.path)
	if err != nil {
		t.Fatal(err)
	}
	syncBackground(t)
	h.win = test.NewWindow(nil)
	h.win.Resize(fyne.NewSize(1366, 768))
	h.sh = NewShell(h.win, st, Options{Now: func() time.Time { return testNow }, PathLabel: "case.db", DemoPath: filepath.Join(dir, "demo.db")})
	h.win.SetContent(h.sh.Content())
	h.win.Resize(fyne.NewSize(1366, 768))
	h.win.SetOnClosed(func() { h.closed = true })
	t.Cleanup(func() {
		if !h.closed {
			h.win.Close()
		}
		h.sh.Store().Close()
	})
	return h
}

// caseNow reads the case from the live store of the shell.
func (h *shellHarness) caseNow() *forms.Case {
	h.t.Helper()
	c, err := h.sh.Store().Case()
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

func (h *shellHarness) focused() fyne.Focusable { return h.win.Canvas().Focused() }

// typeInto focuses an entry, replaces its text by typing (it keeps the focus).
func (h *shellHarness) typeInto(e fyne.Focusable, text string) {
	h.t.Helper()
	h.win.Canvas().Focus(e)
	if en, ok := e.(interface{ SetText(string) }); ok {
		en.SetText("")
	}
	test.Type(h.win.Canvas().Focused(), text)
}

// syncBackground makes background work run inline until the test ends and returns
// the real helper.
func syncBackground(t *testing.T) func(work, done func()) {
	real := inBackground
	inBackground = func(work, done func()) { work(); done() }
	t.Cleanup(func() { inBackground = real })
	return real
}
