package documents

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"tuijian/data/demo"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/store"
)

// TestLoadInputUsesStoredKey: without an explicit fingerprint the 推荐函 prints the
// stored signing key's, so a preview and the signed package agree.
func TestLoadInputUsesStoredKey(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.FillFor(s, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Case()
	in, err := LoadInput(s, c, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC), pdfdoc.Fallback(), "")
	if err != nil || in.Fingerprint != "" {
		t.Fatalf("no key yet: fingerprint %q, err %v", in.Fingerprint, err)
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
	pub, err := signing.ParsePublicKey(pubFile)
	if err != nil {
		t.Fatal(err)
	}
	in, err = LoadInput(s, c, time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC), pdfdoc.Fallback(), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := signing.Fingerprint(pub); in.Fingerprint != want {
		t.Errorf("fingerprint %q, want the stored key's %q", in.Fingerprint, want)
	}
	in, _ = LoadInput(s, c, time.Now(), pdfdoc.Fallback(), "given")
	if in.Fingerprint != "given" {
		t.Error("an explicit fingerprint must win")
	}
}
