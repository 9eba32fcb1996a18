package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/intake"
)

// The ministry's mode (部里汇总, issue 17): the receiving clerk's day in one window —
// the key register typed from the paper letters, the folder the discs were copied
// into (or the images), the optional registers of 第十六条 and 通报表扬, an output
// folder; then every package checked in the background with progress and 取消, the
// verdict of each with its problems, and the tables written (data/intake). It needs
// no data file: the ministry recommends nothing.

// intakeView is the ministry's window content.
type intakeView struct {
	env                         *Env
	keys, bars, comm, pkgs, out *widget.Entry
	run, cancel, openOut        *widget.Button
	bar                         *widget.ProgressBar
	status                      *widget.Label
	results                     *fyne.Container
	root                        fyne.CanvasObject
	stop                        context.CancelFunc
	done                        func(intake.Result) // tests: called after a run
}

// IntakeContent is the 部里汇总 window content; back (may be nil) returns to the
// officer's workflow.
func IntakeContent(w fyne.Window, now func() time.Time, back func()) fyne.CanvasObject {
	return newIntakeView(&Env{Window: w, Now: now, ShowError: func(err error) { dialog.ShowError(err, w) }}, back).root
}

func newIntakeView(env *Env, back func()) *intakeView {
	v := &intakeView{env: env}
	field := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		return e
	}
	v.keys = field("公钥登记表（.txt）：每行“省份名称<Tab>公钥指纹”，按各省推荐函所印登记")
	v.bars = field("可选：第十六条登记表，每行“市（州）<Tab>起始年度<Tab>截止年度<Tab>文号”")
	v.comm = field("可选：通报表扬登记表，每行“市（州）<Tab>文号”")
	v.pkgs = field("存放各省报送包（文件夹或 .iso）的文件夹")
	v.out = field("写入汇总表、收件登记和公示名单草稿的文件夹")
	browse := func(e *widget.Entry, title string, kind pathKind, exts []string) fyne.CanvasObject {
		b := widget.NewButtonWithIcon("浏览…", theme.FolderOpenIcon(), func() {
			askPath(v.env, pathRequest{Title: title, Kind: kind, Exts: exts}, func(p string) { e.SetText(p) })
		})
		return container.NewBorder(nil, nil, nil, b, e)
	}
	form := widget.NewForm(
		widget.NewFormItem("公钥登记表", browse(v.keys, "选择公钥登记表", pickFile, []string{".txt", ".tsv"})),
		widget.NewFormItem("报送包", browse(v.pkgs, "选择存放报送包的文件夹", pickFolder, nil)),
		widget.NewFormItem("第十六条登记表", browse(v.bars, "选择第十六条登记表", pickFile, []string{".txt", ".tsv"})),
		widget.NewFormItem("通报表扬登记表", browse(v.comm, "选择通报表扬登记表", pickFile, []string{".txt", ".tsv"})),
		widget.NewFormItem("输出文件夹", browse(v.out, "选择输出文件夹", pickFolder, nil)),
	)
	v.run = widget.NewButtonWithIcon("核验并汇总", theme.ConfirmIcon(), v.start)
	v.run.Importance = widget.HighImportance
	v.cancel = widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() {
		if v.stop != nil {
			v.stop()
		}
	})
	v.cancel.Disable()
	v.openOut = widget.NewButtonWithIcon("打开输出文件夹", theme.FolderOpenIcon(), func() { openPath(v.env, strings.TrimSpace(v.out.Text)) })
	v.openOut.Disable()
	v.bar = widget.NewProgressBar()
	v.bar.Hide()
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.results = container.NewVBox()
	title := widget.NewLabelWithStyle("部里汇总：接收各省报送包", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel("逐个核验各推荐单位的报送包（完整性、两种签名、封面清单、推荐表一致性），并核对公钥指纹与登记表、年度、截止日期、每个推荐单位一个报送包、第十六条；写出每项措施的全国汇总表、收件登记（XLSX、PDF）和公示名单草稿。")
	intro.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(v.run, v.cancel, v.openOut)
	if back != nil {
		buttons.Add(widget.NewButtonWithIcon("返回推荐工作", theme.NavigateBackIcon(), back))
	}
	top := container.NewVBox(title, intro, form, buttons, v.bar, v.status, widget.NewSeparator())
	v.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewVScroll(container.NewPadded(v.results)))
	return v
}

// start checks the fields, then runs the intake in the background.
func (v *intakeView) start() {
	opt, err := intake.LoadOptions(strings.TrimSpace(v.keys.Text), strings.TrimSpace(v.bars.Text), strings.TrimSpace(v.comm.Text), 0)
	if err == nil && strings.TrimSpace(v.out.Text) == "" {
		err = errors.New("请选择输出文件夹")
	}
	var paths []string
	if err == nil {
		if strings.TrimSpace(v.pkgs.Text) == "" {
			err = errors.New("请选择存放报送包的文件夹")
		} else {
			paths, err = intake.Expand([]string{strings.TrimSpace(v.pkgs.Text)})
		}
	}
	if err != nil {
		v.env.ShowError(err)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.stop = cancel
	v.run.Disable()
	v.cancel.Enable()
	v.bar.SetValue(0)
	v.bar.Show()
	v.results.RemoveAll()
	out := strings.TrimSpace(v.out.Text)
	var res intake.Result
	var files []string
	inBackground(func() {
		res, err = intake.Run(ctx, paths, opt, func(done, total int, name string) {
			fyne.Do(func() {
				v.bar.SetValue(float64(done) / float64(total))
				if name != "" {
					v.status.SetText(fmt.Sprintf("（%d/%d）正在核验 %s……", done+1, total, name))
				}
			})
		})
		if err == nil {
			fyne.Do(func() { v.status.SetText("正在写出汇总表……") })
			files, err = intake.Write(out, res, v.env.Now())
		}
	}, func() {
		cancel()
		v.run.Enable()
		v.cancel.Disable()
		v.bar.Hide()
		switch {
		case errors.Is(err, context.Canceled):
			v.status.SetText("已取消：未写出汇总表。")
		case err != nil:
			v.status.SetText("")
			v.env.ShowError(err)
		default:
			v.show(res, files)
		}
		if v.done != nil {
			v.done(res)
		}
	})
}

// show lists every package with its verdict and problems.
func (v *intakeView) show(res intake.Result, files []string) {
	bad := 0
	for _, p := range res.Packages {
		if !p.OK() {
			bad++
		}
	}
	v.status.SetText(fmt.Sprintf("共 %d 个报送包：%d 个通过，%d 个未通过。已写出 %d 个文件到 %s。", len(res.Packages), len(res.Packages)-bad, bad, len(files), strings.TrimSpace(v.out.Text)))
	if bad == 0 {
		v.status.Importance = widget.SuccessImportance
	} else {
		v.status.Importance = widget.DangerImportance
	}
	v.status.Refresh()
	v.openOut.Enable()
	for _, p := range res.Packages {
		head := widget.NewLabel(fmt.Sprintf("%s　%s（%s，%s）", map[bool]string{true: "通过", false: "未通过"}[p.OK()], p.Name, p.Department, p.Date))
		head.TextStyle.Bold = true
		if p.OK() {
			head.Importance = widget.SuccessImportance
		} else {
			head.Importance = widget.DangerImportance
		}
		v.results.Add(head)
		for _, pr := range p.Problems {
			l := widget.NewLabel("　　" + pr.String())
			l.Wrapping = fyne.TextWrapWord
			v.results.Add(l)
		}
	}
	v.results.Refresh()
}
