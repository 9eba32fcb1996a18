package workbook

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tuijian/data/store"
	"tuijian/forms"
)

func TestExportFiguresLayout(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	f := openX(t, exportFigures(t, c))
	want := []string{guideSheet, "工业稳增长", "信息基础设施和产业数字化", industrySheet, metaSheet}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if v, _ := f.GetSheetVisible(metaSheet); v {
		t.Error("metadata sheet is visible")
	}
	ind, _ := c.Campaign.Measure(forms.Industry)
	sheet := ind.Short
	for ref, w := range map[string]string{"A1": "代码", "B1": "市（州）", "C1": ind.Indicators[0].Label, "C2": "2020年", "D2": "2021年", "E2": "2020年来源", "F2": "2021年来源", "G2": "2020年备注", "H2": "2021年备注", "I1": ind.Indicators[1].Label} {
		if got, _ := f.GetCellValue(sheet, ref); got != w {
			t.Errorf("%s = %q, want %q", ref, got, w)
		}
	}
	merged, _ := f.GetMergeCells(sheet)
	var ms []string
	for _, m := range merged {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, w := range []string{"A1:A2", "B1:B2", "C1:H1", "I1:N1"} {
		if !strings.Contains(strings.Join(ms, " "), w) {
			t.Errorf("merged cells %v lack %s", ms, w)
		}
	}
	// Prefilled values: the demo's figure of the first candidate.
	row := rowOf(t, f, sheet, "370100")
	fig, _ := c.Figure(forms.FigureKey{UnitCode: "370100", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021})
	if got, _ := f.GetCellValue(sheet, figCell(t, c, forms.Industry, "ind.va_growth", 2021, fieldValue, row)); got != fig.Value.Format(0) {
		t.Errorf("va_growth 2021 = %q, want %q", got, fig.Value.Format(0))
	}
	if got, _ := f.GetCellValue(sheet, figCell(t, c, forms.Industry, "ind.va_growth", 2021, fieldSource, row)); got != fig.Source {
		t.Errorf("source = %q, want %q", got, fig.Source)
	}
	// Locked header, unlocked data.
	locked := func(ref string) bool {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	if !locked("C1") || !locked("C2") || !locked(cellName(1, row)) {
		t.Error("header or code cells are not locked")
	}
	if locked(cellName(3, row)) || locked(cellName(5, row)) {
		t.Error("data cells are locked")
	}
	// 是/否 list on the smart_zone value columns.
	dvs, _ := f.GetDataValidations(sheet)
	yn := figCell(t, c, forms.Industry, "ind.smart_zone", 2020, fieldValue, 3)
	found := false
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, yn) && strings.Contains(dv.Formula1, "是,否") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 是/否 list at %s: %+v", yn, dvs)
	}
	if n, _ := f.GetCellValue(guideSheet, "A1"); n != "填报说明" {
		t.Errorf("guide title %q", n)
	}
	// An unchanged workbook changes nothing.
	plan, err := importFigures(c, exportFigures(t, c))
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Empty() {
		t.Fatalf("unchanged export plans changes: %v", plan.Changes)
	}
}

// fillAsCity edits an exported workbook the way a city would.
func fillAsCity(t *testing.T, c *forms.Case, data []byte) []byte {
	f := openX(t, data)
	sheet := "工业稳增长"
	row := rowOf(t, f, sheet, "370200")
	cell := func(ind string, y int, fl field) string { return figCell(t, c, forms.Industry, ind, y, fl, row) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(sheet, cell("ind.va_growth", 2021, fieldValue), "１２．５")) // full-width
	must(f.SetCellStr(sheet, cell("ind.va_growth", 2020, fieldValue), "8.1%")) // percent as text
	must(f.SetCellStr(sheet, cell("ind.va_growth", 2021, fieldRemark), "按可比价计算"))
	must(f.SetCellStr(sheet, cell("ind.mfg_share", 2021, fieldValue), " 35.20 ")) // number typed as text
	must(f.SetCellValue(sheet, cell("ind.fai_growth", 2021, fieldValue), 9.9))    // formula with cached value
	must(f.SetCellFormula(sheet, cell("ind.fai_growth", 2021, fieldValue), "9+0.9"))
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	must(f.SetCellFloat(sheet, cell("ind.tech_growth", 2021, fieldValue), 0.075, -1, 64))
	must(f.SetCellStyle(sheet, cell("ind.tech_growth", 2021, fieldValue), cell("ind.tech_growth", 2021, fieldValue), pct))
	must(f.SetCellStr(sheet, cell("ind.clusters", 2021, fieldValue), "3／1"))
	must(f.SetCellStr(sheet, cell("ind.smart_zone", 2020, fieldValue), "是"))
	must(f.SetCellStr(sheet, cell("ind.little_giants", 2020, fieldValue), "")) // cleared: no figure
	// Blank rows between and after the data.
	must(f.InsertRows(sheet, row, 2))
	last := len(c.Candidates[forms.Industry]) + 2 + 2
	must(f.SetCellStr(sheet, cellName(3, last+3), "  "))
	// 主导产业: a new row and a changed name.
	irow := rowOf(t, f, industrySheet, "370200")
	must(f.SetCellStr(industrySheet, cellName(4, irow), "高端装备（修订）"))
	must(f.SetCellStr(industrySheet, cellName(4, irow+4), "新材料"))
	must(f.SetCellStr(industrySheet, cellName(5, irow+4), "6.5%"))
	must(f.SetCellStr(industrySheet, cellName(6, irow+4), "-1.2"))
	return save(t, f)
}

func TestFiguresRoundTrip(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	filled := fillAsCity(t, c, exportFigures(t, c))
	plan, err := importFigures(c, filled)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Change{}
	for _, ch := range plan.Changes {
		got[fmt.Sprintf("%s %s %d %s", ch.UnitCode, ch.Indicator, ch.Year, ch.Field)] = ch
	}
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry}
	old := func(ind string, y int) string {
		k.Indicator, k.Year = ind, y
		f, _ := c.Figure(k)
		m, _ := c.Campaign.Measure(forms.Industry)
		in, _ := m.Indicator(ind)
		return f.Value.Format(in.Kind)
	}
	wantNew := map[string]string{
		"370200 ind.va_growth 2021 数值":     "12.5",
		"370200 ind.va_growth 2020 数值":     "8.1",
		"370200 ind.va_growth 2021 备注":     "按可比价计算",
		"370200 ind.mfg_share 2021 数值":     "35.2",
		"370200 ind.fai_growth 2021 数值":    "9.9",
		"370200 ind.tech_growth 2021 数值":   "7.5",
		"370200 ind.clusters 2021 数值":      "3/1",
		"370200 ind.little_giants 2020 数值": "",
	}
	for key, w := range wantNew {
		ch, ok := got[key]
		if !ok {
			t.Errorf("no change %s (plan: %v)", key, plan.Changes)
			continue
		}
		if ch.New != w {
			t.Errorf("%s: new %q, want %q", key, ch.New, w)
		}
		if ch.Field == "数值" {
			if o := old(ch.Indicator, ch.Year); ch.Old != o {
				t.Errorf("%s: old %q, want %q", key, ch.Old, o)
			}
		}
	}
	if ch := got["370200 ind.va_growth 2021 数值"]; !ch.Unverifies {
		t.Error("changing a verified figure must be flagged as returning it to 未审核")
	}
	if old("ind.smart_zone", 2020) != "是" {
		if _, ok := got["370200 ind.smart_zone 2020 数值"]; !ok {
			t.Error("smart_zone change missing")
		}
	}
	if plan.Industries() != 2 {
		t.Errorf("industry rows planned %d, want 2: %v", plan.Industries(), plan.Changes)
	}
	// Cell references survive the inserted blank rows.
	if ch := got["370200 ind.va_growth 2021 数值"]; ch.Sheet != "工业稳增长" || !strings.HasSuffix(ch.Cell, fmt.Sprint(rowOfCode(c, "370200")+2)) {
		t.Errorf("change cell %s!%s", ch.Sheet, ch.Cell)
	}
	before, _ := s.Audit(store.AuditFilter{})
	if err := s.Update("导入 city.xlsx", plan.Apply); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Audit(store.AuditFilter{})
	added := after[:len(after)-len(before)]
	if len(added) == 0 {
		t.Fatal("no audit entries")
	}
	for _, e := range added {
		if e.Batch != added[0].Batch || e.Note != "导入 city.xlsx" {
			t.Fatalf("import is not one audit batch: %+v", e)
		}
	}
	c2 := loadCase(t, s)
	for key, w := range map[string]string{"ind.va_growth 2021": "12.5", "ind.fai_growth 2021": "9.9", "ind.tech_growth 2021": "7.5", "ind.clusters 2021": "3/1", "ind.little_giants 2020": ""} {
		var ind string
		var y int
		fmt.Sscanf(key, "%s %d", &ind, &y)
		f, _ := c2.Figure(forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: ind, Year: y})
		m, _ := c2.Campaign.Measure(forms.Industry)
		in, _ := m.Indicator(ind)
		if f.Value.Format(in.Kind) != w {
			t.Errorf("store %s = %q, want %q", key, f.Value.Format(in.Kind), w)
		}
		if key == "ind.va_growth 2021" && f.State != forms.Unverified {
			t.Errorf("changed verified figure is %s, want 未审核", f.State)
		}
	}
	var names []string
	for _, li := range c2.Industries {
		if li.UnitCode == "370200" {
			names = append(names, li.Name)
		}
	}
	if !strings.Contains(strings.Join(names, ","), "高端装备（修订）") || !strings.Contains(strings.Join(names, ","), "新材料") {
		t.Errorf("industries after import: %v", names)
	}
	// The same file again changes nothing; a stale plan is refused.
	again, err := importFigures(c2, filled)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Empty() {
		t.Errorf("re-import plans changes: %v", again.Changes)
	}
	if err := s.Update("导入 city.xlsx", plan.Apply); err == nil || !strings.Contains(err.Error(), "已在别处被修改") {
		t.Errorf("stale plan applied: %v", err)
	}
}

// rowOfCode is the row of a candidate in a freshly exported measure sheet.
func rowOfCode(c *forms.Case, code string) int {
	for i, x := range candidates(c, forms.Industry) {
		if x.Code == code {
			return headerRows + 1 + i
		}
	}
	return 0
}

func TestImportListsEveryProblem(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	f := openX(t, exportFigures(t, c))
	sheet := "工业稳增长"
	row := rowOf(t, f, sheet, "370100")
	cell := func(ind string, y int, fl field) string { return figCell(t, c, forms.Industry, ind, y, fl, row) }
	f.SetCellStr(sheet, cell("ind.va_growth", 2021, fieldValue), "abc")
	f.SetCellStr(sheet, cell("ind.mfg_share", 2021, fieldValue), "120")
	uncachedRef := cell("ind.fai_growth", 2021, fieldValue)
	f.SetCellFormula(sheet, uncachedRef, "A1*2") // its cached value is dropped below
	f.SetCellStr(sheet, cell("ind.va_growth", 2020, fieldRemark), strings.Repeat("长", 1001))
	f.SetCellStr(sheet, "C2", "2019年")
	n := len(c.Candidates[forms.Industry]) + headerRows
	f.SetSheetRow(sheet, cellName(1, n+1), &[]any{"999999", "某某市"})
	f.SetSheetRow(sheet, cellName(1, n+2), &[]any{"320100", "南京市"})
	f.SetSheetRow(sheet, cellName(1, n+3), &[]any{"370100", "济南市", "5"})
	f.SetSheetRow(sheet, cellName(1, n+4), &[]any{"370800", "济宁市"}) // not a candidate
	f.SetSheetRow(sheet, cellName(1, n+5), &[]any{"", "", "3.5"})
	dig := "信息基础设施和产业数字化"
	if err := f.RemoveCol(dig, "D"); err != nil {
		t.Fatal(err)
	}
	irow := rowOf(t, f, industrySheet, "370100")
	f.SetCellStr(industrySheet, cellName(5, irow+3), "12")
	_, err := importFigures(c, dropCache(t, save(t, f), sheet, uncachedRef))
	p := problems(t, err)
	va, _ := c.Campaign.Measures[0].Indicator("ind.va_growth")
	checks := []struct {
		sheet, cell string
		frags       []string
	}{
		{sheet, cell("ind.va_growth", 2021, fieldValue), []string{"济南市", "2021年", va.Label, "“abc”不是有效的数字"}},
		{sheet, cell("ind.mfg_share", 2021, fieldValue), []string{"超出占比范围"}},
		{sheet, cell("ind.fai_growth", 2021, fieldValue), []string{"公式没有计算结果"}},
		{sheet, cell("ind.va_growth", 2020, fieldRemark), []string{"内容过长", "1001"}},
		{sheet, "C2", []string{"2019年", "不符"}},
		{sheet, "", []string{"缺少列", va.Label + " / 2020年"}},
		{sheet, cellName(1, n+1), []string{"999999", "不是有效的市（州）代码"}},
		{sheet, cellName(1, n+2), []string{"南京市", "江苏省", "不是山东省可推荐"}},
		{sheet, cellName(1, n+3), []string{"济南市", "重复", fmt.Sprintf("第 %d 行", row)}},
		{sheet, cellName(2, n+4), []string{"济宁市", "不是“工业稳增长”的候选"}},
		{sheet, cellName(1, n+5), []string{"没有“代码”和“市（州）”"}},
		{dig, "", []string{"缺少列", "2021年"}},
		{industrySheet, cellName(4, irow+3), []string{"没有填写名称"}},
	}
	for _, ck := range checks {
		if !hasProblem(p, ck.sheet, ck.cell, ck.frags...) {
			t.Errorf("missing problem at %s!%s %v", ck.sheet, ck.cell, ck.frags)
		}
	}
	if t.Failed() {
		for _, q := range p.List {
			t.Log(q)
		}
	}
	if !strings.Contains(err.Error(), "未导入任何数据") {
		t.Errorf("error text: %s", err)
	}
}

func TestImportRefusesOtherCampaigns(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	data := exportFigures(t, c)
	other := *c
	other.Province.Code, other.Province.Name = "320000", "江苏省"
	_, err := importFigures(&other, data)
	if p := problems(t, err); !hasProblem(p, "", "", "山东省", "江苏省") {
		t.Errorf("province mismatch not reported: %v", err)
	}
	// A 审核表 given to the figure import.
	var vb bytes.Buffer
	if err := ExportVerification(c, &vb); err != nil {
		t.Fatal(err)
	}
	_, err = importFigures(c, vb.Bytes())
	if p := problems(t, err); !hasProblem(p, "", "", "统计数据审核表", "导入审核回复") {
		t.Errorf("verification workbook accepted as figures: %v", err)
	}
	// A workbook without the metadata.
	f := openX(t, data)
	f.DeleteSheet(metaSheet)
	_, err = importFigures(c, save(t, f))
	if p := problems(t, err); !hasProblem(p, "", "", "不是本程序导出的填报表") {
		t.Errorf("workbook without metadata: %v", err)
	}
	// A missing measure sheet.
	f = openX(t, data)
	f.DeleteSheet("工业稳增长")
	_, err = importFigures(c, save(t, f))
	if p := problems(t, err); !hasProblem(p, "", "", "缺少工作表“工业稳增长”") {
		t.Errorf("missing sheet: %v", err)
	}
}

// TestEditVerifiedFigureUnverifies: the store returns an edited verified figure to 未审核.
func TestEditVerifiedFigureUnverifies(t *testing.T) {
	s := demoStore(t)
	k := forms.FigureKey{UnitCode: "370100", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	if f, _ := loadCase(t, s).Figure(k); f.State != forms.Verified {
		t.Fatalf("demo figure is %s", f.State)
	}
	if err := s.Update("改", func(tx *store.Tx) error { return tx.SetFigure(store.FigureInput{FigureKey: k, Text: "1.5"}) }); err != nil {
		t.Fatal(err)
	}
	if f, _ := loadCase(t, s).Figure(k); f.State != forms.Unverified {
		t.Fatalf("edited verified figure is %s", f.State)
	}
}

// TestRowsLeftAsExported: one workbook goes to every city. Importing city A's copy must
// not undo what changed in the store since the export in rows (or cells) A did not
// touch, e.g. city B's figures imported from B's copy.
func TestRowsLeftAsExported(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	data := exportFigures(t, c)
	// City B (烟台, 370600) returns its copy first: two new values.
	fb := openX(t, data)
	rb := rowOf(t, fb, "工业稳增长", "370600")
	fb.SetCellStr("工业稳增长", figCell(t, c, forms.Industry, "ind.va_growth", 2021, fieldValue, rb), "10.5")
	// … and the officer corrects a figure of A (青岛, 370200) in the app.
	plan, err := importFigures(c, save(t, fb))
	if err != nil || len(plan.Changes) != 1 {
		t.Fatalf("B's copy: %v %v", err, plan)
	}
	if err := s.Update("导入 B.xlsx", plan.Apply); err != nil {
		t.Fatal(err)
	}
	kA := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.profit_growth", Year: 2020}
	if err := s.Update("改", func(tx *store.Tx) error { return tx.SetFigure(store.FigureInput{FigureKey: kA, Text: "3.3"}) }); err != nil {
		t.Fatal(err)
	}
	// City A returns its copy of the same export with one of its own cells changed.
	fa := openX(t, data)
	ra := rowOf(t, fa, "工业稳增长", "370200")
	fa.SetCellStr("工业稳增长", figCell(t, c, forms.Industry, "ind.mfg_share", 2021, fieldValue, ra), "40")
	c2 := loadCase(t, s)
	plan, err = importFigures(c2, save(t, fa))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Changes) != 1 || plan.Changes[0].UnitCode != "370200" || plan.Changes[0].Indicator != "ind.mfg_share" {
		t.Fatalf("A's copy plans %v", changeSet(plan))
	}
}

// TestUnmergedHeaders: a header whose merged label was unmerged and repeated in every
// column (as some tools save it) still matches.
func TestUnmergedHeaders(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	f := openX(t, exportFigures(t, c))
	sheet := "工业稳增长"
	if err := f.UnmergeCell(sheet, "C1", "H1"); err != nil {
		t.Fatal(err)
	}
	label, _ := f.GetCellValue(sheet, "C1")
	for _, ref := range []string{"D1", "E1", "F1", "G1", "H1"} {
		f.SetCellStr(sheet, ref, label)
	}
	f.UnmergeCell(sheet, "A1", "A2")
	f.SetCellStr(sheet, "I1", " "+strings.ReplaceAll(mustCell(t, f, sheet, "I1"), "（", "\n（")) // wrapped text
	row := rowOf(t, f, sheet, "370100")
	f.SetCellStr(sheet, cellName(4, row), "9.87")
	plan, err := importFigures(c, save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Changes) != 1 || plan.Changes[0].New != "9.87" {
		t.Fatalf("plan %v", changeSet(plan))
	}
}

func mustCell(t *testing.T, f *excelize.File, sheet, ref string) string {
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Issue 20 point 5: implausible figures in a city's workbook are refused with the cell.
func TestImportRefusesImplausibleFigures(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	m, _ := c.Campaign.Measure(forms.Industry)
	f := openX(t, exportFigures(t, c))
	row := rowOf(t, f, m.Short, "370100")
	growth := figCell(t, c, forms.Industry, "ind.va_growth", 2021, fieldValue, row)
	share := figCell(t, c, forms.Industry, "ind.mfg_share", 2021, fieldValue, row)
	f.SetCellStr(m.Short, growth, "150")
	f.SetCellStr(m.Short, share, "1,234")
	_, err := importFigures(c, save(t, f))
	p := problems(t, err)
	if !hasProblem(p, m.Short, growth, "超过 100%") || !hasProblem(p, m.Short, share, "千位分隔符") {
		t.Errorf("problems: %v", p.List)
	}
}
