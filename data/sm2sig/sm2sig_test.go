package sm2sig

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tuijian/data/signing"
	"tuijian/data/sm2sig/sm2test"
)

const pass = "国密测试口令 sm2"

var (
	keyOnce sync.Once
	edKey   signing.PrivateKey
	edEnc   []byte
	keyErr  error
)

func testKey(t testing.TB) signing.PrivateKey {
	t.Helper()
	keyOnce.Do(func() { edKey, edEnc, keyErr = signing.GenerateKeyPair(pass, nil) })
	if keyErr != nil {
		t.Fatal(keyErr)
	}
	return edKey
}

// The SM2 key follows the minisign key: the same after unlocking it again (and after
// re-encryption), another for another minisign key.
func TestDeriveFollowsTheMinisignKey(t *testing.T) {
	a, err := Derive(testKey(t))
	if err != nil {
		t.Fatal(err)
	}
	again, err := signing.Unlock(edEnc, pass)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Derive(again)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Public().Equal(b.Public()) {
		t.Fatal("the same minisign key gave two SM2 keys")
	}
	other, _, err := signing.GenerateKeyPair(pass, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := Derive(other)
	if a.Public().Equal(c.Public()) {
		t.Fatal("two minisign keys gave one SM2 key")
	}
	if fa, fc := Fingerprint(a.Public()), Fingerprint(c.Public()); fa == fc || len(fa) != 39 {
		t.Errorf("fingerprints %q %q", fa, fc)
	}
}

func TestSignVerifyAndTamper(t *testing.T) {
	k, _ := Derive(testKey(t))
	msg := []byte("bagit.txt 的校验值……\n")
	sig, err := Sign(k, msg)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ParsePublicPEM(PublicPEM(k.Public()))
	if err != nil || !pub.Equal(k.Public()) {
		t.Fatalf("PEM round trip: %v", err)
	}
	if err := Verify(pub, msg, sig); err != nil {
		t.Fatal(err)
	}
	other, _, _ := signing.GenerateKeyPair(pass, nil)
	swapped, _ := Derive(other)
	for name, c := range map[string]struct {
		pub      PublicKey
		msg, sig []byte
	}{
		"changed manifest":    {pub, append([]byte("x"), msg...), sig},
		"swapped key":         {swapped.Public(), msg, sig},
		"truncated signature": {pub, msg, sig[:len(sig)-3]},
		"empty signature":     {pub, msg, nil},
	} {
		if err := Verify(c.pub, c.msg, c.sig); err == nil {
			t.Errorf("%s: verified", name)
		}
	}
	for _, bad := range [][]byte{nil, []byte("-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n"), []byte("not pem")} {
		if _, err := ParsePublicPEM(bad); err == nil {
			t.Errorf("%q parsed as a public key", bad)
		}
	}
}

// Stock OpenSSL (≥ 3.0) verifies the signature with the command of the README, and
// recomputes the printed fingerprint.
func TestOpenSSLVerifies(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not installed")
	}
	k, _ := Derive(testKey(t))
	dir := t.TempDir()
	msg := []byte("tagmanifest 内容\n")
	sig, err := Sign(k, msg)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"tuijian-sm2-pub.pem": PublicPEM(k.Public()), "tagmanifest-sha256.txt": msg, "tagmanifest-sha256.txt.sm2sig": sig}
	for n, b := range files {
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	verify := func() (string, error) {
		cmd := exec.Command(openssl, "pkeyutl", "-verify", "-pubin", "-inkey", "tuijian-sm2-pub.pem", "-rawin", "-digest", "sm3",
			"-pkeyopt", "distid:"+UserID, "-in", "tagmanifest-sha256.txt", "-sigfile", "tagmanifest-sha256.txt.sm2sig")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := verify(); err != nil || !strings.Contains(out, "Signature Verified Successfully") {
		t.Fatalf("openssl: %v\n%s", err, out)
	}
	os.WriteFile(filepath.Join(dir, "tagmanifest-sha256.txt"), append(msg, 'x'), 0o644)
	if out, err := verify(); err == nil {
		t.Fatalf("openssl verified a changed manifest:\n%s", out)
	}
	cmd := exec.Command("sh", "-c", openssl+" pkey -pubin -in tuijian-sm2-pub.pem -outform DER | "+openssl+" dgst -sm3 -hex")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(Fingerprint(k.Public()), " ", "")
	if !bytes.Contains(bytes.ToUpper(out), []byte(want)) {
		t.Errorf("openssl's SM3 %s does not start with the fingerprint %s", out, want)
	}
}

func issue(t *testing.T, name string, csrPEM []byte) (caPEM, certPEM []byte) {
	t.Helper()
	caPEM, certPEM, err := sm2test.Issue(name, csrPEM, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return caPEM, certPEM
}

// Issue 18 point 4: a CA of the province certifies the SM2 key from our request;
// the chain verifies with the gmsm code and with stock openssl; another CA's does not.
func TestCertificateFromTheProvinceCA(t *testing.T) {
	k, _ := Derive(testKey(t))
	csr, err := CertificateRequest(k, "广西壮族自治区工业和信息化厅", "广西壮族自治区")
	if err != nil {
		t.Fatal(err)
	}
	caPEM, certPEM := issue(t, "广西数字证书认证中心（测试）", csr)
	c, err := ParseCertificatePEM(certPEM)
	if err != nil {
		t.Fatal(err)
	}
	other, _, _ := signing.GenerateKeyPair(pass, nil)
	ok, _ := Derive(other)
	if !c.Certifies(k.Public()) || c.Certifies(ok.Public()) {
		t.Fatal("Certifies")
	}
	day := time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)
	if !c.ValidAt(day) || c.ValidAt(day.AddDate(5, 0, 0)) || !strings.Contains(c.Describe(), "广西数字证书认证中心（测试）") {
		t.Errorf("validity or description: %s", c.Describe())
	}
	if err := c.VerifyChain(caPEM, day); err != nil {
		t.Fatal(err)
	}
	otherCA, _ := issue(t, "另一个 CA", csr)
	if err := c.VerifyChain(otherCA, day); err == nil {
		t.Fatal("another CA's chain verified")
	}
	if _, err := ParseCertificatePEM(csr); err == nil {
		t.Error("a request read as a certificate")
	}
	if openssl, err := exec.LookPath("openssl"); err == nil {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "ca.pem"), caPEM, 0o644)
		os.WriteFile(filepath.Join(dir, "cert.pem"), certPEM, 0o644)
		cmd := exec.Command(openssl, "verify", "-vfyopt", "distid:"+UserID, "-attime", fmt.Sprint(day.Unix()), "-CAfile", "ca.pem", "cert.pem")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "OK") {
			t.Errorf("openssl verify: %v\n%s", err, out)
		}
	}
}
