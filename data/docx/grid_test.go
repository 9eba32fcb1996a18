package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/assets/docfonts"
)

// The GB/T 9704 grid: 8845 twips (156 mm as Word rounds the margins) over 28
// characters is a pitch of 315.89 twips = 15.7946 pt, 0.2054 pt (841.1/4096) less than
// 16 pt; rounded down so that 28 pitches do not exceed the width.
func TestCharSpace(t *testing.T) {
	d := New(GBT9704)
	if w := d.textWidthTwips(); w != 8845 {
		t.Fatalf("text width %d twips, want 8845", w)
	}
	cs := charSpace(8845, 16, 28)
	if cs != -842 {
		t.Errorf("charSpace %d, want -842", cs)
	}
	pitch := 16 + float64(cs)/4096
	if 28*pitch > 442.25 || 29*pitch <= 442.25 {
		t.Errorf("pitch %.4f pt: 28 cells %.3f pt, 29 cells %.3f pt, width 442.25 pt", pitch, 28*pitch, 29*pitch)
	}
	// Word's own value for a 2.8 cm left margin (1588 twips): 8844 twips.
	if cs := charSpace(8844, 16, 28); cs != -849 {
		t.Errorf("charSpace for 8844 twips %d, want -849 (what Word writes)", cs)
	}
	if s := gridScale(8845, 16, 28); s != 98 {
		t.Errorf("grid scale %d %%, want 98", s)
	}
	// A character as wide as the pitch needs no scale below 100 %… beyond the 2 twips.
	if s := gridScale(28*320, 16, 28); s != 99 {
		t.Errorf("grid scale for a 16 pt pitch %d %%, want 99", s)
	}
}

func TestGridXML(t *testing.T) {
	d := New(PageSetup{CharsPerLine: GBT9704Chars})
	d.Rule("FF0000", 3, LineThickThin, 170)
	d.Paragraph(Para{Style: StyleTitle, Runs: []Run{{Text: "标题", SizePt: Size2Hao}}})
	d.Paragraph(Para{Runs: []Run{{Text: "附注", SizePt: Size4Hao}}})
	d.Text("正文")
	d.Rule("FF0000", 3, LineThinThick, 170)
	d.Line("000000", 1, false)
	doc, st := d.documentXML(), d.stylesXML()
	for _, s := range []string{
		`<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>`,
		`w:val="thickThinSmallGap"`, `w:val="thinThickSmallGap"`, `<w:bottom w:val="single"`,
	} {
		if !strings.Contains(doc, s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
	if i, j := strings.Index(doc, "thickThinSmallGap"), strings.Index(doc, "thinThickSmallGap"); i > j {
		t.Errorf("rules out of order")
	}
	// Off the grid: the rules, the title and the 4号 note, at full width; the body on it.
	if n := strings.Count(doc, `<w:snapToGrid w:val="0"/>`); n != 5 {
		t.Errorf("%d paragraphs off the grid, want 5:\n%s", n, doc)
	}
	if n := strings.Count(doc, `<w:w w:val="100"/>`); n != 2 {
		t.Errorf("%d runs at full width, want 2", n)
	}
	i := strings.Index(doc, "正文")
	if body := doc[strings.LastIndex(doc[:i], "<w:p>"):i]; strings.Contains(body, "snapToGrid") || strings.Contains(body, "<w:w ") {
		t.Errorf("body paragraph off the grid: %s", body)
	}
	for _, s := range []string{`<w:w w:val="98"/>`, `<w:keepNext/><w:snapToGrid w:val="0"/>`} {
		if !strings.Contains(st, s) {
			t.Errorf("styles.xml lacks %s", s)
		}
	}
	// Without CharsPerLine: the line grid only, nothing scaled.
	plain := New(PageSetup{})
	plain.Text("正文")
	if doc, st := plain.documentXML(), plain.stylesXML(); !strings.Contains(doc, `<w:docGrid w:type="lines" w:linePitch="579"/>`) ||
		strings.Contains(doc+st, "snapToGrid") || strings.Contains(doc+st, "<w:w ") {
		t.Errorf("line grid only expected:\n%s\n%s", doc, st)
	}
}

// fontsConf writes a private fontconfig file that shows LibreOffice the embedded Noto
// fonts (assets/docfonts), so that Chinese renders even on a machine without Chinese
// fonts, and maps Times New Roman to Noto Serif SC, as the PDF writer does.
func fontsConf(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := docfonts.WriteFiles(root); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(t.TempDir(), "fonts.conf")
	err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+root+`</dir>`+
		`<cachedir>`+filepath.Join(t.TempDir(), "fc")+`</cachedir>`+
		`<alias binding="same"><family>Times New Roman</family><prefer><family>Noto Serif SC</family></prefer></alias>`+
		`</fontconfig>`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return conf
}

// TestLibreOfficeGrid: a GB/T 9704 page holds 22 lines of 28 characters of 3号 in
// LibreOffice; one character more starts a second page.
func TestLibreOfficeGrid(t *testing.T) {
	bin := soffice(t)
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	conf := fontsConf(t)
	const chars = "推荐函正文按国家标准每行二十八字每页二十二行排版"
	text := []rune(strings.Repeat(chars, 40))
	for _, n := range []int{22 * 28, 22*28 + 1} {
		d := New(PageSetup{CharsPerLine: GBT9704Chars})
		d.Paragraph(Para{Runs: []Run{{Text: string(text[:n])}}})
		in := filepath.Join(t.TempDir(), "grid.docx")
		data, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pdf := convertEnv(t, []string{"FONTCONFIG_FILE=" + conf}, bin, in, "pdf:writer_pdf_Export", "pdf")
		info, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		wantPages := "Pages:           1"
		if n > 22*28 {
			wantPages = "Pages:           2"
		}
		if !strings.Contains(string(info), wantPages+"\n") {
			t.Errorf("%d characters: want %s:\n%s", n, wantPages, info)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(out), "\n") {
			if l = strings.TrimSpace(strings.Trim(l, "\f")); l != "" {
				lines = append(lines, l)
			}
		}
		if n == 22*28 {
			if len(lines) != 22 {
				t.Errorf("%d lines, want 22:\n%s", len(lines), out)
			}
			for i, l := range lines {
				if c := len([]rune(l)); c != 28 {
					t.Errorf("line %d holds %d characters, want 28: %s", i+1, c, l)
				}
			}
		}
	}
}
