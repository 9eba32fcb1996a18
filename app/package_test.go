package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/keyring"
	"tuijian/data/signing"
	"tuijian/data/sm2sig/sm2test"
	"tuijian/data/store"
	"tuijian/data/submission"
	"tuijian/forms"
)

func TestPackageActionsRegistered(t *testing.T) {
	want := map[string]bool{"签名密钥…": false, "导出报送包…": false, "校验报送包…": false}
	for _, a := range actionsFor(forms.StepExport) {
		if _, ok := want[a.Label]; ok && a.Run != nil {
			want[a.Label] = true
		}
	}
	for l, ok := range want {
		if !ok {
			t.Errorf("action %s not registered on 导出", l)
		}
	}
}

// TestKeyExportVerifyFlow: key creation (checks, progress, shown fingerprint, .pub
// export), export with a cancel, export with a disc image, verification of the
// folder and the image, and a tampered package listed problem by problem.
func TestKeyExportVerifyFlow(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	const pass = "图形界面测试口令 gui"

	// Export without a key offers to create one.
	packageExportAction(h.env)
	if !h.overlayShows("先创建签名密钥") {
		t.Fatal("export without a key does not offer to create one")
	}
	for _, bad := range [][2]string{{pass, pass + "x"}, {"短口令", "短口令"}} {
		errc := make(chan error, 1)
		keyCreate(h.env, bad[0], bad[1], false, true, func(err error) { errc <- err })
		if err := wait(t, errc, "key check"); err == nil {
			t.Errorf("passphrases %q accepted", bad)
		}
	}
	if _, err := h.store.SigningKey(); !errors.Is(err, store.ErrNoSigningKey) {
		t.Fatal("a key was stored after a refused passphrase")
	}
	errc := make(chan error, 1)
	keyCreate(h.env, pass, pass, false, true, func(err error) { errc <- err })
	if h.overlayShows("正在") == false && !h.overlayShows("签名密钥") {
		t.Error("no progress dialog while the key is made")
	}
	if err := wait(t, errc, "key creation"); err != nil {
		t.Fatal(err)
	}
	_, fp, _, err := keyring.StoredKey(h.store)
	if err != nil {
		t.Fatal(err)
	}
	if !h.overlayShows(fp) || !h.overlayShows("导出公钥…") {
		t.Error("the fingerprint is not shown after creation")
	}
	var buf bytes.Buffer
	if err := keyExportTo(h.env, &buf); err != nil || !strings.HasPrefix(buf.String(), "untrusted comment: minisign public key") {
		t.Fatalf("exported key: %v %q", err, buf.String())
	}
	k, _ := h.store.SigningKey()
	if bytes.Contains(k.EncryptedSecret, []byte("secret key\n")) && !bytes.Contains(k.EncryptedSecret, []byte("encrypted")) {
		t.Fatal("secret key stored in the clear")
	}

	dir := t.TempDir()
	target := filepath.Join(dir, packageName(h.env))
	iso := target + ".iso"

	// A wrong passphrase is refused before any folder is asked for.
	h.errs = nil
	unlockKey(h.env, pass+"错", func(signing.PrivateKey) { t.Error("a wrong passphrase unlocked the key") })
	if len(h.errs) != 1 {
		t.Fatalf("wrong passphrase: %v", h.errs)
	}
	h.errs = nil
	// Cancel during unlocking: the key is not handed on, nothing is written.
	h.async(func() {
		unlockKey(h.env, pass, func(signing.PrivateKey) { t.Error("a cancelled unlock went on") })
		if b := h.overlayButton("取消"); b == nil {
			t.Fatal("no 取消 while the key is unlocked")
		} else {
			test.Tap(b)
		}
	})
	key, err := keyring.UnlockStored(h.store, pass)
	if err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		res submission.Result
		err error
	}
	oc := make(chan outcome, 1)
	// Cancel during the export: nothing is written.
	h.async(func() {
		packageExport(h.env, key, target, iso, "", func(r submission.Result, err error) { oc <- outcome{r, err} })
		if b := h.overlayButton("取消"); b == nil {
			t.Fatal("no 取消 on the export progress")
		} else {
			test.Tap(b)
		}
	})
	if o := wait(t, oc, "cancelled export"); o.err == nil || !strings.Contains(o.err.Error(), "取消") {
		t.Fatalf("cancelled export: %v", o.err)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatal("a cancelled export left a package")
	}
	h.errs = nil

	packageExport(h.env, key, target, iso, archiveName(target), func(r submission.Result, err error) { oc <- outcome{r, err} })
	o := wait(t, oc, "export")
	if o.err != nil {
		t.Fatal(o.err)
	}
	if o.res.Out != target || o.res.ISO != iso || o.res.Fingerprint != fp || o.res.Archive != archiveName(target) {
		t.Fatalf("result %+v", o.res)
	}
	// The province's archive (issue 11 point 6): signed, verifies, holds the 比选报告.
	if rep := submission.Verify(o.res.Archive, nil); !rep.OK() {
		t.Fatalf("archive:\n%s", rep.Text())
	}
	if _, err := os.Stat(filepath.Join(o.res.Archive, "data", "比选报告.pdf")); err != nil {
		t.Error("the archive lacks the 比选报告")
	}
	if _, err := os.Stat(filepath.Join(target, "data", "比选报告.pdf")); err == nil {
		t.Error("the ministry package holds the 比选报告")
	}
	if !h.overlayShows("省内存档包（不报送）") || !h.overlayShows("推荐事项：") {
		t.Error("result dialog does not name the archive or the recommended measures")
	}
	if !h.overlayShows(target) || !h.overlayShows("打开封面清单") || !h.overlayShows("演示数据") {
		t.Error("result dialog lacks the path, the cover sheet or the demo warning")
	}
	if _, err := os.Stat(filepath.Join(target, submission.CoverName)); err != nil {
		t.Fatal(err)
	}

	rc := make(chan submission.Report, 1)
	for _, p := range []string{target, iso} {
		packageVerify(h.env, p, func(r submission.Report) { rc <- r })
		if rep := wait(t, rc, "verify"); !rep.OK() {
			t.Fatalf("verify %s:\n%s", p, rep.Text())
		}
		if !h.overlayShows("校验通过") || !h.overlayShows("与本单位保存的签名密钥一致") {
			t.Errorf("verify %s: report not shown", p)
		}
	}
	js := filepath.Join(target, "data", "submission.json")
	b, _ := os.ReadFile(js)
	os.WriteFile(js, bytes.Replace(b, []byte(`"demo": true`), []byte(`"demo": false`), 1), 0o644)
	packageVerify(h.env, target, func(r submission.Report) { rc <- r })
	rep := wait(t, rc, "verify tampered")
	if rep.OK() || !h.overlayShows("校验未通过") || !h.overlayShows("data/submission.json") {
		t.Errorf("tampered package: %s", rep.Text())
	}
	if len(h.errs) > 0 {
		t.Errorf("errors shown: %v", h.errs)
	}
}

func TestExportActionRefusesBlockers(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	h.env.Case.Approvals = nil
	packageExportAction(h.env)
	if len(h.errs) != 1 || !strings.Contains(h.errs[0].Error(), "阻断导出") {
		t.Fatalf("errors: %v", h.errs)
	}
}

// A folder can be typed (network paths the folder dialog cannot reach); a wrong one is
// named (issue 15 point 7).
func TestTypedFolder(t *testing.T) {
	dir := t.TempDir()
	if got, err := typedFolder(" \"" + dir + "\" "); err != nil || got != dir {
		t.Errorf("typed %q: %q %v", dir, got, err)
	}
	if _, err := typedFolder(filepath.Join(dir, "没有")); err == nil || !strings.Contains(err.Error(), "找不到文件夹") {
		t.Errorf("missing folder: %v", err)
	}
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, nil, 0o644)
	if _, err := typedFolder(f); err == nil || !strings.Contains(err.Error(), "不是文件夹") {
		t.Errorf("file: %v", err)
	}
}

// Issue 14: without a key, 导出报送包 asks for the new passphrase twice in its own
// form, creates the key and goes on to the folder: one dialog, not two steps.
func TestExportCreatesTheKeyFirst(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	const pass = "导出时创建的口令 abc"
	packageExportAction(h.env)
	if !h.overlayShows("先创建签名密钥") {
		t.Fatal("no key form in the export dialog")
	}
	pw := func() []*widget.Entry {
		var out []*widget.Entry
		for _, e := range overlayEntries(h) {
			if e.Password {
				out = append(out, e)
			}
		}
		return out
	}
	es := pw()
	if len(es) != 2 {
		t.Fatalf("%d passphrase fields, want 2", len(es))
	}
	// Two different passphrases: nothing is created, the form stays.
	test.Type(es[0], pass)
	test.Type(es[1], pass+"x")
	test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "创建密钥并继续…"))
	if _, err := h.store.SigningKey(); !errors.Is(err, store.ErrNoSigningKey) {
		t.Fatal("a key was made from two different passphrases")
	}
	if !h.overlayShows("先创建签名密钥") {
		t.Fatal("the form closed on different passphrases")
	}
	es[1].SetText(pass)
	test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "创建密钥并继续…"))
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	_, fp, _, err := keyring.StoredKey(h.store)
	if err != nil {
		t.Fatalf("no key after 创建密钥并继续: %v", err)
	}
	dir := t.TempDir()
	typePath(h, dir)
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	if !h.overlayShows("报送包已导出") || !h.overlayShows(fp) {
		t.Fatal("the result does not show the new key's fingerprint")
	}
	target := filepath.Join(dir, packageName(h.env))
	k, _ := h.store.SigningKey()
	if rep := submission.Verify(target+".iso", k.Public); !rep.OK() {
		t.Fatalf("the image does not verify with the new key:\n%s", rep.Text())
	}
}

// Issue 18 point 4 in the desktop app: 国密证书申请… writes the request after the
// passphrase, 导入国密证书… records the CA's certificate, and the key dialog shows it.
func TestSM2CertificateDialogs(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	const pass = "国密证书图形界面 abc"
	errc := make(chan error, 1)
	keyCreate(h.env, pass, pass, false, false, func(err error) { errc <- err })
	if err := wait(t, errc, "key"); err != nil {
		t.Fatal(err)
	}
	keyCSRDialog(h.env)
	var pw *widget.Entry
	for _, e := range overlayEntries(h) {
		if e.Password {
			pw = e
		}
	}
	test.Type(pw, pass)
	test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "下一步…"))
	dir := t.TempDir()
	req := filepath.Join(dir, "国密证书申请.pem")
	typePath(h, req)
	csr, err := os.ReadFile(req)
	if err != nil || !strings.Contains(string(csr), "CERTIFICATE REQUEST") {
		t.Fatalf("request: %v %s", err, csr)
	}
	_, certPEM, err := sm2test.Issue("测试 CA", csr, testNow.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	cert := filepath.Join(dir, "证书.pem")
	os.WriteFile(cert, certPEM, 0o644)
	keyImportCertificate(h.env)
	typePath(h, cert)
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	if k, _ := h.store.SigningKey(); string(k.SM2Cert) != string(certPEM) {
		t.Fatal("certificate not stored")
	}
	if n := len(h.notices); n == 0 || !strings.Contains(h.notices[n-1], "测试 CA") {
		t.Errorf("notices %v", h.notices)
	}
	info, err := keyInfo(h.env)
	if err != nil || !showsText(t, info, "测试 CA") {
		t.Errorf("key dialog does not show the certificate: %v", err)
	}
}

// Issue 19 point 4: key creation shows progress and 取消 stops it: nothing stored.
func TestKeyCreationCancelled(t *testing.T) {
	h := newTestEnv(t, envConfig{})
	errc := make(chan error, 1)
	h.async(func() {
		keyCreate(h.env, "可以取消的口令 abc", "可以取消的口令 abc", false, true, func(err error) { errc <- err })
		test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "取消"))
	})
	if err := wait(t, errc, "cancelled key creation"); !errors.Is(err, context.Canceled) {
		t.Fatalf("outcome %v, want cancelled", err)
	}
	if _, err := h.store.SigningKey(); !errors.Is(err, store.ErrNoSigningKey) {
		t.Fatal("a cancelled key was stored")
	}
	if len(h.errs) > 0 {
		t.Errorf("a cancel reported as an error: %v", h.errs)
	}
}
