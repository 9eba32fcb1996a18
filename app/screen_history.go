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

// 修改记录: the audit history (store.Audit), newest first, filterable by city and by
// field text, shown a page at a time (“显示更多”).

func init() {
	registerScreen(forms.StepHistory, func(env *Env) Screen { return newHistoryScreen(env) })
}

const secHistoryPage = 100

var secHistoryColumns = []struct {
	title string
	width float32
}{
	{"时间", 150}, {"修改人", 80}, {"操作", 110}, {"类别", 70}, {"市（州）", 80}, {"字段", 230}, {"原值 → 新值", 420},
}

type historyScreen struct {
	env    *Env
	unit   *widget.Select
	codes  []string // option index → unit code ("" for all)
	field  *widget.Entry
	table  *widget.Table
	more   *widget.Button
	count  *widget.Label
	detail *widget.Label // full old and new value of the selected row
	root   *fyne.Container
	rows   []store.AuditEntry
	limit  int
	filter store.AuditFilter
}

func newHistoryScreen(env *Env) *historyScreen {
	s := &historyScreen{env: env, limit: secHistoryPage}
	s.unit = widget.NewSelect(nil, func(string) { s.limit = secHistoryPage; s.load() })
	s.unit.PlaceHolder = "全部市（州）"
	s.field = widget.NewEntry()
	s.field.PlaceHolder = "字段包含的文字，如 增速、推荐理由"
	s.field.OnChanged = func(string) { s.limit = secHistoryPage; s.load() }
	s.count = widget.NewLabel("")
	s.more = widget.NewButton("显示更多", func() { s.limit += secHistoryPage; s.load() })
	s.table = widget.NewTable(
		func() (int, int) { return len(s.rows), len(secHistoryColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.cell(id.Row, id.Col))
		})
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(secHistoryColumns) {
			o.(*widget.Label).SetText(secHistoryColumns[id.Col].title)
		}
	}
	for i, c := range secHistoryColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.detail = widget.NewLabel("选中一行可查看完整的原值和新值。")
	s.detail.Wrapping = fyne.TextWrapWord
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			e := s.rows[id.Row]
			s.detail.SetText(e.Field + "\n原值：" + secFull(e.Old) + "\n新值：" + secFull(e.New))
		}
	}
	filters := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel("市（州）"), container.NewGridWrap(fyne.NewSize(180, s.unit.MinSize().Height), s.unit), widget.NewLabel("字段")),
		nil, s.field)
	detail := container.NewVScroll(s.detail)
	detail.SetMinSize(fyne.NewSize(0, 72))
	bottom := container.NewVBox(widget.NewSeparator(), detail, container.NewBorder(nil, nil, s.count, s.more))
	s.root = container.NewBorder(filters, bottom, nil, nil, s.table)
	return s
}

func (s *historyScreen) Content() fyne.CanvasObject { return s.root }

func (s *historyScreen) Focus(string) bool { return false }

// Refresh rebuilds the city list and reloads the history with the current filter.
func (s *historyScreen) Refresh() {
	c := s.env.Case
	names := []string{"全部市（州）"}
	s.codes = []string{""}
	if c != nil {
		for _, u := range c.Units {
			names = append(names, u.Name)
			s.codes = append(s.codes, u.Code)
		}
	}
	sel := s.unit.Selected
	s.unit.Options = names
	found := false
	for _, n := range names {
		found = found || n == sel
	}
	if !found {
		s.unit.Selected = ""
	}
	s.unit.Refresh()
	s.load()
}

func (s *historyScreen) load() {
	s.filter = store.AuditFilter{Field: strings.TrimSpace(s.field.Text), Limit: s.limit + 1}
	for i, n := range s.unit.Options {
		if n == s.unit.Selected && i < len(s.codes) {
			s.filter.UnitCode = s.codes[i]
		}
	}
	rows, err := s.env.Store.Audit(s.filter)
	if err != nil {
		s.env.ShowError(fmt.Errorf("读取修改记录失败：%w", err))
		return
	}
	more := len(rows) > s.limit
	if more {
		rows = rows[:s.limit]
		s.more.Enable()
		s.count.SetText(fmt.Sprintf("显示最近 %d 条", len(rows)))
	} else {
		s.more.Disable()
		s.count.SetText(fmt.Sprintf("共 %d 条", len(rows)))
	}
	s.rows = rows
	s.table.Refresh()
}

func (s *historyScreen) cell(row, col int) string {
	if row < 0 || row >= len(s.rows) {
		return ""
	}
	e := s.rows[row]
	switch col {
	case 0:
		return e.At.Local().Format("2006-01-02 15:04:05")
	case 1:
		return e.Who
	case 2:
		return e.Note
	case 3:
		return e.Entity
	case 4:
		if e.UnitCode == "" {
			return "—"
		}
		if s.env.Case != nil {
			return secUnitName(s.env.Case, e.UnitCode)
		}
		return e.UnitCode
	case 5:
		return e.Field
	case 6:
		return secShort(e.Old) + " → " + secShort(e.New)
	}
	return ""
}

// secShort shows a stored value on one line: “（空）” when empty, long texts cut.
func secShort(v string) string {
	if v == "" {
		return "（空）"
	}
	v = strings.Join(strings.Fields(v), " ")
	if r := []rune(v); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return v
}

func secFull(v string) string {
	if v == "" {
		return "（空）"
	}
	return v
}
