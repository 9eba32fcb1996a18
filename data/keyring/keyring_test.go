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
