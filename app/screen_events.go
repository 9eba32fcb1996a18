package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/grading"
	"tuijian/forms/value"
)

func init() { registerScreen(forms.StepEvents, newEventsScreen) }

// eventsScreen is step 4: the negative-event register of each candidate (办法 第六/七条
// （六）): a list per city and a form whose grade is computed as the officer types.
type eventsScreen struct {
	env      *Env
	units    []string
	unit     string
	unitList *widget.List
	findings []forms.EventFinding
	evList   *widget.List
	excluded map[string][]forms.Exclusion
	editing  int64 // id of the event in the form, 0 for a new one

	kind        *widget.Select
	date        *widget.Entry
	title       *widget.Entry
	description *widget.Entry
	deaths      *widget.Entry
	injuries    *widget.Entry
	evacuated   *widget.Entry
	loss        *widget.Entry
	water       *widget.Select
	ecology     *widget.Select
	radiation   *widget.Select
	impact      *widget.Select
	official    *widget.Select
	officialDoc *widget.Entry
	severe      *widget.Check
	basis       *widget.Entry

	injuriesItem, evacItem, lossItem, envBox, socialBox, deathsItem *fyne.Container
	formHead                                                        *widget.Label
	result                                                          *widget.Label
	errs                                                            *widget.Label
	save, del, add                                                  *widget.Button
	content                                                         fyne.CanvasObject
	loading                                                         bool
	loaded                                                          string // formState as last loaded
	screening                                                       *screeningCard
	reverting                                                       bool // a selection put back after 取消
}

// guard runs action, first asking 保存/不保存/取消 when the event form or the screening
// card has unsaved edits (issue 14: nothing is discarded without asking); revert puts
// the selection back after 取消.
func (s *eventsScreen) guard(action, revert func()) {
	if s.Unsaved() == "" || s.env.AskUnsaved == nil {
		action()
		return
	}
	s.env.AskUnsaved(s, action, revert)
}

var eventKinds = []forms.EventKind{forms.EventSafety, forms.EventEnvironment, forms.EventSocial}

var officialOptions = []string{"无认定", "一般（Ⅳ级）", "较大（Ⅲ级）", "重大（Ⅱ级）", "特别重大（Ⅰ级）"}

var radiationOptions = []string{"无", "一般（Ⅳ级）情形", "较大（Ⅲ级）情形", "重大（Ⅱ级）情形", "特别重大（Ⅰ级）情形"}

func enumOptions(n int, word func(int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = word(i)
	}
	return out
}

func newEventsScreen(env *Env) Screen {
	s := &eventsScreen{env: env}
	s.unitList = widget.NewList(func() int { return len(s.units) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("西双版纳傣族自治州")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, container.NewStack(), l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			code := s.units[id]
			box.Objects[0].(*widget.Label).SetText(s.unitName(code))
			mark := box.Objects[1].(*fyne.Container)
			mark.RemoveAll()
			if len(s.excluded[code]) > 0 {
				mark.Add(container.NewCenter(badge("排除", colorBlocker)))
			} else if n := s.eventCount(code); n > 0 {
				mark.Add(container.NewCenter(badge(fmt.Sprintf("%d 件", n), colorWarning)))
			}
		})
	s.unitList.OnSelected = func(id widget.ListItemID) {
		if id >= len(s.units) || s.units[id] == s.unit || s.reverting {
			return
		}
		code := s.units[id]
		s.guard(func() {
			s.unit = code
			s.loadFindings()
			s.newEvent()
			s.screening.load()
		}, func() {
			for i, u := range s.units {
				if u == s.unit {
					s.reverting = true
					s.unitList.Select(i)
					s.reverting = false
				}
			}
		})
	}
	s.evList = widget.NewList(func() int { return len(s.findings) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("2021-01-01 安全生产事故")
			t.Truncation = fyne.TextTruncateEllipsis
			g := widget.NewLabel("重大")
			g.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(t, g)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			f := s.findings[id]
			e := f.Event
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s %s", e.Date.Format("2006-01-02"), e.Title))
			g := box.Objects[1].(*widget.Label)
			g.SetText(findingSummary(f))
			switch {
			case f.Excludes:
				g.Importance = widget.DangerImportance
			case !f.InWindow:
				g.Importance = widget.LowImportance
			default:
				g.Importance = widget.MediumImportance
			}
			g.Refresh()
		})
	s.evList.OnSelected = func(id widget.ListItemID) {
		if id >= len(s.findings) || s.reverting || s.findings[id].Event.ID == s.editing {
			return
		}
		e := s.findings[id].Event
		s.guard(func() { s.loadEvent(e) }, func() {
			s.reverting = true
			s.evList.UnselectAll()
			for i, f := range s.findings {
				if f.Event.ID == s.editing && s.editing != 0 {
					s.evList.Select(i)
				}
			}
			s.reverting = false
		})
	}

	var kinds []string
	for _, k := range eventKinds {
		kinds = append(kinds, k.Label())
	}
	s.kind = widget.NewSelect(kinds, func(string) { s.kindChanged() })
	s.date = s.entry("如 2021-06-15")
	s.title = s.entry("事件名称，如 ××化工有限公司“6·15”爆炸事故")
	s.description = s.entry("简要经过（可选）")
	s.deaths = s.entry("0")
	s.injuries = s.entry("0")
	s.evacuated = s.entry("0")
	s.loss = s.entry("0，单位：元")
	s.water = s.selectOf(enumOptions(4, func(i int) string { return grading.WaterSource(i).String() }))
	s.ecology = s.selectOf(enumOptions(4, func(i int) string { return grading.Ecology(i).String() }))
	s.radiation = s.selectOf(radiationOptions)
	s.impact = s.selectOf(enumOptions(4, func(i int) string { return grading.Impact(i).String() }))
	s.official = s.selectOf(officialOptions)
	s.officialDoc = s.entry("认定等级的文件，如 事故调查报告批复文号")
	s.severe = widget.NewCheck("认定造成恶劣影响（推荐单位的判断）", func(bool) { s.recompute() })
	s.basis = s.entry("认定依据，如 舆情通报、处置情况")

	row := func(label string, o fyne.CanvasObject) *fyne.Container {
		l := widget.NewLabel(label)
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(185, l.MinSize().Height), l), nil, o)
	}
	s.deathsItem = row("死亡人数", s.deaths)
	s.injuriesItem = row("重伤人数", s.injuries)
	s.evacItem = row("疏散、转移人数", s.evacuated)
	s.lossItem = row("直接经济损失（元）", s.loss)
	s.envBox = container.NewVBox(
		row("饮用水水源地", s.water), row("生态破坏", s.ecology),
		row("辐射污染", s.radiation), row("跨区域影响", s.impact))
	s.socialBox = container.NewVBox(s.severe, row("认定依据", s.basis))
	s.formHead = boldLabel("新建事件")
	s.screening = newScreeningCard(s)
	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapBreak
	s.errs = newErrorLabel()
	s.errs.Hide()
	s.save = widget.NewButtonWithIcon("保存事件", theme.DocumentSaveIcon(), s.doSave)
	s.save.Importance = widget.HighImportance
	s.add = widget.NewButtonWithIcon("新建", theme.ContentAddIcon(), func() { s.guard(s.newEvent, nil) })
	s.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.confirmDelete)

	form := container.NewVBox(s.formHead,
		row("事件类型", s.kind), row("发生日期", s.date), row("名称", s.title), row("简要经过", s.description),
		s.deathsItem, s.injuriesItem, s.evacItem, s.lossItem, s.envBox, s.socialBox,
		row("认定等级", s.official), row("认定文件", s.officialDoc),
		container.NewHBox(s.save, s.add, layout.NewSpacer(), s.del), s.errs,
		widget.NewCard("", "等级与依据（随填写即时计算）", s.result), s.screening.card)
	unitsPane := container.NewBorder(boldLabel("候选市（州）"), nil, nil, nil, s.unitList)
	eventsPane := container.NewBorder(boldLabel("负面情况登记"), nil, nil, nil, s.evList)
	left := container.NewHSplit(unitsPane, eventsPane)
	left.Offset = 0.36
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = 0.46
	s.content = split
	s.newEvent()
	return s
}

func (s *eventsScreen) entry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { s.recompute() }
	return e
}

func (s *eventsScreen) selectOf(opts []string) *widget.Select {
	sel := widget.NewSelect(opts, func(string) { s.recompute() })
	sel.SetSelectedIndex(0)
	return sel
}

func (s *eventsScreen) unitName(code string) string {
	if s.env.Case != nil {
		if u, ok := s.env.Case.Unit(code); ok {
			return u.Name
		}
	}
	return code
}

func (s *eventsScreen) eventCount(code string) int {
	n := 0
	for _, e := range s.env.Case.Events {
		if e.UnitCode == code {
			n++
		}
	}
	return n
}

// findingSummary is the list's second line: grade and whether it counts.
func findingSummary(f forms.EventFinding) string {
	s := f.Event.Kind.Label()
	if f.Event.Kind == forms.EventSocial {
		if f.Event.Severe {
			s += " · 造成恶劣影响"
		}
	} else if f.Grade != grading.GradeNone {
		s += " · " + f.Grade.String() + "（" + f.Grade.Roman() + "）"
	}
	switch {
	case !f.InWindow:
		s += " · 不在近三年内"
	case f.Excludes:
		s += " · 排除该市（州）"
	}
	if f.Differs {
		s += " · 认定与计算不一致"
	}
	return s
}

func (s *eventsScreen) Content() fyne.CanvasObject { return s.content }

func (s *eventsScreen) Refresh() {
	c := s.env.Case
	if c == nil {
		return
	}
	seen := map[string]bool{}
	s.units = nil
	for _, m := range c.Campaign.Measures {
		for _, code := range c.Candidates[m.ID] {
			if !seen[code] {
				seen[code] = true
				s.units = append(s.units, code)
			}
		}
	}
	for _, e := range c.Events {
		if !seen[e.UnitCode] {
			seen[e.UnitCode] = true
			s.units = append(s.units, e.UnitCode)
		}
	}
	sort.Strings(s.units)
	s.excluded = c.Exclusions(s.env.Now())
	if !seen[s.unit] {
		s.unit = ""
		if len(s.units) > 0 {
			s.unit = s.units[0]
		}
		s.newEvent()
	}
	for i, code := range s.units {
		if code == s.unit {
			s.unitList.Select(i)
		}
	}
	s.unitList.Refresh()
	s.loadFindings()
	s.recompute()
	if s.screening.unsaved() == "" {
		s.screening.load()
	}
}

func (s *eventsScreen) loadFindings() {
	s.findings = nil
	if s.unit != "" {
		s.findings = s.env.Case.Findings(s.unit, s.env.Now())
	}
	s.evList.UnselectAll()
	for i, f := range s.findings {
		if f.Event.ID == s.editing && s.editing != 0 {
			s.evList.Select(i)
		}
	}
	s.evList.Refresh()
}

// newEvent clears the form for a new event of the selected city.
func (s *eventsScreen) newEvent() {
	s.loadEvent(forms.Event{Kind: forms.EventSafety})
	s.evList.UnselectAll()
}

// loadEvent puts an event into the form.
func (s *eventsScreen) loadEvent(e forms.Event) {
	s.loading = true
	s.editing = e.ID
	s.kind.SetSelected(e.Kind.Label())
	s.date.SetText("")
	if !e.Date.IsZero() {
		s.date.SetText(e.Date.Format("2006-01-02"))
	}
	s.title.SetText(e.Title)
	s.description.SetText(e.Description)
	num := func(n int64) string {
		if n == 0 && e.ID == 0 {
			return ""
		}
		return fmt.Sprint(n)
	}
	switch e.Kind {
	case forms.EventEnvironment:
		x := e.Environment
		s.deaths.SetText(num(int64(x.Deaths)))
		s.injuries.SetText(num(int64(x.Poisoned)))
		s.evacuated.SetText(num(int64(x.Evacuated)))
		s.loss.SetText(num(x.LossYuan))
		s.water.SetSelectedIndex(int(x.WaterSource))
		s.ecology.SetSelectedIndex(int(x.Ecology))
		s.radiation.SetSelectedIndex(int(x.Radiation))
		s.impact.SetSelectedIndex(int(x.Impact))
	default:
		s.deaths.SetText(num(int64(e.Safety.Deaths)))
		s.injuries.SetText(num(int64(e.Safety.SeriousInjuries)))
		s.evacuated.SetText("")
		s.loss.SetText(num(e.Safety.LossYuan))
		for _, sel := range []*widget.Select{s.water, s.ecology, s.radiation, s.impact} {
			sel.SetSelectedIndex(0)
		}
	}
	s.official.SetSelectedIndex(int(e.Official))
	s.officialDoc.SetText(e.OfficialDoc)
	s.severe.SetChecked(e.Severe)
	s.basis.SetText(e.Basis)
	s.loading = false
	s.loaded = s.formState()
	if e.ID == 0 {
		s.formHead.SetText("新建事件：" + s.unitName(s.unit))
		s.del.Disable()
	} else {
		s.formHead.SetText(fmt.Sprintf("事件#%d：%s", e.ID, s.unitName(e.UnitCode)))
		s.del.Enable()
	}
	setMessage(s.errs, "")
	s.kindChanged()
}

func (s *eventsScreen) selectedKind() forms.EventKind {
	k, _ := forms.ParseEventKind(s.kind.Selected)
	return k
}

// kindChanged shows the fields of the event kind.
func (s *eventsScreen) kindChanged() {
	k := s.selectedKind()
	show := func(o fyne.CanvasObject, on bool) {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	show(s.deathsItem, k != forms.EventSocial)
	show(s.injuriesItem, k != forms.EventSocial)
	show(s.lossItem, k != forms.EventSocial)
	show(s.evacItem, k == forms.EventEnvironment)
	show(s.envBox, k == forms.EventEnvironment)
	show(s.socialBox, k == forms.EventSocial)
	if l, ok := s.injuriesItem.Objects[1].(*fyne.Container); ok {
		if lab, ok := l.Objects[0].(*widget.Label); ok {
			if k == forms.EventEnvironment {
				lab.SetText("中毒或重伤人数")
			} else {
				lab.SetText("重伤人数（含急性工业中毒）")
			}
		}
	}
	s.recompute()
}

// count parses a whole number typed by the officer; blank is 0.
func count(label, text string) (int64, error) {
	v, err := value.Parse(text, value.Count)
	if err != nil {
		return 0, fmt.Errorf("%s：%w", label, err)
	}
	if v.Missing {
		return 0, nil
	}
	return int64(v.A), nil
}

// event builds the event from the form; errors name the field.
func (s *eventsScreen) event() (forms.Event, error) {
	e := forms.Event{ID: s.editing, UnitCode: s.unit, Kind: s.selectedKind(),
		Title: strings.TrimSpace(s.title.Text), Description: strings.TrimSpace(s.description.Text),
		OfficialDoc: strings.TrimSpace(s.officialDoc.Text)}
	var errs []string
	if d := strings.TrimSpace(s.date.Text); d != "" {
		t, err := forms.ParseDate(d)
		if err != nil {
			errs = append(errs, "发生日期："+err.Error())
		}
		e.Date = t
	}
	nums := map[*widget.Entry]int64{}
	labels := map[*widget.Entry]string{s.deaths: "死亡人数", s.injuries: "重伤人数", s.evacuated: "疏散、转移人数", s.loss: "直接经济损失（元）"}
	if e.Kind == forms.EventEnvironment {
		labels[s.injuries] = "中毒或重伤人数"
	}
	for _, en := range []*widget.Entry{s.deaths, s.injuries, s.evacuated, s.loss} {
		n, err := count(labels[en], en.Text)
		if err != nil {
			errs = append(errs, err.Error())
		}
		nums[en] = n
	}
	switch e.Kind {
	case forms.EventSafety:
		e.Safety = grading.Safety{Deaths: int(nums[s.deaths]), SeriousInjuries: int(nums[s.injuries]), LossYuan: nums[s.loss]}
	case forms.EventEnvironment:
		e.Environment = grading.Environment{Deaths: int(nums[s.deaths]), Poisoned: int(nums[s.injuries]), Evacuated: int(nums[s.evacuated]), LossYuan: nums[s.loss],
			WaterSource: grading.WaterSource(max(s.water.SelectedIndex(), 0)), Ecology: grading.Ecology(max(s.ecology.SelectedIndex(), 0)),
			Radiation: grading.Radiation(max(s.radiation.SelectedIndex(), 0)), Impact: grading.Impact(max(s.impact.SelectedIndex(), 0))}
	case forms.EventSocial:
		e.Severe = s.severe.Checked
		e.Basis = strings.TrimSpace(s.basis.Text)
	}
	e.Official = grading.Grade(max(s.official.SelectedIndex(), 0))
	if len(errs) > 0 {
		return e, fmt.Errorf("%s", strings.Join(errs, "；"))
	}
	return e, nil
}

// recompute grades the unsaved event as typed (forms.EvaluateEvent) and shows the
// clause it rests on.
func (s *eventsScreen) recompute() {
	if s.loading || s.env.Case == nil || s.result == nil {
		return
	}
	e, err := s.event()
	if err != nil {
		s.result.Importance = widget.DangerImportance
		s.result.SetText(err.Error())
		return
	}
	if e.Date.IsZero() {
		e.Date = s.env.Now()
	}
	f := forms.EvaluateEvent(s.env.Case.Campaign, e, s.env.Now())
	var b strings.Builder
	switch e.Kind {
	case forms.EventSocial:
		if e.Severe {
			b.WriteString("社会事件：认定造成恶劣影响")
		} else {
			b.WriteString("社会事件：未认定造成恶劣影响，不影响推荐")
		}
	default:
		fmt.Fprintf(&b, "按数据计算：%s", gradeText(f.Computed.Grade))
		if e.Official != grading.GradeNone {
			fmt.Fprintf(&b, "；认定等级：%s", gradeText(e.Official))
		}
		fmt.Fprintf(&b, "；据以判断的等级：%s", gradeText(f.Grade))
		if f.Differs {
			b.WriteString("（认定与计算不一致，以认定等级为准，请核实）")
		}
		if f.Computed.Basis != "" {
			b.WriteString("\n依据：" + f.Computed.Basis)
		}
		for _, c := range f.Computed.Criteria {
			b.WriteString("\n· " + c)
		}
	}
	from, to := s.env.Case.Campaign.EventWindow(s.env.Now())
	switch {
	case !f.InWindow:
		fmt.Fprintf(&b, "\n不在近三年范围（%s 至 %s）内，不计入。", from.Format("2006-01-02"), to.Format("2006-01-02"))
	case f.Excludes && s.editing == 0:
		b.WriteString("\n属于办法第六/七条（六）所列负面情况：保存后，" + s.unitName(s.unit) + "在各项措施中都不能推荐。")
	case f.Excludes:
		b.WriteString("\n属于办法第六/七条（六）所列负面情况：" + s.unitName(s.unit) + "在各项措施中都不能推荐。")
	default:
		b.WriteString("\n不属于重大、特大事故或造成恶劣影响的社会事件，不影响推荐。")
	}
	if f.Excludes {
		s.result.Importance = widget.DangerImportance
	} else {
		s.result.Importance = widget.MediumImportance
	}
	s.result.SetText(b.String())
}

func gradeText(g grading.Grade) string {
	if g == grading.GradeNone {
		return "无"
	}
	return g.String() + "（" + g.Roman() + "）"
}

// formState is every value of the event form, to tell whether it was changed.
func (s *eventsScreen) formState() string {
	var b strings.Builder
	for _, e := range []*widget.Entry{s.date, s.title, s.description, s.deaths, s.injuries, s.evacuated, s.loss, s.officialDoc, s.basis} {
		b.WriteString(strings.TrimSpace(e.Text) + "\x00")
	}
	for _, sel := range []*widget.Select{s.kind, s.water, s.ecology, s.radiation, s.impact, s.official} {
		b.WriteString(sel.Selected + "\x00")
	}
	fmt.Fprint(&b, s.severe.Checked)
	return b.String()
}

// Unsaved reports an event form that differs from the event as loaded.
func (s *eventsScreen) Unsaved() string {
	if s.formState() == s.loaded {
		return s.screening.unsaved()
	}
	what := "新建事件"
	if s.editing != 0 {
		what = fmt.Sprintf("事件#%d", s.editing)
	}
	if s.unit != "" {
		what += "（" + s.unitName(s.unit) + "）"
	}
	return "负面情况：事件表单" + what + "有未保存的修改"
}

// Save is the 保存事件 button.
func (s *eventsScreen) Save() error {
	if s.formState() != s.loaded {
		if err := s.saveEvent(); err != nil {
			return fmt.Errorf("负面情况：事件%w", err)
		}
	}
	if s.screening.unsaved() != "" {
		if err := s.screening.doSave(); err != nil {
			return fmt.Errorf("负面情况：核查记录%w", err)
		}
	}
	return nil
}

// Discard puts the event being edited back into the form as stored (an empty form
// for a new one).
func (s *eventsScreen) Discard() {
	s.screening.load()
	if s.env.Case != nil && s.editing != 0 {
		for _, e := range s.env.Case.Events {
			if e.ID == s.editing {
				s.loadEvent(e)
				return
			}
		}
	}
	s.newEvent()
}

func (s *eventsScreen) doSave() { _ = s.saveEvent() }

// saveEvent stores the form; the error (also shown under the form) starts with 未保存.
func (s *eventsScreen) saveEvent() error {
	if s.unit == "" {
		setMessage(s.errs, "请先在左侧选择市（州）；没有候选市（州）时请先在“候选市（州）”中勾选")
		return errors.New("未保存：" + s.errs.Text)
	}
	e, err := s.event()
	if err == nil {
		err = s.env.Store.Update(fmt.Sprintf("登记 %s 负面情况“%s”", s.unitName(s.unit), e.Title), func(t *store.Tx) error {
			id, err := t.SaveEvent(e)
			e.ID = id
			return err
		})
	}
	if err != nil {
		setMessage(s.errs, "未保存："+err.Error())
		return errors.New(s.errs.Text)
	}
	setMessage(s.errs, "")
	s.editing = e.ID
	s.loaded = s.formState()
	s.env.Changed()
	for _, f := range s.findings {
		if f.Event.ID == e.ID {
			s.loadEvent(f.Event)
		}
	}
	return nil
}

func (s *eventsScreen) confirmDelete() {
	if s.editing == 0 {
		return
	}
	if s.env.Window == nil {
		s.doDelete()
		return
	}
	l := widget.NewLabel(fmt.Sprintf("删除事件#%d“%s”？删除会记入修改记录。", s.editing, s.title.Text))
	l.Wrapping = fyne.TextWrapBreak
	dialog.NewCustomConfirm("删除负面情况", "删除", "取消", container.NewGridWrap(fyne.NewSize(420, 80), l), func(ok bool) {
		if ok {
			s.doDelete()
		}
	}, s.env.Window).Show()
}

func (s *eventsScreen) doDelete() {
	id := s.editing
	err := s.env.Store.Update(fmt.Sprintf("删除 %s 负面情况#%d", s.unitName(s.unit), id), func(t *store.Tx) error {
		return t.DeleteEvent(id)
	})
	if err != nil {
		setMessage(s.errs, err.Error())
		return
	}
	s.editing = 0
	s.env.Changed()
	s.newEvent()
}

// Focus handles “event:ID”, “events:CODE” and “screening:CODE”.
func (s *eventsScreen) Focus(field string) bool {
	if code, ok := strings.CutPrefix(field, "screening:"); ok {
		for i, u := range s.units {
			if u == code {
				s.unitList.Select(i)
				focusIn(s.env, s.screening.checker)
				return true
			}
		}
	}
	if code, ok := strings.CutPrefix(field, "events:"); ok {
		for i, u := range s.units {
			if u == code {
				s.unitList.Select(i)
				return true
			}
		}
	}
	return false
}
