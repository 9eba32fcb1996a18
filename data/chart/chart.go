// Package chart renders the charts of the "Compare and choose" step as PNG images with
// Chinese labels: one indicator across the candidates (with the province value), and
// the SMAA rank acceptability of every candidate as stacked bars.
//
// It draws with gonum.org/v1/plot and the embedded Noto Serif SC Regular
// (docfonts.SerifRegular, every glyph, the documents' face, so the binaries carry one
// full font for documents and charts); it never uses plot's global font cache, so it does not change
// other users of the library. Output is deterministic: the same input gives the same
// bytes. Bars are horizontal so that many candidates and long Chinese names stay
// readable; the first candidate is drawn at the top.
package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"tuijian/assets/docfonts"
)

// dpi fixes the pixel size: w×h pixels at 96 dpi.
const dpi = 96

// Size limits in pixels.
const (
	MinSize = 200
	MaxSize = 6000
)

var (
	fontOnce sync.Once
	fontErr  error
	handler  text.Handler
	cjk      = font.Font{Typeface: "Noto Serif SC", Weight: xfont.WeightNormal}
)

func setup() error {
	fontOnce.Do(func() {
		f, err := opentype.Parse(docfonts.SerifRegular())
		if err != nil {
			fontErr = fmt.Errorf("图表字体无法加载（%v）：安装包可能已损坏，请重新安装。", err)
			return
		}
		cache := font.NewCache(font.Collection{{Font: cjk, Face: f}})
		handler = text.Plain{Fonts: cache}
	})
	return fontErr
}

func style(size vg.Length, c color.Color) text.Style {
	return text.Style{Color: c, Font: font.From(cjk, size), Handler: handler}
}

// newPlot returns a plot whose every text style uses the Chinese font.
func newPlot(title string) *plot.Plot {
	p := plot.New()
	p.TextHandler = handler
	p.Title.Text = title
	p.Title.TextStyle = style(vg.Points(13), color.Black)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = vg.Points(6)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle = style(vg.Points(10), color.Black)
		ax.Label.TextStyle.XAlign = draw.XCenter
		ax.Tick.Label = style(vg.Points(9), color.Black)
	}
	p.Y.Label.TextStyle.Rotation = math.Pi / 2
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter
	p.X.Tick.Label.XAlign = draw.XCenter
	p.X.Tick.Label.YAlign = draw.YTop
	p.Legend = plot.NewLegend()
	p.Legend.TextStyle = style(vg.Points(9), color.Black)
	p.Legend.ThumbnailWidth = vg.Points(14)
	p.Legend.Top = true
	return p
}

// HeightFor is the height in pixels that keeps the names of n candidates readable in
// IndicatorBars and AcceptabilityStacked (about 24 px each plus 120 for the title and
// the axis), within the size limits: 1 to 40 candidates all get a valid chart.
func HeightFor(n int) int { return max(MinSize, min(MaxSize, 24*n+120)) }

func checkSize(w, h int) error {
	if w < MinSize || h < MinSize || w > MaxSize || h > MaxSize {
		return fmt.Errorf("图表尺寸 %d×%d 像素无效：宽和高都应在 %d 到 %d 像素之间。", w, h, MinSize, MaxSize)
	}
	return nil
}

func px(n int) vg.Length { return vg.Length(n) * vg.Inch / dpi }

// printDPI is the resolution of a chart made for paper: drawn at its printed size, so
// its 9 pt text prints at 9 pt.
const printDPI = 300

// size is a chart's canvas: its physical size and the resolution it is drawn at.
type size struct {
	w, h vg.Length
	dpi  int
}

func pixelSize(w, h int) (size, error) {
	return size{px(w), px(h), dpi}, checkSize(w, h)
}

func printSize(wMM, hMM float64) (size, error) {
	s := size{vg.Length(wMM) * vg.Millimeter, vg.Length(hMM) * vg.Millimeter, printDPI}
	return s, checkSize(int(wMM/25.4*printDPI), int(hMM/25.4*printDPI))
}

// PrintHeightMM is the printed height that keeps n candidates' names readable at 9 pt
// under a title of titleLines lines, within one page.
func PrintHeightMM(n, titleLines int) float64 {
	return math.Min(200, 7*float64(n)+5*float64(titleLines)+28)
}

// wrapTitle breaks a title into lines no wider than width in its style, at character
// boundaries, keeping closing punctuation with the line before.
func wrapTitle(t string, st text.Style, width vg.Length) string {
	var lines []string
	for _, para := range strings.Split(t, "\n") {
		cur := ""
		for _, r := range para {
			next := cur + string(r)
			if cur != "" && st.Width(next) > width && !strings.ContainsRune("，。、；：）》”%", r) {
				lines = append(lines, cur)
				next = string(r)
			}
			cur = next
		}
		lines = append(lines, cur)
	}
	return strings.Join(lines, "\n")
}

// render draws p onto a w×h canvas; extra, when set, draws into the same canvas
// afterwards (used for a legend outside the data area). right reserves pixels on the
// right of the plot for it.
func render(p *plot.Plot, sz size, right vg.Length, extra func(c draw.Canvas)) ([]byte, error) {
	img := vgimg.NewWith(vgimg.UseWH(sz.w, sz.h), vgimg.UseDPI(sz.dpi), vgimg.UseBackgroundColor(color.White))
	c := draw.New(img)
	c = draw.Crop(c, vg.Points(6), -vg.Points(10), vg.Points(4), -vg.Points(6))
	p.Draw(draw.Crop(c, 0, -right, 0, 0))
	if extra != nil {
		extra(draw.Crop(c, c.Size().X-right+vg.Points(8), 0, 0, 0))
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img.Image()); err != nil {
		return nil, fmt.Errorf("图表编码为 PNG 失败：%v", err)
	}
	return buf.Bytes(), nil
}

// FormatNumber prints a figure with at most two decimals and no trailing zeros.
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

var (
	barColor     = color.RGBA{R: 0x2f, G: 0x6d, B: 0xb5, A: 0xff}
	refColor     = color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	missingColor = color.RGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
)

// reversed returns names bottom-up, so that the first candidate is at the top.
func reversed(names []string) []string {
	r := make([]string, len(names))
	for i, n := range names {
		r[len(names)-1-i] = n
	}
	return r
}

// IndicatorBars draws one indicator for every candidate: a horizontal bar per
// candidate (first candidate at the top) with its value written at the bar's end,
// "缺失" where the value is NaN, and a dashed red line for the province value
// (reference; NaN when there is none). unit is shown on the value axis and in the
// legend ("%" or "个"; may be empty). w and h are pixels.
func IndicatorBars(title string, names []string, values []float64, reference float64, unit string, w, h int) ([]byte, error) {
	sz, err := pixelSize(w, h)
	if err != nil {
		return nil, err
	}
	return indicatorBars(title, names, values, reference, unit, sz)
}

// IndicatorBarsPrint is IndicatorBars drawn for paper at wMM × hMM (300 dpi): placed
// at that size its text prints at 9 pt and more.
func IndicatorBarsPrint(title string, names []string, values []float64, reference float64, unit string, wMM, hMM float64) ([]byte, error) {
	sz, err := printSize(wMM, hMM)
	if err != nil {
		return nil, err
	}
	return indicatorBars(title, names, values, reference, unit, sz)
}

func indicatorBars(title string, names []string, values []float64, reference float64, unit string, sz size) ([]byte, error) {
	if len(names) == 0 {
		return nil, errors.New("图表没有候选城市：请先选择至少一个候选城市。")
	}
	if len(values) != len(names) {
		return nil, fmt.Errorf("图表“%s”有 %d 个候选名称、%d 个数值，两者应一一对应（程序内部错误，请报告）。", title, len(names), len(values))
	}
	for i, v := range values {
		if math.IsInf(v, 0) {
			return nil, fmt.Errorf("图表“%s”中“%s”的数值为无穷大，请检查该指标数据。", title, names[i])
		}
	}
	if math.IsInf(reference, 0) {
		return nil, fmt.Errorf("图表“%s”的全省值为无穷大，请检查全省值。", title)
	}
	if err := setup(); err != nil {
		return nil, err
	}
	m := len(names)
	// The province value is said under the title, not in a legend over the bars.
	if !math.IsNaN(reference) {
		title += "\n红色虚线：全省 " + FormatNumber(reference) + unit
	}
	p := newPlot("")
	if sz.dpi == printDPI {
		p.Title.TextStyle.Font.Size = vg.Points(10.5)
	}
	p.Title.Text = wrapTitle(title, p.Title.TextStyle, sz.w-vg.Points(16))
	p.NominalY(reversed(names)...)
	if unit != "" {
		p.X.Label.Text = "单位：" + unit
	}

	lo, hi := 0.0, 0.0
	vals := make(plotter.Values, m)
	var lab plotter.XYLabels
	var labStyle []text.Style
	for i, v := range values {
		y := float64(m - 1 - i)
		if math.IsNaN(v) {
			lab.XYs = append(lab.XYs, plotter.XY{X: 0, Y: y})
			lab.Labels = append(lab.Labels, "缺失")
			s := style(vg.Points(9), missingColor)
			s.YAlign = draw.YCenter
			labStyle = append(labStyle, s)
			continue
		}
		vals[m-1-i] = v
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		lab.XYs = append(lab.XYs, plotter.XY{X: v, Y: y})
		lab.Labels = append(lab.Labels, FormatNumber(v))
		s := style(vg.Points(9), color.Black)
		s.YAlign = draw.YCenter
		if v < 0 {
			s.XAlign = draw.XRight
		}
		labStyle = append(labStyle, s)
	}
	if !math.IsNaN(reference) {
		lo, hi = math.Min(lo, reference), math.Max(hi, reference)
	}
	if hi == lo {
		hi = lo + 1
	}
	span := hi - lo
	// Room for the value labels beyond the bar ends.
	if lo < 0 {
		lo -= 0.15 * span
	}
	hi += 0.22 * span

	barW := sz.h * 0.6 / vg.Length(m+1)
	bars, err := plotter.NewBarChart(vals, barW)
	if err != nil {
		return nil, fmt.Errorf("图表“%s”绘制失败：%v", title, err)
	}
	bars.Horizontal = true
	bars.Color = barColor
	bars.LineStyle.Width = 0
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = color.Gray{Y: 0xdd}
	p.Add(grid, bars)

	// Value labels: right of positive bar ends, left of negative ones.
	var pos, neg plotter.XYLabels
	var posStyle, negStyle []text.Style
	for k, xy := range lab.XYs {
		if labStyle[k].XAlign == draw.XRight {
			neg.XYs, neg.Labels = append(neg.XYs, xy), append(neg.Labels, lab.Labels[k])
			negStyle = append(negStyle, labStyle[k])
		} else {
			pos.XYs, pos.Labels = append(pos.XYs, xy), append(pos.Labels, lab.Labels[k])
			posStyle = append(posStyle, labStyle[k])
		}
	}
	for _, g := range []struct {
		l  plotter.XYLabels
		st []text.Style
		dx vg.Length
	}{{pos, posStyle, vg.Points(3)}, {neg, negStyle, -vg.Points(3)}} {
		if len(g.l.XYs) == 0 {
			continue
		}
		labels, err := plotter.NewLabels(g.l)
		if err != nil {
			return nil, fmt.Errorf("图表“%s”绘制失败：%v", title, err)
		}
		copy(labels.TextStyle, g.st)
		labels.Offset = vg.Point{X: g.dx, Y: g.st[0].FontExtents().Descent}
		p.Add(labels)
	}

	if !math.IsNaN(reference) {
		line, err := plotter.NewLine(plotter.XYs{{X: reference, Y: -0.5}, {X: reference, Y: float64(m) - 0.5}})
		if err != nil {
			return nil, fmt.Errorf("图表“%s”绘制失败：%v", title, err)
		}
		line.Color = refColor
		line.Width = vg.Points(1.5)
		line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		p.Add(line)
	}
	if lo < 0 {
		zero, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(m) - 0.5}})
		if err != nil {
			return nil, fmt.Errorf("图表“%s”绘制失败：%v", title, err)
		}
		zero.Color = color.Gray{Y: 0x55}
		zero.Width = vg.Points(0.8)
		p.Add(zero)
	}
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = niceTicks{}
	p.Y.Min, p.Y.Max = -0.5, float64(m)-0.5
	return render(p, sz, 0, nil)
}

// rankColors runs from dark green (first place) through yellow to red.
var rankColors = []color.RGBA{
	{0x1a, 0x79, 0x3f, 0xff},
	{0x66, 0xb3, 0x5a, 0xff},
	{0xc6, 0xd8, 0x4f, 0xff},
	{0xf5, 0xc0, 0x3f, 0xff},
	{0xee, 0x82, 0x3b, 0xff},
}

var restColor = color.RGBA{0xbb, 0xbb, 0xbb, 0xff}

// AcceptabilityStacked draws, for every candidate (first at the top), a bar of
// length 100% split by rank: the share of sampled weight vectors that put the
// candidate first, second, …, as computed by forms/rank.SMAA (acc[alt][rank]).
// With more than six candidates, ranks 6 and below are drawn as one grey segment.
// The share of first places is written after each bar. w and h are pixels; about
// 24 px of height per candidate plus 100 px keeps the names readable (the same
// holds for IndicatorBars).
func AcceptabilityStacked(names []string, acc [][]float64, w, h int) ([]byte, error) {
	sz, err := pixelSize(w, h)
	if err != nil {
		return nil, err
	}
	return acceptabilityStacked(names, acc, sz)
}

// AcceptabilityStackedPrint is AcceptabilityStacked drawn for paper at wMM × hMM.
func AcceptabilityStackedPrint(names []string, acc [][]float64, wMM, hMM float64) ([]byte, error) {
	sz, err := printSize(wMM, hMM)
	if err != nil {
		return nil, err
	}
	return acceptabilityStacked(names, acc, sz)
}

func acceptabilityStacked(names []string, acc [][]float64, sz size) ([]byte, error) {
	m := len(names)
	if m == 0 {
		return nil, errors.New("图表没有候选城市：请先选择至少一个候选城市。")
	}
	if len(acc) != m {
		return nil, fmt.Errorf("排名可接受度有 %d 行、候选名称有 %d 个，两者应一一对应（程序内部错误，请报告）。", len(acc), m)
	}
	for i, row := range acc {
		if len(row) != m {
			return nil, fmt.Errorf("“%s”的排名可接受度有 %d 个名次，应为 %d 个（程序内部错误，请报告）。", names[i], len(row), m)
		}
		for _, a := range row {
			if math.IsNaN(a) || a < -1e-9 || a > 1+1e-9 {
				return nil, fmt.Errorf("“%s”的排名可接受度含无效值 %v，应在 0 到 1 之间（程序内部错误，请报告）。", names[i], a)
			}
		}
	}
	if err := setup(); err != nil {
		return nil, err
	}
	layers := m
	if m > 6 {
		layers = 6
	}
	p := newPlot("排名可接受度（各名次在随机权重下出现的比例）")
	p.NominalY(reversed(names)...)
	p.X.Label.Text = "占抽样权重组合的比例"
	p.X.Min, p.X.Max = 0, 1.2
	p.Y.Min, p.Y.Max = -0.5, float64(m)-0.5
	var ticks []plot.Tick
	for k := 0; k <= 4; k++ {
		ticks = append(ticks, plot.Tick{Value: float64(k) / 4, Label: strconv.Itoa(25*k) + "%"})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)

	barW := sz.h * 0.6 / vg.Length(m+1)
	legend := plot.NewLegend()
	legend.TextStyle = style(vg.Points(9), color.Black)
	legend.ThumbnailWidth = vg.Points(14)
	legend.Top, legend.Left = true, true
	legend.Padding = vg.Points(3)
	var below *plotter.BarChart
	for r := 0; r < layers; r++ {
		vals := make(plotter.Values, m)
		for i := range names {
			v := acc[i][r]
			if r == layers-1 && layers < m {
				v = 0
				for k := r; k < m; k++ {
					v += acc[i][k]
				}
			}
			vals[m-1-i] = math.Max(0, v)
		}
		b, err := plotter.NewBarChart(vals, barW)
		if err != nil {
			return nil, fmt.Errorf("排名可接受度图绘制失败：%v", err)
		}
		b.Horizontal = true
		b.LineStyle.Width = 0
		name := fmt.Sprintf("第%d名", r+1)
		if r == layers-1 && layers < m {
			b.Color = restColor
			name = fmt.Sprintf("第%d–%d名", r+1, m)
		} else {
			b.Color = rankColors[r]
		}
		if below != nil {
			b.StackOn(below)
		}
		below = b
		p.Add(b)
		legend.Add(name, b)
	}
	var lab plotter.XYLabels
	for i := range names {
		lab.XYs = append(lab.XYs, plotter.XY{X: 1, Y: float64(m - 1 - i)})
		lab.Labels = append(lab.Labels, "首位 "+strconv.FormatFloat(100*acc[i][0], 'f', 1, 64)+"%")
	}
	labels, err := plotter.NewLabels(lab)
	if err != nil {
		return nil, fmt.Errorf("排名可接受度图绘制失败：%v", err)
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i] = style(vg.Points(9), color.Black)
		labels.TextStyle[i].YAlign = draw.YCenter
	}
	labels.Offset = vg.Point{X: vg.Points(3), Y: labels.TextStyle[0].FontExtents().Descent}
	p.Add(labels)

	right := legend.TextStyle.Width(fmt.Sprintf("第%d–%d名", m, m)) + legend.ThumbnailWidth + vg.Points(16)
	return render(p, sz, right, func(c draw.Canvas) {
		title := p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y + p.Title.Padding
		legend.Draw(draw.Crop(c, 0, 0, 0, -title))
	})
}

// niceTicks labels the value axis at 1, 2 or 5 × 10^k steps, about six of them,
// always including 0 when it is in range.
type niceTicks struct{}

// Ticks implements plot.Ticker.
func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	span := hi - lo
	if !(span > 0) {
		return []plot.Tick{{Value: lo, Label: FormatNumber(lo)}}
	}
	raw := span / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{1, 2, 5, 10} {
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	var ticks []plot.Tick
	for k := math.Ceil(lo / step); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: FormatNumber(v)})
	}
	return ticks
}
