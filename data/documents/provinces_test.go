package documents

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tuijian/data/divisions"
	"tuijian/data/pdfdoc"
	"tuijian/forms"
	"tuijian/forms/value"
)

// longNotes are the longest 附注 an officer writes: two contacts, two numbers, a fax.
const (
	longContact = "张三、欧阳晓明"
	longPhone   = "0851-86000001、13912345678，传真：0851-86000002"
)

// provinceCase is a real case of a province (not the demo): its recommending body,
// the given candidates of the measure, the first chosen, consents, screening and a
// distinct letter number per measure.
func provinceCase(t testing.TB, provinceCode string, m forms.MeasureID, candidates ...string) *forms.Case {
	t.Helper()
	camp, err := forms.CampaignFor(2021)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := divisions.Province(provinceCode)
	if !ok {
		t.Fatalf("no province %s", provinceCode)
	}
	c := &forms.Case{
		Settings: forms.Settings{ProvinceCode: p.Code, Year: 2021, Department: forms.RecommendingBodies[p.Code], Contact: longContact, Phone: longPhone},
		Campaign: camp, Province: p, Units: divisions.Units(p.Code), Candidates: map[forms.MeasureID][]string{m: candidates},
		Choices: []forms.Choice{{Measure: m, UnitCode: candidates[0], Reason: "综合领先"}},
		Approvals: []forms.Approval{{Measure: m, Government: forms.ConsentYes, GovDocNo: "政函〔2022〕1号", GovDate: "2022-02-08", GovUnit: candidates[0],
			Telecom: forms.ConsentYes, TelecomUnit: candidates[0], LetterNo: fmt.Sprintf("工信函〔2022〕%d号", 100+len(m))}},
		Screenings: []forms.Screening{{UnitCode: candidates[0], Checker: "规划处", Departments: "应急管理厅、生态环境厅", Date: "2022-02-07", Basis: "复函"}},
	}
	if m == forms.Industry {
		c.Approvals[0].Telecom, c.Approvals[0].TelecomUnit = "", ""
	}
	return c
}

var testDay = time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)

func provinceInput(c *forms.Case) Input {
	return Input{Case: c, Fingerprint: testFingerprint, SM2Fingerprint: testSM2Fingerprint, Date: testDay, ExportDay: testDay, Fonts: pdfdoc.Fallback()}
}

// Issue 12 point 2: the 推荐函 stays on one page in the 信函格式 for every recommending
// unit and every unit of the division list, both measures, with the longest 附注.
func TestLetterOnePageForEveryUnit(t *testing.T) {
	if testing.Short() {
		t.Skip("walks 860 letters")
	}
	n := 0
	for _, p := range divisions.Provinces() {
		for _, u := range divisions.Units(p.Code) {
			for _, m := range []forms.MeasureID{forms.Industry, forms.Digital} {
				pages, err := LetterPages(provinceInput(provinceCase(t, p.Code, m, u.Code)), m)
				if err != nil {
					t.Fatalf("%s %s %s: %v", p.Name, u.Name, m, err)
				}
				if pages != 1 {
					t.Errorf("%s %s %s: the 推荐函 takes %d pages", p.Name, u.Name, m, pages)
				}
				n++
			}
		}
	}
	if n < 800 {
		t.Errorf("only %d letters walked", n)
	}
}

// The letters of the provinces the demo hides, read back: one page, the closing
// double line's key line on it, the title broken at word boundaries.
func TestLettersOfRealProvinces(t *testing.T) {
	need(t, "pdftotext")
	cases := []struct {
		province string
		m        forms.MeasureID
		units    []string
	}{
		{"650000", forms.Digital, []string{"652800"}},           // 新疆, 巴音郭楞蒙古自治州
		{"450000", forms.Digital, []string{"451000", "450100"}}, // 广西
		{"150000", forms.Industry, []string{"152900"}},          // 内蒙古, 阿拉善盟
		{"520000", forms.Digital, []string{"522600", "522700", "520100"}},
		{"430000", forms.Industry, []string{"433100"}}, // 湘西土家族苗族自治州
		{"110000", forms.Industry, []string{"110115", "110105"}},
		{forms.BingtuanCode, forms.Digital, []string{"659001"}},
	}
	for _, tc := range cases {
		c := provinceCase(t, tc.province, tc.m, tc.units...)
		in := provinceInput(c)
		files, err := Build(in)
		if err != nil {
			t.Fatalf("%s: %v", tc.province, err)
		}
		m, _ := c.Campaign.Measure(tc.m)
		u, _ := c.Unit(tc.units[0])
		for _, f := range files {
			if f.Path != Names(m).LetterPDF {
				continue
			}
			info := pdfinfo(t, f.Data)
			if !strings.Contains(info, "Pages:           1\n") {
				t.Errorf("%s %s: letter is not one page", c.Province.Name, u.Name)
			}
			txt := pdftotext(t, f.Data)
			for _, w := range []string{"电子版签名公钥指纹", c.Settings.Department, longPhone, "现推荐" + u.Name} {
				if !strings.Contains(squash(txt), squash(w)) {
					t.Errorf("%s %s: letter lacks %q", c.Province.Name, u.Name, w)
				}
			}
			// The first title line ends at a word boundary.
			title := letterTitle(u.Name, 2021, m.Name)
			for _, line := range strings.Split(title, "\n") {
				if !strings.Contains(txt, line) {
					t.Errorf("%s: title line %q not set as one line:\n%s", u.Name, line, txt)
				}
			}
		}
	}
}

func TestLetterTitleBreaks(t *testing.T) {
	for _, tc := range []struct{ unit, measure, want string }{
		{"青岛市", "工业稳增长和转型升级成效明显市（州）", "关于推荐青岛市为2021年度工业稳增长和\n转型升级成效明显市（州）的函"},
		{"济南市", "建设信息基础设施和推进产业数字化成效明显市（州）", "关于推荐济南市为2021年度\n建设信息基础设施和推进产业数字化\n成效明显市（州）的函"},
		{"黔东南苗族侗族自治州", "建设信息基础设施和推进产业数字化成效明显市（州）", "关于推荐黔东南苗族侗族自治州为2021年度\n建设信息基础设施和推进产业数字化\n成效明显市（州）的函"},
	} {
		if got := letterTitle(tc.unit, 2021, tc.measure); got != tc.want {
			t.Errorf("letterTitle(%s) = %q, want %q", tc.unit, got, tc.want)
		}
	}
}

func pdfinfo(t *testing.T, data []byte) string {
	t.Helper()
	out, err := exec.Command("pdfinfo", writeTemp(t, "i.pdf", data)).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}

// GB/T 9704 §10.1: the DOCX letter's closing double line and the fingerprint stand in
// the first page's footer, its bottom 20 mm above the page's bottom edge, not after
// the text.
func TestLetterDOCXClosingLineInFooter(t *testing.T) {
	in := demoCase(t)
	files := demoFiles(t)
	n := Names(&in.Case.Campaign.Measures[0])
	doc := string(unzip(t, files[n.LetterDOCX], "word/document.xml"))
	footer := string(unzip(t, files[n.LetterDOCX], "word/footer3.xml"))
	if strings.Contains(doc, "thinThick") || !strings.Contains(footer, `w:val="thinThickSmallGap"`) || !strings.Contains(footer, testFingerprint) {
		t.Errorf("closing line or fingerprint not in the first page's footer:\n%s", footer)
	}
	if !strings.Contains(doc, `w:footer="1134"`) { // 20 mm in twips
		t.Errorf("footer distance is not 20 mm: %s", doc[strings.Index(doc, "<w:pgMar"):][:200])
	}
}

// Issue 12 point 1: any number of comparable candidates from 1 to 40 gives every
// document, the 比选报告 and its charts included, for several provinces.
func TestDocumentsForAnyNumberOfCandidates(t *testing.T) {
	cases := []struct {
		province string
		m        forms.MeasureID
		n        int
	}{
		{"650000", forms.Digital, 1}, {"640000", forms.Industry, 2}, {"150000", forms.Digital, 3},
		{"110000", forms.Industry, 3}, {forms.BingtuanCode, forms.Industry, 2}, {"520000", forms.Industry, 9},
		{"500000", forms.Digital, 38},
	}
	for _, tc := range cases {
		var codes []string
		for _, u := range divisions.Units(tc.province) {
			if len(codes) < tc.n {
				codes = append(codes, u.Code)
			}
		}
		if len(codes) != tc.n {
			t.Fatalf("%s has %d units, want %d", tc.province, len(codes), tc.n)
		}
		c := provinceCase(t, tc.province, tc.m, codes...)
		m, _ := c.Campaign.Measure(tc.m)
		for i, code := range codes {
			for _, in := range m.Indicators {
				for _, y := range c.Campaign.IndicatorYears() {
					c.Figures = append(c.Figures, forms.Figure{FigureKey: forms.FigureKey{UnitCode: code, Measure: tc.m, Indicator: in.ID, Year: y},
						Value: value.Value{A: float64(10 - i%7)}, State: forms.Verified})
				}
			}
		}
		in := provinceInput(c)
		in.IncludeReport = true
		files, err := Build(in)
		if err != nil {
			t.Errorf("%s with %d candidates: %v", c.Province.Name, tc.n, err)
			continue
		}
		if len(files) != 9 {
			t.Errorf("%s with %d candidates: %d files", c.Province.Name, tc.n, len(files))
		}
	}
}

// Issue 12 point 4: documents written while the pre-flight blocks say 草稿 on every
// page, and “（此部分尚未填写）” never appears without it; the demo mark stands on every
// page of every demo document.
func TestDraftsLookLikeDrafts(t *testing.T) {
	need(t, "pdftotext")
	c := provinceCase(t, "450000", forms.Industry, "450200")
	in := provinceInput(c)
	in.IncludeReport = true
	in.MarkDraft()
	if !in.Draft {
		t.Fatal("a case without figures or 申报书 is not a draft")
	}
	files, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	sawEmpty := false
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".pdf") {
			continue
		}
		pages := strings.Split(strings.TrimRight(pdftotext(t, f.Data), "\f"), "\f")
		for i, p := range pages {
			if !strings.Contains(squash(p), squash(DraftNote)) {
				t.Errorf("%s page %d lacks the draft mark", f.Path, i+1)
			}
			sawEmpty = sawEmpty || strings.Contains(p, EmptySection)
		}
	}
	if !sawEmpty {
		t.Error("the draft 申报书 does not show its empty sections")
	}
	demo := demoCase(t)
	demo.IncludeReport = true
	demoFiles, err := Build(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range demoFiles {
		if !strings.HasSuffix(f.Path, ".pdf") {
			continue
		}
		for i, p := range strings.Split(strings.TrimRight(pdftotext(t, f.Data), "\f"), "\f") {
			if !strings.Contains(squash(p), squash(demoNote)) {
				t.Errorf("demo %s page %d lacks the demo mark", f.Path, i+1)
			}
			if strings.Contains(p, EmptySection) {
				t.Errorf("demo %s page %d shows an empty section without 草稿", f.Path, i+1)
			}
		}
	}
}

// Issue 12 point 6: attachments carry the number the 推荐函 gives them; the digital
// 声明 names who confirmed the telecom figures; a 直辖市 district is “该区”.
func TestWordingAClerkWouldNotCorrect(t *testing.T) {
	need(t, "pdftotext")
	c := provinceCase(t, "110000", forms.Digital, "110108")
	m, _ := c.Campaign.Measure(forms.Digital)
	for _, in := range m.Indicators {
		for _, y := range c.Campaign.IndicatorYears() {
			c.Figures = append(c.Figures, forms.Figure{FigureKey: forms.FigureKey{UnitCode: "110108", Measure: forms.Digital, Indicator: in.ID, Year: y},
				Value: value.Value{A: 3}, State: forms.Verified})
		}
	}
	files, err := Build(provinceInput(c))
	if err != nil {
		t.Fatal(err)
	}
	n := Names(m)
	want := map[string][]string{
		n.TablePDF:       {AnnexTable},
		n.ApplicationPDF: {AnnexApplication},
		n.DeclarationPDF: {AnnexDeclaration, "已经北京市通信管理局确认"},
	}
	for _, f := range files {
		for _, w := range want[f.Path] {
			txt := pdftotext(t, f.Data)
			if !strings.Contains(squash(txt), squash(w)) {
				t.Errorf("%s lacks %q", f.Path, w)
			}
			if w == want[f.Path][0] && !strings.HasPrefix(strings.TrimSpace(txt), w) {
				t.Errorf("%s does not start with %q", f.Path, w)
			}
		}
	}
}

// Issue 12 point 5: the 推荐表's figures are numbers Excel can sum, shown as the table's
// text; pairs and missing values stay text.
func TestTableFiguresAreNumbers(t *testing.T) {
	in := demoCase(t)
	files := demoFiles(t)
	m := &in.Case.Campaign.Measures[0]
	x, err := excelize.OpenReader(bytes.NewReader(files[Names(m).TableXLSX]))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	numbers := 0
	for i, ind := range m.Indicators {
		cell := fmt.Sprintf("C%d", TableFirstRow+i)
		typ, _ := x.GetCellType(TableSheet, cell)
		shown, _ := x.GetCellValue(TableSheet, cell)
		ch, _ := in.Case.Choice(m.ID)
		f, _ := in.Case.Figure(forms.FigureKey{UnitCode: ch.UnitCode, Measure: m.ID, Indicator: ind.ID, Year: 2021})
		want := f.Value.Format(ind.Kind)
		if shown != want {
			t.Errorf("%s (%s) shows %q, want %q", cell, ind.Label, shown, want)
		}
		switch ind.Kind {
		case value.CountPair, value.YesNo:
			if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s (%s) is not text: %v", cell, ind.Label, typ)
			}
		default:
			if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("%s (%s) is %v, not a number", cell, ind.Label, typ)
			}
			if raw, _ := x.GetCellValue(TableSheet, cell, excelize.Options{RawCellValue: true}); raw != "" {
				numbers++
			}
		}
	}
	if numbers < 5 {
		t.Errorf("only %d numeric figures", numbers)
	}
}

// Issue 12 point 3: the 比选报告's charts are placed at the size they were drawn for
// (300 dpi), so chart text of 9 pt prints at 9 pt.
func TestReportChartsPrintAtSize(t *testing.T) {
	need(t, "pdfimages")
	in := demoCase(t)
	files := demoFiles(t)
	out, err := exec.Command("pdfimages", "-list", writeTemp(t, "r.pdf", files[ReportPDF])).Output()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 14 {
			continue
		}
		n++
		if f[12] != "300" || f[13] != "300" {
			t.Errorf("chart placed at %s×%s ppi, want 300: %s", f[12], f[13], line)
		}
	}
	if want := 1 + len(in.Case.Campaign.Measures[0].Indicators); n < want {
		t.Errorf("%d charts in the report, want at least %d", n, want)
	}
}

// Issue 12 point 5: a 推荐表 with many 主导产业 rows continues with the sub-table's
// header repeated and numbered pages.
func TestTableWithManyIndustries(t *testing.T) {
	need(t, "pdftotext")
	c := provinceCase(t, "440000", forms.Industry, "440300")
	for i := 1; i <= 40; i++ {
		c.Industries = append(c.Industries, forms.LeadingIndustry{UnitCode: "440300", Row: i, Name: fmt.Sprintf("主导产业第%d项", i),
			Share: value.Value{A: 1}, Growth: value.Value{A: 2}, Revenue: value.Value{A: 3}, Profit: value.Value{A: 4}, State: forms.Verified})
	}
	files, err := Build(provinceInput(c))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := c.Campaign.Measure(forms.Industry)
	for _, f := range files {
		if f.Path != Names(m).TablePDF {
			continue
		}
		pages := strings.Split(strings.TrimRight(pdftotext(t, f.Data), "\f"), "\f")
		if len(pages) < 2 {
			t.Fatalf("40 rows on %d page", len(pages))
		}
		last := squash(pages[len(pages)-1])
		if !strings.Contains(last, squash(m.LeadingIndustries[0].Label)) || !strings.Contains(last, fmt.Sprintf("—%d—", len(pages))) {
			t.Errorf("the last page lacks the repeated header or its number:\n%s", pages[len(pages)-1])
		}
	}
}

// Issue 12 point 2: a letter that cannot fit one page is written on two, the closing
// double line on the last, and the pre-flight warns.
func TestLetterThatCannotFitIsWarned(t *testing.T) {
	need(t, "pdftotext")
	c := provinceCase(t, "650000", forms.Digital, "652800")
	c.Settings.Contact = strings.Repeat("张三、", 9) + "李四"
	c.Settings.Phone = strings.Repeat("0991-86000001、", 3) + "传真0991-86000002"
	if issues := LayoutIssues(c, testDay, pdfdoc.Fallback()); len(issues) != 1 || issues[0].Severity != forms.Warning || !strings.Contains(issues[0].Message, "一页排不下") {
		t.Fatalf("layout issues: %+v", issues)
	}
	if issues := LayoutIssues(provinceCase(t, "650000", forms.Digital, "652800"), testDay, pdfdoc.Fallback()); len(issues) != 0 {
		t.Errorf("a letter that fits is warned: %+v", issues)
	}
	files, err := Build(provinceInput(c))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := c.Campaign.Measure(forms.Digital)
	for _, f := range files {
		if f.Path != Names(m).LetterPDF {
			continue
		}
		pages := strings.Split(strings.TrimRight(pdftotext(t, f.Data), "\f"), "\f")
		if len(pages) != 2 || !strings.Contains(squash(pages[1]), "电子版签名公钥指纹") || !strings.Contains(squash(pages[1]), "—2—") {
			t.Errorf("two-page letter: %d pages, last:\n%s", len(pages), pages[len(pages)-1])
		}
		if strings.Contains(squash(pages[0]), squash(c.Settings.Department)+"2022年2月10日") && !strings.Contains(squash(pages[0]), "联系人") {
			t.Error("the 署名 stands without its 附注")
		}
	}
}
