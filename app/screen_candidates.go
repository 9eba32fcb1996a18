package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

func init() { registerScreen(forms.StepCandidates, newCandidatesScreen) }

// candidatesScreen is step 2: the province's units with their type, 计划单列 and region
// marks, a check column per measure, and the reasons a unit is excluded.
type candidatesScreen struct {
	env      *Env
	summary  *widget.Label
	table    *widget.Table
	detail   *widget.Label
	content  fyne.CanvasObject
	units    []forms.Unit
	excluded map[string][]forms.Exclusion
	measures []forms.Measure
	checks   map[widget.TableCellID]*widget.Check
	selected int
}

const (
	candColName = iota
	candColCode
	candColType
	candColPlan
	candColRegion
	candColMeasure0 // one column per measure from here, then the exclusion column
)

func newCandidatesScreen(env *Env) Screen {
	s := &candidatesScreen{env: env, checks: map[widget.TableCellID]*widget.Check{}, selected: -1}
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapBreak
	s.detail = widget.NewLabel("选中一行可查看该市（州）的全部排除原因。")
	s.detail.Wrapping = fyne.TextWrapBreak
	s.table = widget.NewTable(s.length, s.createCell, s.updateCell)
	// The header is a sticky first row: Table.ScrollTo (used by Select) of Fyne 2.7.1
	// scrolls one header height too far when the table has a header row.
	s.table.StickyRowCount = 1
	s.table.StickyColumnCount = 1
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row == 0 {
			return
		}
		s.selected = id.Row - 1
		s.showDetail()
	}
	for col, w := range []float32{130, 80, 90, 80, 60} {
		s.table.SetColumnWidth(col, w)
	}
	s.content = container.NewBorder(s.summary, container.NewVBox(widget.NewSeparator(), s.detail), nil, nil, s.table)
	return s
}

func (s *candidatesScreen) exclusionCol() int { return candColMeasure0 + len(s.measures) }

func (s *candidatesScreen) length() (int, int) { return len(s.units) + 1, s.exclusionCol() + 1 }

// cellID is the table cell of a unit (by index in s.units) and column.
func cellID(unit, col int) widget.TableCellID { return widget.TableCellID{Row: unit + 1, Col: col} }

func (s *candidatesScreen) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	c := widget.NewCheck("候选", nil)
	return container.NewStack(l, c)
}

func (s *candidatesScreen) updateHeader(id widget.TableCellID, l *widget.Label) {
	l.TextStyle.Bold = true
	switch {
	case id.Col == candColName:
		l.SetText("市（州）")
	case id.Col == candColCode:
		l.SetText("代码")
	case id.Col == candColType:
		l.SetText("类型")
	case id.Col == candColPlan:
		l.SetText("计划单列")
	case id.Col == candColRegion:
		l.SetText("区域")
	case id.Col < s.exclusionCol():
		l.SetText(s.measures[id.Col-candColMeasure0].Short)
	default:
		l.SetText("排除原因")
	}
}

func (s *candidatesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	l := box.Objects[0].(*widget.Label)
	c := box.Objects[1].(*widget.Check)
	for k, v := range s.checks {
		if v == c {
			delete(s.checks, k)
		}
	}
	l.Importance = widget.MediumImportance
	l.TextStyle.Bold = false
	if id.Row == 0 {
		c.Hide()
		l.Show()
		s.updateHeader(id, l)
		return
	}
	if id.Row > len(s.units) {
		return
	}
	u := s.units[id.Row-1]
	if id.Col >= candColMeasure0 && id.Col < s.exclusionCol() {
		l.Hide()
		c.Show()
		m := s.measures[id.Col-candColMeasure0].ID
		c.OnChanged = nil
		c.SetChecked(s.env.Case.IsCandidate(m, u.Code))
		c.OnChanged = func(on bool) { s.setCandidate(m, u, on) }
		s.checks[id] = c
		return
	}
	c.Hide()
	l.Show()
	text := ""
	switch id.Col {
	case candColName:
		text = u.Name
	case candColCode:
		text = u.Code
	case candColType:
		text = string(u.Type)
	case candColPlan:
		if u.PlanCity {
			text = "计划单列市"
		}
	case candColRegion:
		text = string(u.Region)
	default:
		if ex := s.excluded[u.Code]; len(ex) > 0 {
			text = "排除：" + ex[0].Reason
			if len(ex) > 1 {
				text = fmt.Sprintf("排除（%d 条）：%s", len(ex), ex[0].Reason)
			}
			l.Importance = widget.DangerImportance
		}
	}
	l.SetText(text)
}

func (s *candidatesScreen) setCandidate(m forms.MeasureID, u forms.Unit, on bool) {
	verb := "勾选"
	if !on {
		verb = "取消勾选"
	}
	err := s.env.Store.Update(fmt.Sprintf("%s候选市（州）%s", verb, u.Name), func(t *store.Tx) error {
		return t.SetCandidate(m, u.Code, on)
	})
	if err != nil {
		s.env.ShowError(err)
	}
	s.env.Changed()
}

func (s *candidatesScreen) showDetail() {
	if s.selected < 0 || s.selected >= len(s.units) {
		return
	}
	u := s.units[s.selected]
	var parts []string
	for _, m := range s.measures {
		if s.env.Case.IsCandidate(m.ID, u.Code) {
			parts = append(parts, m.Short)
		}
	}
	text := fmt.Sprintf("%s（%s，%s，%s）", u.Name, u.Code, u.Type, u.Region)
	if u.PlanCity {
		text += "，计划单列市，在所在省份内推荐（通知第二条）"
	}
	if len(parts) > 0 {
		text += "；候选：" + strings.Join(parts, "、")
	} else {
		text += "；未勾选为候选"
	}
	if ex := s.excluded[u.Code]; len(ex) > 0 {
		text += "\n不能推荐："
		for i, e := range ex {
			text += fmt.Sprintf("\n%d. %s", i+1, e.Reason)
		}
	}
	s.detail.SetText(text)
}

func (s *candidatesScreen) Content() fyne.CanvasObject { return s.content }

func (s *candidatesScreen) Refresh() {
	c := s.env.Case
	if c == nil {
		return
	}
	s.units = c.Units
	s.measures = c.Campaign.Measures
	s.excluded = c.Exclusions(s.env.Now())
	for i := range s.measures {
		s.table.SetColumnWidth(candColMeasure0+i, 175)
	}
	s.table.SetColumnWidth(s.exclusionCol(), 520)
	var counts []string
	for _, m := range s.measures {
		counts = append(counts, fmt.Sprintf("%s 候选 %d 个", m.Short, len(c.Candidates[m.ID])))
	}
	nex := 0
	for _, u := range s.units {
		if len(s.excluded[u.Code]) > 0 {
			nex++
		}
	}
	s.summary.SetText(fmt.Sprintf("%s可推荐的市（州）共 %d 个（办法第五条；计划单列市在所在省份内推荐）。%s；因负面情况等被排除 %d 个。每项措施最终只能推荐 1 个（通知第二条）。",
		c.Province.Name, len(s.units), strings.Join(counts, "，"), nex))
	s.table.Refresh()
	s.showDetail()
}

// Focus selects the row of a unit: fields “candidate:CODE” or “choice:…” are not
// handled here.
func (s *candidatesScreen) Focus(field string) bool {
	code, ok := strings.CutPrefix(field, "candidate:")
	if !ok {
		return false
	}
	for i, u := range s.units {
		if u.Code == code {
			s.table.Select(cellID(i, candColName))
			return true
		}
	}
	return false
}
