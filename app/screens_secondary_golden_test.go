package app

import (
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
		setup func(h *secHarness)
	}{
		{forms.StepCriteria, func(h *secHarness) { h.screen.(*criteriaScreen).panels[0].unit.SetSelected("淄博市") }},
		{forms.StepApprovals, func(h *secHarness) { h.replaceIn(h.screen.(*approvalsScreen).panels[0].govDate, "2022-2-30") }},
		{forms.StepApplication, nil},
		{forms.StepExport, nil},
		{forms.StepHistory, func(h *secHarness) {
			// A filtered view, so the image does not change whenever the demo grows.
			s := h.screen.(*historyScreen)
			s.unit.SetSelected("青岛市")
			s.field.SetText("第六条")
			s.table.Select(widget.TableCellID{Row: 1, Col: 0})
		}},
	} {
		t.Run(string(tc.step), func(t *testing.T) {
			h := newSecHarness(t, tc.step)
			h.win.Resize(fyne.NewSize(1000, 700))
			if tc.setup != nil {
				tc.setup(h)
			}
			test.AssertRendersToImage(t, "secondary/"+string(tc.step)+".png", h.win.Canvas())
		})
	}
}
