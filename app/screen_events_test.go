package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuijian/data/store"
	"tuijian/forms"
)

func eventsScreenFor(t *testing.T, h *shellHarness, code string) *eventsScreen {
	t.Helper()
	h.sh.Show(forms.StepEvents, "")
	s := h.sh.Screen(forms.StepEvents).(*eventsScreen)
	if !s.Focus("events:" + code) {
		t.Fatalf("%s not in the events screen", code)
	}
	if s.unit != code {
		t.Fatalf("selected %s", s.unit)
	}
	return s
}

func TestEventsGradeAsTypedAndExcludeOnSave(t *testing.T) {
	h := newShellHarness(t, true)
	// Build the candidates and figures screens first: they must show the exclusion
	// when shown again (the shell refreshes hidden screens lazily).
	h.sh.Show(forms.StepCandidates, "")
	h.sh.Show(forms.StepFigures, "")
	s := eventsScreenFor(t, h, "370600") // 烟台市, a candidate of both measures
	n0 := len(h.caseNow().Events)
	test.Tap(s.add)
	s.kind.SetSelected(forms.EventSafety.Label())
	h.typeInto(s.date, "2021-08-03")
	h.typeInto(s.title, "某化工厂爆炸事故")
	h.typeInto(s.deaths, "2")
	if !strings.Contains(s.result.Text, "一般") {
		t.Fatalf("2 deaths graded as %q", s.result.Text)
	}
	h.typeInto(s.deaths, "12")
	if !strings.Contains(s.result.Text, "重大") || !strings.Contains(s.result.Text, "第三条") || !strings.Contains(s.result.Text, "不能推荐") {
		t.Fatalf("12 deaths: %q", s.result.Text)
	}
	// Nothing is stored until 保存.
	if len(h.caseNow().Events) != n0 {
		t.Fatal("typing wrote an event")
	}
	if len(h.caseNow().Exclusions(testNow)["370600"]) != 0 {
		t.Fatal("excluded before save")
	}
	test.Tap(s.save)
	if s.errs.Text != "" {
		t.Fatal(s.errs.Text)
	}
	c := h.caseNow()
	ex := c.Exclusions(testNow)["370600"]
	if len(ex) == 0 || ex[0].EventID == 0 {
		t.Fatalf("烟台市 not excluded after saving: %+v", ex)
	}
	// Every screen shows it at once: the candidates table and the figures header.
	h.sh.Show(forms.StepCandidates, "")
	cs := h.sh.Screen(forms.StepCandidates).(*candidatesScreen)
	if len(cs.excluded["370600"]) == 0 {
		t.Fatal("candidates screen does not show the exclusion")
	}
	h.sh.Show(forms.StepFigures, "")
	fp := h.sh.Screen(forms.StepFigures).(*figuresScreen).pages[0]
	cell, _ := fp.cellOf("370600", "ind.va_growth", 2021)
	if !strings.Contains(fp.header(cell.Col), "排除") {
		t.Fatalf("figures header %q", fp.header(cell.Col))
	}
	if !strings.Contains(s.formHead.Text, "事件#") {
		t.Fatalf("form after save: %q", s.formHead.Text)
	}
}

func TestEventsInvalidNumberNotSaved(t *testing.T) {
	h := newShellHarness(t, true)
	s := eventsScreenFor(t, h, "370100")
	n0 := len(h.caseNow().Events)
	test.Tap(s.add)
	s.kind.SetSelected(forms.EventEnvironment.Label())
	h.typeInto(s.date, "2020-03-01")
	h.typeInto(s.title, "河道污染")
	h.typeInto(s.evacuated, "三千")
	if !strings.Contains(s.result.Text, "疏散、转移人数") {
		t.Fatalf("result %q", s.result.Text)
	}
	test.Tap(s.save)
	if !strings.Contains(s.errs.Text, "疏散、转移人数") {
		t.Fatalf("errs %q", s.errs.Text)
	}
	if len(h.caseNow().Events) != n0 {
		t.Fatal("an event with an invalid number was written")
	}
	// Environment facts: a 县级 water source cut is 重大.
	h.typeInto(s.evacuated, "3000")
	s.water.SetSelectedIndex(2)
	if !strings.Contains(s.result.Text, "重大") {
		t.Fatalf("county water source: %q", s.result.Text)
	}
	test.Tap(s.save)
	if len(h.caseNow().Events) != n0+1 {
		t.Fatalf("not saved: %s", s.errs.Text)
	}
}

func TestEventsSocialNeedsBasis(t *testing.T) {
	h := newShellHarness(t, true)
	s := eventsScreenFor(t, h, "370100")
	test.Tap(s.add)
	s.kind.SetSelected(forms.EventSocial.Label())
	h.typeInto(s.date, "2021-02-01")
	h.typeInto(s.title, "群体性事件")
	test.Tap(s.severe)
	test.Tap(s.save)
	if !strings.Contains(s.errs.Text, "依据") {
		t.Fatalf("errs %q", s.errs.Text)
	}
	h.typeInto(s.basis, "省委政法委通报")
	test.Tap(s.save)
	if len(h.caseNow().Exclusions(testNow)["370100"]) == 0 {
		t.Fatal("济南市 not excluded by a severe social incident")
	}
	// Deleting it lifts the exclusion.
	s.doDelete()
	if len(h.caseNow().Exclusions(testNow)["370100"]) != 0 {
		t.Fatal("exclusion kept after delete")
	}
}

// One reply of the 应急管理厅/生态环境厅 recorded for every candidate at once; a city
// already checked keeps its own record.
func TestScreeningSavedForAllCandidates(t *testing.T) {
	h := newProvinceShell(t, "450000", map[forms.MeasureID][]string{forms.Industry: {"450100", "450600"}, forms.Digital: {"450100", "451000"}})
	if err := h.sh.Store().Update("核查", func(tx *store.Tx) error {
		return tx.SetScreening(forms.Screening{UnitCode: "451000", Checker: "另一位", Departments: "应急管理厅", Date: "2022-02-01", Basis: "单独复函"})
	}); err != nil {
		t.Fatal(err)
	}
	h.sh.Env().Changed()
	h.sh.Show(forms.StepEvents, "screening:450100")
	ev := h.sh.Screen(forms.StepEvents).(*eventsScreen)
	k := ev.screening
	k.checker.SetText("规划处 韦工")
	k.departments.SetText("自治区应急管理厅、自治区生态环境厅")
	k.date.SetText("2022年2月7日")
	k.basis.SetText("桂应急函〔2022〕5号")
	test.Tap(k.saveAll)
	c := h.caseNow()
	for _, code := range []string{"450100", "450600"} {
		if x, ok := c.Screening(code); !ok || x.Checker != "规划处 韦工" || x.Date != "2022-02-07" {
			t.Errorf("%s: %+v %v", code, x, ok)
		}
	}
	if x, _ := c.Screening("451000"); x.Checker != "另一位" {
		t.Errorf("an existing record was replaced: %+v", x)
	}
	if !strings.Contains(k.status.Text, "南宁市") || !strings.Contains(k.status.Text, "防城港市") {
		t.Errorf("status %q does not name the cities", k.status.Text)
	}
	// A wrong date is refused for all, nothing written.
	h.sh.Show(forms.StepEvents, "screening:450600")
	k.date.SetText("2022-13-40")
	test.Tap(k.saveAll)
	if x, _ := h.caseNow().Screening("450600"); x.Date != "2022-02-07" || !k.errs.Visible() {
		t.Errorf("a wrong date was written or not reported: %+v", x)
	}
}
