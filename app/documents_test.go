package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/appdoc"
	"tuijian/data/documents"
	"tuijian/data/docx"
	"tuijian/data/store"
	"tuijian/forms"
)

func TestDocumentActionsRegistered(t *testing.T) {
	has := func(step forms.Step, label string) bool {
		for _, a := range actionsFor(step) {
			if a.Label == label && a.Run != nil {
				return true
			}
		}
		return false
	}
	if !has(forms.StepApplication, "从 Word 导入…") || !has(forms.StepExport, "预览文件") || !has(forms.StepExport, "写出文件…") {
		t.Error("document actions not registered")
	}
}

func TestImportApplicationConfirm(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	m, _ := h.env.Case.Campaign.Measure(forms.Industry)
	ch, _ := h.env.Case.Choice(forms.Industry)
	u, _ := h.env.Case.Unit(ch.UnitCode)
	d := docx.New(docx.PageSetup{})
	d.Paragraph(docx.Para{Runs: []docx.Run{{Text: "一、基本情况", Bold: true}}})
	d.Text("导入的基本情况文字。")
	d.Paragraph(docx.Para{Runs: []docx.Run{{Text: "（二）促进工业稳增长", Bold: true}}})
	d.Text("导入的稳增长文字。")
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	docImportData(h.env, m, u, "青岛.docx", data)
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	b := h.overlayButton("写入" + u.Name)
	if b == nil {
		t.Fatal("no confirm dialog naming the city")
	}
	if h.overlayShows("可能是") {
		t.Error("a file about its own city is reported as another's")
	}
	// Nothing is written before the officer confirms.
	if secs, _ := h.store.Sections(u.Code, m.ID); secs["1"] == "导入的基本情况文字。" {
		t.Fatal("written before confirmation")
	}
	test.Tap(b)
	secs, err := h.store.Sections(u.Code, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if secs["1"] != "导入的基本情况文字。" || secs["2.2"] != "导入的稳增长文字。" || !strings.HasPrefix(secs["2.1"], "（演示数据）") {
		t.Errorf("sections after import: %v", secs)
	}
	if h.changed != 1 {
		t.Errorf("Changed called %d times", h.changed)
	}
	audit, _ := h.store.Audit(store.AuditFilter{Limit: 1})
	if len(audit) == 0 || audit[0].Note != "导入申报书 青岛.docx" {
		t.Errorf("audit: %+v", audit)
	}
}

// Issue 14 point 8: a file about another city (the wrong e-mail attachment) is named
// before it is written into the chosen city; 取消 writes nothing.
func TestImportApplicationOfAnotherCityAsks(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	m, _ := h.env.Case.Campaign.Measure(forms.Industry)
	ch, _ := h.env.Case.Choice(forms.Industry)
	u, _ := h.env.Case.Unit(ch.UnitCode)
	other := "烟台市"
	if u.Name == other {
		other = "潍坊市"
	}
	d := docx.New(docx.PageSetup{})
	d.Paragraph(docx.Para{Runs: []docx.Run{{Text: "一、基本情况", Bold: true}}})
	d.Text(other + "位于山东半岛。" + other + "工业总产值……" + strings.TrimSuffix(other, "市") + "港")
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := h.store.Sections(u.Code, m.ID)
	docImportData(h.env, m, u, "申报书.docx", data)
	if !h.overlayShows("可能是" + other + "的申报书") {
		t.Fatal("the preview does not say the file is about " + other)
	}
	b := h.overlayButton("仍写入" + u.Name)
	if b == nil {
		t.Fatal("the confirm button does not name the city it writes into")
	}
	test.Tap(h.overlayButton("取消"))
	if after, _ := h.store.Sections(u.Code, m.ID); after["1"] != before["1"] {
		t.Fatal("取消 wrote the other city's text")
	}
}

func TestImportApplicationErrors(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	m, _ := h.env.Case.Campaign.Measure(forms.Digital)
	ch, _ := h.env.Case.Choice(forms.Digital)
	u, _ := h.env.Case.Unit(ch.UnitCode)
	docImportData(h.env, m, u, "x.docx", []byte("not a zip"))
	if len(h.errs) != 1 || !strings.Contains(h.errs[0].Error(), "x.docx") {
		t.Errorf("errors: %v", h.errs)
	}
	// A document with no recognisable section writes nothing and says so.
	err := docApplyImports(h.store, []docImport{{m: m, u: u, name: "empty.docx", res: appdoc.Result{Texts: map[string]string{}}}})
	if err == nil || !strings.Contains(err.Error(), "未写入") {
		t.Errorf("empty import: %v", err)
	}
	// Without a choice the action explains what to do.
	h.env.Case.Choices = nil
	docImportAction(h.env)
	if len(h.errs) != 2 || !strings.Contains(h.errs[1].Error(), "尚未选择") {
		t.Errorf("no choice: %v", h.errs)
	}
}

func TestPreviewAndWrite(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	type built struct {
		in    documents.Input
		files []documents.File
	}
	got := make(chan built, 1)
	docBuild(h.env, func(in documents.Input, files []documents.File) { got <- built{in, files} })
	var b built
	select {
	case b = <-got:
	case <-time.After(60 * time.Second):
		t.Fatal("build did not finish")
	}
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	if len(b.files) != 17 {
		t.Fatalf("%d files", len(b.files))
	}
	texts, err := documents.Texts(b.in)
	if err != nil {
		t.Fatal(err)
	}
	content := docPreviewContent(h.env, b.in, b.files, texts)
	w := test.NewWindow(content)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	var list *widget.List
	var labels []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.List:
			list = x
		case *widget.Label:
			labels = append(labels, x)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, y := range c.Objects {
				walk(y)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, y := range test.TempWidgetRenderer(t, wd).Objects() {
				walk(y)
			}
		}
	}
	walk(content)
	if list == nil {
		t.Fatal("no file list")
	}
	if list.Length() != 17 {
		t.Errorf("list has %d rows", list.Length())
	}
	var letter int
	for i, f := range b.files {
		if f.Path == documents.Names(&b.in.Case.Campaign.Measures[0]).LetterPDF {
			letter = i
		}
	}
	list.Select(letter)
	found := false
	for _, l := range labels {
		if strings.Contains(l.Text, "工信厅规函〔2022〕13号") {
			found = true
		}
	}
	if !found {
		t.Error("the letter's text is not shown after selecting it")
	}
	// Writing: into a new folder, then a second time asks before replacing.
	target := filepath.Join(t.TempDir(), docFolderName(h.env))
	docWriteTo(h.env, target, b.files)
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	if _, err := os.Stat(filepath.Join(target, documents.ReportPDF)); err != nil {
		t.Fatal(err)
	}
	if h.overlayButton("打开文件夹") == nil {
		t.Error("no 打开文件夹 after writing")
	}
	h.win.Canvas().Overlays().Top().Hide()
	h.win.Canvas().Overlays().Remove(h.win.Canvas().Overlays().Top())
	os.WriteFile(filepath.Join(target, "old.txt"), []byte("x"), 0o644)
	docWriteTo(h.env, target, b.files)
	yes := h.overlayButton("Yes")
	if yes == nil {
		yes = h.overlayButton("是")
	}
	if yes == nil {
		t.Fatal("no confirmation before replacing a non-empty folder")
	}
	test.Tap(yes)
	if _, err := os.Stat(filepath.Join(target, "old.txt")); !os.IsNotExist(err) {
		t.Errorf("old file kept after replacing: %v", err)
	}
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
}

// With two chosen cities the file's city picks the measure; a file that names
// neither asks which measure it is.
func TestImportApplicationPicksMeasureByCity(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	ms, units := docChoices(h.env.Case)
	if len(ms) != 2 || units[0].Code == units[1].Code {
		t.Skip("the demo needs two different chosen cities")
	}
	dir := t.TempDir()
	write := func(name, city string) string {
		d := docx.New(docx.PageSetup{})
		d.Paragraph(docx.Para{Runs: []docx.Run{{Text: "一、基本情况", Bold: true}}})
		d.Text(city + "的基本情况。" + city + "……" + city)
		b, _ := d.Bytes()
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	runAction(t, h.env, forms.StepApplication, "从 Word 导入…")
	typePath(h, write("申报书.docx", units[1].Name))
	if !h.overlayShows("导入为：" + units[1].Name + " " + ms[1].Short) {
		t.Fatal("the file of the second city is not offered for its measure")
	}
	h.win.Canvas().Overlays().Remove(h.win.Canvas().Overlays().Top())
	runAction(t, h.env, forms.StepApplication, "从 Word 导入…")
	typePath(h, write("材料.docx", "某地"))
	if !h.overlayShows("导入哪一项措施的申报书？") || h.overlayButton("导入") == nil {
		t.Fatal("a file naming neither city does not ask for the measure")
	}
	test.Tap(h.overlayButton("导入"))
	if !h.overlayShows("导入为：" + units[0].Name + " " + ms[0].Short) {
		t.Fatal("the answer is not used")
	}
}
