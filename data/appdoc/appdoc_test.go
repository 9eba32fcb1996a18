package appdoc

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/data/docx"
	"tuijian/forms"
)

func industry(t testing.TB) *forms.Measure {
	t.Helper()
	c, err := forms.CampaignFor(2021)
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.Measure(forms.Industry)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func keys(ss []forms.Section) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Key)
	}
	return strings.Join(out, ",")
}

func TestHeadingStyles(t *testing.T) {
	d := docx.New(docx.PageSetup{})
	d.Paragraph(docx.Para{Style: docx.StyleTitle, Runs: []docx.Run{{Text: "青岛市工业稳增长和转型升级成效明显市（州）申报书"}}})
	d.Text("青岛市工业和信息化局　2022年1月")
	d.Heading(1, "一、基本情况")
	d.Text("青岛市工业总体规模较大。")
	d.Text("主导产业包括家电电子。")
	d.Heading(1, "二、已开展的工作和取得的成效")
	d.Heading(2, "（一）落实制造强国战略")
	d.Text("制定了实施方案。")
	d.Heading(2, "（二）促进工业稳增长")
	d.Text("规上工业增加值增长8.1%。")
	d.Table(docx.Table{ColumnWidthsMM: []float64{40, 40}, Rows: []docx.Row{{Cells: []docx.Cell{{Runs: []docx.Run{{Text: "指标"}}}, {Runs: []docx.Run{{Text: "数值"}}}}}}})
	// （三） is left out.
	d.Heading(2, "（四）实施产业基础再造工程")
	d.Text("支持基础产品。")
	d.Heading(2, "（五）主导产业和先进制造业集群情况")
	d.Text("集群发展。")
	d.Heading(3, "1.家电集群")
	d.Text("家电集群规模千亿。")
	d.Heading(1, "三、下一步工作安排")
	d.Text("（一）加强组织领导，健全工作机制，压实各方责任，确保各项任务落到实处。")
	d.Heading(1, "四、其他说明事项")
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(data, industry(t))
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if got := keys(r.Missing); got != "2.3" {
		t.Errorf("missing %q, want 2.3", got)
	}
	if got := keys(r.Empty); got != "4" {
		t.Errorf("empty %q, want 4", got)
	}
	if res.Texts["1"] != "青岛市工业总体规模较大。\n主导产业包括家电电子。" {
		t.Errorf("section 1: %q", res.Texts["1"])
	}
	if !strings.Contains(res.Texts["2.2"], "8.1%") || !strings.Contains(res.Texts["2.2"], "指标\t数值") {
		t.Errorf("section 2.2: %q", res.Texts["2.2"])
	}
	if !strings.Contains(res.Texts["2.5"], "1.家电集群") || !strings.Contains(res.Texts["2.5"], "千亿") {
		t.Errorf("section 2.5 lost its sub-heading: %q", res.Texts["2.5"])
	}
	if !strings.HasPrefix(res.Texts["3"], "（一）加强组织领导") {
		t.Errorf("a numbered body paragraph became a heading: %q", res.Texts["3"])
	}
	if _, ok := res.Texts["2"]; ok {
		t.Errorf("section 2 has text %q", res.Texts["2"])
	}
	if r.Preamble != 2 {
		t.Errorf("preamble %d, want 2", r.Preamble)
	}
	if len(r.Unmatched) != 1 || r.Unmatched[0] != "1.家电集群" {
		t.Errorf("unmatched %v", r.Unmatched)
	}
	if r.Complete() {
		t.Error("complete with a missing section")
	}
	lines := strings.Join(r.Lines(), "\n")
	for _, w := range []string{"缺少：（三）制造业转型升级", "无内容：四、其他说明事项（将按负面情况登记自动起草", "已识别：一、基本情况", "文首 2 段"} {
		if !strings.Contains(lines, w) {
			t.Errorf("report lacks %q:\n%s", w, lines)
		}
	}
	// The findings are in outline order.
	var order []string
	for _, f := range r.Found {
		order = append(order, f.Key)
	}
	if strings.Join(order, ",") != "1,2,2.1,2.2,2.4,2.5,3,4" {
		t.Errorf("found order %v", order)
	}
}

func bold(text string) docx.Para {
	return docx.Para{Runs: []docx.Run{{Text: text, Bold: true}}}
}

func plain(text string) docx.Para {
	return docx.Para{FirstLineIndentChars: 2, Runs: []docx.Run{{Text: text}}}
}

func TestBoldNumbering(t *testing.T) {
	d := docx.New(docx.PageSetup{})
	for _, p := range []docx.Para{
		bold("青岛市申报书"),
		bold("一 、基本情况"),
		plain("一是总量大。二是结构优。"),
		bold("二．已开展的工作和取得的成效"),
		bold("(一) 落实制造强国战略"),
		plain("落实情况。"),
		bold("（ 二 ）促进工业稳增长："),
		plain("稳增长情况。"),
		bold("（三）制造业转型升级"),
		plain("转型情况。"),
		bold("（四）实施产业基础再造工程"),
		plain("再造情况。"),
		bold("（五）主导产业和先进制造业集群"),
		plain("集群情况。"),
		bold("三、下一步工作安排"),
		plain("（一）加强组织领导。"),
		plain("要做到三个确保：确保进度，确保质量，确保安全，推动全市工业经济高质量发展再上新台阶。"),
		// Short numbered paragraphs without bold are headings too.
		plain("四、其他说明事项"),
		plain("近三年未发生重大事故。"),
	} {
		d.Paragraph(p)
	}
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(data, industry(t))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Report.Complete() {
		t.Errorf("incomplete: %v", res.Report.Lines())
	}
	want := map[string]string{"1": "一是总量大。二是结构优。", "2.1": "落实情况。", "2.2": "稳增长情况。", "2.5": "集群情况。", "4": "近三年未发生重大事故。"}
	for k, v := range want {
		if res.Texts[k] != v {
			t.Errorf("section %s = %q, want %q", k, res.Texts[k], v)
		}
	}
	if !strings.HasPrefix(res.Texts["3"], "（一）加强组织领导。\n要做到") {
		t.Errorf("section 3: %q", res.Texts["3"])
	}
	// “（一）加强组织领导。” is numbered but ends with a full stop: body text.
	if len(res.Report.Unmatched) != 0 {
		t.Errorf("unmatched: %v", res.Report.Unmatched)
	}
}

func TestRenumberedByTitle(t *testing.T) {
	blocks := []docx.Block{
		{Text: "一、基本情况", OutlineLevel: 0},
		{Text: "甲", OutlineLevel: -1},
		{Text: "二、下一步工作安排", OutlineLevel: 0}, // 三 numbered 二 after 二 was left out
		{Text: "乙", OutlineLevel: -1},
		{Text: "其他说明事项", OutlineLevel: 0}, // no number
		{Text: "丙", OutlineLevel: -1},
	}
	res := Split(blocks, industry(t))
	if res.Texts["1"] != "甲" || res.Texts["3"] != "乙" || res.Texts["4"] != "丙" {
		t.Errorf("texts %v", res.Texts)
	}
	if !strings.HasPrefix(keys(res.Report.Missing), "2,2.1") {
		t.Errorf("missing %s", keys(res.Report.Missing))
	}
}

func TestRejects(t *testing.T) {
	m := industry(t)
	if _, err := Import([]byte("%PDF-1.7 not a docx"), m); !errors.Is(err, docx.ErrNotDocx) {
		t.Errorf("pdf: %v", err)
	}
	// A zip bomb: document.xml of 40 MiB of spaces.
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < 40; i++ {
		w.Write(chunk)
	}
	zw.Close()
	if _, err := Import(b.Bytes(), m); !errors.Is(err, docx.ErrTooLarge) {
		t.Errorf("zip bomb: %v", err)
	}
	p := filepath.Join(t.TempDir(), "x.docx")
	os.WriteFile(p, []byte("plain text"), 0o644)
	if _, err := ImportFile(p, m); err == nil || !strings.Contains(err.Error(), "DOCX") {
		t.Errorf("text file: %v", err)
	}
	if _, err := ImportFile(filepath.Join(t.TempDir(), "none.docx"), m); err == nil || !strings.Contains(err.Error(), "无法打开") {
		t.Errorf("missing file: %v", err)
	}
}

// TestLibreOffice converts a flat ODT with outline headings to DOCX with LibreOffice
// and splits the result, as a document written in another word processor.
func TestLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice not installed")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	body := `<text:h text:outline-level="1">一、基本情况</text:h><text:p>基本情况正文。</text:p>
<text:h text:outline-level="1">二、已开展的工作和取得的成效</text:h>
<text:h text:outline-level="2">（一）落实制造强国战略</text:h><text:p>战略正文。</text:p>
<text:h text:outline-level="2">（二）促进工业稳增长</text:h><text:p>稳增长正文。</text:p>
<text:p text:style-name="B">（三）制造业转型升级</text:p><text:p>转型正文。</text:p>
<text:h text:outline-level="2">（四）实施产业基础再造工程</text:h><text:p>再造正文。</text:p>
<text:h text:outline-level="2">（五）主导产业和先进制造业集群情况</text:h><text:p>集群正文。</text:p>
<text:h text:outline-level="1">三、下一步工作安排</text:h><text:p>安排正文。</text:p>
<text:h text:outline-level="1">四、其他说明事项</text:h><text:p>说明正文。</text:p>`
	fodt := `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><style:style style:name="B" style:family="paragraph"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style></office:automatic-styles>
<office:body><office:text><text:p>青岛市申报书</text:p>` + body + `</office:text></office:body></office:document>`
	src := filepath.Join(dir, "app.fodt")
	if err := os.WriteFile(src, []byte(fodt), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, src).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	res, err := ImportFile(filepath.Join(dir, "app.docx"), industry(t))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Report.Complete() {
		t.Errorf("incomplete: %v", res.Report.Lines())
	}
	for k, v := range map[string]string{"1": "基本情况正文。", "2.3": "转型正文。", "2.5": "集群正文。", "4": "说明正文。"} {
		if res.Texts[k] != v {
			t.Errorf("section %s = %q, want %q", k, res.Texts[k], v)
		}
	}
}

func TestNormalizeAndNumbers(t *testing.T) {
	for in, want := range map[string]heading{
		"一、基本情况":       {level: 0, num: 1, title: "基本情况"},
		"十二、其他":        {level: 0, num: 12, title: "其他"},
		"二十一.x":        {level: 0, num: 21, title: "x"},
		"(三)制造业":       {level: 1, num: 3, title: "制造业"},
		"（ 十 ） 甲":      {level: 1, num: 10, title: "甲"},
		"一是总量大":        {},
		"（一":           {},
		"三十三十、x":       {},
		"\u3000四、其他事项": {level: 0, num: 4, title: "其他事项"},
	} {
		if got := parseNumber(normalize(in)); got != want {
			t.Errorf("%q: %+v, want %+v", in, got, want)
		}
	}
}
