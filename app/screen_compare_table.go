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
	"fyne.io/fyne/v2/theme"
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

// Table: row 0 is the province, rows 1… the candidates; columns are the indicators
// and, last, the composite score.

func (p *comparePanel) tableSize() (int, int) {
	return 1 + len(p.cmp.Candidates), len(p.m.Indicators) + 1
}

type compareCell struct {
	bg    *canvas.Rectangle
	line1 *widget.Label
	line2 *widget.Label
}

func (p *comparePanel) newCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	l1, l2 := widget.NewLabel(""), widget.NewLabel("")
	l1.Truncation, l2.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	return container.NewStack(bg, container.New(&compareTwoLines{}, l1, l2))
}

// compareTwoLines stacks two labels tightly.
type compareTwoLines struct{}

func (compareTwoLines) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objs {
		ms := o.MinSize()
		w = max(w, ms.Width)
		h += ms.Height - 2*theme.Padding()
	}
	return fyne.NewSize(w, h+2*theme.Padding())
}

func (compareTwoLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
	}
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
	y0, y1 := strconv.Itoa(cmp.Years[0]%100), strconv.Itoa(cmp.Years[1]%100)
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

func (p *comparePanel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := compareCellParts(o)
	l1, l2, mark := p.cellText(id.Row, id.Col)
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

func (p *comparePanel) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	n := len(p.m.Indicators)
	switch {
	case id.Row < 0 && id.Col < 0:
		l.SetText("")
	case id.Row < 0 && id.Col == n:
		l.SetText("综合得分")
	case id.Row < 0:
		in := p.m.Indicators[id.Col]
		l.SetText(fmt.Sprintf("%d %s", id.Col+1, in.Label))
	case id.Row == 0:
		l.SetText("全省")
	case id.Row-1 < len(p.cmp.Candidates):
		l.SetText(p.cmp.Candidates[id.Row-1].Name)
	default:
		l.SetText("")
	}
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
