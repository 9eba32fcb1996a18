package workbook

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/forms"
)

// soffice runs LibreOffice headless with a private profile, converting files in dir.
func soffice(t *testing.T, dir, to string, files ...string) {
	t.Helper()
	exe, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	prof := filepath.Join(t.TempDir(), "lo-prof")
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.ToSlash(prof), "--convert-to", to, "--outdir", dir}, files...)
	out, err := exec.Command(exe, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestLibreOfficeReadsWorkbooks: LibreOffice sees the same cells as excelize in what we
// write (export, a city's filled copy, the 审核表), and a copy re-saved by LibreOffice
// imports without changes.
func TestLibreOfficeReadsWorkbooks(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	s := demoStore(t)
	c := loadCase(t, s)
	dir := t.TempDir()
	files := map[string][]byte{
		"export.xlsx": exportFigures(t, c),
		"city.xlsx":   fillAsCity(t, c, exportFigures(t, c)),
		"verify.xlsx": exportVerification(t, c),
	}
	var paths []string
	for n, b := range files {
		p := filepath.Join(dir, n)
		os.WriteFile(p, b, 0o644)
		paths = append(paths, p)
	}
	csvDir := filepath.Join(dir, "csv")
	// Token 9 = true: cells as shown; token 12 = -1: every sheet to its own file (LibreOffice ≥ 7.2).
	soffice(t, csvDir, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1`, paths...)
	check := func(file, sheet string) {
		f := openX(t, files[file])
		want, _ := f.GetRows(sheet)
		got := readCSV(t, filepath.Join(csvDir, strings.TrimSuffix(file, ".xlsx")+"-"+sheet+".csv"))
		cells := 0
		for r, row := range want {
			for col, v := range row {
				if v == "" {
					continue
				}
				cells++
				g := ""
				if r < len(got) && col < len(got[r]) {
					g = got[r][col]
				}
				if g != v {
					t.Errorf("%s %s!%s: LibreOffice reads %q, excelize %q", file, sheet, cellName(col+1, r+1), g, v)
				}
			}
		}
		if cells < 10 {
			t.Errorf("%s %s: only %d cells compared", file, sheet, cells)
		}
	}
	for _, m := range c.Campaign.Measures {
		check("export.xlsx", m.Short)
		check("city.xlsx", m.Short)
	}
	check("export.xlsx", industrySheet)
	check("verify.xlsx", verifySheet)
	// The city's values as LibreOffice computes them.
	city := readCSV(t, filepath.Join(csvDir, "city-工业稳增长.csv"))
	var row []string
	for _, r := range city {
		if len(r) > 0 && r[0] == "370200" {
			row = r
		}
	}
	idx := func(ind string, y int) int {
		ms, _ := c.Campaign.Measure(forms.Industry)
		for _, fc := range measureColumns(c.Campaign, ms) {
			if fc.ind.ID == ind && fc.year == y && fc.field == fieldValue {
				return fc.col - 1
			}
		}
		return -1
	}
	for ind, w := range map[string]string{"ind.fai_growth": "9.9", "ind.tech_growth": "7.50%", "ind.clusters": "3／1"} {
		if got := row[idx(ind, 2021)]; got != w {
			t.Errorf("LibreOffice reads %s 2021 as %q, want %q", ind, got, w)
		}
	}

	// Re-saved by LibreOffice (as a city using LibreOffice would): still imports, and
	// changes exactly what the city changed.
	xlsxDir := filepath.Join(dir, "resaved")
	soffice(t, xlsxDir, "xlsx:Calc MS Excel 2007 XML", filepath.Join(dir, "export.xlsx"), filepath.Join(dir, "city.xlsx"))
	for _, n := range []string{"export.xlsx", "city.xlsx"} {
		b, err := os.ReadFile(filepath.Join(xlsxDir, n))
		if err != nil {
			t.Fatal(err)
		}
		plan, err := importFigures(c, b)
		if err != nil {
			t.Fatalf("%s re-saved by LibreOffice: %v", n, err)
		}
		orig, err := importFigures(c, files[n])
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(changeSet(plan)) != fmt.Sprint(changeSet(orig)) {
			t.Errorf("%s: LibreOffice copy plans\n%v\nexcelize copy plans\n%v", n, changeSet(plan), changeSet(orig))
		}
	}
}

// changeSet is the plan's changes without cell references (LibreOffice keeps them, but
// compare content only).
func changeSet(p *FigurePlan) []string {
	var out []string
	for _, ch := range p.Changes {
		out = append(out, fmt.Sprintf("%s %s %d %s %q→%q", ch.UnitCode, ch.Label, ch.Year, ch.Field, ch.Old, ch.New))
	}
	return out
}
