package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// pasteTop pastes a path into the dialog on top and presses Enter.
func pasteTop(t *testing.T, h *shellHarness, p string) {
	t.Helper()
	var e *widget.Entry
	walkObjects(t, h.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Entry); ok && e == nil {
			e = x
		}
	})
	if e == nil {
		t.Fatal("no path field on top")
	}
	e.SetText(p)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// Issue 14: a folder of the cities' Word files brings both chosen cities' 申报书 in one
// review (新疆: 自治州 with long names); a file about another city is left out and
// named, Word's lock file is ignored, two files for one city are refused.
func TestApplicationFolderImport(t *testing.T) {
	const bayin, urumqi, kizil = "652800", "650100", "653000"
	h := newProvinceShell(t, "650000", map[forms.MeasureID][]string{forms.Industry: {bayin, kizil}, forms.Digital: {urumqi}})
	if err := h.sh.Store().Update("比选", func(tx *store.Tx) error {
		if err := tx.Choose(forms.Choice{Measure: forms.Industry, UnitCode: bayin, Reason: "第一"}, testNow); err != nil {
			return err
		}
		return tx.Choose(forms.Choice{Measure: forms.Digital, UnitCode: urumqi, Reason: "唯一"}, testNow)
	}); err != nil {
		t.Fatal(err)
	}
	h.sh.Env().Changed()
	h.sh.Show(forms.StepApplication, "")
	c := h.caseNow()
	dir := filepath.Join(t.TempDir(), "各地州市申报书")
	os.MkdirAll(dir, 0o755)
	ind, _ := c.Campaign.Measure(forms.Industry)
	dig, _ := c.Campaign.Measure(forms.Digital)
	writeApplication(t, ind, "巴音郭楞蒙古自治州", filepath.Join(dir, "巴州申报书.docx"))
	writeApplication(t, dig, "乌鲁木齐市", filepath.Join(dir, "乌鲁木齐市数字化申报书.docx"))
	writeApplication(t, ind, "克孜勒苏柯尔克孜自治州", filepath.Join(dir, "克州.docx"))
	os.WriteFile(filepath.Join(dir, "~$巴州申报书.docx"), []byte("lock"), 0o644)

	runAction(t, h.sh.Env(), forms.StepApplication, "从 Word 导入…")
	pasteTop(t, h, dir)
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !showsText(t, top, "导入为：巴音郭楞蒙古自治州 工业稳增长申报书，来自 巴州申报书.docx") ||
		!showsText(t, top, "导入为：乌鲁木齐市 "+dig.Short+"申报书") || !showsText(t, top, "克州.docx") {
		t.Fatalf("the review: %s", labelsIn(t, top))
	}
	test.Tap(findButton(t, top, "写入 2 份申报书"))
	for _, k := range []struct {
		code string
		m    forms.MeasureID
		who  string
	}{{bayin, forms.Industry, "巴音郭楞蒙古自治州"}, {urumqi, forms.Digital, "乌鲁木齐市"}} {
		secs, err := h.sh.Store().Sections(k.code, k.m)
		if err != nil || len(secs) == 0 || !strings.Contains(secs["1"], k.who) {
			t.Errorf("%s: sections %v (%v)", k.who, secs, err)
		}
	}
	if secs, _ := h.sh.Store().Sections(kizil, forms.Industry); len(secs) != 0 {
		t.Error("the file about 克州 was written")
	}
	if rows, err := h.sh.Store().Audit(store.AuditFilter{}); err != nil || len(rows) == 0 || !strings.Contains(rows[0].Note, "巴州申报书.docx") {
		t.Errorf("the import is not in the history: %v", err)
	}

	// A second draft for 巴州: which one is meant cannot be told.
	writeApplication(t, ind, "巴音郭楞蒙古自治州", filepath.Join(dir, "巴州申报书（修改稿）.docx"))
	before, _ := h.sh.Store().Sections(bayin, forms.Industry)
	runAction(t, h.sh.Env(), forms.StepApplication, "从 Word 导入…")
	pasteTop(t, h, dir)
	if top := h.win.Canvas().Overlays().Top(); top == nil || !showsText(t, top, "巴州申报书（修改稿）.docx") || !showsText(t, top, "无法判断用哪一个") {
		t.Fatalf("two drafts not refused: %s", labelsIn(t, top))
	}
	if after, _ := h.sh.Store().Sections(bayin, forms.Industry); len(after) != len(before) {
		t.Error("sections changed after a refused folder")
	}
}
