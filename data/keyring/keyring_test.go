package keyring

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"tuijian/data/demo"
	"tuijian/data/documents"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/store"
)

// The 推荐函 written for preview prints the stored key's fingerprint, as the signed
// package does; before a key exists it prints none.
func TestFingerprintOfTheStoredKey(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)
	if err := demo.FillFor(s, day); err != nil {
		t.Fatal(err)
	}
	if fp, err := Fingerprint(s); err != nil || fp != "" {
		t.Fatalf("no key yet: fingerprint %q, err %v", fp, err)
	}
	pubFile, err := os.ReadFile(filepath.Join("..", "signing", "testdata", "minisign-0.11.pub"))
	if err != nil {
		t.Fatal(err)
	}
	sec, err := os.ReadFile(filepath.Join("..", "signing", "testdata", "minisign-0.11.key"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update("签名密钥", func(tx *store.Tx) error { return tx.SaveSigningKey(pubFile, sec, false) }); err != nil {
		t.Fatal(err)
	}
	pub, _ := signing.ParsePublicKey(pubFile)
	fp, err := Fingerprint(s)
	if err != nil || fp != signing.Fingerprint(pub) {
		t.Fatalf("fingerprint %q (%v), want %q", fp, err, signing.Fingerprint(pub))
	}
	c, _ := s.Case()
	in := documents.NewInput(c, day, pdfdoc.Fallback(), fp)
	if in.Fingerprint != fp || len(in.Sections) != 2 || in.Draft {
		t.Errorf("input: fingerprint %q, %d measures' texts, draft %v", in.Fingerprint, len(in.Sections), in.Draft)
	}
}

// Issue 19 point 1: a key of the old cost (here one made by stock minisign 0.11:
// 1 GiB) is re-encrypted with the current cost on its first unlock; the key, its
// fingerprint and the passphrase stay the same.
func TestUnlockMigratesCostlyKey(t *testing.T) {
	if testing.Short() {
		t.Skip("one 1 GiB scrypt")
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.FillFor(s, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	pubFile, _ := os.ReadFile(filepath.Join("..", "signing", "testdata", "minisign-0.11.pub"))
	sec, _ := os.ReadFile(filepath.Join("..", "signing", "testdata", "minisign-0.11.key"))
	if err := s.Update("签名密钥", func(tx *store.Tx) error { return tx.SaveSigningKey(pubFile, sec, false) }); err != nil {
		t.Fatal(err)
	}
	fp0, _ := Fingerprint(s)
	if !signing.NeedsRekey(sec) {
		t.Fatal("the stock key should cost more than ours")
	}
	if _, err := UnlockStored(s, "错误的口令"); err != signing.ErrWrongPassphrase {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if k, _ := s.SigningKey(); string(k.EncryptedSecret) != string(sec) {
		t.Fatal("a failed unlock rewrote the key")
	}
	k1, err := UnlockStored(s, "口令12345678")
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := s.SigningKey()
	if signing.NeedsRekey(stored.EncryptedSecret) {
		t.Fatal("not migrated")
	}
	if fp, _ := Fingerprint(s); fp != fp0 {
		t.Fatalf("fingerprint changed %s → %s", fp0, fp)
	}
	k2, err := UnlockStored(s, "口令12345678")
	if err != nil || !k2.Public().Equal(k1.Public()) {
		t.Fatalf("second unlock: %v", err)
	}
	a, _ := s.Audit(store.AuditFilter{Limit: 1})
	if len(a) == 0 || a[0].Field != "私钥加密参数" {
		t.Errorf("migration not in the history: %+v", a)
	}
}
