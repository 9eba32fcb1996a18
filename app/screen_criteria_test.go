package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuijian/data/store"
	"tuijian/forms"
)

func secAssessment(c *forms.Case, code string, m forms.MeasureID, clause string) (forms.Assessment, bool) {
	for _, a := range c.Assessments {
		if a.UnitCode == code && a.Measure == m && a.Clause == clause {
			return a, true
		}
	}
	return forms.Assessment{}, false
}

func TestCriteriaVerdictAndEvidenceSaved(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepCriteria})
	s := h.screen.(*criteriaScreen)
	p := s.panels[0]
	if p.m.ID != forms.Industry || p.unit.Selected != "青岛市" {
		t.Fatalf("first tab shows %s/%q, want industry/青岛市 (the chosen city)", p.m.ID, p.unit.Selected)
	}
	if len(p.rows) != 6 || !strings.HasPrefix(p.rows[0].cl.Text, "坚定不移实施制造强国战略") {
		t.Fatalf("clauses not shown: %d", len(p.rows))
	}
	p.unit.SetSelected("济南市")
	r := p.rows[1] // （二）
	if r.evidence.Text != "（演示）济南市对照第六条（二）的情况说明。" {
		t.Fatalf("evidence of 济南 not shown: %q", r.evidence.Text)
	}
	r.verdict.SetSelected(string(forms.VerdictNotMet))
	a, _ := secAssessment(h.stored(), "370100", forms.Industry, "2")
	if a.Verdict != forms.VerdictNotMet || a.Evidence != "（演示）济南市对照第六条（二）的情况说明。" {
		t.Fatalf("after choosing 不符合 the store has %+v", a)
	}

	h.typeInto(r.evidence, "技改投资增速低于全省。")
	a, _ = secAssessment(h.stored(), "370100", forms.Industry, "2")
	if a.Verdict != forms.VerdictNotMet || a.Evidence != "技改投资增速低于全省。（演示）济南市对照第六条（二）的情况说明。" {
		t.Fatalf("after typing the store has %+v", a)
	}
	if h.changed != 2 {
		t.Errorf("Changed called %d times, want 2", h.changed)
	}
	// Leaving the field again without typing writes nothing.
	h.win.Canvas().Focus(r.evidence)
	h.win.Canvas().Unfocus()
	if h.changed != 2 {
		t.Errorf("leaving an unchanged field called Changed")
	}
	rows := h.audit(store.AuditFilter{UnitCode: "370100", Field: "第六条（二）"})
	if len(rows) != 4 || rows[0].Note != "评估基本条件" || rows[0].Field != "第六条（二） 依据" || rows[1].New != "不符合" {
		t.Errorf("audit: %+v", rows)
	}
	// A change elsewhere (Changed → Refresh) while the officer types keeps the typing.
	c := h.win.Canvas()
	c.Focus(r.evidence)
	r.evidence.SetText("正在输入")
	h.reload()
	if r.evidence.Text != "正在输入" {
		t.Fatalf("refresh replaced the text being typed: %q", r.evidence.Text)
	}
	c.Unfocus()
	if a, _ := secAssessment(h.stored(), "370100", forms.Industry, "2"); a.Evidence != "正在输入" {
		t.Fatalf("after leaving the store has %+v", a)
	}
	// The other candidate's text is untouched and shown again when switching back.
	p.unit.SetSelected("青岛市")
	if r.evidence.Text != "（演示）青岛市对照第六条（二）的情况说明。" || r.verdict.Selected != "符合" {
		t.Errorf("青岛 shows %q / %q", r.evidence.Text, r.verdict.Selected)
	}
	h.noErrors()
}

func TestCriteriaFiguresAndEvents(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepCriteria})
	s := h.screen.(*criteriaScreen)
	p := s.panels[0]
	c := h.env.Case
	f, ok := c.Figure(forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021})
	if !ok {
		t.Fatal("demo lacks the figure")
	}
	want := "规模以上工业增加值增速（%）\n    2020年 "
	if got := p.rows[1].figures.Text; !strings.Contains(got, want) || !strings.Contains(got, "2021年 "+f.Value.Format(0)) {
		t.Errorf("figures of （二）: %q, want %q and 2021年 %s", got, want, f.Value.Format(0))
	}
	if got := labelsText(p.events); got != "无负面情况" {
		t.Errorf("青岛 clause （六）: %q", got)
	}
	p.unit.SetSelected("淄博市")
	if got := labelsText(p.events); !strings.Contains(got, "【重大】") || !strings.Contains(got, "不参与评选") {
		t.Errorf("淄博 clause （六）: %q", got)
	}
	if !p.hint.Visible() || !strings.Contains(p.hint.Text, "不能推荐") {
		t.Errorf("淄博 not marked as excluded: %q", p.hint.Text)
	}
	if p.rows[5].verdict != nil {
		t.Error("clause （六） is editable")
	}
}

func TestCriteriaFocus(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepCriteria})
	s := h.screen.(*criteriaScreen)
	if !s.Focus("assessment:370600/digital/3") {
		t.Fatal("Focus refused an assessment field")
	}
	p := s.panels[1]
	if s.tabs.Selected() != p.tab || p.unit.Selected != "烟台市" {
		t.Fatalf("Focus shows %v / %q", s.tabs.Selected().Text, p.unit.Selected)
	}
	if h.win.Canvas().Focused() != fyne.Focusable(p.rows[2].evidence) {
		t.Error("evidence of （三） not focused")
	}
	if s.Focus("settings.contact") {
		t.Error("Focus accepted a field of another screen")
	}
}

// A verdict can be cleared back to 未评估 (forms.VerdictNone); the evidence stays.
func TestCriteriaVerdictCleared(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepCriteria})
	p := h.screen.(*criteriaScreen).panels[0]
	p.unit.SetSelected("济南市")
	r := p.rows[1] // （二）
	before, ok := secAssessment(h.env.Case, "370100", forms.Industry, "2")
	if !ok || before.Verdict == forms.VerdictNone {
		t.Fatalf("the demo has no verdict to clear: %+v", before)
	}
	if r.verdict.Options[0] != "未评估" {
		t.Fatalf("options %v", r.verdict.Options)
	}
	r.verdict.SetSelected("未评估")
	a, ok := secAssessment(h.stored(), "370100", forms.Industry, "2")
	if !ok || a.Verdict != forms.VerdictNone || a.Evidence != before.Evidence {
		t.Fatalf("after choosing 未评估 the store has %+v (ok %v)", a, ok)
	}
	if r.verdict.Selected != "" {
		t.Errorf("select shows %q, want the placeholder", r.verdict.Selected)
	}
	if rows := h.audit(store.AuditFilter{UnitCode: "370100", Field: "第六条（二）"}); len(rows) == 0 || rows[0].Old != string(before.Verdict) {
		t.Errorf("audit: %+v", rows)
	}
	h.noErrors()
}

// 未评估的各条均评为“符合”: one confirmed action for the clauses without a verdict;
// a clause already assessed keeps its verdict, typed evidence is kept.
func TestCriteriaAllMet(t *testing.T) {
	h := newProvinceShell(t, "650000", map[forms.MeasureID][]string{forms.Industry: {"653000", "650100"}})
	if err := h.sh.Store().Update("评估", func(tx *store.Tx) error {
		return tx.SetAssessment(forms.Assessment{UnitCode: "653000", Measure: forms.Industry, Clause: "2", Verdict: forms.VerdictPartial, Evidence: "增速低于全区"})
	}); err != nil {
		t.Fatal(err)
	}
	h.sh.Env().Changed()
	h.sh.Show(forms.StepCriteria, "")
	cr := h.sh.Screen(forms.StepCriteria).(*criteriaScreen)
	p := cr.panels[0]
	p.unit.SetSelected("克孜勒苏柯尔克孜自治州")
	if p.code != "653000" {
		t.Fatalf("shows %s", p.code)
	}
	h.typeInto(p.rows[0].evidence, "见申报书一")
	h.win.Canvas().Unfocus()
	test.Tap(p.allMet)
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !showsText(t, top, "克孜勒苏柯尔克孜自治州") || !showsText(t, top, "（三）") || showsText(t, top, "（二）（三）") {
		t.Fatal("the question does not name the city and only the unassessed clauses")
	}
	test.Tap(findButton(t, top, "是"))
	got := map[string]forms.Assessment{}
	for _, a := range h.caseNow().Assessments {
		if a.UnitCode == "653000" {
			got[a.Clause] = a
		}
	}
	if got["2"].Verdict != forms.VerdictPartial || got["1"].Verdict != forms.VerdictMet || got["1"].Evidence != "见申报书一" || got["5"].Verdict != forms.VerdictMet {
		t.Fatalf("assessments %+v", got)
	}
	if _, ok := got["6"]; ok {
		t.Error("clause (六) assessed by hand")
	}
	// Nothing left: said, nothing written.
	errs := len(h.win.Canvas().Overlays().List())
	test.Tap(p.allMet)
	if len(h.win.Canvas().Overlays().List()) != errs+1 || !showsText(t, h.win.Canvas().Overlays().Top(), "没有尚未评估") {
		t.Error("no message when every clause is assessed")
	}
}

// Shown on a recommended city, 评为符合 offers the other measure's recommended city
// too: 北京 (直辖市 districts), 海淀区 for one measure, 朝阳区 for the other.
func TestCriteriaAllMetForBothRecommended(t *testing.T) {
	for _, both := range []bool{true, false} {
		h := newProvinceShell(t, "110000", map[forms.MeasureID][]string{forms.Industry: {"110108", "110105"}, forms.Digital: {"110105"}})
		if err := h.sh.Store().Update("比选", func(tx *store.Tx) error {
			if err := tx.Choose(forms.Choice{Measure: forms.Industry, UnitCode: "110108", Reason: "第一"}, testNow); err != nil {
				return err
			}
			if err := tx.Choose(forms.Choice{Measure: forms.Digital, UnitCode: "110105", Reason: "唯一"}, testNow); err != nil {
				return err
			}
			// One clause of 朝阳区 already assessed: it keeps its verdict.
			return tx.SetAssessment(forms.Assessment{UnitCode: "110105", Measure: forms.Digital, Clause: "3", Verdict: forms.VerdictNotMet, Evidence: "未达标"})
		}); err != nil {
			t.Fatal(err)
		}
		h.sh.Env().Changed()
		h.sh.Show(forms.StepCriteria, "")
		p := h.sh.Screen(forms.StepCriteria).(*criteriaScreen).panels[0]
		if p.code != "110108" {
			t.Fatalf("shows %s, not the recommended 海淀区", p.code)
		}
		test.Tap(p.allMet)
		top := h.win.Canvas().Overlays().Top()
		if top == nil || !showsText(t, top, "朝阳区第七条") {
			t.Fatalf("the question does not offer 朝阳区: %s", labelsIn(t, top))
		}
		label := "仅海淀区"
		if both {
			label = "评估全部推荐对象（海淀区、朝阳区）"
		}
		test.Tap(findButton(t, top, label))
		c := h.caseNow()
		if n := len(c.Unassessed(p.m, "110108")); n != 0 {
			t.Errorf("海淀区 has %d unassessed clauses", n)
		}
		dm, _ := c.Campaign.Measure(forms.Digital)
		left := len(c.Unassessed(dm, "110105"))
		if both && left != 0 || !both && left != len(dm.Clauses)-2 {
			t.Errorf("both=%v: 朝阳区 has %d unassessed clauses", both, left)
		}
		for _, a := range c.Assessments {
			if a.UnitCode == "110105" && a.Clause == "3" && a.Verdict != forms.VerdictNotMet {
				t.Errorf("an assessed clause was overwritten: %+v", a)
			}
		}
	}
}
