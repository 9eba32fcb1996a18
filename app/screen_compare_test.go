package app

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// newCmpHarness is a testEnv showing the compare screen in a 1200×900 window;
// prepare changes the demo store first.
func newCmpHarness(t *testing.T, prepare func(*store.Store)) *testEnv {
	t.Helper()
	h := newTestEnv(t, envConfig{step: forms.StepCompare, prepare: prepare})
	h.win.Resize(fyne.NewSize(1200, 900))
	return h
}

// compare is the compare screen in the window.
func (h *testEnv) compare() *compareScreen { return h.screen.(*compareScreen) }

func (h *testEnv) panel(m forms.MeasureID) *comparePanel {
	for _, p := range h.compare().panels {
		if p.m.ID == m {
			return p
		}
	}
	h.t.Fatalf("no panel for %s", m)
	return nil
}

// run taps 稳健性分析 and waits for the analysis to end.
func (h *testEnv) run(p *comparePanel, cancel bool) {
	h.t.Helper()
	done := make(chan struct{}, 1)
	p.robDone = func() { done <- struct{}{} }
	if cancel {
		h.async(func() {
			test.Tap(p.runBtn)
			test.Tap(p.cancelBtn)
		})
	} else {
		test.Tap(p.runBtn)
	}
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		h.t.Fatal("robustness analysis did not end")
	}
	p.robDone = nil
}

func TestCompareScreenMatrixWeightsRobustnessChoice(t *testing.T) {
	// 潍坊's 2021 规上增加值增速 is missing (with a remark).
	h := newCmpHarness(t, func(s *store.Store) {
		if err := s.Update("缺失", func(tx *store.Tx) error {
			return tx.SetFigure(store.FigureInput{FigureKey: forms.FigureKey{UnitCode: "370700", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021},
				Text: "", Remark: "统计口径调整，暂无数据"})
		}); err != nil {
			t.Fatal(err)
		}
	})
	p := h.panel(forms.Industry)
	if len(p.cmp.Candidates) != 4 || len(p.cmp.Excluded) != 1 {
		t.Fatalf("candidates %d excluded %d", len(p.cmp.Candidates), len(p.cmp.Excluded))
	}
	// Matrix: province row, missing shown as 缺失, best/worst marked.
	if l1, l2, _ := p.cellText(0, 0); !strings.Contains(l1, "21年 4.8") || l2 != "全省值" {
		t.Errorf("province cell %q %q", l1, l2)
	}
	wf := p.cmp.Index("370700") + 1
	if l1, l2, mark := p.cellText(wf, 0); !strings.Contains(l1, "21年 缺失") || !strings.Contains(l2, "缺失，不排名") || mark != 0 {
		t.Errorf("missing cell %q %q %d", l1, l2, mark)
	}
	jn := p.cmp.Index("370100") + 1
	if _, l2, mark := p.cellText(jn, 0); !strings.Contains(l2, "第 1") || !strings.Contains(l2, "▲高于全省") || !strings.Contains(l2, "最好") || mark != 1 {
		t.Errorf("best cell %q %d", l2, mark)
	}
	shown := h.labels()
	for _, want := range []string{"全省", "综合得分", "不参与比选：淄博市", "缺失"} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	if !strings.Contains(p.method.Text, "min-max") || !strings.Contains(p.method.Text, "各指标等权") || !strings.Contains(p.notes.Text, "潍坊市") {
		t.Errorf("method %q notes %q", p.method.Text, p.notes.Text)
	}
	// Indicator chart on selecting a cell.
	test.Tap(p.cells[[2]int{1, 1}])
	if !p.indChart.Visible() || p.indChart.Image == nil || !strings.Contains(p.indLabel.Text, "制造业增加值") {
		t.Errorf("indicator chart not shown: %q", p.indLabel.Text)
	}
	test.Tap(p.cells[[2]int{2, 0}])
	if !strings.Contains(p.indLabel.Text, "潍坊市 2021 年缺失，备注：统计口径调整") {
		t.Errorf("missing remark not shown: %q", p.indLabel.Text)
	}

	// Weights: an invalid one is reported, a valid one changes the normalized weights.
	p.weightIn[0].SetText("x")
	if p.inputErr.Text == "" {
		t.Error("invalid weight not reported")
	}
	p.weightIn[0].SetText("5")
	p.weightIn[1].SetText("1")
	if p.inputErr.Text != "" || p.normOut[0].Text != "0.8333" || p.normOut[1].Text != "0.1667" || p.normOut[2].Text != "0.0000" {
		t.Errorf("normalized weights %q %q %q (err %q)", p.normOut[0].Text, p.normOut[1].Text, p.normOut[2].Text, p.inputErr.Text)
	}
	if p.cmp.Scores.Defaulted || math.Abs(p.cmp.Scores.Weights[0]-5.0/6) > 1e-12 {
		t.Errorf("weights %v", p.cmp.Scores.Weights)
	}

	// Robustness: cancel a long run, then a short seeded run.
	p.samplesIn.SetText("5000000")
	h.run(p, true)
	if !strings.Contains(p.robStatus.Text, "取消") || p.rob != nil {
		t.Errorf("after cancel: %q", p.robStatus.Text)
	}
	p.samplesIn.SetText("2000")
	p.seedIn.SetText("3")
	h.run(p, false)
	if p.rob == nil || p.rob.SMAA.Samples != 2000 || p.rob.SMAA.Seed != 3 || !p.accChart.Visible() || len(p.accGrid.Objects) != 5 {
		t.Fatalf("robustness not shown: %q", p.robStatus.Text)
	}
	if !strings.Contains(p.central.Text, "中心权重") || !strings.Contains(p.stability.Text, "第一名仍为") {
		t.Errorf("central %q stability %q", p.central.Text, p.stability.Text)
	}

	// Choice: the excluded 淄博 is offered disabled with its reason; no reason → error.
	if len(p.excludedOpt.Objects) != 1 {
		t.Errorf("excluded options %d", len(p.excludedOpt.Objects))
	}
	for _, o := range p.choice.Options {
		if o == "淄博市" {
			t.Error("excluded 淄博市 can be chosen")
		}
	}
	p.choice.SetSelected("济南市")
	p.reason.SetText("")
	test.Tap(p.chooseBtn)
	if len(h.errs) != 1 || !strings.Contains(h.errs[0].Error(), "推荐理由") {
		t.Fatalf("errors %v", h.errs)
	}
	h.errs = nil
	p.reason.SetText("济南市增加值增速领先，稳健性分析中排第一的比例最高。")
	test.Tap(p.chooseBtn)
	if len(h.errs) != 0 {
		t.Fatalf("choose: %v", h.errs)
	}

	// The store holds the choice and the decision record (read back from the file).
	c := h.stored()
	ch, ok := c.Choice(forms.Industry)
	if !ok || ch.UnitCode != "370100" || !strings.HasPrefix(ch.Reason, "济南市增加值") {
		t.Fatalf("stored choice %+v", ch)
	}
	rec, err := forms.ParseDecisionRecord(ch.Decision)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Chosen != "370100" || rec.SMAA == nil || rec.SMAA.Seed != 3 || rec.SMAA.Samples != 2000 || math.Abs(rec.Weights["ind.va_growth"]-5.0/6) > 1e-12 ||
		rec.EqualWeights || !rec.At.Equal(testNow) || rec.InputsDigest != p.cmp.Digest {
		t.Errorf("record %+v", rec)
	}
	for _, w := range forms.DecisionWarnings(c, testNow) {
		if w.Measure == forms.Industry {
			t.Errorf("warning after choosing: %s", w.Message)
		}
	}
	rows, err := h.store.Audit(store.AuditFilter{Field: "决策记录"})
	if err != nil || len(rows) == 0 {
		t.Errorf("no audit of the decision record: %v", err)
	}
	if !strings.Contains(p.chooseNote.Text, "当前推荐：济南市") {
		t.Errorf("note %q", p.chooseNote.Text)
	}

	// A new screen prefills weights, seed and samples from the stored record.
	h.showScreen(forms.StepCompare)
	q := h.panel(forms.Industry)
	if q.weightIn[0].Text == "" || q.seedIn.Text != "3" || q.samplesIn.Text != "2000" || math.Abs(q.cmp.Scores.Weights[0]-5.0/6) > 1e-12 {
		t.Errorf("prefill: w %q seed %q samples %q", q.weightIn[0].Text, q.seedIn.Text, q.samplesIn.Text)
	}
	if q.choice.Selected != "济南市" || !strings.HasPrefix(q.reason.Text, "济南市增加值") {
		t.Errorf("choice %q reason %q", q.choice.Selected, q.reason.Text)
	}
	if !h.screen.Focus("reason:digital") || h.compare().tabs.Selected() != h.panel(forms.Digital).tab {
		t.Error("Focus(reason:digital) did not show the digital tab")
	}
	if h.screen.Focus("figure:370100/industry/ind.va_growth/2021") {
		t.Error("Focus accepted a field of another screen")
	}
}

func TestCompareScreenBoundsAndYear(t *testing.T) {
	h := newCmpHarness(t, nil)
	p := h.panel(forms.Digital)
	p.minIn[0].SetText("0.5")
	p.maxIn[0].SetText("0.2")
	if p.inputErr.Text == "" {
		t.Error("min > max accepted")
	}
	p.maxIn[0].SetText("0.9")
	if p.inputErr.Text != "" || p.cmp.Bounds["dig.gigabit"] != [2]float64{0.5, 0.9} {
		t.Errorf("bounds %v err %q", p.cmp.Bounds, p.inputErr.Text)
	}
	p.samplesIn.SetText("500")
	h.run(p, false)
	if p.rob == nil || p.rob.SMAA.MinWeight[0] != 0.5 {
		t.Fatalf("bounded run: %q", p.robStatus.Text)
	}
	// Changing the year makes the result stale.
	p.yearRadio.SetSelected("2020 年")
	if p.cmp.Year != 2020 || p.rob != nil {
		t.Errorf("year %d, rob %v", p.cmp.Year, p.rob != nil)
	}
	if len(h.errs) != 0 {
		t.Errorf("errors %v", h.errs)
	}
}

// Issue 14 point 9: 比选 reads top-down — the answer and the choice above the
// analysis — and the mouse wheel over the matrix scrolls the page (no inner table
// takes it); the words are plain (no 单纯形, no bare digest).
func TestCompareReadsTopDownAndWheelScrollsThePage(t *testing.T) {
	h := newCmpHarness(t, nil)
	p := h.panel(forms.Industry)
	page := p.tab.Content.(*container.Scroll)
	body := page.Content.(*fyne.Container).Objects[0].(*fyne.Container)
	pos := func(o fyne.CanvasObject) int {
		for i, x := range body.Objects {
			if x == o {
				return i
			}
		}
		t.Fatalf("%T not in the page", o)
		return -1
	}
	if !(pos(p.summary) < pos(p.choice) && pos(p.choice) < pos(p.reason) && pos(p.reason) < pos(p.matrix)) {
		t.Errorf("order: summary %d choice %d reason %d matrix %d", pos(p.summary), pos(p.choice), pos(p.reason), pos(p.matrix))
	}
	if !strings.HasPrefix(p.summary.Text, "综合得分第一：") || !strings.Contains(p.summary.Text, "当前推荐：") {
		t.Errorf("summary %q", p.summary.Text)
	}
	tables := 0
	walkObjects(t, p.tab.Content, func(o fyne.CanvasObject) {
		if _, ok := o.(*widget.Table); ok {
			tables++
		}
	})
	if tables != 0 {
		t.Errorf("%d inner tables would take the mouse wheel", tables)
	}
	for _, bad := range []string{"单纯形", "数据摘要"} {
		if showsText(t, p.tab.Content, bad) {
			t.Errorf("jargon %q on the page", bad)
		}
	}
	// Wheel over a matrix cell: the page moves.
	cell := p.cells[[2]int{1, 2}]
	page.ScrollToOffset(fyne.NewPos(0, 0))
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(cell)
	for at.Y > h.win.Canvas().Size().Height-20 {
		page.ScrollToOffset(fyne.NewPos(0, page.Offset.Y+200))
		at = fyne.CurrentApp().Driver().AbsolutePositionForObject(cell)
	}
	before := page.Offset.Y
	test.Scroll(h.win.Canvas(), at.Add(fyne.NewPos(10, 10)), 0, -120)
	if page.Offset.Y <= before {
		t.Errorf("wheel over the matrix did not scroll the page (offset %v → %v)", before, page.Offset.Y)
	}
}

// Issue 14: the leader is recommended in one click, with the reason the comparison
// states; a reason the officer typed is kept. 内蒙古, two and one candidates.
func TestCompareRecommendLeaderInOneClick(t *testing.T) {
	h := newProvinceShell(t, "150000", map[forms.MeasureID][]string{forms.Industry: {"150100", "150600"}, forms.Digital: {"150600"}})
	h.sh.Show(forms.StepCompare, "")
	s := h.sh.Screen(forms.StepCompare).(*compareScreen)
	for i, p := range s.panels {
		s.tabs.Select(p.tab)
		if !p.leaderRow.Visible() {
			t.Fatalf("%s: no button for the leader", p.m.Short)
		}
		lead := p.cmp.Leader()
		if !strings.Contains(p.leaderBtn.Text, lead.Name) {
			t.Errorf("button %q does not name %s", p.leaderBtn.Text, lead.Name)
		}
		typed := ""
		if i == 1 {
			typed = "唯一候选，数字化成效明显。"
			h.typeInto(p.reason, typed)
		}
		test.Tap(p.leaderBtn)
		ch, ok := h.caseNow().Choice(p.m.ID)
		if !ok || ch.UnitCode != lead.Code {
			t.Fatalf("%s: choice %+v, want %s", p.m.Short, ch, lead.Code)
		}
		want := p.cmp.LeaderReason()
		if typed != "" {
			want = typed
		}
		if ch.Reason != want || ch.Decision == "" {
			t.Errorf("%s: reason %q, want %q (decision record %d bytes)", p.m.Short, ch.Reason, want, len(ch.Decision))
		}
		if p.leaderRow.Visible() {
			t.Errorf("%s: the button still offers the city already recommended", p.m.Short)
		}
	}
	if c := h.caseNow(); len(c.Choices) != 2 {
		t.Fatalf("choices %+v", c.Choices)
	}
}
