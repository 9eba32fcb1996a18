package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

func TestHistoryFilterAndMore(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepHistory})
	s := h.screen.(*historyScreen)
	total := len(h.audit(store.AuditFilter{}))
	if total <= 2*secHistoryPage {
		t.Fatalf("demo history too short for the test: %d", total)
	}
	if len(s.rows) != secHistoryPage || !s.more.Visible() || s.more.Disabled() || s.count.Text != "显示最近 100 条" {
		t.Fatalf("first page: %d rows, more disabled=%v, %q", len(s.rows), s.more.Disabled(), s.count.Text)
	}
	test.Tap(s.more)
	if len(s.rows) != 2*secHistoryPage {
		t.Fatalf("显示更多 shows %d rows", len(s.rows))
	}
	for i := 1; i < len(s.rows); i++ {
		if s.rows[i].ID > s.rows[i-1].ID {
			t.Fatal("history not newest first")
		}
	}

	s.unit.SetSelected("淄博市")
	want := len(h.audit(store.AuditFilter{UnitCode: "370300"}))
	if len(s.rows) != min(want, secHistoryPage) || len(s.rows) == 0 {
		t.Fatalf("淄博: %d rows, store has %d", len(s.rows), want)
	}
	for i, r := range s.rows {
		if r.UnitCode != "370300" || s.cell(i, 4) != "淄博市" {
			t.Fatalf("row %d of the 淄博 filter is %s/%s", i, r.UnitCode, s.cell(i, 4))
		}
	}

	test.Type(s.field, "负面")
	if len(s.rows) != 0 {
		t.Errorf("淄博 + 负面: %d rows (events are recorded under 事件#)", len(s.rows))
	}
	s.field.SetText("")
	test.Type(s.field, "事件#")
	if len(s.rows) != 1 || s.cell(0, 3) != "负面情况" || !strings.HasPrefix(s.cell(0, 6), "（空） → 2020-08-14 安全生产事故") {
		t.Fatalf("淄博 + 事件#: %+v / %q", s.rows, s.cell(0, 6))
	}
	s.unit.SetSelected("全部市（州）")
	if len(s.rows) != 3 || s.count.Text != "共 3 条" || !s.more.Disabled() {
		t.Errorf("all + 事件#: %d rows, %q", len(s.rows), s.count.Text)
	}

	// A change made elsewhere shows first after Changed.
	s.field.SetText("")
	if err := h.store.Update("评估基本条件", func(tx *store.Tx) error {
		return tx.SetAssessment(forms.Assessment{UnitCode: "370100", Measure: forms.Digital, Clause: "2", Verdict: forms.VerdictPartial, Evidence: "新依据"})
	}); err != nil {
		t.Fatal(err)
	}
	h.env.Changed()
	got := []string{}
	for c := range secHistoryColumns {
		got = append(got, s.cell(0, c))
	}
	if strings.Join(got, "|") != testNow.Local().Format("2006-01-02 15:04:05")+"|测试员|评估基本条件|基本条件|济南市|第七条（二） 依据|（演示）济南市对照第七条（二）的情况说明。 → 新依据" {
		t.Errorf("newest row: %q", got)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 6})
	if s.detail.Text != "第七条（二） 依据\n原值：（演示）济南市对照第七条（二）的情况说明。\n新值：新依据" {
		t.Errorf("detail of the selected row: %q", s.detail.Text)
	}
}
