package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/forms"
)

// TestSecondaryGoldens renders each screen of this group over the demo case with the
// application theme (embedded font), so the images do not depend on system fonts.
func TestSecondaryGoldens(t *testing.T) {
	local := time.Local
	time.Local = time.UTC // the history shows local times
	t.Cleanup(func() { time.Local = local })
	for _, tc := range []struct {
		step  forms.Step
		setup func(h *testEnv)
	}{
		{forms.StepCriteria, func(h *testEnv) { h.screen.(*criteriaScreen).panels[0].unit.SetSelected("淄博市") }},
		{forms.StepApprovals, func(h *testEnv) { h.replaceIn(h.screen.(*approvalsScreen).panels[0].govDate, "2022-2-30") }},
		{forms.StepApplication, nil},
		{forms.StepExport, nil},
		{forms.StepHistory, func(h *testEnv) {
			// A filtered view, so the image does not change whenever the demo grows.
			s := h.screen.(*historyScreen)
			s.unit.SetSelected("青岛市")
			s.field.SetText("第六条")
			s.table.Select(widget.TableCellID{Row: 1, Col: 0})
		}},
	} {
		t.Run(string(tc.step), func(t *testing.T) {
			h := newTestEnv(t, envConfig{step: tc.step})
			h.win.Resize(fyne.NewSize(1000, 700))
			if tc.setup != nil {
				tc.setup(h)
			}
			test.AssertRendersToImage(t, "secondary/"+string(tc.step)+".png", h.win.Canvas())
		})
	}
}

// Without a case (nothing set up yet) every screen says so instead of failing.
func TestSecondaryScreensWithoutCase(t *testing.T) {
	h := newTestEnv(t, envConfig{empty: true})
	for _, step := range []forms.Step{forms.StepCriteria, forms.StepApprovals, forms.StepApplication, forms.StepCompare, forms.StepExport, forms.StepHistory} {
		sc := h.showScreen(step)
		if sc.Focus("assessment:370200/industry/1") {
			t.Errorf("%s: Focus succeeded without a case", step)
		}
		if txt := h.texts(); step != forms.StepHistory && !strings.Contains(txt, "尚未设置推荐单位和年度") {
			t.Errorf("%s without a case shows:\n%s", step, txt)
		}
	}
	h.noErrors()
}
