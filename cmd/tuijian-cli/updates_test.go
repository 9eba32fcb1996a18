package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 13 point 1: writes change only what the flags give; a partial edit never
// deletes a row; messages and history speak in names, not codes or JSON.
func TestPartialEditsChangeOnlyWhatIsGiven(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ok, status := dbRunner(t, db)
	ok("setup", "--province", "山东", "--year", "2021", "--contact", "张三", "--phone", "0531-86000001")
	ok("candidate", "add", "--measure", "industry", "青岛")
	ok("figure", "set", "--measure", "industry", "--unit", "青岛", "--indicator", "ind.va_growth", "--year", "2021",
		"--value", "8.1", "--remark", "快报数", "--source", "2021年青岛市统计公报")
	figure := func() (value float64, remark, source string) {
		out := ok("figure", "list", "--unit", "青岛", "--json")
		var fs []struct {
			Indicator string
			Value     struct{ A float64 }
			Remark    string
			Source    string
		}
		if err := json.Unmarshal([]byte(out), &fs); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		for _, f := range fs {
			if f.Indicator == "ind.va_growth" {
				return f.Value.A, f.Remark, f.Source
			}
		}
		t.Fatal("figure gone")
		return
	}
	if out := ok("figure", "set", "--measure", "industry", "--unit", "青岛", "--indicator", "ind.va_growth", "--year", "2021", "--value", "6"); !strings.Contains(out, "规模以上工业增加值增速") {
		t.Errorf("message names the code, not the indicator: %s", out)
	}
	if v, r, s := figure(); v != 6 || r != "快报数" || s != "2021年青岛市统计公报" {
		t.Errorf("--value alone: %v %q %q", v, r, s)
	}
	ok("figure", "set", "--measure", "industry", "--unit", "青岛", "--indicator", "ind.va_growth", "--year", "2021", "--remark", "年报数")
	if v, r, s := figure(); v != 6 || r != "年报数" || s == "" {
		t.Errorf("--remark alone: %v %q %q", v, r, s)
	}
	ok("province-figure", "--measure", "industry", "--indicator", "ind.va_growth", "--year", "2021", "--value", "7.2", "--source", "2021年山东省统计公报")
	ok("province-figure", "--measure", "industry", "--indicator", "ind.va_growth", "--year", "2021", "--value", "7.3")
	// 主导产业: a partial edit keeps the name; it never deletes the row.
	ok("industry", "--unit", "青岛", "--row", "1", "--name", "家电", "--share", "18.2", "--growth", "9.5", "--revenue", "3560", "--profit", "210")
	ok("industry", "--unit", "青岛", "--row", "1", "--share", "13")
	if msg := status(2, "industry", "--unit", "青岛", "--row", "1", "--name", ""); !strings.Contains(msg, "不能为空") {
		t.Errorf("an empty name: %s", msg)
	}
	if msg := status(2, "industry", "--unit", "青岛", "--row", "2", "--share", "5"); !strings.Contains(msg, "须写明") {
		t.Errorf("a new row without a name: %s", msg)
	}
	hist := ok("history")
	if !strings.Contains(hist, "家电 | 13") {
		t.Errorf("row after a partial edit:\n%s", hist)
	}
	ok("industry", "--unit", "青岛", "--row", "1", "--delete")
	if msg := status(2, "industry", "--unit", "青岛", "--row", "1", "--delete"); !strings.Contains(msg, "不存在") {
		t.Errorf("deleting twice: %s", msg)
	}
	if strings.Contains(hist, `{"version"`) || strings.Contains(hist, "370200 ind.") {
		t.Errorf("history shows codes or JSON:\n%s", hist)
	}
}

// Issue 15 point 6: `demo` without --db uses the demo file, never the real one.
func TestDemoWithoutDBUsesTheDemoFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("AppData", dir)
	if _, errOut, code := run(t, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "Tuijian", "tuijian-demo.db")); err != nil {
		t.Errorf("no demo file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "Tuijian", "tuijian.db")); err == nil {
		t.Error("the demo went into the real data file")
	}
}

// Issue 20 point 6: in --json mode an error is JSON too.
func TestJSONErrors(t *testing.T) {
	_, errOut, code := run(t, "--json", "--db", filepath.Join(t.TempDir(), "x.db"), "units")
	var e struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	if code != 2 || json.Unmarshal([]byte(errOut), &e) != nil || e.OK || !strings.Contains(e.Error, "设置") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
