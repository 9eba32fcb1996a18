package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// batchVerify is the form of 批量记录审核 (issue 14 point 4): one reply of the
// statistics bureau or the 通信管理局 recorded for many figures at once — which body,
// which cities, years and indicators (all by default), the state, who, the date and
// the 文号. The count of figures it will record updates as the choice changes; the
// whole batch is written in one step (one entry of the history, one 撤销).
type batchVerify struct {
	page      *figurePage
	verifiers []forms.Verifier
	verifier  *widget.RadioGroup
	units     *widget.CheckGroup
	years     *widget.CheckGroup
	inds      *widget.CheckGroup
	state     *widget.RadioGroup
	by, at    *widget.Entry
	doc       *widget.Entry
	count     *widget.Label
	problem   *widget.Label
	unitCode  map[string]string // option → code
	indID     map[string]string
	dlg       *dialog.CustomDialog
}

// batchVerifyDialog shows the form; it returns nil when there is nothing to verify
// (the reason is shown).
func batchVerifyDialog(p *figurePage) *batchVerify {
	b := newBatchVerify(p)
	if len(b.verifiers) == 0 {
		p.env.ShowError(fmt.Errorf("%s的指标无需统计局或通信管理局审核", p.measure().Short))
		return nil
	}
	if len(p.units) == 0 {
		p.env.ShowError(fmt.Errorf("%s尚无候选市（州）：请先在“候选市（州）”中添加", p.measure().Short))
		return nil
	}
	if p.env.Window == nil {
		return nil
	}
	ok := widget.NewButton("记录审核", func() {
		if b.apply() == nil {
			b.dlg.Hide()
		}
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { b.dlg.Hide() })
	b.dlg = dialog.NewCustomWithoutButtons("批量记录审核："+p.measure().Short, container.NewVScroll(b.form()), p.env.Window)
	b.dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	b.dlg.Resize(fyne.NewSize(900, 640))
	b.dlg.Show()
	return b
}

func newBatchVerify(p *figurePage) *batchVerify {
	b := &batchVerify{page: p, unitCode: map[string]string{}, indID: map[string]string{}}
	for _, in := range p.measure().Indicators {
		if in.NeedsVerification() && !slices.Contains(b.verifiers, in.Verifier) {
			b.verifiers = append(b.verifiers, in.Verifier)
		}
	}
	var names []string
	for _, v := range b.verifiers {
		names = append(names, string(v))
	}
	changed := func([]string) { b.recount() }
	b.inds = widget.NewCheckGroup(nil, changed)
	b.verifier = widget.NewRadioGroup(names, func(string) { b.fillIndicators() })
	b.verifier.Horizontal = true
	var units []string
	for _, code := range p.units {
		n := p.unitName(code)
		b.unitCode[n] = code
		units = append(units, n)
	}
	b.units = widget.NewCheckGroup(units, changed)
	b.units.Horizontal = true
	b.units.SetSelected(units)
	var years []string
	for _, y := range p.env.Case.Campaign.IndicatorYears() {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	b.years = widget.NewCheckGroup(years, changed)
	b.years.Horizontal = true
	b.years.SetSelected(years)
	b.state = widget.NewRadioGroup([]string{string(forms.Verified), string(forms.Questioned)}, nil)
	b.state.Horizontal = true
	b.state.SetSelected(string(forms.Verified))
	b.by = widget.NewEntry()
	b.at = widget.NewEntry()
	b.at.SetPlaceHolder("复函日期，如 " + fmt.Sprintf("%d-02-07", p.env.Case.Campaign.Year+1) + " 或 " + fmt.Sprintf("%d年2月7日", p.env.Case.Campaign.Year+1))
	b.doc = widget.NewEntry()
	b.count = widget.NewLabel("")
	b.count.Wrapping = fyne.TextWrapWord
	b.problem = newErrorLabel()
	if len(names) > 0 {
		b.verifier.SetSelected(names[b.firstPending()])
	}
	return b
}

// firstPending is the index of the first verifier with figures of this page not yet
// verified: after the 统计局's reply, the 通信管理局's is the one still to record.
func (b *batchVerify) firstPending() int {
	c := b.page.env.Case
	for i, v := range b.verifiers {
		keys, _ := forms.BatchTargets(c, forms.BatchScope{Measure: b.page.measure().ID, Verifier: v, Units: b.page.units})
		for _, k := range keys {
			if f, ok := c.Figure(k); ok && f.State != forms.Verified {
				return i
			}
		}
	}
	return 0
}

// fillIndicators lists the indicators of the chosen body, all ticked.
func (b *batchVerify) fillIndicators() {
	v := b.chosenVerifier()
	var opts []string
	b.indID = map[string]string{}
	for _, in := range b.page.measure().Indicators {
		if in.Verifier == v {
			b.indID[in.Label] = in.ID
			opts = append(opts, in.Label)
		}
	}
	b.inds.Options = opts
	b.inds.SetSelected(opts)
	code, year := b.page.env.Case.Province.Code, b.page.env.Case.Campaign.Year+1
	if v == forms.VerifierTelecom {
		b.by.SetPlaceHolder("如 省通信管理局 王五")
		b.doc.SetPlaceHolder("复函文号，如 " + forms.DocNoExample(code, "通信管理局函", year, 3))
	} else {
		b.by.SetPlaceHolder("如 省统计局 王五")
		b.doc.SetPlaceHolder("复函文号，如 " + forms.DocNoExample(code, "统函", year, 9))
	}
	b.recount()
}

func (b *batchVerify) chosenVerifier() forms.Verifier {
	for _, v := range b.verifiers {
		if string(v) == b.verifier.Selected {
			return v
		}
	}
	return ""
}

func (b *batchVerify) form() fyne.CanvasObject {
	f := widget.NewForm(
		widget.NewFormItem("审核部门", b.verifier),
		widget.NewFormItem("市（州）", b.units),
		widget.NewFormItem("年份", b.years),
		widget.NewFormItem("指标", b.inds),
		widget.NewFormItem("审核结果", b.state),
		widget.NewFormItem("审核单位（人）", b.by),
		widget.NewFormItem("复函日期", b.at),
		widget.NewFormItem("复函文号", b.doc),
	)
	return container.NewVBox(f, b.count, b.problem)
}

// scope is the selection as a forms.BatchScope; an empty tick list selects nothing.
func (b *batchVerify) scope() (forms.BatchScope, bool) {
	s := forms.BatchScope{Measure: b.page.mid, Verifier: b.chosenVerifier()}
	for _, n := range b.units.Selected {
		s.Units = append(s.Units, b.unitCode[n])
	}
	for _, y := range b.years.Selected {
		n, _ := strconv.Atoi(strings.TrimSuffix(y, "年"))
		s.Years = append(s.Years, n)
	}
	for _, l := range b.inds.Selected {
		s.Indicators = append(s.Indicators, b.indID[l])
	}
	return s, len(s.Units) > 0 && len(s.Years) > 0 && len(s.Indicators) > 0
}

func (b *batchVerify) recount() {
	if b.count == nil {
		return
	}
	s, ok := b.scope()
	if !ok {
		b.count.SetText("请至少选择一个市（州）、一个年份和一项指标。")
		return
	}
	keys, missing := forms.BatchTargets(b.page.env.Case, s)
	txt := fmt.Sprintf("将记录 %d 个数值的审核。", len(keys))
	if missing > 0 {
		txt += fmt.Sprintf("另有 %d 格尚未填写数值，不记录（无数据的格请在备注中说明原因）。", missing)
	}
	b.count.SetText(txt)
}

// apply checks the fields and writes the batch; what is wrong is shown in the form
// and nothing is written.
func (b *batchVerify) apply() error {
	p := b.page
	s, ok := b.scope()
	keys, _ := forms.BatchTargets(p.env.Case, s)
	v, err := forms.Verification{State: forms.VerifyState(b.state.Selected), By: strings.TrimSpace(b.by.Text),
		At: strings.TrimSpace(b.at.Text), DocNo: strings.TrimSpace(b.doc.Text)}.Checked()
	switch {
	case !ok || len(keys) == 0:
		err = fmt.Errorf("所选范围内没有已填写的数值，没有可记录的审核")
	case err != nil:
	}
	if err != nil {
		setMessage(b.problem, err.Error())
		return err
	}
	what := fmt.Sprintf("批量记录%s审核（%s，%d 个数值）", s.Verifier, v.DocNo, len(keys))
	before := p.screen.snapshot(what, keys...)
	err = p.env.Store.Update(what, func(t *store.Tx) error {
		for _, k := range keys {
			if err := t.SetVerification(store.Verification{FigureKey: k, State: v.State, By: v.By, At: v.At, DocNo: v.DocNo}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		setMessage(b.problem, "未记录："+err.Error())
		return err
	}
	p.screen.remember(before)
	p.env.Changed()
	p.say(widget.SuccessImportance, fmt.Sprintf("已记录：%d 个数值%s（%s %s，%s）。Ctrl+Z 可撤销。", len(keys), v.State, v.By, v.DocNo, v.At))
	return nil
}
