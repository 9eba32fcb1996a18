package signing

import (
	"bytes"
	crand "crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"aead.dev/minisign"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/scrypt"
)

const testPass = "测试口令-correct horse"

// The scrypt step costs ~5 s and ~1 GiB, so one encrypted key is made per
// test binary and shared.
var (
	keyOnce   sync.Once
	sharedPub PublicKey
	sharedEnc []byte
	sharedErr error
	progress  []string
)

func sharedKey(t *testing.T) (PublicKey, []byte) {
	t.Helper()
	keyOnce.Do(func() {
		sharedPub, sharedEnc, sharedErr = GenerateKey(testPass, func(s string) { progress = append(progress, s) })
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedPub, sharedEnc
}

// cheapKey makes an unencrypted in-memory key (no scrypt) for sign/verify tests.
func cheapKey(t *testing.T) PrivateKey {
	t.Helper()
	_, k, err := minisign.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return PrivateKey{k}
}

func TestGenerateUnlock(t *testing.T) {
	pub, enc := sharedKey(t)
	if len(progress) < 2 {
		t.Errorf("progress not reported: %q", progress)
	}
	if !bytes.HasPrefix(enc, []byte("untrusted comment: minisign encrypted secret key\n")) {
		t.Fatalf("secret key file header: %q", enc[:40])
	}
	if !minisign.IsEncrypted(bytes.TrimSpace(enc)) {
		t.Fatal("secret key not encrypted")
	}
	t.Run("right", func(t *testing.T) {
		t.Parallel()
		k, err := Unlock(enc, testPass)
		if err != nil {
			t.Fatal(err)
		}
		if !k.Public().Equal(pub) {
			t.Fatal("unlocked key does not match public key")
		}
		sig, err := Sign(k, []byte("hello"), "c")
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(PublicKeyFile(pub), []byte("hello"), sig); err != nil {
			t.Fatal(err)
		}
	})
	// A secret key made and encrypted by minisign 0.11 (`minisign -G`,
	// passphrase 口令12345678), kept in testdata: test-only, no secret.
	t.Run("stock-minisign-key", func(t *testing.T) {
		if testing.Short() {
			t.Skip("scrypt-heavy (1 GiB); skipped in -short")
		}
		t.Parallel()
		k, err := Unlock(read(t, "testdata", "minisign-0.11.key"), "口令12345678")
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParsePublicKey(read(t, "testdata", "minisign-0.11.pub"))
		if err != nil || !p.Equal(k.Public()) {
			t.Fatalf("public key mismatch %v", err)
		}
	})
}

// cheapEncrypted encrypts k exactly as minisign.EncryptKey does but with
// scrypt's smallest cost (ops 2^15, N=1024), so tests of the encrypted key
// format take milliseconds instead of seconds. minisign reads the cost from
// the file, so the stock tool accepts such keys too.
func cheapEncrypted(t *testing.T, k PrivateKey, pass string) []byte {
	t.Helper()
	return encryptedWithCost(t, k, pass, 1<<15, 1<<23)
}

// encryptedWithCost is a key file as minisign writes it, with the given libsodium
// opslimit and memlimit.
func encryptedWithCost(t *testing.T, k PrivateKey, pass string, ops, mem uint64) []byte {
	t.Helper()
	plain, _ := k.k.MarshalText()
	raw, err := base64.StdEncoding.DecodeString(strings.SplitN(string(plain), "\n", 2)[1])
	if err != nil || len(raw) != 158 {
		t.Fatalf("unencrypted key: %v", err)
	}
	key := append([]byte(nil), raw[54:126]...) // key ID + Ed25519 secret key
	var salt [32]byte
	crand.Read(salt[:])
	N, r, p := scryptParams(ops, mem)
	stream, err := scrypt.Key([]byte(pass), salt[:], N, r, p, 104)
	if err != nil {
		t.Fatal(err)
	}
	sum := blake2b.Sum256(append([]byte{0x45, 0x64}, key...))
	ct := append(key, sum[:]...)
	for i := range ct {
		ct[i] ^= stream[i]
	}
	out := append([]byte{0x45, 0x64, 0x53, 0x63, 0x42, 0x32}, salt[:]...)
	out = binary.LittleEndian.AppendUint64(out, ops)
	out = binary.LittleEndian.AppendUint64(out, mem)
	out = append(out, ct...)
	return []byte("untrusted comment: minisign encrypted secret key\n" + base64.StdEncoding.EncodeToString(out) + "\n")
}

func TestUnlockCheapKey(t *testing.T) {
	k := cheapKey(t)
	enc := cheapEncrypted(t, k, testPass)
	got, err := Unlock(enc, testPass)
	if err != nil || !got.Public().Equal(k.Public()) {
		t.Fatalf("unlock: %v", err)
	}
	for _, wrong := range []string{testPass + "x", "", strings.ToUpper(testPass)} {
		_, err := Unlock(enc, wrong)
		if !errors.Is(err, ErrWrongPassphrase) || !strings.Contains(err.Error(), "口令不正确") {
			t.Fatalf("wrong passphrase %q: %v", wrong, err)
		}
	}
	// A damaged file is not mistaken for a wrong passphrase.
	if _, err := Unlock(enc[:len(enc)-10], testPass); err == nil || errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("truncated key: %v", err)
	}
}

// The stock tool signs with a key encrypted in our format.
func TestStockMinisignUsesOurEncryptedKey(t *testing.T) {
	ms := needMinisign(t)
	k := cheapKey(t)
	dir := t.TempDir()
	write(t, dir, "k.key", cheapEncrypted(t, k, testPass))
	write(t, dir, "m.txt", []byte("x"))
	cmd := exec.Command(ms, "-S", "-s", "k.key", "-m", "m.txt", "-t", "by stock tool")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(testPass + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if err := Verify(PublicKeyFile(k.Public()), []byte("x"), read(t, dir, "m.txt.minisig")); err != nil {
		t.Fatal(err)
	}
	// And refuses it with a wrong passphrase.
	cmd = exec.Command(ms, "-S", "-s", "k.key", "-m", "m.txt")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("wrong\n")
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("stock minisign accepted a wrong passphrase:\n%s", out)
	}
}

func TestGenerateShortPassphrase(t *testing.T) {
	_, _, err := GenerateKey("1234567", nil)
	if err == nil || !strings.Contains(err.Error(), "口令太短") {
		t.Fatalf("short passphrase accepted: %v", err)
	}
}

func TestUnlockRefusesPlainAndGarbage(t *testing.T) {
	k := cheapKey(t)
	plain, _ := k.k.MarshalText()
	if _, err := Unlock(plain, ""); err == nil || !strings.Contains(err.Error(), "未加密") {
		t.Fatalf("plain key: %v", err)
	}
	if _, err := Unlock([]byte("not a key"), "x"); err == nil || !strings.Contains(err.Error(), "损坏") {
		t.Fatalf("garbage: %v", err)
	}
}

func TestSignVerifyTamper(t *testing.T) {
	k := cheapKey(t)
	pubFile := PublicKeyFile(k.Public())
	msg := []byte("c3a1 data/推荐表.xlsx\n")
	sig, err := Sign(k, msg, "推荐单位：山东省工业和信息化厅")
	if err != nil {
		t.Fatal(err)
	}
	sig2, _ := Sign(k, msg, "推荐单位：山东省工业和信息化厅")
	if !bytes.Equal(sig, sig2) {
		t.Fatal("signature not deterministic")
	}
	if err := Verify(pubFile, msg, sig); err != nil {
		t.Fatal(err)
	}
	if tc, err := TrustedComment(sig); err != nil || tc != "推荐单位：山东省工业和信息化厅" {
		t.Fatalf("trusted comment %q %v", tc, err)
	}
	// Changed message.
	bad := append([]byte{}, msg...)
	bad[0] ^= 1
	if err := Verify(pubFile, bad, sig); err == nil || !strings.Contains(err.Error(), "签名验证失败") {
		t.Fatalf("changed message: %v", err)
	}
	// Wrong key.
	other := cheapKey(t)
	if err := Verify(PublicKeyFile(other.Public()), msg, sig); err == nil || !strings.Contains(err.Error(), "密钥 ID") {
		t.Fatalf("wrong key: %v", err)
	}
	// Wrong key carrying the same ID (forged ID): the signature check must fail.
	forgedText := forgeKeyID(t, other.Public(), k.Public())
	if err := Verify(forgedText, msg, sig); err == nil || !strings.Contains(err.Error(), "签名验证失败") {
		t.Fatalf("forged key id: %v", err)
	}
	// Changed trusted comment.
	tampered := bytes.Replace(sig, []byte("山东省"), []byte("河南省"), 1)
	if err := Verify(pubFile, msg, tampered); err == nil {
		t.Fatal("changed trusted comment accepted")
	}
	if _, err := Sign(k, msg, "two\nlines"); err == nil {
		t.Fatal("multi-line trusted comment accepted")
	}
	if err := Verify([]byte("junk"), msg, sig); err == nil || !strings.Contains(err.Error(), "公钥格式不正确") {
		t.Fatalf("junk key: %v", err)
	}
	if err := Verify(pubFile, msg, []byte("junk")); err == nil || !strings.Contains(err.Error(), "签名文件格式不正确") {
		t.Fatalf("junk sig: %v", err)
	}
}

// forgeKeyID returns key's .pub text with idFrom's key ID put in its place.
func forgeKeyID(t *testing.T, key, idFrom PublicKey) []byte {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(PublicKeyBase64(key))
	if err != nil || len(raw) != 42 {
		t.Fatal(err)
	}
	id, _ := base64.StdEncoding.DecodeString(PublicKeyBase64(idFrom))
	copy(raw[2:10], id[2:10])
	return []byte(base64.StdEncoding.EncodeToString(raw))
}

func TestKeyIDFingerprintFormat(t *testing.T) {
	pub := cheapKey(t).Public()
	if !regexp.MustCompile(`^[0-9A-F]{16}$`).MatchString(KeyID(pub)) {
		t.Fatalf("key id %q", KeyID(pub))
	}
	if !regexp.MustCompile(`^([0-9A-F]{4} ){7}[0-9A-F]{4}$`).MatchString(Fingerprint(pub)) {
		t.Fatalf("fingerprint %q", Fingerprint(pub))
	}
	if Fingerprint(pub) == Fingerprint(cheapKey(t).Public()) {
		t.Fatal("two keys share a fingerprint")
	}
	p2, err := ParsePublicKey([]byte(PublicKeyBase64(pub)))
	if err != nil || !p2.Equal(pub) {
		t.Fatalf("bare base64 key: %v", err)
	}
}

func needMinisign(t *testing.T) string {
	p, err := exec.LookPath("minisign")
	if err != nil {
		t.Skip("minisign not installed")
	}
	return p
}

// Our signature, checked by the stock tool (with and without -H).
func TestStockMinisignVerifiesOurs(t *testing.T) {
	ms := needMinisign(t)
	k := cheapKey(t)
	dir := t.TempDir()
	msg := []byte("manifest line 1\nmanifest line 2\n")
	sig, err := Sign(k, msg, "工业稳增长 2021")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "m.txt", msg)
	write(t, dir, "m.txt.minisig", sig)
	write(t, dir, "k.pub", PublicKeyFile(k.Public()))
	for _, args := range [][]string{
		{"-V", "-p", "k.pub", "-m", "m.txt", "-x", "m.txt.minisig"},
		{"-V", "-H", "-P", PublicKeyBase64(k.Public()), "-m", "m.txt"},
	} {
		cmd := exec.Command(ms, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "工业稳增长 2021") {
			t.Fatalf("minisign %v: %v\n%s", args, err, out)
		}
	}
	write(t, dir, "m.txt", append(msg, 'x'))
	cmd := exec.Command(ms, "-V", "-p", "k.pub", "-m", "m.txt")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("minisign accepted a changed file:\n%s", out)
	}
}

// A key and signature made by the stock tool, read by us.
func TestWeVerifyStockMinisign(t *testing.T) {
	ms := needMinisign(t)
	dir := t.TempDir()
	run := func(stdin string, args ...string) {
		t.Helper()
		cmd := exec.Command(ms, args...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("minisign %v: %v\n%s", args, err, out)
		}
	}
	run("", "-G", "-W", "-p", "k.pub", "-s", "k.key")
	msg := []byte("签名内容\n")
	write(t, dir, "m.txt", msg)
	run("", "-S", "-s", "k.key", "-m", "m.txt", "-t", "trusted by stock tool")
	pubFile := read(t, dir, "k.pub")
	sig := read(t, dir, "m.txt.minisig")
	if err := Verify(pubFile, msg, sig); err != nil {
		t.Fatal(err)
	}
	if err := Verify(pubFile, []byte("签名内容\r\n"), sig); err == nil {
		t.Fatal("changed message accepted")
	}
	pub, err := ParsePublicKey(pubFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := PublicKeyFile(pub); !bytes.Equal(got, pubFile) {
		t.Fatalf("PublicKeyFile differs from minisign's:\n%s\n%s", got, pubFile)
	}
	// Legacy (non-prehashed) signatures as well.
	run("", "-S", "-l", "-s", "k.key", "-m", "m.txt", "-x", "legacy.minisig")
	if err := Verify(pubFile, msg, read(t, dir, "legacy.minisig")); err != nil {
		t.Fatal(err)
	}
	// Our Unlock refuses the stock tool's unencrypted key.
	if _, err := Unlock(read(t, dir, "k.key"), ""); err == nil {
		t.Fatal("unencrypted key accepted")
	}
}

func write(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The fingerprint can be recomputed with stock tools as documented.
func TestFingerprintRecipe(t *testing.T) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("sha256sum not installed")
	}
	pub := cheapKey(t).Public()
	p := filepath.Join(t.TempDir(), "tuijian.pub")
	write(t, filepath.Dir(p), "tuijian.pub", PublicKeyFile(pub))
	out, err := exec.Command("sh", "-c", "tail -1 \"$0\" | tr -d '\\n' | sha256sum", p).Output()
	if err != nil || len(out) < 32 {
		t.Fatalf("%v %q", err, out)
	}
	if got, want := strings.ToUpper(string(out[:32])), strings.ReplaceAll(Fingerprint(pub), " ", ""); got != want {
		t.Fatalf("recipe gives %s, Fingerprint %s", got, want)
	}
}

// Issue 15 point 5: a public key saved by Notepad (byte-order mark, CRLF) still reads.
func TestParsePublicKeyWithBOM(t *testing.T) {
	pub, err := os.ReadFile(filepath.Join("testdata", "minisign-0.11.pub"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParsePublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	notepad := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(pub, []byte("\n"), []byte("\r\n"))...)
	got, err := ParsePublicKey(notepad)
	if err != nil || !got.Equal(want) {
		t.Errorf("Notepad's key: %v", err)
	}
}

// Issue 20 point 5: a passphrase has a minimum strength.
func TestCheckPassphrase(t *testing.T) {
	for p, ok := range map[string]bool{"        ": false, "11111111": false, "abc": false, " 督查激励推荐2022": false,
		"督查激励推荐2022": true, "correct horse": true} {
		if err := CheckPassphrase(p); (err == nil) != ok {
			t.Errorf("CheckPassphrase(%q) = %v", p, err)
		}
	}
}

// minisign writes the key ID of a .pub file with %X: a key whose ID starts with a
// zero nibble has a 15-digit comment there (seen once in 16 runs of the stock-tool
// test before this was fixed), while KeyID keeps 16 digits for the 推荐函.
func TestPublicKeyFileKeyIDWithoutLeadingZeros(t *testing.T) {
	pub := cheapKey(t).Public()
	raw, _ := base64.StdEncoding.DecodeString(PublicKeyBase64(pub))
	raw[9] = 0x03 // the ID is little-endian: byte 9 is its most significant
	forged, err := ParsePublicKey([]byte(base64.StdEncoding.EncodeToString(raw)))
	if err != nil {
		t.Fatal(err)
	}
	id := KeyID(forged)
	if id[0] != '0' {
		t.Fatalf("key id %s", id)
	}
	want := "untrusted comment: minisign public key " + strings.TrimLeft(id, "0") + "\n"
	if got := string(PublicKeyFile(forged)); !strings.HasPrefix(got, want) {
		t.Fatalf("pub file %q, want prefix %q", got, want)
	}
}
