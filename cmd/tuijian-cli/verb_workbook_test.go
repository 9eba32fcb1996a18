package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tuijian/data/store"
	"tuijian/forms"
)

// figureCol finds the column of an indicator's value for a year in a measure sheet of
// the 填报表, from its two header rows.
func figureCol(t *testing.T, f *excelize.File, sheet, label, year string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	cur := ""
	for i := 0; i < len(rows[1]); i++ {
		if i < len(rows[0]) && rows[0][i] != "" {
			cur = rows[0][i]
		}
		if cur == label && rows[1][i] == year {
			return i + 1
		}
	}
	t.Fatalf("no column %s %s", label, year)
	return 0
}

func TestWorkbookVerbs(t *testing.T) {
	old := isTerminal
	isTerminal = func() bool { return false }
	defer func() { isTerminal = old }()
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if _, e, code := run(t, "--db", db, "demo"); code != 0 {
		t.Fatal(e)
	}
	xf := filepath.Join(dir, "填报表.xlsx")
	if out, e, code := run(t, "--db", db, "export-figures", "--out", xf); code != 0 || !strings.Contains(out, "已导出填报表") {
		t.Fatalf("export-figures: %d %s %s", code, out, e)
	}
	if _, e, code := run(t, "--db", db, "export-figures"); code != 2 || !strings.Contains(e, "--out") {
		t.Errorf("export-figures without --out: %d %s", code, e)
	}
	// A city fills in one value.
	f, err := excelize.OpenFile(xf)
	if err != nil {
		t.Fatal(err)
	}
	col := figureCol(t, f, "工业稳增长", "规模以上工业增加值增速（%）", "2021年")
	ref, _ := excelize.CoordinatesToCellName(col, 3) // first candidate: 370100 济南市
	f.SetCellStr("工业稳增长", ref, "１１．１%")
	filled := filepath.Join(dir, "济南.xlsx")
	f.SaveAs(filled)
	f.Close()

	// Without --yes and not on a terminal: the plan is printed, nothing written.
	out, e, code := run(t, "--db", db, "import-figures", filled)
	if code != 0 || !strings.Contains(out, "11.1") || !strings.Contains(out, "未写入") || !strings.Contains(out, ref) {
		t.Fatalf("import-figures dry: %d\n%s\n%s", code, out, e)
	}
	k := forms.FigureKey{UnitCode: "370100", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	value := func() forms.Figure {
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		c, err := s.Case()
		if err != nil {
			t.Fatal(err)
		}
		fig, _ := c.Figure(k)
		return fig
	}
	if v := value(); v.Value.A == 11.1 {
		t.Fatal("dry run wrote")
	}
	// --yes (after the file, flags in any order) writes one batch.
	out, e, code = run(t, "import-figures", filled, "--db", db, "--yes")
	if code != 0 || !strings.Contains(out, "已导入") {
		t.Fatalf("import-figures --yes: %d\n%s\n%s", code, out, e)
	}
	if v := value(); v.Value.A != 11.1 || v.State != forms.Unverified {
		t.Fatalf("after import: %+v", v)
	}
	out, _, _ = run(t, "--db", db, "history", "--limit", "0")
	if !strings.Contains(out, "导入 济南.xlsx") {
		t.Errorf("history lacks the import batch:\n%s", out)
	}
	// A bad file: exit 2, every problem named.
	f, _ = excelize.OpenFile(xf)
	f.SetCellStr("工业稳增长", ref, "十一")
	bad := filepath.Join(dir, "bad.xlsx")
	f.SaveAs(bad)
	f.Close()
	if _, e, code := run(t, "--db", db, "import-figures", bad, "--yes"); code != 2 || !strings.Contains(e, "单元格 "+ref) || !strings.Contains(e, "“十一”不是有效的数字") {
		t.Errorf("bad import: %d %s", code, e)
	}
	os.WriteFile(filepath.Join(dir, "x.xlsx"), []byte("not a workbook"), 0o644)
	if _, e, code := run(t, "--db", db, "import-figures", filepath.Join(dir, "x.xlsx")); code != 2 || !strings.Contains(e, "不是 .xlsx 工作簿") {
		t.Errorf("non-zip import: %d %s", code, e)
	}

	// Verification round trip: the bureau changes one figure and questions another.
	vf := filepath.Join(dir, "审核表.xlsx")
	if _, e, code := run(t, "--db", db, "export-verification", "--out", vf); code != 0 {
		t.Fatal(e)
	}
	f, _ = excelize.OpenFile(vf)
	rows, _ := f.GetRows("统计数据审核")
	var changedKey, questionedKey, industryKey string
	for i, r := range rows[2:] {
		row := i + 3
		f.SetCellStr("统计数据审核", "K"+itoa(row), "王五")
		if r[0] == "370200" && r[4] == "2021" && changedKey == "" && strings.HasPrefix(r[3], "规模以上工业增加值") {
			f.SetCellStr("统计数据审核", "I"+itoa(row), "7.7")
			changedKey = "370200/ind.va_growth/2021"
		}
		if r[0] == "370600" && r[4] == "2020" && questionedKey == "" && strings.HasPrefix(r[3], "规模以上工业增加值") {
			f.SetCellStr("统计数据审核", "J"+itoa(row), "请核实")
			questionedKey = "370600/ind.va_growth/2020"
		}
		// A 主导产业 figure has its own key: row and column, not an indicator code.
		if r[0] == "370200" && industryKey == "" && strings.HasPrefix(r[3], "主导产业第1行") && strings.Contains(r[3], "销售收入") {
			f.SetCellStr("统计数据审核", "I"+itoa(row), "3999.5")
			industryKey = "370200/主导产业1.revenue/" + r[4]
		}
	}
	if industryKey == "" {
		t.Fatal("no 主导产业 row in the 审核表")
	}
	reply := filepath.Join(dir, "回复.xlsx")
	f.SaveAs(reply)
	f.Close()
	out, e, code = run(t, "--db", db, "import-verification", reply)
	if code != 2 || !strings.Contains(out, changedKey) || !strings.Contains(out, questionedKey) || !strings.Contains(out, industryKey) || !strings.Contains(e, "--doc") {
		t.Fatalf("import-verification without --doc: %d\n%s\n%s", code, out, e)
	}
	if _, e, code := run(t, "--db", db, "import-verification", reply, "--doc", "鲁统函〔2022〕9号", "--date", "2022-02-01", "--yes"); code != 2 || !strings.Contains(e, "--accept") {
		t.Errorf("undecided: %d %s", code, e)
	}
	if _, e, code := run(t, "--db", db, "import-verification", reply, "--doc", "d", "--date", "2022-02-01", "--accept", "370200/nope/2021"); code != 2 || !strings.Contains(e, "不是本回复中") {
		t.Errorf("bad key: %d %s", code, e)
	}
	out, e, code = run(t, "--db", db, "--json", "import-verification", reply, "--doc", "鲁统函〔2022〕9号", "--date", "2022-02-01", "--accept", changedKey+","+industryKey, "--yes")
	if code != 0 {
		t.Fatalf("import-verification: %d %s %s", code, out, e)
	}
	var res struct {
		Written bool
		Counts  map[string]int
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || !res.Written || res.Counts["修改"] != 2 || res.Counts["有疑问"] != 1 {
		t.Errorf("json result %s (%v)", out, err)
	}
	k = forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	if v := value(); v.Value.A != 7.7 || v.State != forms.Verified || v.VerifyDocNo != "鲁统函〔2022〕9号" || v.VerifiedBy != "山东省统计局 王五" {
		t.Errorf("accepted change: %+v", v)
	}
	if s, err := store.Open(db); err != nil {
		t.Fatal(err)
	} else {
		c, err := s.Case()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, li := range c.Industries {
			if li.UnitCode == "370200" && li.Row == 1 && (li.Revenue.A != 3999.5 || li.VerifyDocNo != "鲁统函〔2022〕9号") {
				t.Errorf("accepted 主导产业 change: %+v", li)
			}
		}
	}
	k = forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2020}
	if v := value(); v.State != forms.Questioned {
		t.Errorf("rejected question: %+v", v)
	}
	// The same reply again: already applied, nothing written (issue 20 point 4).
	hist := func() string {
		out, _, _ := run(t, "--db", db, "history")
		return out
	}
	histBefore := hist()
	if out, e, code := run(t, "--db", db, "import-verification", reply, "--doc", "鲁统函〔2022〕9号", "--date", "2022-02-01", "--yes"); code != 0 || !strings.Contains(out, "已导入过") {
		t.Errorf("re-import: %d %s %s", code, out, e)
	}
	if hist() != histBefore {
		t.Error("re-importing the reply changed the store")
	}
}

func itoa(i int) string {
	s, _ := excelize.CoordinatesToCellName(1, i)
	return s[1:]
}
