package app

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/demo"
	"tuijian/data/oplog"
	"tuijian/data/store"
	"tuijian/forms"
)

// Title is the application name as the window title starts.
const Title = "督查激励推荐助手"

// Options configure a Shell.
type Options struct {
	// Now is the clock (the day of export for the pre-flight); time.Now when nil.
	Now func() time.Time
	// Start is the step shown first (the hidden --screen flag); the first step when
	// empty. Ignored while the store is not set up.
	Start forms.Step
	// DemoPath is the file the “打开演示数据” button opens (created and filled when
	// new); store.DemoPath() when empty.
	DemoPath string
	// PathLabel replaces the data file's path in the status line (tests, whose
	// temporary paths differ between runs).
	PathLabel string
	// ReleaseMemory, when set, runs after the garbage of building screens was given back
	// (a second after the last screen was built), on another goroutine: the desktop app
	// gives back the C heap's free pages there.
	ReleaseMemory func()
}

// Shell is the main window's content: the title bar with the 演示数据 banner, the
// navigation along forms.Steps with each step's pre-flight state, the current screen
// and its toolbar.
type Shell struct {
	env     *Env
	opts    Options
	screens map[forms.Step]Screen
	current forms.Step

	statuses  map[forms.Step]forms.StepStatus
	issues    []forms.Issue
	loadErr   error
	nav       *widget.List
	navIndex  int
	title     *canvas.Text
	subtitle  *widget.Label
	banner    *fyne.Container
	stepTitle *canvas.Text
	toolbar   *fyne.Container
	body      *fyne.Container
	status    *widget.Label
	notice    *widget.Label // the newest save or import
	noticeSeq int           // store.Change.Seq shown in notice
	root      fyne.CanvasObject
	selecting bool
	release   *time.Timer
	stale     map[forms.Step]bool // built screens to refresh when next shown
}

// scheduleRelease returns the garbage of building screens (and of parsing the CJK
// font) to the operating system a second after the last screen was built, so the
// resident size stays near the live heap on modest office PCs.
func (s *Shell) scheduleRelease() {
	if s.release != nil {
		s.release.Stop()
	}
	s.release = time.AfterFunc(time.Second, func() {
		debug.FreeOSMemory()
		if s.opts.ReleaseMemory != nil {
			s.opts.ReleaseMemory()
		}
	})
}

// NewShell builds the shell over an open store and attaches it to w; the window shows
// it with w.SetContent(s.Content()). Call on the UI goroutine.
func NewShell(w fyne.Window, st *store.Store, opts Options) *Shell {
	s := PrepareShell(st, opts, fyne.Size{})
	s.Attach(w)
	return s
}

// PrepareShell builds the shell over an open store without a window and, when size (the
// window's canvas size) is not zero, lays it out at the size a padded window of that
// size gives its content: every widget of the first screen then has its renderer and
// every text is measured, so a window whose content it joins at that size only draws.
// Nothing of it is in a window yet, so it may run on any goroutine, e.g. while the
// window is being created at start (issue 19). Attach it on the UI goroutine before
// showing it.
func PrepareShell(st *store.Store, opts Options, size fyne.Size) *Shell {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Shell{opts: opts, screens: map[forms.Step]Screen{}, stale: map[forms.Step]bool{}}
	s.env = &Env{Store: st, Now: opts.Now}
	s.env.Changed = s.changed
	s.env.Show = s.Show
	s.env.ShowError = s.showError
	s.env.OpenDemo = s.OpenDemo
	s.env.OpenIntake = func() {
		w := s.env.Window
		w.SetContent(IntakeContent(w, s.env.Now, func() { w.SetContent(s.root) }))
	}
	s.env.AskUnsaved = func(d dirtyScreen, proceed, stay func()) {
		s.askUnsaved([]dirtyScreen{d}, "切换前保存这些修改吗？", proceed, stay)
	}
	s.env.DataPath = s.displayPath
	s.env.Notify = func(text string) {
		s.notice.Importance = widget.SuccessImportance
		s.notice.SetText(s.env.Now().Format("15:04:05") + " " + text)
	}
	s.build()
	s.reload()
	start := forms.StepSetup
	if s.env.Case != nil {
		start = forms.Steps[0]
		if opts.Start != "" {
			start = opts.Start
		}
	}
	s.Show(start, "")
	// A case whose definition changed where it came from says so on opening (issue 16);
	// 设置 shows what changed and loads the new one when the officer chooses to.
	if msg, err := st.CampaignDrift(); err == nil && msg != "" {
		s.notice.Importance = widget.WarningImportance
		s.notice.SetText("注意：督查激励定义的来源已改动（详见“设置”）")
	}
	if !size.IsZero() {
		s.root.Resize(size.Subtract(fyne.NewSquareSize(2 * theme.Padding())))
	}
	return s
}

// Attach makes w the shell's window: dialogs open over it and its title follows the
// case. Call on the UI goroutine, once.
func (s *Shell) Attach(w fyne.Window) {
	s.env.Window = w
	w.SetTitle(s.title.Text)
}

// Content is the shell's canvas object.
func (s *Shell) Content() fyne.CanvasObject { return s.root }

// Env is the environment the screens share.
func (s *Shell) Env() *Env { return s.env }

// Store is the store currently open (it changes when the demo is opened).
func (s *Shell) Store() *store.Store { return s.env.Store }

// Current is the step shown.
func (s *Shell) Current() forms.Step { return s.current }

// Screen returns the screen of a step if it was built.
func (s *Shell) Screen(step forms.Step) Screen { return s.screens[step] }

// Issues is the pre-flight list as last computed.
func (s *Shell) Issues() []forms.Issue { return s.issues }

func (s *Shell) build() {
	s.title = canvas.NewText(Title, color.White)
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.TextSize = 18
	s.subtitle = widget.NewLabel("")
	bar := canvas.NewRectangle(Theme{}.Color(colorBanner, theme.VariantLight))
	s.subtitle.Importance = widget.HighImportance
	titleRow := container.NewStack(bar, container.NewPadded(container.NewHBox(s.title, layout.NewSpacer())))

	demoBg := canvas.NewRectangle(Theme{}.Color(colorDemo, theme.VariantLight))
	demoText := canvas.NewText("演示数据 · 数字均为虚构，仅供熟悉操作，不得报送", color.White)
	demoText.TextStyle = fyne.TextStyle{Bold: true}
	demoText.Alignment = fyne.TextAlignCenter
	s.banner = container.NewStack(demoBg, container.NewPadded(demoText))
	s.banner.Hide()

	s.nav = widget.NewList(
		func() int { return len(forms.Steps) },
		func() fyne.CanvasObject { return newNavItem() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			step := forms.Steps[id]
			b, c := s.stepBadge(step)
			o.(*navItem).set(step, b, c)
		})
	s.nav.OnSelected = func(id widget.ListItemID) {
		if s.selecting {
			return
		}
		s.Show(forms.Steps[id], "")
	}

	s.stepTitle = canvas.NewText("", Theme{}.Color(theme.ColorNameForeground, theme.VariantLight))
	s.stepTitle.TextStyle = fyne.TextStyle{Bold: true}
	s.stepTitle.TextSize = 16
	s.toolbar = container.NewHBox()
	head := container.NewBorder(nil, widget.NewSeparator(), nil, s.toolbar, container.NewPadded(s.stepTitle))
	s.body = container.NewStack()
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.notice = widget.NewLabel("")
	s.notice.Truncation = fyne.TextTruncateEllipsis
	s.notice.Importance = widget.SuccessImportance
	main := container.NewBorder(head, nil, nil, nil, s.body)
	navBox := container.NewBorder(nil, nil, nil, widget.NewSeparator(), s.nav)
	split := container.NewHSplit(navBox, main)
	split.Offset = 0.14
	top := container.NewVBox(titleRow, s.subtitleRow(), s.banner)
	// The status bar: the newest save or import on the left (issue 14 point 10: a
	// notice after every one), the pre-flight and the data file on the right.
	statusBar := container.NewGridWithColumns(2, s.notice, s.status)
	s.root = container.NewBorder(top, container.NewBorder(widget.NewSeparator(), nil, nil, nil, statusBar), nil, nil, split)
}

func (s *Shell) subtitleRow() fyne.CanvasObject {
	return container.NewHBox(s.subtitle)
}

// stepBadge is the text and colour of a step's state in the navigation.
func (s *Shell) stepBadge(step forms.Step) (string, fyne.ThemeColorName) {
	if s.env.Case == nil {
		if step == forms.StepSetup {
			return "待设置", colorBlocker
		}
		return "", ""
	}
	if step == forms.StepHistory {
		return "", ""
	}
	st := s.statuses[step]
	switch {
	case st.Blockers > 0:
		return st.Label(), colorBlocker
	case st.Warnings > 0:
		return st.Label(), colorWarning
	}
	return st.Label(), colorDone
}

// reload reads the case and recomputes the pre-flight.
func (s *Shell) reload() {
	c, err := s.env.Store.Case()
	s.loadErr = nil
	switch {
	case errors.Is(err, store.ErrNotSetUp):
		s.env.Case = nil
	case err != nil:
		s.env.Case = nil
		s.loadErr = err
	default:
		s.env.Case = c
	}
	s.issues = nil
	s.statuses = map[forms.Step]forms.StepStatus{}
	if s.env.Case != nil {
		s.issues = forms.Preflight(s.env.Case, s.env.Now())
		s.statuses = forms.StepStatuses(s.issues)
	}
	s.updateChrome()
}

func (s *Shell) updateChrome() {
	c := s.env.Case
	title := Title
	sub := "尚未设置推荐单位：请在“设置”中选择省份和年度，或打开演示数据"
	if c != nil {
		sub = fmt.Sprintf("%s · %s · %d年度督查激励（%s）", c.Province.Name, c.Settings.Department, c.Campaign.Year, c.Campaign.Notice)
		title += " — " + c.Province.Name + fmt.Sprintf(" %d年度", c.Campaign.Year)
		if c.Settings.Demo {
			title += " 【演示数据】"
			s.banner.Show()
		} else {
			s.banner.Hide()
		}
	} else {
		s.banner.Hide()
	}
	if s.loadErr != nil {
		sub = "无法读取数据文件：" + s.loadErr.Error()
	}
	s.subtitle.SetText(sub)
	if s.env.Window != nil {
		s.env.Window.SetTitle(title)
	}
	s.title.Text = title
	s.title.Refresh()
	nb, nw := 0, 0
	for _, i := range s.issues {
		if i.Severity == forms.Blocker {
			nb++
		} else {
			nw++
		}
	}
	status := "数据文件：" + s.displayPath()
	if c != nil {
		if nb == 0 {
			status = fmt.Sprintf("报送前检查：无阻断项，提示 %d 项 · %s", nw, status)
		} else {
			status = fmt.Sprintf("报送前检查：阻断 %d 项，提示 %d 项 · %s", nb, nw, status)
		}
	}
	s.status.SetText(status)
	s.nav.Refresh()
}

// displayPath is the data file as the window shows it.
func (s *Shell) displayPath() string {
	if s.opts.PathLabel != "" {
		return s.opts.PathLabel
	}
	return s.env.Store.Path()
}

// changed is Env.Changed: reload, refresh the chrome and the screen shown; the other
// built screens are refreshed when next shown (typing in the figure grid saves every
// cell, and a screen such as 比选 recomputes a great deal).
func (s *Shell) changed() {
	s.reload()
	s.showNotice()
	for step := range s.screens {
		s.stale[step] = true
	}
	if sc, ok := s.screens[s.current]; ok && (s.env.Case != nil || s.current == forms.StepSetup) {
		delete(s.stale, s.current)
		sc.Refresh()
	}
}

// showNotice names the store's newest change in the status bar once.
func (s *Shell) showNotice() {
	if s.env.Store == nil {
		return
	}
	c := s.env.Store.LastChange()
	if c.Seq == 0 || c.Seq == s.noticeSeq {
		return
	}
	s.noticeSeq = c.Seq
	s.notice.SetText(fmt.Sprintf("已保存 %s：%s", c.At.Format("15:04:05"), c.Note))
}

// Show navigates to a step and, where the screen supports it, to a field. When the
// screen shown has a form with unsaved changes (dirtyScreen), the officer is asked
// first whether to save them; on 取消 the screen stays.
func (s *Shell) Show(step forms.Step, field string) {
	// Leaving a screen commits the field being typed in (FocusLost saves it).
	if s.env.Window != nil {
		s.env.Window.Canvas().Unfocus()
	}
	s.guardLeave(step, func() { s.show(step, field) })
}

func (s *Shell) show(step forms.Step, field string) {
	idx := -1
	for i, st := range forms.Steps {
		if st == step {
			idx = i
		}
	}
	if idx < 0 {
		s.showError(fmt.Errorf("没有名为“%s”的步骤；可用的步骤：%v", step, forms.Steps))
		return
	}
	s.current = step
	s.selecting = true
	s.nav.Select(idx)
	s.selecting = false
	s.navIndex = idx
	s.stepTitle.Text = step.Label()
	s.stepTitle.Refresh()
	s.toolbar.RemoveAll()

	var content fyne.CanvasObject
	var focus Screen // the screen to move to field once it is in the window
	switch {
	case s.env.Case == nil && step != forms.StepSetup:
		content = placeholder("请先完成“设置”：选择推荐单位（省份）和年度，或打开演示数据。")
	default:
		sc, ok := s.screens[step]
		if ok && s.stale[step] {
			delete(s.stale, step)
			sc.Refresh()
		}
		if !ok {
			f := screenFactories[step]
			if f == nil {
				content = placeholder("此步骤尚未开放")
				break
			}
			sc = f(s.env)
			s.screens[step] = sc
			sc.Refresh()
			s.scheduleRelease()
		}
		content = sc.Content()
		for _, a := range actionsFor(step) {
			a := a
			var icon fyne.Resource
			if a.Icon != nil {
				icon = a.Icon()
			}
			s.toolbar.Add(widget.NewButtonWithIcon(a.Label, icon, func() { a.Run(s.env) }))
		}
		if field != "" {
			focus = sc
		}
	}
	s.body.Objects = []fyne.CanvasObject{content}
	s.body.Refresh()
	// Fyne focuses only what is in the window's tree: move to the field now that the
	// screen is placed.
	if focus != nil {
		focus.Focus(field)
	}
}

// CloseWindow is the main window's close intercept
// (w.SetCloseIntercept(shell.CloseWindow)): it commits what is being typed,
// then closes the window. Every screen saves its fields when they lose the focus, so
// taking the focus away runs the save of whichever entry has it — also one under an
// open dialog, whose overlays are dismissed first. The forms saved only by a button
// (dirtyScreen) are not saved silently: when one has unsaved changes, the officer is
// asked (保存 / 不保存 / 取消) before the window closes.
func (s *Shell) CloseWindow() {
	w := s.env.Window
	commitEdits(w.Canvas())
	if s.unsavedBeforeClose() {
		return
	}
	w.Close()
}

// commitEdits takes the focus away from the top overlay down to the window's content,
// dismissing the overlays on the way, so each focused entry's FocusLost save runs.
func commitEdits(c fyne.Canvas) {
	c.Unfocus()
	for top := c.Overlays().Top(); top != nil; top = c.Overlays().Top() {
		c.Overlays().Remove(top)
		c.Unfocus()
	}
}

func placeholder(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = fyne.TextAlignCenter
	l.Wrapping = fyne.TextWrapBreak
	return container.NewCenter(l)
}

// showError is Env.ShowError: a dialog with the Chinese message.
func (s *Shell) showError(err error) {
	if err == nil {
		return
	}
	if s.env.Window == nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	text := err.Error()
	// The officer reads the message; the operator's detail goes to the log beside the
	// data file, which the message names.
	if s.env.Store != nil {
		lg := oplog.ForStore(s.env.Store.Path())
		lg.Record("桌面程序", err)
		text += "\n\n详细信息已记入日志：" + lg.Path()
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	sc := container.NewVScroll(l)
	sc.SetMinSize(fyne.NewSize(480, 140))
	d := dialog.NewCustom("出错了", "知道了", sc, s.env.Window)
	d.Show()
}

// OpenDemo switches the shell to the demo database (created with demo.Fill when new),
// closing the store open until then.
func (s *Shell) OpenDemo() {
	path := s.opts.DemoPath
	work := func() (*store.Store, error) {
		if path == "" {
			p, err := store.DemoPath()
			if err != nil {
				return nil, err
			}
			path = p
		}
		if path == s.env.Store.Path() {
			return nil, fmt.Errorf("当前打开的就是演示数据文件 %s", path)
		}
		return OpenStoreAt(path, true, s.env.Now())
	}
	done := func(st *store.Store, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		old := s.env.Store
		s.env.Store = st
		s.noticeSeq = 0
		s.notice.SetText("")
		old.Close()
		for k := range s.screens {
			delete(s.screens, k)
		}
		s.reload()
		s.Show(forms.StepCandidates, "")
	}
	var st *store.Store
	var err error
	inBackground(func() { st, err = work() }, func() { done(st, err) })
}

// OpenStore opens a database; with demo set, a new (empty) file is filled with the
// demo province first.
func OpenStore(path string, demoData bool) (*store.Store, error) {
	return OpenStoreAt(path, demoData, time.Now())
}

// OpenStoreAt is OpenStore with the day a new demo's package is dated (its 发文字号
// carry that year).
func OpenStoreAt(path string, demoData bool, now time.Time) (*store.Store, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if demoData {
		set, err := st.Settings()
		if err == nil && set.ProvinceCode == "" {
			err = demo.FillFor(st, now)
		}
		if err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// navItem is one row of the navigation: the step's name and a coloured state badge.
type navItem struct {
	widget.BaseWidget
	label *widget.Label
	bg    *canvas.Rectangle
	text  *canvas.Text
	badge *fyne.Container
	// center holds the badge at its minimum size; set lays it out again when the badge's
	// text changes, so the badge is never drawn at the previous text's width.
	center *fyne.Container
}

func newNavItem() *navItem {
	n := &navItem{label: widget.NewLabel("候选市（州）")}
	n.bg = canvas.NewRectangle(color.Transparent)
	n.bg.CornerRadius = 4
	n.text = canvas.NewText("待完善 99", color.White)
	n.text.TextSize = 11
	n.text.TextStyle = fyne.TextStyle{Bold: true}
	n.badge = container.NewStack(n.bg, container.New(layout.NewCustomPaddedLayout(1, 1, 5, 5), n.text))
	n.center = container.NewCenter(n.badge)
	n.ExtendBaseWidget(n)
	return n
}

func (n *navItem) set(step forms.Step, badge string, c fyne.ThemeColorName) {
	n.label.SetText(step.Label())
	if badge == "" {
		n.badge.Hide()
		return
	}
	n.text.Text = badge
	n.bg.FillColor = Theme{}.Color(c, theme.VariantLight)
	n.badge.Show()
	n.center.Layout.Layout(n.center.Objects, n.center.Size())
	n.text.Refresh()
	n.bg.Refresh()
}

func (n *navItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, n.center, n.label))
}

// ErrorContent is the window's content when the data cannot be opened at all (for
// example ErrInUse): the message and a button that quits.
func ErrorContent(err error, retry, quit func()) fyne.CanvasObject {
	text := "无法打开数据文件：\n" + err.Error()
	buttons := container.NewHBox(layout.NewSpacer())
	if errors.Is(err, store.ErrInUse) && retry != nil {
		// Another window (or another PC on a shared folder) has the file: close it and
		// try again, without restarting the program (issue 20).
		text += "\n\n请先关闭正在使用该文件的另一个窗口（或另一台电脑上打开它的程序），再点“重试”。"
		r := widget.NewButton("重试", retry)
		r.Importance = widget.HighImportance
		buttons.Add(r)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	buttons.Add(widget.NewButton("退出", quit))
	return container.NewBorder(nil, buttons, nil, nil, l)
}
