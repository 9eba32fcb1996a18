package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/value"
)

func init() { registerScreen(forms.StepFigures, newFiguresScreen) }

// figuresScreen is step 3: per measure a grid of indicators × (province, candidates) ×
// the two years, saved cell by cell; the selected cell's remark, source and
// verification below; and the 主导产业 table of 附件3.
type figuresScreen struct {
	env      *Env
	tabs     *container.AppTabs
	pages    []*figurePage
	industry *industryPage
	tabOf    map[forms.MeasureID]*container.TabItem
	indTab   *container.TabItem
	// undo holds the screen's changes, newest last, for Ctrl+Z and 撤销.
	undo []figureChange
	// pending is an edit of an 已审核 figure waiting for the officer's confirmation.
	pending *pendingEdit
}

func newFiguresScreen(env *Env) Screen {
	s := &figuresScreen{env: env, tabOf: map[forms.MeasureID]*container.TabItem{}}
	s.tabs = container.NewAppTabs()
	s.tabs.OnUnselected = func(*container.TabItem) {
		if env.Window != nil {
			env.Window.Canvas().Unfocus() // commit the cell being typed in
		}
	}
	if env.Case == nil {
		return s
	}
	for _, m := range env.Case.Campaign.Measures {
		p := newFigurePage(s, m.ID)
		s.pages = append(s.pages, p)
		item := container.NewTabItem(m.Short+"（"+m.TableAnnex+"）", p.content)
		s.tabOf[m.ID] = item
		s.tabs.Append(item)
		if len(m.LeadingIndustries) > 0 && s.industry == nil {
			s.industry = newIndustryPage(env, m.ID)
			s.indTab = container.NewTabItem("主导产业（"+m.TableAnnex+"）", s.industry.content)
			s.tabs.Append(s.indTab)
		}
	}
	return s
}

func (s *figuresScreen) Content() fyne.CanvasObject { return s.tabs }

func (s *figuresScreen) Refresh() {
	if s.env.Case == nil {
		return
	}
	for _, p := range s.pages {
		p.refresh()
	}
	if s.industry != nil {
		s.industry.refresh()
	}
}

// Focus handles “figure:CODE/MEASURE/INDICATOR/YEAR” and “industries:CODE”.
func (s *figuresScreen) Focus(field string) bool {
	if code, ok := strings.CutPrefix(field, "industries:"); ok && s.industry != nil {
		s.tabs.Select(s.indTab)
		s.industry.selectUnit(code)
		return true
	}
	rest, ok := strings.CutPrefix(field, "figure:")
	if !ok {
		return false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 4 {
		return false
	}
	year, err := strconv.Atoi(parts[3])
	if err != nil {
		return false
	}
	for _, p := range s.pages {
		if string(p.mid) == parts[1] {
			s.tabs.Select(s.tabOf[p.mid])
			c, ok := p.cellOf(parts[0], parts[2], year)
			if ok {
				p.grid.focusCell(c)
				p.showDetail(c)
			}
			return ok
		}
	}
	return false
}

// figurePage is the grid of one measure.
type figurePage struct {
	env    *Env
	screen *figuresScreen
	mid    forms.MeasureID
	units  []string
	grid   *entryGrid
	status *widget.Label
	undoBt *widget.Button

	title  *widget.Label
	remark *commitEntry
	source *commitEntry
	verifyFields
	verifyBox *fyne.Container
	cur       gridCell
	content   fyne.CanvasObject
	filling   bool // showDetail is setting the fields: no saving
}

func newFigurePage(s *figuresScreen, mid forms.MeasureID) *figurePage {
	env := s.env
	p := &figurePage{env: env, screen: s, mid: mid, cur: gridCell{-1, -1}}
	p.grid = newEntryGrid(gridModel{
		Rows:      func() int { return len(p.measure().Indicators) },
		Cols:      func() int { return 1 + 2*(1+len(p.units)) },
		Header:    p.header,
		RowLabel:  func(r int) string { return p.measure().Indicators[r].Label },
		Text:      p.text,
		Commit:    p.commit,
		Focused:   p.showDetail,
		Mark:      p.mark,
		RowHeight: p.rowHeight,
		Undo:      func() { s.undoLast() },
	}, func() fyne.Window { return env.Window }, figureLabelWidth, 92)
	p.status = widget.NewLabel(figureHint)
	p.status.Wrapping = fyne.TextWrapWord
	p.undoBt = widget.NewButtonWithIcon("撤销", theme.ContentUndoIcon(), func() { s.undoLast() })
	p.undoBt.Disable()
	batch := widget.NewButtonWithIcon("批量记录审核…", theme.ConfirmIcon(), func() { batchVerifyDialog(p) })
	legend := container.NewHBox(legendItem(theme.ColorNameSuccess, string(forms.Verified)), legendItem(theme.ColorNameError, string(forms.Questioned)),
		legendItem(theme.ColorNameWarning, "待审核"))
	// Two lines are kept for the status so that a message never moves the grid.
	top := container.NewBorder(nil, nil, nil, container.NewHBox(legend, batch, p.undoBt),
		container.NewStack(fixedHeight(2*theme.TextSize()+3*theme.Padding()), p.status))

	p.title = boldLabel("选中一格，可在此填写备注、来源和审核情况。")
	p.title.Wrapping = fyne.TextWrapWord
	p.remark = newCommitEntry(func(t string) error { return p.saveDetail(t, p.source.Text) })
	p.remark.SetPlaceHolder("备注：如无数据的原因、统计口径说明")
	p.source = newCommitEntry(func(t string) error { return p.saveDetail(p.remark.Text, t) })
	p.source.SetPlaceHolder("来源：如 2021年××市国民经济和社会发展统计公报")
	p.verifyFields = newVerifyFields(p.saveVerification, func() bool { return p.filling })
	// One row of equal columns whose minimum stays small, so the screen fits 1366 wide.
	p.verifyBox = container.NewBorder(nil, nil, nil, p.verify,
		container.NewGridWithColumns(6, p.remark, p.source, p.state, p.by, p.at, p.doc))
	p.detailErr.Hide()
	detail := container.NewVBox(widget.NewSeparator(), p.title, p.verifyBox, p.detailErr)
	p.showDetail(p.cur)
	p.content = container.NewBorder(top, detail, nil, nil, p.grid.table)
	return p
}

const figureHint = "直接在格中输入，按 Tab、Enter 或方向键换格，离开格即保存；没有数据请留空，并在备注中说明原因。Ctrl+Z 撤销上一步修改。"

// figureLabelWidth is the width of the indicator column; labels wrap inside it.
const figureLabelWidth = 300

// rowHeight fits the wrapped indicator label of a row.
func (p *figurePage) rowHeight(r int) float32 {
	label := p.measure().Indicators[r].Label
	size := fyne.MeasureText(label, theme.TextSize(), fyne.TextStyle{})
	inner := float32(figureLabelWidth) - 4*theme.InnerPadding()
	lines := int(size.Width/inner) + 1
	return float32(lines)*(size.Height+theme.LineSpacing()) + 2*theme.InnerPadding()
}

// mark is the verification stripe of a candidate's figure that needs checking:
// green 已审核, red 有疑问, orange 未审核 (with a value); none otherwise.
func (p *figurePage) mark(c gridCell) fyne.ThemeColorName {
	k, in := p.key(c)
	if k.UnitCode == "" || !in.NeedsVerification() {
		return ""
	}
	f, ok := p.env.Case.Figure(k)
	switch {
	case !ok || f.Value.Missing:
		return ""
	case f.State == forms.Verified:
		return theme.ColorNameSuccess
	case f.State == forms.Questioned:
		return theme.ColorNameError
	}
	return theme.ColorNameWarning
}

func (p *figurePage) measure() *forms.Measure {
	m, _ := p.env.Case.Campaign.Measure(p.mid)
	return m
}

// column returns the unit ("" for the province) and year of a data column.
func (p *figurePage) column(col int) (unit string, year int) {
	idx := col - 1
	year = p.env.Case.Campaign.IndicatorYears()[idx%2]
	if slot := idx / 2; slot > 0 && slot-1 < len(p.units) {
		unit = p.units[slot-1]
	}
	return unit, year
}

func (p *figurePage) cellOf(unit, indicator string, year int) (gridCell, bool) {
	row := -1
	for i, in := range p.measure().Indicators {
		if in.ID == indicator {
			row = i
		}
	}
	for col := 1; col < 1+2*(1+len(p.units)); col++ {
		u, y := p.column(col)
		if u == unit && y == year && row >= 0 {
			return gridCell{row, col}, true
		}
	}
	return gridCell{}, false
}

func (p *figurePage) unitName(code string) string {
	if u, ok := p.env.Case.Unit(code); ok {
		return u.Name
	}
	return code
}

func (p *figurePage) header(col int) string {
	if col == 0 {
		return "指标（" + p.measure().TableAnnex + "）"
	}
	unit, year := p.column(col)
	if unit == "" {
		return fmt.Sprintf("全省\n%d年", year)
	}
	name := p.unitName(unit)
	if len(p.env.Case.Exclusions(p.env.Now())[unit]) > 0 {
		name += "（排除）"
	}
	return fmt.Sprintf("%s\n%d年", name, year)
}

func (p *figurePage) key(c gridCell) (forms.FigureKey, forms.Indicator) {
	in := p.measure().Indicators[c.Row]
	unit, year := p.column(c.Col)
	return forms.FigureKey{UnitCode: unit, Measure: p.mid, Indicator: in.ID, Year: year}, in
}

func (p *figurePage) provinceFigure(k forms.FigureKey) (forms.ProvinceFigure, bool) {
	for _, f := range p.env.Case.Province3 {
		if f.Measure == k.Measure && f.Indicator == k.Indicator && f.Year == k.Year {
			return f, true
		}
	}
	return forms.ProvinceFigure{}, false
}

// text is what a cell shows: the stored value, or nothing when no figure was entered
// (a missing figure is never shown as 0, 0/0 or 否; issue 14).
func (p *figurePage) text(c gridCell) string {
	k, in := p.key(c)
	if k.UnitCode == "" {
		f, ok := p.provinceFigure(k)
		if !ok {
			return ""
		}
		return f.Value.Format(in.Kind)
	}
	f, ok := p.env.Case.Figure(k)
	if !ok {
		return ""
	}
	return f.Value.Format(in.Kind)
}

func (p *figurePage) commit(c gridCell, text string) error {
	k, in := p.key(c)
	if k.UnitCode != "" {
		if f, ok := p.env.Case.Figure(k); ok && f.State == forms.Verified {
			if v, err := value.Parse(text, in.Kind); err == nil && forms.StateAfterEdit(f.State, ok, !v.Equal(f.Value)) != f.State {
				p.screen.askEditVerified(p, c, f, in, text)
				return nil
			}
		}
	}
	return p.save(c, text)
}

// save writes a typed value and keeps the figure as it was for 撤销.
func (p *figurePage) save(c gridCell, text string) error {
	k, in := p.key(c)
	var err error
	var where string
	var before figureChange
	if k.UnitCode == "" {
		where = fmt.Sprintf("全省 %d年“%s”", k.Year, in.Label)
		before = p.snapshotProvince(c, "填写"+where)
		err = p.env.Store.Update("填写全省指标 "+where, func(t *store.Tx) error {
			return t.UpdateProvinceFigure(k.Measure, k.Indicator, k.Year, &text, nil)
		})
	} else {
		where = fmt.Sprintf("%s %d年“%s”", p.unitName(k.UnitCode), k.Year, in.Label)
		before = p.screen.snapshot("填写"+where, k)
		err = p.env.Store.Update("填写指标 "+where, func(t *store.Tx) error {
			return t.UpdateFigure(store.FigureUpdate{FigureKey: k, Text: &text})
		})
	}
	if err != nil {
		p.say(widget.DangerImportance, "未保存："+err.Error())
		return err
	}
	p.screen.remember(before)
	shown := strings.TrimSpace(text)
	if shown == "" || shown == "—" {
		shown = "（空：无数据）"
	}
	p.say(widget.SuccessImportance, "已保存："+where+" = "+shown)
	p.env.Changed()
	return nil
}

// say shows a line in the page's status.
func (p *figurePage) say(imp widget.Importance, text string) {
	p.status.Importance = imp
	p.status.SetText(text)
}

// showDetail fills the panel below the grid for a cell.
func (p *figurePage) showDetail(c gridCell) {
	failed := ""
	if c != p.cur {
		// Leaving a cell keeps what was typed for it (focus changes commit as well;
		// this covers a selection moved without the focus). What could not be saved
		// stays reported after the move.
		for _, e := range []*commitEntry{p.remark, p.source, p.by, p.at, p.doc} {
			e.commit()
			if e.invalid {
				failed = p.detailErr.Text
			}
		}
	}
	p.cur = c
	p.filling = true
	defer func() { p.filling = false }()
	setMessage(p.detailErr, failed)
	if c.Row < 0 || p.env.Case == nil {
		p.remark.Disable()
		p.source.Disable()
		p.enableVerify(false)
		return
	}
	k, in := p.key(c)
	if bad, ok := p.grid.invalid[c]; ok {
		p.say(widget.DangerImportance, "未保存："+bad.err.Error())
	}
	p.source.Enable()
	if k.UnitCode == "" {
		f, _ := p.provinceFigure(k)
		p.title.SetText(fmt.Sprintf("全省 %d年 · %s（供比较，不报送）", k.Year, in.Label))
		p.remark.SetValue("")
		p.remark.Disable()
		p.source.SetValue(f.Source)
		p.enableVerify(false)
		return
	}
	f, ok := p.env.Case.Figure(k)
	p.remark.Enable()
	p.remark.SetValue(f.Remark)
	p.source.SetValue(f.Source)
	check := "核对：" + string(in.Verifier)
	if in.NeedsVerification() {
		check = "须经" + string(in.Verifier) + "审核"
	}
	state := string(forms.Unverified)
	if ok && f.State != "" {
		state = string(f.State)
	}
	if !ok {
		state = "未填写"
	}
	title := fmt.Sprintf("%s %d年 · %s　（%s；当前：%s）", p.unitName(k.UnitCode), k.Year, in.Label, check, state)
	if in.Remark != "" {
		title += "　" + in.Remark
	}
	if in.Help != "" {
		title += "　" + in.Help
	}
	p.title.SetText(title)
	p.state.SetSelected(string(forms.Unverified))
	if ok && f.State != "" {
		p.state.SetSelected(string(f.State))
	}
	p.by.SetValue(f.VerifiedBy)
	p.at.SetValue(f.VerifiedAt)
	p.doc.SetValue(f.VerifyDocNo)
	p.enableVerify(true)
}

// enableVerify enables the verification fields (a province value is not verified).
// They are disabled rather than hidden: a container shown again before its next
// layout keeps negative sizes, which Fyne's software painter cannot draw.
func (p *figurePage) enableVerify(on bool) {
	for _, w := range []fyne.Disableable{p.state, p.by, p.at, p.doc, p.verify} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

func (p *figurePage) saveDetail(remark, source string) error {
	if p.cur.Row < 0 {
		return nil
	}
	k, in := p.key(p.cur)
	var err error
	if k.UnitCode == "" {
		err = p.env.Store.Update("填写全省指标来源", func(t *store.Tx) error {
			return t.UpdateProvinceFigure(k.Measure, k.Indicator, k.Year, nil, &source)
		})
	} else {
		what := fmt.Sprintf("填写 %s %d年“%s”的备注和来源", p.unitName(k.UnitCode), k.Year, in.Label)
		before := p.screen.snapshot(what, k)
		err = p.env.Store.Update(what, func(t *store.Tx) error {
			return t.UpdateFigure(store.FigureUpdate{FigureKey: k, Remark: &remark, Source: &source})
		})
		if err == nil {
			p.screen.remember(before)
		}
	}
	if err != nil {
		setMessage(p.detailErr, err.Error())
		return err
	}
	setMessage(p.detailErr, "")
	cur := p.cur
	p.env.Changed()
	p.showDetail(cur)
	return nil
}

// saveVerification writes the verification fields of the selected figure; an error
// (such as an invalid date) is shown below the fields and nothing is written.
func (p *figurePage) saveVerification() error {
	if p.cur.Row < 0 || p.env.Case == nil {
		return nil
	}
	k, in := p.key(p.cur)
	if k.UnitCode == "" {
		return nil
	}
	v := store.Verification{FigureKey: k, State: forms.VerifyState(p.state.Selected),
		By: strings.TrimSpace(p.by.Text), At: strings.TrimSpace(p.at.Text), DocNo: strings.TrimSpace(p.doc.Text)}
	cell := fmt.Sprintf("%s %d年“%s”", p.unitName(k.UnitCode), k.Year, in.Label)
	what := "记录 " + cell + "的审核"
	before := p.screen.snapshot(what, k)
	err := p.env.Store.Update(what, func(t *store.Tx) error {
		return t.SetVerification(v)
	})
	if err != nil {
		setMessage(p.detailErr, fmt.Sprintf("%s %d年“%s”的审核未保存：%v", p.unitName(k.UnitCode), k.Year, in.Label, err))
		return err
	}
	p.screen.remember(before)
	p.say(widget.SuccessImportance, "已保存："+cell+"的审核："+string(v.State))
	cur := p.cur
	p.env.Changed()
	p.showDetail(cur)
	return nil
}

func (p *figurePage) refresh() {
	p.units = append([]string(nil), p.env.Case.Candidates[p.mid]...)
	p.doc.SetPlaceHolder("审核复函文号，如 " + forms.DocNoExample(p.env.Case.Province.Code, "统函", p.env.Case.Campaign.Year+1, 9))
	if n := len(p.screen.undo); n > 0 {
		p.undoBt.Enable()
	} else {
		p.undoBt.Disable()
	}
	p.grid.Refresh()
	if p.cur.Row >= len(p.measure().Indicators) || p.cur.Col >= p.grid.m.Cols() {
		p.cur = gridCell{-1, -1}
	}
	p.showDetail(p.cur)
}

// industryPage is the 主导产业 table of 附件3 for one candidate at a time. Each row's
// figures come from the industrial statistics, so the row carries a verification state
// (shown beside its number); the selected row's verification is recorded below the
// table, like a figure's.
type industryPage struct {
	env     *Env
	mid     forms.MeasureID
	unitSel *widget.Select
	units   []string
	unit    string
	grid    *entryGrid
	status  *widget.Label
	content fyne.CanvasObject

	cur   int // selected row, 0-based; -1 none
	title *widget.Label
	verifyFields
	filling bool // showDetail is setting the fields: no saving
}

func newIndustryPage(env *Env, mid forms.MeasureID) *industryPage {
	p := &industryPage{env: env, mid: mid, cur: -1}
	p.unitSel = widget.NewSelect(nil, func(s string) {
		for _, code := range p.units {
			if p.unitName(code) == s && code != p.unit {
				p.showDetail(-1) // what was typed is saved for the unit it was typed for
				p.unit = code
				p.unitSel.Selected = s // a save above refreshed the page with the old unit
				p.grid.forget()
				p.grid.Refresh()
			}
		}
	})
	p.grid = newEntryGrid(gridModel{
		Rows:     p.rows,
		Cols:     func() int { return len(p.columns()) + 1 },
		Header:   p.header,
		RowLabel: p.rowLabel,
		Text:     p.text,
		Commit:   p.commit,
		Focused:  func(c gridCell) { p.showDetail(c.Row) },
	}, func() fyne.Window { return env.Window }, 130, 150)
	p.grid.widths = map[int]float32{1: 240}
	p.status = widget.NewLabel("")
	p.status.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, widget.NewLabel("市（州）"), nil, p.unitSel)

	p.title = boldLabel("选中已填写名称的一行，可在此记录统计部门的审核情况。")
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.verifyFields = newVerifyFields(p.saveVerification, func() bool { return p.filling })
	p.detailErr.Hide()
	verifyBox := container.NewBorder(nil, nil, nil, p.verify, container.NewGridWithColumns(4, p.state, p.by, p.at, p.doc))
	detail := container.NewVBox(widget.NewSeparator(), p.title, verifyBox, p.detailErr)
	p.showDetail(-1)
	p.content = container.NewBorder(container.NewVBox(top, p.status), detail, nil, nil, p.grid.table)
	return p
}

// rowLabel is the row number and, for an entered row, its verification state.
func (p *industryPage) rowLabel(r int) string {
	li, ok := p.rowsOf()[r+1]
	if !ok || li.Name == "" {
		return fmt.Sprintf("第 %d 行", r+1)
	}
	return fmt.Sprintf("第 %d 行 · %s", r+1, stateOf(li.State))
}

func stateOf(s forms.VerifyState) forms.VerifyState {
	if s == "" {
		return forms.Unverified
	}
	return s
}

// showDetail fills the verification fields for a row (-1: none selected).
func (p *industryPage) showDetail(row int) {
	failed := ""
	if row != p.cur {
		// Leaving a row keeps what was typed for it; what could not be saved stays
		// reported after the move.
		for _, e := range []*commitEntry{p.by, p.at, p.doc} {
			e.commit()
			if e.invalid {
				failed = p.detailErr.Text
			}
		}
	}
	p.cur = row
	p.filling = true
	defer func() { p.filling = false }()
	setMessage(p.detailErr, failed)
	li, ok := p.selected()
	if !ok {
		p.title.SetText("选中已填写名称的一行，可在此记录统计部门的审核情况。")
		p.state.SetSelected(string(forms.Unverified))
		p.by.SetValue("")
		p.at.SetValue("")
		p.doc.SetValue("")
		p.enableVerify(false)
		return
	}
	p.title.SetText(fmt.Sprintf("%s 主导产业第 %d 行“%s”　（%d年数据来自工业统计，须经统计局审核；当前：%s）",
		p.unitName(p.unit), li.Row, li.Name, p.env.Case.Campaign.Year, stateOf(li.State)))
	p.state.SetSelected(string(stateOf(li.State)))
	p.by.SetValue(li.VerifiedBy)
	p.at.SetValue(li.VerifiedAt)
	p.doc.SetValue(li.VerifyDocNo)
	p.enableVerify(true)
}

// selected is the stored, named row under the selection.
func (p *industryPage) selected() (forms.LeadingIndustry, bool) {
	if p.cur < 0 || p.unit == "" || p.env.Case == nil {
		return forms.LeadingIndustry{}, false
	}
	li, ok := p.rowsOf()[p.cur+1]
	return li, ok && li.Name != ""
}

// enableVerify disables rather than hides (see figurePage.enableVerify).
func (p *industryPage) enableVerify(on bool) {
	for _, w := range []fyne.Disableable{p.state, p.by, p.at, p.doc, p.verify} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// saveVerification writes the verification fields of the selected row; an error (such
// as 已审核 without a document number) is shown below the fields and nothing is written.
func (p *industryPage) saveVerification() error {
	li, ok := p.selected()
	if !ok {
		return nil
	}
	v := store.IndustryVerification{State: forms.VerifyState(p.state.Selected),
		By: strings.TrimSpace(p.by.Text), At: strings.TrimSpace(p.at.Text), DocNo: strings.TrimSpace(p.doc.Text)}
	where := fmt.Sprintf("%s 主导产业第 %d 行“%s”", p.unitName(p.unit), li.Row, li.Name)
	err := p.env.Store.Update("记录 "+where+" 的审核", func(t *store.Tx) error {
		return t.SetIndustryVerification(li.UnitCode, li.Row, v)
	})
	if err != nil {
		setMessage(p.detailErr, fmt.Sprintf("%s的审核未保存：%v", where, err))
		return err
	}
	cur := p.cur
	p.env.Changed()
	p.showDetail(cur)
	return nil
}

func (p *industryPage) columns() []forms.IndustryColumn {
	m, _ := p.env.Case.Campaign.Measure(p.mid)
	return m.LeadingIndustries
}

func (p *industryPage) unitName(code string) string {
	if u, ok := p.env.Case.Unit(code); ok {
		return u.Name
	}
	return code
}

func (p *industryPage) rowsOf() map[int]forms.LeadingIndustry {
	out := map[int]forms.LeadingIndustry{}
	for _, li := range p.env.Case.Industries {
		if li.UnitCode == p.unit {
			out[li.Row] = li
		}
	}
	return out
}

func (p *industryPage) rows() int {
	n := 0
	for r := range p.rowsOf() {
		n = max(n, r)
	}
	return min(max(n+1, 3), 20)
}

func (p *industryPage) header(col int) string {
	if col == 0 {
		return "序号"
	}
	return p.columns()[col-1].Label
}

// cells returns the stored texts of a row: name, then the four figures.
func (p *industryPage) cells(row int) [5]string {
	var out [5]string
	li, ok := p.rowsOf()[row+1]
	if !ok {
		return out
	}
	cols := p.columns()
	out[0] = li.Name
	out[1] = li.Share.Format(cols[1].Kind)
	out[2] = li.Growth.Format(cols[2].Kind)
	out[3] = li.Revenue.Format(cols[3].Kind)
	out[4] = li.Profit.Format(cols[4].Kind)
	return out
}

func (p *industryPage) text(c gridCell) string { return p.cells(c.Row)[c.Col-1] }

func (p *industryPage) commit(c gridCell, text string) error {
	if p.unit == "" {
		return fmt.Errorf("请先选择市（州）")
	}
	cells := p.cells(c.Row)
	cells[c.Col-1] = text
	in := store.IndustryInput{UnitCode: p.unit, Row: c.Row + 1, Name: cells[0], Figures: [4]string{cells[1], cells[2], cells[3], cells[4]}}
	var err error
	if strings.TrimSpace(in.Name) == "" && strings.TrimSpace(strings.Join(in.Figures[:], "")) != "" {
		err = fmt.Errorf("%s 主导产业第 %d 行：请先填写“主导产业（产品）名称”，再填数字", p.unitName(p.unit), c.Row+1)
	} else {
		err = p.env.Store.Update(fmt.Sprintf("填写 %s 主导产业第 %d 行", p.unitName(p.unit), c.Row+1), func(t *store.Tx) error {
			return t.SetIndustry(in)
		})
	}
	if err != nil {
		p.status.Importance = widget.DangerImportance
		p.status.SetText("未保存：" + err.Error())
		return err
	}
	p.status.Importance = widget.MediumImportance
	p.status.SetText(fmt.Sprintf("已保存：%s 主导产业第 %d 行。清空名称即删除该行。", p.unitName(p.unit), c.Row+1))
	p.env.Changed()
	return nil
}

func (p *industryPage) selectUnit(code string) {
	p.unitSel.SetSelected(p.unitName(code))
}

func (p *industryPage) refresh() {
	c := p.env.Case
	p.units = append([]string(nil), c.Candidates[p.mid]...)
	var names []string
	found := false
	for _, code := range p.units {
		names = append(names, p.unitName(code))
		found = found || code == p.unit
	}
	p.unitSel.Options = names
	if !found {
		p.unit = ""
		if len(p.units) > 0 {
			p.unit = p.units[0]
		}
	}
	if p.unit != "" {
		p.unitSel.Selected = p.unitName(p.unit)
	} else {
		p.unitSel.ClearSelected()
	}
	p.unitSel.Refresh()
	if p.cur >= p.rows() {
		p.cur = -1
	}
	p.showDetail(p.cur)
	if p.status.Text == "" || p.status.Importance == widget.MediumImportance && !strings.HasPrefix(p.status.Text, "已保存") {
		p.status.SetText(fmt.Sprintf("%d年制造业主导产业发展情况（%s），每个候选市（州）一张表；依次填写名称和四项数字，离开格即保存。", c.Campaign.Year, c.Campaign.Measures[0].TableAnnex))
	}
	p.grid.Refresh()
}

// verifyFields are the inputs of a verification record (审核状态, 审核单位（人）, 审核日期,
// 审核复函文号) with the 记录审核 button and the line for its error, shared by the figure
// and the 主导产业 pages. save runs when a state is chosen, an entry is left (or Enter
// pressed) and on the button; filling tells when the page itself is setting the fields.
type verifyFields struct {
	state     *widget.Select
	by, at    *commitEntry
	doc       *commitEntry
	verify    *widget.Button
	detailErr *widget.Label
}

func newVerifyFields(save func() error, filling func() bool) verifyFields {
	v := verifyFields{detailErr: newErrorLabel()}
	v.state = widget.NewSelect([]string{string(forms.Unverified), string(forms.Verified), string(forms.Questioned)}, func(string) {
		if !filling() {
			save()
		}
	})
	v.state.PlaceHolder = "审核状态"
	commit := func(string) error { return save() }
	v.by = newCommitEntry(commit)
	v.by.SetPlaceHolder("审核单位（人），如 省统计局 王五")
	v.at = newCommitEntry(commit)
	v.at.SetPlaceHolder("审核日期，如 2022-01-31")
	v.doc = newCommitEntry(commit)
	v.doc.SetPlaceHolder("审核复函文号")
	v.verify = widget.NewButton("记录审核", func() { save() })
	return v
}
