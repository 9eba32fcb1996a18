package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/data/store"
	"tuijian/forms"
)

// The clerk's intake from the command line: a demo package (refused as 演示数据,
// everything else passing), the register typed from its letter, the tables written;
// bad input is exit 2 naming the file and line.
func TestIntakeCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	t.Setenv(PassphraseEnv, "部里汇总测试口令 intake")
	ok, code := dbRunner(t, db)
	ok("demo")
	var k keyOut
	json.Unmarshal([]byte(ok("key", "create", "--json")), &k)
	discs := filepath.Join(dir, "光盘")
	ok("export", "--out", filepath.Join(discs, "山东"), "--iso", filepath.Join(discs, "山东.iso"), "--date", "2022-02-10")
	os.RemoveAll(filepath.Join(discs, "山东"))
	keys := filepath.Join(dir, "登记表.txt")
	os.WriteFile(keys, []byte("山东省\t"+k.Fingerprint+"\t"+k.SM2Fingerprint+"\n"), 0o644)
	out := filepath.Join(dir, "汇总")

	msg := code(1, "intake", "--keys", keys, "--out", out, discs)
	if !strings.Contains(msg, "未通过 山东.iso") || !strings.Contains(msg, "演示数据") || strings.Contains(msg, "指纹与登记不符") || strings.Contains(msg, "【签名】") {
		t.Errorf("intake output:\n%s", msg)
	}
	for _, f := range []string{"汇总表-工业稳增长.xlsx", "收件登记.xlsx", "收件登记.pdf", "公示名单（草稿）.docx"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written", f)
		}
	}
	var o intakeOut
	js := code(1, "intake", filepath.Join(discs, "山东.iso"), "--keys", keys, "--out", out, "--json")
	if err := json.Unmarshal([]byte(js[:strings.LastIndex(js, "}")+1]), &o); err != nil || len(o.Packages) != 1 || o.OK {
		t.Fatalf("json: %v\n%s", err, js)
	}
	// A register with another fingerprint: named, with both.
	os.WriteFile(keys, []byte("山东\t0000 1111 2222 3333 4444 5555 6666 7777\n"), 0o644)
	if msg := code(1, "intake", "--keys", keys, "--out", out, discs); !strings.Contains(msg, "指纹与登记不符") || !strings.Contains(msg, k.Fingerprint) {
		t.Errorf("wrong fingerprint:\n%s", msg)
	}
	os.WriteFile(keys, []byte("山东\t0000\n"), 0o644)
	if msg := code(2, "intake", "--keys", keys, "--out", out, discs); !strings.Contains(msg, "登记表.txt") || !strings.Contains(msg, "第 1 行") {
		t.Errorf("bad register:\n%s", msg)
	}
	if prof := ok("bagit-profile"); !strings.Contains(prof, `"BagIt-Profile-Identifier": "tag:tuijian`) {
		t.Errorf("profile: %s", prof)
	}
	if msg := code(2, "intake", "--keys", keys, "--out", out); !strings.Contains(msg, "请给出报送包") {
		t.Errorf("no packages: %s", msg)
	}
	if msg := code(2, "intake", "--keys", keys, "--out", out, dir+"/没有"); !strings.Contains(msg, "找不到") && !strings.Contains(msg, "第 1 行") {
		t.Errorf("missing path: %s", msg)
	}
}

// The CLI records an approval as the GUI does (store.Tx.RecordApproval): one 省政府
// reply entered for one measure is taken over by the other, which had the same one.
func TestApproveOneReplyForBoth(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	ok, _ := dbRunner(t, db)
	ok("demo")
	out, errOut, code := run(t, "--db", db, "approve", "--measure", "industry", "--gov-doc", "鲁政演字〔2022〕12号", "--gov-date", "2022-02-09")
	if code != 0 || !strings.Contains(errOut, "同上") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cs, _ := st.Case()
	for _, m := range []forms.MeasureID{forms.Industry, forms.Digital} {
		if a := cs.Approval(m); a.GovDocNo != "鲁政演字〔2022〕12号" || a.GovDate != "2022-02-09" || a.Government != forms.ConsentYes {
			t.Errorf("%s: %+v", m, a)
		}
	}
}
