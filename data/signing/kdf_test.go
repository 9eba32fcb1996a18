package signing

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// libsodium's pickparams for the costs that occur: ours, libsodium's interactive and
// sensitive (minisign's own), and the smallest.
func TestScryptParamsAsLibsodium(t *testing.T) {
	for _, c := range []struct {
		ops, mem uint64
		N, r, p  int
	}{
		{1 << 22, 1 << 27, 1 << 17, 8, 1},
		{524288, 16777216, 1 << 14, 8, 1},
		{33554432, 1073741824, 1 << 20, 8, 1},
		{1 << 15, 1 << 23, 1024, 8, 1},
	} {
		if N, r, p := scryptParams(c.ops, c.mem); N != c.N || r != c.r || p != c.p {
			t.Errorf("ops %d mem %d: N %d r %d p %d, want %d %d %d", c.ops, c.mem, N, r, p, c.N, c.r, c.p)
		}
	}
}

// Issue 19 point 1: a new key costs 128 MiB to unlock, not 1 GiB, and is read by
// aead.dev/minisign (Unlock) as by the stock tool.
func TestGeneratedKeyCost(t *testing.T) {
	pub, enc := sharedKey(t)
	N, r, p, mem, err := KDFCost(enc)
	if err != nil || N != 1<<17 || r != 8 || p != 1 || mem != 128<<20 {
		t.Fatalf("cost N=%d r=%d p=%d mem=%d (%v)", N, r, p, mem, err)
	}
	if NeedsRekey(enc) {
		t.Error("a new key asks to be re-encrypted")
	}
	k, err := Unlock(enc, testPass)
	if err != nil || !k.Public().Equal(pub) {
		t.Fatalf("unlock: %v", err)
	}
	if _, err := Unlock(enc, testPass+"x"); err != ErrWrongPassphrase {
		t.Fatalf("wrong passphrase: %v", err)
	}
}

// A key of higher cost (earlier versions wrote 1 GiB) is written anew with ours: same
// key, same passphrase, lower cost.
func TestReencryptOlderKey(t *testing.T) {
	k := cheapKey(t)
	old := encryptedWithCost(t, k, testPass, 1<<23, 1<<28) // N=2¹⁸: 256 MiB
	if !NeedsRekey(old) {
		t.Fatal("a 256 MiB key is not marked for re-encryption")
	}
	if NeedsRekey(cheapEncrypted(t, k, testPass)) {
		t.Fatal("a cheaper key is marked for re-encryption")
	}
	unlocked, err := Unlock(old, testPass)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := Reencrypt(unlocked, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if NeedsRekey(enc) || bytes.Equal(enc, old) {
		t.Fatal("not re-encrypted")
	}
	again, err := Unlock(enc, testPass)
	if err != nil || !again.Public().Equal(k.Public()) {
		t.Fatalf("re-encrypted key: %v", err)
	}
	s1, _ := Sign(k, []byte("m"), "c")
	s2, _ := Sign(again, []byte("m"), "c")
	if !bytes.Equal(s1, s2) {
		t.Fatal("re-encrypted key signs differently")
	}
}

// The stock tool signs with a key this version generated (our cost in the file).
func TestStockMinisignUsesGeneratedKey(t *testing.T) {
	ms := needMinisign(t)
	pub, enc := sharedKey(t)
	dir := t.TempDir()
	write(t, dir, "k.key", enc)
	write(t, dir, "m.txt", []byte("y"))
	out, err := runIn(dir, testPass+"\n", ms, "-S", "-s", "k.key", "-m", "m.txt")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if err := Verify(PublicKeyFile(pub), []byte("y"), read(t, dir, "m.txt.minisig")); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "rror") {
		t.Errorf("stock minisign: %s", out)
	}
}

// BenchmarkUnlock is the unlock of a generated key (issue 19: under 300 MB and 1 s of
// CPU); -benchmem shows the scrypt memory per unlock.
func BenchmarkUnlock(b *testing.B) {
	_, enc, err := GenerateKey(testPass, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Unlock(enc, testPass); err != nil {
			b.Fatal(err)
		}
	}
}

// runIn runs a command in dir with stdin and returns its combined output.
func runIn(dir, stdin, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
