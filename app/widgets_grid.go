package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// gridCell addresses a data cell of an entryGrid (Col ≥ 1; column 0 holds row labels).
type gridCell struct{ Row, Col int }

// gridModel is what an entryGrid shows and writes.
type gridModel struct {
	Rows     func() int
	Cols     func() int // including the label column 0
	Header   func(col int) string
	RowLabel func(row int) string
	// Text is the stored text of a cell.
	Text func(c gridCell) string
	// Commit writes a typed text; an error is shown and nothing is written.
	Commit func(c gridCell, text string) error
	// Focused reports the cell the officer is in.
	Focused func(c gridCell)
	// Mark, if set, is the colour of a cell's verification stripe ("" for none).
	Mark func(c gridCell) fyne.ThemeColorName
	// RowHeight, if set, is the height of a data row (long labels wrap).
	RowHeight func(row int) float32
	// Undo, if set, runs on Ctrl+Z in a cell with nothing typed since its last save.
	Undo func()
}

// entryGrid is a widget.Table with a sticky label column and header row and an Entry
// per data cell, rebound as the table recycles cells. Typing saves on Enter or when
// the cell is left; Tab/Shift-Tab, Enter and the arrow keys move between cells; a
// rejected text stays in its cell, marked red, until corrected.
type entryGrid struct {
	m       gridModel
	table   *widget.Table
	win     func() fyne.Window
	entries map[gridCell]*cellEntry
	cellOf  map[*cellEntry]gridCell
	invalid map[gridCell]invalidText
	current gridCell
	// wanted is where the last keyboard move went; a move made while a dialog was
	// open (the question about an 已审核 figure) is taken once the dialog closes.
	wanted    gridCell
	cellWidth float32
	widths    map[int]float32 // data columns wider than cellWidth
}

// Refresh sets the widths of the data columns and redraws every visible cell.
func (g *entryGrid) Refresh() {
	for col := 1; col < g.m.Cols(); col++ {
		w := g.cellWidth
		if x, ok := g.widths[col]; ok {
			w = x
		}
		g.table.SetColumnWidth(col, w)
	}
	g.table.SetRowHeight(0, gridHeaderHeight)
	for row := 1; row <= g.m.Rows(); row++ {
		h := float32(gridRowHeight)
		if g.m.RowHeight != nil {
			h = max(h, g.m.RowHeight(row-1))
		}
		g.table.SetRowHeight(row, h)
	}
	g.table.Refresh()
}

// forget drops the rejected texts (the grid shows another selection).
func (g *entryGrid) forget() { g.invalid = map[gridCell]invalidText{} }

// gridRowHeight keeps the rows compact: an entry and the cell padding.
const gridRowHeight = 40

// gridHeaderHeight fits two lines of header text.
const gridHeaderHeight = 52

type invalidText struct {
	text string
	err  error
}

func newEntryGrid(m gridModel, win func() fyne.Window, labelWidth, cellWidth float32) *entryGrid {
	g := &entryGrid{m: m, win: win, entries: map[gridCell]*cellEntry{}, cellOf: map[*cellEntry]gridCell{}, invalid: map[gridCell]invalidText{}, current: gridCell{-1, -1}}
	// The header is a sticky first row rather than the table's header row: Table.ScrollTo
	// of Fyne 2.7.1 scrolls one header height too far when the table has a header row,
	// which hides the cell it scrolls to when moving up.
	g.table = widget.NewTable(
		func() (int, int) { return m.Rows() + 1, m.Cols() },
		g.create, g.update)
	g.table.StickyRowCount = 1
	g.table.StickyColumnCount = 1
	g.table.SetColumnWidth(0, labelWidth)
	g.cellWidth = cellWidth
	return g
}

func (g *entryGrid) create() fyne.CanvasObject {
	l := widget.NewLabel("全省\n2021年")
	l.Truncation = fyne.TextTruncateEllipsis
	e := newCellEntry()
	e.AlwaysShowValidationError = true
	e.OnCommit = func(key any, text string) error {
		c := key.(gridCell)
		g.wanted = c
		err := g.m.Commit(c, text)
		if err != nil {
			g.invalid[c] = invalidText{text: text, err: err}
			e.SetValidationError(err)
		} else {
			delete(g.invalid, c)
			e.SetValidationError(nil)
		}
		return err
	}
	e.OnMove = func(key any, m cellNav) { g.move(key.(gridCell), m) }
	e.OnUndo = g.m.Undo
	e.OnFocus = func(key any) {
		if c, ok := key.(gridCell); ok {
			g.current = c
			if g.m.Focused != nil {
				g.m.Focused(c)
			}
		}
	}
	// A stripe at the cell's left edge shows its verification state; it takes no
	// input, so taps reach the entry under it.
	bar := canvas.NewRectangle(color.Transparent)
	bar.SetMinSize(fyne.NewSize(5, 0))
	return container.NewStack(l, e, container.NewBorder(nil, nil, bar, nil))
}

// gridStripe is the verification stripe of a cell object made by create.
func gridStripe(o fyne.CanvasObject) *canvas.Rectangle {
	return o.(*fyne.Container).Objects[2].(*fyne.Container).Objects[0].(*canvas.Rectangle)
}

func (g *entryGrid) update(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	l := box.Objects[0].(*widget.Label)
	e := box.Objects[1].(*cellEntry)
	stripe := gridStripe(o)
	stripe.FillColor = color.Transparent
	if id.Row > 0 && id.Col > 0 && g.m.Mark != nil {
		if name := g.m.Mark(gridCell{id.Row - 1, id.Col}); name != "" {
			stripe.FillColor = Theme{}.Color(name, theme.VariantLight)
		}
	}
	stripe.Refresh()
	if id.Row == 0 {
		e.Hide()
		l.Show()
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateOff
		if id.Col == 0 {
			l.Alignment = fyne.TextAlignLeading
		} else {
			l.Alignment = fyne.TextAlignCenter
		}
		l.SetText(g.m.Header(id.Col))
		return
	}
	l.TextStyle.Bold = false
	l.Alignment = fyne.TextAlignLeading
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Col == 0 {
		// Row labels wrap to full length (RowHeight makes room): seven rows of 附件4
		// begin with the same words.
		e.Hide()
		l.Show()
		l.Truncation = fyne.TextTruncateOff
		l.Wrapping = fyne.TextWrapWord
		l.SetText(g.m.RowLabel(id.Row - 1))
		return
	}
	l.Wrapping = fyne.TextWrapOff
	l.Hide()
	e.Show()
	c := gridCell{id.Row - 1, id.Col}
	if old, ok := g.cellOf[e]; ok && old != c {
		delete(g.entries, old)
	}
	g.entries[c] = e
	g.cellOf[e] = c
	if bad, ok := g.invalid[c]; ok {
		e.bind(c, bad.text, true)
		e.SetValidationError(bad.err)
		return
	}
	e.bind(c, g.m.Text(c), false)
	e.SetValidationError(nil)
}

// move goes from a cell to its neighbour and focuses it.
func (g *entryGrid) move(from gridCell, m cellNav) {
	rows, cols := g.m.Rows(), g.m.Cols()
	to := from
	switch m {
	case navNext, navRight:
		to.Col++
		if to.Col >= cols {
			if m == navRight || to.Row+1 >= rows {
				return
			}
			to.Col, to.Row = 1, to.Row+1
		}
	case navPrev, navLeft:
		to.Col--
		if to.Col < 1 {
			if m == navLeft || to.Row == 0 {
				return
			}
			to.Col, to.Row = cols-1, to.Row-1
		}
	case navDown:
		if to.Row+1 >= rows {
			return
		}
		to.Row++
	case navUp:
		if to.Row == 0 {
			return
		}
		to.Row--
	}
	g.wanted = to
	g.focusCell(to)
}

// focusCell scrolls a cell into view and gives its entry the focus.
func (g *entryGrid) focusCell(c gridCell) bool {
	g.table.ScrollTo(widget.TableCellID{Row: c.Row + 1, Col: c.Col})
	e := g.entries[c]
	if e == nil {
		g.table.Refresh()
		e = g.entries[c]
	}
	if e == nil || g.win == nil || g.win() == nil {
		return false
	}
	cv := g.win().Canvas()
	cv.Focus(e)
	if cv.Focused() != e {
		// the entry was recycled out of view: lay the table out again and retry
		g.table.Refresh()
		if e = g.entries[c]; e == nil {
			return false
		}
		cv.Focus(e)
	}
	return cv.Focused() == e
}
