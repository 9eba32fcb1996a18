package keyring

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tuijian/data/demo"
	"tuijian/data/documents"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
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
	in := documents.NewInput(c, day, pdfdoc.Fallback(), fp, "")
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
	s := demoStore(t)
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

// Issue 18: the SM2 key comes with the minisign key. Created together, its public half
// is recorded at once; a key from before (stock minisign's here) gets it on its first
// unlock; a replaced key gets its own; a recorded one that is not the key's is refused.
func TestSM2KeyComesWithTheKey(t *testing.T) {
	s := demoStore(t)
	const pass = "国密口令 abcdefg"
	if _, err := CreateKey(context.Background(), s, pass, false, nil); err != nil {
		t.Fatal(err)
	}
	pub1, fp1, ok, err := StoredSM2(s)
	if err != nil || !ok || fp1 == "" {
		t.Fatalf("no SM2 key recorded at creation: %v", err)
	}
	priv, err := UnlockStored(s, pass)
	if err != nil {
		t.Fatal(err)
	}
	if sm, _ := sm2sig.Derive(priv); !sm.Public().Equal(pub1) {
		t.Fatal("the recorded SM2 key is not the one the unlocked key makes")
	}
	if fp, _ := SM2Fingerprint(s); fp != fp1 {
		t.Errorf("SM2Fingerprint %q, want %q", fp, fp1)
	}
	// 更换密钥: the old SM2 key goes with the old minisign key.
	if _, err := CreateKey(context.Background(), s, pass, true, nil); err != nil {
		t.Fatal(err)
	}
	if _, fp2, ok, _ := StoredSM2(s); !ok || fp2 == fp1 {
		t.Fatalf("replaced key kept the SM2 key %s", fp1)
	}
	// A data file whose SM2 key was swapped.
	other, err := sm2sig.Derive(priv) // the first key's
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update("篡改", func(tx *store.Tx) error { return tx.SetSM2PublicKey(sm2sig.PublicPEM(other.Public())) }); err != nil {
		t.Fatal(err)
	}
	if _, err := UnlockStored(s, pass); err == nil || !strings.Contains(err.Error(), "国密公钥") {
		t.Fatalf("a swapped SM2 key was accepted: %v", err)
	}

	// A key made before SM2 (stock minisign 0.11, no SM2 recorded).
	if testing.Short() {
		return
	}
	pubFile, _ := os.ReadFile(filepath.Join("..", "signing", "testdata", "minisign-0.11.pub"))
	sec, _ := os.ReadFile(filepath.Join("..", "signing", "testdata", "minisign-0.11.key"))
	if err := s.Update("签名密钥", func(tx *store.Tx) error { return tx.SaveSigningKey(pubFile, sec, true) }); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := StoredSM2(s); ok {
		t.Fatal("a replaced key kept an SM2 key")
	}
	if _, err := UnlockStored(s, "口令12345678"); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := StoredSM2(s); !ok {
		t.Fatal("no SM2 key recorded on the first unlock")
	}
}

// demoStore is a data file with the demo case and no key.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.FillFor(s, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return s
}
