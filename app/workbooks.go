package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/safefile"
	"tuijian/data/store"
	"tuijian/data/workbook"
	"tuijian/forms"
)

// The workbook actions of the 指标数据 screen: the 填报表 for the cities and the 审核表 for
// the statistics bureau (data/workbook). Reading a workbook runs off the UI thread
// behind a progress dialog; the result comes back through fyne.Do and is shown for
// review before anything is written.

func init() {
	registerAction(Action{Step: forms.StepFigures, Label: "导出填报表", Icon: theme.DocumentSaveIcon, Run: func(env *Env) {
		saveWorkbook(env, "填报表", workbook.ExportFigures)
	}})
	registerAction(Action{Step: forms.StepFigures, Label: "导入填报表", Icon: theme.UploadIcon, Run: func(env *Env) {
		openFigureWorkbooks(env)
	}})
	registerAction(Action{Step: forms.StepFigures, Label: "导出审核表", Icon: theme.DocumentSaveIcon, Run: func(env *Env) {
		saveWorkbook(env, "统计数据审核表", workbook.ExportVerification)
	}})
	registerAction(Action{Step: forms.StepFigures, Label: "导入审核回复", Icon: theme.UploadIcon, Run: func(env *Env) {
		openWorkbook(env, func(name string, data []byte) { startVerificationImport(env, name, data, nil) })
	}})
}

// maxWorkbookBytes bounds what is read from a chosen file (workbook checks 50 MiB too).
const maxWorkbookBytes = 50<<20 + 1

// progress shows a progress dialog without 取消 and returns its close function.
func progress(env *Env, title string) func() {
	if env.Window == nil {
		return func() {}
	}
	return newBusyDialog(env, title, "请稍候……", nil).close
}

// abandonable runs work (which only reads: nothing is changed before the review's
// 确认导入) in the background behind a progress dialog with 取消. 取消 gives the window
// back at once and drops the result when it comes; otherwise done runs (UI goroutine).
func abandonable(env *Env, title string, work, done func()) {
	if env.Window == nil {
		inBackground(work, done)
		return
	}
	abandoned := false
	busy := newBusyDialog(env, title, "请稍候……", func() { abandoned = true })
	inBackground(work, func() {
		if abandoned {
			return
		}
		busy.close()
		done()
	})
}

// saveWorkbook asks where to save and writes the workbook made by export.
func saveWorkbook(env *Env, what string, export func(*forms.Case, io.Writer) error) {
	if env.Case == nil {
		env.ShowError(errors.New("请先完成“设置”"))
		return
	}
	c := env.Case
	req := pathRequest{Title: "导出" + what, Kind: saveFile, Exts: []string{".xlsx"},
		FileName: fmt.Sprintf("%s-%s-%d年度.xlsx", what, c.Province.Name, c.Campaign.Year)}
	askPath(env, req, func(p string) {
		hide := progress(env, "正在导出"+what)
		var werr error
		inBackground(func() {
			var b bytes.Buffer
			if werr = export(c, &b); werr == nil {
				werr = safefile.WriteFile(p, b.Bytes(), 0o644)
			}
		}, func() {
			hide()
			if werr != nil {
				env.ShowError(fmt.Errorf("导出%s失败：%w", what, werr))
				return
			}
			notify(env, "已导出", fmt.Sprintf("已导出%s：%s", what, p))
		})
	})
}

// openWorkbook asks for an .xlsx file and hands its name and bytes to use (on the UI
// thread).
func openWorkbook(env *Env, use func(name string, data []byte)) {
	if env.Case == nil {
		env.ShowError(errors.New("请先完成“设置”"))
		return
	}
	askPath(env, pathRequest{Title: "选择要导入的填报表", Kind: pickFile, Exts: []string{".xlsx"}}, func(p string) {
		readChosen(env, p, maxWorkbookBytes, func(data []byte) { use(filepath.Base(p), data) })
	})
}

// openFigureWorkbooks asks for a returned 填报表 or a folder of them (the cities'
// copies saved together): a folder's .xlsx files are checked one by one and imported
// as one change (workbook.MergeFigurePlans).
func openFigureWorkbooks(env *Env) {
	if env.Case == nil {
		env.ShowError(errors.New("请先完成“设置”"))
		return
	}
	req := pathRequest{Title: "选择要导入的填报表", Kind: pickFile, Exts: []string{".xlsx"}, FolderToo: true,
		Note: "可选一个文件，也可选存放各市（州）报回填报表的文件夹（一次导入其中全部 .xlsx）。"}
	askPath(env, req, func(p string) {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			readChosen(env, p, maxWorkbookBytes, func(data []byte) { startFigureImport(env, filepath.Base(p), data, nil) })
			return
		}
		files, err := folderFiles(p, ".xlsx", "填报表")
		if err != nil {
			env.ShowError(err)
			return
		}
		startFigureImportMany(env, filepath.Base(p), files, nil)
	})
}

// folderFiles lists the files of a folder with the extension (not the ~$ lock files
// of Excel, Word and WPS); what names them in the error of an empty folder.
func folderFiles(dir, ext, what string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件夹“%s”：%w", dir, err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, "~$") || !strings.EqualFold(filepath.Ext(n), ext) {
			continue
		}
		out = append(out, filepath.Join(dir, n))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("文件夹“%s”中没有 %s %s", dir, ext, what)
	}
	return out, nil
}

// startFigureImportMany reads and checks every file, then shows one review of all
// their changes; a file with problems is reported by name and nothing is imported.
func startFigureImportMany(env *Env, folder string, files []string, shown func(*figureImportView)) {
	c := env.Case
	v := &figureImportView{env: env, name: fmt.Sprintf("%s（%d 个文件）", folder, len(files))}
	startReview(env, v.name, v, func() {
		var names []string
		var plans []*workbook.FigurePlan
		for _, p := range files {
			name := filepath.Base(p)
			data, err := readLimited(p, maxWorkbookBytes)
			if err != nil {
				v.err = fmt.Errorf("%s：%w", name, err)
				return
			}
			plan, err := workbook.ImportFigures(c, bytes.NewReader(data), int64(len(data)))
			if err != nil {
				v.name, v.err = name, err
				return
			}
			if !plan.Empty() {
				names, plans = append(names, name), append(plans, plan)
			}
		}
		if len(plans) == 0 {
			v.plan = &workbook.FigurePlan{}
			return
		}
		v.plan, v.err = workbook.MergeFigurePlans(names, plans)
	}, shown)
}

// readLimited reads at most limit bytes of the file at p.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

// readChosen reads at most limit bytes of the file at p in the background behind a
// progress dialog and hands them to use (UI goroutine); a read error is shown.
func readChosen(env *Env, p string, limit int64, use func([]byte)) {
	var data []byte
	var rerr error
	abandonable(env, "正在读取 "+filepath.Base(p), func() { data, rerr = readLimited(p, limit) }, func() {
		if rerr != nil {
			env.ShowError(fmt.Errorf("无法读取 %s：%w", filepath.Base(p), rerr))
			return
		}
		use(data)
	})
}

// figureImportView is the review of one 填报表 import: either every problem, or the
// planned changes with 确认导入.
type figureImportView struct {
	env      *Env
	name     string
	plan     *workbook.FigurePlan
	problems []string
	err      error // a file that could not be read at all
	content  fyne.CanvasObject
	summary  *widget.Label
	confirm  *widget.Button // nil unless there is a plan with changes
	cancel   *widget.Button
	dlg      dialog.Dialog
	applied  bool
}

// startFigureImport reads the workbook off the UI thread and shows the review; shown
// (optional) receives the view once it is on screen.
func startFigureImport(env *Env, name string, data []byte, shown func(*figureImportView)) {
	c := env.Case
	v := &figureImportView{env: env, name: name}
	startReview(env, name, v, func() {
		v.plan, v.err = workbook.ImportFigures(c, bytes.NewReader(data), int64(len(data)))
	}, shown)
}

// startReview runs check off the UI thread behind “正在检查 name” (with 取消), then
// builds and shows the review v; shown (optional) receives it once it is on screen.
func startReview[V interface {
	build()
	show()
}](env *Env, name string, v V, check func(), shown func(V)) {
	abandonable(env, "正在检查 "+name, check, func() {
		v.build()
		v.show()
		if shown != nil {
			shown(v)
		}
	})
}

func (v *figureImportView) build() {
	var lines []string
	var p *workbook.Problems
	switch {
	case errors.As(v.err, &p):
		for _, q := range p.List {
			v.problems = append(v.problems, q.String())
		}
		if p.Omitted > 0 {
			v.problems = append(v.problems, fmt.Sprintf("……另有 %d 处问题未列出", p.Omitted))
		}
		lines = v.problems
		v.summary = widget.NewLabel(fmt.Sprintf("%s 有 %d 处问题，未导入任何数据。请在 Excel/WPS 中逐一改正后重新导入：", v.name, len(p.List)+p.Omitted))
	case v.err != nil:
		v.summary = widget.NewLabel(v.err.Error())
	case v.plan.Empty():
		v.summary = widget.NewLabel(v.name + " 与现有数据一致，没有需要导入的改动。")
	default:
		unverify := 0
		var cities []string // the file's cities, named so a wrong file is noticed
		for _, ch := range v.plan.Changes {
			lines = append(lines, ch.String())
			if ch.Unverifies {
				unverify++
			}
			if ch.UnitName != "" && !slices.Contains(cities, ch.UnitName) {
				cities = append(cities, ch.UnitName)
			}
		}
		s := fmt.Sprintf("%s 将修改 %d 个指标数据、%d 行主导产业（共 %d 处）。确认后作为一次导入记入修改记录。", v.name, v.plan.Figures(), v.plan.Industries(), len(v.plan.Changes))
		if len(cities) > 0 {
			s = fmt.Sprintf("%s（涉及：%s）", s, strings.Join(cities, "、"))
		}
		if unverify > 0 {
			s += fmt.Sprintf("\n注意：%d 个已审核的数值被修改，导入后改为“未审核”，需重新审核。", unverify)
		}
		v.summary = widget.NewLabel(s)
		v.confirm = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), v.apply)
		v.confirm.Importance = widget.HighImportance
	}
	v.summary.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	closeLabel := "关闭"
	if v.confirm != nil {
		closeLabel = "取消"
	}
	v.cancel = widget.NewButton(closeLabel, func() {
		if v.dlg != nil {
			v.dlg.Hide()
		}
	})
	buttons := container.NewHBox(wbSpacer(), v.cancel)
	if v.confirm != nil {
		buttons.Add(v.confirm)
	}
	v.content = container.NewBorder(v.summary, buttons, nil, nil, list)
}

func (v *figureImportView) show() {
	if v.env.Window == nil {
		return
	}
	v.dlg = dialog.NewCustomWithoutButtons("导入填报表："+v.name, container.NewGridWrap(fyne.NewSize(900, 520), v.content), v.env.Window)
	v.dlg.Show()
}

func (v *figureImportView) apply() {
	if v.applied {
		return
	}
	err := v.env.Store.Update("导入 "+v.name, v.plan.Apply)
	if err != nil {
		v.env.ShowError(err)
		return
	}
	v.applied = true
	if v.dlg != nil {
		v.dlg.Hide()
	}
	v.env.Changed()
}

// verificationView is the side-by-side review of the statistics bureau's reply.
type verificationView struct {
	env      *Env
	name     string
	reply    *workbook.VerificationReply
	err      error
	open     []workbook.Item // changed and questioned
	choice   map[forms.ReviewKey]*widget.RadioGroup
	doc      *widget.Entry
	date     *widget.Entry
	status   *widget.Label
	confirm  *widget.Button
	content  fyne.CanvasObject
	dlg      dialog.Dialog
	applied  bool
	problems []string
}

const (
	choiceAccept = "接受"
	choiceReject = "退回"
)

// startVerificationImport reads the bureau's reply off the UI thread and shows the review.
func startVerificationImport(env *Env, name string, data []byte, shown func(*verificationView)) {
	c := env.Case
	v := &verificationView{env: env, name: name, choice: map[forms.ReviewKey]*widget.RadioGroup{}}
	startReview(env, name, v, func() {
		v.reply, v.err = workbook.ImportVerification(c, bytes.NewReader(data), int64(len(data)))
	}, shown)
}

func (v *verificationView) build() {
	var p *workbook.Problems
	if v.err != nil {
		msg := v.err.Error()
		if errors.As(v.err, &p) {
			for _, q := range p.List {
				v.problems = append(v.problems, q.String())
			}
			msg = fmt.Sprintf("%s 有 %d 处问题，未导入任何内容：", v.name, len(p.List)+p.Omitted)
		}
		head := widget.NewLabel(msg)
		head.Wrapping = fyne.TextWrapWord
		list := widget.NewList(func() int { return len(v.problems) }, func() fyne.CanvasObject { return widget.NewLabel("") },
			func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.problems[i]) })
		v.content = container.NewBorder(head, container.NewHBox(wbSpacer(), widget.NewButton("关闭", v.hide)), nil, nil, list)
		return
	}
	if v.reply.AlreadyApplied() {
		head := widget.NewLabel(fmt.Sprintf("%s 已导入过：%d 项审核结果与已记录的一致，未作任何修改。", v.name, len(v.reply.Items)))
		head.Wrapping = fyne.TextWrapWord
		v.content = container.NewBorder(head, container.NewHBox(wbSpacer(), widget.NewButton("关闭", v.hide)), nil, nil, widget.NewLabel(""))
		return
	}
	n := v.reply.Counts()
	head := widget.NewLabel(fmt.Sprintf("%s：%s回复 %d 项——无误 %d，修改 %d，有疑问 %d，无数据 %d。接受的数据记为“已审核”（修改的先改为审核值），退回的记为“有疑问”。",
		v.name, v.reply.Bureau, len(v.reply.Items), n[workbook.Confirmed], n[workbook.Changed], n[workbook.Questioned], n[workbook.NoFigure]))
	head.Wrapping = fyne.TextWrapWord
	grid := container.NewGridWithColumns(7,
		boldLabel("市（州）"), boldLabel("指标"), boldLabel("年份"), boldLabel("当前值"), boldLabel("统计局审核值"), boldLabel("审核意见 / 审核人"), boldLabel("决定"))
	for _, it := range v.reply.Items {
		if it.Kind != workbook.Changed && it.Kind != workbook.Questioned {
			continue
		}
		v.open = append(v.open, it)
		rev := it.Reviewed
		if it.Kind == workbook.Questioned {
			rev = "（未改，有疑问）"
		}
		label := widget.NewLabel(it.Label)
		label.Wrapping = fyne.TextWrapWord
		op := widget.NewLabel(strings.TrimSpace(it.Opinion + " " + it.Reviewer))
		op.Wrapping = fyne.TextWrapWord
		rg := widget.NewRadioGroup([]string{choiceAccept, choiceReject}, nil)
		rg.Horizontal = true
		v.choice[it.Key] = rg
		grid.Add(widget.NewLabel(it.UnitName))
		grid.Add(label)
		grid.Add(widget.NewLabel(fmt.Sprintf("%d年", it.Key.Year)))
		grid.Add(widget.NewLabel(wbWithUnit(it.Current, it.Unit)))
		grid.Add(widget.NewLabel(wbWithUnit(rev, it.Unit)))
		grid.Add(op)
		grid.Add(rg)
	}
	var body fyne.CanvasObject = grid
	if len(v.open) == 0 {
		body = widget.NewLabel("统计局对全部数据没有修改或疑问。")
	}
	var notes []string
	stale := 0
	for _, it := range v.reply.Items {
		if it.Stale && it.Kind != workbook.Changed {
			stale++
		}
	}
	if stale > 0 {
		notes = append(notes, fmt.Sprintf("%d 项在导出审核表后已被修改，统计局审核的不是当前数值，不会记为已审核。", stale))
	}
	if len(v.reply.Missing) > 0 {
		notes = append(notes, fmt.Sprintf("回复中缺少 %d 项需审核的数据，它们保持原状态。", len(v.reply.Missing)))
	}
	v.doc = widget.NewEntry()
	v.doc.SetPlaceHolder("如 " + forms.DocNoExample(v.env.Case.Province.Code, "统函", v.env.Case.Campaign.Year+1, 9))
	v.date = widget.NewEntry()
	v.date.SetText(wbNow(v.env).Format("2006-01-02"))
	v.status = newErrorLabel()
	if len(notes) > 0 {
		v.status.SetText(strings.Join(notes, "\n"))
	}
	form := widget.NewForm(widget.NewFormItem("复函文号", v.doc), widget.NewFormItem("复函日期", v.date))
	v.confirm = widget.NewButtonWithIcon("确认", theme.ConfirmIcon(), v.apply)
	v.confirm.Importance = widget.HighImportance
	bottom := container.NewVBox(form, v.status, container.NewHBox(wbSpacer(), widget.NewButton("取消", v.hide), v.confirm))
	v.content = container.NewBorder(head, bottom, nil, nil, container.NewVScroll(body))
}

func wbNow(env *Env) time.Time {
	if env.Now != nil {
		return env.Now()
	}
	return time.Now()
}

func wbWithUnit(v, unit string) string {
	if v == "" {
		return "（空）"
	}
	if unit == "%" && !strings.HasPrefix(v, "（") {
		return v + "%"
	}
	return v
}

func (v *verificationView) show() {
	if v.env.Window == nil {
		return
	}
	v.dlg = dialog.NewCustomWithoutButtons("导入审核回复："+v.name, container.NewGridWrap(fyne.NewSize(1000, 600), v.content), v.env.Window)
	v.dlg.Show()
}

func (v *verificationView) hide() {
	if v.dlg != nil {
		v.dlg.Hide()
	}
}

func (v *verificationView) apply() {
	if v.applied {
		return
	}
	decisions := map[forms.ReviewKey]workbook.Decision{}
	var undecided []string
	for _, it := range v.open {
		switch v.choice[it.Key].Selected {
		case choiceAccept:
			decisions[it.Key] = workbook.Accept
		case choiceReject:
			decisions[it.Key] = workbook.Reject
		default:
			undecided = append(undecided, fmt.Sprintf("%s %d年“%s”", it.UnitName, it.Key.Year, it.Label))
		}
	}
	switch {
	case len(undecided) > 0:
		v.status.SetText("请对每一项选择“接受”或“退回”，尚未决定：" + strings.Join(undecided, "；"))
		return
	case strings.TrimSpace(v.doc.Text) == "":
		v.status.SetText("请填写统计局复函的文号。")
		return
	}
	if _, err := forms.ParseDate(v.date.Text); err != nil {
		v.status.SetText("复函日期：" + err.Error() + "。")
		return
	}
	err := v.env.Store.Update("导入审核回复 "+v.name, func(tx *store.Tx) error {
		return v.reply.Apply(tx, decisions, v.doc.Text, strings.TrimSpace(v.date.Text))
	})
	if err != nil {
		v.status.SetText(err.Error())
		return
	}
	v.applied = true
	v.hide()
	v.env.Changed()
}

func wbSpacer() fyne.CanvasObject { return layout.NewSpacer() }
