package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestSigningKeyStoredEncryptedOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	s := open(t, path)
	if _, err := s.SigningKey(); !errors.Is(err, ErrNoSigningKey) {
		t.Fatalf("empty store: %v", err)
	}
	pub := []byte("untrusted comment: minisign public key 0123456789ABCDEF\nRWQBI0VniavN7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")
	plain := []byte("untrusted comment: minisign secret key\nRWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAA\n")
	enc := []byte("untrusted comment: minisign encrypted secret key\nRWRTY0IyAAAAAAAAAAAAAAAAAAAAAAAA\n")
	err := s.Update("签名密钥", func(tx *Tx) error { return tx.SaveSigningKey(pub, plain, false) })
	if err == nil || !strings.Contains(err.Error(), "未加密") {
		t.Fatalf("plain secret key accepted: %v", err)
	}
	if err := s.Update("签名密钥", func(tx *Tx) error { return tx.SaveSigningKey(pub, enc, false) }); err != nil {
		t.Fatal(err)
	}
	err = s.Update("签名密钥", func(tx *Tx) error { return tx.SaveSigningKey(pub, enc, false) })
	if err == nil || !strings.Contains(err.Error(), "不能覆盖") {
		t.Fatalf("second key without replace: %v", err)
	}
	s.Close()
	s = open(t, path)
	defer s.Close()
	k, err := s.SigningKey()
	if err != nil || string(k.Public) != string(pub) || string(k.EncryptedSecret) != string(enc) || k.Created.IsZero() {
		t.Fatalf("reloaded %+v, %v", k, err)
	}
	a, err := s.Audit(AuditFilter{})
	if err != nil || len(a) != 1 || a[0].Entity != "签名密钥" {
		t.Fatalf("audit %+v %v", a, err)
	}
}
