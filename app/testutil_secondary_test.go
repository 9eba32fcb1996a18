package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/demo"
	"tuijian/data/store"
	"tuijian/forms"
)

// The test harness of the criteria, approvals, application, export and history screens:
// an Env over a temporary store filled with the demo, a test window, and a Changed that
// reloads the case and refreshes the screen as the shell does. It does not depend on
// the shell.

var secTestNow = time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC)

type secShown struct {
	step  forms.Step
	field string
}

type secHarness struct {
	t       *testing.T
	path    string
	store   *store.Store
	env     *Env
	win     fyne.Window
	screen  Screen
	changed int
	shown   []secShown
	errs    []error
}

func newSecHarness(t *testing.T, step forms.Step) *secHarness {
	t.Helper()
	a := test.NewTempApp(t)
	secApplyTheme(a)
	h := &secHarness{t: t, path: filepath.Join(t.TempDir(), "case.db")}
	h.open()
	if err := demo.Fill(h.store); err != nil {
		t.Fatal(err)
	}
	h.env = &Env{Store: h.store, Now: func() time.Time { return secTestNow }}
	h.env.Changed = func() { h.changed++; h.reload() }
	h.env.Show = func(st forms.Step, field string) { h.shown = append(h.shown, secShown{st, field}) }
	h.env.ShowError = func(err error) { h.errs = append(h.errs, err) }
	h.reload()
	f, ok := screenFactories[step]
	if !ok {
		t.Fatalf("no screen registered for %s", step)
	}
	h.screen = f(h.env)
	h.win = test.NewTempWindow(t, h.screen.Content())
	h.env.Window = h.win
	h.win.Resize(fyne.NewSize(1100, 800))
	h.screen.Refresh()
	return h
}

func (h *secHarness) open() {
	s, err := store.Open(h.path)
	if err != nil {
		h.t.Fatal(err)
	}
	s.Actor = "测试员"
	s.Now = func() time.Time { return secTestNow }
	h.store = s
	h.t.Cleanup(func() { s.Close() })
}

// reload loads the case and refreshes the screen, as the shell does after Changed.
func (h *secHarness) reload() {
	c, err := h.store.Case()
	if err != nil {
		h.t.Fatal(err)
	}
	h.env.Case = c
	if h.screen != nil {
		h.screen.Refresh()
	}
}

// stored closes the store, opens the file again and returns the case as stored.
func (h *secHarness) stored() *forms.Case {
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

func (h *secHarness) audit(f store.AuditFilter) []store.AuditEntry {
	h.t.Helper()
	rows, err := h.store.Audit(f)
	if err != nil {
		h.t.Fatal(err)
	}
	return rows
}

func (h *secHarness) noErrors() {
	h.t.Helper()
	for _, err := range h.errs {
		h.t.Errorf("ShowError: %v", err)
	}
}

// typeInto focuses an entry on the canvas, types and leaves it (which saves).
func (h *secHarness) typeInto(e *secEntry, text string) {
	c := h.win.Canvas()
	c.Focus(e)
	e.CursorRow, e.CursorColumn = 0, 0
	test.Type(e, text)
	c.Unfocus()
}

// replaceIn focuses an entry, replaces its text as a select-all + type would, and leaves.
func (h *secHarness) replaceIn(e *secEntry, text string) {
	c := h.win.Canvas()
	c.Focus(e)
	e.SetText("")
	test.Type(e, text)
	c.Unfocus()
}

// secObjects lists every object laid out in the window, overlays (dialogs) included.
func (h *secHarness) objects() []fyne.CanvasObject {
	out := test.LaidOutObjects(h.win.Content())
	for _, o := range h.win.Canvas().Overlays().List() {
		out = append(out, test.LaidOutObjects(o)...)
	}
	return out
}

func (h *secHarness) button(label string) *widget.Button {
	h.t.Helper()
	for _, o := range h.objects() {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			return b
		}
	}
	h.t.Fatalf("no button %q", label)
	return nil
}

// texts is every label, rich text and entry text visible in the window, joined.
func (h *secHarness) texts() string {
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

// secApplyTheme uses the shell's theme (embedded Noto Sans SC), so text is shaped fast
// and goldens do not depend on system fonts.
func secApplyTheme(a fyne.App) { a.Settings().SetTheme(NewTheme()) }

// secLabelsText joins the texts of the labels directly in a container.
func secLabelsText(c *fyne.Container) string {
	var out []string
	for _, o := range c.Objects {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}
