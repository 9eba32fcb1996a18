package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tuijian/data/signing"
	"tuijian/data/sm2sig"
	"tuijian/data/sm2sig/sm2test"
)

// TestPackageEndToEnd: demo → key create → key show/export → export (folder and
// image, fixed date) → verify both → stock minisign → tampering and a foreign key
// make verify exit 1 naming the file.
func TestPackageEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	t.Setenv(PassphraseEnv, "端到端测试口令 e2e-pass")
	ok, code := dbRunner(t, db)
	ok("demo")
	if msg := code(2, "export", "--out", filepath.Join(dir, "x")); !strings.Contains(msg, "尚未创建签名密钥") {
		t.Errorf("export without a key: %s", msg)
	}
	if msg := code(2, "key", "show"); !strings.Contains(msg, "尚未创建签名密钥") {
		t.Errorf("key show without a key: %s", msg)
	}
	created := ok("key", "create", "--json")
	var k keyOut
	if err := json.Unmarshal([]byte(created), &k); err != nil || len(k.Fingerprint) != 39 || len(k.KeyID) != 16 || len(k.SM2Fingerprint) != 39 {
		t.Fatalf("key create: %v %s", err, created)
	}
	if msg := code(2, "key", "create"); !strings.Contains(msg, "不能覆盖") {
		t.Errorf("second key create: %s", msg)
	}
	if out := ok("key", "show"); !strings.Contains(out, k.Fingerprint) || !strings.Contains(out, k.PublicKey) || !strings.Contains(out, k.SM2Fingerprint) {
		t.Errorf("key show: %s", out)
	}
	pubFile := filepath.Join(dir, "山东.pub")
	ok("key", "export", "--out", pubFile)
	if b, _ := os.ReadFile(pubFile); !bytes.Contains(b, []byte(k.PublicKey)) {
		t.Fatalf("exported key: %s", b)
	}

	pkg, iso := filepath.Join(dir, "报送包"), filepath.Join(dir, "报送包.iso")
	out := ok("export", "--out", pkg, "--iso", iso, "--date", "2022-02-10")
	if !strings.Contains(out, k.Fingerprint) || !strings.Contains(out, k.SM2Fingerprint) || !strings.Contains(out, "封面清单") || !strings.Contains(out, "演示数据") {
		t.Errorf("export output: %s", out)
	}
	if out := ok("verify", pkg); !strings.Contains(out, "校验通过") || !strings.Contains(out, k.Fingerprint) || !strings.Contains(out, k.SM2Fingerprint) {
		t.Errorf("verify folder: %s", out)
	}
	sm2File := filepath.Join(dir, "山东-sm2.pem")
	os.WriteFile(sm2File, []byte(k.SM2PublicKey), 0o644)
	if out := ok("verify", iso, "--sm2-pubkey", sm2File); !strings.Contains(out, "校验通过") {
		t.Errorf("verify with the SM2 key: %s", out)
	}
	// Another department's SM2 key: the 国密 check fails, named, and only it.
	otherSM2 := filepath.Join(dir, "other-sm2.pem")
	otherEd, _, err := signing.GenerateKeyPair("另一单位的口令 other", nil)
	if err != nil {
		t.Fatal(err)
	}
	otherKey, _ := sm2sig.Derive(otherEd)
	os.WriteFile(otherSM2, sm2sig.PublicPEM(otherKey.Public()), 0o644)
	if msg := code(1, "verify", pkg, "--sm2-pubkey", otherSM2); !strings.Contains(msg, "【国密签名】") || strings.Contains(msg, "【签名】") || !strings.Contains(msg, sm2sig.Fingerprint(otherKey.Public())) {
		t.Errorf("foreign SM2 key: %s", msg)
	}
	if out := ok("verify", iso, "--pubkey", pubFile, "--json"); !strings.Contains(out, `"ok": true`) {
		t.Errorf("verify image: %s", out)
	}
	if mi, err := exec.LookPath("minisign"); err == nil {
		cmd := exec.Command(mi, "-Vm", "tagmanifest-sha256.txt", "-p", "tuijian.pub")
		cmd.Dir = pkg
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("minisign: %v %s", err, b)
		}
	}

	// Tamper: one byte of the 推荐表 workbook, and a file added.
	table := filepath.Join(pkg, "data", "01-工业稳增长", "推荐表.xlsx")
	b, _ := os.ReadFile(table)
	b[len(b)/3] ^= 0x20
	os.WriteFile(table, b, 0o644)
	os.WriteFile(filepath.Join(pkg, "data", "多出来的.txt"), []byte("x"), 0o644)
	msg := code(1, "verify", pkg)
	for _, want := range []string{"校验未通过", "data/01-工业稳增长/推荐表.xlsx", "data/多出来的.txt", "SHA-256"} {
		if !strings.Contains(msg, want) {
			t.Errorf("verify of a tampered package lacks %q:\n%s", want, msg)
		}
	}
	// A package checked against another department's key.
	other := filepath.Join(dir, "other.pub")
	os.WriteFile(other, []byte("untrusted comment: minisign public key\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n"), 0o644)
	if msg := code(1, "verify", iso, "--pubkey", other); !strings.Contains(msg, "tuijian.pub") || !strings.Contains(msg, "签名") {
		t.Errorf("foreign key: %s", msg)
	}
	if msg := code(1, "verify", filepath.Join(dir, "nowhere")); !strings.Contains(msg, "找不到") {
		t.Errorf("missing path: %s", msg)
	}
	if msg := code(2, "verify"); !strings.Contains(msg, "请给出") {
		t.Errorf("no path: %s", msg)
	}
}

// TestExportBlocked: a case with blockers exits 1 listing them, before any key or
// passphrase is asked for, and writes nothing.
func TestExportBlocked(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	t.Setenv(PassphraseEnv, "blocked-test-pass")
	for _, args := range [][]string{
		{"setup", "--province", "山东", "--year", "2021", "--department", "山东省工业和信息化厅", "--contact", "张三", "--phone", "0531-86000000"},
	} {
		if out, errOut, code := run(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: %d %s%s", args, code, out, errOut)
		}
	}
	out, errOut, code := run(t, "--db", db, "export", "--out", filepath.Join(dir, "pkg"))
	if code != 1 || !strings.Contains(out, "阻断导出") || !strings.Contains(out, "各项措施均未选择推荐的市（州）") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "pkg")); !os.IsNotExist(err) {
		t.Fatal("a package was written despite blockers")
	}
}

// Issue 18 point 4: the province CA certifies the SM2 key from `key csr`; the imported
// certificate travels in every package; `verify --ca` checks the chain (and a
// certificate for another key is refused at import).
func TestSM2CertificateFromTheCA(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	t.Setenv(PassphraseEnv, "国密证书测试口令 cert")
	ok, code := dbRunner(t, db)
	ok("demo")
	ok("key", "create")
	if msg := code(2, "key", "certificate"); !strings.Contains(msg, "--in") {
		t.Errorf("no file: %s", msg)
	}
	req := filepath.Join(dir, "申请.pem")
	ok("key", "csr", "--out", req)
	csr, _ := os.ReadFile(req)
	caPEM, certPEM, err := sm2test.Issue("山东数字证书认证中心（测试）", csr, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	cert, ca := filepath.Join(dir, "证书.pem"), filepath.Join(dir, "ca.pem")
	os.WriteFile(cert, certPEM, 0o644)
	os.WriteFile(ca, caPEM, 0o644)
	// A certificate of another key is refused.
	otherEd, _, _ := signing.GenerateKeyPair("另一把密钥的口令 x", nil)
	otherKey, _ := sm2sig.Derive(otherEd)
	otherReq, _ := sm2sig.CertificateRequest(otherKey, "别的单位", "山东省")
	_, wrongPEM, _ := sm2test.Issue("山东数字证书认证中心（测试）", otherReq, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	wrong := filepath.Join(dir, "别人的证书.pem")
	os.WriteFile(wrong, wrongPEM, 0o644)
	if msg := code(2, "key", "certificate", "--in", wrong); !strings.Contains(msg, "不是为本单位的国密公钥") {
		t.Errorf("another key's certificate: %s", msg)
	}
	if out := ok("key", "certificate", "--in", cert); !strings.Contains(out, "山东数字证书认证中心（测试）") {
		t.Errorf("import: %s", out)
	}
	pkg := filepath.Join(dir, "报送包")
	ok("export", "--out", pkg, "--date", "2022-02-10")
	if _, err := os.Stat(filepath.Join(pkg, "tuijian-sm2-cert.pem")); err != nil {
		t.Fatal("the certificate is not in the package")
	}
	if out := ok("verify", pkg, "--ca", ca); !strings.Contains(out, "国密证书：") || !strings.Contains(out, "山东数字证书认证中心（测试）") {
		t.Errorf("verify --ca: %s", out)
	}
	otherCA, _, _ := sm2test.Issue("别的 CA", csr, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	os.WriteFile(ca, otherCA, 0o644)
	if msg := code(1, "verify", pkg, "--ca", ca); !strings.Contains(msg, "tuijian-sm2-cert.pem【国密签名】") {
		t.Errorf("verify with another CA: %s", msg)
	}
}
