package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/data/docx"
)

func TestDocumentsVerb(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if _, errOut, code := run(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "out")
	stdout, errOut, code := run(t, "--db", db, "--json", "documents", "--out", out, "--date", "2022-02-10", "--fingerprint", "ABCD 1234")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Files []docFileOut `json:"files"`
		Demo  bool         `json:"demo"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 17 || !res.Demo {
		t.Errorf("%d files, demo %v", len(res.Files), res.Demo)
	}
	for _, f := range res.Files {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil || st.Size() != int64(f.Bytes) {
			t.Errorf("%s: %v", f.Path, err)
		}
	}
	// A second run refuses the non-empty folder and leaves it as it was.
	if _, errOut, code := run(t, "--db", db, "documents", "--out", out, "--date", "2022-02-10"); code != 2 || !strings.Contains(errOut, "不是空的") {
		t.Errorf("non-empty folder: exit %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "比选报告.pdf")); err != nil {
		t.Error(err)
	}
	if _, errOut, code := run(t, "--db", db, "documents", "--out", out, "--date", "2022-02-11", "--force"); code != 0 {
		t.Errorf("--force: %s", errOut)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tuijian-documents-") {
			t.Errorf("left behind %s", e.Name())
		}
	}
	if _, errOut, code := run(t, "--db", db, "documents", "--out", filepath.Join(dir, "o2"), "--date", "10.2.2022"); code != 2 || !strings.Contains(errOut, "格式不对") {
		t.Errorf("bad date: %d %s", code, errOut)
	}
	if _, errOut, code := run(t, "--db", db, "documents"); code != 2 || !strings.Contains(errOut, "--out") {
		t.Errorf("no --out: %d %s", code, errOut)
	}
}

func TestApplicationImportShow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if _, errOut, code := run(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	d := docx.New(docx.PageSetup{})
	d.Paragraph(docx.Para{Runs: []docx.Run{{Text: "济南市申报书", Bold: true}}})
	d.Heading(1, "一、基本情况")
	d.Text("济南市导入的基本情况。")
	d.Heading(1, "二、已开展的工作和取得的成效")
	d.Heading(2, "（一）落实网络强国战略")
	d.Text("导入的战略落实情况。")
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "济南.docx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Without --yes nothing is written.
	stdout, errOut, code := run(t, "--db", db, "application", "import", "--measure", "digital", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "已识别：一、基本情况") || !strings.Contains(stdout, "缺少：（二）信息基础设施建设") || !strings.Contains(stdout, "未写入") {
		t.Errorf("report:\n%s", stdout)
	}
	show, _, _ := run(t, "--db", db, "application", "show", "--measure", "digital")
	if strings.Contains(show, "导入的基本情况") {
		t.Error("import without --yes wrote")
	}
	stdout, errOut, code = run(t, "--db", db, "application", "import", file, "--measure", "digital", "--unit", "济南市", "--yes")
	if code != 0 || !strings.Contains(stdout, "已写入 2 节") {
		t.Fatalf("exit %d: %s%s", code, stdout, errOut)
	}
	show, _, _ = run(t, "--db", db, "application", "show", "--measure", "digital")
	if !strings.Contains(show, "济南市导入的基本情况。") || !strings.Contains(show, "导入的战略落实情况。") || !strings.Contains(show, "（演示数据）") {
		t.Errorf("show after import:\n%s", show)
	}
	if h, _, _ := run(t, "--db", db, "history", "--limit", "5"); !strings.Contains(h, "导入申报书 济南.docx") {
		t.Errorf("history: %s", h)
	}
	bad := filepath.Join(dir, "bad.docx")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	if _, errOut, code := run(t, "--db", db, "application", "import", "--measure", "digital", bad); code != 2 || !strings.Contains(errOut, "DOCX") {
		t.Errorf("bad file: %d %s", code, errOut)
	}
}
