package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func sampleDoc() *Doc {
	d := New(PageSetup{PageNumbers: true, NoNumberOnFirstPage: true})
	d.Paragraph(Para{Align: AlignCenter, Runs: []Run{{Text: "××省工业和信息化厅", Font: FontXiaobiaosong, SizePt: 26, Color: "FF0000"}}})
	d.LineSpan("FF0000", 3, true, 170)
	d.Paragraph(Para{Align: AlignRight, Runs: []Run{{Text: "×工信规函〔2022〕5号"}}})
	d.Paragraph(Para{Style: StyleTitle, Runs: []Run{{Text: "关于推荐某市为2021年度工业稳增长和转型升级成效明显市（州）的函"}}})
	d.Paragraph(Para{Runs: []Run{{Text: "工业和信息化部办公厅（规划司）："}}})
	d.Text("根据《工业和信息化部办公厅关于组织开展2021年工业和信息化领域督查激励工作的通知》（工信厅规函〔2022〕13号）要求，现推荐某市。")
	d.Heading(1, "一、基本情况")
	d.Heading(2, "（一）工业增长")
	d.Text("规上工业增加值增长10.5%，A&B <测试> \"引号\"。")
	d.Paragraph(Para{Runs: []Run{{Text: "加粗段落", Bold: true}, {Text: "第二段", Bold: true, Font: FontHeiti}}, FirstLineIndentChars: 2})
	d.Table(Table{
		ColumnWidthsMM: []float64{30, 40, 40, 46},
		Rows: []Row{
			{Header: true, Cells: []Cell{{Runs: []Run{{Text: "指标", Bold: true}}, VMerge: VMergeRestart}, {Runs: []Run{{Text: "数值"}}, Span: 2, Align: AlignCenter}, {Runs: []Run{{Text: "备注"}}}}},
			{Cells: []Cell{{VMerge: VMergeContinue}, {Runs: []Run{{Text: "2021年"}}}, {Runs: []Run{{Text: "2020年"}}}, {Runs: []Run{{Text: "第一行\n第二行"}}}}},
			{Cells: []Cell{{Runs: []Run{{Text: "增速"}}}, {Runs: []Run{{Text: "10.5"}}}, {Runs: []Run{{Text: "8.1"}}}, {Paras: []Para{{Runs: []Run{{Text: "甲"}}}, {Runs: []Run{{Text: "乙"}}}}}}},
		},
	})
	d.Paragraph(Para{Align: AlignRight, RightIndentChars: 4, Runs: []Run{{Text: "2022年2月8日"}}})
	d.Paragraph(Para{PageBreakBefore: true, Runs: []Run{{Text: "附件1", Font: FontHeiti}}})
	return d
}

func TestWriteReadBack(t *testing.T) {
	data, err := sampleDoc().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		text  string
		style string
		lvl   int
		bold  bool
		table bool
	}
	wants := []want{
		{"××省工业和信息化厅", "", -1, false, false},
		{"×工信规函〔2022〕5号", "", -1, false, false},
		{"关于推荐某市为2021年度工业稳增长和转型升级成效明显市（州）的函", "Title", -1, false, false},
		{"工业和信息化部办公厅（规划司）：", "", -1, false, false},
		{"根据《工业和信息化部办公厅关于组织开展2021年工业和信息化领域督查激励工作的通知》（工信厅规函〔2022〕13号）要求，现推荐某市。", "", -1, false, false},
		{"一、基本情况", "Heading1", 0, false, false},
		{"（一）工业增长", "Heading2", 1, false, false},
		{"规上工业增加值增长10.5%，A&B <测试> \"引号\"。", "", -1, false, false},
		{"加粗段落第二段", "", -1, true, false},
		{"指标\t数值\t备注\n\t2021年\t2020年\t第一行\n第二行\n增速\t10.5\t8.1\t甲\n乙", "", -1, false, true},
		{"2022年2月8日", "", -1, false, false},
		{"附件1", "", -1, false, false},
	}
	if len(blocks) != len(wants) {
		for _, b := range blocks {
			t.Logf("%+v", b)
		}
		t.Fatalf("got %d blocks, want %d", len(blocks), len(wants))
	}
	for i, w := range wants {
		b := blocks[i]
		if b.Text != w.text || b.StyleID != w.style || b.OutlineLevel != w.lvl || b.Bold != w.bold || b.IsTable != w.table {
			t.Errorf("block %d = %+v, want %+v", i, b, w)
		}
	}
	if blocks[5].StyleName != "heading 1" {
		t.Errorf("style name %q", blocks[5].StyleName)
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := sampleDoc().Bytes()
	b, _ := sampleDoc().Bytes()
	if !bytes.Equal(a, b) {
		t.Fatal("two writes differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(FixedTime) {
			t.Errorf("%s modified %v", f.Name, f.Modified)
		}
		if strings.HasPrefix(f.Name, "docProps") {
			t.Errorf("unexpected %s", f.Name)
		}
	}
}

func TestFontsAndLayoutXML(t *testing.T) {
	d := sampleDoc()
	doc := d.documentXML()
	for _, s := range []string{
		`w:eastAsia="方正小标宋简体"`, `w:color w:val="FF0000"`, `w:sz w:val="52"`,
		`w:firstLineChars="200"`, `w:rightChars="400"`, `<w:gridSpan w:val="2"/>`, `<w:vMerge w:val="restart"/>`,
		`w:val="thickThinSmallGap"`, `<w:pageBreakBefore/>`, `<w:titlePg/>`, `w:top="2098"`, `w:left="1587"`,
	} {
		if !strings.Contains(doc, s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
	st := d.stylesXML()
	for _, s := range []string{`w:styleId="Heading1"`, `<w:outlineLvl w:val="0"/>`, `w:eastAsia="仿宋_GB2312"`, `w:ascii="Times New Roman"`, `w:line="579" w:lineRule="exact"`} {
		if !strings.Contains(st, s) {
			t.Errorf("styles.xml lacks %s", s)
		}
	}
}

func mkzip(t testing.TB, files map[string]string, order ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	zw.Close()
	return buf.Bytes()
}

// Chinese Word writes heading style IDs "1", "2" with names "heading 1"; some documents
// carry only outlineLvl in the paragraph, some only a numeric ID without styles.xml.
func TestReadHeadingForms(t *testing.T) {
	styles := `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="my"><w:name w:val="我的标题"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="mychild"><w:name w:val="child"/><w:basedOn w:val="my"/></w:style>
<w:style w:type="paragraph" w:styleId="loop1"><w:name w:val="x"/><w:basedOn w:val="loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="loop2"><w:name w:val="y"/><w:basedOn w:val="loop1"/></w:style>
<w:style w:type="character" w:styleId="strong"><w:name w:val="Strong"/><w:rPr><w:b w:val="1"/></w:rPr></w:style>
</w:styles>`
	doc := `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="20"/></w:pPr><w:r><w:t>（一）增长</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="mychild"/></w:pPr><w:r><w:t>1.细项</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>直接大纲</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="loop1"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>循环样式</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>二、</w:t></w:r><w:r><w:rPr><w:rStyle w:val="strong"/></w:rPr><w:t>粗体标题</w:t></w:r><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不加粗的标题</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="7"/></w:pPr><w:r><w:t>未定义样式7</w:t></w:r></w:p>
<w:p><w:r><w:t>正文</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins><w:r><w:t>插入的</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>5</w:t></w:r>
<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>回退</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>
<w:p><w:r><w:t>　</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>n1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>n2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:sectPr/></w:body></w:document>`
	data := mkzip(t, map[string]string{"word/document.xml": doc, "word/styles.xml": styles, "word/vbaProject.bin": "MZ macro"},
		"word/vbaProject.bin", "word/document.xml", "word/styles.xml")
	blocks, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		text string
		lvl  int
		bold bool
	}
	wants := []want{
		{"一、总体情况", 0, true},
		{"（一）增长", 1, false},
		{"1.细项", 2, false},
		{"直接大纲", 1, false},
		{"循环样式", -1, false},
		{"二、粗体标题  ", -1, true},
		{"不加粗的标题", 0, false},
		{"未定义样式7", 6, false},
		{"正文插入的5链接", -1, false},
		{"a\nn1\tn2\t\n\tb", -1, false},
	}
	if len(blocks) != len(wants) {
		for _, b := range blocks {
			t.Logf("%q", b.Text)
		}
		t.Fatalf("got %d blocks, want %d", len(blocks), len(wants))
	}
	for i, w := range wants {
		b := blocks[i]
		if b.Text != w.text || b.OutlineLevel != w.lvl || b.Bold != w.bold {
			t.Errorf("block %d = %+v, want %+v", i, b, w)
		}
	}
	if blocks[0].StyleName != "heading 1" || blocks[0].StyleID != "1" {
		t.Errorf("style of block 0: %+v", blocks[0])
	}
}

func TestReadRejects(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	noDoc := mkzip(t, map[string]string{"word/styles.xml": "<a/>"}, "word/styles.xml")
	bad := mkzip(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}, "word/document.xml")
	dup := mkzip(t, map[string]string{"word/document.xml": "<a/>"}, "word/document.xml", "word/document.xml")
	// Entity expansion (“billion laughs”): named as a DTD, in the document and in styles.
	laughs := `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`
	dtdDoc := mkzip(t, map[string]string{"word/document.xml": laughs}, "word/document.xml")
	dtdStyles := mkzip(t, map[string]string{"word/document.xml": "<w:document/>", "word/styles.xml": `<!DOCTYPE s [<!ENTITY x "y">]><w:styles/>`}, "word/document.xml", "word/styles.xml")

	// A zip bomb: 40 MiB of zeros inside one small entry.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	zero := make([]byte, 1<<20)
	for i := 0; i < 40; i++ {
		w.Write(zero)
	}
	zw.Close()

	// Too many entries.
	var many bytes.Buffer
	zw = zip.NewWriter(&many)
	for i := 0; i <= MaxEntries; i++ {
		zw.CreateHeader(&zip.FileHeader{Name: "x/" + strings.Repeat("a", i%7) + string(rune('a'+i%26)) + "/" + itoa(i), Method: zip.Store})
	}
	zw.Close()

	// A zip64 marker in the end record (its 64-bit counts would bypass the limits).
	zip64 := append([]byte{}, noDoc...)
	copy(zip64[len(zip64)-22+16:], []byte{0xFF, 0xFF, 0xFF, 0xFF})

	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"zip64", zip64, ErrTooManyEntries},
		{"ole", ole, ErrOldDoc},
		{"empty", nil, ErrNotDocx},
		{"text", []byte("hello, this is not a docx"), ErrNotDocx},
		{"truncated zip", []byte("PK\x03\x04garbage"), ErrNotDocx},
		{"no document", noDoc, ErrNoDocument},
		{"bomb", bomb.Bytes(), ErrTooLarge},
		{"many entries", many.Bytes(), ErrTooManyEntries},
		{"DTD in document", dtdDoc, ErrDTD},
		{"DTD in styles", dtdStyles, ErrDTD},
	}
	for _, c := range cases {
		_, err := Read(bytes.NewReader(c.data), int64(len(c.data)))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	for name, data := range map[string][]byte{"malformed": bad, "duplicate": dup} {
		_, err := Read(bytes.NewReader(data), int64(len(data)))
		var me *MalformedError
		if !errors.As(err, &me) || !strings.Contains(err.Error(), "另存为 .docx") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(digits[i%10]) + s
	}
	return s
}

// --- LibreOffice cross-checks (skipped when soffice is absent) ---

func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("soffice not installed")
	return ""
}

// convert runs a headless LibreOffice conversion with a throwaway profile and returns
// the output file.
// The conversions share one throwaway profile: creating a profile costs seconds.
var (
	loOnce    sync.Once
	loProfile string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if loProfile != "" {
		os.RemoveAll(loProfile)
	}
	os.Exit(code)
}

func convert(t *testing.T, bin, in, to, ext string, extra ...string) string {
	t.Helper()
	return convertEnv(t, nil, bin, in, to, ext, extra...)
}

func convertEnv(t *testing.T, env []string, bin, in, to, ext string, extra ...string) string {
	t.Helper()
	loOnce.Do(func() { loProfile, _ = os.MkdirTemp("", "lo-profile-") })
	out := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(loProfile), "--headless", "--norestore"}, extra...)
	args = append(args, "--convert-to", to, "--outdir", out, in)
	cmd := exec.Command(bin, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	p := filepath.Join(out, base+"."+ext)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("soffice wrote no %s: %v", p, err)
	}
	return p
}

func TestLibreOfficeReadsOurDocx(t *testing.T) {
	bin := soffice(t)
	data, err := sampleDoc().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "推荐函.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"××省工业和信息化厅", "×工信规函〔2022〕5号", "关于推荐某市为2021年度工业稳增长和转型升级成效明显市（州）的函",
		"（工信厅规函〔2022〕13号）要求，现推荐某市。", "一、基本情况", "A&B <测试> \"引号\"", "2022年2月8日"}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		// Print to PDF with the embedded Noto fonts visible to LibreOffice (through a
		// private fontconfig file), so that Chinese renders even on a machine without
		// Chinese fonts, and check the text and the page-number footers.
		root, _ := filepath.Abs("../../assets")
		conf := filepath.Join(t.TempDir(), "fonts.conf")
		os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
			`<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+root+`/docfonts</dir>`+
			`<cachedir>`+filepath.Join(t.TempDir(), "fc")+`</cachedir></fontconfig>`), 0o644)
		pdf := convertEnv(t, []string{"FONTCONFIG_FILE=" + conf}, bin, in, "pdf:writer_pdf_Export", "pdf")
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(out), "\f")
		flat := strings.Join(strings.Fields(string(out)), "")
		for _, s := range want {
			if !strings.Contains(flat, strings.Join(strings.Fields(s), "")) {
				t.Errorf("LibreOffice PDF lacks %q:\n%s", s, out)
			}
		}
		if len(pages) < 2 || strings.Contains(strings.Join(strings.Fields(pages[0]), ""), "—1—") ||
			!strings.Contains(strings.Join(strings.Fields(pages[1]), ""), "—2—") {
			t.Errorf("page numbers: want none on page 1 and — 2 — on page 2:\n%q", pages)
		}
	} else {
		txt, err := os.ReadFile(convert(t, bin, in, "txt:Text (encoded):UTF8", "txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range want {
			if !strings.Contains(string(txt), s) {
				t.Errorf("LibreOffice text lacks %q:\n%s", s, txt)
			}
		}
	}
	// Round trip through LibreOffice's own DOCX: headings must survive as outline levels.
	lo := convert(t, bin, in, "docx:MS Word 2007 XML", "docx")
	checkLODocx(t, lo, map[string]int{"一、基本情况": 0, "（一）工业增长": 1})
}

func checkLODocx(t *testing.T, path string, levels map[string]int) []Block {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	blocks, err := Read(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, b := range blocks {
		if lvl, ok := levels[b.Text]; ok {
			found[b.Text] = true
			if b.OutlineLevel != lvl {
				t.Errorf("%q: outline level %d (style %q %q), want %d", b.Text, b.OutlineLevel, b.StyleID, b.StyleName, lvl)
			}
		}
	}
	for s := range levels {
		if !found[s] {
			t.Errorf("%q not read from LibreOffice's DOCX", s)
		}
	}
	return blocks
}

// A city's 申报书 as LibreOffice writes it: one version with heading styles, one with
// bold paragraphs numbered 一、/（一） and no heading styles.
func TestReadLibreOfficeDocx(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	html := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>申报书</title></head><body>
<h1>一、总体情况</h1><p>某市2021年工业增加值增长10.5%。</p>
<h2>（一）稳增长</h2><p>规上工业增加值增速居全省第一。</p>
<p><b>二、主要做法</b></p><p><b>（一）强化调度</b></p><p>建立工作专班。</p>
<table border="1"><tr><td>指标</td><td>数值</td></tr><tr><td>增速</td><td>10.5</td></tr></table>
</body></html>`
	in := filepath.Join(dir, "city.html")
	if err := os.WriteFile(in, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	// Opened as a Writer (not Writer/Web) document, so the Word export filter applies.
	out := convert(t, bin, in, "docx:MS Word 2007 XML", "docx", "--infilter=HTML (StarWriter)")
	blocks := checkLODocx(t, out, map[string]int{"一、总体情况": 0, "（一）稳增长": 1, "二、主要做法": -1, "（一）强化调度": -1, "建立工作专班。": -1})
	for _, b := range blocks {
		switch b.Text {
		case "二、主要做法", "（一）强化调度":
			if !b.Bold {
				t.Errorf("%q not bold: %+v", b.Text, b)
			}
		case "建立工作专班。", "某市2021年工业增加值增长10.5%。":
			if b.Bold {
				t.Errorf("%q bold", b.Text)
			}
		}
	}
	var table bool
	for _, b := range blocks {
		if b.IsTable && strings.Contains(b.Text, "增速\t10.5") {
			table = true
		}
	}
	if !table {
		t.Errorf("table not read: %+v", blocks)
	}
}

// Issue 12 point 5: the DOCX declares substitutes for the GB2312 faces, so a stock
// Windows shows 仿宋, not 宋体; the part is listed and related.
func TestFontFallbacksDeclared(t *testing.T) {
	d := New(GBT9704)
	d.Text("正文")
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(data)
	}
	ft := parts["word/fontTable.xml"]
	for _, want := range []string{`w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>`, `w:name="仿宋"><w:altName w:val="FangSong"/>`, `w:name="楷体_GB2312"><w:altName w:val="楷体"/>`} {
		if !strings.Contains(ft, want) {
			t.Errorf("fontTable lacks %s", want)
		}
	}
	if !strings.Contains(parts["[Content_Types].xml"], "/word/fontTable.xml") || !strings.Contains(parts["word/_rels/document.xml.rels"], "fontTable.xml") {
		t.Error("fontTable.xml not listed in the content types or related to the document")
	}
}
