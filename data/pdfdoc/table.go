package pdfdoc

import (
	"errors"
	"fmt"
	"math"
)

// Cell is a table cell. It starts in its row at the next grid column not covered by a
// cell from a row above (as in HTML).
type Cell struct {
	Text    string // "\n" breaks the line
	ColSpan int    // grid columns covered; 0 or 1 = one
	RowSpan int    // rows covered; 0 or 1 = one
	Align   Align  // zero: justified (wrapped lines fill the cell)
	Style   Style  // zero SizePt: the table's style
	Top     bool   // text at the top; default vertically centred
	Fill    string // background hex RGB, "" none
}

// Row is a table row.
type Row struct {
	Cells       []Cell
	MinHeightMM float64
}

// Table is a table with ruled borders and wrapped cell text.
type Table struct {
	ColumnsMM []float64 // column widths; their sum should not exceed the text width
	Rows      []Row
	Style     Style   // cell text; zero SizePt: 仿宋 小四 (12 pt)
	LineMM    float64 // line pitch in cells; 0: 1.5 × the size
	PadMM     float64 // cell padding; 0: 1.5 mm
	// HeaderRows are repeated at the top of each page the table continues on.
	HeaderRows int
	// BorderMM is the rule width; 0: 0.5 pt.
	BorderMM float64
}

type placed struct {
	cell     Cell
	row, col int
	rs, cs   int
	st       Style
	gs       []glyph
	lines    []lineRange
	x, w     float64 // pt
	need     float64 // height needed, pt
}

// Table lays out t at the cursor, breaking pages between rows (rows tied by a row span
// stay together; a single row taller than a page is split between its lines) and
// repeating the header rows. The cursor moves below the table.
func (w *Writer) Table(t Table) error {
	if len(t.ColumnsMM) == 0 || len(t.Rows) == 0 {
		return nil
	}
	st := t.Style
	if st.SizePt <= 0 {
		st = Style{Face: Fangsong, SizePt: 12, Color: st.Color}
	}
	lh := mm(t.LineMM)
	if lh <= 0 {
		lh = st.SizePt * 1.5
	}
	pad := mm(t.PadMM)
	if t.PadMM <= 0 {
		pad = mm(1.5)
	}
	border := mm(t.BorderMM)
	if border <= 0 {
		border = 0.5
	}
	cols := len(t.ColumnsMM)
	xs := make([]float64, cols+1)
	total := 0.0
	for _, c := range t.ColumnsMM {
		total += c
	}
	left := mm(w.page.LeftMM) + math.Max(0, mm(w.TextWidthMM()-total)/2)
	xs[0] = left
	for i, c := range t.ColumnsMM {
		xs[i+1] = xs[i] + mm(c)
	}
	nr := len(t.Rows)
	// Place cells on the grid.
	taken := make([][]bool, nr)
	for i := range taken {
		taken[i] = make([]bool, cols)
	}
	var cells []*placed
	for r, row := range t.Rows {
		c := 0
		for _, cell := range row.Cells {
			for c < cols && taken[r][c] {
				c++
			}
			if c >= cols {
				return fmt.Errorf("表格第 %d 行的单元格超出 %d 列，请检查合并单元格设置", r+1, cols)
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			cs = min(cs, cols-c)
			rs = min(rs, nr-r)
			for rr := r; rr < r+rs; rr++ {
				for cc := c; cc < c+cs; cc++ {
					taken[rr][cc] = true
				}
			}
			cst := cell.Style
			if cst.SizePt <= 0 {
				cst = st
			}
			cst = norm(cst)
			p := &placed{cell: cell, row: r, col: c, rs: rs, cs: cs, st: cst, x: xs[c], w: xs[c+cs] - xs[c]}
			gs, err := w.shape(cell.Text, cst)
			if err != nil {
				return err
			}
			avail := p.w - 2*pad
			if avail < cst.SizePt {
				return fmt.Errorf("表格第 %d 行第 %d 列太窄，放不下一个字，请加宽该列", r+1, c+1)
			}
			p.gs = gs
			p.lines = breakLines(gs, avail, avail, cst.SizePt)
			p.need = float64(len(p.lines))*lh + 2*pad
			cells = append(cells, p)
			c += cs
		}
	}
	// Row heights.
	h := make([]float64, nr)
	for r, row := range t.Rows {
		h[r] = math.Max(mm(row.MinHeightMM), lh+2*pad)
	}
	for _, p := range cells {
		if p.rs == 1 {
			h[p.row] = math.Max(h[p.row], p.need)
		}
	}
	for _, p := range cells {
		if p.rs > 1 {
			sum := 0.0
			for r := p.row; r < p.row+p.rs; r++ {
				sum += h[r]
			}
			if sum < p.need {
				h[p.row+p.rs-1] += p.need - sum
			}
		}
	}
	// Groups of rows that must stay on one page.
	ends := make([]int, nr) // ends[r]: last row tied to r
	for r := range ends {
		ends[r] = r
	}
	for _, p := range cells {
		ends[p.row] = max(ends[p.row], p.row+p.rs-1)
	}
	byRow := make([][]*placed, nr)
	for _, p := range cells {
		byRow[p.row] = append(byRow[p.row], p)
	}
	hdr := min(max(t.HeaderRows, 0), nr)
	hdrH := 0.0
	for r := 0; r < hdr; r++ {
		hdrH += h[r]
	}
	drawRows := func(from, to int, y float64) error { // rows [from, to] at y
		ry := make([]float64, to-from+2)
		ry[0] = y
		for r := from; r <= to; r++ {
			ry[r-from+1] = ry[r-from] + h[r]
		}
		for r := from; r <= to; r++ {
			for _, p := range byRow[r] {
				cellH := 0.0
				for rr := p.row; rr < p.row+p.rs; rr++ {
					cellH += h[rr]
				}
				if err := w.drawCell(p, p.lines, ry[r-from], cellH, lh, pad, border); err != nil {
					return err
				}
			}
		}
		return nil
	}
	top := mm(w.page.TopMM)
	// Keep the header rows with the first group of rows below them.
	if hdr > 0 && hdr < nr {
		e := hdr
		for k := hdr; k <= e; k++ {
			e = max(e, ends[k])
		}
		need := hdrH
		for k := hdr; k <= e; k++ {
			need += h[k]
		}
		if top+need <= w.bottom()+eps {
			w.EnsureSpace(need / ptPerMM)
		}
	}
	for r := 0; r < nr; {
		e := r
		for k := r; k <= e; k++ {
			e = max(e, ends[k])
		}
		gh := 0.0
		for k := r; k <= e; k++ {
			gh += h[k]
		}
		onFresh := func() error {
			w.newPage()
			if r >= hdr && hdr > 0 {
				if err := drawRows(0, hdr-1, w.y); err != nil {
					return err
				}
				w.y += hdrH
			}
			return nil
		}
		if w.y+gh > w.bottom()+eps {
			fresh := top
			if r >= hdr {
				fresh += hdrH
			}
			if w.y > fresh+eps && (fresh+gh <= w.bottom()+eps || r != e || w.bottom()-w.y < lh+2*pad) {
				if err := onFresh(); err != nil {
					return err
				}
			}
		}
		if w.y+gh <= w.bottom()+eps || r != e {
			// Fits, or a tied group taller than a page (drawn over the margin).
			if err := drawRows(r, e, w.y); err != nil {
				return err
			}
			w.y += gh
			r = e + 1
			continue
		}
		// A single row taller than the space left: split it between lines.
		if err := w.splitRow(byRow[r], h[r], lh, pad, border, onFresh); err != nil {
			return err
		}
		r++
	}
	return nil
}

// splitRow draws one row over several pages, as many lines of each cell per page as fit.
func (w *Writer) splitRow(ps []*placed, rowH, lh, pad, border float64, fresh func() error) error {
	done := make([]int, len(ps))
	remaining := rowH
	justFresh := false
	for {
		room := w.bottom() - w.y
		n := int(math.Floor((room - 2*pad + eps) / lh))
		if n < 1 {
			if justFresh {
				return errors.New("表格的一行在整页中放不下一行文字，请减小表头行高或字号")
			}
			if err := fresh(); err != nil {
				return err
			}
			justFresh = true
			continue
		}
		justFresh = false
		left := false
		maxLines := 0
		for i, p := range ps {
			k := min(len(p.lines)-done[i], n)
			maxLines = max(maxLines, k)
			if done[i]+k < len(p.lines) {
				left = true
			}
		}
		part := float64(maxLines)*lh + 2*pad
		if !left {
			part = math.Max(part, math.Min(remaining, room))
		}
		for i, p := range ps {
			k := min(len(p.lines)-done[i], n)
			q := *p
			q.cell.Top = true
			if err := w.drawCell(&q, p.lines[done[i]:done[i]+k], w.y, part, lh, pad, border); err != nil {
				return err
			}
			done[i] += k
		}
		w.y += part
		remaining -= part
		if !left {
			return nil
		}
		if err := fresh(); err != nil {
			return err
		}
	}
}

func (w *Writer) drawCell(p *placed, lines []lineRange, y, cellH, lh, pad, border float64) error {
	if p.cell.Fill != "" {
		r, g, b := parseColor(p.cell.Fill)
		w.pdf.SetFillColor(r, g, b)
		w.pdf.RectFromUpperLeftWithStyle(p.x, y, p.w, cellH, "F")
		w.pdf.SetFillColor(0, 0, 0)
	}
	w.pdf.SetStrokeColor(0, 0, 0)
	w.pdf.SetLineWidth(border)
	w.pdf.SetLineType("solid")
	w.pdf.RectFromUpperLeftWithStyle(p.x, y, p.w, cellH, "D")
	textH := float64(len(lines)) * lh
	ty := y + pad
	if !p.cell.Top {
		ty = y + (cellH-textH)/2
	}
	for _, ln := range lines {
		if err := w.drawLine(p.gs[ln.s:ln.e], p.st, p.x+pad, p.w-2*pad, ty+(lh-p.st.SizePt)/2, p.cell.Align, !ln.hard); err != nil {
			return err
		}
		ty += lh
	}
	return nil
}
