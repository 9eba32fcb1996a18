package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tuijian/data/demo"
	"tuijian/data/store"
	"tuijian/forms"
)

// demoStore opens a temp store filled with the demo province.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.FillFor(s, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return s
}

func loadCase(t testing.TB, s *store.Store) *forms.Case {
	t.Helper()
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func exportFigures(t testing.TB, c *forms.Case) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ExportFigures(c, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func openX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func save(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func importFigures(c *forms.Case, data []byte) (*FigurePlan, error) {
	return ImportFigures(c, bytes.NewReader(data), int64(len(data)))
}

// problems returns the problems of an import error, failing on any other error.
func problems(t testing.TB, err error) *Problems {
	t.Helper()
	var p *Problems
	if !errors.As(err, &p) {
		t.Fatalf("want *Problems, got %v", err)
	}
	return p
}

// hasProblem reports whether a problem names the sheet and cell and contains every
// fragment.
func hasProblem(p *Problems, sheet, cell string, frags ...string) bool {
	for _, q := range p.List {
		if q.Sheet != sheet || q.Cell != cell {
			continue
		}
		ok := true
		for _, f := range frags {
			ok = ok && strings.Contains(q.Msg, f)
		}
		if ok {
			return true
		}
	}
	return false
}

// rowOf finds the row of a unit code in column A of a sheet.
func rowOf(t testing.TB, f *excelize.File, sheet, code string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == code {
			return i + 1
		}
	}
	t.Fatalf("%s: no row for %s", sheet, code)
	return 0
}

// figCell is the cell of an indicator's field and year in a measure sheet.
func figCell(t testing.TB, c *forms.Case, m forms.MeasureID, ind string, year int, fl field, row int) string {
	t.Helper()
	ms, _ := c.Campaign.Measure(m)
	for _, fc := range measureColumns(c.Campaign, ms) {
		if fc.ind.ID == ind && fc.year == year && fc.field == fl {
			return cellName(fc.col, row)
		}
	}
	t.Fatalf("no column for %s %d", ind, year)
	return ""
}

// rewritePart copies a zip, replacing one part by what write produces.
func rewritePart(t testing.TB, data []byte, part string, write func(w io.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == part {
			found = true
			write(w)
			continue
		}
		rc, _ := zf.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	zw.Close()
	return out.Bytes()
}

// partOf returns the worksheet part of a sheet name.
func partOf(t testing.TB, data []byte, sheet string) string {
	t.Helper()
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	parts, err := sheetParts(zr)
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range parts {
		if s == sheet {
			return p
		}
	}
	t.Fatalf("no part for sheet %s", sheet)
	return ""
}

// dropCache removes the cached value of a formula cell, as a program that writes
// formulas without computing them would leave it.
func dropCache(t testing.TB, data []byte, sheet, ref string) []byte {
	t.Helper()
	part := partOf(t, data, sheet)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var xml []byte
	for _, zf := range zr.File {
		if zf.Name == part {
			rc, _ := zf.Open()
			xml, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	re := regexp.MustCompile(`(<c r="` + ref + `"[^>]*>)(<f>[^<]*</f>)<v>[^<]*</v>`)
	if !re.Match(xml) {
		t.Fatalf("no formula cell %s", ref)
	}
	xml = re.ReplaceAll(xml, []byte("$1$2"))
	return rewritePart(t, data, part, func(w io.Writer) { w.Write(xml) })
}
