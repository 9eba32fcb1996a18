package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

func TestExportPreflightLinks(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepExport})
	s := h.screen.(*exportScreen)
	if !strings.HasPrefix(s.summary.Text, "检查通过") {
		t.Fatalf("demo case: %q", s.summary.Text)
	}
	// Break the case: the government said no, and one clause is not met.
	err := h.store.Update("测试", func(tx *store.Tx) error {
		a := h.env.Case.Approval(forms.Industry)
		a.Government = forms.ConsentNo
		if err := tx.SetApproval(a); err != nil {
			return err
		}
		return tx.SetAssessment(forms.Assessment{UnitCode: "370200", Measure: forms.Industry, Clause: "3", Verdict: forms.VerdictNotMet})
	})
	if err != nil {
		t.Fatal(err)
	}
	h.reload()
	if s.summary.Text != "1 个问题阻断报送，2 条提示：请逐项处理后再导出。" {
		t.Fatalf("summary %q", s.summary.Text)
	}
	// Within the industry group the blocker comes before the warning.
	var order []string
	for _, o := range s.list.Objects {
		if c, ok := o.(*fyne.Container); ok {
			order = append(order, c.Objects[1].(*widget.Label).Text+c.Objects[0].(*widget.Label).Text) // Border: centre first
		}
	}
	if len(order) != 3 || !strings.HasPrefix(order[0], "【提示】当前为演示数据") || !strings.HasPrefix(order[1], "【阻断】工业稳增长：推荐结果须报经省级人民政府") ||
		!strings.HasPrefix(order[2], "【提示】工业稳增长：青岛市 评估为不符合第六条（三）") {
		t.Fatalf("order: %q", order)
	}
	test.Tap(h.button("去“报批”处理"))
	test.Tap(h.button("去“基本条件”处理"))
	want := []shownStep{{forms.StepApprovals, "approval.gov:industry"}, {forms.StepCriteria, "assessment:370200/industry/3"}}
	if len(h.shown) != 2 || h.shown[0] != want[0] || h.shown[1] != want[1] {
		t.Fatalf("Show calls %+v, want %+v", h.shown, want)
	}
	if !strings.Contains(h.texts(), "信息基础设施") || !strings.Contains(h.texts(), "建设信息基础设施和推进产业数字化成效明显市（州）：无问题") {
		t.Errorf("digital group not reported clean:\n%s", h.texts())
	}
}

// A letter that cannot fit one page is warned on 导出, from a layout check that runs off
// the UI goroutine; a check that ends after a newer Refresh is dropped.
func TestExportLayoutWarningFromBackground(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepExport})
	s := h.screen.(*exportScreen)
	var pending []func()
	inBackground = func(work, done func()) { pending = append(pending, func() { work(); done() }) }

	h.env.Case.Settings.Contact = strings.Repeat("张三、", 20) + "李四"
	h.env.Case.Settings.Phone = strings.Repeat("0531-86000001、", 6) + "传真0531-86000002"
	s.Refresh()
	if strings.Contains(h.texts(), "一页排不下") || len(pending) != 1 {
		t.Fatalf("layout warning shown before its check ran (%d checks pending)", len(pending))
	}
	stale := pending[0]
	s.Refresh() // e.g. 重新检查 while the first check runs
	stale()
	if strings.Contains(h.texts(), "一页排不下") {
		t.Fatal("a check of an older Refresh changed the list")
	}
	pending[1]()
	if !strings.Contains(h.texts(), "推荐函一页排不下") {
		t.Fatalf("no layout warning after the check:\n%s", h.texts())
	}
	if !strings.HasPrefix(s.summary.Text, "检查通过") || !strings.Contains(s.summary.Text, "提示") {
		t.Errorf("summary %q", s.summary.Text)
	}
}
