package workbook

import (
	"bytes"
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
	if len(rows)-headerRows != want || want == 0 {
		t.Fatalf("%d data rows, want %d", len(rows)-headerRows, want)
	}
	for i, h := range verifyHeaders {
		if rows[1][i] != h.top {
			t.Errorf("header %d = %q, want %q", i, rows[1][i], h.top)
		}
	}
	for _, r := range rows[headerRows:] {
		m, _ := c.Campaign.Measure(forms.Industry)
		ok := false
		for _, in := range m.Indicators {
			ok = ok || (in.Label == r[vIndicator-1] && in.Statistical())
		}
		if !ok {
			t.Fatalf("row for a non-statistical indicator: %v", r)
		}
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
		if r[vCode-1] == "370200" && r[vYear-1] == "2021" && changedRow == 0 {
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
	if n[Changed] != 1 || n[Questioned] != 1 || n[Confirmed] != want-2 {
		t.Fatalf("counts %v", n)
	}
	var changed, questioned Item
	for _, it := range reply.Items {
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
	dec := map[forms.FigureKey]Decision{changed.Key: Accept, questioned.Key: Reject}
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
	fc, _ := c2.Figure(changed.Key)
	if fc.Value.Format(0) != "6.6" || fc.State != forms.Verified || fc.VerifiedBy != "山东省统计局 王五" || fc.VerifyDocNo != "鲁统函〔2022〕9号" || fc.VerifiedAt != "2022-02-01" {
		t.Errorf("accepted change: %+v", fc)
	}
	fq, _ := c2.Figure(questioned.Key)
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
	if f, _ := c2.Figure(confirmed.Key); f.State != forms.Verified || f.VerifyDocNo != "鲁统函〔2022〕9号" {
		t.Errorf("confirmed figure %+v", f)
	}
	// Editing the verified figure later returns it to 未审核.
	if err := s.Update("改", func(tx *store.Tx) error {
		return tx.SetFigure(store.FigureInput{FigureKey: changed.Key, Text: "6.7", Source: fc.Source})
	}); err != nil {
		t.Fatal(err)
	}
	if f, _ := loadCase(t, s).Figure(changed.Key); f.State != forms.Unverified {
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
