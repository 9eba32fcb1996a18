// Package keyring keeps the department's signing key in the data file (data/store):
// it creates it under a passphrase, reads its public half and fingerprint, and unlocks
// it for one export. It is the one place where the store and the signing code meet,
// so that documents and submission take a loaded case and a key, never a store.
//
// With the minisign key comes the SM2 co-signature key (data/sm2sig), derived from it:
// only its public half is stored, when the key is created, or on the first unlock of
// a key made by a version without SM2.
package keyring

import (
	"context"
	"errors"
	"fmt"

	"tuijian/data/signing"
	"tuijian/data/sm2sig"
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
// Chinese status lines (encryption takes about a second). A ctx cancelled meanwhile
// (the officer's 取消) stores nothing and returns its error.
func CreateKey(ctx context.Context, st *store.Store, passphrase string, replace bool, progress func(string)) (signing.PublicKey, error) {
	if !replace {
		if _, err := st.SigningKey(); err == nil {
			return signing.PublicKey{}, store.ErrKeyExists
		}
	}
	priv, enc, err := signing.GenerateKeyPair(passphrase, progress)
	if err != nil {
		return signing.PublicKey{}, err
	}
	pub := priv.Public()
	sm, err := sm2sig.Derive(priv)
	if err != nil {
		return pub, err
	}
	if err := ctx.Err(); err != nil {
		return signing.PublicKey{}, err
	}
	err = st.Update("创建签名密钥", func(tx *store.Tx) error {
		if err := tx.SaveSigningKey(signing.PublicKeyFile(pub), enc, replace); err != nil {
			return err
		}
		return tx.SetSM2PublicKey(sm2sig.PublicPEM(sm.Public()))
	})
	return pub, err
}

// Fingerprints are both fingerprints the 推荐函 prints, "" for a key not made yet.
func Fingerprints(st *store.Store) (minisign, sm2 string, err error) {
	if minisign, err = Fingerprint(st); err != nil {
		return "", "", err
	}
	sm2, err = SM2Fingerprint(st)
	return minisign, sm2, err
}

// StoredSM2 reads the SM2 co-signature key's public half and its fingerprint; ok is
// false while none is recorded (a key made by an earlier version, until its next
// unlock).
func StoredSM2(st *store.Store) (pub sm2sig.PublicKey, fingerprint string, ok bool, err error) {
	k, err := st.SigningKey()
	if err != nil || len(k.SM2Public) == 0 {
		return pub, "", false, err
	}
	if pub, err = sm2sig.ParsePublicPEM(k.SM2Public); err != nil {
		return pub, "", false, err
	}
	return pub, sm2sig.Fingerprint(pub), true, nil
}

// SM2Fingerprint is the stored SM2 key's fingerprint as the 推荐函 prints it, "" when
// none is recorded yet.
func SM2Fingerprint(st *store.Store) (string, error) {
	_, fp, _, err := StoredSM2(st)
	if errors.Is(err, store.ErrNoSigningKey) {
		return "", nil
	}
	return fp, err
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
	if err != nil {
		return priv, err
	}
	if err := checkSM2(st, k, priv); err != nil {
		return signing.PrivateKey{}, err
	}
	if !signing.NeedsRekey(k.EncryptedSecret) {
		return priv, nil
	}
	if enc, err := signing.Reencrypt(priv, passphrase); err == nil {
		_ = st.Update("签名私钥改用新的口令加密参数", func(tx *store.Tx) error { return tx.ReencryptSigningKey(enc) })
	}
	return priv, nil
}

// checkSM2 records the SM2 public key of a key that has none yet, and refuses a data
// file whose recorded one is not the key's (then the 推荐函 printed from it would
// name a key the package is not signed with).
func checkSM2(st *store.Store, k store.SigningKey, priv signing.PrivateKey) error {
	sm, err := sm2sig.Derive(priv)
	if err != nil {
		return err
	}
	derived := sm2sig.PublicPEM(sm.Public())
	if len(k.SM2Public) == 0 {
		return st.Update("生成国密签名公钥（SM2）", func(tx *store.Tx) error { return tx.SetSM2PublicKey(derived) })
	}
	if stored, err := sm2sig.ParsePublicPEM(k.SM2Public); err != nil || !stored.Equal(sm.Public()) {
		return errors.New("数据文件中记录的国密公钥（SM2）与签名私钥不符：数据文件被改动过。请在“签名密钥…”中更换密钥")
	}
	return nil
}

// CertificateRequest is the PKCS #10 request for the province's CA to certify the SM2
// key (needs the unlocked key: the request is signed with it).
func CertificateRequest(st *store.Store, priv signing.PrivateKey) ([]byte, error) {
	c, err := st.Case()
	if err != nil {
		return nil, err
	}
	sm, err := sm2sig.Derive(priv)
	if err != nil {
		return nil, err
	}
	return sm2sig.CertificateRequest(sm, c.Settings.Department, c.Province.Name)
}

// ImportCertificate records the CA's certificate of the SM2 key, refusing one that
// certifies another key; it returns the certificate as described to the officer.
func ImportCertificate(st *store.Store, pemText []byte) (string, error) {
	pub, _, ok, err := StoredSM2(st)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", errors.New("国密公钥尚未生成：请先导出一次报送包（解开私钥时生成），再导入证书")
	}
	cert, err := sm2sig.ParseCertificatePEM(pemText)
	if err != nil {
		return "", err
	}
	if !cert.Certifies(pub) {
		return "", fmt.Errorf("该证书不是为本单位的国密公钥（指纹 %s）签发的：请用本程序生成的证书申请向 CA 申请", sm2sig.Fingerprint(pub))
	}
	if err := st.Update("导入国密证书", func(tx *store.Tx) error { return tx.SetSM2Certificate(pemText) }); err != nil {
		return "", err
	}
	return cert.Describe(), nil
}
