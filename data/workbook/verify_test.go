package workbook

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"tuijian/data/store"
	"tuijian/forms"
)

func exportVerification(t testing.TB, c *forms.Case) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ExportVerification(c, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestVerificationRoundTrip(t *testing.T) {
	s := demoStore(t)
	// 青岛's first 主导产业 row is edited after the demo verified it: 未审核 again.
	if err := s.Update("改", func(tx *store.Tx) error {
		return tx.SetIndustry(store.IndustryInput{UnitCode: "370200", Row: 1, Name: "家电电子（演示）", Figures: [4]string{"18.2", "9.5", "3560.4", "211"}})
	}); err != nil {
		t.Fatal(err)
	}
	c := loadCase(t, s)
	data := exportVerification(t, c)
	f := openX(t, data)
	if got := f.GetSheetList(); len(got) != 3 || got[0] != verifyGuideSheet || got[1] != verifySheet {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows(verifySheet)
	want := 0
	for _, m := range c.Campaign.Measures {
		for _, in := range m.Indicators {
			if in.Statistical() {
				want += 2 * len(c.Candidates[m.ID])
			}
		}
	}
	industryWant := 0
	for _, li := range c.Industries {
		if c.IsCandidate(forms.Industry, li.UnitCode) && li.Name != "" {
			industryWant += 4 // share, growth, revenue, profit
		}
	}
	if industryWant == 0 {
		t.Fatal("the demo has no 主导产业 rows")
	}
	want += industryWant
	if len(rows)-headerRows != want || want == 0 {
		t.Fatalf("%d data rows, want %d", len(rows)-headerRows, want)
	}
	for i, h := range verifyHeaders {
		if rows[1][i] != h.top {
			t.Errorf("header %d = %q, want %q", i, rows[1][i], h.top)
		}
	}
	industryRow := map[string]int{} // code|label → sheet row
	for i, r := range rows[headerRows:] {
		m, _ := c.Campaign.Measure(forms.Industry)
		ok := false
		for _, in := range m.Indicators {
			ok = ok || (in.Label == r[vIndicator-1] && in.Statistical())
		}
		if strings.HasPrefix(r[vIndicator-1], "主导产业第") {
			industryRow[r[vCode-1]+"|"+r[vIndicator-1]] = headerRows + 1 + i
			ok = r[vYear-1] == "2021"
		}
		if !ok {
			t.Fatalf("row for a non-statistical indicator: %v", r)
		}
	}
	if len(industryRow) != industryWant {
		t.Fatalf("%d 主导产业 lines, want %d: %v", len(industryRow), industryWant, industryRow)
	}
	revRow := industryRow["370200|主导产业第1行“家电电子（演示）”：销售收入（亿元）"]
	profitRow := industryRow["370200|主导产业第1行“家电电子（演示）”：利润总额（亿元）"]
	shareRow := industryRow["370100|主导产业第1行“信息技术（演示）”：在全部工业增加值中占比（%）"]
	if revRow == 0 || profitRow == 0 || shareRow == 0 {
		t.Fatalf("主导产业 lines: %v", industryRow)
	}
	if v, _ := f.GetCellValue(verifySheet, cellName(vValue, profitRow)); v != "211" {
		t.Errorf("profit line shows %q, want the current 211", v)
	}
	if v, _ := f.GetCellValue(verifySheet, cellName(vUnit, revRow)); v != "亿元" {
		t.Errorf("revenue unit %q", v)
	}
	// Only 审核值/审核意见/审核人 are unlocked.
	for col := 1; col <= len(verifyHeaders); col++ {
		id, _ := f.GetCellStyle(verifySheet, cellName(col, 3))
		st, _ := f.GetStyle(id)
		unlocked := st.Protection != nil && !st.Protection.Locked
		if unlocked != (col >= vReviewed) {
			t.Errorf("column %s unlocked=%v", colName(col), unlocked)
		}
	}
	// The bureau: one change, one question, all signed by 王五.
	changedRow, questionedRow := 0, 0
	for i, r := range rows[headerRows:] {
		row := headerRows + 1 + i
		f.SetCellStr(verifySheet, cellName(vReviewer, row), "王五")
		if row == revRow {
			f.SetCellStr(verifySheet, cellName(vReviewed, row), "3600.5")
		} else if row == shareRow {
			f.SetCellStr(verifySheet, cellName(vOpinion, row), "占比口径请核实")
		} else if r[vCode-1] == "370200" && r[vYear-1] == "2021" && changedRow == 0 {
			changedRow = row
			f.SetCellStr(verifySheet, cellName(vReviewed, row), "6.6%")
			f.SetCellStr(verifySheet, cellName(vOpinion, row), "按年报数据修正")
		} else if r[vCode-1] == "370600" && r[vYear-1] == "2020" && questionedRow == 0 {
			questionedRow = row
			f.SetCellStr(verifySheet, cellName(vOpinion, row), "口径与统计年鉴不一致，请核实")
		} else if i%7 == 0 {
			f.SetCellStr(verifySheet, cellName(vReviewed, row), r[vValue-1]) // the same value: confirmed
		}
	}
	reply, err := ImportVerification(c, bytes.NewReader(save(t, f)), int64(len(save(t, f))))
	if err != nil {
		t.Fatal(err)
	}
	n := reply.Counts()
	if n[Changed] != 2 || n[Questioned] != 2 || n[Confirmed] != want-4 {
		t.Fatalf("counts %v", n)
	}
	var changed, questioned, liChanged, liQuestioned Item
	for _, it := range reply.Items {
		if it.Key.Industry() {
			switch it.Kind {
			case Changed:
				liChanged = it
			case Questioned:
				liQuestioned = it
			}
			continue
		}
		switch it.Kind {
		case Changed:
			changed = it
		case Questioned:
			questioned = it
		}
	}
	if changed.Reviewed != "6.6" || changed.Current == "" || changed.Current == "6.6" || changed.Cell != cellName(vReviewed, changedRow) {
		t.Errorf("changed item %+v", changed)
	}
	if questioned.Opinion == "" || questioned.Key.UnitCode != "370600" {
		t.Errorf("questioned item %+v", questioned)
	}
	// Undecided changes are refused.
	err = s.Update("导入审核回复", func(tx *store.Tx) error { return reply.Apply(tx, nil, "鲁统函〔2022〕9号", "2022-02-01") })
	wantErr(t, err, "尚未决定")
	if k := liChanged.Key; k.Row != 1 || k.Column != "revenue" || k.Indicator != "" || liChanged.Key.UnitCode != "370200" || liChanged.Reviewed != "3600.5" || liChanged.Current != "3560.4" {
		t.Errorf("changed 主导产业 item %+v", liChanged)
	}
	if k := liQuestioned.Key; k.Row != 1 || k.Column != "share" || liQuestioned.Key.UnitCode != "370100" {
		t.Errorf("questioned 主导产业 item %+v", liQuestioned)
	}
	dec := map[forms.ReviewKey]Decision{changed.Key: Accept, questioned.Key: Reject, liChanged.Key: Accept, liQuestioned.Key: Reject}
	before, _ := s.Audit(store.AuditFilter{})
	if err := s.Update("导入审核回复 reply.xlsx", func(tx *store.Tx) error { return reply.Apply(tx, dec, "鲁统函〔2022〕9号", "2022-02-01") }); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Audit(store.AuditFilter{})
	for _, e := range after[:len(after)-len(before)] {
		if e.Note != "导入审核回复 reply.xlsx" {
			t.Errorf("audit entry outside the batch: %+v", e)
		}
	}
	c2 := loadCase(t, s)
	fc, _ := c2.Figure(changed.Key.FigureKey)
	if fc.Value.Format(0) != "6.6" || fc.State != forms.Verified || fc.VerifiedBy != "山东省统计局 王五" || fc.VerifyDocNo != "鲁统函〔2022〕9号" || fc.VerifiedAt != "2022-02-01" {
		t.Errorf("accepted change: %+v", fc)
	}
	fq, _ := c2.Figure(questioned.Key.FigureKey)
	if fq.State != forms.Questioned {
		t.Errorf("rejected question: %+v", fq)
	}
	var confirmed Item
	for _, it := range reply.Items {
		if it.Kind == Confirmed {
			confirmed = it
			break
		}
	}
	if f, _ := c2.Figure(confirmed.Key.FigureKey); f.State != forms.Verified || f.VerifyDocNo != "鲁统函〔2022〕9号" {
		t.Errorf("confirmed figure %+v", f)
	}
	lis := map[string]forms.LeadingIndustry{}
	for _, li := range c2.Industries {
		lis[li.UnitCode+"/"+strconv.Itoa(li.Row)] = li
	}
	if li := lis["370200/1"]; li.Revenue.A != 3600.5 || li.Profit.A != 211 || li.State != forms.Verified || li.VerifiedBy != "山东省统计局 王五" || li.VerifyDocNo != "鲁统函〔2022〕9号" || li.VerifiedAt != "2022-02-01" {
		t.Errorf("accepted 主导产业 change: %+v", li)
	}
	if li := lis["370100/1"]; li.State != forms.Questioned || li.VerifyDocNo != "鲁统函〔2022〕9号" {
		t.Errorf("rejected 主导产业 question: %+v", li)
	}
	if li := lis["370200/2"]; li.State != forms.Verified || li.VerifyDocNo != "鲁统函〔2022〕9号" {
		t.Errorf("confirmed 主导产业 row: %+v", li)
	}
	// Importing the same reply again (e.g. after a crash before the report) says so and
	// blames no later edit for the reply's own change (issue 20 point 4).
	again, err := ImportVerification(c2, bytes.NewReader(save(t, f)), int64(len(save(t, f))))
	if err != nil {
		t.Fatal(err)
	}
	if !again.AlreadyApplied() {
		for _, it := range again.Items {
			if !it.Applied && it.Kind != NoFigure {
				t.Errorf("not recognised as applied: %+v", it)
				break
			}
		}
	}
	for _, it := range again.Items {
		if it.Stale {
			t.Errorf("the reply's own change is taken for a later edit: %+v", it)
			break
		}
	}
	// Editing the verified figure later returns it to 未审核.
	if err := s.Update("改", func(tx *store.Tx) error {
		return tx.SetFigure(store.FigureInput{FigureKey: changed.Key.FigureKey, Text: "6.7", Source: fc.Source})
	}); err != nil {
		t.Fatal(err)
	}
	if f, _ := loadCase(t, s).Figure(changed.Key.FigureKey); f.State != forms.Unverified {
		t.Errorf("edited verified figure is %s", f.State)
	}
	// The old reply is now stale for that figure.
	err = s.Update("再导入", func(tx *store.Tx) error { return reply.Apply(tx, dec, "x", "2022-02-01") })
	wantErr(t, err, "已在别处被修改")
}

func TestVerificationProblems(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	f := openX(t, exportVerification(t, c))
	f.SetCellStr(verifySheet, cellName(vReviewed, 3), "abc")
	f.SetCellStr(verifySheet, cellName(vIndicator, 4), "不存在的指标")
	f.SetCellStr(verifySheet, cellName(vValue, 5), "xyz")
	data := save(t, f)
	_, err := ImportVerification(c, bytes.NewReader(data), int64(len(data)))
	p := problems(t, err)
	for _, ck := range [][3]string{{"I3", "审核值", "不是有效的数字"}, {"D4", "不是本次需审核的统计指标", ""}, {"F5", "“数值”列被改动", ""}} {
		if !hasProblem(p, verifySheet, ck[0], ck[1], ck[2]) {
			t.Errorf("missing problem at %s: %v", ck[0], err)
		}
	}
	// The 填报表 is not a reply.
	_, err = ImportVerification(c, bytes.NewReader(exportFigures(t, c)), int64(len(exportFigures(t, c))))
	if err == nil || !strings.Contains(err.Error(), "导入填报表") {
		t.Errorf("figures workbook accepted as a reply: %v", err)
	}
}

// A 主导产业 row renamed after the export is matched by its row number, but the
// bureau's confirmation is of another product: not recorded, and refused if accepted.
func TestVerificationIndustryRowRenamed(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	f := openX(t, exportVerification(t, c))
	rows, _ := f.GetRows(verifySheet)
	for i := range rows[headerRows:] {
		f.SetCellStr(verifySheet, cellName(vReviewer, headerRows+1+i), "王五")
	}
	data := save(t, f)
	if err := s.Update("改名", func(tx *store.Tx) error {
		return tx.SetIndustry(store.IndustryInput{UnitCode: "370700", Row: 1, Name: "农机装备", Figures: [4]string{"14.3", "8.8", "2100.7", "99.5"}})
	}); err != nil {
		t.Fatal(err)
	}
	c = loadCase(t, s)
	reply, err := ImportVerification(c, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var renamed []Item
	for _, it := range reply.Items {
		if it.Key.Industry() && it.Key.UnitCode == "370700" && it.Key.Row == 1 {
			renamed = append(renamed, it)
		}
	}
	if len(renamed) != 4 || !renamed[0].Stale || renamed[0].Kind != Confirmed {
		t.Fatalf("renamed row items %+v", renamed)
	}
	if err := s.Update("导入", func(tx *store.Tx) error { return reply.Apply(tx, nil, "鲁统函〔2022〕9号", "2022-02-01") }); err != nil {
		t.Fatal(err)
	}
	for _, li := range loadCase(t, s).Industries {
		if li.UnitCode == "370700" && li.Row == 1 && li.State != forms.Unverified {
			t.Errorf("renamed row verified by a confirmation of the old product: %+v", li)
		}
		if li.UnitCode == "370200" && li.Row == 1 && li.VerifyDocNo != "鲁统函〔2022〕9号" {
			t.Errorf("other rows not confirmed: %+v", li)
		}
	}
	dec := map[forms.ReviewKey]Decision{renamed[0].Key: Accept}
	err = s.Update("导入", func(tx *store.Tx) error { return reply.Apply(tx, dec, "鲁统函〔2022〕9号", "2022-02-01") })
	wantErr(t, err, "改了产业名称")
}
