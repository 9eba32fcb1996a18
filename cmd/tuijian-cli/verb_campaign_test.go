package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/forms"
)

const testDefs = "../../forms/testdata/campaigns/"

func TestCampaignCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	ok, status := dbRunner(t, db)
	if out := ok("campaign", "list"); !strings.Contains(out, "2021  工信厅规函〔2022〕13号") {
		t.Errorf("list: %s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("campaign list created a data file")
	}
	exported := filepath.Join(dir, "2021.json")
	ok("campaign", "export", "2021", "--out", exported)
	b, err := os.ReadFile(exported)
	builtin, _ := forms.BuiltinCampaign(2021)
	if err != nil || string(b) != string(builtin) {
		t.Fatal("export is not the built-in file")
	}
	if out := ok("campaign", "check", testDefs+"2017-style.json"); !strings.Contains(out, "地级行政区不超过2个，县级行政区不超过1个") {
		t.Errorf("check: %s", out)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(strings.Replace(string(builtin), `"max_choices": 1`, `"max_choices": "一"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := status(2, "campaign", "check", bad); !strings.Contains(out, "$.measures[0].max_choices（第 43 行）：应为整数") {
		t.Errorf("check of a bad file: %s", out)
	}
	out := ok("campaign", "diff", "2021", testDefs+"2031-test.json")
	if !strings.Contains(out, "最多推荐（max_choices）：1 → 2") || !strings.Contains(out, "报送截止日期：2022-02-14 → 2032-02-14") {
		t.Errorf("diff: %s", out)
	}
	if out := ok("campaign", "schema"); !strings.Contains(out, `"max_choices"`) {
		t.Errorf("schema: %.200s", out)
	}
	// setup with a file: the case runs on it; a refused file changes nothing.
	status(2, "setup", "--province", "宁夏", "--campaign", bad)
	if _, err := os.Stat(db); err == nil {
		if out := ok("campaign", "list"); strings.Contains(out, "* 20") {
			t.Errorf("a refused file was adopted: %s", out)
		}
	}
	def := filepath.Join(dir, "2031.json")
	b, _ = os.ReadFile(testDefs + "2031-test.json")
	if err := os.WriteFile(def, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out := ok("setup", "--province", "宁夏", "--campaign", def, "--contact", "马兰", "--phone", "0951-5000000"); !strings.Contains(out, "2031 年度（工信厅规函〔2032〕13号（测试用），报送截止 2032-02-14）") {
		t.Errorf("setup: %s", out)
	}
	if out := ok("campaign", "list"); !strings.Contains(out, "* 2031") {
		t.Errorf("list after setup: %s", out)
	}
	if err := os.WriteFile(def, []byte(strings.Replace(string(b), `"paper_copies": 1`, `"paper_copies": 2`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := status(0, "units"); !strings.Contains(out, "注意：定义文件") || !strings.Contains(out, "纸质材料份数：1 → 2") {
		t.Errorf("no word of the edited file: %s", out)
	}
	if out := status(2, "candidate", "add", "--measure", "工业互联网", "银川"); !strings.Contains(out, "2031 年度没有督查激励措施“工业互联网”") {
		t.Errorf("unknown measure: %s", out)
	}
	ok("candidate", "add", "--measure", "1", "银川")
}

// demo --campaign tries a new definition on invented data: candidates per measure,
// as many chosen as its quota allows, a clean pre-flight on a date before its deadline.
func TestDemoOnADefinition(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	ok, _ := dbRunner(t, db)
	if out := ok("--date", "2018-02-20", "demo", "--campaign", testDefs+"2017-style.json"); !strings.Contains(out, "山东省，2017 年度") {
		t.Errorf("demo: %s", out)
	}
	ok("--date", "2018-02-20", "check")
	units := ok("units")
	if !strings.Contains(units, "济南市历下区") || !strings.Contains(units, "含县级行政区") {
		t.Errorf("units with counties:\n%.300s", units)
	}
	db2 := filepath.Join(t.TempDir(), "x.db")
	ok2, _ := dbRunner(t, db2)
	ok2("--date", "2032-02-10", "demo", "--campaign", testDefs+"2031-test.json", "--province", "新疆生产建设兵团")
	ok2("--date", "2032-02-10", "check")
}
