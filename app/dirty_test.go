package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/forms"
)

// tapDialog taps the button with the label in the dialog on top, failing when there
// is no dialog or no such button.
func (h *shellHarness) tapDialog(label string) {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog to tap %q in", label)
	}
	var found *widget.Button
	walkObjects(h.t, top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("the dialog has no button %q", label)
	}
	test.Tap(found)
}

// dialogShows reports whether the dialog on top shows s.
func (h *shellHarness) dialogShows(s string) bool {
	top := h.win.Canvas().Overlays().Top()
	return top != nil && showsText(h.t, top, s)
}

func (h *shellHarness) eventTitles(code string) []string {
	var out []string
	for _, e := range h.caseNow().Events {
		if e.UnitCode == code {
			out = append(out, e.Title)
		}
	}
	return out
}

// An event typed but not saved: leaving 负面情况 asks 保存 / 不保存 / 取消.
func TestUnsavedEventAskedBeforeLeaving(t *testing.T) {
	const code = "370600"
	edit := func(t *testing.T) (*shellHarness, *eventsScreen, int) {
		h := newShellHarness(t, true)
		s := eventsScreenFor(t, h, code)
		if u := s.Unsaved(); u != "" {
			t.Fatalf("fresh form reported %q", u)
		}
		n0 := len(h.eventTitles(code))
		h.typeInto(s.date, "2021-08-03")
		h.typeInto(s.title, "未保存的爆炸事故")
		if u := s.Unsaved(); !strings.Contains(u, "负面情况") {
			t.Fatalf("edited form reported %q", u)
		}
		h.sh.Show(forms.StepCriteria, "")
		if h.sh.Current() != forms.StepEvents {
			t.Fatalf("left for %s without asking", h.sh.Current())
		}
		if !h.dialogShows("有未保存的修改") || !h.dialogShows("负面情况：事件表单") {
			t.Fatal("no dialog about the unsaved event")
		}
		return h, s, n0
	}
	t.Run("save", func(t *testing.T) {
		h, s, n0 := edit(t)
		h.tapDialog("保存")
		if h.sh.Current() != forms.StepCriteria {
			t.Fatalf("after 保存 shows %s", h.sh.Current())
		}
		got := h.eventTitles(code)
		if len(got) != n0+1 || !strings.Contains(strings.Join(got, "|"), "未保存的爆炸事故") {
			t.Fatalf("stored titles %q", got)
		}
		if u := s.Unsaved(); u != "" {
			t.Fatalf("after 保存 still %q", u)
		}
		if h.win.Canvas().Overlays().Top() != nil {
			t.Fatal("a dialog is left open")
		}
	})
	t.Run("discard", func(t *testing.T) {
		h, s, n0 := edit(t)
		h.tapDialog("不保存")
		if h.sh.Current() != forms.StepCriteria {
			t.Fatalf("after 不保存 shows %s", h.sh.Current())
		}
		if got := h.eventTitles(code); len(got) != n0 {
			t.Fatalf("不保存 wrote an event: %q", got)
		}
		if s.title.Text != "" || s.Unsaved() != "" {
			t.Fatalf("form after 不保存: title %q, unsaved %q", s.title.Text, s.Unsaved())
		}
	})
	t.Run("cancel", func(t *testing.T) {
		h, s, n0 := edit(t)
		h.tapDialog("取消")
		if h.sh.Current() != forms.StepEvents || h.sh.navIndex != 3 {
			t.Fatalf("after 取消 shows %s (nav %d)", h.sh.Current(), h.sh.navIndex)
		}
		if s.title.Text != "未保存的爆炸事故" || s.Unsaved() == "" {
			t.Fatalf("取消 lost the edit: %q", s.title.Text)
		}
		if got := h.eventTitles(code); len(got) != n0 {
			t.Fatalf("取消 wrote an event: %q", got)
		}
		// The navigation list asks too, and 取消 keeps the screen.
		h.sh.nav.Select(0)
		if h.sh.Current() != forms.StepEvents || !h.dialogShows("有未保存的修改") {
			t.Fatalf("navigation list: shows %s without asking", h.sh.Current())
		}
		h.tapDialog("取消")
		if h.sh.Current() != forms.StepEvents {
			t.Fatalf("after 取消 shows %s", h.sh.Current())
		}
	})
	t.Run("save refused", func(t *testing.T) {
		h, s, n0 := edit(t)
		s.deaths.SetText("两人")
		h.tapDialog("保存")
		if h.sh.Current() != forms.StepEvents {
			t.Fatalf("an invalid form was left for %s", h.sh.Current())
		}
		if !h.dialogShows("死亡人数") || !h.dialogShows("未保存") {
			t.Fatal("the refusal is not shown")
		}
		if got := h.eventTitles(code); len(got) != n0 {
			t.Fatalf("invalid event stored: %q", got)
		}
	})
	t.Run("same step", func(t *testing.T) {
		h, _, _ := edit(t)
		h.tapDialog("取消")
		// Moving to a field of the same screen and city is not leaving it.
		h.sh.Show(forms.StepEvents, "events:"+code)
		if h.dialogShows("有未保存的修改") {
			t.Fatal("asked when staying on the screen")
		}
		// Another city would replace the form: that asks (issue 14 point 2).
		h.sh.Show(forms.StepEvents, "events:370100")
		if !h.dialogShows("有未保存的修改") {
			t.Fatal("switching city discards the unsaved event without asking")
		}
	})
}

// Closing the window with an edited 设置 asks first; 取消 keeps the window, 不保存
// closes it without writing, 保存 writes and closes.
func TestUnsavedSetupAskedBeforeClose(t *testing.T) {
	edit := func(t *testing.T) (*shellHarness, *setupScreen) {
		h := newShellHarness(t, true)
		h.sh.Show(forms.StepSetup, "")
		s := h.sh.Screen(forms.StepSetup).(*setupScreen)
		if u := s.Unsaved(); u != "" {
			t.Fatalf("fresh setup reported %q", u)
		}
		h.typeInto(s.contact, "王五")
		h.sh.CloseWindow()
		if h.closed {
			t.Fatal("closed without asking")
		}
		if !h.dialogShows("有未保存的修改") || !h.dialogShows("设置：") {
			t.Fatal("no dialog about the unsaved settings")
		}
		return h, s
	}
	contact := func(h *shellHarness) string { return h.caseNow().Settings.Contact }
	t.Run("cancel", func(t *testing.T) {
		h, s := edit(t)
		before := contact(h)
		h.tapDialog("取消")
		if h.closed || s.contact.Text != "王五" || contact(h) != before {
			t.Fatalf("取消: closed %v, entry %q, stored %q", h.closed, s.contact.Text, contact(h))
		}
	})
	t.Run("discard", func(t *testing.T) {
		h, _ := edit(t)
		before := contact(h)
		h.tapDialog("不保存")
		if !h.closed || contact(h) != before {
			t.Fatalf("不保存: closed %v, stored %q", h.closed, contact(h))
		}
	})
	t.Run("save", func(t *testing.T) {
		h, _ := edit(t)
		h.tapDialog("保存")
		if !h.closed || contact(h) != "王五" {
			t.Fatalf("保存: closed %v, stored %q", h.closed, contact(h))
		}
	})
	t.Run("clean", func(t *testing.T) {
		h := newShellHarness(t, true)
		h.sh.Show(forms.StepSetup, "")
		h.sh.Show(forms.StepEvents, "")
		h.sh.CloseWindow()
		if !h.closed {
			t.Fatal("a window without unsaved changes was not closed")
		}
	})
}

// First run: a province chosen but not saved; 不保存 empties the form again.
func TestUnsavedSetupDiscardFirstRun(t *testing.T) {
	h := newShellHarness(t, false)
	s := h.sh.Screen(forms.StepSetup).(*setupScreen)
	h.typeInto(s.search, "浙江")
	if s.Unsaved() == "" {
		t.Fatal("a chosen province is not an unsaved change")
	}
	h.sh.Show(forms.StepFigures, "")
	h.tapDialog("不保存")
	if h.sh.Current() != forms.StepFigures || s.province.Selected != "" || s.Unsaved() != "" {
		t.Fatalf("shows %s, province %q, unsaved %q", h.sh.Current(), s.province.Selected, s.Unsaved())
	}
}

// 比选: a changed 推荐理由 is unsaved until 确定推荐; Save confirms it, Discard
// restores the stored one, and retyping the stored text is not a change.
func TestUnsavedCompareChoice(t *testing.T) {
	h := newCmpHarness(t, nil)
	s := h.compare()
	p := h.panel(forms.Industry)
	if u := s.Unsaved(); u != "" {
		t.Fatalf("fresh compare reported %q", u)
	}
	stored, _ := h.env.Case.Choice(forms.Industry)
	p.reason.SetText("另一个理由")
	if u := s.Unsaved(); !strings.Contains(u, "比选") || !strings.Contains(u, p.m.Short) {
		t.Fatalf("edited reason reported %q", u)
	}
	p.reason.SetText(stored.Reason)
	if u := s.Unsaved(); u != "" {
		t.Fatalf("the stored reason retyped reported %q", u)
	}
	p.reason.SetText("另一个理由")
	s.Discard()
	if p.reason.Text != stored.Reason || s.Unsaved() != "" {
		t.Fatalf("after Discard %q, unsaved %q", p.reason.Text, s.Unsaved())
	}
	if p.choice.Selected == "" {
		p.choice.SetSelected(p.choice.Options[0])
	}
	p.reason.SetText("保存前改写的推荐理由")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if ch, _ := h.stored().Choice(forms.Industry); ch.Reason != "保存前改写的推荐理由" {
		t.Fatalf("stored reason %q", ch.Reason)
	}
	if u := s.Unsaved(); u != "" {
		t.Fatalf("after Save %q", u)
	}
}
