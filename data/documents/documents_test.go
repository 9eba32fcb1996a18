package documents

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"tuijian/data/demo"
	"tuijian/data/docx"
	"tuijian/data/pdfdoc"
	"tuijian/data/store"
	"tuijian/forms"
)

const (
	testFingerprint    = "3F2A 91BC 0D44 7E10 AB56 C3D2 98EF 0011"
	testSM2Fingerprint = "77AA 0B1C 5D2E 9F30 41C2 D3E4 F506 1728"
)

var (
	demoOnce  sync.Once
	demoInput Input
	demoErr   error
)

// demoCase fills a demo store once per test binary and loads the Input.
func demoCase(t testing.TB) Input {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "documents-demo")
		if err != nil {
			demoErr = err
			return
		}
		defer os.RemoveAll(dir)
		s, err := store.Open(filepath.Join(dir, "demo.db"))
		if err != nil {
			demoErr = err
			return
		}
		defer s.Close()
		if demoErr = demo.FillFor(s, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)); demoErr != nil {
			return
		}
		c, err := s.Case()
		if err != nil {
			demoErr = err
			return
		}
		secs := c.Applications
		day := time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)
		demoInput = Input{Case: c, Sections: secs, Fingerprint: testFingerprint, SM2Fingerprint: testSM2Fingerprint, Date: day, ExportDay: day, Fonts: pdfdoc.Fallback(), IncludeReport: true}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoInput
}

func buildDemo(t testing.TB) []File {
	t.Helper()
	files, err := Build(demoCase(t))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var (
	filesOnce sync.Once
	filesMemo []File
)

func demoFiles(t *testing.T) map[string][]byte {
	t.Helper()
	filesOnce.Do(func() { filesMemo = buildDemo(t) })
	out := map[string][]byte{}
	for _, f := range filesMemo {
		out[f.Path] = f.Data
	}
	return out
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

func pdftotext(t *testing.T, data []byte) string {
	t.Helper()
	p := writeTemp(t, "x.pdf", data)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// squash removes white space, as pdftotext breaks lines and spaces glyphs.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func TestNamesAndLayout(t *testing.T) {
	in := demoCase(t)
	files := demoFiles(t)
	want := map[string]bool{ReportPDF: true}
	for i := range in.Case.Campaign.Measures {
		for _, p := range Names(&in.Case.Campaign.Measures[i]).All() {
			want[p] = true
		}
	}
	if len(files) != len(want) {
		t.Errorf("got %d files, want %d", len(files), len(want))
	}
	for p := range want {
		if len(files[p]) == 0 {
			t.Errorf("missing or empty %s", p)
		}
	}
	var paths []string
	for _, f := range filesMemo {
		paths = append(paths, f.Path)
	}
	for i := 1; i < len(paths); i++ {
		if paths[i-1] >= paths[i] {
			t.Errorf("not sorted: %s before %s", paths[i-1], paths[i])
		}
	}
	for p := range want {
		for _, part := range strings.Split(p, "/") {
			if n := len(utf16.Encode([]rune(part))); n > 64 {
				t.Errorf("%s: %d UTF-16 units", part, n)
			}
			if strings.ContainsAny(part, `%<>:"\|?*`) {
				t.Errorf("%s: forbidden character", part)
			}
		}
	}
	if Names(&in.Case.Campaign.Measures[0]).Dir != "01-工业稳增长" || Names(&in.Case.Campaign.Measures[1]).Dir != "02-信息基础设施和产业数字化" {
		t.Errorf("dirs: %+v", Names(&in.Case.Campaign.Measures[1]))
	}
}

func TestDeterministic(t *testing.T) {
	a := demoFiles(t)
	b := buildDemo(t)
	for _, f := range b {
		if !bytes.Equal(a[f.Path], f.Data) {
			t.Errorf("%s differs between two builds", f.Path)
		}
	}
}

func TestNoChoice(t *testing.T) {
	in := demoCase(t)
	c := *in.Case
	c.Choices = nil
	in.Case = &c
	if _, err := Build(in); err != ErrNoChoice {
		t.Errorf("no choice: %v", err)
	}
}

func TestPDFText(t *testing.T) {
	need(t, "pdftotext")
	in := demoCase(t)
	files := demoFiles(t)
	for i := range in.Case.Campaign.Measures {
		m := &in.Case.Campaign.Measures[i]
		ch, _ := in.Case.Choice(m.ID)
		u, _ := in.Case.Unit(ch.UnitCode)
		n := Names(m)
		wants := map[string][]string{
			n.LetterPDF: {u.Name, m.Name, "工信厅规函〔2022〕13号", squash(testFingerprint), squash(testSM2Fingerprint), in.Case.Approval(m.ID).LetterNo, Addressee(in.Case.Campaign), "2022年2月10日",
				"山东省人民政府同意", "演示数据"},
			n.TablePDF:       {m.TableTitle, u.Name, "工业和信息化部制", "市（州）名称", "联系电话", "0531-0000000", "2022年2月", m.Indicators[0].Label},
			n.ApplicationPDF: {u.Name, "一、基本情况", "二、已开展的工作和取得的成效", "四、其他说明事项", m.Outline[1].Children[0].Heading()},
			n.DeclarationPDF: {"推荐材料真实性、合规性声明", u.Name, "第八条", "2022年2月10日"},
		}
		if m.TelecomConcurrence {
			wants[n.LetterPDF] = append(wants[n.LetterPDF], "山东省通信管理局同意")
		}
		for p, ws := range wants {
			txt := squash(pdftotext(t, files[p]))
			for _, w := range ws {
				if !strings.Contains(txt, squash(w)) {
					t.Errorf("%s: text lacks %q", p, w)
				}
			}
		}
		// The figures of the table appear in the PDF.
		for _, ind := range m.Indicators {
			f, ok := in.Case.Figure(forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: ind.ID, Year: 2021})
			if ok && !strings.Contains(squash(pdftotext(t, files[n.TablePDF])), f.Value.Format(ind.Kind)) {
				t.Errorf("%s: lacks %s value %s", n.TablePDF, ind.ID, f.Value.Format(ind.Kind))
			}
		}
	}
	rep := squash(pdftotext(t, files[ReportPDF]))
	for _, w := range []string{"比选报告", "淄博市不参与比选", "青岛市", "济南市", "推荐理由", "综合得分"} {
		if !strings.Contains(rep, w) {
			t.Errorf("report lacks %q", w)
		}
	}
}

func TestLetterWithoutKey(t *testing.T) {
	need(t, "pdftotext")
	in := demoCase(t)
	in.Fingerprint = ""
	ch := chosen{m: &in.Case.Campaign.Measures[0]}
	ch.choice, _ = in.Case.Choice(ch.m.ID)
	ch.unit, _ = in.Case.Unit(ch.choice.UnitCode)
	data, err := letterPDF(in, ch)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(squash(pdftotext(t, data)), NoKeyYet) {
		t.Error("letter without key lacks the note")
	}
}

func TestPDFFontsAndSize(t *testing.T) {
	need(t, "pdffonts")
	in := demoCase(t)
	files := demoFiles(t)
	for p, data := range files {
		if !strings.HasSuffix(p, ".pdf") {
			continue
		}
		out, err := exec.Command("pdffonts", writeTemp(t, "f.pdf", data)).Output()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) < 3 {
			t.Errorf("%s: no fonts: %s", p, out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			if len(f) < 5 || !strings.Contains(f[0], "+") {
				t.Errorf("%s: font not a subset: %s", p, l)
			}
		}
	}
	n := Names(&in.Case.Campaign.Measures[0])
	if s := len(files[n.LetterPDF]); s > 300<<10 {
		t.Errorf("letter PDF is %d bytes", s)
	}
	for _, m := range in.Case.Campaign.Measures {
		n := Names(&m)
		for _, p := range []string{n.LetterPDF, n.TablePDF, n.DeclarationPDF} {
			out, err := exec.Command("pdfinfo", writeTemp(t, "i.pdf", files[p])).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(out) {
				t.Errorf("%s is not one page:\n%s", p, out)
			}
		}
	}
}

func TestXLSXLayout(t *testing.T) {
	in := demoCase(t)
	files := demoFiles(t)
	years := in.Case.Campaign.IndicatorYears()
	for i := range in.Case.Campaign.Measures {
		m := &in.Case.Campaign.Measures[i]
		ch, _ := in.Case.Choice(m.ID)
		u, _ := in.Case.Unit(ch.UnitCode)
		f, err := excelize.OpenReader(bytes.NewReader(files[Names(m).TableXLSX]))
		if err != nil {
			t.Fatal(err)
		}
		get := func(cell string) string {
			v, err := f.GetCellValue(TableSheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if get("A1") != m.TableTitle || get("B2") != u.Name || get("A2") != "市（州）名称" || get("B9") != u.Name || get("A8") != MinistryImprint {
			t.Errorf("%s header: %q %q %q", m.ID, get("A1"), get("B2"), get("B9"))
		}
		if get("A7") != ApprovalQuestion || get("B7") != ApprovalMarks(forms.ConsentYes) {
			t.Errorf("%s approval row: %q %q", m.ID, get("A7"), get("B7"))
		}
		if get("B10") != fmt.Sprintf("%d年", years[0]) || get("C10") != fmt.Sprintf("%d年", years[1]) || get("D10") != "备注" {
			t.Errorf("%s year header: %q %q", m.ID, get("B10"), get("C10"))
		}
		for j, ind := range m.Indicators {
			r := TableFirstRow + j
			if got := get(fmt.Sprintf("A%d", r)); got != ind.Label {
				t.Errorf("A%d = %q, want %q", r, got, ind.Label)
			}
			for yi, col := range []string{"B", "C"} {
				fig, ok := in.Case.Figure(forms.FigureKey{UnitCode: u.Code, Measure: m.ID, Indicator: ind.ID, Year: years[yi]})
				want := MissingValue
				if ok && !fig.Value.Missing {
					want = fig.Value.Format(ind.Kind)
				}
				if got := get(fmt.Sprintf("%s%d", col, r)); got != want {
					t.Errorf("%s%d = %q, want %q", col, r, got, want)
				}
			}
			if ind.Remark != "" && !strings.Contains(get(fmt.Sprintf("D%d", r)), ind.Remark) {
				t.Errorf("D%d lacks the remark", r)
			}
		}
		if len(m.LeadingIndustries) > 0 {
			r := TableFirstRow + len(m.Indicators)
			if !strings.HasPrefix(get(fmt.Sprintf("A%d", r)), "制造业主导产业发展情况") || get(fmt.Sprintf("A%d", r+1)) != m.LeadingIndustries[0].Label {
				t.Errorf("industry block at row %d: %q", r, get(fmt.Sprintf("A%d", r)))
			}
			var first forms.LeadingIndustry
			for _, li := range in.Case.Industries {
				if li.UnitCode == u.Code && li.Row == 1 {
					first = li
				}
			}
			if get(fmt.Sprintf("A%d", r+2)) != first.Name || get(fmt.Sprintf("B%d", r+2)) != first.Share.Format(m.LeadingIndustries[1].Kind) {
				t.Errorf("first industry row: %q %q", get(fmt.Sprintf("A%d", r+2)), get(fmt.Sprintf("B%d", r+2)))
			}
		}
		props, err := f.GetDocProps()
		if err != nil || !strings.HasPrefix(props.Created, "2022-02-09T16:00:00") {
			t.Errorf("doc props: %+v %v", props, err)
		}
		f.Close()
	}
}

func TestDOCXReadBack(t *testing.T) {
	in := demoCase(t)
	files := demoFiles(t)
	m := &in.Case.Campaign.Measures[0]
	n := Names(m)
	data := files[n.ApplicationDOCX]
	blocks, err := docx.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, b := range blocks {
		if b.OutlineLevel >= 0 {
			heads = append(heads, b.Text)
		}
	}
	var want []string
	for _, s := range m.Sections() {
		want = append(want, s.Heading())
	}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("headings %v, want %v", heads, want)
	}
	for _, p := range []string{n.ApplicationDOCX, n.LetterDOCX, n.DeclarationDOCX} {
		if !bytes.Contains(unzip(t, files[p], "word/document.xml"), []byte(docx.FontFangsong)) {
			t.Errorf("%s does not name %s", p, docx.FontFangsong)
		}
	}
	if !bytes.Contains(unzip(t, files[n.LetterDOCX], "word/document.xml"), []byte(docx.FontXiaobiaosong)) {
		t.Errorf("letter does not name %s", docx.FontXiaobiaosong)
	}
}

func TestDOCXLibreOffice(t *testing.T) {
	need(t, "soffice")
	if testing.Short() {
		t.Skip("slow")
	}
	in := demoCase(t)
	files := demoFiles(t)
	dir := t.TempDir()
	var paths []string
	m := &in.Case.Campaign.Measures[1]
	n := Names(m)
	for i, p := range []string{n.LetterDOCX, n.ApplicationDOCX, n.DeclarationDOCX} {
		fp := filepath.Join(dir, fmt.Sprintf("d%d.docx", i))
		if err := os.WriteFile(fp, files[p], 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, fp)
	}
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "lo"), "--convert-to", "txt:Text", "--outdir", dir}, paths...)
	if out, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	ch, _ := in.Case.Choice(m.ID)
	u, _ := in.Case.Unit(ch.UnitCode)
	wants := [][]string{
		// The fingerprint stands in the first page's footer, above the closing double line.
		{u.Name, "工信厅规函〔2022〕13号", Addressee(in.Case.Campaign), "2022年2月10日", "鲁工信演函〔2022〕2号"},
		{u.Name, "一、基本情况", "（四）网络安全和数据安全", "四、其他说明事项"},
		{"推荐材料真实性、合规性声明", u.Name},
	}
	for i, ws := range wants {
		txt, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("d%d.txt", i)))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range ws {
			if !strings.Contains(squash(string(txt)), squash(w)) {
				t.Errorf("d%d.txt lacks %q:\n%s", i, w, txt)
			}
		}
	}
}

// TestSectionFourDrafted: an empty section 四 is drafted from the event register.
func TestSectionFourDrafted(t *testing.T) {
	in := demoCase(t)
	m := &in.Case.Campaign.Measures[0]
	ch := chosen{m: m}
	ch.choice, _ = in.Case.Choice(m.ID)
	ch.unit, _ = in.Case.Unit(ch.choice.UnitCode)
	texts := map[string]string{}
	ps := applicationParas(in, ch, texts)
	var all []string
	for _, p := range ps {
		all = append(all, p.Text)
	}
	joined := strings.Join(all, "\n")
	if !strings.Contains(joined, "经核查") || !strings.Contains(joined, EmptySection) {
		t.Errorf("application without texts:\n%s", joined)
	}
}

// TestGoldenPages renders the first page of each PDF kind and compares it with
// testdata/*.png by the share of inked pixels per region (tolerant to anti-aliasing).
func TestGoldenPages(t *testing.T) {
	need(t, "pdftoppm")
	in := demoCase(t)
	files := demoFiles(t)
	n := Names(&in.Case.Campaign.Measures[0])
	for name, p := range map[string]string{"letter": n.LetterPDF, "table": n.TablePDF, "application": n.ApplicationPDF,
		"declaration": n.DeclarationPDF, "report": ReportPDF} {
		got := render(t, files[p])
		golden := filepath.Join("testdata", name+".png")
		if os.Getenv("UPDATE_GOLDEN") != "" {
			if err := os.WriteFile(golden, encodePNG(t, got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		raw, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create)", err)
		}
		want, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if d := inkDiff(got, want); d > 0.02 {
			t.Errorf("%s: page differs from %s by %.3f", p, golden, d)
		}
	}
}

func render(t *testing.T, data []byte) image.Image {
	t.Helper()
	p := writeTemp(t, "r.pdf", data)
	base := filepath.Join(filepath.Dir(p), "page")
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", p, base).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	raw, err := os.ReadFile(base + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// inkDiff compares the ink (dark or red pixels) of two pages in a grid of 12 × 16
// cells and returns the largest difference of inked share in any cell.
func inkDiff(a, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	const gx, gy = 12, 16
	r := a.Bounds()
	var worst float64
	for cy := 0; cy < gy; cy++ {
		for cx := 0; cx < gx; cx++ {
			x0, x1 := r.Min.X+r.Dx()*cx/gx, r.Min.X+r.Dx()*(cx+1)/gx
			y0, y1 := r.Min.Y+r.Dy()*cy/gy, r.Min.Y+r.Dy()*(cy+1)/gy
			var na, nb, n float64
			for y := y0; y < y1; y++ {
				for x := x0; x < x1; x++ {
					n++
					if inked(a.At(x, y)) {
						na++
					}
					if inked(b.At(x, y)) {
						nb++
					}
				}
			}
			if n > 0 {
				d := (na - nb) / n
				if d < 0 {
					d = -d
				}
				if d > worst {
					worst = d
				}
			}
		}
	}
	return worst
}

func inked(c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, g, b, _ := c.RGBA()
	return r < 0xa000 || g < 0xa000 || b < 0xa000
}

func unzip(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zipReader(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var b bytes.Buffer
			if _, err := b.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
	}
	t.Fatalf("no %s", name)
	return nil
}

func BenchmarkBuildDemo(b *testing.B) {
	in := demoCase(b)
	for i := 0; i < b.N; i++ {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDump writes the demo documents to $DOCUMENTS_DUMP for a person to look at.
func TestDump(t *testing.T) {
	dir := os.Getenv("DOCUMENTS_DUMP")
	if dir == "" {
		t.Skip("set DOCUMENTS_DUMP to a folder to write the demo documents there")
	}
	for p, data := range demoFiles(t) {
		fp := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(fp), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fp, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTexts(t *testing.T) {
	in := demoCase(t)
	texts, err := Texts(in)
	if err != nil {
		t.Fatal(err)
	}
	files := demoFiles(t)
	if len(texts) != len(files) {
		t.Errorf("%d texts for %d files", len(texts), len(files))
	}
	n := Names(&in.Case.Campaign.Measures[0])
	if !strings.Contains(texts[n.LetterPDF], "工信厅规函〔2022〕13号") || !strings.Contains(texts[n.LetterPDF], testFingerprint) ||
		!strings.Contains(texts[n.LetterPDF], SM2KeyLine(testSM2Fingerprint)) {
		t.Errorf("letter text:\n%s", texts[n.LetterPDF])
	}
	if !strings.Contains(texts[n.TableXLSX], in.Case.Campaign.Measures[0].Indicators[0].Label) {
		t.Errorf("table text:\n%s", texts[n.TableXLSX])
	}
	if !strings.Contains(texts[ReportPDF], "淄博市") {
		t.Errorf("report text:\n%s", texts[ReportPDF])
	}
}

// TestLetterLayout checks the 信函格式 facts on the rendered letter: the 发文字号 flush
// with the right edge of the 版心 (184 mm), the date 右空四字, the 标志 starting 30 mm
// from the top, and red double lines under the 标志 and 20 mm above the page bottom.
func TestLetterLayout(t *testing.T) {
	need(t, "pdftotext")
	need(t, "pdftoppm")
	in := demoCase(t)
	files := demoFiles(t)
	data := files[Names(&in.Case.Campaign.Measures[0]).LetterPDF]
	out, err := exec.Command("pdftotext", "-bbox-layout", writeTemp(t, "l.pdf", data), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	const ptToMM = 25.4 / 72
	lineRe := regexp.MustCompile(`<line xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">((?s).*?)</line>`)
	wordRe := regexp.MustCompile(`>([^<]*)</word>`)
	type box struct {
		x0, y0, x1, y1 float64
		text           string
	}
	var lines []box
	for _, m := range lineRe.FindAllStringSubmatch(string(out), -1) {
		var b box
		fmt.Sscan(m[1], &b.x0)
		fmt.Sscan(m[2], &b.y0)
		fmt.Sscan(m[3], &b.x1)
		fmt.Sscan(m[4], &b.y1)
		for _, w := range wordRe.FindAllStringSubmatch(m[5], -1) {
			b.text += w[1]
		}
		b.x0, b.y0, b.x1, b.y1 = b.x0*ptToMM, b.y0*ptToMM, b.x1*ptToMM, b.y1*ptToMM
		lines = append(lines, b)
	}
	find := func(prefix string) box {
		for _, l := range lines {
			if strings.HasPrefix(l.text, prefix) {
				return l
			}
		}
		t.Fatalf("no line %q in %v", prefix, lines)
		return box{}
	}
	near := func(what string, got, want, tol float64) {
		if got < want-tol || got > want+tol {
			t.Errorf("%s at %.1f mm, want %.1f ± %.1f", what, got, want, tol)
		}
	}
	issuer := find(in.Case.Settings.Department)
	docNo := find(in.Case.Approval(forms.Industry).LetterNo)
	near("发文字号 right end", docNo.x1, 184, 0.8)
	date := find("2022年2月10日")
	near("date right end (右空四字)", date.x1, 184-4*16*ptToMM, 1)
	key := find("电子版签名公钥指纹")
	if key.y1 > 277 || key.y1 < 262 {
		t.Errorf("key line at %.1f–%.1f mm, want just above the closing double line", key.y0, key.y1)
	}
	// Red rows of the rendered page (72 dpi: 1 px = 0.3528 mm).
	p := writeTemp(t, "r.pdf", data)
	base := filepath.Join(filepath.Dir(p), "red")
	if out, err := exec.Command("pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", p, base).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	raw, _ := os.ReadFile(base + ".png")
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var redRows []float64
	inkTop := -1.0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		n, x0, x1 := 0, -1, -1
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r > 0xc000 && g < 0x6000 && b < 0x6000 {
				if x0 < 0 {
					x0 = x
				}
				x1 = x
				n++
			}
		}
		if n > 0 && inkTop < 0 && float64(y)*ptToMM > 20 { // below the demo note
			inkTop = float64(y) * ptToMM
		}
		if float64(n)*ptToMM > 160 { // a red rule ~170 mm long
			redRows = append(redRows, float64(y)*ptToMM)
			near("red rule length", float64(x1-x0+1)*ptToMM, 170, 2)
		}
	}
	t.Logf("标志 ink top %.1f mm, 发文字号 right %.1f mm, date right %.1f mm, key line %.1f–%.1f mm, red rows %v", inkTop, docNo.x1, date.x1, key.y0, key.y1, redRows)
	near("标志 ink top", inkTop, 31, 1.5) // em box at 30 mm; glyph ink starts a little below
	var top, bottom int
	for _, y := range redRows {
		switch {
		case y > issuer.y1 && y < docNo.y0:
			top++
		case y > 270 && y < 278:
			bottom++
		}
	}
	if top < 2 || bottom < 2 {
		t.Errorf("red double lines: %d rows under the 标志, %d rows near the bottom (rows at %v)", top, bottom, redRows)
	}
}
