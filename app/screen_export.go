package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/documents"
	"tuijian/forms"
)

// 导出: the pre-flight check (forms.Preflight as of today) grouped by measure, blockers
// first, each issue with a button to the screen and field that fixes it, and a summary
// line. The export commands themselves are toolbar actions registered by their own
// files (the shell shows them).

func init() {
	registerScreen(forms.StepExport, func(env *Env) Screen { return newExportScreen(env) })
}

type exportScreen struct {
	env     *Env
	summary *widget.Label
	list    *fyne.Container
	root    *fyne.Container
	issues  []forms.Issue
	checks  int // Refresh calls, so a late layout check of an older case is dropped
}

func newExportScreen(env *Env) *exportScreen {
	s := &exportScreen{env: env, list: container.NewVBox()}
	s.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.summary.Wrapping = fyne.TextWrapWord
	recheck := widget.NewButton("重新检查", s.Refresh)
	head := container.NewBorder(nil, widget.NewSeparator(), nil, recheck, s.summary)
	s.root = container.NewBorder(head, nil, nil, nil, container.NewVScroll(s.list))
	return s
}

func (s *exportScreen) Content() fyne.CanvasObject { return s.root }

func (s *exportScreen) Focus(string) bool { return false }

// Refresh shows the pre-flight at once, then adds the letters' layout warnings, which
// lay the letters out with the document fonts (about 75 ms the first time, as the fonts
// are unpacked) off the UI goroutine.
func (s *exportScreen) Refresh() {
	c := s.env.Case
	s.checks++
	if c == nil || c.Campaign == nil {
		s.list.RemoveAll()
		s.issues = nil
		s.summary.SetText("尚未设置推荐单位和年度，请先完成“设置”。")
		s.summary.Importance = widget.DangerImportance
		s.summary.Refresh()
		return
	}
	now, check := s.env.Now(), s.checks
	pre := forms.Preflight(c, now)
	s.show(c, pre)
	var layout []forms.Issue
	inBackground(func() { layout = documents.LayoutIssues(c, now, docFonts()) }, func() {
		if check == s.checks && len(layout) > 0 {
			s.show(c, slices.Concat(pre, layout))
		}
	})
}

// show lists issues, grouped by measure, blockers first, under a summary.
func (s *exportScreen) show(c *forms.Case, issues []forms.Issue) {
	s.list.RemoveAll()
	s.issues = issues
	blockers := len(forms.Blockers(s.issues))
	warnings := len(s.issues) - blockers
	if blockers == 0 {
		s.summary.SetText(fmt.Sprintf("检查通过：没有阻断报送的问题（%d 条提示），可以导出报送材料。", warnings))
		s.summary.Importance = widget.SuccessImportance
	} else {
		s.summary.SetText(fmt.Sprintf("%d 个问题阻断报送，%d 条提示：请逐项处理后再导出。", blockers, warnings))
		s.summary.Importance = widget.DangerImportance
	}
	s.summary.Refresh()

	groups := []struct {
		id    forms.MeasureID
		title string
	}{{"", "整体"}}
	for _, m := range c.Campaign.Measures {
		groups = append(groups, struct {
			id    forms.MeasureID
			title string
		}{m.ID, m.Name})
	}
	for _, g := range groups {
		var items []forms.Issue
		for _, sev := range []forms.Severity{forms.Blocker, forms.Warning} {
			for _, i := range s.issues {
				if i.Measure == g.id && i.Severity == sev {
					items = append(items, i)
				}
			}
		}
		if len(items) == 0 {
			if g.id != "" {
				ok := widget.NewLabel(g.title + "：无问题")
				ok.Importance = widget.SuccessImportance
				s.list.Add(ok)
			}
			continue
		}
		s.list.Add(widget.NewLabelWithStyle(g.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, i := range items {
			s.list.Add(s.row(i))
		}
	}
	s.root.Refresh() // the summary may wrap to more lines
}

func (s *exportScreen) row(i forms.Issue) fyne.CanvasObject {
	sev := widget.NewLabel("【" + string(i.Severity) + "】")
	if i.Severity == forms.Blocker {
		sev.Importance = widget.DangerImportance
	} else {
		sev.Importance = widget.WarningImportance
	}
	msg := widget.NewLabel(i.Message)
	msg.Wrapping = fyne.TextWrapWord
	var link fyne.CanvasObject = widget.NewLabel("")
	if i.Step != "" && i.Step != forms.StepExport {
		b := widget.NewButton("去“"+i.Step.Label()+"”处理", func() { s.env.Show(i.Step, i.Field) })
		b.Importance = widget.LowImportance
		link = b
	}
	return container.NewBorder(nil, nil, sev, link, msg)
}
