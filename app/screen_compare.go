package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/documents"
	"tuijian/forms"
	"tuijian/forms/rank"
)

// 比选: per measure, the candidates × indicators matrix (both years, rank, against the
// province value, best and worst marked, 缺失 for missing), the weights with the
// composite score and its normalization, the robustness analysis (SMAA-2, run off the
// UI goroutine with progress and cancel; acceptability, central weights, stability
// intervals and charts), and the choice with its 推荐理由 and decision record. Every
// number comes from forms.ComparisonFor and forms/rank; this file only shows it.

func init() {
	registerScreen(forms.StepCompare, func(env *Env) Screen { return newCompareScreen(env) })
}

type compareScreen struct {
	env    *Env
	root   *campaignRoot
	tabs   *container.AppTabs
	panels []*comparePanel
}

// comparePanel is the tab of one measure.
type comparePanel struct {
	s   *compareScreen
	m   *forms.Measure
	tab *container.TabItem

	// inputs
	yearRadio *widget.RadioGroup
	years     [2]int
	weightIn  []*widget.Entry
	minIn     []*widget.Entry
	maxIn     []*widget.Entry
	normOut   []*widget.Label
	rangeOut  []*widget.Label
	inputErr  *widget.Label
	samplesIn *widget.Entry
	seedIn    *widget.Entry

	// the current comparison
	cmp    forms.Comparison
	cmpErr error
	gen    int // bumped whenever the comparison is recomputed with other bounds/data

	// views
	status   *widget.Label
	excluded *fyne.Container
	matrix   *fyne.Container        // rows of the matrix (buildMatrix)
	cells    map[[2]int]*matrixCell // (province 0 / candidate 1…, indicator) → cell
	summary  *widget.Label          // the plain answer above the choice
	selected int                    // indicator shown in the bar chart, −1 none
	chartKey string                 // digest and indicator of the chart shown
	indLabel *widget.Label
	indChart *canvas.Image
	method   *widget.Label
	scores   *fyne.Container
	notes    *widget.Label

	// robustness
	runBtn    *widget.Button
	cancelBtn *widget.Button
	progress  *widget.ProgressBar
	robStatus *widget.Label
	accGrid   *fyne.Container
	accChart  *canvas.Image
	central   *widget.Label
	stability *widget.Label
	mu        sync.Mutex
	cancel    context.CancelFunc
	rob       *forms.Robustness
	robGen    int
	runID     int // the analysis whose results the UI waits for
	// robDone, when set, is called on the UI goroutine after an analysis ends (tests).
	robDone func()

	// choice
	choice      *widget.RadioGroup
	choiceCodes []string // option index → code
	excludedOpt *fyne.Container
	reason      *widget.Entry
	reasonDirty bool
	choiceDirty bool
	chooseBtn   *widget.Button
	leaderBtn   *widget.Button // 推荐综合得分第一的… in one click
	leaderRow   *fyne.Container
	chooseNote  *widget.Label
	// chosenBox lists the units chosen for a measure that takes several, each with
	// 取消推荐 (hidden when the measure takes one: choosing another replaces it).
	chosenBox *fyne.Container

	prefilled bool // weights etc. were taken from the stored decision record
	loading   bool
}

func newCompareScreen(env *Env) *compareScreen {
	return &compareScreen{env: env, root: newCampaignRoot()}
}

func (s *compareScreen) Content() fyne.CanvasObject { return s.root.box }

func (s *compareScreen) Refresh() {
	if !s.root.update(s.env.Case, s.build) {
		return
	}
	for _, p := range s.panels {
		p.refresh()
	}
}

// Focus handles choice:M, reason:M, decision:M and choices.
func (s *compareScreen) Focus(field string) bool {
	kind, m, _ := strings.Cut(field, ":")
	if field == "choices" && len(s.panels) > 0 {
		kind, m = "choice", string(s.panels[0].m.ID)
	}
	for _, p := range s.panels {
		if string(p.m.ID) != m || s.tabs == nil {
			continue
		}
		switch kind {
		case "choice", "decision":
			s.tabs.Select(p.tab)
			focusIn(s.env, p.reason)
			return true
		case "reason":
			s.tabs.Select(p.tab)
			focusIn(s.env, p.reason)
			return true
		}
	}
	return false
}

func (s *compareScreen) build(camp *forms.Campaign) fyne.CanvasObject {
	for _, p := range s.panels {
		p.stop()
	}
	s.panels = nil
	s.tabs = container.NewAppTabs()
	for i := range camp.Measures {
		p := newComparePanel(s, &camp.Measures[i], camp.IndicatorYears())
		s.panels = append(s.panels, p)
		s.tabs.Append(p.tab)
	}
	return s.tabs
}

func newComparePanel(s *compareScreen, m *forms.Measure, years [2]int) *comparePanel {
	p := &comparePanel{s: s, m: m, years: years, selected: -1, loading: true}
	defer func() { p.loading = false }()

	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapBreak
	p.excluded = container.NewVBox()
	p.yearRadio = widget.NewRadioGroup([]string{strconv.Itoa(years[0]) + " 年", strconv.Itoa(years[1]) + " 年"}, func(string) { p.inputsChanged(true) })
	p.yearRadio.Horizontal = true
	p.yearRadio.Required = true
	p.yearRadio.SetSelected(strconv.Itoa(years[1]) + " 年")

	// Matrix.
	p.matrix = container.NewVBox()
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.summary.TextStyle.Bold = true
	p.indLabel = widget.NewLabel("点选矩阵中的单元格，查看该指标各候选与全省值的条形图。")
	p.indLabel.Wrapping = fyne.TextWrapBreak
	p.indChart = canvas.NewImageFromImage(nil)
	p.indChart.FillMode = canvas.ImageFillContain
	p.indChart.SetMinSize(fyne.NewSize(675, 180))
	p.indChart.Hide()

	// Weights.
	grid := container.NewGridWithColumns(6, boldLabel("指标"), boldLabel("权重（输入）"), boldLabel("归一化后权重"),
		boldLabel("归一化范围（最小～最大）"), boldLabel("稳健性下限"), boldLabel("稳健性上限"))
	for _, in := range m.Indicators {
		name := widget.NewLabel(in.Label)
		name.Truncation = fyne.TextTruncateEllipsis
		w := widget.NewEntry()
		w.SetPlaceHolder("等权")
		w.OnChanged = func(string) { p.inputsChanged(false) }
		lo, hi := widget.NewEntry(), widget.NewEntry()
		lo.SetPlaceHolder("0")
		hi.SetPlaceHolder("1")
		lo.OnChanged = func(string) { p.inputsChanged(true) }
		hi.OnChanged = func(string) { p.inputsChanged(true) }
		norm, rg := widget.NewLabel(""), widget.NewLabel("")
		rg.Truncation = fyne.TextTruncateEllipsis
		p.weightIn, p.minIn, p.maxIn = append(p.weightIn, w), append(p.minIn, lo), append(p.maxIn, hi)
		p.normOut, p.rangeOut = append(p.normOut, norm), append(p.rangeOut, rg)
		grid.Add(name)
		grid.Add(w)
		grid.Add(norm)
		grid.Add(rg)
		grid.Add(lo)
		grid.Add(hi)
	}
	p.inputErr = newErrorLabel()
	equal := widget.NewButtonWithIcon("恢复等权", theme.ViewRefreshIcon(), func() {
		p.loading = true
		for _, e := range p.weightIn {
			e.SetText("")
		}
		p.loading = false
		p.inputsChanged(false)
	})
	p.method = widget.NewLabel("")
	p.method.Wrapping = fyne.TextWrapBreak
	p.scores = container.NewVBox()
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapBreak

	// Robustness.
	p.samplesIn = widget.NewEntry()
	p.samplesIn.SetText(strconv.Itoa(rank.DefaultSamples))
	p.seedIn = widget.NewEntry()
	p.seedIn.SetText("1")
	p.runBtn = widget.NewButtonWithIcon("稳健性分析", theme.MediaPlayIcon(), p.runRobustness)
	p.runBtn.Importance = widget.HighImportance
	p.cancelBtn = widget.NewButtonWithIcon("取消", theme.CancelIcon(), p.stop)
	p.cancelBtn.Disable()
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.robStatus = widget.NewLabel("尚未运行稳健性分析。")
	p.robStatus.Wrapping = fyne.TextWrapBreak
	p.accGrid = container.NewVBox()
	p.accChart = canvas.NewImageFromImage(nil)
	p.accChart.FillMode = canvas.ImageFillContain
	p.accChart.SetMinSize(fyne.NewSize(675, 180))
	p.accChart.Hide()
	p.central = widget.NewLabel("")
	p.central.Wrapping = fyne.TextWrapBreak
	p.stability = widget.NewLabel("")
	p.stability.Wrapping = fyne.TextWrapBreak

	// Choice.
	p.choice = widget.NewRadioGroup(nil, func(string) {
		if !p.loading {
			p.choiceDirty = true
			p.showReasonOfSelected()
		}
		p.updateChooseNote()
	})
	p.chosenBox = container.NewVBox()
	p.chosenBox.Hide()
	p.excludedOpt = container.NewVBox()
	p.reason = widget.NewMultiLineEntry()
	p.reason.SetMinRowsVisible(4)
	p.reason.Wrapping = fyne.TextWrapBreak
	p.reason.SetPlaceHolder("推荐理由：说明为什么推荐该市（州），如综合得分、稳健性、基本条件的符合情况")
	p.reason.OnChanged = func(string) {
		if !p.loading {
			p.reasonDirty = true
		}
	}
	p.chooseBtn = widget.NewButtonWithIcon("确定推荐", theme.ConfirmIcon(), p.choose)
	p.chooseBtn.Importance = widget.HighImportance
	p.leaderBtn = widget.NewButtonWithIcon("", theme.ConfirmIcon(), p.chooseLeader)
	p.leaderRow = container.NewHBox(p.leaderBtn)
	p.leaderRow.Hide()
	p.chooseNote = widget.NewLabel("")
	p.chooseNote.Wrapping = fyne.TextWrapBreak

	// Top-down (issue 14 point 9): the answer and the choice first, the analysis that
	// supports it below.
	body := container.NewVBox(
		boldLabel(m.Name),
		p.status,
		container.NewHBox(widget.NewLabel("比较年份："), p.yearRadio),
		p.excluded,
		boldLabel("一、推荐选择"),
		p.summary,
		p.leaderRow,
		p.choice,
		p.excludedOpt,
		p.reason,
		container.NewHBox(p.chooseBtn),
		p.chooseNote,
		p.chosenBox,
		widget.NewSeparator(),
		boldLabel("二、指标对比"),
		widget.NewLabel("每格：两年的数值，以及比较年份的名次；▲ 优于全省　▼ 差于全省　= 与全省持平；绿色为该项最好，红色为最差；“缺失”为未填数据（不按 0 计）。点选一格可看该指标的条形图。"),
		p.matrix,
		p.indLabel,
		p.indChart,
		widget.NewSeparator(),
		boldLabel("三、权重与综合得分"),
		widget.NewLabel("综合得分把各项指标换算到 0～1（该项最好的候选为 1，最差为 0）后按权重相加；不填权重即各项同等重要。"),
		grid,
		container.NewHBox(equal),
		p.inputErr,
		p.method,
		p.scores,
		p.notes,
		widget.NewSeparator(),
		boldLabel("四、稳健性分析（结论是否依赖权重）"),
		widget.NewLabel("随机试验数千种不同的权重组合（每项权重可在下限和上限之间取值），统计每个候选排第一的比例：比例越高，推荐结论越不取决于权重怎么定。“随机种子”是试验的编号，填同一编号可重现同一结果。"),
		container.NewGridWithColumns(4, widget.NewLabel("试验次数"), p.samplesIn, widget.NewLabel("随机种子（编号）"), p.seedIn),
		container.NewHBox(p.runBtn, p.cancelBtn),
		p.progress,
		p.robStatus,
		p.accGrid,
		p.accChart,
		p.central,
		boldLabel("权重稳定区间（单个指标权重在区间内变化、其余按比例缩放时，综合得分第一名不变）"),
		p.stability,
	)
	for _, o := range body.Objects {
		if l, ok := o.(*widget.Label); ok && !l.TextStyle.Bold {
			l.Wrapping = fyne.TextWrapWord
		}
	}
	p.tab = container.NewTabItem(m.Short, container.NewScroll(container.NewPadded(body)))
	return p
}

func (p *comparePanel) env() *Env { return p.s.env }

// refresh recomputes from the case (after any change) and prefills from the stored
// decision record once.
func (p *comparePanel) refresh() {
	c := p.env().Case
	ch, chosen := c.Choice(p.m.ID)
	if sel := p.storedChoice(); sel.UnitCode != "" {
		ch = sel // with several units chosen: the one selected
	}
	if !p.prefilled && chosen && ch.Decision != "" {
		if r, err := forms.ParseDecisionRecord(ch.Decision); err == nil && r.Measure == p.m.ID {
			p.prefill(r)
		}
	}
	p.prefilled = true
	p.loading = true
	if !p.reasonDirty {
		p.reason.SetText(ch.Reason)
	}
	p.loading = false
	p.recompute(false)
	if !p.choiceDirty {
		p.loading = true
		p.choice.SetSelected(p.optionOf(ch.UnitCode))
		p.loading = false
	}
	p.refreshChosenBox()
	p.updateChooseNote()
}

func (p *comparePanel) prefill(r forms.DecisionRecord) {
	p.loading = true
	defer func() { p.loading = false }()
	if r.Year == p.years[0] || r.Year == p.years[1] {
		p.yearRadio.SetSelected(strconv.Itoa(r.Year) + " 年")
	}
	w := r.InputWeights()
	for j, in := range p.m.Indicators {
		if w != nil {
			p.weightIn[j].SetText(compareFmt(w[in.ID]))
		}
		if b, ok := r.Bounds[in.ID]; ok {
			p.minIn[j].SetText(compareFmt(b[0]))
			p.maxIn[j].SetText(compareFmt(b[1]))
		}
	}
	if r.SMAA != nil {
		p.samplesIn.SetText(strconv.Itoa(r.SMAA.Samples))
		p.seedIn.SetText(strconv.FormatUint(r.SMAA.Seed, 10))
	}
}

func compareFmt(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (p *comparePanel) year() int {
	if strings.HasPrefix(p.yearRadio.Selected, strconv.Itoa(p.years[0])) {
		return p.years[0]
	}
	return p.years[1]
}

// inputs reads the weights and bounds; an error names the indicator.
func (p *comparePanel) inputs() (map[string]float64, map[string][2]float64, error) {
	var w map[string]float64
	var b map[string][2]float64
	typed := false
	for _, e := range p.weightIn {
		typed = typed || strings.TrimSpace(e.Text) != ""
	}
	for j, in := range p.m.Indicators {
		if typed {
			if w == nil {
				w = map[string]float64{}
			}
			v := 0.0
			if t := strings.TrimSpace(p.weightIn[j].Text); t != "" {
				f, err := forms.ParseWeight("“"+in.Label+"”", t)
				if err != nil {
					return nil, nil, fmt.Errorf("%w（留空表示 0；全部留空为等权）", err)
				}
				v = f
			}
			w[in.ID] = v
		}
		lo, hi := strings.TrimSpace(p.minIn[j].Text), strings.TrimSpace(p.maxIn[j].Text)
		if lo == "" && hi == "" {
			continue
		}
		bd, err := forms.ParseBound("“"+in.Label+"”", lo, hi)
		if err != nil {
			return nil, nil, err
		}
		if b == nil {
			b = map[string][2]float64{}
		}
		b[in.ID] = bd
	}
	return w, b, nil
}

// inputsChanged recomputes after an edit; robust is true when the edit changes the
// SMAA inputs (year, bounds), which makes an earlier robustness result stale.
func (p *comparePanel) inputsChanged(robust bool) {
	if p.loading || p.env().Case == nil {
		return
	}
	p.recompute(robust)
}

func (p *comparePanel) recompute(robust bool) {
	c := p.env().Case
	w, b, err := p.inputs()
	if err == nil {
		var cmp forms.Comparison
		cmp, err = forms.ComparisonFor(c, p.m.ID, p.year(), w, b, p.now())
		if err == nil || errors.Is(err, forms.ErrNoEligible) {
			if robust || cmp.Digest != p.cmp.Digest {
				p.gen++
				p.clearRobustness()
			}
			p.cmp = cmp
		}
	}
	p.cmpErr = err
	p.inputErr.SetText("")
	if err != nil && !errors.Is(err, forms.ErrNoEligible) {
		p.inputErr.SetText(err.Error())
	}
	p.show()
}

func (p *comparePanel) now() time.Time {
	if p.env().Now != nil {
		return p.env().Now()
	}
	return time.Now()
}

// show puts the current comparison on screen.
func (p *comparePanel) show() {
	cmp := &p.cmp
	n := len(p.m.Indicators)
	p.excluded.Objects = nil
	for _, e := range cmp.Excluded {
		l := widget.NewLabel(fmt.Sprintf("不参与比选：%s —— %s", e.Unit.Name, strings.Join(e.Reasons, "；")))
		l.Wrapping = fyne.TextWrapBreak
		l.Importance = widget.WarningImportance
		p.excluded.Add(l)
	}
	for _, cand := range cmp.Candidates {
		for _, x := range p.env().Case.CommendationsOf(cand.Code) {
			l := widget.NewLabel("办法第十一条（评审加分）：" + documents.CommendationText(cand.Name, x))
			l.Wrapping = fyne.TextWrapBreak
			l.Importance = widget.SuccessImportance
			p.excluded.Add(l)
		}
	}
	p.excluded.Refresh()
	computed := len(cmp.Candidates) > 0 && len(cmp.Scores.Score) == len(cmp.Candidates)
	switch {
	case p.cmpErr != nil && errors.Is(p.cmpErr, forms.ErrNoEligible):
		p.status.SetText(p.cmpErr.Error())
	case p.cmpErr != nil:
		p.status.SetText("输入有误，显示的是上一次有效的结果。")
	default:
		p.status.SetText(fmt.Sprintf("候选 %d 个参与比选（比较 %d 年的指标）。数据校验码 %s：比选所依据的数据一有改动即变化，决策记录和比选报告中的校验码与此相同，即说明依据的是同一份数据。", len(cmp.Candidates), cmp.Year, shortDigest(cmp.Digest)))
	}
	p.buildMatrix()
	p.summary.SetText(p.summaryText())
	p.refreshLeaderButton(computed)
	if !computed {
		p.scores.Objects = nil
		p.scores.Refresh()
		p.method.SetText("")
		p.notes.SetText("")
		p.stability.SetText("")
		p.runBtn.Disable()
		p.chooseBtn.Disable()
		p.refreshChoices()
		return
	}
	p.runBtn.Enable()
	p.chooseBtn.Enable()
	s := cmp.Scores
	for j := 0; j < n; j++ {
		p.normOut[j].SetText(fmt.Sprintf("%.4f", s.Weights[j]))
		rg := s.Ranges[j]
		t := fmt.Sprintf("%s～%s", compareNum(rg.Min), compareNum(rg.Max))
		if rg.Constant {
			t = "不区分候选（各计 0.5）"
		}
		p.rangeOut[j].SetText(t)
	}
	wt := "权重：按输入值除以其总和归一化（总和为 1）。"
	if s.Defaulted {
		wt = "权重：未设置，各指标等权（各 " + fmt.Sprintf("%.4f", 1/float64(n)) + "）。"
	}
	p.method.SetText("归一化方法：" + s.Method + "\n缺失值规则：" + s.MissingRule + "\n" + cmp.PairRule + "\n" + wt)
	p.scores.Objects = []fyne.CanvasObject{container.NewGridWithColumns(4, boldLabel("名次"), boldLabel("市（州）"), boldLabel("综合得分"), boldLabel("缺失指标"))}
	for _, i := range s.Order {
		miss := 0
		for _, x := range s.Missing[i] {
			if x {
				miss++
			}
		}
		row := container.NewGridWithColumns(4, widget.NewLabel(strconv.Itoa(s.Rank[i])), widget.NewLabel(cmp.Candidates[i].Name),
			widget.NewLabel(fmt.Sprintf("%.4f", s.Score[i])), widget.NewLabel(strconv.Itoa(miss)))
		p.scores.Add(row)
	}
	p.scores.Refresh()
	p.notes.SetText(strings.Join(s.Messages, "\n"))
	var st []string
	for _, iv := range cmp.Stability {
		st = append(st, iv.Text)
	}
	p.stability.SetText(strings.Join(st, "\n"))
	if p.selected >= 0 && p.chartKey != fmt.Sprint(cmp.Digest, p.selected) {
		p.selectIndicator(p.selected)
	}
	p.refreshChoices()
}

// Unsaved names the measures whose choice was changed but not confirmed (确定推荐).
func (s *compareScreen) Unsaved() string {
	var ms []string
	for _, p := range s.panels {
		if p.unsaved() {
			ms = append(ms, p.m.Short)
		}
	}
	if len(ms) == 0 {
		return ""
	}
	return "比选：" + strings.Join(ms, "、") + "的推荐选择或推荐理由有未保存的修改（尚未“确定推荐”）"
}

// Save confirms the changed choices (确定推荐), stopping at the first refusal.
func (s *compareScreen) Save() error {
	for _, p := range s.panels {
		if !p.unsaved() {
			continue
		}
		if err := p.save(); err != nil {
			if s.tabs != nil {
				s.tabs.Select(p.tab)
			}
			return fmt.Errorf("比选：推荐选择未保存：%w", err)
		}
	}
	return nil
}

// Discard shows the stored choices again.
func (s *compareScreen) Discard() {
	for _, p := range s.panels {
		p.discard()
	}
}
