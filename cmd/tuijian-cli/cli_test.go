package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run executes the CLI in-process and returns stdout, stderr and the exit status.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &cli{out: &out, errOut: &errOut, now: func() time.Time { return time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC) }}
	code := c.main(args)
	return out.String(), errOut.String(), code
}

// dbRunner runs verbs against one database: ok wants exit status 0 and returns
// stdout; status wants the given exit status and returns stdout and stderr.
func dbRunner(t *testing.T, db string) (ok func(args ...string) string, status func(want int, args ...string) string) {
	ok = func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s%s", args, code, out, errOut)
		}
		return out
	}
	status = func(want int, args ...string) string {
		t.Helper()
		out, errOut, code := run(t, append([]string{"--db", db}, args...)...)
		if code != want {
			t.Fatalf("%v: exit %d, want %d: %s%s", args, code, want, out, errOut)
		}
		return out + errOut
	}
	return ok, status
}

func TestGradeJSON(t *testing.T) {
	cases := []struct {
		args     []string
		grade    string
		excludes bool
	}{
		{[]string{"grade", "safety", "--deaths", "9", "--injuries", "0", "--loss-yuan", "0"}, "较大", false},
		{[]string{"grade", "safety", "--deaths", "10", "--injuries", "0", "--loss-yuan", "0"}, "重大", true},
		{[]string{"grade", "safety", "--deaths", "0", "--injuries", "0", "--loss-yuan", "49999999"}, "较大", false},
		{[]string{"grade", "safety", "--deaths", "0", "--injuries", "0", "--loss-yuan", "50000000"}, "重大", true},
		{[]string{"grade", "safety", "--deaths", "30", "--injuries", "0", "--loss-yuan", "0"}, "特别重大", true},
		{[]string{"grade", "environment", "--deaths", "0", "--poisoned", "0", "--evacuated", "9999", "--loss-yuan", "0"}, "较大", false},
		{[]string{"grade", "environment", "--deaths", "0", "--poisoned", "0", "--evacuated", "10000", "--loss-yuan", "0"}, "重大", true},
		{[]string{"grade", "environment", "--deaths", "0", "--poisoned", "0", "--evacuated", "0", "--loss-yuan", "20000000"}, "重大", true},
		{[]string{"grade", "environment", "--deaths", "0", "--poisoned", "0", "--evacuated", "0", "--loss-yuan", "0", "--water-source", "city"}, "特别重大", true},
		{[]string{"grade", "environment", "--deaths", "0", "--poisoned", "0", "--evacuated", "0", "--loss-yuan", "0", "--ecology", "partial"}, "重大", true},
		{[]string{"grade", "environment", "--deaths", "0", "--poisoned", "0", "--evacuated", "0", "--loss-yuan", "0", "--impact", "prefecture"}, "较大", false},
		{[]string{"grade", "environment", "--deaths", "1", "--poisoned", "0", "--evacuated", "0", "--loss-yuan", "0"}, "一般", false},
	}
	for _, c := range cases {
		out, errOut, code := run(t, append(c.args, "--json")...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		var got struct {
			Grade    string `json:"grade"`
			Excludes bool   `json:"excludes"`
			Basis    string `json:"basis"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: %v in %s", c.args, err, out)
		}
		if got.Grade != c.grade || got.Excludes != c.excludes || got.Basis == "" {
			t.Errorf("%v: got %+v, want %s/%v", c.args, got, c.grade, c.excludes)
		}
	}
	for _, bad := range [][]string{
		{"grade", "safety", "--deaths", "-1"},
		{"grade", "safety", "--deaths", "abc"},
		{"grade", "environment", "--water-source", "river"},
		{"grade", "fire"},
	} {
		if _, errOut, code := run(t, bad...); code != 2 || !strings.Contains(errOut, "错误") {
			t.Errorf("%v: exit %d, stderr %q", bad, code, errOut)
		}
	}
}

func TestWorkflowEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	ok, fail := dbRunner(t, db)
	fail(2, "units") // not set up yet
	ok("setup", "--province", "山东", "--year", "2021", "--department", "山东省工业和信息化厅", "--contact", "张三", "--phone", "0531-86000000")
	if out := ok("units"); !strings.Contains(out, "青岛市") || !strings.Contains(out, "计划单列市") || strings.Contains(out, "莱芜") {
		t.Errorf("units:\n%s", out)
	}
	ok("candidate", "add", "--measure", "industry", "青岛", "济南", "370300")
	ok("candidate", "add", "--measure", "digital", "济南")
	if msg := fail(2, "candidate", "add", "--measure", "industry", "大连"); !strings.Contains(msg, "不属于山东省") {
		t.Errorf("another province's unit: %s", msg)
	}
	if msg := fail(2, "figure", "set", "--measure", "industry", "--unit", "青岛", "--indicator", "ind.mfg_share", "--year", "2021", "--value", "12..3"); !strings.Contains(msg, "青岛市") {
		t.Errorf("bad value: %s", msg)
	}
	ok("figure", "set", "--measure", "industry", "--unit", "青岛", "--indicator", "ind.va_growth", "--year", "2021", "--value", "－１.５％", "--source", "公报")
	if out := ok("figure", "list", "--unit", "青岛", "--json"); !strings.Contains(out, `"A": -1.5`) {
		t.Errorf("figure list: %s", out)
	}
	ok("event", "add", "--unit", "淄博", "--kind", "safety", "--date", "2020-08-14", "--title", "爆炸", "--deaths", "11")
	if out := ok("exclusions"); !strings.Contains(out, "淄博市") || !strings.Contains(out, "重大") {
		t.Errorf("exclusions: %s", out)
	}
	if msg := fail(2, "choose", "--measure", "industry", "--unit", "淄博"); !strings.Contains(msg, "不能推荐") {
		t.Errorf("choosing an excluded city: %s", msg)
	}
	ok("choose", "--measure", "industry", "--unit", "青岛", "--reason", "增速领先")
	ok("choose", "--measure", "industry", "--unit", "济南", "--reason", "改选")
	out, _, code := run(t, "--db", db, "check", "--json")
	if code != 1 {
		t.Fatalf("check on an incomplete case exits %d", code)
	}
	var chk struct {
		OK       bool `json:"ok"`
		Blockers int  `json:"blockers"`
		Issues   []struct {
			Field   string
			Message string
		}
	}
	if err := json.Unmarshal([]byte(out), &chk); err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, i := range chk.Issues {
		fields[i.Field] = true
	}
	for _, want := range []string{"choice:digital", "approval.gov:industry", "figure:370100/industry/ind.va_growth/2020"} {
		if !fields[want] {
			t.Errorf("check lacks %s: %v", want, fields)
		}
	}
	if fields["choice:industry"] {
		t.Error("industry has a valid choice")
	}
	ok("approve", "--measure", "industry", "--government", "是", "--gov-doc", "鲁政字〔2022〕1号", "--gov-date", "2022-02-08")
	if msg := fail(2, "approve", "--measure", "industry", "--gov-date", "2月8日"); !strings.Contains(msg, "格式不对") {
		t.Errorf("bad date: %s", msg)
	}
	if h := ok("history", "--unit", "济南"); !strings.Contains(h, "推荐") {
		t.Errorf("history: %s", h)
	}
}

func TestDemoThenCheckPasses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, errOut, code := run(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := run(t, "--db", db, "check")
	if code != 0 {
		t.Fatalf("check on the demo exits %d: %s%s", code, out, errOut)
	}
	if !strings.Contains(out, "演示数据") {
		t.Error("the demo is not marked as 演示数据 in check")
	}
	if _, _, code := run(t, "--db", db, "demo"); code != 2 {
		t.Error("demo over existing data must refuse")
	}
}

func TestUnknownVerb(t *testing.T) {
	if _, errOut, code := run(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "未知的命令") {
		t.Errorf("exit %d %s", code, errOut)
	}
}

func TestPadCountsWideCharacters(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{{"济南市", 8, "济南市  "}, {"ab", 4, "ab  "}, {"黔西南布依族苗族自治州", 8, "黔西南布依族苗族自治州"}, {"１２", 5, "１２ "}} {
		if got := pad(c.in, c.w); got != c.want {
			t.Errorf("pad(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}
