package app

// The 比选 matrix: candidates × indicators with ranks, the province value and the
// selected indicator's chart.

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/chart"
	"tuijian/forms"
	"tuijian/forms/rank"
)

func shortDigest(d string) string {
	d = strings.TrimPrefix(d, "sha256:")
	if len(d) > 12 {
		d = d[:12]
	}
	return d
}

func compareNum(v float64) string {
	if math.IsNaN(v) {
		return forms.MissingText
	}
	return chart.FormatNumber(v)
}

// The matrix is drawn without a scroller of its own (issue 14 point 9: the mouse
// wheel scrolls the page, never an inner table): one row per indicator and, last, the
// composite score; one column for the province and one per candidate. A wide matrix
// (many candidates) scrolls sideways with the page.

const (
	matrixLabelWidth = 280
	matrixCellWidth  = 176
)

// matrixCell is a tappable cell: tapping an indicator's cell shows its chart.
type matrixCell struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newMatrixCell(content fyne.CanvasObject, onTap func()) *matrixCell {
	c := &matrixCell{content: content, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *matrixCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

func (c *matrixCell) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// fixedColumns lays a row's objects out in columns of the given widths (the last
// width repeats), all of the row's height.
type fixedColumns struct{ widths []float32 }

func (l fixedColumns) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return l.widths[len(l.widths)-1]
}

func (l fixedColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		w += l.width(i)
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (l fixedColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(l.width(i), size.Height))
		x += l.width(i)
	}
}

// buildMatrix fills p.matrix from the current comparison.
func (p *comparePanel) buildMatrix() {
	cmp := &p.cmp
	n := len(p.m.Indicators)
	cols := fixedColumns{widths: []float32{matrixLabelWidth, matrixCellWidth}}
	p.matrix.Objects = nil
	p.cells = map[[2]int]*matrixCell{}
	if len(cmp.Candidates) == 0 || len(cmp.Ranks) != n {
		p.matrix.Refresh()
		return
	}
	head := []fyne.CanvasObject{boldLabel("指标"), boldLabel("全省")}
	for _, u := range cmp.Candidates {
		l := boldLabel(u.Name)
		l.Wrapping = fyne.TextWrapWord
		head = append(head, l)
	}
	p.matrix.Add(container.New(cols, head...))
	for j := 0; j <= n; j++ {
		var name *widget.Label
		if j == n {
			name = boldLabel("综合得分")
		} else {
			name = widget.NewLabel(fmt.Sprintf("%d. %s", j+1, p.m.Indicators[j].Label))
			name.Wrapping = fyne.TextWrapWord
		}
		row := []fyne.CanvasObject{name}
		for r := 0; r <= len(cmp.Candidates); r++ {
			o := p.newCell()
			p.fillCell(o, r, j)
			j := j
			var tap func()
			if j < n {
				tap = func() { p.selectIndicator(j) }
			}
			c := newMatrixCell(o, tap)
			p.cells[[2]int{r, j}] = c
			row = append(row, c)
		}
		p.matrix.Add(widget.NewSeparator())
		p.matrix.Add(container.New(cols, row...))
	}
	p.matrix.Refresh()
}

type compareCell struct {
	bg    *canvas.Rectangle
	line1 *widget.Label
	line2 *widget.Label
}

func (p *comparePanel) newCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	l1, l2 := widget.NewLabel(""), widget.NewLabel("")
	l1.Wrapping, l2.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	return container.NewStack(bg, container.NewVBox(l1, l2))
}

func compareCellParts(o fyne.CanvasObject) compareCell {
	st := o.(*fyne.Container)
	lines := st.Objects[1].(*fyne.Container)
	return compareCell{bg: st.Objects[0].(*canvas.Rectangle), line1: lines.Objects[0].(*widget.Label), line2: lines.Objects[1].(*widget.Label)}
}

// cellText is the two lines and the mark of a table cell; mark is +1 best, −1 worst.
func (p *comparePanel) cellText(row, col int) (string, string, int) {
	cmp := &p.cmp
	n := len(p.m.Indicators)
	if len(cmp.Candidates) == 0 || len(cmp.Ranks) != n {
		return "", "", 0
	}
	y0, y1 := strconv.Itoa(cmp.Years[0]), strconv.Itoa(cmp.Years[1])
	if col == n {
		if row == 0 {
			return "", "", 0
		}
		i := row - 1
		mark := 0
		if cmp.Scores.Rank[i] == 1 {
			mark = 1
		}
		return fmt.Sprintf("%.4f", cmp.Scores.Score[i]), fmt.Sprintf("第 %d 名", cmp.Scores.Rank[i]), mark
	}
	if row == 0 {
		pv := cmp.Province[col]
		return fmt.Sprintf("%s年 %s　%s年 %s", y0, pv[0].Text, y1, pv[1].Text), "全省值", 0
	}
	i := row - 1
	cell := cmp.Cells[i][col]
	r := cmp.Ranks[col]
	l1 := fmt.Sprintf("%s年 %s　%s年 %s", y0, cell[0].Text, y1, cell[1].Text)
	var parts []string
	if r.Missing[i] {
		parts = append(parts, fmt.Sprintf("%d年缺失，不排名", cmp.Year))
	} else {
		parts = append(parts, fmt.Sprintf("第 %d", r.Rank[i]))
	}
	switch r.VsReference[i].Favourable(r.HigherIsBetter) {
	case 1:
		parts = append(parts, "▲"+r.VsReference[i].String())
	case -1:
		parts = append(parts, "▼"+r.VsReference[i].String())
	default:
		if r.VsReference[i] == rank.PosEqual {
			parts = append(parts, "="+r.VsReference[i].String())
		}
	}
	mark := 0
	if r.IsBest[i] {
		parts = append(parts, "最好")
		mark = 1
	}
	if r.IsWorst[i] {
		parts = append(parts, "最差")
		mark = -1
	}
	return l1, strings.Join(parts, " "), mark
}

// fillCell shows the province (row 0) or candidate row−1 for indicator col (col n:
// the composite score).
func (p *comparePanel) fillCell(o fyne.CanvasObject, row, col int) {
	c := compareCellParts(o)
	l1, l2, mark := p.cellText(row, col)
	c.line1.SetText(l1)
	c.line2.SetText(l2)
	switch mark {
	case 1:
		c.bg.FillColor = color.NRGBA{R: 0x2e, G: 0x9d, B: 0x4f, A: 0x40}
	case -1:
		c.bg.FillColor = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0x38}
	default:
		c.bg.FillColor = color.Transparent
	}
	c.bg.Refresh()
}

// selectIndicator shows the bar chart of indicator j (compared year).
func (p *comparePanel) selectIndicator(j int) {
	cmp := &p.cmp
	if len(cmp.Ranks) <= j || len(cmp.Candidates) == 0 {
		return
	}
	p.selected = j
	in := p.m.Indicators[j]
	r := cmp.Ranks[j]
	dir := "越大越好"
	if !in.HigherIsBetter {
		dir = "越小越好"
	}
	text := fmt.Sprintf("%d. %s（%s；%d 年全省值 %s）", j+1, in.Label, dir, cmp.Year, cmp.Province[j][cmp.YearIndex()].Text)
	if in.Help != "" {
		text += "\n" + in.Help
	}
	if r.Message != "" {
		text += "\n" + r.Message
	}
	for i, u := range cmp.Candidates {
		for y, c := range cmp.Cells[i][j] {
			if c.Missing {
				text += fmt.Sprintf("\n%s %d 年缺失", u.Name, cmp.Years[y])
				if c.Remark != "" {
					text += "，备注：" + c.Remark
				} else {
					text += "，未填写原因"
				}
			}
		}
	}
	p.indLabel.SetText(text)
	h := compareChartHeight(len(cmp.Candidates))
	b, err := chart.IndicatorBars(fmt.Sprintf("%d年 %s", cmp.Year, in.Label), cmp.Problem.Names, r.Values, r.Reference, in.Unit, 900, h)
	if err == nil {
		err = setPNG(p.indChart, b, 900, h)
	}
	if err != nil {
		p.indLabel.SetText(text + "\n图表无法生成：" + err.Error())
		p.indChart.Hide()
		return
	}
	p.chartKey = fmt.Sprint(cmp.Digest, j)
	p.indChart.Show()
}
