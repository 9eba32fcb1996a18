package pdfdoc

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const letterBody = "根据《工业和信息化部办公厅关于组织开展2021年工业和信息化领域督查激励工作的通知》（工信厅规函〔2022〕13号）要求，我厅会同省统计局等部门，对照推荐条件，对各市（州）2021年工业稳增长和转型升级工作进行了认真评估。经省人民政府同意，现推荐某某市为2021年度工业稳增长和转型升级成效明显市（州）。该市近三年未发生重大及以上生产安全事故和重大及以上突发环境事件。"

// letter writes a one-page 信函格式 letter.
func letter(t testing.TB, f Fonts) []byte {
	t.Helper()
	w, err := New(f, Page{PageNumbers: true, NoNumberOnFirstPage: true})
	if err != nil {
		t.Fatal(err)
	}
	red := Style{Face: Xiaobiaosong, SizePt: 26, Color: "FF0000"}
	if err := w.Text(105, 30, AlignCenter, red, "某某省工业和信息化厅"); err != nil {
		t.Fatal(err)
	}
	yl := w.DoubleLine(30+26/ptPerMM+4, 170, "FF0000", true)
	if err := w.Text(210-26, yl+4.94, AlignRight, Body, "某工信规函〔2022〕5号"); err != nil {
		t.Fatal(err)
	}
	w.SetY(yl + 4.94 + w.LinePitchMM()*2)
	steps := []Para{
		{Text: "关于推荐某某市为2021年度工业稳增长和转型升级成效明显市（州）的函", Style: Title, Align: AlignCenter, LineHeightMM: 12},
		{Text: "工业和信息化部办公厅（规划司）：", Align: AlignLeft},
		{Text: letterBody, FirstLineIndentChars: 2},
		{Text: "附件：1.某某市推荐表", FirstLineIndentChars: 2, Align: AlignLeft},
		{Text: "2.某某市申报书", LeftIndentChars: 5, Align: AlignLeft},
	}
	for i, p := range steps {
		if i == 1 {
			w.Skip(1)
		}
		if err := w.Paragraph(p); err != nil {
			t.Fatal(err)
		}
	}
	w.Skip(1)
	for _, p := range []Para{
		{Text: "某某省工业和信息化厅", Align: AlignRight, RightIndentChars: 2},
		{Text: "2022年2月8日", Align: AlignRight, RightIndentChars: 4},
		{Text: "（联系人：张三，电话：010-12345678）", FirstLineIndentChars: 2},
	} {
		if err := w.Paragraph(p); err != nil {
			t.Fatal(err)
		}
	}
	if w.Pages() != 1 {
		t.Errorf("letter has %d pages", w.Pages())
	}
	w.DoubleLine(297-20-(ThickLineMM+ThinLineMM+LineGapMM), 170, "FF0000", false)
	data, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed", tool)
	}
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var space = regexp.MustCompile(`\s+`)

func TestLetter(t *testing.T) {
	data := letter(t, Fallback())
	t.Logf("letter: %d bytes", len(data))
	if len(data) > 300<<10 {
		t.Errorf("letter is %d bytes, want < 300 KB", len(data))
	}
	if again := letter(t, Fallback()); !bytes.Equal(data, again) {
		t.Error("two writes differ")
	}
	if os.Getenv("PDFDOC_KEEP") != "" {
		os.WriteFile(os.Getenv("PDFDOC_KEEP"), data, 0o644)
	}
	need(t, "pdftotext")
	path := writeTemp(t, "letter.pdf", data)
	txt := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := space.ReplaceAllString(txt, "")
	for _, s := range []string{"某某省工业和信息化厅", "某工信规函〔2022〕5号", "关于推荐某某市为2021年度工业稳增长和转型升级成效明显市（州）的函",
		"工业和信息化部办公厅（规划司）：", letterBody, "附件：1.某某市推荐表", "2022年2月8日", "（联系人：张三，电话：010-12345678）"} {
		if !strings.Contains(flat, space.ReplaceAllString(s, "")) {
			t.Errorf("pdftotext lacks %q:\n%s", s, txt)
		}
	}
	if strings.Contains(txt, "— 1 —") {
		t.Error("page number on the first page of a letter")
	}
	need(t, "pdffonts")
	fonts := run(t, "pdffonts", path)
	if !strings.Contains(fonts, "TJAAAA+Fangsong") || !strings.Contains(fonts, "TJAAAB+Xiaobiaosong") {
		t.Errorf("pdffonts:\n%s", fonts)
	}
	for _, ln := range strings.Split(fonts, "\n")[2:] {
		if f := strings.Fields(ln); len(f) >= 5 && !(strings.Contains(ln, " yes yes ")) {
			t.Errorf("font not embedded as subset: %s", ln)
		}
	}
	need(t, "pdftoppm")
	run(t, "pdftoppm", "-r", "50", "-png", path, filepath.Join(filepath.Dir(path), "page"))
	png, err := os.ReadFile(filepath.Join(filepath.Dir(path), "page-1.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := decodePNG(png)
	if err != nil {
		t.Fatal(err)
	}
	// The red double line sits across the page below the 标志.
	if !hasRedRow(img) {
		t.Error("no red line rendered")
	}
	if os.Getenv("PDFDOC_KEEP") != "" {
		os.WriteFile(os.Getenv("PDFDOC_KEEP")+".png", png, 0o644)
	}
}

func decodePNG(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }

func hasRedRow(img image.Image) bool {
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		red := 0
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r > 0xC000 && g < 0x6000 && b < 0x6000 {
				red++
			}
		}
		if red > bd.Dx()*3/4 {
			return true
		}
	}
	return false
}

func TestKinsoku(t *testing.T) {
	w, err := New(Fallback(), Page{})
	if err != nil {
		t.Fatal(err)
	}
	// 27 characters then "。" at position 29 of a 28-character line: the mark is
	// pulled up; "“" at the end of a line is pushed down.
	cases := []string{
		strings.Repeat("工", 28) + "。后文",
		strings.Repeat("工", 27) + "“引号”",
		strings.Repeat("工", 26) + "2021年",
		strings.Repeat("工", 27) + "）》，。后",
		strings.Repeat("，", 40),
	}
	for _, text := range cases {
		gs, err := w.shape(text, Body)
		if err != nil {
			t.Fatal(err)
		}
		avail := mm(w.TextWidthMM())
		lines := breakLines(gs, avail, avail, 16)
		for i, ln := range lines {
			s := gs[ln.s:ln.e]
			if len(s) == 0 {
				t.Errorf("%q: empty line %d", text, i)
				continue
			}
			if i > 0 && strings.ContainsRune(noStart, s[0].r) && !strings.ContainsRune(noStart, gs[lines[i-1].e-1].r) {
				t.Errorf("%q: line %d starts with %q", text, i, s[0].r)
			}
			if i < len(lines)-1 && strings.ContainsRune(noEnd, s[len(s)-1].r) {
				t.Errorf("%q: line %d ends with %q", text, i, s[len(s)-1].r)
			}
			if sumWidth(s) > avail+float64(len(s))*16/64+8+eps {
				t.Errorf("%q: line %d too wide", text, i)
			}
		}
		var joined strings.Builder
		for _, ln := range lines {
			for _, g := range gs[ln.s:ln.e] {
				joined.WriteRune(g.r)
			}
		}
		if joined.String() != text {
			t.Errorf("lines lose text: %q", joined.String())
		}
	}
	// GB/T 9704: 28 characters of 3号 per line, the first indented by two.
	gs, _ := w.shape(strings.Repeat("工", 100), Body)
	avail := mm(w.TextWidthMM())
	var got []int
	for _, ln := range breakLines(gs, avail-32, avail, 16) {
		got = append(got, ln.e-ln.s)
	}
	if fmt.Sprint(got) != "[26 28 28 18]" {
		t.Errorf("line lengths %v, want [26 28 28 18]", got)
	}
	gs, _ = w.shape(strings.Repeat("工", 26)+"2021年", Body)
	lines := breakLines(gs, mm(w.TextWidthMM()), mm(w.TextWidthMM()), 16)
	if len(lines) != 2 || lines[0].e != 26 {
		t.Errorf("number split: %+v", lines)
	}
}

// Widths measured after character-spaced text stay the font's widths.
func TestMeasureAfterJustify(t *testing.T) {
	w, err := New(Fallback(), Page{})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := w.MeasureMM(Body, "工业")
	// 28 characters on a 27.6-character line: squeezed with a negative Tc; then a
	// wide spacing left behind as by a spread line.
	if err := w.Paragraph(Para{Text: strings.Repeat("工", 28)}); err != nil {
		t.Fatal(err)
	}
	w.pdf.SetCharSpacing(20)
	after, _ := w.MeasureMM(Body, "工业国")
	after -= before / 2
	if math.Abs(before-after) > 1e-9 || before < 11.2 || before > 11.4 {
		t.Errorf("width of 工业 %g mm before, %g mm after a justified paragraph", before, after)
	}
}

func TestTableAndPages(t *testing.T) {
	w, err := New(Fallback(), Page{PageNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	rows := []Row{
		{Cells: []Cell{{Text: "序号", RowSpan: 2, Align: AlignCenter}, {Text: "指标", RowSpan: 2, Align: AlignCenter}, {Text: "数值", ColSpan: 2, Align: AlignCenter}, {Text: "备注", RowSpan: 2, Align: AlignCenter}}},
		{Cells: []Cell{{Text: "2021年", Align: AlignCenter}, {Text: "2020年", Align: AlignCenter}}},
	}
	for i := 1; i <= 60; i++ {
		rows = append(rows, Row{Cells: []Cell{{Text: itoa(i), Align: AlignCenter}, {Text: "规模以上工业增加值增速"}, {Text: "10.5%", Align: AlignRight}, {Text: "8.1%", Align: AlignRight},
			{Text: strings.Repeat("说明文字", i%5+1)}}})
	}
	rows = append(rows, Row{Cells: []Cell{{Text: "推荐理由", Align: AlignCenter}, {Text: strings.Repeat("该市工业经济运行稳中有进，转型升级成效明显。", 60), ColSpan: 4, Top: true}}})
	if err := w.Paragraph(Para{Text: "附件1", Style: Level1, Align: AlignLeft, Bookmark: true}); err != nil {
		t.Fatal(err)
	}
	if err := w.Table(Table{ColumnsMM: []float64{14, 50, 25, 25, 42}, Rows: rows, HeaderRows: 2}); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for x := 0; x < 200; x++ {
		for y := 0; y < 100; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y * 2), 128, 255})
		}
	}
	var pb bytes.Buffer
	png.Encode(&pb, img)
	if err := w.Image(pb.Bytes(), 100); err != nil {
		t.Fatal(err)
	}
	if err := w.Image([]byte("not an image"), 100); err == nil {
		t.Error("bad image accepted")
	}
	data, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if w.Pages() < 3 {
		t.Errorf("%d pages", w.Pages())
	}
	if os.Getenv("PDFDOC_KEEP") != "" {
		os.WriteFile(os.Getenv("PDFDOC_KEEP")+".table.pdf", data, 0o644)
	}
	need(t, "pdftotext")
	path := writeTemp(t, "table.pdf", data)
	txt := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := space.ReplaceAllString(txt, "")
	for _, s := range []string{"序号", "2021年", "规模以上工业增加值增速", "推荐理由", "—2—", "—3—"} {
		if !strings.Contains(flat, s) {
			t.Errorf("pdftotext lacks %q", s)
		}
	}
	// Header rows repeat on every page of the table.
	pages := strings.Split(txt, "\f")
	for i, p := range pages[:w.Pages()-1] {
		if !strings.Contains(p, "序号") {
			t.Errorf("page %d lacks the header row", i+1)
		}
	}
	if n := strings.Count(flat, "转型升级成效明显。"); n != 60 {
		t.Errorf("split row text: %d of 60 sentences", n)
	}
}

func itoa(i int) string {
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func TestSystemFonts(t *testing.T) {
	dir := t.TempDir()
	// A CFF font and a collection are skipped; a TrueType copy named like simhei.ttf is found.
	os.WriteFile(filepath.Join(dir, "simfang.ttf"), []byte("OTTO\x00\x01fake cff font data"), 0o644)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "SIMHEI.TTF"), Fallback().Heiti, 0o644)
	f := SystemFonts(dir)
	if f.HeitiFile != filepath.Join(sub, "SIMHEI.TTF") || !bytes.Equal(f.Heiti, Fallback().Heiti) {
		t.Errorf("simhei not found: %q", f.HeitiFile)
	}
	if strings.Contains(f.FangsongFile, dir) {
		t.Errorf("CFF font taken: %q", f.FangsongFile)
	}
	d := f.Describe()
	if !strings.Contains(d, "黑体："+filepath.Join(sub, "SIMHEI.TTF")) || !strings.Contains(d, "小标宋：") {
		t.Errorf("Describe: %s", d)
	}
	if d := Fallback().Describe(); !strings.Contains(d, "仿宋：内置 Noto Serif SC Regular") {
		t.Errorf("Describe fallback: %s", d)
	}
	if IsTrueType([]byte("ttcf0000000000000000")) {
		t.Error("collection taken as TrueType")
	}
}

// A system font lacking a character: the embedded fallback draws it.
func TestGlyphFallback(t *testing.T) {
	need(t, "pdftotext")
	f := Fonts{Fangsong: Fallback().Heiti, FangsongFile: "test"}
	// Noto Sans SC has 𠀀? Use a character Noto Sans lacks but Noto Serif has, if any;
	// otherwise just check the mechanism with the private-use area.
	w, err := New(f, Page{})
	if err != nil {
		t.Fatal(err)
	}
	if w.families[w.faces[Fangsong]].fallback < 0 {
		t.Fatal("no fallback family for a system 仿宋")
	}
	if err := w.Paragraph(Para{Text: "正文测试，龘"}); err != nil {
		t.Fatal(err)
	}
	data, _ := w.Bytes()
	txt := run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "f.pdf", data), "-")
	if !strings.Contains(txt, "正文测试，龘") {
		t.Errorf("text: %q", txt)
	}
}

func BenchmarkLetter(b *testing.B) {
	f := Fallback()
	for i := 0; i < b.N; i++ {
		letter(b, f)
	}
}

// BenchmarkLongDocument lays out about 30 pages of body text (a long 申报书).
func BenchmarkLongDocument(b *testing.B) {
	f := Fallback()
	for i := 0; i < b.N; i++ {
		w, err := New(f, Page{PageNumbers: true})
		if err != nil {
			b.Fatal(err)
		}
		for k := 0; k < 120; k++ {
			if err := w.Paragraph(Para{Text: letterBody, FirstLineIndentChars: 2}); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := w.Bytes(); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.Pages()), "pages")
	}
}

// A personal name with characters outside GB 2312 prints in every face, with the embedded
// fonts (whose bold faces are subsets) and with GB 2312-only system fonts (as 仿宋_GB2312
// is): each character falls back along the chain to the full serif face, never a blank.
func TestNoBlankForRareNames(t *testing.T) {
	need(t, "pdftotext")
	const name = "联系人：王㑇䶮𬌗堃"
	gbOnly := Fallback().Heiti // the UI subset stands in for a GB 2312 system font
	for _, c := range []struct {
		what  string
		fonts Fonts
	}{
		{"内置字体", Fallback()},
		{"GB 2312 系统字体", Fonts{Fangsong: gbOnly, Xiaobiaosong: gbOnly, Heiti: gbOnly, Kaiti: gbOnly,
			FangsongFile: "fs", XiaobiaosongFile: "xbs", HeitiFile: "ht", KaitiFile: "kt"}},
	} {
		w, err := New(c.fonts, Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, face := range []Face{Fangsong, Xiaobiaosong, Heiti, Kaiti} {
			st := Style{Face: face, SizePt: 16}
			gs, err := w.shape(name, st)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(runesOf(gs)); got != name {
				t.Errorf("%s, %s: shaped as %q", c.what, face, got)
			}
			if err := w.Paragraph(Para{Text: name, Style: st}); err != nil {
				t.Fatal(err)
			}
		}
		data, err := w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		txt := run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, "rare.pdf", data), "-")
		// gopdf's ToUnicode map writes characters beyond U+FFFF without surrogates, so
		// 𬌗 is drawn (checked below) but extracts wrongly; the rest must extract.
		if n := strings.Count(txt, "联系人：王㑇䶮"); n != 4 || strings.Count(txt, "堃") != 4 {
			t.Errorf("%s: the name is printed %d times of 4:\n%s", c.what, n, txt)
		}
	}
	// 𬌗 is drawn: the page differs from one with a blank in its place.
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		page := func(text string) []byte {
			w, err := New(Fallback(), Page{})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Paragraph(Para{Text: text}); err != nil {
				t.Fatal(err)
			}
			data, _ := w.Bytes()
			pdf := writeTemp(t, "one.pdf", data)
			return []byte(run(t, "pdftoppm", "-r", "50", "-gray", pdf))
		}
		if bytes.Equal(page("王𬌗"), page("王　")) {
			t.Error("𬌗 is not drawn")
		}
	}
}

func runesOf(gs []glyph) []rune {
	out := make([]rune, len(gs))
	for i, g := range gs {
		out[i] = g.r
	}
	return out
}
