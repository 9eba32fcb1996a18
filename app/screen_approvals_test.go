package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tuijian/data/store"
	"tuijian/forms"
)

func TestApprovalsInvalidDateWritesNothing(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepApprovals})
	s := h.screen.(*approvalsScreen)
	p := s.panels[0]
	if p.m.ID != forms.Industry || p.tel != nil {
		t.Fatalf("first panel %s has a telecom field: %v", p.m.ID, p.tel != nil)
	}
	if p.gov.Selected != "是" || p.govDoc.Text != "鲁政演字〔2022〕8号" || p.govDate.Text != "2022-02-08" {
		t.Fatalf("stored approval not shown: %q %q %q", p.gov.Selected, p.govDoc.Text, p.govDate.Text)
	}
	before := len(h.audit(store.AuditFilter{Field: "省政府同意"}))

	h.replaceIn(p.govDate, "2022年2月30日")
	if !p.msg.Visible() || !strings.Contains(p.msg.Text, "省政府同意日期：日期“2022年2月30日”不存在") {
		t.Fatalf("no message for a bad date: visible=%v %q", p.msg.Visible(), p.msg.Text)
	}
	if a := h.stored().Approval(forms.Industry); a.GovDate != "2022-02-08" {
		t.Fatalf("bad date changed the store: %+v", a)
	}
	if n := len(h.audit(store.AuditFilter{Field: "省政府同意"})); n != before || h.changed != 0 {
		t.Fatalf("bad date wrote history (%d → %d) or called Changed (%d)", before, n, h.changed)
	}
	// A refresh from elsewhere keeps what the officer typed while it is wrong.
	h.reload()
	if p.govDate.Text != "2022年2月30日" {
		t.Errorf("refresh discarded the typed date: %q", p.govDate.Text)
	}

	h.replaceIn(p.govDate, "2022-02-09")
	if p.msg.Visible() {
		t.Errorf("message still shown after the fix: %q", p.msg.Text)
	}
	a := h.stored().Approval(forms.Industry)
	if a.Government != forms.ConsentYes || a.GovDate != "2022-02-09" || a.GovDocNo != "鲁政演字〔2022〕8号" {
		t.Fatalf("store has %+v", a)
	}
	rows := h.audit(store.AuditFilter{Field: "工业稳增长 省政府同意"})
	if len(rows) == 0 || rows[0].Note != "报批" || rows[0].New != "是（青岛市） 鲁政演字〔2022〕8号 2022-02-09" {
		t.Errorf("audit: %+v", rows[:1])
	}
	h.noErrors()
}

func TestApprovalsTelecomConsent(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepApprovals})
	s := h.screen.(*approvalsScreen)
	p := s.panels[1]
	if p.m.ID != forms.Digital || p.tel == nil {
		t.Fatal("digital panel lacks the 通信管理局 concurrence")
	}
	p.tel.SetSelected("否")
	if a := h.stored().Approval(forms.Digital); a.Telecom != forms.ConsentNo || a.TelecomDocNo != "鲁通演函〔2022〕3号" {
		t.Fatalf("store has %+v", a)
	}
	h.typeInto(p.telDoc, "补")
	if a := h.stored().Approval(forms.Digital); a.TelecomDocNo != "补鲁通演函〔2022〕3号" {
		t.Fatalf("store has %+v", a)
	}
	if h.changed != 2 {
		t.Errorf("Changed called %d times", h.changed)
	}
	if !s.Focus("approval.telecom:digital") || h.win.Canvas().Focused() != fyne.Focusable(p.telDoc) {
		t.Error("Focus(approval.telecom:digital) did not focus the document number")
	}
	if s.Focus("approval.telecom:industry") {
		t.Error("industry has no telecom field but Focus accepted it")
	}
	h.noErrors()
}
