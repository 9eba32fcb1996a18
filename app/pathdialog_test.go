package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"tuijian/forms"
)

func TestCheckPath(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "报送 材料")
	os.Mkdir(sub, 0o755)
	xlsx := filepath.Join(sub, "济南 填报表.xlsx")
	os.WriteFile(xlsx, []byte("x"), 0o644)
	os.Mkdir(filepath.Join(sub, "子"), 0o755)
	open := pathRequest{Kind: pickFile, Exts: []string{".xlsx"}}
	save := pathRequest{Kind: saveFile, Exts: []string{".xlsx"}, FileName: "填报表-广西壮族自治区-2021年度.xlsx"}
	folder := pathRequest{Kind: pickFolder}
	for _, c := range []struct {
		name  string
		typed string
		req   pathRequest
		want  string // the path, or (with err) a part of the message
		err   bool
	}{
		{"file as typed", xlsx, open, xlsx, false},
		{"quoted from 复制为路径", ` "` + xlsx + `" `, open, xlsx, false},
		{"missing file", filepath.Join(sub, "没有.xlsx"), open, "找不到文件", true},
		{"folder for a file", sub, open, "是文件夹", true},
		{"wrong kind of file", filepath.Join(dir, "a.txt"), open, "不是 .xlsx 文件", true},
		{"empty", "  ", open, "请输入路径", true},
		{"save into a folder", sub, save, filepath.Join(sub, save.FileName), false},
		{"save with a name", filepath.Join(sub, "新表"), save, filepath.Join(sub, "新表.xlsx"), false},
		{"save where no folder is", filepath.Join(dir, "没有", "x.xlsx"), save, "找不到文件夹", true},
		{"reserved name", filepath.Join(sub, "CON.xlsx"), save, "CON", true},
		{"trailing dot", filepath.Join(sub, "表."), save, "句点或空格", true},
		{"save onto a folder", sub, pathRequest{Kind: saveFile, FileName: "子"}, "是文件夹", true},
		{"folder", sub, folder, sub, false},
		{"network path not reachable", `\\服务器\共享\报送`, folder, "网络路径", true},
	} {
		if c.name == "wrong kind of file" {
			os.WriteFile(filepath.Join(dir, "a.txt"), nil, 0o644)
		}
		got, err := checkPath(c.typed, c.req)
		switch {
		case c.err && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %q %v, want an error with %q", c.name, got, err, c.want)
		case !c.err && (err != nil || got != c.want):
			t.Errorf("%s: %q %v, want %q", c.name, got, err, c.want)
		}
	}
}

func runAction(t *testing.T, env *Env, step forms.Step, label string) {
	t.Helper()
	for _, a := range actionsFor(step) {
		if a.Label == label {
			a.Run(env)
			return
		}
	}
	t.Fatalf("no action %s", label)
}

// typePath types p into the path field of the dialog on top and presses Enter.
func typePath(h *testEnv, p string) *widget.Entry {
	h.t.Helper()
	es := overlayEntries(h)
	if len(es) == 0 {
		h.t.Fatal("no path field on top")
	}
	e := es[0]
	e.SetText("")
	test.Type(e, p)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	return e
}

// Issue 15 point 7: the workbook round trip with typed paths, in a folder with
// Chinese and spaces: a wrong path is named in the dialog and changes nothing; a
// folder gets the suggested name; the next dialog starts in the last folder.
func TestTypedPathsForWorkbooks(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	dir := filepath.Join(t.TempDir(), "省厅 报送")
	os.Mkdir(dir, 0o755)

	runAction(t, h.env, forms.StepFigures, "导出填报表")
	typePath(h, filepath.Join(dir, "没有", "表.xlsx"))
	if !h.overlayShows("找不到文件夹") {
		t.Fatal("a missing folder is not named in the dialog")
	}
	typePath(h, dir)
	want := filepath.Join(dir, "填报表-山东省-2021年度.xlsx")
	f, err := excelize.OpenFile(want)
	if err != nil {
		t.Fatalf("the workbook was not written where typed: %v", err)
	}
	if v, _ := f.GetCellValue("工业稳增长", "A3"); v != "370100" {
		t.Errorf("A3 of the written workbook: %q", v)
	}
	f.Close()
	if n := len(h.notices); n == 0 || !strings.Contains(h.notices[n-1], want) {
		t.Errorf("no notice naming the written file: %q", h.notices)
	}

	runAction(t, h.env, forms.StepFigures, "导入填报表")
	if es := overlayEntries(h); len(es) == 0 || es[0].Text != dir+string(filepath.Separator) {
		t.Fatalf("the open dialog does not start in the last folder")
	}
	typePath(h, filepath.Join(dir, "没有.xlsx"))
	if !h.overlayShows("找不到文件") {
		t.Fatal("a missing file is not named")
	}
	typePath(h, want)
	if !h.overlayShows("填报表") || len(h.errs) > 0 {
		t.Fatalf("import of the typed file not shown: %v", h.errs)
	}
}

// The verify dialog takes a typed path; what is neither a folder nor an image is named.
func TestTypedPathForVerify(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	dir := t.TempDir()
	runAction(t, h.env, forms.StepExport, "校验报送包…")
	txt := filepath.Join(dir, "说明.txt")
	os.WriteFile(txt, nil, 0o644)
	typePath(h, txt)
	if !h.overlayShows("不是文件夹，也不是 .iso") {
		t.Fatal("a text file is not refused")
	}
	typePath(h, dir)
	if !h.overlayShows("校验未通过") {
		t.Error("an empty folder typed is not verified and refused")
	}
}
