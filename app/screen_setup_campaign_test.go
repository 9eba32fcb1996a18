package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuijian/forms"
)

// 设置 names the campaign and its deadline with a countdown; loading a definition file
// shows what it changes and writes nothing until 采用; a file with faults is refused
// with its JSON path.
func TestCampaignCardLoadsADefinition(t *testing.T) {
	h := newTestEnv(t, envConfig{step: forms.StepSetup})
	s := h.screen.(*setupScreen)
	if txt := h.texts(); !strings.Contains(txt, "工信厅规函〔2022〕13号") || !strings.Contains(txt, "报送截止：2022年2月14日（还有 4 天）") ||
		!strings.Contains(txt, "本程序内置的 2021 年度定义") || !strings.Contains(txt, "1. 工业稳增长：不超过1个市（州）") {
		t.Fatalf("campaign card:\n%s", txt)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	b, _ := forms.BuiltinCampaign(2021)
	os.WriteFile(bad, []byte(strings.Replace(string(b), `"paper_copies": 1`, `"paper_copies": 0`, 1)), 0o644)
	s.campaign.offer(bad)
	if len(h.errs) != 1 || !strings.Contains(h.errs[0].Error(), "$.materials.paper_copies") {
		t.Fatalf("bad file: %v", h.errs)
	}
	// A corrected copy of the 2021 file: the diff names the change; 取消 keeps the old.
	fixed := filepath.Join(dir, "2021-修订.json")
	os.WriteFile(fixed, []byte(strings.Replace(string(b), `"paper_copies": 1`, `"paper_copies": 2`, 1)), 0o644)
	s.campaign.offer(fixed)
	if !h.overlayShows("纸质材料份数：1 → 2") {
		t.Fatal("the dialog does not show the difference")
	}
	test.Tap(h.overlayButton("取消"))
	if c, _ := h.store.Campaign(); c.PaperCopies != 1 {
		t.Fatal("取消 adopted the file")
	}
	s.campaign.offer(fixed)
	test.Tap(h.overlayButton("采用"))
	if c, _ := h.store.Campaign(); c.PaperCopies != 2 {
		t.Fatal("采用 did not adopt the file")
	}
	if txt := h.texts(); !strings.Contains(txt, "纸质材料 2 份") || !strings.Contains(txt, "定义文件 "+fixed) {
		t.Errorf("card after adopting:\n%s", txt)
	}
	// The file edited afterwards: the card says so.
	os.WriteFile(fixed, b, 0o644)
	s.Refresh()
	if txt := h.texts(); !strings.Contains(txt, "自采用后已改动") {
		t.Errorf("no word of the edited file:\n%s", txt)
	}
	if len(h.errs) != 1 {
		t.Errorf("errors: %v", h.errs)
	}
}
