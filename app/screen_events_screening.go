package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// screeningCard is the record, on 负面情况, that the selected city's last three years
// were checked with the competent departments (办法 第六/七条（六）): the documents
// print “经核查…未发生…” only once it is saved (Tx.SetScreening).
type screeningCard struct {
	s                          *eventsScreen
	checker, departments, date *widget.Entry
	basis                      *widget.Entry
	status                     *widget.Label
	errs                       *widget.Label
	save                       *widget.Button
	saveAll                    *widget.Button // the same record for every candidate not yet checked
	card                       *widget.Card
	loaded                     string
}

func newScreeningCard(s *eventsScreen) *screeningCard {
	k := &screeningCard{s: s}
	k.checker = widget.NewEntry()
	k.checker.SetPlaceHolder("如 规划处 李四")
	k.departments = widget.NewEntry()
	k.departments.SetPlaceHolder("如 省应急管理厅、省生态环境厅")
	k.date = widget.NewEntry()
	k.date.SetPlaceHolder("2022-02-07")
	k.basis = widget.NewEntry()
	k.basis.SetPlaceHolder("如 两厅复函（×应急函〔2022〕5号）")
	k.status = widget.NewLabel("")
	k.status.Wrapping = fyne.TextWrapWord
	k.errs = newErrorLabel()
	k.errs.Hide()
	k.save = widget.NewButtonWithIcon("保存核查记录", theme.DocumentSaveIcon(), func() { _ = k.doSave() })
	// One reply of the 应急管理厅/生态环境厅 usually covers every candidate.
	k.saveAll = widget.NewButtonWithIcon("保存，并用于尚未核查的全部候选市（州）", theme.ContentCopyIcon(), func() { _ = k.doSaveAll() })
	form := widget.NewForm(
		widget.NewFormItem("核查人", k.checker),
		widget.NewFormItem("会同部门", k.departments),
		widget.NewFormItem("核查日期", k.date),
		widget.NewFormItem("依据", k.basis),
	)
	k.card = widget.NewCard("", "近三年负面情况核查（记录后推荐函、申报书才写“经核查…未发生…”）",
		container.NewVBox(k.status, form, container.NewHBox(k.save, k.saveAll), k.errs))
	k.loaded = k.state()
	return k
}

func (k *screeningCard) state() string {
	return strings.Join([]string{strings.TrimSpace(k.checker.Text), strings.TrimSpace(k.departments.Text), strings.TrimSpace(k.date.Text), strings.TrimSpace(k.basis.Text)}, "\x00")
}

// load shows the stored record of the selected city.
func (k *screeningCard) load() {
	c, code := k.s.env.Case, k.s.unit
	var x forms.Screening
	ok := false
	if c != nil && code != "" {
		x, ok = c.Screening(code)
		if !ok {
			// The contact of 设置 usually does the check; shown, not saved, until 保存.
			x.Checker = c.Settings.Contact
		}
	}
	k.checker.SetText(x.Checker)
	k.departments.SetText(x.Departments)
	k.date.SetText(x.Date)
	k.basis.SetText(x.Basis)
	setMessage(k.errs, "")
	switch {
	case code == "":
		k.status.SetText("请先在左侧选择市（州）。")
	case ok:
		k.status.SetText(fmt.Sprintf("%s：已于 %s 由 %s 会同 %s 核查。", k.s.unitName(code), x.Date, x.Checker, x.Departments))
		k.status.Importance = widget.SuccessImportance
	default:
		k.status.SetText(k.s.unitName(code) + "：尚未记录核查。推荐该市（州）时，报送前检查将阻断。")
		k.status.Importance = widget.WarningImportance
	}
	k.status.Refresh()
	k.loaded = k.state()
}

func (k *screeningCard) unsaved() string {
	if k.state() == k.loaded {
		return ""
	}
	return "负面情况：" + k.s.unitName(k.s.unit) + "的核查记录有未保存的修改"
}

// record is the form as the screening of a unit.
func (k *screeningCard) record(code string) forms.Screening {
	return forms.Screening{UnitCode: code, Checker: k.checker.Text, Departments: k.departments.Text, Date: strings.TrimSpace(k.date.Text), Basis: k.basis.Text}
}

func (k *screeningCard) doSave() error {
	code := k.s.unit
	if code == "" {
		setMessage(k.errs, "请先在左侧选择市（州）")
		return fmt.Errorf("未保存：%s", k.errs.Text)
	}
	x := k.record(code)
	if err := k.s.env.Store.Update("记录 "+k.s.unitName(code)+" 负面情况核查", func(t *store.Tx) error { return t.SetScreening(x) }); err != nil {
		setMessage(k.errs, "未保存："+err.Error())
		return fmt.Errorf("%s", k.errs.Text)
	}
	k.loaded = k.state()
	k.s.env.Changed()
	return nil
}

// doSaveAll saves the record for the selected city and, in the same change, for every
// other candidate without a record of its own (a record already made is never
// replaced).
func (k *screeningCard) doSaveAll() error {
	code := k.s.unit
	if code == "" {
		setMessage(k.errs, "请先在左侧选择市（州）")
		return fmt.Errorf("未保存：%s", k.errs.Text)
	}
	c := k.s.env.Case
	x := k.record(code)
	var names []string
	err := k.s.env.Store.Update("记录负面情况核查（全部候选）", func(t *store.Tx) error {
		if err := t.SetScreening(x); err != nil {
			return err
		}
		names = append(names, k.s.unitName(code))
		written := map[string]bool{code: true}
		for _, m := range c.Campaign.Measures {
			for _, u := range c.Candidates[m.ID] {
				if _, checked := c.Screening(u); checked || written[u] {
					continue
				}
				written[u] = true
				y := x
				y.UnitCode = u
				if err := t.SetScreening(y); err != nil {
					return err
				}
				names = append(names, k.s.unitName(u))
			}
		}
		return nil
	})
	if err != nil {
		setMessage(k.errs, "未保存："+err.Error())
		return fmt.Errorf("%s", k.errs.Text)
	}
	k.loaded = k.state()
	k.s.env.Changed()
	k.status.SetText("已记录核查：" + strings.Join(names, "、") + "。")
	k.status.Importance = widget.SuccessImportance
	k.status.Refresh()
	return nil
}
