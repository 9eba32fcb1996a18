package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// checkFields runs check --json and returns its issues by field.
func checkFields(t *testing.T, db string, extra ...string) map[string]string {
	t.Helper()
	out, errOut, _ := run(t, append([]string{"--db", db}, append(extra, "check", "--json")...)...)
	var chk struct {
		Issues []struct{ Severity, Field, Message string }
	}
	if err := json.Unmarshal([]byte(out), &chk); err != nil {
		t.Fatalf("%v: %s%s", err, out, errOut)
	}
	got := map[string]string{}
	for _, i := range chk.Issues {
		got[i.Field] += i.Severity + "：" + i.Message + "\n"
	}
	return got
}

// Issue 11 through the CLI: the recommending body is never invented and follows the
// province (point 5); a consent is for a city and goes stale on a switch (point 2, 通知
// 五); letters have their own numbers (point 4); the screening, the 第十六条 register
// and the 第十一条 commendations; events and check count to the same --date (point 3).
func TestStatementsThroughTheCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "gx.db")
	ok, status := dbRunner(t, db)
	ok("setup", "--province", "广东", "--year", "2021", "--contact", "李四", "--phone", "020-83133000")
	st := checkFields(t, db)
	if strings.Contains(st["settings.department"], "阻断") {
		t.Errorf("department not filled from the table: %s", st["settings.department"])
	}
	ok("setup", "--province", "广西")
	out := ok("--json", "setup")
	if !strings.Contains(out, "广西壮族自治区工业和信息化厅") || strings.Contains(out, "主管部门") || strings.Contains(out, "广东") {
		t.Errorf("department after switching province: %s", out)
	}
	ok("candidate", "add", "--measure", "industry", "南宁", "柳州")
	ok("candidate", "add", "--measure", "digital", "南宁")
	if msg := status(2, "approve", "--measure", "industry", "--government", "是"); !strings.Contains(msg, "尚未选择") {
		t.Errorf("consent before a choice: %s", msg)
	}
	ok("choose", "--measure", "industry", "--unit", "柳州", "--reason", "领先")
	ok("approve", "--measure", "industry", "--government", "是", "--gov-doc", "桂政函〔2022〕5号", "--gov-date", "2022-02-08", "--letter-no", "桂工信函〔2022〕1号")
	ok("choose", "--measure", "digital", "--unit", "南宁", "--reason", "领先")
	if msg := status(2, "approve", "--measure", "digital", "--letter-no", "桂工信函〔2022〕1号"); !strings.Contains(msg, "已用于工业稳增长") {
		t.Errorf("a second letter with the same number: %s", msg)
	}
	// Switch the city after the consent: check names both cities; approve says so too.
	ok("candidate", "add", "--measure", "industry", "桂林")
	ok("choose", "--measure", "industry", "--unit", "南宁", "--reason", "改选")
	got := checkFields(t, db, "--date", "2022-02-10")
	if !strings.Contains(got["approval.gov:industry"], "省政府同意的是柳州市，现推荐南宁市，请重新报批") {
		t.Errorf("stale consent: %q", got["approval.gov:industry"])
	}
	if out := ok("approve", "--measure", "industry", "--letter-no", "桂工信函〔2022〕3号"); !strings.Contains(out, "现推荐南宁市") {
		t.Errorf("approve does not warn of the stale consent: %s", out)
	}
	ok("approve", "--measure", "industry", "--gov-doc", "桂政函〔2022〕9号", "--gov-date", "2022-02-09")
	if got := checkFields(t, db, "--date", "2022-02-10"); got["approval.gov:industry"] != "" {
		t.Errorf("consent given again for 南宁: %q", got["approval.gov:industry"])
	}
	// Dates in order: a consent dated after the package blocks; the letter number's year.
	got = checkFields(t, db, "--date", "2022-02-08")
	if !strings.Contains(got["approval.gov_date:industry"], "晚于报送日期") {
		t.Errorf("consent after the package date: %q", got["approval.gov_date:industry"])
	}
	if got := checkFields(t, db, "--date", "2023-01-05"); !strings.Contains(got["approval.letter_no:industry"], "年份 2022") {
		t.Errorf("letter number of another year: %q", got["approval.letter_no:industry"])
	}
	// The screening: required before “经核查”, refused when incomplete.
	if !strings.Contains(checkFields(t, db, "--date", "2022-02-10")["screening:450100"], "尚未记录") {
		t.Error("no blocker without a screening")
	}
	if msg := status(2, "screening", "--unit", "南宁", "--checker", "规划处 李四"); !strings.Contains(msg, "未填写") {
		t.Errorf("incomplete screening: %s", msg)
	}
	ok("screening", "--unit", "南宁", "--checker", "规划处 李四", "--departments", "自治区应急管理厅、自治区生态环境厅", "--on", "2022-02-07", "--basis", "两厅复函")
	if got := checkFields(t, db, "--date", "2022-02-10"); got["screening:450100"] != "" {
		t.Errorf("screening recorded but still: %q", got["screening:450100"])
	}
	// 办法 第十六条: a barred city cannot be chosen; a barred province blocks.
	ok("bar", "add", "--unit", "桂林", "--from", "2020", "--doc", "工信厅规函〔2020〕9号", "--reason", "提供虚假材料")
	if msg := status(2, "choose", "--measure", "industry", "--unit", "桂林"); !strings.Contains(msg, "第十六条") {
		t.Errorf("choosing a barred city: %s", msg)
	}
	if out := ok("bar", "list"); !strings.Contains(out, "桂林市  2020—2022年度") {
		t.Errorf("bar list: %s", out)
	}
	// 办法 第十一条.
	ok("commend", "add", "--unit", "南宁", "--doc", "国办发〔2021〕49号", "--on", "2021-07-01", "--title", "典型经验做法")
	if out := ok("commend", "list"); !strings.Contains(out, "南宁市") || !strings.Contains(out, "国办发〔2021〕49号") {
		t.Errorf("commend list: %s", out)
	}
	if msg := status(2, "commend", "add", "--unit", "南宁", "--doc", "x", "--on", "2021-13-01"); !strings.Contains(msg, "不存在") {
		t.Errorf("bad date: %s", msg)
	}
	// 通知 二: unchoosing one measure is a 提示, not a blocker.
	ok("unchoose", "--measure", "digital")
	got = checkFields(t, db, "--date", "2022-02-10")
	if !strings.HasPrefix(got["choice:digital"], "提示") {
		t.Errorf("an empty measure: %q", got["choice:digital"])
	}
}

// 办法 第六/七条（六） counted to one day everywhere: an event between the default
// “today” and the package date is counted by check, units and exclusions alike.
func TestEventWindowFollowsDate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ok, _ := dbRunner(t, db)
	ok("setup", "--province", "山东", "--year", "2021", "--contact", "张三", "--phone", "0531-86000001")
	ok("candidate", "add", "--measure", "industry", "青岛")
	ok("event", "add", "--unit", "青岛", "--kind", "safety", "--date", "2022-03-01", "--title", "爆炸", "--deaths", "12")
	for _, verb := range []string{"exclusions", "units"} {
		before := ok("--date", "2022-02-10", verb)
		after := ok("--date", "2022-03-05", verb)
		if strings.Contains(before, "爆炸") || !strings.Contains(after, "爆炸") {
			t.Errorf("%s: before the event %q, after %q", verb, before, after)
		}
		if alt := ok(verb, "--date", "2022-03-05"); alt != after {
			t.Errorf("%s: --date after the verb differs", verb)
		}
	}
}
