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

// A 文号 is the consent, and one 省政府 reply covers both measures: typed once for
// 广西 (自治区, 兵团-like long names do not matter here), the other measure follows;
// a measure typed differently, or one without a chosen city, does not.
func TestApprovalsOneReplyForBothMeasures(t *testing.T) {
	cases := []struct {
		name      string
		digital   string // the digital measure's chosen city, "" for none
		ownDigDoc string // typed for digital before, "" for nothing
		follows   bool
	}{
		{"both chosen, digital empty", "450200", "", true},
		{"digital has its own reply", "450200", "桂政函〔2022〕9号", false},
		{"digital left empty (不推荐)", "", "", false},
	}
	for _, k := range cases {
		t.Run(k.name, func(t *testing.T) {
			h := newProvinceShell(t, "450000", map[forms.MeasureID][]string{forms.Industry: {"450100", "450200"}, forms.Digital: {"450200"}})
			err := h.sh.Env().Store.Update("比选", func(tx *store.Tx) error {
				if err := tx.Choose(forms.Choice{Measure: forms.Industry, UnitCode: "450100", Reason: "综合得分第一"}, testNow); err != nil {
					return err
				}
				if k.digital != "" {
					if err := tx.Choose(forms.Choice{Measure: forms.Digital, UnitCode: k.digital, Reason: "唯一候选"}, testNow); err != nil {
						return err
					}
				}
				if k.ownDigDoc != "" {
					return tx.SetApproval(forms.Approval{Measure: forms.Digital, GovDocNo: k.ownDigDoc, Government: forms.ConsentYes})
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			h.sh.Env().Changed()
			h.sh.Show(forms.StepApprovals, "")
			s := h.sh.Screen(forms.StepApprovals).(*approvalsScreen)
			ind, dig := s.panels[0], s.panels[1]
			h.typeInto(ind.govDoc, "桂政函〔2022〕8号")
			h.win.Canvas().Unfocus()
			h.typeInto(ind.govDate, "2022年2月8日")
			h.win.Canvas().Unfocus()
			c := h.caseNow()
			a := c.Approval(forms.Industry)
			if a.Government != forms.ConsentYes || a.GovUnit != "450100" || a.GovDate != "2022-02-08" {
				t.Fatalf("industry: %+v", a)
			}
			if ind.gov.Selected != string(forms.ConsentYes) {
				t.Errorf("the radio does not show 是 after the 文号: %q", ind.gov.Selected)
			}
			d := c.Approval(forms.Digital)
			if k.follows {
				if d.GovDocNo != a.GovDocNo || d.GovDate != "2022-02-08" || d.GovUnit != k.digital || dig.govDoc.Text != a.GovDocNo {
					t.Fatalf("digital did not follow: %+v (shown %q)", d, dig.govDoc.Text)
				}
				if !strings.Contains(h.sh.notice.Text, "同上") {
					t.Errorf("no notice that digital followed: %q", h.sh.notice.Text)
				}
			} else if d.GovDocNo != k.ownDigDoc || d.GovDate != "" {
				t.Fatalf("digital changed: %+v", d)
			}
		})
	}
}
