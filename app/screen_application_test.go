package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuijian/data/store"
	"tuijian/forms"
)

func (h *testEnv) sections(code string, m forms.MeasureID) map[string]string {
	h.t.Helper()
	h.stored()
	secs, err := h.store.Sections(code, m)
	if err != nil {
		h.t.Fatal(err)
	}
	return secs
}

func TestApplicationSectionsSaved(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepApplication})
	s := h.screen.(*applicationScreen)
	p := s.panels[0]
	if p.m.ID != forms.Industry || p.code != "370200" || !strings.Contains(p.city.Text, "青岛市") {
		t.Fatalf("industry tab shows %s / %q", p.code, p.city.Text)
	}
	if len(p.entries) != 8 || p.entries["2"] != nil {
		t.Fatalf("%d entries; a heading with children must have none", len(p.entries))
	}
	if p.entries["2.2"].PlaceHolder != p.m.Outline[1].Children[1].Guidance {
		t.Errorf("placeholder of （二） is %q", p.entries["2.2"].PlaceHolder)
	}
	if p.empty.Text != "各章节均已填写。" {
		t.Fatalf("demo sections reported empty: %q", p.empty.Text)
	}
	h.typeInto(p.entries["2.2"], "2021年全市规上工业增加值增长9.8%。")
	if got := h.sections("370200", forms.Industry)["2.2"]; !strings.HasPrefix(got, "2021年全市规上工业增加值增长9.8%。（演示数据）") {
		t.Fatalf("store has %q", got)
	}
	h.replaceIn(p.entries["3"], "")
	if got, ok := h.sections("370200", forms.Industry)["3"]; !ok || got != "" {
		t.Fatalf("cleared section stored as %q (%v)", got, ok)
	}
	if p.empty.Text != "未填写的章节：三、下一步工作安排" || p.status["3"].Text != "（未填写）" {
		t.Errorf("empty section not shown: %q / %q", p.empty.Text, p.status["3"].Text)
	}
	rows := h.audit(store.AuditFilter{UnitCode: "370200", Field: "工业稳增长 三、下一步工作安排"})
	if len(rows) != 2 || rows[0].Note != "编写申报书" || rows[0].New != "" {
		t.Errorf("audit %+v", rows)
	}
	h.noErrors()
}

func TestApplicationDraftFromEvents(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepApplication})
	s := h.screen.(*applicationScreen)
	p := s.panels[0]
	old := p.entries["4"].Text
	test.Tap(h.button("根据负面情况登记生成"))
	// The section has text: a confirmation is asked first and nothing is written yet.
	if got := h.sections("370200", forms.Industry)["4"]; got != old {
		t.Fatalf("draft replaced text before confirmation: %q", got)
	}
	test.Tap(h.button("替换"))
	want := forms.DraftEventsSection(h.env.Case, "370200", testNow)
	if !strings.Contains(want, "青岛市近三年（2019年1月1日至2022年2月10日）") {
		t.Fatalf("unexpected draft %q", want)
	}
	if got := h.sections("370200", forms.Industry)["4"]; got != want {
		t.Fatalf("store has %q, want the draft %q", got, want)
	}
	if p.entries["4"].Text != want {
		t.Errorf("entry shows %q", p.entries["4"].Text)
	}
	h.noErrors()
}

func TestApplicationNeedsChoice(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepApplication})
	if err := h.store.Update("取消推荐选择", func(tx *store.Tx) error { return tx.Unchoose(forms.Digital, "") }); err != nil {
		t.Fatal(err)
	}
	h.reload()
	s := h.screen.(*applicationScreen)
	s.tabs.Select(s.panels[1].tab)
	if s.panels[1].code != "" {
		t.Fatal("digital still shows a city")
	}
	test.Tap(h.button("去“比选”选择"))
	if len(h.shown) != 1 || h.shown[0] != (shownStep{forms.StepCompare, "choice:digital"}) {
		t.Errorf("Show calls %+v", h.shown)
	}
	if !s.Focus("section:industry/2.3") || s.tabs.Selected() != s.panels[0].tab {
		t.Error("Focus(section:industry/2.3) did not show the industry tab")
	}
}
