// Package keyring keeps the department's signing key in the data file (data/store):
// it creates it under a passphrase, reads its public half and fingerprint, and unlocks
// it for one export. It is the one place where the store and the signing code meet,
// so that documents and submission take a loaded case and a key, never a store.
package keyring

import (
	"errors"

	"tuijian/data/signing"
	"tuijian/data/store"
)

// Fingerprint is the stored key's fingerprint as the 推荐函 prints it, "" when no key
// was created yet.
func Fingerprint(st *store.Store) (string, error) {
	_, fp, _, err := StoredKey(st)
	if errors.Is(err, store.ErrNoSigningKey) {
		return "", nil
	}
	return fp, err
}

// StoredKey reads the stored signing key's public half, its fingerprint (as the
// 推荐函 prints it) and key ID. The error is store.ErrNoSigningKey when none was
// created yet.
func StoredKey(st *store.Store) (pub signing.PublicKey, fingerprint, keyID string, err error) {
	k, err := st.SigningKey()
	if err != nil {
		return pub, "", "", err
	}
	pub, err = signing.ParsePublicKey(k.Public)
	if err != nil {
		return pub, "", "", err
	}
	return pub, signing.Fingerprint(pub), signing.KeyID(pub), nil
}

// CreateKey makes the department's signing key under passphrase and stores it
// (encrypted) in st; replace allows replacing an existing key. progress receives
// Chinese status lines (encryption takes seconds).
func CreateKey(st *store.Store, passphrase string, replace bool, progress func(string)) (signing.PublicKey, error) {
	if !replace {
		if _, err := st.SigningKey(); err == nil {
			return signing.PublicKey{}, store.ErrKeyExists
		}
	}
	pub, enc, err := signing.GenerateKey(passphrase, progress)
	if err != nil {
		return pub, err
	}
	err = st.Update("创建签名密钥", func(tx *store.Tx) error { return tx.SaveSigningKey(signing.PublicKeyFile(pub), enc, replace) })
	return pub, err
}

// UnlockStored decrypts the stored signing key with passphrase. A key stored with a
// costlier key derivation than this version writes (1 GiB for keys of earlier
// versions) is re-encrypted with the current one once it is unlocked; when that
// cannot be written the unlock still succeeds and the next one tries again.
func UnlockStored(st *store.Store, passphrase string) (signing.PrivateKey, error) {
	k, err := st.SigningKey()
	if err != nil {
		return signing.PrivateKey{}, err
	}
	priv, err := signing.Unlock(k.EncryptedSecret, passphrase)
	if err != nil || !signing.NeedsRekey(k.EncryptedSecret) {
		return priv, err
	}
	if enc, err := signing.Reencrypt(priv, passphrase); err == nil {
		_ = st.Update("签名私钥改用新的口令加密参数", func(tx *store.Tx) error { return tx.ReencryptSigningKey(enc) })
	}
	return priv, nil
}
