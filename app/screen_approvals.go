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

// 报批: per measure the provincial government's consent (通知 item 五) and, for a
// measure the 通信管理局 co-recommends (办法 第四条), its concurrence; each with document
// number and date, given for the chosen city; and the 发文字号 of the measure's 推荐函.
// Saved through Tx.SetApproval when an answer is picked or a field is left; what the
// store rejects (e.g. a malformed date) is shown under the measure and nothing is
// written. The pre-flight's findings on these fields (a consent given for another
// city, a date after the package, a shared 文号) are shown under the form.

func init() {
	registerScreen(forms.StepApprovals, func(env *Env) Screen { return newApprovalsScreen(env) })
}

type approvalsScreen struct {
	env    *Env
	root   *campaignRoot
	panels []*secApprovalPanel
}

type secApprovalPanel struct {
	s       *approvalsScreen
	m       *forms.Measure
	gov     *widget.RadioGroup
	govDoc  *secEntry
	govDate *secEntry
	tel     *widget.RadioGroup // nil when the measure needs no concurrence
	telDoc  *secEntry
	telDate *secEntry
	letter  *secEntry
	chosen  *widget.Label
	checks  *widget.Label // the pre-flight's findings on this measure's approval fields
	msg     *widget.Label
	box     *fyne.Container
	stored  forms.Approval
	failed  bool // the last save was rejected: keep what was typed
	loading bool
}

func newApprovalsScreen(env *Env) *approvalsScreen {
	return &approvalsScreen{env: env, root: newCampaignRoot()}
}

func (s *approvalsScreen) Content() fyne.CanvasObject { return s.root.box }

func (s *approvalsScreen) Refresh() {
	built := s.root.update(s.env.Case, func(camp *forms.Campaign) fyne.CanvasObject {
		s.panels = nil
		list := container.NewVBox()
		intro := widget.NewLabel("推荐结果须报经省级人民政府（新疆生产建设兵团）同意（通知第五条）；" +
			"建设信息基础设施和推进产业数字化成效明显市（州）须会同省通信管理局推荐（办法第四条）。填写同意文件文号即记为“同意”；省政府一份批复同意两项推荐时，只需填一次，另一项自动同上。日期可写 2022-02-08、2022.2.8 或 2022年2月8日，离开输入框即保存。")
		intro.Wrapping = fyne.TextWrapWord
		list.Add(intro)
		for i := range camp.Measures {
			p := &secApprovalPanel{s: s, m: &camp.Measures[i]}
			list.Add(p.build())
			s.panels = append(s.panels, p)
		}
		return container.NewVScroll(list)
	})
	if !built {
		return
	}
	for _, p := range s.panels {
		p.refresh()
	}
}

// Focus handles "approval.gov:<m>", "approval.gov_doc:<m>" and "approval.telecom:<m>".
func (s *approvalsScreen) Focus(field string) bool {
	kind, m, ok := strings.Cut(field, ":")
	if !ok || !strings.HasPrefix(kind, "approval.") {
		return false
	}
	for _, p := range s.panels {
		if string(p.m.ID) != m {
			continue
		}
		switch kind {
		case "approval.gov", "approval.gov_doc":
			secFocus(s.env, p.govDoc)
			return true
		case "approval.gov_date":
			secFocus(s.env, p.govDate)
			return true
		case "approval.letter_no":
			secFocus(s.env, p.letter)
			return true
		case "approval.telecom", "approval.telecom_date":
			if p.tel != nil {
				secFocus(s.env, p.telDoc)
				return true
			}
		}
	}
	return false
}

func (p *secApprovalPanel) build() fyne.CanvasObject {
	onChange := func(string) {
		if !p.loading {
			p.save()
		}
	}
	onLeave := func(string) { p.save() }
	p.gov = widget.NewRadioGroup([]string{string(forms.ConsentYes), string(forms.ConsentNo)}, onChange)
	p.gov.Horizontal = true
	p.govDoc = newSecEntry(false, "同意文件文号，如 ××政字〔2022〕8号", onLeave)
	p.govDate = newSecEntry(false, "2022-02-08", onLeave)
	form := widget.NewForm(
		widget.NewFormItem("省级人民政府是否同意", p.gov),
		widget.NewFormItem("同意文件文号", p.govDoc),
		widget.NewFormItem("同意日期", p.govDate),
	)
	if p.m.TelecomConcurrence {
		p.tel = widget.NewRadioGroup([]string{string(forms.ConsentYes), string(forms.ConsentNo)}, onChange)
		p.tel.Horizontal = true
		p.telDoc = newSecEntry(false, "会同文件文号", onLeave)
		p.telDate = newSecEntry(false, "2022-02-07", onLeave)
		form.Append("通信管理局是否会同推荐", p.tel)
		form.Append("会同文件文号", p.telDoc)
		form.Append("会同日期", p.telDate)
	}
	p.letter = newSecEntry(false, "本措施推荐函的发文字号，如 ××工信函〔2022〕1号（每份函一个）", onLeave)
	form.Append("推荐函发文字号", p.letter)
	p.chosen = widget.NewLabel("")
	p.checks = widget.NewLabel("")
	p.checks.Wrapping = fyne.TextWrapWord
	p.checks.Importance = widget.WarningImportance
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Importance = widget.DangerImportance
	p.msg.Hide()
	p.box = container.NewVBox(p.chosen, form, p.checks, p.msg)
	return widget.NewCard(p.m.Name, p.m.TableAnnex+" 表头：推荐单位意见", p.box)
}

func (p *secApprovalPanel) refresh() {
	env := p.s.env
	c := env.Case
	if chs := c.ChoicesOf(p.m.ID); len(chs) > 1 {
		var names []string
		for _, ch := range chs {
			names = append(names, secUnitName(c, ch.UnitCode))
		}
		p.chosen.SetText("推荐对象：" + strings.Join(names, "、") + "（同意意见针对这些单位一并记录）")
	} else if ch, ok := c.Choice(p.m.ID); ok && ch.UnitCode != "" {
		p.chosen.SetText("推荐对象：" + secUnitName(c, ch.UnitCode) + "（同意意见针对该市（州）记录）")
	} else {
		p.chosen.SetText("本措施尚未选择推荐对象：先在“比选”中选择，再记录对所选市（州）的同意意见；不推荐本措施时无需报批。")
	}
	var checks []string
	for _, i := range forms.Preflight(c, env.Now()) {
		if i.Measure == p.m.ID && i.Step == forms.StepApprovals {
			checks = append(checks, "【"+string(i.Severity)+"】"+i.Message)
		}
	}
	p.checks.SetText(strings.Join(checks, "\n"))
	p.checks.Hidden = len(checks) == 0
	// Examples follow the province (粤府函…, not another province's).
	code, year := c.Province.Code, c.Campaign.Year+1
	p.govDoc.PlaceHolder = "同意文件文号，如 " + forms.DocNoExample(code, "政字", year, 8)
	p.letter.PlaceHolder = "本措施推荐函的发文字号，如 " + forms.DocNoExample(code, "工信函", year, 1) + "（每份函一个）"
	if p.telDoc != nil {
		p.telDoc.PlaceHolder = "会同文件文号，如 " + forms.DocNoExample(code, "通信管理局函", year, 3)
	}
	p.govDate.PlaceHolder = fmt.Sprintf("%d-02-08", year)
	p.stored = c.Approval(p.m.ID)
	if p.failed {
		return
	}
	p.loading = true
	defer func() { p.loading = false }()
	a := p.stored
	p.gov.SetSelected(string(a.Government))
	secSetText(env, p.govDoc, a.GovDocNo)
	secSetText(env, p.govDate, a.GovDate)
	if p.tel != nil {
		p.tel.SetSelected(string(a.Telecom))
		secSetText(env, p.telDoc, a.TelecomDocNo)
		secSetText(env, p.telDate, a.TelecomDate)
	}
	secSetText(env, p.letter, a.LetterNo)
}

func (p *secApprovalPanel) value() forms.Approval {
	a := forms.Approval{Measure: p.m.ID, Government: forms.Consent(p.gov.Selected),
		GovDocNo: strings.TrimSpace(p.govDoc.Text), GovDate: strings.TrimSpace(p.govDate.Text),
		GovUnit: p.stored.GovUnit, TelecomUnit: p.stored.TelecomUnit, LetterNo: strings.TrimSpace(p.letter.Text)}
	if p.tel != nil {
		a.Telecom = forms.Consent(p.tel.Selected)
		a.TelecomDocNo = strings.TrimSpace(p.telDoc.Text)
		a.TelecomDate = strings.TrimSpace(p.telDate.Text)
	}
	return a.WithImpliedConsent() // as RecordApproval stores it, so that an unchanged form saves nothing
}

func (p *secApprovalPanel) save() {
	env := p.s.env
	a := p.value()
	if a == p.stored && !p.failed {
		return
	}
	var ids []forms.MeasureID
	err := env.Store.Update("报批", func(t *store.Tx) (err error) {
		ids, err = t.RecordApproval(a)
		return err
	})
	var followed []string
	for _, id := range ids {
		if om, err := env.Case.Campaign.Measure(id); err == nil {
			followed = append(followed, om.Short)
		}
	}
	if err != nil {
		p.failed = true
		p.msg.SetText(p.m.Short + "：" + err.Error() + "。未保存，请改正后再离开输入框。")
		p.msg.Show()
		p.s.root.box.Refresh()
		return
	}
	p.failed = false
	if p.msg.Visible() {
		p.msg.Hide()
		p.s.root.box.Refresh()
	}
	p.stored = a
	env.Changed()
	if len(followed) > 0 {
		notify(env, "报批", strings.Join(followed, "、")+"的省政府同意意见同上（同一份批复），可在其下修改。")
	}
}
