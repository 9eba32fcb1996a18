package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// Two registers of the notice, on 候选市（州）: 办法 第十六条 (cities, or the province,
// barred for three years for false material; a barred city cannot be chosen) and
// 办法 第十一条 (国务院大督查通报表扬 of a city, a bonus in the ministry's review; shown in
// 比选 and printed in the 申报书). Each dialog lists the entries with 删除 and adds one.

func init() {
	registerAction(Action{Step: forms.StepCandidates, Label: "取消资格登记（第十六条）…", Icon: theme.WarningIcon, Run: barsDialog})
	registerAction(Action{Step: forms.StepCandidates, Label: "通报表扬（第十一条）…", Icon: theme.ConfirmIcon, Run: commendationsDialog})
}

// unitOptions lists the province's units as “名称（代码）”.
func unitOptions(c *forms.Case) []string {
	var out []string
	for _, u := range c.Units {
		out = append(out, u.Name+"（"+u.Code+"）")
	}
	return out
}

func optionCode(sel string) string {
	if i := strings.LastIndex(sel, "（"); i >= 0 {
		return strings.TrimSuffix(sel[i+len("（"):], "）")
	}
	return ""
}

// registerDialog shows a list of entries (each with 删除) above an add form.
func registerDialog(env *Env, title, intro string, rows func() []registerRow, form *widget.Form, add func() error) {
	list := container.NewVBox()
	errs := newErrorLabel()
	errs.Hide()
	var fill func()
	fill = func() {
		list.RemoveAll()
		rs := rows()
		if len(rs) == 0 {
			list.Add(widget.NewLabel("（尚无登记）"))
		}
		for _, r := range rs {
			r := r
			l := widget.NewLabel(r.text)
			l.Wrapping = fyne.TextWrapWord
			del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
				dialog.ShowConfirm("删除登记", "删除“"+r.text+"”吗？", func(ok bool) {
					if !ok {
						return
					}
					if err := env.Store.Update("删除"+title, r.del); err != nil {
						setMessage(errs, err.Error())
						return
					}
					env.Changed()
					fill()
				}, env.Window)
			})
			list.Add(container.NewBorder(nil, nil, nil, del, l))
		}
	}
	fill()
	note := widget.NewLabel(intro)
	note.Wrapping = fyne.TextWrapWord
	addBtn := widget.NewButtonWithIcon("登记", theme.ContentAddIcon(), func() {
		if err := add(); err != nil {
			setMessage(errs, "未登记："+err.Error())
			return
		}
		setMessage(errs, "")
		env.Changed()
		fill()
	})
	body := container.NewVBox(note, widget.NewCard("", "已登记", list), widget.NewCard("", "新登记", container.NewVBox(form, container.NewHBox(addBtn), errs)))
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(body), env.Window)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}

type registerRow struct {
	text string
	del  func(t *store.Tx) error
}

func barsDialog(env *Env) {
	c := env.Case
	if c == nil || c.Campaign == nil {
		env.ShowError(store.ErrNotSetUp)
		return
	}
	whole := c.Province.Name + "（推荐单位本身）"
	who := widget.NewSelect(append([]string{whole}, unitOptions(c)...), nil)
	who.PlaceHolder = "选择市（州）或推荐单位"
	from := widget.NewEntry()
	from.SetPlaceHolder(fmt.Sprintf("起始年度，如 %d（三年即至其后第 2 年）", c.Campaign.Year))
	doc, reason := widget.NewEntry(), widget.NewEntry()
	doc.SetPlaceHolder("决定文件文号")
	reason.SetPlaceHolder("如 提供虚假材料")
	form := widget.NewForm(widget.NewFormItem("对象", who), widget.NewFormItem("起始年度", from),
		widget.NewFormItem("决定文号", doc), widget.NewFormItem("原因", reason))
	rows := func() []registerRow {
		var out []registerRow
		for _, b := range env.Case.Bars {
			b := b
			name := whole
			if b.UnitCode != "" {
				name = secUnitName(env.Case, b.UnitCode)
			}
			out = append(out, registerRow{fmt.Sprintf("%s：%d—%d 年度，%s，%s", name, b.FromYear, b.ToYear, b.DocNo, b.Reason),
				func(t *store.Tx) error { return t.DeleteBar(b.ID) }})
		}
		return out
	}
	registerDialog(env, "取消资格登记（办法第十六条）", "推荐单位提供虚假材料、弄虚作假的，取消该市（州）三年评选资格，取消所在省（自治区、直辖市）三年申报资格（办法第十六条）。登记的市（州）不能被选为推荐对象；推荐单位本身被取消资格时报送前检查阻断。",
		rows, form, func() error {
			if who.Selected == "" {
				return fmt.Errorf("请选择对象")
			}
			y, err := strconv.Atoi(strings.TrimSpace(from.Text))
			if err != nil {
				return fmt.Errorf("起始年度“%s”应为四位年份，如 %d", from.Text, c.Campaign.Year)
			}
			b := forms.Bar{FromYear: y, DocNo: doc.Text, Reason: reason.Text}
			if who.Selected != whole {
				b.UnitCode = optionCode(who.Selected)
			}
			return env.Store.Update("取消资格登记", func(t *store.Tx) error { _, err := t.AddBar(b); return err })
		})
}

func commendationsDialog(env *Env) {
	c := env.Case
	if c == nil || c.Campaign == nil {
		env.ShowError(store.ErrNotSetUp)
		return
	}
	who := widget.NewSelect(unitOptions(c), nil)
	who.PlaceHolder = "选择市（州）"
	doc, date, title := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	doc.SetPlaceHolder("通报文件文号，如 国办发〔2021〕49号")
	date.SetPlaceHolder("2021-07-01")
	title.SetPlaceHolder("表扬的典型经验做法")
	form := widget.NewForm(widget.NewFormItem("市（州）", who), widget.NewFormItem("通报文号", doc),
		widget.NewFormItem("通报日期", date), widget.NewFormItem("内容", title))
	rows := func() []registerRow {
		var out []registerRow
		for _, x := range env.Case.Commendations {
			x := x
			out = append(out, registerRow{fmt.Sprintf("%s：%s %s %s", secUnitName(env.Case, x.UnitCode), x.Date, x.DocNo, x.Title),
				func(t *store.Tx) error { return t.DeleteCommendation(x.ID) }})
		}
		return out
	}
	registerDialog(env, "国务院大督查通报表扬（办法第十一条）", "对工业和信息化领域典型经验做法被国务院大督查通报表扬的相关市（州），在遴选评审中以加分方式给予优先支持（办法第十一条）。登记后在“比选”中显示，并写入申报书“其他说明事项”。",
		rows, form, func() error {
			if who.Selected == "" {
				return fmt.Errorf("请选择市（州）")
			}
			x := forms.Commendation{UnitCode: optionCode(who.Selected), DocNo: doc.Text, Date: strings.TrimSpace(date.Text), Title: title.Text}
			return env.Store.Update("通报表扬", func(t *store.Tx) error { _, err := t.AddCommendation(x); return err })
		})
}
