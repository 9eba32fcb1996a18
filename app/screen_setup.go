package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/divisions"
	"tuijian/data/store"
	"tuijian/forms"
)

func init() { registerScreen(forms.StepSetup, newSetupScreen) }

// setupScreen is step 1: the 推荐单位, campaign year and contact, or the demo. The
// department name follows the province (forms.DepartmentFor); each 推荐函's 发文字号
// is recorded under 报批.
type setupScreen struct {
	env        *Env
	search     *widget.Entry
	province   *widget.Select
	year       *widget.Select
	department *widget.Entry
	contact    *widget.Entry
	phone      *widget.Entry
	save       *widget.Button
	demo       *widget.Button
	msg        *widget.Label
	errs       *widget.Label
	content    fyne.CanvasObject
	demoFlag   bool
	demoBox    *widget.Card
	campaign   *campaignCard
	loaded     setupForm // the form as last loaded or saved
	shownProv  string    // the province code the department field was filled for
}

// setupForm is what the officer can change on the setup screen.
type setupForm struct {
	province, year, department, contact, phone string
}

func (s *setupScreen) form() setupForm {
	return setupForm{s.province.Selected, s.year.Selected, strings.TrimSpace(s.department.Text),
		strings.TrimSpace(s.contact.Text), strings.TrimSpace(s.phone.Text)}
}

func provinceOption(p forms.Province) string { return p.Name + "（" + p.Code + "）" }

func newSetupScreen(env *Env) Screen {
	s := &setupScreen{env: env}
	s.province = widget.NewSelect(nil, func(string) { s.provinceChanged() })
	s.province.PlaceHolder = "请选择省份"
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("输入省份名称或代码筛选，如 山东 或 37")
	s.search.OnChanged = func(q string) { s.filter(q) }
	s.filter("")
	var years []string
	for _, y := range forms.CampaignYears() {
		years = append(years, fmt.Sprintf("%d年度", y))
	}
	s.year = widget.NewSelect(years, nil)
	if len(years) > 0 {
		s.year.SetSelectedIndex(len(years) - 1)
	}
	s.department = widget.NewEntry()
	s.department.SetPlaceHolder("如 山东省工业和信息化厅")
	s.contact = widget.NewEntry()
	s.phone = widget.NewEntry()
	s.phone.SetPlaceHolder("如 0531-12345678")
	s.save = widget.NewButtonWithIcon("保存设置", theme.DocumentSaveIcon(), s.doSave)
	s.save.Importance = widget.HighImportance
	s.demo = widget.NewButtonWithIcon("打开演示数据", theme.FolderOpenIcon(), func() {
		if s.env.OpenDemo != nil {
			s.env.OpenDemo()
		}
	})
	s.msg = widget.NewLabel("")
	s.msg.Wrapping = fyne.TextWrapBreak
	s.errs = newErrorLabel()
	form := widget.NewForm(
		widget.NewFormItem("推荐单位（省份）", container.NewGridWithColumns(2, s.search, s.province)),
		widget.NewFormItem("督查激励年度", s.year),
		widget.NewFormItem("推荐单位名称", s.department),
		widget.NewFormItem("联系人", s.contact),
		widget.NewFormItem("联系电话", s.phone),
	)
	intro := widget.NewLabel("设置本数据文件的推荐单位和督查激励年度。一个数据文件只对应一个推荐单位；" +
		"已勾选候选市（州）后不能再更改省份。年度（督查激励定义）决定措施、名额、指标年份和报送截止日期。")
	intro.Wrapping = fyne.TextWrapBreak
	intakeBtn := widget.NewButtonWithIcon("部里汇总（接收各省报送包）…", theme.StorageIcon(), func() {
		if s.env.OpenIntake != nil {
			s.env.OpenIntake()
		}
	})
	s.demoBox = widget.NewCard("", "第一次使用？", container.NewVBox(
		widget.NewLabel("打开演示数据（山东省，2021年度，数字均为虚构），熟悉全部步骤。\n演示数据保存在单独的文件中，不会与正式数据混在一起。\n工业和信息化部收件人员请选“部里汇总”：核验各省报送包并生成全国汇总表。"),
		container.NewHBox(s.demo, intakeBtn)))
	s.campaign = newCampaignCard(env, s.Refresh)
	body := container.NewVBox(intro, form, container.NewHBox(s.save), s.errs, s.msg, s.campaign.card, s.demoBox)
	s.content = container.NewVScroll(container.NewPadded(body))
	s.loaded = s.form()
	return s
}

func (s *setupScreen) filter(q string) {
	q = strings.TrimSpace(q)
	sel := s.province.Selected
	var opts []string
	for _, p := range divisions.Provinces() {
		if q == "" || strings.Contains(p.Name, q) || strings.HasPrefix(p.Code, q) {
			opts = append(opts, provinceOption(p))
		}
	}
	s.province.Options = opts
	if len(opts) == 1 {
		s.province.SetSelected(opts[0])
	} else if sel != "" {
		s.province.Selected = sel
	}
	s.province.Refresh()
}

func (s *setupScreen) Content() fyne.CanvasObject { return s.content }

func (s *setupScreen) Refresh() {
	st, err := s.env.Store.Settings()
	if err != nil {
		s.errs.SetText("无法读取设置：" + err.Error())
		return
	}
	s.demoFlag = st.Demo
	if p, ok := divisions.Province(st.ProvinceCode); ok {
		s.filter("")
		s.province.SetSelected(provinceOption(p))
	}
	if st.Year != 0 {
		// A year adopted from a definition file is offered beside the built-in ones.
		y := fmt.Sprintf("%d年度", st.Year)
		if !slices.Contains(s.year.Options, y) {
			s.year.Options = append(s.year.Options, y)
		}
		s.year.SetSelected(y)
	}
	s.campaign.refresh()
	s.department.SetText(st.Department)
	s.shownProv = st.ProvinceCode
	s.contact.SetText(st.Contact)
	s.phone.SetText(st.Phone)
	s.loaded = s.form()
	if st.ProvinceCode != "" {
		s.demoBox.Hide()
	} else {
		s.demoBox.Show()
	}
	if st.Demo {
		path := s.env.Store.Path()
		if s.env.DataPath != nil {
			path = s.env.DataPath()
		}
		s.msg.SetText("当前打开的是演示数据文件：" + path)
	} else {
		s.msg.SetText("")
	}
}

// provinceChanged fills the department with the new province's recommending body
// (forms.RecommendingBodies); a name typed for another province is never kept.
func (s *setupScreen) provinceChanged() {
	code := s.selectedProvince()
	if code == "" || code == s.shownProv {
		return
	}
	s.department.SetText(forms.DepartmentFor(strings.TrimSpace(s.department.Text), s.shownProv, code))
	s.shownProv = code
}

// selectedProvince is the code of the chosen province.
func (s *setupScreen) selectedProvince() string {
	sel := s.province.Selected
	if i := strings.LastIndex(sel, "（"); i >= 0 {
		return strings.TrimSuffix(sel[i+len("（"):], "）")
	}
	return ""
}

func (s *setupScreen) doSave() {
	first := s.env.Case == nil
	if s.saveSettings() != nil {
		return
	}
	if first && s.env.Case != nil {
		s.env.Show(forms.StepCandidates, "")
	}
}

// saveSettings writes the form (the message is also shown under the button).
func (s *setupScreen) saveSettings() error {
	s.errs.SetText("")
	code := s.selectedProvince()
	if code == "" {
		s.errs.SetText("请选择推荐单位（省份）：可在左侧输入名称筛选")
		return errors.New(s.errs.Text)
	}
	year, _ := strconv.Atoi(strings.TrimSuffix(s.year.Selected, "年度"))
	st := forms.Settings{
		ProvinceCode: code, Year: year,
		Department: strings.TrimSpace(s.department.Text), Contact: strings.TrimSpace(s.contact.Text),
		Phone: strings.TrimSpace(s.phone.Text),
		Demo:  s.demoFlag,
	}
	err := s.env.Store.Update("设置", func(t *store.Tx) error { return t.SetSettings(st) })
	if err != nil {
		s.errs.SetText(err.Error())
		return err
	}
	s.loaded = s.form()
	s.msg.SetText("设置已保存。")
	s.env.Changed()
	return nil
}

// Unsaved reports a form that differs from the stored settings.
func (s *setupScreen) Unsaved() string {
	if s.form() == s.loaded {
		return ""
	}
	return "设置：推荐单位设置有未保存的修改"
}

// Save is the 保存设置 button without moving on to 候选市（州）.
func (s *setupScreen) Save() error {
	if err := s.saveSettings(); err != nil {
		return fmt.Errorf("设置未保存：%w", err)
	}
	return nil
}

// Discard shows the stored settings again.
func (s *setupScreen) Discard() {
	l := s.loaded
	s.search.SetText("")
	if l.province == "" {
		s.province.ClearSelected()
	} else {
		s.province.SetSelected(l.province)
	}
	s.year.SetSelected(l.year)
	s.department.SetText(l.department)
	s.contact.SetText(l.contact)
	s.phone.SetText(l.phone)
	s.errs.SetText("")
}

func (s *setupScreen) Focus(field string) bool {
	var o fyne.Focusable
	switch field {
	case "settings.province":
		o = s.search
	case "settings.department":
		o = s.department
	case "settings.contact":
		o = s.contact
	case "settings.phone":
		o = s.phone
	case "settings.demo":
		return true
	default:
		return false
	}
	focusIn(s.env, o)
	return true
}
