package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tuijian/data/demo"
	"tuijian/data/intake"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/store"
	"tuijian/data/submission"
	"tuijian/forms"
)

// provincePackage exports a real (not demo) package of a province's case.
func provincePackage(t *testing.T, dir, code string, cands map[forms.MeasureID][]string) submission.Result {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), code+".db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now = func() time.Time { return testNow }
	if err := demo.FillProvince(st, testNow, code, cands); err != nil {
		t.Fatal(err)
	}
	c, _ := st.Case()
	s := c.Settings
	s.Demo, s.Department = false, forms.RecommendingBodies[code]
	st.Update("设置", func(tx *store.Tx) error { return tx.SetSettings(s) })
	c, _ = st.Case()
	key, _, err := signing.GenerateKeyPair("部里汇总测试 "+code, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := submission.Export(context.Background(), submission.ExportInput{Case: c, Sections: c.Applications, Key: key, Date: testNow,
		Out: filepath.Join(dir, "报送包-"+code), Fonts: pdfdoc.Fallback()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Issue 17: the 部里汇总 window, reached from the first-run card, takes in a folder of
// packages (广西 passes; 北京's key is not the registered one) and writes the tables.
func TestIntakeWindow(t *testing.T) {
	h := newShellHarness(t, false)
	dir := t.TempDir()
	discs := filepath.Join(dir, "光盘内容")
	gx := provincePackage(t, discs, "450000", map[forms.MeasureID][]string{forms.Industry: {"450200"}, forms.Digital: {"450100"}})
	provincePackage(t, discs, "110000", map[forms.MeasureID][]string{forms.Industry: {"110108"}})
	keys := filepath.Join(dir, "登记表.txt")
	os.WriteFile(keys, []byte("广西\t"+gx.Fingerprint+"\n北京\t0000 1111 2222 3333 4444 5555 6666 7777\n"), 0o644)

	s := h.sh.Screen(forms.StepSetup).(*setupScreen)
	b := findButton(t, s.demoBox, "部里汇总（接收各省报送包）…")
	test.Tap(b)
	if !showsText(t, h.win.Content(), "部里汇总：接收各省报送包") {
		t.Fatal("the intake window did not open")
	}
	// Drive a view of its own to reach the fields (the window's is the same kind).
	v := newIntakeView(h.sh.Env(), nil)
	h.win.SetContent(v.root)
	out := filepath.Join(dir, "汇总")
	test.Tap(v.run) // nothing filled in: said, nothing run
	if len(v.results.Objects) != 0 {
		t.Fatal("ran without a register")
	}
	v.keys.SetText(keys)
	v.pkgs.SetText(discs)
	v.out.SetText(out)
	var got intake.Result
	v.done = func(r intake.Result) { got = r }
	test.Tap(v.run)
	if len(got.Packages) != 2 {
		t.Fatalf("%d packages taken in", len(got.Packages))
	}
	if !strings.Contains(v.status.Text, "共 2 个报送包：1 个通过，1 个未通过") {
		t.Errorf("status %q", v.status.Text)
	}
	if !showsText(t, v.results, "通过　报送包-450000") || !showsText(t, v.results, "指纹与登记不符") {
		t.Errorf("results: %s", labelsIn(t, v.results))
	}
	ind, _ := got.Campaign.Measure(forms.Industry)
	if _, err := os.Stat(filepath.Join(out, intake.TableName(ind))); err != nil {
		t.Error("no national table written")
	}
	if v.openOut.Disabled() || !v.cancel.Disabled() {
		t.Error("buttons after the run")
	}
}
