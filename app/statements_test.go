package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/oplog"
	"tuijian/data/store"
	"tuijian/forms"
)

// 通知 五: a consent is for a city. After the 比选 switches the city, 报批 shows the
// pre-flight's “省政府同意的是青岛市，现推荐济南市，请重新报批”; entering the new consent
// clears it. Each letter has its own 发文字号 (a second letter with the same is refused).
func TestApprovalsFollowTheChosenCity(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepApprovals, prepare: func(s *store.Store) {
		if err := s.Update("改选", func(t *store.Tx) error {
			return t.Choose(forms.Choice{Measure: forms.Industry, UnitCode: "370100", Reason: "改选"}, testNow)
		}); err != nil {
			t.Fatal(err)
		}
	}})
	s := h.screen.(*approvalsScreen)
	p := s.panels[0]
	if !p.checks.Visible() || !strings.Contains(p.checks.Text, "省政府同意的是青岛市，现推荐济南市，请重新报批") {
		t.Fatalf("stale consent not shown: %q", p.checks.Text)
	}
	if !strings.Contains(p.chosen.Text, "济南市") {
		t.Errorf("the chosen city is not named: %q", p.chosen.Text)
	}
	h.replaceIn(p.govDoc, "鲁政演字〔2022〕11号")
	h.replaceIn(p.govDate, "2022-02-09")
	if a := h.stored().Approval(forms.Industry); a.GovUnit != "370100" || a.GovDocNo != "鲁政演字〔2022〕11号" {
		t.Fatalf("new consent not recorded for 济南: %+v", a)
	}
	if strings.Contains(p.checks.Text, "请重新报批") {
		t.Errorf("still stale after the new consent: %q", p.checks.Text)
	}
	// One 发文字号 per letter.
	other := s.panels[1]
	h.replaceIn(other.letter, p.letter.Text)
	if !other.msg.Visible() || !strings.Contains(other.msg.Text, "已用于工业稳增长") {
		t.Errorf("a shared letter number is not refused: %q", other.msg.Text)
	}
	if a := h.stored().Approval(forms.Digital); a.LetterNo == p.letter.Text {
		t.Error("the shared letter number was written")
	}
}

// 办法 第六/七条（六）: the screening is recorded on 负面情况; until then the pre-flight
// blocks and the documents say nothing of “经核查”.
func TestEventsScreeningCard(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepEvents, prepare: func(s *store.Store) {
		if err := s.Update("删除核查", func(t *store.Tx) error { return t.DeleteScreening("370100") }); err != nil {
			t.Fatal(err)
		}
	}})
	s := h.screen.(*eventsScreen)
	if !s.Focus("screening:370100") || s.unit != "370100" {
		t.Fatalf("the pre-flight link does not select 济南: %q", s.unit)
	}
	k := s.screening
	if !strings.Contains(k.status.Text, "尚未记录核查") {
		t.Errorf("status: %q", k.status.Text)
	}
	// The contact of 设置 is offered as the checker; offered is not unsaved.
	if want := h.stored().Settings.Contact; want == "" || k.checker.Text != want || s.Unsaved() != "" {
		t.Errorf("checker %q (contact %q), unsaved %q", k.checker.Text, want, s.Unsaved())
	}
	k.checker.SetText("")
	test.Type(k.checker, "规划处 李四")
	if !strings.Contains(s.Unsaved(), "核查记录有未保存的修改") {
		t.Errorf("unsaved screening not reported: %q", s.Unsaved())
	}
	test.Tap(k.save)
	if !k.errs.Visible() || !strings.Contains(k.errs.Text, "未填写会同核查的部门") {
		t.Fatalf("incomplete screening: %q", k.errs.Text)
	}
	if _, ok := h.stored().Screening("370100"); ok {
		t.Fatal("an incomplete screening was written")
	}
	test.Type(k.departments, "省应急管理厅、省生态环境厅")
	test.Type(k.date, "2022-02-08")
	test.Type(k.basis, "两厅复函")
	test.Tap(k.save)
	if x, ok := h.stored().Screening("370100"); !ok || x.Departments != "省应急管理厅、省生态环境厅" {
		t.Fatalf("screening not stored: %+v", x)
	}
	if s.Unsaved() != "" || !strings.Contains(k.status.Text, "已于 2022-02-08") {
		t.Errorf("after save: unsaved %q, status %q", s.Unsaved(), k.status.Text)
	}
}

// 办法 第十六条 and 第十一条 registers on 候选市（州）.
func TestRegistersDialogs(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepCandidates})
	barsDialog(h.env)
	sel := findSelect(t, h, "选择市（州）或推荐单位")
	sel.SetSelected("淄博市（370300）")
	entries := overlayEntries(h)
	test.Type(entries[0], "2021")
	test.Type(entries[1], "工信厅规函〔2021〕9号")
	test.Type(entries[2], "提供虚假材料")
	test.Tap(h.overlayButton("登记"))
	c := h.stored()
	if len(c.Bars) != 1 || c.Bars[0].UnitCode != "370300" || c.Bars[0].ToYear != 2023 {
		t.Fatalf("bars: %+v", c.Bars)
	}
	if !h.overlayShows("淄博市：2021—2023 年度") {
		t.Error("the new bar is not listed")
	}
	if ex := c.Exclusions(testNow)["370300"]; len(ex) == 0 || !strings.Contains(ex[len(ex)-1].Reason+ex[0].Reason, "第十六条") {
		t.Errorf("a barred city is not excluded: %v", ex)
	}
	h.win.Canvas().Overlays().Top().Hide()

	commendationsDialog(h.env)
	findSelect(t, h, "选择市（州）").SetSelected("青岛市（370200）")
	entries = overlayEntries(h)
	test.Type(entries[0], "国办发〔2021〕49号")
	test.Type(entries[1], "2021-13-01")
	test.Tap(h.overlayButton("登记"))
	if !h.overlayShows("不存在") {
		t.Error("a bad date is not refused with a message")
	}
	entries[1].SetText("2021-07-01")
	test.Tap(h.overlayButton("登记"))
	if n := len(h.stored().CommendationsOf("370200")); n != 2 { // the demo has one
		t.Fatalf("%d commendations of 青岛", n)
	}
}

func findSelect(t *testing.T, h *testEnv, placeholder string) *widget.Select {
	t.Helper()
	var found *widget.Select
	walkObjects(t, h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == placeholder {
			found = s
		}
	})
	if found == nil {
		t.Fatalf("no select %q", placeholder)
	}
	return found
}

func overlayEntries(h *testEnv) []*widget.Entry {
	var out []*widget.Entry
	walkObjects(h.t, h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

// The setup screen fills the department from the table of recommending bodies and
// never keeps another province's (issue 11 point 5).
func TestSetupDepartmentFollowsProvince(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepSetup, empty: true})
	s := h.screen.(*setupScreen)
	s.province.SetSelected("广东省（440000）")
	if s.department.Text != "广东省工业和信息化厅" {
		t.Fatalf("department: %q", s.department.Text)
	}
	s.province.SetSelected("新疆生产建设兵团（660000）")
	if s.department.Text != "新疆生产建设兵团工业和信息化局" {
		t.Fatalf("department after switching: %q", s.department.Text)
	}
}

// 通知 二 “不超过1个”: exporting with a measure left empty asks once, naming what is
// recommended, then goes on to the passphrase form.
func TestExportAsksOnceForAnEmptyMeasure(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepExport, prepare: func(s *store.Store) {
		if err := s.Update("取消", func(t *store.Tx) error { return t.Unchoose(forms.Digital, "") }); err != nil {
			t.Fatal(err)
		}
	}})
	packageExportAction(h.env)
	if len(h.errs) != 0 {
		t.Fatalf("export refused: %v", h.errs)
	}
	if !h.overlayShows("信息基础设施和产业数字化本年度不推荐") || !h.overlayShows("工业稳增长：青岛市") {
		t.Fatal("no confirmation naming the recommended and the empty measure")
	}
	var yes *widget.Button
	walkObjects(t, h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.HighImportance {
			yes = b
		}
	})
	if yes == nil {
		t.Fatal("no confirm button")
	}
	test.Tap(yes)
	if !h.overlayShows("签名口令") && !h.overlayShows("先创建签名密钥") {
		t.Error("confirming does not go on to the export form")
	}
}

// Issue 13 point 3: an error shown to the officer is also kept, with the operator's
// detail, in the log beside the data file, and the dialog names it.
func TestErrorDialogPointsToTheLog(t *testing.T) {
	h := newShellHarness(t, true)
	cause := errors.New("disk I/O error (522)")
	h.sh.showError(oplog.Wrap("报送包无法写入：磁盘出错，请换一个文件夹再试", cause))
	logPath := filepath.Join(h.dir, "case.log")
	b, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "报送包无法写入") || !strings.Contains(string(b), "disk I/O error (522)") {
		t.Errorf("log: %s", b)
	}
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !showsText(t, top, "详细信息已记入日志："+logPath) || showsText(t, top, "522") {
		t.Error("the dialog does not name the log, or shows the operator's detail")
	}
}

// Issue 14 point 2: 负面情况 asks before another city or 新建 replaces an unsaved event.
func TestEventsAskBeforeDiscarding(t *testing.T) {
	h := newShellHarness(t, true)
	h.sh.Show(forms.StepEvents, "")
	s := h.sh.Screen(forms.StepEvents).(*eventsScreen)
	first := s.unit
	test.Type(s.title, "某化工厂泄漏")
	s.unitList.Select(1)
	if !showsText(t, h.win.Canvas().Overlays().Top(), "有未保存的修改") {
		t.Fatal("switching city with an unsaved event does not ask")
	}
	test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "取消"))
	if s.unit != first || s.title.Text != "某化工厂泄漏" {
		t.Fatalf("取消 did not keep the form: unit %s, title %q", s.unit, s.title.Text)
	}
	test.Tap(s.add)
	test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "不保存"))
	if s.title.Text != "" || s.Unsaved() != "" {
		t.Errorf("不保存 did not clear the form: %q", s.title.Text)
	}
	s.unitList.Select(1)
	if s.unit == first {
		t.Error("a clean form does not switch city")
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkObjects(t, o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	return found
}

// Issue 20 point 6: a data file in use by another program offers 重试.
func TestLockedDataFileOffersRetry(t *testing.T) {
	newTestApp(t)
	tried := 0
	c := ErrorContent(fmt.Errorf("%w（x.db）", store.ErrInUse), func() { tried++ }, func() {})
	w := test.NewWindow(c)
	defer w.Close()
	test.Tap(findButton(t, c, "重试"))
	if tried != 1 || !showsText(t, c, "再点“重试”") {
		t.Errorf("retry tapped %d times", tried)
	}
	other := ErrorContent(errors.New("不是 Tuijian 数据文件"), func() {}, func() {})
	var retry bool
	walkObjects(t, other, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "重试" {
			retry = true
		}
	})
	if retry {
		t.Error("重试 offered for a file that is not in use")
	}
}
