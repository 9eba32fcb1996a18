package app

// The 比选 choice: the city, the 推荐理由 and its decision record, saved by 确定推荐.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

func (p *comparePanel) refreshChoices() {
	cmp := &p.cmp
	p.choiceCodes = nil
	var opts []string
	for _, u := range cmp.Candidates {
		opts = append(opts, u.Name)
		p.choiceCodes = append(p.choiceCodes, u.Code)
	}
	sel := p.choice.Selected
	p.loading = true
	p.choice.Options = opts
	p.choice.Selected = ""
	for _, o := range opts {
		if o == sel {
			p.choice.Selected = sel
		}
	}
	p.choice.Refresh()
	p.loading = false
	p.excludedOpt.Objects = nil
	for _, e := range cmp.Excluded {
		r := widget.NewRadioGroup([]string{e.Unit.Name}, nil)
		r.Disable()
		l := widget.NewLabel("不可推荐：" + strings.Join(e.Reasons, "；"))
		l.Wrapping = fyne.TextWrapBreak
		l.Importance = widget.DangerImportance
		p.excludedOpt.Add(container.NewBorder(nil, nil, r, nil, l))
	}
	p.excludedOpt.Refresh()
}

func (p *comparePanel) optionOf(code string) string {
	for i, c := range p.choiceCodes {
		if c == code {
			return p.choice.Options[i]
		}
	}
	return ""
}

func (p *comparePanel) selectedCode() string {
	for i, o := range p.choice.Options {
		if o == p.choice.Selected && i < len(p.choiceCodes) {
			return p.choiceCodes[i]
		}
	}
	return ""
}

// multi reports whether the measure takes several units (the quota of its campaign).
func (p *comparePanel) multi() bool { return !p.m.Quota.Single() }

// storedChoice is the stored choice the form edits: the measure's one choice, or for
// a measure that takes several, the choice of the unit selected (zero when it is not
// chosen).
func (p *comparePanel) storedChoice() forms.Choice {
	c := p.env().Case
	if c == nil {
		return forms.Choice{}
	}
	if !p.multi() {
		ch, _ := c.Choice(p.m.ID)
		return ch
	}
	ch, _ := c.ChoiceOf(p.m.ID, p.selectedCode())
	return ch
}

// showReasonOfSelected shows the stored 推荐理由 of the unit just selected, for a
// measure that takes several units, unless the officer typed one.
func (p *comparePanel) showReasonOfSelected() {
	if !p.multi() || p.reasonDirty {
		return
	}
	p.loading = true
	p.reason.SetText(p.storedChoice().Reason)
	p.loading = false
}

// chosenNames names the units chosen for the measure (“伊犁哈萨克自治州、乌鲁木齐市”).
func (p *comparePanel) chosenNames() string {
	c := p.env().Case
	var names []string
	for _, ch := range c.ChoicesOf(p.m.ID) {
		name := ch.UnitCode
		if u, ok := c.Unit(ch.UnitCode); ok {
			name = u.FullName()
		}
		names = append(names, name)
	}
	return strings.Join(names, "、")
}

// refreshChosenBox lists the chosen units with 取消推荐 for a measure that takes
// several.
func (p *comparePanel) refreshChosenBox() {
	p.chosenBox.Objects = nil
	c := p.env().Case
	if c == nil || !p.multi() {
		p.chosenBox.Hide() // one unit a measure: no list, the 2021 layout
		return
	}
	p.chosenBox.Show()
	p.chosenBox.Add(widget.NewLabel(fmt.Sprintf("本措施%s（通知第二条）；选择另一个单位并“确定推荐”即增加一个。", p.m.Quota.Text())))
	for _, ch := range c.ChoicesOf(p.m.ID) {
		code := ch.UnitCode
		name := code
		if u, ok := c.Unit(code); ok {
			name = u.FullName()
		}
		btn := widget.NewButton("取消推荐"+name, func() { p.unchoose(code) })
		p.chosenBox.Add(container.NewHBox(widget.NewLabel("已推荐："+name), btn))
	}
	p.chosenBox.Refresh()
}

// unchoose removes one chosen unit of a measure that takes several.
func (p *comparePanel) unchoose(code string) {
	env := p.env()
	if err := env.Store.Update("取消推荐选择", func(t *store.Tx) error { return t.Unchoose(p.m.ID, code) }); err != nil {
		env.ShowError(err)
		return
	}
	if env.Changed != nil {
		env.Changed()
	}
}

func (p *comparePanel) updateChooseNote() {
	var notes []string
	c := p.env().Case
	if c != nil {
		if ch, ok := c.Choice(p.m.ID); ok && ch.UnitCode != "" {
			notes = append(notes, "当前推荐："+p.chosenNames())
			for _, w := range forms.DecisionWarnings(c, p.now()) {
				if w.Measure == p.m.ID {
					notes = append(notes, w.Message)
				}
			}
		}
	}
	code := p.selectedCode()
	if k := p.cmp.Index(code); k >= 0 && len(p.cmp.Scores.Rank) > k && p.cmp.Scores.Rank[k] != 1 {
		notes = append(notes, fmt.Sprintf("所选 %s 的综合得分排第 %d 名，不是第一名：请在推荐理由中说明原因。", p.cmp.Candidates[k].Name, p.cmp.Scores.Rank[k]))
	}
	if p.rob == nil {
		notes = append(notes, "提示：尚未运行稳健性分析，决策记录中将不含排名可接受度。")
	}
	p.chooseNote.SetText(strings.Join(notes, "\n"))
}

// refreshLeaderButton offers the leader in one click while another or no city is
// recommended.
func (p *comparePanel) refreshLeaderButton(computed bool) {
	lead := p.cmp.Leader()
	if !computed || lead.Code == "" || slices.Contains(p.env().Case.ChosenCodes(p.m.ID), lead.Code) {
		p.leaderRow.Hide()
		return
	}
	p.leaderBtn.SetText("推荐综合得分第一的" + lead.Name)
	p.leaderRow.Show()
}

// chooseLeader selects the leader and saves it; an empty 推荐理由 gets the reason the
// comparison states (forms.Comparison.LeaderReason), one the officer typed is kept.
func (p *comparePanel) chooseLeader() {
	lead := p.cmp.Leader()
	if lead.Code == "" {
		return
	}
	p.choice.SetSelected(p.optionOf(lead.Code))
	if strings.TrimSpace(p.reason.Text) == "" {
		p.reason.SetText(p.cmp.LeaderReason())
	}
	p.choose()
}

func (p *comparePanel) choose() {
	env := p.env()
	if err := p.save(); err != nil {
		env.ShowError(err)
		if errors.Is(err, forms.ErrNoReason) {
			focusIn(env, p.reason)
		}
	}
}

// save stores the choice with its 推荐理由 and decision record (确定推荐).
func (p *comparePanel) save() error {
	env := p.env()
	code := p.selectedCode()
	switch {
	case p.cmpErr != nil:
		return fmt.Errorf("比较条件有误，无法确定推荐：%v", p.cmpErr)
	case code == "":
		return fmt.Errorf("%s：请先在“推荐选择”中选择一个可推荐的市（州）", p.m.Short)
	}
	var rob *forms.Robustness
	if p.rob != nil && p.robGen == p.gen {
		rob = p.rob
	}
	now := p.now()
	rec := p.cmp.Record(code, rob, now)
	js, err := rec.JSON()
	if err != nil {
		return err
	}
	ch := forms.Choice{Measure: p.m.ID, UnitCode: code, Reason: strings.TrimSpace(p.reason.Text), Decision: js}
	if err := env.Store.Update("确定推荐（比选）", func(t *store.Tx) error { return t.Choose(ch, now) }); err != nil {
		return err
	}
	p.reasonDirty, p.choiceDirty = false, false
	if env.Changed != nil {
		env.Changed()
	}
	return nil
}

// unsaved reports whether the choice or 推荐理由 differs from the stored choice.
func (p *comparePanel) unsaved() bool {
	c := p.env().Case
	if c == nil || (!p.reasonDirty && !p.choiceDirty) {
		return false
	}
	ch, _ := c.Choice(p.m.ID)
	if p.multi() {
		ch = p.storedChoice()
		return p.reasonDirty && strings.TrimSpace(p.reason.Text) != strings.TrimSpace(ch.Reason)
	}
	return (p.reasonDirty && strings.TrimSpace(p.reason.Text) != strings.TrimSpace(ch.Reason)) ||
		(p.choiceDirty && p.selectedCode() != ch.UnitCode)
}

// discard shows the stored choice and 推荐理由 again.
func (p *comparePanel) discard() {
	p.reasonDirty, p.choiceDirty = false, false
	c := p.env().Case
	if c == nil {
		return
	}
	ch, _ := c.Choice(p.m.ID)
	p.loading = true
	p.reason.SetText(ch.Reason)
	p.choice.SetSelected(p.optionOf(ch.UnitCode))
	p.loading = false
	p.updateChooseNote()
}

// summaryText is the answer in one or two plain sentences: who leads the composite
// score, how robust that is, and what is recommended now.
func (p *comparePanel) summaryText() string {
	cmp := &p.cmp
	if len(cmp.Candidates) == 0 || len(cmp.Scores.Order) == 0 {
		return "尚无可比选的候选市（州）。"
	}
	first := cmp.Scores.Order[0]
	parts := []string{fmt.Sprintf("综合得分第一：%s（%.4f）", cmp.Candidates[first].Name, cmp.Scores.Score[first])}
	if p.rob != nil && p.robGen == p.gen {
		a := p.rob.SMAA
		parts = append(parts, fmt.Sprintf("稳健性：%s 在 %.0f%% 的随机权重下排第一", cmp.Candidates[p.rob.MostFirst].Name, 100*a.Acceptability[p.rob.MostFirst][0]))
	} else {
		parts = append(parts, "稳健性分析尚未运行（见下文第四部分）")
	}
	if c := p.env().Case; c != nil {
		if ch, ok := c.Choice(p.m.ID); ok && ch.UnitCode != "" {
			parts = append(parts, "当前推荐："+p.chosenNames())
		} else {
			parts = append(parts, "尚未确定推荐")
		}
	}
	return strings.Join(parts, "；") + "。"
}
