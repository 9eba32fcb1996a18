package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"tuijian/forms/rank"
)

// decode checks the PNG's size and returns the share of non-white pixels.
func decode(t *testing.T, b []byte, w, h int) (image.Image, float64) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != w || got.Y != h {
		t.Fatalf("size %v, want %d×%d", got, w, h)
	}
	ink := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || b < 0xf000 {
				ink++
			}
		}
	}
	return img, float64(ink) / float64(w*h)
}

// countColor counts pixels close to c.
func countColor(img image.Image, c [3]uint8) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if absd(r>>8, c[0]) < 8 && absd(g>>8, c[1]) < 8 && absd(bl>>8, c[2]) < 8 {
				n++
			}
		}
	}
	return n
}

func absd(a uint32, b uint8) int {
	d := int(a) - int(b)
	if d < 0 {
		return -d
	}
	return d
}

func save(t *testing.T, name string, b []byte) {
	if os.Getenv("CHART_WRITE") == "" {
		return
	}
	if err := os.WriteFile(filepath.Join("testdata", name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

var cities = []string{"济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "黔西南布依族苗族自治州"}

func TestIndicatorBars(t *testing.T) {
	vals := []float64{10.2, 12.5, math.NaN(), 8.1, -2.3, 11, 9.75, 6.4}
	b, err := IndicatorBars("2021年 规模以上工业增加值增速", cities, vals, 9.6, "%", 800, 450)
	if err != nil {
		t.Fatal(err)
	}
	save(t, "indicator.png", b)
	img, ink := decode(t, b, 800, 450)
	if ink < 0.03 || ink > 0.6 {
		t.Errorf("ink share %.3f", ink)
	}
	if n := countColor(img, [3]uint8{0x2f, 0x6d, 0xb5}); n < 2000 {
		t.Errorf("only %d bar pixels", n)
	}
	if n := countColor(img, [3]uint8{0xd6, 0x27, 0x28}); n < 100 {
		t.Errorf("only %d province-line pixels", n)
	}
	b2, err := IndicatorBars("2021年 规模以上工业增加值增速", cities, vals, 9.6, "%", 800, 450)
	if err != nil || !bytes.Equal(b, b2) {
		t.Error("same input gave different bytes")
	}
	// Without a province value there is no red line.
	b3, err := IndicatorBars("示范基地数量", cities[:3], []float64{2, 0, math.NaN()}, math.NaN(), "个", 400, 300)
	if err != nil {
		t.Fatal(err)
	}
	img3, _ := decode(t, b3, 400, 300)
	if n := countColor(img3, [3]uint8{0xd6, 0x27, 0x28}); n != 0 {
		t.Errorf("%d red pixels without a province value", n)
	}
	// All missing, one candidate: still a defined chart.
	b4, err := IndicatorBars("全部缺失", cities[:1], []float64{math.NaN()}, math.NaN(), "", 300, 200)
	if err != nil {
		t.Fatal(err)
	}
	if _, ink := decode(t, b4, 300, 200); ink == 0 {
		t.Error("blank chart")
	}
}

// The missing label really is drawn: a chart with a NaN has more ink at the spot
// of the missing bar than the same chart with a zero value (which has no bar
// either and only a "0" label).
func TestMissingLabelDrawn(t *testing.T) {
	names := []string{"甲市", "乙市"}
	a, err := IndicatorBars("t", names, []float64{5, math.NaN()}, math.NaN(), "", 400, 300)
	if err != nil {
		t.Fatal(err)
	}
	z, err := IndicatorBars("t", names, []float64{5, 0}, math.NaN(), "", 400, 300)
	if err != nil {
		t.Fatal(err)
	}
	_, inkA := decode(t, a, 400, 300)
	_, inkZ := decode(t, z, 400, 300)
	if !(inkA > inkZ) {
		t.Errorf("ink with 缺失 %.4f, with 0 %.4f", inkA, inkZ)
	}
}

func TestAcceptabilityStacked(t *testing.T) {
	acc := [][]float64{
		{0.55, 0.30, 0.10, 0.05, 0, 0, 0, 0},
		{0.30, 0.40, 0.20, 0.10, 0, 0, 0, 0},
		{0.10, 0.20, 0.40, 0.20, 0.1, 0, 0, 0},
		{0.05, 0.10, 0.20, 0.40, 0.15, 0.1, 0, 0},
		{0, 0, 0.1, 0.2, 0.4, 0.2, 0.1, 0},
		{0, 0, 0, 0.05, 0.25, 0.4, 0.2, 0.1},
		{0, 0, 0, 0, 0.1, 0.2, 0.4, 0.3},
		{0, 0, 0, 0, 0, 0.1, 0.3, 0.6},
	}
	b, err := AcceptabilityStacked(cities, acc, 800, 450)
	if err != nil {
		t.Fatal(err)
	}
	save(t, "acceptability.png", b)
	img, ink := decode(t, b, 800, 450)
	if ink < 0.1 {
		t.Errorf("ink share %.3f", ink)
	}
	if n := countColor(img, [3]uint8{0x1a, 0x79, 0x3f}); n < 2000 {
		t.Errorf("only %d first-rank pixels", n)
	}
	if n := countColor(img, [3]uint8{0xbb, 0xbb, 0xbb}); n < 1000 {
		t.Errorf("only %d pixels of the grouped ranks", n)
	}
	b2, _ := AcceptabilityStacked(cities, acc, 800, 450)
	if !bytes.Equal(b, b2) {
		t.Error("same input gave different bytes")
	}
	one, err := AcceptabilityStacked(cities[:1], [][]float64{{1}}, 300, 200)
	if err != nil {
		t.Fatal(err)
	}
	decode(t, one, 300, 200)
}

func TestErrors(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{second(IndicatorBars("t", []string{"甲"}, []float64{1, 2}, 0, "", 400, 300)), "一一对应"},
		{second(IndicatorBars("t", nil, nil, 0, "", 400, 300)), "没有候选"},
		{second(IndicatorBars("t", []string{"甲"}, []float64{1}, 0, "", 10, 300)), "尺寸"},
		{second(IndicatorBars("t", []string{"甲"}, []float64{math.Inf(1)}, 0, "", 400, 300)), "无穷大"},
		{second(AcceptabilityStacked([]string{"甲", "乙"}, [][]float64{{1, 0}}, 400, 300)), "一一对应"},
		{second(AcceptabilityStacked([]string{"甲", "乙"}, [][]float64{{1, 0}, {0}}, 400, 300)), "名次"},
		{second(AcceptabilityStacked([]string{"甲"}, [][]float64{{math.NaN()}}, 400, 300)), "无效值"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("want error with %q, got %v", c.want, c.err)
		}
	}
}

func second(_ []byte, err error) error { return err }

func TestFormatNumber(t *testing.T) {
	for in, want := range map[float64]string{12.5: "12.5", 3: "3", -0.001: "0", 9.756: "9.76", -2.30: "-2.3"} {
		if got := FormatNumber(in); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkIndicatorBars(b *testing.B) {
	vals := []float64{10.2, 12.5, math.NaN(), 8.1, -2.3, 11, 9.75, 6.4}
	for b.Loop() {
		if _, err := IndicatorBars("增速", cities, vals, 9.6, "%", 800, 450); err != nil {
			b.Fatal(err)
		}
	}
}

// The SMAA result of forms/rank feeds the chart directly, also with 40 candidates.
func TestAcceptabilityFromSMAA(t *testing.T) {
	const m, n = 40, 5
	p := rank.Problem{}
	names := make([]string, m)
	for j := 0; j < n; j++ {
		p.Criteria = append(p.Criteria, rank.Criterion{ID: strconv.Itoa(j), HigherIsBetter: true, Reference: math.NaN()})
	}
	for i := 0; i < m; i++ {
		names[i] = "候选" + strconv.Itoa(i+1) + "市"
		p.Alternatives = append(p.Alternatives, strconv.Itoa(i))
		row := make([]float64, n)
		for j := range row {
			row[j] = float64((i*7+j*13)%17) - float64(i)/10
		}
		p.Values = append(p.Values, row)
	}
	res, err := rank.SMAA(p, rank.SMAAOptions{Samples: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := AcceptabilityStacked(names, res.Acceptability, 900, 24*m+100)
	if err != nil {
		t.Fatal(err)
	}
	save(t, "acceptability40.png", b)
	img, ink := decode(t, b, 900, 24*m+100)
	if ink < 0.1 || countColor(img, [3]uint8{0xbb, 0xbb, 0xbb}) < 5000 {
		t.Errorf("ink %.3f", ink)
	}
}

// Issue 12 point 3: charts for paper, any number of candidates, text at print size,
// long titles wrapped inside the chart (not clipped), the province value under the
// title instead of a legend over the top bar.
func TestPrintCharts(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 12, 40} {
		names := make([]string, n)
		vals := make([]float64, n)
		acc := make([][]float64, n)
		for i := range names {
			names[i] = fmt.Sprintf("黔东南苗族侗族自治州%d", i)
			vals[i] = float64(10 * (i + 1))
			acc[i] = make([]float64, n)
			acc[i][i] = 1
		}
		h := PrintHeightMM(n, 4)
		if _, err := IndicatorBarsPrint("当年被工业和信息化部认定为跨行业跨领域、特色型、专业型工业互联网平台数量之和（个）", names, vals, 15, "个", 76, h); err != nil {
			t.Errorf("%d candidates: %v", n, err)
		}
		if _, err := AcceptabilityStackedPrint(names, acc, 150, PrintHeightMM(n, 1)); err != nil {
			t.Errorf("%d candidates: %v", n, err)
		}
	}
	if err := setup(); err != nil {
		t.Fatal(err)
	}
	st := style(vg.Points(10.5), color.Black)
	width := 76*vg.Millimeter - vg.Points(16)
	wrapped := wrapTitle("当年被工业和信息化部认定为跨行业跨领域、特色型、专业型工业互联网平台数量之和（个）\n红色虚线：全省 15个", st, width)
	lines := strings.Split(wrapped, "\n")
	if len(lines) < 3 {
		t.Errorf("long title not wrapped: %q", wrapped)
	}
	for _, l := range lines {
		if st.Width(l) > width {
			t.Errorf("title line %q wider than the chart", l)
		}
		if strings.HasPrefix(l, "）") || strings.HasPrefix(l, "，") {
			t.Errorf("line starts with closing punctuation: %q", l)
		}
	}
}
