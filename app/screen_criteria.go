package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// 基本条件: per measure and candidate, the six clauses of 办法 第六/七条. Clauses
// (一)–(五) take a verdict and evidence text, saved when the verdict changes or the
// evidence field is left; beside each, the figures of the indicators linked to the
// clause. Clause (六) shows what the negative-event register says and is not editable.

func init() {
	registerScreen(forms.StepCriteria, func(env *Env) Screen { return newCriteriaScreen(env) })
}

type criteriaScreen struct {
	env    *Env
	root   *campaignRoot
	tabs   *container.AppTabs
	panels []*secCriteriaPanel
}

type secCriteriaPanel struct {
	s       *criteriaScreen
	m       *forms.Measure
	tab     *container.TabItem
	unit    *widget.Select
	codes   []string // option index → unit code
	code    string   // the candidate shown
	hint    *widget.Label
	list    *fyne.Container // the scrolled content: hint, then one card per clause
	rows    []*secClauseRow
	events  *fyne.Container // findings of clause (六)
	allMet  *widget.Button
	loading bool
}

// unassessed lists the clauses of the shown city without a verdict.
func (p *secCriteriaPanel) unassessed() []*secClauseRow {
	var out []*secClauseRow
	for _, r := range p.rows {
		if !r.cl.FromEvents && r.stored.Verdict == forms.VerdictNone {
			out = append(out, r)
		}
	}
	return out
}

// allMetTarget is one city's clauses to be recorded as 符合.
type allMetTarget struct {
	m        *forms.Measure
	code     string
	clauses  []forms.Clause
	evidence map[string]string // clause key → evidence typed or stored
}

func (t allMetTarget) label(c *forms.Case) string {
	var nums []string
	for _, cl := range t.clauses {
		nums = append(nums, cl.Number)
	}
	return secUnitName(c, t.code) + t.m.Article + strings.Join(nums, "")
}

// otherChosen are the chosen cities of the other measures with clauses not yet
// assessed, when this panel shows its measure's chosen city: the officer usually
// assesses the recommended cities together.
func (p *secCriteriaPanel) otherChosen() []allMetTarget {
	c := p.s.env.Case
	if ch, ok := c.Choice(p.m.ID); !ok || ch.UnitCode != p.code {
		return nil
	}
	var out []allMetTarget
	for _, q := range p.s.panels {
		ch, ok := c.Choice(q.m.ID)
		if q == p || !ok || ch.UnitCode == "" {
			continue
		}
		cls := c.Unassessed(q.m, ch.UnitCode)
		if len(cls) == 0 {
			continue
		}
		ev := map[string]string{}
		for _, a := range c.Assessments {
			if a.UnitCode == ch.UnitCode && a.Measure == q.m.ID {
				ev[a.Clause] = a.Evidence
			}
		}
		if q.code == ch.UnitCode {
			for _, r := range q.rows {
				if r.evidence != nil {
					ev[r.cl.Key] = strings.TrimSpace(r.evidence.Text)
				}
			}
		}
		out = append(out, allMetTarget{m: q.m, code: ch.UnitCode, clauses: cls, evidence: ev})
	}
	return out
}

// confirmAllMet asks, then records 符合 for every clause not yet assessed, keeping
// what was written as evidence, in one change; shown on a recommended city, it offers
// the other recommended cities too.
func (p *secCriteriaPanel) confirmAllMet() {
	env := p.s.env
	rows := p.unassessed()
	if p.code == "" || len(rows) == 0 {
		env.ShowError(fmt.Errorf("%s：没有尚未评估的条款", secUnitName(env.Case, p.code)))
		return
	}
	this := allMetTarget{m: p.m, code: p.code, evidence: map[string]string{}}
	for _, r := range rows {
		this.clauses = append(this.clauses, r.cl)
		this.evidence[r.cl.Key] = strings.TrimSpace(r.evidence.Text)
	}
	apply := func(targets []allMetTarget) {
		var names []string
		for _, t := range targets {
			names = append(names, secUnitName(env.Case, t.code)+t.m.Article)
		}
		err := env.Store.Update("评估 "+strings.Join(names, "、")+"各条为符合", func(tx *store.Tx) error {
			for _, t := range targets {
				for _, cl := range t.clauses {
					if err := tx.SetAssessment(forms.Assessment{UnitCode: t.code, Measure: t.m.ID, Clause: cl.Key, Verdict: forms.VerdictMet, Evidence: t.evidence[cl.Key]}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			env.ShowError(err)
			return
		}
		env.Changed()
	}
	others := p.otherChosen()
	if env.Window == nil {
		apply([]allMetTarget{this})
		return
	}
	const after = "\n不符合或基本符合的条款请随后逐条改正，并在各条填写评估依据。"
	if len(others) == 0 {
		dialog.ShowConfirm("评为符合", "将"+this.label(env.Case)+"评为“符合”。"+after, func(ok bool) {
			if ok {
				apply([]allMetTarget{this})
			}
		}, env.Window)
		return
	}
	all := append([]allMetTarget{this}, others...)
	var lines, names []string
	for _, t := range all {
		lines = append(lines, "· "+t.label(env.Case))
		names = append(names, secUnitName(env.Case, t.code))
	}
	msg := widget.NewLabel("其他措施的推荐对象也有未评估的条款。将以下各条评为“符合”：\n" + strings.Join(lines, "\n") + after)
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	both := widget.NewButton("评估全部推荐对象（"+strings.Join(names, "、")+"）", func() { d.Hide(); apply(all) })
	both.Importance = widget.HighImportance
	only := widget.NewButton("仅"+secUnitName(env.Case, p.code), func() { d.Hide(); apply([]allMetTarget{this}) })
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("评为符合", container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), cancel, only, both)), env.Window)
	d.Resize(fyne.NewSize(620, 260))
	d.Show()
}

type secClauseRow struct {
	cl       forms.Clause
	verdict  *widget.Select
	evidence *secEntry
	figures  *widget.Label
	stored   forms.Assessment
}

func newCriteriaScreen(env *Env) *criteriaScreen {
	return &criteriaScreen{env: env, root: newCampaignRoot()}
}

func (s *criteriaScreen) Content() fyne.CanvasObject { return s.root.box }

func (s *criteriaScreen) Refresh() {
	if !s.root.update(s.env.Case, s.build) {
		return
	}
	for _, p := range s.panels {
		p.refresh()
	}
}

func (s *criteriaScreen) build(camp *forms.Campaign) fyne.CanvasObject {
	s.panels = nil
	s.tabs = container.NewAppTabs()
	for i := range camp.Measures {
		p := &secCriteriaPanel{s: s, m: &camp.Measures[i]}
		p.build()
		s.panels = append(s.panels, p)
		s.tabs.Append(p.tab)
	}
	return s.tabs
}

// Focus handles "assessment:<unit>/<measure>/<clause>".
func (s *criteriaScreen) Focus(field string) bool {
	rest, ok := strings.CutPrefix(field, "assessment:")
	if !ok {
		return false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 {
		return false
	}
	for _, p := range s.panels {
		if string(p.m.ID) != parts[1] {
			continue
		}
		s.tabs.Select(p.tab)
		p.show(parts[0])
		for _, r := range p.rows {
			if r.cl.Key == parts[2] && r.evidence != nil && p.code == parts[0] {
				secFocus(s.env, r.evidence)
				return true
			}
		}
		return true
	}
	return false
}

func (p *secCriteriaPanel) build() {
	m := p.m
	p.unit = widget.NewSelect(nil, func(name string) {
		if p.loading {
			return
		}
		for i, o := range p.unit.Options {
			if o == name {
				p.code = p.codes[i]
			}
		}
		p.fill(true)
	})
	p.unit.PlaceHolder = "请选择候选市（州）"
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	// Most clauses of a city that is recommended are met: one action records that
	// for every clause not yet assessed; the officer then corrects the exceptions
	// and adds the evidence.
	p.allMet = widget.NewButtonWithIcon("未评估的各条均评为“符合”…", theme.ConfirmIcon(), p.confirmAllMet)
	top := container.NewBorder(nil, nil, widget.NewLabel("候选市（州）"), p.allMet, p.unit)

	list := container.NewVBox(p.hint)
	p.list = list
	for _, cl := range m.Clauses {
		r := &secClauseRow{cl: cl}
		head := widget.NewLabelWithStyle(m.Article+cl.Number, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := widget.NewLabel(cl.Text)
		text.Wrapping = fyne.TextWrapWord
		if cl.FromEvents {
			p.events = container.NewVBox()
			note := widget.NewLabel("本条由“负面情况”登记决定，不在此处评估。")
			note.Importance = widget.LowImportance
			list.Add(widget.NewCard("", "", container.NewVBox(head, text, note, p.events)))
			p.rows = append(p.rows, r)
			continue
		}
		r.verdict = widget.NewSelect(verdictOptions(), func(v string) {
			if p.loading {
				return
			}
			p.save(r, verdictOf(v), r.evidence.Text)
		})
		r.verdict.PlaceHolder = "请选择评估结论"
		r.evidence = newSecEntry(true, "评估依据和说明（离开此栏时自动保存）", func(text string) {
			p.save(r, r.stored.Verdict, text)
		})
		r.figures = widget.NewLabel("")
		r.figures.Wrapping = fyne.TextWrapWord
		left := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("结论"), nil, r.verdict), r.evidence)
		right := container.NewVBox(widget.NewLabelWithStyle("相关指标", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), r.figures)
		if len(cl.Indicators) == 0 {
			r.figures.SetText("本条无对应的推荐表指标，请在依据中说明工作思路、推进机制和政策措施。")
		}
		list.Add(widget.NewCard("", "", container.NewVBox(head, text, container.NewGridWithColumns(2, left, right))))
		p.rows = append(p.rows, r)
	}
	p.tab = container.NewTabItem(m.Short+"（"+m.Article+"）", container.NewBorder(top, nil, nil, nil, container.NewVScroll(list)))
}

// verdictNoneLabel is the option that clears a verdict back to forms.VerdictNone.
const verdictNoneLabel = "未评估"

// verdictOptions are the choices of a clause's verdict: 未评估, then forms.Verdicts.
func verdictOptions() []string {
	out := []string{verdictNoneLabel}
	for _, v := range forms.Verdicts {
		out = append(out, string(v))
	}
	return out
}

// verdictOf is the verdict of an option of verdictOptions.
func verdictOf(option string) forms.Verdict {
	if option == verdictNoneLabel {
		return forms.VerdictNone
	}
	return forms.Verdict(option)
}

// refresh shows the current case, keeping the candidate shown if it still is one.
func (p *secCriteriaPanel) refresh() {
	c := p.s.env.Case
	p.codes = nil
	var names []string
	for _, code := range c.Candidates[p.m.ID] {
		p.codes = append(p.codes, code)
		names = append(names, secUnitName(c, code))
	}
	code := p.code
	if !c.IsCandidate(p.m.ID, code) {
		code = ""
		if ch, ok := c.Choice(p.m.ID); ok && c.IsCandidate(p.m.ID, ch.UnitCode) {
			code = ch.UnitCode
		} else if len(p.codes) > 0 {
			code = p.codes[0]
		}
	}
	p.loading = true
	p.unit.SetOptions(names)
	p.loading = false
	force := code != p.code
	p.code = code
	p.selectUnit()
	p.fill(force)
}

// show switches to a candidate (used by Focus).
func (p *secCriteriaPanel) show(code string) {
	if !p.s.env.Case.IsCandidate(p.m.ID, code) || code == p.code {
		return
	}
	p.code = code
	p.selectUnit()
	p.fill(true)
}

func (p *secCriteriaPanel) selectUnit() {
	p.loading = true
	defer func() { p.loading = false }()
	if p.code == "" {
		p.unit.ClearSelected()
		return
	}
	p.unit.SetSelected(secUnitName(p.s.env.Case, p.code))
}

// fill shows the assessments of the current candidate. Without force, an evidence
// field being edited keeps what the officer is typing.
func (p *secCriteriaPanel) fill(force bool) {
	env := p.s.env
	c := env.Case
	p.loading = true
	defer func() { p.loading = false }()
	switch {
	case len(p.codes) == 0:
		p.hint.SetText("尚无" + p.m.Short + "的候选市（州），请先在“候选市（州）”中勾选。")
		p.hint.Importance = widget.MediumImportance
		p.hint.Show()
	case p.code != "":
		if ex := c.Exclusions(env.Now())[p.code]; len(ex) > 0 {
			p.hint.SetText("注意：该市（州）不能推荐——" + ex[0].Reason)
			p.hint.Importance = widget.DangerImportance
			p.hint.Show()
		} else {
			p.hint.Hide()
		}
	default:
		p.hint.Hide()
	}
	for _, r := range p.rows {
		if r.cl.FromEvents {
			p.fillEvents()
			continue
		}
		r.stored = forms.Assessment{UnitCode: p.code, Measure: p.m.ID, Clause: r.cl.Key}
		for _, a := range c.Assessments {
			if a.UnitCode == p.code && a.Measure == p.m.ID && a.Clause == r.cl.Key {
				r.stored = a
			}
		}
		if r.stored.Verdict == forms.VerdictNone {
			r.verdict.ClearSelected()
		} else {
			r.verdict.SetSelected(string(r.stored.Verdict))
		}
		if force {
			r.evidence.SetText(r.stored.Evidence)
		} else {
			secSetText(env, r.evidence, r.stored.Evidence)
		}
		if p.code == "" {
			r.verdict.Disable()
			r.evidence.Disable()
		} else {
			r.verdict.Enable()
			r.evidence.Enable()
		}
		if len(r.cl.Indicators) > 0 {
			r.figures.SetText(secClauseFigures(c, p.m, p.code, r.cl))
		}
	}
	p.list.Refresh() // heights of wrapped texts changed
}

func (p *secCriteriaPanel) fillEvents() {
	env := p.s.env
	p.events.RemoveAll()
	if p.code == "" {
		return
	}
	findings := env.Case.Findings(p.code, env.Now())
	if len(findings) == 0 {
		p.events.Add(widget.NewLabel("无负面情况"))
		return
	}
	for _, f := range findings {
		grade := f.Grade.String()
		if grade == "" {
			grade = f.Event.Kind.Label()
		}
		l := widget.NewLabel("【" + grade + "】" + f.Reason)
		l.Wrapping = fyne.TextWrapWord
		switch {
		case f.Excludes:
			l.Importance = widget.DangerImportance
		case !f.InWindow:
			l.Importance = widget.LowImportance
		}
		p.events.Add(l)
	}
}

func (p *secCriteriaPanel) save(r *secClauseRow, verdict forms.Verdict, evidence string) {
	env := p.s.env
	if p.code == "" {
		return
	}
	a := forms.Assessment{UnitCode: p.code, Measure: p.m.ID, Clause: r.cl.Key, Verdict: verdict, Evidence: evidence}
	if a == r.stored {
		return
	}
	if err := env.Store.Update("评估基本条件", func(t *store.Tx) error { return t.SetAssessment(a) }); err != nil {
		env.ShowError(err)
		return
	}
	r.stored = a
	env.Changed()
}

// secClauseFigures lists the candidate's figures of the clause's indicators for both
// indicator years.
func secClauseFigures(c *forms.Case, m *forms.Measure, code string, cl forms.Clause) string {
	if code == "" {
		return ""
	}
	var lines []string
	for _, id := range cl.Indicators {
		in, ok := m.Indicator(id)
		if !ok {
			continue
		}
		var cells []string
		for _, y := range c.Campaign.IndicatorYears() {
			cell := "未填写"
			if f, ok := c.Figure(forms.FigureKey{UnitCode: code, Measure: m.ID, Indicator: id, Year: y}); ok {
				cell = f.Value.Format(in.Kind)
				if f.Value.Missing {
					cell = "无数据"
				}
				if in.NeedsVerification() && !f.Value.Missing && f.State != forms.Verified {
					cell += "（" + string(f.State) + "）"
				}
			}
			cells = append(cells, fmt.Sprintf("%d年 %s", y, cell))
		}
		lines = append(lines, in.Label+"\n    "+strings.Join(cells, "；"))
	}
	return strings.Join(lines, "\n")
}

// ---- helpers shared by the screens of this group (prefix sec) ----

// secEntry is an Entry that calls onLeave with its text when it loses focus (and, for a
// single-line entry, on Enter), so screens save without a Save button.
type secEntry struct {
	widget.Entry
	onLeave func(text string)
}

func newSecEntry(multiLine bool, placeholder string, onLeave func(string)) *secEntry {
	e := &secEntry{onLeave: onLeave}
	e.MultiLine = multiLine
	e.PlaceHolder = placeholder
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(4)
	} else {
		e.OnSubmitted = func(string) {
			if e.onLeave != nil {
				e.onLeave(e.Text)
			}
		}
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost saves what was typed.
func (e *secEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil && !e.Disabled() {
		e.onLeave(e.Text)
	}
}

// secSetText shows a stored text unless the officer is editing the entry.
func secSetText(env *Env, e *secEntry, text string) {
	if e.Text == text {
		return
	}
	if env.Window != nil && env.Window.Canvas().Focused() == fyne.Focusable(e) {
		return
	}
	e.SetText(text)
}

// secFocus moves the keyboard focus to f (the shell calls Focus once the screen is in
// the window).
func secFocus(env *Env, f fyne.Focusable) {
	if env.Window != nil {
		env.Window.Canvas().Focus(f)
	}
}

func secUnitName(c *forms.Case, code string) string {
	if code == "" {
		return "—"
	}
	if u, ok := c.Unit(code); ok {
		return u.FullName()
	}
	return code
}

// campaignRoot is the content of a screen built for the campaign year: without a
// campaign it shows secNotSetUp; when the year changes, the content is built again.
type campaignRoot struct {
	box  *fyne.Container // the screen's Content
	year int             // the year the content was built for; 0 when none
}

func newCampaignRoot() *campaignRoot { return &campaignRoot{box: container.NewStack()} }

// update shows the case: false (and the notice) without a campaign; otherwise true,
// after build has made the content again if the year changed.
func (r *campaignRoot) update(c *forms.Case, build func(*forms.Campaign) fyne.CanvasObject) bool {
	if c == nil || c.Campaign == nil {
		r.year = 0
		r.box.Objects = []fyne.CanvasObject{secNotSetUp()}
		r.box.Refresh()
		return false
	}
	if r.year != c.Campaign.Year {
		r.year = c.Campaign.Year
		r.box.Objects = []fyne.CanvasObject{build(c.Campaign)}
		r.box.Refresh()
	}
	return true
}

func secNotSetUp() fyne.CanvasObject {
	l := widget.NewLabel("尚未设置推荐单位和年度，请先完成“设置”。")
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l)
}
