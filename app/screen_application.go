package app

import (
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// 申报书: per measure, the application outline (附件1/附件2) of the chosen city with a
// text per leaf section, saved when the field is left; the template's guidance is the
// placeholder. Section 四 can be drafted from the negative-event register
// (forms.DraftEventsSection). Which sections are still empty is shown on top. Imports
// (e.g. the city's DOCX) are toolbar actions registered for StepApplication.

func init() {
	registerScreen(forms.StepApplication, func(env *Env) Screen { return newApplicationScreen(env) })
}

type applicationScreen struct {
	env    *Env
	root   *campaignRoot
	tabs   *container.AppTabs
	panels []*secApplicationPanel
}

type secApplicationPanel struct {
	s     *applicationScreen
	m     *forms.Measure
	tab   *container.TabItem
	city  *widget.Label
	empty *widget.Label
	body  *fyne.Container
	none  *fyne.Container // shown when no city is chosen
	stack *fyne.Container
	code  string
	// unitSel picks the unit whose 申报书 is shown, for a measure that takes several
	// units (hidden otherwise); want is the code picked.
	unitSel *widget.Select
	want    string
	stored  map[string]string
	entries map[string]*secEntry
	status  map[string]*widget.Label
}

func newApplicationScreen(env *Env) *applicationScreen {
	return &applicationScreen{env: env, root: newCampaignRoot()}
}

func (s *applicationScreen) Content() fyne.CanvasObject { return s.root.box }

func (s *applicationScreen) Refresh() {
	built := s.root.update(s.env.Case, func(camp *forms.Campaign) fyne.CanvasObject {
		s.panels = nil
		s.tabs = container.NewAppTabs()
		for i := range camp.Measures {
			p := &secApplicationPanel{s: s, m: &camp.Measures[i]}
			p.build()
			s.panels = append(s.panels, p)
			s.tabs.Append(p.tab)
		}
		return s.tabs
	})
	if !built {
		return
	}
	for _, p := range s.panels {
		p.refresh()
	}
}

// Focus handles "section:<measure>/<key>": shows the measure's tab and focuses the
// section's text.
func (s *applicationScreen) Focus(field string) bool {
	kind, rest, ok := strings.Cut(field, ":")
	if !ok || kind != "section" {
		return false
	}
	m, key, _ := strings.Cut(rest, "/")
	for _, p := range s.panels {
		if string(p.m.ID) != m {
			continue
		}
		s.tabs.Select(p.tab)
		if e, ok := p.entries[key]; ok && p.code != "" {
			secFocus(s.env, e)
		}
		return true
	}
	return false
}

func (p *secApplicationPanel) build() {
	m := p.m
	p.entries = map[string]*secEntry{}
	p.status = map[string]*widget.Label{}
	p.city = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.empty = widget.NewLabel("")
	p.empty.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, sec := range m.Sections() {
		sec := sec
		head := widget.NewLabelWithStyle(sec.Heading(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if len(sec.Children) > 0 {
			list.Add(head)
			continue
		}
		st := widget.NewLabel("")
		e := newSecEntry(true, sec.Guidance, func(text string) { p.save(sec, text) })
		e.SetMinRowsVisible(6)
		p.entries[sec.Key] = e
		p.status[sec.Key] = st
		line := container.NewHBox(head, st)
		if sec.FromEvents {
			line.Add(widget.NewButton("根据负面情况登记生成", func() { p.draft(sec) }))
		}
		list.Add(line)
		list.Add(e)
	}
	p.unitSel = widget.NewSelect(nil, func(name string) {
		if code := p.codeOfName(name); code != "" && code != p.code {
			p.want = code
			p.refresh()
		}
	})
	p.unitSel.Hide()
	p.body = container.NewBorder(container.NewVBox(container.NewHBox(p.city, p.unitSel), p.empty, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(list))
	noneText := widget.NewLabel("尚未选择" + m.Short + "推荐的市（州），申报书按所选市（州）编写。")
	noneText.Wrapping = fyne.TextWrapWord
	p.none = container.NewVBox(noneText, widget.NewButton("去“比选”选择", func() { p.s.env.Show(forms.StepCompare, "choice:"+string(m.ID)) }))
	p.stack = container.NewStack(p.body)
	p.tab = container.NewTabItem(m.Short+"（"+m.Application+"）", p.stack)
}

func (p *secApplicationPanel) refresh() {
	env := p.s.env
	c := env.Case
	ch, ok := c.Choice(p.m.ID)
	if x, chosen := c.ChoiceOf(p.m.ID, p.want); chosen {
		ch = x
	}
	p.refreshUnitSel(c)
	if !ok || ch.UnitCode == "" {
		p.code = ""
		p.stack.Objects = []fyne.CanvasObject{p.none}
		p.stack.Refresh()
		return
	}
	stored, err := env.Store.Sections(ch.UnitCode, p.m.ID)
	if err != nil {
		env.ShowError(err)
		return
	}
	force := ch.UnitCode != p.code
	p.code = ch.UnitCode
	p.stored = stored
	p.stack.Objects = []fyne.CanvasObject{p.body}
	p.stack.Refresh()
	p.city.SetText(p.m.Application + " " + p.m.Name + "申报书 —— " + applicantLabel(c, p.code) + "：" + secUnitName(c, p.code))
	if p.unitSel.Visible() {
		p.unitSel.SetSelected(secUnitName(c, p.code))
	}
	for key, e := range p.entries {
		if force {
			e.SetText(stored[key])
		} else {
			secSetText(env, e, stored[key])
		}
	}
	p.showEmpty()
}

// refreshUnitSel offers the chosen units of a measure that takes several.
func (p *secApplicationPanel) refreshUnitSel(c *forms.Case) {
	chs := c.ChoicesOf(p.m.ID)
	if p.m.Quota.Single() || len(chs) < 2 {
		p.unitSel.Hide()
		return
	}
	var names []string
	for _, ch := range chs {
		names = append(names, secUnitName(c, ch.UnitCode))
	}
	p.unitSel.Options = names
	p.unitSel.Show()
}

func (p *secApplicationPanel) codeOfName(name string) string {
	c := p.s.env.Case
	for _, ch := range c.ChoicesOf(p.m.ID) {
		if secUnitName(c, ch.UnitCode) == name {
			return ch.UnitCode
		}
	}
	return ""
}

// showEmpty marks the sections without text, from what is stored.
func (p *secApplicationPanel) showEmpty() {
	var empty []string
	for _, sec := range p.m.Sections() {
		st, ok := p.status[sec.Key]
		if !ok {
			continue
		}
		if strings.TrimSpace(p.stored[sec.Key]) == "" {
			empty = append(empty, sec.Heading())
			st.SetText("（未填写）")
			st.Importance = widget.DangerImportance
		} else {
			st.SetText("（已填写 " + secCount(p.stored[sec.Key]) + " 字）")
			st.Importance = widget.LowImportance
		}
		st.Refresh()
	}
	if len(empty) == 0 {
		p.empty.SetText("各章节均已填写。")
		p.empty.Importance = widget.SuccessImportance
	} else {
		p.empty.SetText("未填写的章节：" + strings.Join(empty, "；"))
		p.empty.Importance = widget.WarningImportance
	}
	p.body.Refresh() // the summary may wrap to more lines

}

// secCount counts the characters of a text, white space not counted.
func secCount(s string) string {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return strconv.Itoa(n)
}

func (p *secApplicationPanel) save(sec forms.Section, text string) {
	env := p.s.env
	if p.code == "" || text == p.stored[sec.Key] {
		return
	}
	code := p.code
	if err := env.Store.Update("编写申报书", func(t *store.Tx) error { return t.SetSection(code, p.m.ID, sec.Key, text) }); err != nil {
		env.ShowError(err)
		return
	}
	p.stored[sec.Key] = text
	p.showEmpty()
	env.Changed()
}

// draft fills the section from the negative-event register, asking before it replaces
// text that differs.
func (p *secApplicationPanel) draft(sec forms.Section) {
	env := p.s.env
	if p.code == "" {
		return
	}
	text := forms.DraftEventsSection(env.Case, p.code, env.Now())
	e := p.entries[sec.Key]
	apply := func() {
		e.SetText(text)
		p.save(sec, text)
	}
	if strings.TrimSpace(e.Text) == "" || e.Text == text || env.Window == nil {
		apply()
		return
	}
	d := dialog.NewConfirm("替换现有内容？", "“"+sec.Heading()+"”已有内容，根据负面情况登记生成的文字将替换它（原文字保留在修改记录中）。是否替换？",
		func(ok bool) {
			if ok {
				apply()
			}
		}, env.Window)
	d.SetConfirmText("替换")
	d.SetDismissText("取消")
	d.Show()
}

// applicantLabel is the cover's label of the unit of the code.
func applicantLabel(c *forms.Case, code string) string {
	u, _ := c.Unit(code)
	return u.ApplicantLabel()
}
