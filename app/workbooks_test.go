package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"tuijian/data/store"
	"tuijian/data/workbook"
	"tuijian/forms"
)

func TestWorkbookActionsRegistered(t *testing.T) {
	var labels []string
	for _, a := range actionsFor(forms.StepFigures) {
		labels = append(labels, a.Label)
	}
	got := strings.Join(labels, " ")
	for _, w := range []string{"导出填报表", "导入填报表", "导出审核表", "导入审核回复"} {
		if !strings.Contains(got, w) {
			t.Errorf("action %s not registered on 指标数据: %v", w, labels)
		}
	}
}

// cityFilled exports the 填报表 and sets 济南市's 2021 规上工业增加值增速 to text.
func cityFilled(t *testing.T, c *forms.Case, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := workbook.ExportFigures(c, &b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Row 3 is the first candidate (370100); D is 规上工业增加值增速 2021年.
	if v, _ := f.GetCellValue("工业稳增长", "A3"); v != "370100" {
		t.Fatalf("A3 = %q", v)
	}
	if v, _ := f.GetCellValue("工业稳增长", "D2"); v != "2021年" {
		t.Fatalf("D2 = %q", v)
	}
	f.SetCellStr("工业稳增长", "D3", text)
	var out bytes.Buffer
	f.Write(&out)
	return out.Bytes()
}

func TestFigureImportReviewFlow(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	k := forms.FigureKey{UnitCode: "370100", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}

	// Problems: listed, nothing to confirm, nothing written.
	var v *figureImportView
	startFigureImport(h.env, "bad.xlsx", cityFilled(t, h.env.Case, "很高"), func(x *figureImportView) { v = x })
	if v == nil || v.confirm != nil || len(v.problems) != 1 || !strings.Contains(v.problems[0], "单元格 D3") || !strings.Contains(v.problems[0], "“很高”不是有效的数字") {
		t.Fatalf("problem view: %+v", v)
	}
	if !strings.Contains(v.summary.Text, "未导入任何数据") {
		t.Errorf("summary %q", v.summary.Text)
	}
	if h.changed != 0 {
		t.Fatal("changed after a failed import")
	}
	test.Tap(v.cancel)

	// A good file: the change is listed with 确认导入; tapping it writes one batch.
	v = nil
	startFigureImport(h.env, "济南.xlsx", cityFilled(t, h.env.Case, "12.5%"), func(x *figureImportView) { v = x })
	if v == nil || v.confirm == nil || v.plan == nil || len(v.plan.Changes) != 1 {
		t.Fatalf("plan view: %+v", v)
	}
	ch := v.plan.Changes[0]
	if ch.Cell != "D3" || ch.New != "12.5" || !ch.Unverifies {
		t.Errorf("change %+v", ch)
	}
	if !strings.Contains(v.summary.Text, "改为“未审核”") {
		t.Errorf("summary lacks the 未审核 warning: %q", v.summary.Text)
	}
	if f := h.figure(k); f.Value.A == 12.5 {
		t.Fatal("written before confirmation")
	}
	test.Tap(v.confirm)
	if h.changed != 1 || len(h.errs) != 0 {
		t.Fatalf("changed %d, errors %v", h.changed, h.errs)
	}
	if f := h.figure(k); f.Value.A != 12.5 || f.State != forms.Unverified {
		t.Errorf("after import: %+v", f)
	}
	audit, _ := h.store.Audit(store.AuditFilter{Limit: 1})
	if len(audit) == 0 || audit[0].Note != "导入 济南.xlsx" {
		t.Errorf("audit %+v", audit)
	}
	test.Tap(v.confirm) // a second tap writes nothing more
	if h.changed != 1 {
		t.Errorf("second tap applied again")
	}
}

func TestVerificationReviewFlow(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	var b bytes.Buffer
	if err := workbook.ExportVerification(h.env.Case, &b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("统计数据审核")
	var changed, questioned forms.FigureKey
	for i, r := range rows[2:] {
		row := i + 3
		ref := func(col string) string { return col + strings.TrimPrefix(cellRef(row), "A") }
		f.SetCellStr("统计数据审核", ref("K"), "王五")
		if r[0] == "370200" && r[4] == "2021" && changed.UnitCode == "" {
			f.SetCellStr("统计数据审核", ref("I"), "6.6")
			changed = forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Year: 2021}
			changed.Indicator = indicatorID(t, h.env.Case, r[3])
		} else if r[0] == "370600" && r[4] == "2020" && questioned.UnitCode == "" {
			f.SetCellStr("统计数据审核", ref("J"), "请核实口径")
			questioned = forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Year: 2020}
			questioned.Indicator = indicatorID(t, h.env.Case, r[3])
		}
	}
	var out bytes.Buffer
	f.Write(&out)
	f.Close()

	var v *verificationView
	startVerificationImport(h.env, "回复.xlsx", out.Bytes(), func(x *verificationView) { v = x })
	if v == nil || v.err != nil || len(v.open) != 2 {
		t.Fatalf("review view: %+v", v)
	}
	// Undecided and missing document number are refused on screen.
	test.Tap(v.confirm)
	if !strings.Contains(v.status.Text, "尚未决定") || h.changed != 0 {
		t.Fatalf("status %q", v.status.Text)
	}
	v.choice[forms.FigureReview(changed)].SetSelected(choiceAccept)
	v.choice[forms.FigureReview(questioned)].SetSelected(choiceReject)
	test.Tap(v.confirm)
	if !strings.Contains(v.status.Text, "文号") || h.changed != 0 {
		t.Fatalf("status %q", v.status.Text)
	}
	test.Type(v.doc, "鲁统函〔2022〕9号")
	if v.date.Text != "2022-02-10" {
		t.Errorf("default date %q", v.date.Text)
	}
	test.Tap(v.confirm)
	if h.changed != 1 {
		t.Fatalf("not applied: %q %v", v.status.Text, h.errs)
	}
	fc := h.figure(changed)
	if fc.Value.A != 6.6 || fc.State != forms.Verified || fc.VerifiedBy != "山东省统计局 王五" || fc.VerifyDocNo != "鲁统函〔2022〕9号" || fc.VerifiedAt != "2022-02-10" {
		t.Errorf("accepted change: %+v", fc)
	}
	if fq := h.figure(questioned); fq.State != forms.Questioned {
		t.Errorf("rejected question: %+v", fq)
	}
}

func cellRef(row int) string {
	s, _ := excelize.CoordinatesToCellName(1, row)
	return s
}

func indicatorID(t *testing.T, c *forms.Case, label string) string {
	for _, m := range c.Campaign.Measures {
		for _, in := range m.Indicators {
			if in.Label == label {
				return in.ID
			}
		}
	}
	t.Fatalf("no indicator %q", label)
	return ""
}

// A folder of returned 填报表 is imported as one change; a broken file in it is named
// and nothing is imported; a folder without workbooks says so.
func TestFigureImportFromFolder(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	dir := filepath.Join(t.TempDir(), "各市 报回")
	os.Mkdir(dir, 0o755)
	runAction(t, h.env, forms.StepFigures, "导入填报表")
	typePath(h, dir)
	if len(h.errs) != 1 || !strings.Contains(h.errs[0].Error(), "没有 .xlsx") {
		t.Fatalf("empty folder: %v", h.errs)
	}
	var b bytes.Buffer
	if err := workbook.ExportFigures(h.env.Case, &b); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	rows, _ := f.GetRows("工业稳增长")
	for i, r := range rows {
		if len(r) > 0 && r[0] == "370200" {
			f.SetCellValue("工业稳增长", "C"+fmt.Sprint(i+1), "9.9")
		}
	}
	f.SaveAs(filepath.Join(dir, "青岛.xlsx"))
	f.Close()
	os.WriteFile(filepath.Join(dir, "~$青岛.xlsx"), []byte("lock"), 0o644) // Excel's lock file: skipped
	os.WriteFile(filepath.Join(dir, "坏文件.xlsx"), []byte("not a workbook"), 0o644)
	before := h.stored().Figures
	runAction(t, h.env, forms.StepFigures, "导入填报表")
	typePath(h, dir)
	if !h.overlayShows("坏文件.xlsx") || h.overlayButton("确认导入") != nil {
		t.Fatal("the broken file is not named, or the import is offered")
	}
	if len(h.stored().Figures) != len(before) {
		t.Fatal("something was imported")
	}
	os.Remove(filepath.Join(dir, "坏文件.xlsx"))
	runAction(t, h.env, forms.StepFigures, "导入填报表")
	typePath(h, dir)
	if !h.overlayShows("（1 个文件）") || !h.overlayShows("青岛.xlsx：") {
		t.Fatal("the review does not name the folder's file")
	}
	test.Tap(h.overlayButton("确认导入"))
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2020}
	if f := h.figure(k); f.Value.A != 9.9 {
		t.Fatalf("not imported: %+v", f.Value)
	}
}

// 取消 while a workbook is checked gives the window back at once; the result, when it
// comes, is dropped: no review, nothing written.
func TestFigureImportCancelWhileChecking(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	data := cityFilled(t, h.env.Case, "12.5%")
	release, checked := make(chan struct{}), make(chan struct{})
	shown := make(chan *figureImportView, 1)
	h.async(func() {
		v := &figureImportView{env: h.env, name: "济南.xlsx"}
		c := h.env.Case
		startReview(h.env, v.name, v, func() {
			<-release
			v.plan, v.err = workbook.ImportFigures(c, bytes.NewReader(data), int64(len(data)))
			close(checked)
		}, func(x *figureImportView) { shown <- x })
		cancel := h.overlayButton("取消")
		if cancel == nil || !h.overlayShows("正在检查 济南.xlsx") {
			t.Fatal("no 取消 while checking")
		}
		test.Tap(cancel)
		if h.win.Canvas().Overlays().Top() != nil {
			t.Fatal("the progress dialog stayed after 取消")
		}
		close(release)
		wait(t, checked, "the check to finish")
		time.Sleep(200 * time.Millisecond) // the done callback would run now
	})
	select {
	case <-shown:
		t.Fatal("the review was shown after 取消")
	default:
	}
	if h.changed != 0 || h.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("changed %d times, overlay %v", h.changed, h.win.Canvas().Overlays().Top())
	}
}
