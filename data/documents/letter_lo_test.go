package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/assets/docfonts"
	"unicode"
)

// loFontsConf writes a private fontconfig file that shows LibreOffice the embedded
// Noto fonts (assets/docfonts) and maps Times New Roman to Noto Serif SC, the faces
// the PDF writer uses, so that the DOCX renders like our PDF even on a machine
// without Chinese fonts.
func loFontsConf(t *testing.T) string {
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

// lineWidth is a line's width in characters: full-width characters 1, ASCII 0.5,
// spaces (pdftotext's, between scripts) 0; latin counts the runs of ASCII.
func lineWidth(s string) (w float64, latin int) {
	in := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r < 0x80:
			w += 0.5
			if !in {
				latin++
			}
			in = true
			continue
		default:
			w++
		}
		if !unicode.IsSpace(r) {
			in = false
		}
	}
	return w, latin
}

// checkGridLines checks the lines of the letter's body paragraph (from the line after
// the 主送机关 to the line before 附件) against the 28-character grid: no line is wider;
// a line of Chinese only is exactly 28 wide unless it is the paragraph's last or the
// next one starts with an opening bracket (LibreOffice keeps “〔2022〕13号）” together);
// a line with runs of Latin digits may lose up to one character per run (the Latin
// run's width is rounded up to whole grid cells) and one more. It returns how many
// lines of Chinese only hold exactly 28 characters.
func checkGridLines(t *testing.T, name, text string) int {
	t.Helper()
	var lines []string
	on := false
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(strings.Trim(l, "\f"))
		switch {
		case strings.HasPrefix(l, "工业和信息化部（规划司）："):
			on = true
			continue
		case strings.HasPrefix(l, "附件"):
			on = false
		}
		if on && l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 3 {
		t.Fatalf("%s: body not found:\n%s", name, text)
	}
	full := 0
	for i, l := range lines[:len(lines)-1] {
		w, latin := lineWidth(l)
		if i == 0 {
			w += 2 // the first line's indent
		}
		next := []rune(lines[i+1])[0]
		switch {
		case w > 28:
			t.Errorf("%s: line %d is %.1f characters wide, more than 28: %s", name, i+1, w, l)
		case latin == 0 && w == 28:
			full++
		case latin == 0 && strings.ContainsRune("〔（《“", next):
		case latin == 0:
			t.Errorf("%s: line %d holds %.1f characters, want 28: %s", name, i+1, w, l)
		case w < 28-1-float64(latin):
			t.Errorf("%s: line %d holds %.1f characters with %d Latin runs, want at least %d: %s", name, i+1, w, latin, 28-1-latin, l)
		}
	}
	return full
}

// TestLetterDOCXLibreOffice prints each 推荐函.docx of the demo with LibreOffice: one
// page, body lines of 28 characters, like the PDF we write.
func TestLetterDOCXLibreOffice(t *testing.T) {
	for _, tool := range []string{"soffice", "pdfinfo", "pdftotext"} {
		need(t, tool)
	}
	if testing.Short() {
		t.Skip("slow")
	}
	in := demoCase(t)
	files := demoFiles(t)
	dir := t.TempDir()
	var paths []string
	for i := range in.Case.Campaign.Measures {
		n := Names(&in.Case.Campaign.Measures[i])
		p := filepath.Join(dir, filepath.Base(filepath.Dir(n.LetterDOCX))+".docx")
		if err := os.WriteFile(p, files[n.LetterDOCX], 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "lo")), "--headless", "--norestore",
		"--convert-to", "pdf:writer_pdf_Export", "--outdir", dir}, paths...)
	cmd := exec.Command("soffice", args...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+loFontsConf(t))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	full := 0
	for i, p := range paths {
		pdf := strings.TrimSuffix(p, ".docx") + ".pdf"
		info, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", pdf, err)
		}
		if !strings.Contains(string(info), "Pages:           1\n") {
			t.Errorf("%s: LibreOffice prints more than one page:\n%s", p, info)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		full += checkGridLines(t, filepath.Base(p), string(out))
		// Our own PDF of the same letter keeps the same grid.
		n := Names(&in.Case.Campaign.Measures[i])
		checkGridLines(t, n.LetterPDF, pdftotext(t, files[n.LetterPDF]))
	}
	if full < 2 {
		t.Errorf("%d lines of 28 characters in the letters, want at least 2", full)
	}
}
