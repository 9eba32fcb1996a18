package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"tuijian/data/demo"
	"tuijian/data/store"
	"tuijian/forms"
)

func TestShellFirstRunShowsSetup(t *testing.T) {
	h := newShellHarness(t, false)
	if h.sh.Current() != forms.StepSetup {
		t.Fatalf("first run shows %s, want setup", h.sh.Current())
	}
	// Other steps say to set up first.
	h.sh.Show(forms.StepFigures, "")
	if h.sh.Screen(forms.StepFigures) != nil {
		t.Fatal("figures screen built before set-up")
	}
}

func TestShellPlaceholderForUnregisteredStep(t *testing.T) {
	h := newShellHarness(t, true)
	saved := screenFactories[forms.StepExport]
	delete(screenFactories, forms.StepExport)
	defer func() {
		if saved != nil {
			screenFactories[forms.StepExport] = saved
		}
	}()
	h.sh.Show(forms.StepExport, "")
	if !showsText(t, h.sh.body, "此步骤尚未开放") {
		t.Fatal("no placeholder for a step without a screen")
	}
}

func TestShellDemoBannerAndBadges(t *testing.T) {
	h := newShellHarness(t, true)
	if !h.sh.banner.Visible() {
		t.Fatal("demo banner hidden on demo data")
	}
	if got := h.win.Title(); got == Title || !strings.Contains(got, "演示数据") {
		t.Fatalf("window title %q does not mark the demo", got)
	}
	// The demo passes the pre-flight: setup only warns (演示数据).
	b, c := h.sh.stepBadge(forms.StepSetup)
	if b != "待完善 1" || c != colorWarning {
		t.Fatalf("setup badge %q %s", b, c)
	}
	b, _ = h.sh.stepBadge(forms.StepFigures)
	if b != "完成" {
		t.Fatalf("figures badge %q", b)
	}
}

func TestSetupScreenSavesSettings(t *testing.T) {
	h := newShellHarness(t, false)
	s := h.sh.Screen(forms.StepSetup).(*setupScreen)
	// Saving without a province writes nothing and says so.
	test.Tap(s.save)
	if s.errs.Text == "" {
		t.Fatal("no message without a province")
	}
	if st, _ := h.sh.Store().Settings(); st.ProvinceCode != "" {
		t.Fatal("settings written without a province")
	}
	h.typeInto(s.search, "浙江")
	if s.province.Selected != "浙江省（330000）" {
		t.Fatalf("search selected %q", s.province.Selected)
	}
	h.typeInto(s.department, "浙江省经济和信息化厅")
	h.typeInto(s.contact, "李四")
	h.typeInto(s.phone, "0571-87000000")
	test.Tap(s.save)
	if s.errs.Text != "" {
		t.Fatal(s.errs.Text)
	}
	c := h.caseNow()
	if c.Settings.ProvinceCode != "330000" || c.Settings.Contact != "李四" || c.Settings.Department != "浙江省经济和信息化厅" || c.Settings.Year != 2021 {
		t.Fatalf("stored settings %+v", c.Settings)
	}
	if h.sh.Current() != forms.StepCandidates {
		t.Fatalf("after first set-up shows %s", h.sh.Current())
	}
	if h.sh.banner.Visible() {
		t.Fatal("demo banner on real data")
	}
}

func TestSetupOpenDemo(t *testing.T) {
	h := newShellHarness(t, false)
	s := h.sh.Screen(forms.StepSetup).(*setupScreen)
	test.Tap(s.demo)
	if h.sh.Store().Path() != filepath.Join(h.dir, "demo.db") {
		t.Fatalf("store %s after 打开演示数据", h.sh.Store().Path())
	}
	c := h.caseNow()
	if !c.Settings.Demo || c.Settings.ProvinceCode != demo.Province {
		t.Fatalf("demo settings %+v", c.Settings)
	}
	if !h.sh.banner.Visible() {
		t.Fatal("no demo banner")
	}
}

func TestCandidatesTickWritesStore(t *testing.T) {
	h := newShellHarness(t, true)
	h.sh.Show(forms.StepCandidates, "")
	s := h.sh.Screen(forms.StepCandidates).(*candidatesScreen)
	row := -1
	for i, u := range s.units {
		if u.Code == "370800" { // 济宁市, not a demo candidate
			row = i
		}
	}
	if row < 0 {
		t.Fatal("济宁市 not listed")
	}
	s.table.ScrollTo(cellID(row, candColMeasure0))
	chk := s.checks[cellID(row, candColMeasure0)]
	if chk == nil {
		t.Fatal("no check box rendered for 济宁市")
	}
	test.Tap(chk)
	if !h.caseNow().IsCandidate(forms.Industry, "370800") {
		t.Fatal("tick not stored")
	}
	// The chosen city cannot be unticked: the store refuses and the box stays ticked.
	var chosenRow int
	for i, u := range s.units {
		if u.Code == demo.Candidates[forms.Industry][0] {
			chosenRow = i
		}
	}
	s.table.ScrollTo(cellID(chosenRow, candColMeasure0))
	chk = s.checks[cellID(chosenRow, candColMeasure0)]
	test.Tap(chk)
	if !h.caseNow().IsCandidate(forms.Industry, demo.Candidates[forms.Industry][0]) {
		t.Fatal("chosen city was unticked")
	}
	if !s.checks[cellID(chosenRow, candColMeasure0)].Checked {
		t.Fatal("check box does not show the stored state after a refused change")
	}
}

func TestCandidatesShowExclusion(t *testing.T) {
	h := newShellHarness(t, true)
	h.sh.Show(forms.StepCandidates, "")
	s := h.sh.Screen(forms.StepCandidates).(*candidatesScreen)
	if len(s.excluded) == 0 {
		t.Fatal("the demo has an excluded candidate")
	}
	for i, u := range s.units {
		if len(s.excluded[u.Code]) > 0 {
			s.table.Select(cellID(i, 0))
			if !strings.Contains(s.detail.Text, "不能推荐") {
				t.Fatalf("detail %q", s.detail.Text)
			}
		}
	}
}

// TestShellFits1280x720 checks that every screen of the shell, with its toolbar, fits
// the smallest supported screen, 1280×720 with a 40 px taskbar, less the window's
// frame and title bar (1264×640), for the demo and for a province with long names.
func TestShellFits1280x720(t *testing.T) {
	const w, h = 1280 - 16, 720 - 40 - 40
	for name, sh := range map[string]*shellHarness{
		"demo": newShellHarness(t, true),
		"新疆":   newProvinceShell(t, "650000", map[forms.MeasureID][]string{forms.Digital: {"653000", "652800", "652700"}, forms.Industry: {"650100"}}),
	} {
		for _, step := range forms.Steps {
			sh.sh.Show(step, "")
			if m := sh.sh.Content().MinSize(); m.Width > w || m.Height > h {
				t.Errorf("%s: %s needs %v, more than %d×%d", name, step.Label(), m, w, h)
			}
		}
	}
}

func TestShellShowErrorDialog(t *testing.T) {
	h := newShellHarness(t, true)
	h.sh.Env().ShowError(errors.New("青岛市 2021年“规模以上工业增加值增速（%）”：“abc”不是有效的数字"))
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !showsText(t, top, "不是有效的数字") {
		t.Fatal("no dialog with the message")
	}
}

// Show(step, field) focuses the field once the screen is in the window, also when the
// screen is built by this very call (no retry after the event).
func TestShellShowFocusesField(t *testing.T) {
	h := newShellHarness(t, true)
	env := h.sh.Env()
	env.Show(forms.StepApprovals, "approval.gov_doc:industry")
	a := h.sh.Screen(forms.StepApprovals).(*approvalsScreen)
	var want fyne.Focusable
	for _, p := range a.panels {
		if p.m.ID == forms.Industry {
			want = p.govDoc
		}
	}
	if want == nil || h.focused() != want {
		t.Fatalf("focused %T %p, want the industry 批复文号 entry %p", h.focused(), h.focused(), want)
	}
	env.Show(forms.StepCriteria, "assessment:370600/digital/3")
	cr := h.sh.Screen(forms.StepCriteria).(*criteriaScreen)
	if p := cr.panels[1]; p.m.ID != forms.Digital || h.focused() != fyne.Focusable(p.rows[2].evidence) {
		t.Fatalf("focused %T, want the evidence of 第七条（三）", h.focused())
	}
}

// Closing the window (the close intercept, CloseWindow) saves the entry being typed
// in: a criteria evidence, also under an open dialog, and a figure cell.
func TestShellCloseSavesFocusedEntry(t *testing.T) {
	evidence := func(h *shellHarness) *secEntry {
		h.sh.Show(forms.StepCriteria, "assessment:370600/digital/3")
		e, ok := h.focused().(*secEntry)
		if !ok {
			t.Fatalf("focused %T, want the evidence entry", h.focused())
		}
		return e
	}
	stored := func(h *shellHarness) string {
		if !h.closed {
			t.Error("window not closed")
		}
		for _, a := range h.caseNow().Assessments {
			if a.UnitCode == "370600" && a.Measure == forms.Digital && a.Clause == "3" {
				return a.Evidence
			}
		}
		return ""
	}
	t.Run("criteria", func(t *testing.T) {
		h := newShellHarness(t, true)
		e := evidence(h)
		h.typeInto(e, "关窗前输入的依据")
		h.sh.CloseWindow()
		if got := stored(h); got != "关窗前输入的依据" {
			t.Errorf("stored evidence %q", got)
		}
	})
	t.Run("under a dialog", func(t *testing.T) {
		h := newShellHarness(t, true)
		e := evidence(h)
		h.typeInto(e, "对话框下的依据")
		h.sh.Env().ShowError(errors.New("测试对话框"))
		if h.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no dialog")
		}
		h.sh.CloseWindow()
		if got := stored(h); got != "对话框下的依据" {
			t.Errorf("stored evidence %q", got)
		}
	})
	t.Run("figure cell", func(t *testing.T) {
		h := newShellHarness(t, true)
		_, p := figuresPage(t, h, forms.Industry)
		c, _ := p.cellOf("370600", "ind.va_growth", 2020)
		h.typeCell(p.grid, c, "6.25")
		h.sh.CloseWindow()
		// The figure is 已审核: the change is not applied silently; the close asks.
		top := h.win.Canvas().Overlays().Top()
		if h.closed || top == nil || !showsText(t, top, "有未保存的修改") || !showsText(t, top, "尚未确认") {
			t.Fatalf("closed %v without asking about the verified figure", h.closed)
		}
		k := forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2020}
		if f, _ := h.caseNow().Figure(k); f.Value.A == 6.25 || f.State != forms.Verified {
			t.Fatalf("applied before the answer: %+v", f)
		}
		test.Tap(findButton(t, top, "保存"))
		if f, _ := h.caseNow().Figure(k); f.Value.A != 6.25 || f.State != forms.Unverified || !h.closed {
			t.Errorf("stored %+v %s, closed %v", f.Value, f.State, h.closed)
		}
	})
}

// chosen: a dialog's error is shown, a cancel does nothing, a choice is used.
func TestChosenFileDialogCallback(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	var used []fyne.URIReadCloser
	cb := chosen(h.env, func(r fyne.URIReadCloser) { used = append(used, r) })
	cb(nil, nil)
	if len(used) != 0 || len(h.errs) != 0 {
		t.Fatalf("cancel: used %d, errors %v", len(used), h.errs)
	}
	cb(nil, errors.New("无法打开"))
	if len(used) != 0 || len(h.errs) != 1 {
		t.Fatalf("error: used %d, errors %v", len(used), h.errs)
	}
	r, err := storage.Reader(storage.NewFileURI(h.path))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cb(r, nil)
	if len(used) != 1 || used[0] != r {
		t.Fatalf("choice not used: %v", used)
	}
}

// Issue 14 point 10: every save and import is named in the status bar, once.
func TestShellNoticeAfterEverySave(t *testing.T) {
	h := newShellHarness(t, true)
	if h.sh.notice.Text != "" {
		t.Fatalf("notice before any change: %q", h.sh.notice.Text)
	}
	_, p := figuresPage(t, h, forms.Industry)
	c, _ := p.cellOf("", "ind.va_growth", 2021)
	h.typeCell(p.grid, c, "4.9")
	h.win.Canvas().Unfocus()
	if !strings.Contains(h.sh.notice.Text, "已保存") || !strings.Contains(h.sh.notice.Text, "规模以上工业增加值增速") {
		t.Fatalf("notice after a typed value: %q", h.sh.notice.Text)
	}
	// A refused value leaves the notice as it was.
	before := h.sh.notice.Text
	c2, _ := p.cellOf("", "ind.mfg_share", 2021)
	h.typeCell(p.grid, c2, "120")
	h.win.Canvas().Unfocus()
	if h.sh.notice.Text != before {
		t.Fatalf("a refused value changed the notice: %q", h.sh.notice.Text)
	}
	// An import through the store (as the workbook and 申报书 imports write).
	m, _ := h.caseNow().Campaign.Measure(forms.Industry)
	if err := h.sh.Store().Update("导入申报书 青岛市.docx", func(tx *store.Tx) error {
		return tx.SetSection("370200", forms.Industry, m.Sections()[0].Key, "（测试）导入的文字")
	}); err != nil {
		t.Fatal(err)
	}
	h.sh.Env().Changed()
	if !strings.Contains(h.sh.notice.Text, "导入申报书 青岛市.docx") {
		t.Fatalf("notice after an import: %q", h.sh.notice.Text)
	}
}

// The start builds the shell on another goroutine while the window is created
// (cmd/tuijian): PrepareShell lays it out without a window, Attach then gives it the
// window, whose title follows the case, and dialogs open over it.
func TestPrepareShellThenAttach(t *testing.T) {
	st, dir := newDemoStore(t)
	size := fyne.NewSize(1366, 768)
	prepared := make(chan *Shell)
	go func() {
		prepared <- PrepareShell(st, Options{Now: func() time.Time { return testNow }, DemoPath: filepath.Join(dir, "demo.db")}, size)
	}()
	sh := <-prepared
	if sh.Env().Window != nil {
		t.Fatal("a prepared shell has a window")
	}
	inner := size.Subtract(fyne.NewSquareSize(2 * theme.Padding()))
	if got := sh.Content().Size(); got != inner {
		t.Fatalf("prepared at %v, want laid out at %v (window %v less its padding)", got, inner, size)
	}
	if sh.Current() != forms.Steps[0] {
		t.Fatalf("prepared on %s, want %s", sh.Current(), forms.Steps[0])
	}
	w := test.NewWindow(nil)
	defer w.Close()
	sh.Attach(w)
	w.Resize(size)
	w.SetContent(sh.Content())
	if got := sh.Content().Size(); got != inner {
		t.Fatalf("the window gives its content %v, not the size the shell was prepared at", got)
	}
	if sh.Env().Window != w {
		t.Fatal("Attach did not give the shell its window")
	}
	if !strings.Contains(w.Title(), "演示数据") || !strings.HasPrefix(w.Title(), Title) {
		t.Fatalf("window title %q", w.Title())
	}
	sh.showError(errors.New("测试错误"))
	if len(w.Canvas().Overlays().List()) != 1 {
		t.Fatal("an error shows no dialog over the attached window")
	}
}

// A second after the last screen was built, the shell gives memory back, then calls
// Options.ReleaseMemory (the desktop app's C heap), once per burst of building.
func TestShellReleasesMemoryAfterBuilding(t *testing.T) {
	st, dir := newDemoStore(t)
	released := make(chan time.Time, 4)
	built := time.Now()
	sh := PrepareShell(st, Options{Now: func() time.Time { return testNow }, DemoPath: filepath.Join(dir, "demo.db"), ReleaseMemory: func() { released <- time.Now() }}, fyne.NewSize(1366, 768))
	w := test.NewWindow(nil)
	defer w.Close()
	sh.Attach(w)
	w.SetContent(sh.Content())
	select {
	case at := <-released:
		if d := at.Sub(built); d < time.Second {
			t.Errorf("released %v after building, want a second after", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReleaseMemory not called after the first screen was built")
	}
	select {
	case <-released:
		t.Fatal("ReleaseMemory called again with nothing built")
	case <-time.After(1500 * time.Millisecond):
	}
}

// newDemoStore is a test app and the demo case in a data file of a temporary folder,
// closed after the test; the folder is returned for other files.
func newDemoStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	newTestApp(t)
	dir := t.TempDir()
	st, err := OpenStoreAt(filepath.Join(dir, "case.db"), true, testNow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

// A navigation badge is laid out at its own text's width as soon as its text is set, not
// at the width of the text it had before (the list's template), which the window would
// otherwise correct only while drawing.
func TestNavBadgeFollowsItsText(t *testing.T) {
	test.NewTempApp(t)
	n := newNavItem()
	w := test.NewWindow(n)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 40))
	for _, tc := range []struct {
		badge string
		c     fyne.ThemeColorName
	}{{"待完善 1", colorWarning}, {"完成", colorDone}, {"待完善 12", colorWarning}} {
		n.set(forms.StepSetup, tc.badge, tc.c)
		if got, want := n.badge.Size(), n.badge.MinSize(); got != want {
			t.Errorf("badge %q laid out at %v, its minimum size is %v", tc.badge, got, want)
		}
	}
}
