package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/discimage"
)

// Every file and folder the officer picks goes through askPath: a path field that
// takes what is typed or pasted from the explorer's address bar (a local path, or a
// network path such as \\服务器\共享\报送 that Fyne's own dialog cannot reach), and
// 浏览… for Fyne's dialog, which opens where the last file was picked. The field
// starts with that folder (and, when saving, the suggested name), so saving again
// needs one Enter.

type pathKind int

const (
	pickFile   pathKind = iota // an existing file to read
	saveFile                   // a file to write (a typed folder gets the suggested name)
	pickFolder                 // an existing folder
)

type pathRequest struct {
	Title    string
	Kind     pathKind
	Exts     []string // lower-case extensions with the dot, for the filter and the check
	FileName string   // suggested name when saving
	Note     string   // one line above the field, may be empty
	// FolderToo lets pickFile take a folder as well (all its files of Exts).
	FolderToo bool
}

// askPath shows the path dialog; use gets a checked plain path (on the UI goroutine).
func askPath(env *Env, req pathRequest, use func(path string)) {
	entry := widget.NewEntry()
	switch {
	case env.lastDir != "" && req.Kind == saveFile:
		entry.SetText(filepath.Join(env.lastDir, req.FileName))
	case env.lastDir != "":
		entry.SetText(env.lastDir + string(filepath.Separator))
	}
	entry.SetPlaceHolder(pathPlaceholder(req.Kind))
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	var d *dialog.CustomDialog
	accept := func(p string) {
		d.Hide()
		env.lastDir = p
		if req.Kind != pickFolder {
			env.lastDir = filepath.Dir(p)
		}
		use(p)
	}
	submit := func() {
		p, err := checkPath(entry.Text, req)
		if err != nil {
			problem.SetText(err.Error())
			return
		}
		accept(p)
	}
	entry.OnSubmitted = func(string) { submit() }
	browse := widget.NewButtonWithIcon("浏览…", theme.FolderOpenIcon(), func() { browsePath(env, req, accept) })
	ok := widget.NewButtonWithIcon(pathVerb(req.Kind), theme.ConfirmIcon(), submit)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { d.Hide() })
	var top []fyne.CanvasObject
	if req.Note != "" {
		n := widget.NewLabel(req.Note)
		n.Wrapping = fyne.TextWrapWord
		top = append(top, n)
	}
	top = append(top, container.NewBorder(nil, nil, widget.NewLabel(pathFieldLabel(req.Kind)), browse, entry), problem)
	d = dialog.NewCustomWithoutButtons(req.Title, container.NewVBox(top...), env.Window)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fyne.NewSize(680, 220))
	d.Show()
	env.Window.Canvas().Focus(entry)
}

// browsePath opens Fyne's own dialog for req, starting in the last folder used.
func browsePath(env *Env, req pathRequest, use func(string)) {
	var start fyne.ListableURI
	if env.lastDir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(env.lastDir)); err == nil {
			start = l
		}
	}
	var filter storage.FileFilter
	if len(req.Exts) > 0 {
		exts := slices.Clone(req.Exts)
		for _, e := range req.Exts {
			exts = append(exts, strings.ToUpper(e))
		}
		filter = storage.NewExtensionFileFilter(exts)
	}
	switch req.Kind {
	case pickFolder:
		d := dialog.NewFolderOpen(chosen(env, func(l fyne.ListableURI) { use(l.Path()) }), env.Window)
		d.SetLocation(start)
		d.Show()
	case pickFile:
		d := dialog.NewFileOpen(chosen(env, func(r fyne.URIReadCloser) {
			r.Close()
			use(r.URI().Path())
		}), env.Window)
		d.SetLocation(start)
		d.SetFilter(filter)
		d.Show()
	case saveFile:
		d := dialog.NewFileSave(chosen(env, func(w fyne.URIWriteCloser) {
			// Fyne has created the file; the caller writes it whole (atomically).
			p := w.URI().Path()
			w.Close()
			use(p)
		}), env.Window)
		d.SetLocation(start)
		d.SetFilter(filter)
		d.SetFileName(req.FileName)
		d.Show()
	}
}

func pathFieldLabel(k pathKind) string {
	if k == pickFolder {
		return "文件夹"
	}
	return "文件"
}

func pathVerb(k pathKind) string {
	switch k {
	case saveFile:
		return "保存"
	case pickFolder:
		return "选择"
	}
	return "打开"
}

func pathPlaceholder(k pathKind) string {
	if k == pickFolder {
		return `输入或粘贴路径，如 D:\督查激励 或网络路径 \\服务器\共享\报送`
	}
	return `输入或粘贴路径，如 D:\督查激励\填报表.xlsx 或 \\服务器\共享\…`
}

// checkPath turns what the officer typed into a plain path or says, in Chinese and
// naming the path, why it cannot be used. Quotes from the explorer's “复制为路径”
// are removed.
func checkPath(typed string, req pathRequest) (string, error) {
	p := strings.Trim(strings.TrimSpace(typed), `"`)
	if p == "" {
		return "", errors.New("请输入路径，或点“浏览…”选择")
	}
	p = filepath.Clean(p)
	st, err := os.Stat(p)
	switch req.Kind {
	case pickFolder:
		return typedFolder(p)
	case pickFile:
		switch {
		case err != nil:
			return "", fmt.Errorf("找不到文件“%s”：请检查路径（网络路径须已能在资源管理器中打开）", p)
		case st.IsDir() && req.FolderToo:
			return p, nil
		case st.IsDir():
			return "", fmt.Errorf("“%s”是文件夹：请在路径末尾加上文件名，或点“浏览…”选择文件", p)
		}
		if err := checkExt(p, req.Exts); err != nil {
			return "", err
		}
		return p, nil
	}
	// saveFile: a folder gets the suggested name; the folder must exist.
	if err == nil && st.IsDir() {
		p = filepath.Join(p, req.FileName)
		st, err = os.Stat(p)
	}
	if err == nil && st.IsDir() {
		return "", fmt.Errorf("“%s”是文件夹，不能作为文件保存", p)
	}
	dir := filepath.Dir(p)
	if dst, derr := os.Stat(dir); derr != nil || !dst.IsDir() {
		return "", fmt.Errorf("找不到文件夹“%s”：请先建好，或检查路径", dir)
	}
	name := filepath.Base(p)
	if why := discimage.CheckName(name); why != "" {
		return "", fmt.Errorf("文件名“%s”：%s", name, why)
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return "", fmt.Errorf("文件名“%s”以句点或空格结尾，Windows 会把它存到另一个名字下，请删去", name)
	}
	if len(req.Exts) > 0 && filepath.Ext(p) == "" {
		p += req.Exts[0]
	}
	if err := checkExt(p, req.Exts); err != nil {
		return "", err
	}
	return p, nil
}

func checkExt(p string, exts []string) error {
	if len(exts) == 0 || slices.Contains(exts, strings.ToLower(filepath.Ext(p))) {
		return nil
	}
	return fmt.Errorf("“%s”不是 %s 文件", filepath.Base(p), strings.Join(exts, "/"))
}
