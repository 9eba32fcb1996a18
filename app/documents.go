package app

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/appdoc"
	"tuijian/data/documents"
	"tuijian/data/keyring"
	"tuijian/data/pdfdoc"
	"tuijian/data/store"
	"tuijian/forms"
)

// Actions of the documents (issue 6): on 申报书 “从 Word 导入…” (the city's DOCX split
// into the outline by data/appdoc, the report shown, the sections written only after
// the officer confirms), and on 导出 “预览文件” (data/documents built in the
// background, the list of files with sizes and each document's text, since Fyne
// cannot show a PDF) and “写出文件…” (a folder chosen, the files written all or
// nothing, then “打开文件夹”).

func init() {
	registerAction(Action{Step: forms.StepApplication, Label: "从 Word 导入…", Icon: theme.FileTextIcon, Run: docImportAction})
	registerAction(Action{Step: forms.StepExport, Label: "预览文件", Icon: theme.VisibilityIcon, Run: docPreviewAction})
	registerAction(Action{Step: forms.StepExport, Label: "写出文件…", Icon: theme.DocumentSaveIcon, Run: docWriteAction})
}

// docFonts finds the system fonts once (a scan of the font folders).
var docFonts = sync.OnceValue(func() pdfdoc.Fonts { return pdfdoc.SystemFonts() })

// docChoices lists every chosen unit with its measure (a measure that takes several
// units appears once for each).
func docChoices(c *forms.Case) (ms []*forms.Measure, units []forms.Unit) {
	if c == nil || c.Campaign == nil {
		return nil, nil
	}
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		for _, ch := range c.ChoicesOf(m.ID) {
			if u, ok := c.Unit(ch.UnitCode); ok {
				ms, units = append(ms, m), append(units, u)
			}
		}
	}
	return ms, units
}

// docImportAction asks for the file, or a folder of the cities' files, and imports:
// a file that names one chosen city goes to its measure (asked only when unclear); a
// folder brings every chosen city's 申报书 in one review.
func docImportAction(env *Env) {
	ms, units := docChoices(env.Case)
	if len(ms) == 0 {
		env.ShowError(errors.New("尚未选择推荐的市（州）：请先在“比选”中选择，再导入该市（州）的申报书"))
		return
	}
	var names []string
	for _, u := range units {
		names = append(names, u.Name)
	}
	same := len(units) == 2 && units[0].Code == units[1].Code
	title, note := "导入"+units[0].Name+"的申报书", "选择"+units[0].Name+"报来的申报书（Word .docx；.doc 请先在 Word 或 WPS 中另存为 .docx）"
	if len(ms) > 1 && !same {
		title, note = "导入申报书", fmt.Sprintf("选择%s报来的申报书（Word .docx），按文件中的市（州）名称导入到对应措施", strings.Join(names, "或"))
	}
	if !same {
		note += "；也可选存放各市（州）申报书的文件夹，一次导入。"
	} else {
		note += "。"
	}
	open := func(i int) {
		req := pathRequest{Title: title, Kind: pickFile, Exts: []string{".docx"}, Note: note}
		askPath(env, req, func(p string) {
			docRead(env, p, func(data []byte) { docImportData(env, ms[i], units[i], filepath.Base(p), data) })
		})
	}
	if same {
		// One city for both measures: the file cannot tell which measure it is for.
		docAskMeasure(env, ms, units, "选择文件…", open)
		return
	}
	req := pathRequest{Title: title, Kind: pickFile, Exts: []string{".docx"}, FolderToo: true, Note: note}
	askPath(env, req, func(p string) {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			docImportFolder(env, p, ms, units)
			return
		}
		docRead(env, p, func(data []byte) {
			if len(ms) == 1 {
				docImportData(env, ms[0], units[0], filepath.Base(p), data)
				return
			}
			if i, ok := docMeasureOf(env.Case, ms, units, filepath.Base(p), data); ok {
				docImportData(env, ms[i], units[i], filepath.Base(p), data)
				return
			}
			docAskMeasure(env, ms, units, "导入", func(i int) { docImportData(env, ms[i], units[i], filepath.Base(p), data) })
		})
	})
}

// docRead reads a 申报书, refusing a file too large to be one.
func docRead(env *Env, p string, use func([]byte)) {
	readChosen(env, p, appdoc.MaxFileBytes+1, func(data []byte) {
		if len(data) > appdoc.MaxFileBytes {
			env.ShowError(docTooLarge(filepath.Base(p)))
			return
		}
		use(data)
	})
}

func docTooLarge(name string) error {
	return fmt.Errorf("文件 %s 超过 %d MiB，不像申报书，请删去其中的大图片后另存为 .docx 再导入", name, appdoc.MaxFileBytes>>20)
}

// docImport is one 申报书 split for its measure and city.
type docImport struct {
	m    *forms.Measure
	u    forms.Unit
	name string
	res  appdoc.Result
}

// docImportFolder reads every .docx of the folder in the background, sorts them to the
// chosen cities by the names they mention (forms.AssignByMention) and shows one review
// of all; two files for one city are refused by name, nothing is written.
func docImportFolder(env *Env, dir string, ms []*forms.Measure, units []forms.Unit) {
	files, err := folderFiles(dir, ".docx", "申报书")
	if err != nil {
		env.ShowError(err)
		return
	}
	c := env.Case
	hide := progress(env, fmt.Sprintf("正在读取 %d 个文件", len(files)))
	var imports []docImport
	var skipped []string
	var ferr error
	inBackground(func() {
		texts := make([]string, len(files))
		datas := make([][]byte, len(files))
		for k, f := range files {
			data, err := readLimited(f, appdoc.MaxFileBytes+1)
			switch {
			case err != nil:
				ferr = fmt.Errorf("无法读取 %s：%w", filepath.Base(f), err)
				return
			case len(data) > appdoc.MaxFileBytes:
				ferr = docTooLarge(filepath.Base(f))
				return
			}
			res, err := appdoc.Import(data, ms[0])
			if err != nil {
				ferr = fmt.Errorf("%s：%w", filepath.Base(f), err)
				return
			}
			texts[k], datas[k] = docText(filepath.Base(f), res), data
		}
		by, none := forms.AssignByMention(texts, c.Units, units)
		for _, k := range none {
			skipped = append(skipped, filepath.Base(files[k]))
		}
		for i, ks := range by {
			switch len(ks) {
			case 0:
				continue
			case 1:
			default:
				var dup []string
				for _, k := range ks {
					dup = append(dup, filepath.Base(files[k]))
				}
				ferr = fmt.Errorf("文件夹中有 %d 个文件都像%s的申报书（%s），无法判断用哪一个：请移走多余的文件，或逐个文件导入", len(ks), units[i].Name, strings.Join(dup, "、"))
				return
			}
			res, err := appdoc.Import(datas[ks[0]], ms[i])
			if err != nil {
				ferr = fmt.Errorf("%s：%w", filepath.Base(files[ks[0]]), err)
				return
			}
			imports = append(imports, docImport{m: ms[i], u: units[i], name: filepath.Base(files[ks[0]]), res: res})
		}
	}, func() {
		hide()
		switch {
		case ferr != nil:
			env.ShowError(ferr)
		case len(imports) == 0:
			env.ShowError(fmt.Errorf("文件夹“%s”中没有提到推荐对象的申报书（%s）", filepath.Base(dir), strings.Join(skipped, "、")))
		default:
			docReviewImports(env, imports, skipped, len(units))
		}
	})
}

// docReviewImports shows what each file brings and writes all of them on 写入.
func docReviewImports(env *Env, imports []docImport, skipped []string, chosen int) {
	box := container.NewVBox()
	for _, im := range imports {
		head := fmt.Sprintf("导入为：%s %s申报书，来自 %s。", im.u.Name, im.m.Short, im.name)
		if im.res.Report.Complete() {
			head += "提纲各节均已识别。"
		} else {
			head += "请核对下列缺少或无内容的各节。"
		}
		box.Add(boldLabel(head))
		report := widget.NewLabel(strings.Join(im.res.Report.Lines(), "\n"))
		report.Wrapping = fyne.TextWrapWord
		box.Add(report)
	}
	if len(skipped) > 0 {
		l := widget.NewLabel("未导入（文件中没有明确提到推荐对象）：" + strings.Join(skipped, "、"))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	if len(imports) < chosen {
		l := widget.NewLabel(fmt.Sprintf("文件夹中只有 %d 份推荐对象的申报书，另一份请再导入。", len(imports)))
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	content := container.NewBorder(nil, widget.NewLabel("写入会替换已识别各节的现有文字；未识别的各节保持不变。"), nil, nil, container.NewVScroll(box))
	confirm := fmt.Sprintf("写入 %d 份申报书", len(imports))
	if len(imports) == 1 {
		confirm = "写入" + imports[0].u.Name
	}
	d := dialog.NewCustomConfirm("导入申报书", confirm, "取消", content, func(ok bool) {
		if !ok {
			return
		}
		if err := docApplyImports(env.Store, imports); err != nil {
			env.ShowError(err)
			return
		}
		env.Changed()
	}, env.Window)
	d.Resize(fyne.NewSize(680, 520))
	d.Show()
}

// docMeasureOf is the measure whose chosen city the file names most (its file name
// and the text of its sections); false when that is not clear.
func docMeasureOf(c *forms.Case, ms []*forms.Measure, units []forms.Unit, name string, data []byte) (int, bool) {
	res, err := appdoc.Import(data, ms[0])
	if err != nil {
		return 0, false
	}
	return forms.MostNamed(docText(name, res), c.Units, units)
}

// docText is what names a 申报书's city: its file name and the text of its sections.
func docText(name string, res appdoc.Result) string {
	var all strings.Builder
	all.WriteString(name)
	for _, t := range res.Texts {
		all.WriteString("\n" + t)
	}
	return all.String()
}

// docAskMeasure asks which measure's 申报书 is imported and calls use with its index.
func docAskMeasure(env *Env, ms []*forms.Measure, units []forms.Unit, confirm string, use func(int)) {
	var opts []string
	for i, m := range ms {
		opts = append(opts, fmt.Sprintf("%s（%s）", m.Short, units[i].Name))
	}
	radio := widget.NewRadioGroup(opts, nil)
	radio.SetSelected(opts[0])
	dialog.ShowCustomConfirm("导入哪一项措施的申报书？", confirm, "取消", radio, func(ok bool) {
		if !ok {
			return
		}
		for i, o := range opts {
			if o == radio.Selected {
				use(i)
			}
		}
	}, env.Window)
}

// docImportData splits the file and shows the report; the officer confirms the write.
func docImportData(env *Env, m *forms.Measure, u forms.Unit, name string, data []byte) {
	res, err := appdoc.Import(data, m)
	if err != nil {
		env.ShowError(fmt.Errorf("%s：%w", name, err))
		return
	}
	lines := res.Report.Lines()
	head := fmt.Sprintf("导入为：%s %s申报书，来自 %s。", u.Name, m.Short, name)
	if res.Report.Complete() {
		head += "提纲各节均已识别。"
	} else {
		head += "请核对下列缺少或无内容的各节。"
	}
	report := widget.NewLabel(strings.Join(lines, "\n"))
	report.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(widget.NewLabel(head))
	confirm := "写入" + u.Name
	// A file that is about another city (the wrong attachment of an e-mail) is named
	// before anything is written (issue 14 point 8).
	if other, own, ok := forms.OtherUnitNamed(docText(name, res), env.Case.Units, u.Code); ok {
		warn := widget.NewLabel(fmt.Sprintf("注意：文件中“%s”出现 %d 次，而“%s”只出现 %d 次——这可能是%s的申报书。请确认无误再写入%s。",
			forms.ShortUnitName(other.Unit.Name), other.Count, forms.ShortUnitName(u.Name), own, other.Unit.Name, u.Name))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.DangerImportance
		top.Add(warn)
		confirm = "仍写入" + u.Name
	}
	content := container.NewBorder(top, widget.NewLabel("写入会替换已识别各节的现有文字；未识别的各节保持不变。"), nil, nil,
		container.NewVScroll(report))
	d := dialog.NewCustomConfirm("导入申报书："+u.Name, confirm, "取消", content, func(ok bool) {
		if !ok {
			return
		}
		if err := docApplyImports(env.Store, []docImport{{m: m, u: u, name: name, res: res}}); err != nil {
			env.ShowError(err)
			return
		}
		env.Changed() // the shell's status bar names the import
	}, env.Window)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// docApplyImports writes the sections found with text of each file, in one audited
// change; a file without any is refused and nothing is written.
func docApplyImports(s *store.Store, imports []docImport) error {
	var names []string
	for _, im := range imports {
		names = append(names, im.name)
	}
	return s.Update("导入申报书 "+strings.Join(names, "、"), func(t *store.Tx) error {
		for _, im := range imports {
			n := 0
			for _, sec := range im.m.Sections() {
				if txt := strings.TrimSpace(im.res.Texts[sec.Key]); txt != "" {
					if err := t.SetSection(im.u.Code, im.m.ID, sec.Key, txt); err != nil {
						return err
					}
					n++
				}
			}
			if n == 0 {
				return fmt.Errorf("%s：文件中没有识别出任何一节的文字，未写入：请确认各节标题写成“一、基本情况”“（一）……”的形式", im.name)
			}
		}
		return nil
	})
}

// docBuild builds the documents off the UI goroutine with a progress dialog and calls
// done on the UI goroutine.
func docBuild(env *Env, done func(documents.Input, []documents.File)) {
	c := env.Case
	if c == nil || c.Campaign == nil {
		env.ShowError(store.ErrNotSetUp)
		return
	}
	bar := widget.NewProgressBar()
	status := widget.NewLabel("正在查找字体并生成文件……")
	prog := dialog.NewCustomWithoutButtons("生成文件", container.NewVBox(status, bar), env.Window)
	prog.Show()
	var in documents.Input
	var files []documents.File
	var err error
	inBackground(func() {
		var fp, sm2 string
		fp, sm2, err = keyring.Fingerprints(env.Store)
		in = documents.NewInput(c, env.Now(), docFonts(), fp, sm2)
		if err == nil {
			files, err = documents.BuildProgress(in, func(d, total int, path string) {
				fyne.Do(func() {
					bar.SetValue(float64(d) / float64(total))
					status.SetText("已生成 " + path)
				})
			})
		}
	}, func() {
		prog.Hide()
		if err != nil {
			env.ShowError(err)
			if len(files) == 0 {
				return
			}
		}
		done(in, files)
	})
}

func docSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

func docPreviewAction(env *Env) {
	docBuild(env, func(in documents.Input, files []documents.File) {
		texts, err := documents.Texts(in)
		if err != nil {
			env.ShowError(err)
			return
		}
		w := fyne.CurrentApp().NewWindow("预览文件")
		w.SetContent(docPreviewContent(env, in, files, texts))
		w.Resize(fyne.NewSize(1000, 700))
		w.Show()
	})
}

// docPreviewContent is the preview: the files with sizes on the left, the selected
// document's text on the right, and the write button.
func docPreviewContent(env *Env, in documents.Input, files []documents.File, texts map[string]string) fyne.CanvasObject {
	text := widget.NewLabel("选择左侧的文件查看内容。PDF 的版式请在写出后用 PDF 阅读器查看。")
	text.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(files) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%s（%s）", files[i].Path, docSize(len(files[i].Data))))
		})
	list.OnSelected = func(i widget.ListItemID) { text.SetText(texts[files[i].Path]) }
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	head := fmt.Sprintf("共 %d 个文件，%s；日期 %s。字体：%s", len(files), docSize(total), in.Date.Format("2006-01-02"), in.Fonts.Describe())
	if in.Case.Settings.Demo {
		head = "演示数据：数字均为虚构，不得报送。" + head
	}
	headLabel := widget.NewLabel(head)
	headLabel.Wrapping = fyne.TextWrapWord
	write := widget.NewButtonWithIcon("写出文件…", theme.DocumentSaveIcon(), func() { docChooseFolder(env, files) })
	split := container.NewHSplit(list, container.NewVScroll(text))
	split.Offset = 0.4
	return container.NewBorder(headLabel, container.NewHBox(write), nil, nil, split)
}

func docWriteAction(env *Env) {
	docBuild(env, func(_ documents.Input, files []documents.File) { docChooseFolder(env, files) })
}

// docFolderName is the folder created inside the one the officer picks.
func docFolderName(env *Env) string {
	return "督查激励推荐材料-" + forms.Day(env.Now()).Format("20060102")
}

func docChooseFolder(env *Env, files []documents.File) {
	req := pathRequest{Title: "选择写入纸质材料的文件夹", Kind: pickFolder,
		Note: "将在所选文件夹中写入“" + docFolderName(env) + "”文件夹。"}
	askPath(env, req, func(dir string) { docWriteTo(env, filepath.Join(dir, docFolderName(env)), files) })
}

// docWriteTo writes the files into target, asking before replacing a non-empty folder.
func docWriteTo(env *Env, target string, files []documents.File) {
	err := documents.WriteDir(target, files, false)
	if errors.Is(err, documents.ErrNotEmpty) {
		dialog.ShowConfirm("文件夹已有内容", target+" 中已有文件。替换为新生成的文件吗？", func(ok bool) {
			if ok {
				docWritten(env, target, documents.WriteDir(target, files, true))
			}
		}, env.Window)
		return
	}
	docWritten(env, target, err)
}

func docWritten(env *Env, target string, err error) {
	if err != nil {
		env.ShowError(err)
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("已写出到 %s。", target))
	msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() {
		u, err := url.Parse(storage.NewFileURI(target).String())
		if err == nil {
			err = fyne.CurrentApp().OpenURL(u)
		}
		if err != nil {
			env.ShowError(err)
		}
	})
	dialog.ShowCustom("文件已写出", "关闭", container.NewVBox(msg, open), env.Window)
}
