package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newErrorLabel is a wrapped red label for validation messages; empty hides nothing,
// it simply shows no text.
func newErrorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// commitEntry is a single-line Entry that reports its text once the officer is done
// with it: on Enter or when it loses focus, and only if the text changed since it was
// last set or committed.
type commitEntry struct {
	widget.Entry
	// OnCommit receives the text; it returns an error to keep the entry marked invalid.
	OnCommit func(text string) error
	last     string
	invalid  bool
}

func newCommitEntry(commit func(string) error) *commitEntry {
	e := &commitEntry{OnCommit: commit}
	e.ExtendBaseWidget(e)
	return e
}

// SetValue sets the text without committing it.
func (e *commitEntry) SetValue(s string) {
	e.last = s
	e.invalid = false
	e.SetText(s)
}

func (e *commitEntry) commit() {
	if e.Text == e.last && !e.invalid {
		return
	}
	if e.OnCommit == nil {
		return
	}
	if err := e.OnCommit(e.Text); err != nil {
		e.invalid = true
		return
	}
	e.last = e.Text
	e.invalid = false
}

// FocusLost commits.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

// TypedKey commits on Enter.
func (e *commitEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		e.commit()
		return
	}
	e.Entry.TypedKey(k)
}

// cellNav is a move in a grid.
type cellNav int

const (
	navNext  cellNav = iota // Tab
	navPrev                 // Shift-Tab
	navDown                 // Enter, ↓
	navUp                   // ↑
	navLeft                 // ← at the start of the text
	navRight                // → at the end of the text
)

// cellEntry is the Entry of one grid cell: it commits like commitEntry and turns Tab,
// Shift-Tab, Enter and the arrow keys into moves between cells.
type cellEntry struct {
	widget.Entry
	key     any // the cell the entry is bound to
	last    string
	invalid bool
	shift   bool
	// OnCommit writes the text of the cell; an error marks the cell invalid.
	OnCommit func(key any, text string) error
	// OnMove moves to another cell.
	OnMove func(key any, m cellNav)
	// OnFocus reports that the cell got the focus.
	OnFocus func(key any)
	// OnUndo, if set, takes Ctrl+Z when nothing was typed since the cell was saved
	// (the screen's last change is undone); while typing, Ctrl+Z undoes the typing.
	OnUndo func()
}

// TypedShortcut passes Ctrl+Z in a clean cell to OnUndo.
func (e *cellEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutUndo); ok && e.OnUndo != nil && e.Text == e.last {
		e.OnUndo()
		return
	}
	e.Entry.TypedShortcut(s)
}

func newCellEntry() *cellEntry {
	e := &cellEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// bind shows a cell in the (recycled) entry. A pending edit of the previous cell is
// committed first.
func (e *cellEntry) bind(key any, text string, invalid bool) {
	if e.key != key && e.key != nil && (e.Text != e.last) {
		e.commit()
	}
	if e.key == key && e.Text != e.last {
		return // being edited
	}
	e.key = key
	e.last = text
	e.invalid = invalid
	if invalid {
		e.last = "\x00" // never equal: a retype of the same text is committed again
	}
	e.SetText(text)
}

func (e *cellEntry) commit() {
	if e.key == nil || e.OnCommit == nil || (e.Text == e.last && !e.invalid) {
		return
	}
	if err := e.OnCommit(e.key, e.Text); err != nil {
		e.invalid = true
		e.last = "\x00"
		return
	}
	e.last = e.Text
	e.invalid = false
}

// AcceptsTab keeps Tab for moving between cells.
func (e *cellEntry) AcceptsTab() bool { return true }

// FocusGained reports the focus.
func (e *cellEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.OnFocus != nil {
		e.OnFocus(e.key)
	}
}

// FocusLost commits.
func (e *cellEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
	e.commit()
}

// KeyDown tracks Shift for Shift-Tab.
func (e *cellEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp tracks Shift for Shift-Tab.
func (e *cellEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey moves between cells.
func (e *cellEntry) TypedKey(k *fyne.KeyEvent) {
	move := func(m cellNav) {
		e.commit()
		if e.OnMove != nil {
			e.OnMove(e.key, m)
		}
	}
	switch k.Name {
	case fyne.KeyTab:
		if e.shift {
			move(navPrev)
		} else {
			move(navNext)
		}
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		move(navDown)
	case fyne.KeyUp:
		move(navUp)
	case fyne.KeyLeft:
		if e.CursorColumn == 0 && e.SelectedText() == "" {
			move(navLeft)
			return
		}
		e.Entry.TypedKey(k)
	case fyne.KeyRight:
		if e.CursorColumn >= len([]rune(e.Text)) && e.SelectedText() == "" {
			move(navRight)
			return
		}
		e.Entry.TypedKey(k)
	default:
		e.Entry.TypedKey(k)
	}
}

// badge is a small coloured label.
func badge(text string, c fyne.ThemeColorName) fyne.CanvasObject {
	bg := canvas.NewRectangle(Theme{}.Color(c, theme.VariantLight))
	bg.CornerRadius = 4
	t := canvas.NewText(text, color.White)
	t.TextSize = 11
	t.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewStack(bg, container.NewPadded(t))
}

// boldLabel is a bold label.
func boldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// focusIn moves the keyboard focus to o in the env's window.
func focusIn(env *Env, o fyne.Focusable) {
	if env.Window != nil {
		env.Window.Canvas().Focus(o)
	}
}

// setMessage shows a message label, hidden while empty so it takes no room.
func setMessage(l *widget.Label, s string) {
	l.SetText(s)
	if s == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// chosen adapts use to the callback of a file or folder dialog: an error is shown,
// a cancelled dialog (nil) does nothing.
func chosen[T comparable](env *Env, use func(T)) func(T, error) {
	return func(x T, err error) {
		var none T
		switch {
		case err != nil:
			env.ShowError(err)
		case x != none:
			use(x)
		}
	}
}
