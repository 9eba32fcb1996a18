package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/forms"
)

// dirtyScreen is implemented by the screens whose form is saved only by a button
// (设置, the event form of 负面情况, the choice of 比选): before the shell leaves such a
// screen or closes the window it asks whether to save the changes.
type dirtyScreen interface {
	// Unsaved describes the unsaved changes in Chinese (“负面情况：事件表单有未保存的
	// 修改”); "" when the form shows what is stored.
	Unsaved() string
	// Save writes the form as its button does; the error says what is wrong.
	Save() error
	// Discard puts the stored values back into the form.
	Discard()
}

// unsavedOf is the description of a screen's unsaved changes, "" when none (or when
// the screen keeps none).
func unsavedOf(sc Screen) string {
	if d, ok := sc.(dirtyScreen); ok {
		return d.Unsaved()
	}
	return ""
}

// dirtyScreens lists the built screens with unsaved changes in the order of the
// navigation.
func (s *Shell) dirtyScreens() []dirtyScreen {
	var out []dirtyScreen
	for _, step := range forms.Steps {
		if sc, ok := s.screens[step]; ok && unsavedOf(sc) != "" {
			out = append(out, sc.(dirtyScreen))
		}
	}
	return out
}

// askUnsaved shows the dialog “有未保存的修改” for the screens: 保存 saves each and
// runs proceed when all succeeded (an error is shown and nothing proceeds), 不保存
// discards the changes and runs proceed, 取消 runs stay.
func (s *Shell) askUnsaved(dirty []dirtyScreen, what string, proceed, stay func()) {
	var lines []string
	for _, d := range dirty {
		if q, ok := d.(interface{ dismissQuestion() }); ok {
			q.dismissQuestion()
		}
		lines = append(lines, d.Unsaved())
	}
	msg := widget.NewLabel(strings.Join(lines, "\n") + "\n\n" + what)
	d := dialog.NewCustomWithoutButtons("有未保存的修改", container.NewPadded(msg), s.env.Window)
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() {
		d.Hide()
		var errs []error
		for _, x := range dirty {
			if x.Unsaved() == "" {
				continue
			}
			if err := x.Save(); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			s.showError(errors.Join(append(errs, errors.New("修改未全部保存，仍停留在当前页面：请改正后再保存，或选择“不保存”。"))...))
			if stay != nil {
				stay()
			}
			return
		}
		proceed()
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("不保存", func() {
		d.Hide()
		for _, x := range dirty {
			x.Discard()
		}
		proceed()
	})
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() {
		d.Hide()
		if stay != nil {
			stay()
		}
	})
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Show()
}

// guardLeave runs leave at once when the current screen has no unsaved changes, and
// otherwise after the officer's answer to askUnsaved; on 取消 the navigation is put
// back on the current step.
func (s *Shell) guardLeave(to forms.Step, leave func()) {
	sc, ok := s.screens[s.current]
	if !ok || to == s.current || s.env.Window == nil || unsavedOf(sc) == "" {
		leave()
		return
	}
	s.askUnsaved([]dirtyScreen{sc.(dirtyScreen)}, "离开前保存这些修改吗？", leave, s.reselectNav)
}

// reselectNav puts the navigation's selection back on the step shown.
func (s *Shell) reselectNav() {
	s.selecting = true
	s.nav.Select(s.navIndex)
	s.selecting = false
}

// unsavedBeforeClose asks about the unsaved changes of every built screen before the
// window closes; it reports false when there are none (close at once).
func (sh *Shell) unsavedBeforeClose() bool {
	w := sh.env.Window
	dirty := sh.dirtyScreens()
	if len(dirty) == 0 {
		return false
	}
	sh.askUnsaved(dirty, "关闭窗口前保存这些修改吗？", w.Close, nil)
	return true
}
