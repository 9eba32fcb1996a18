package store

import (
	"bytes"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// SigningKey is the department's stored signing key: the minisign public key file
// and the secret key encrypted with the officer's passphrase (never the plain key).
type SigningKey struct {
	Public          []byte // minisign .pub file
	EncryptedSecret []byte // minisign encrypted secret key file
	Created         time.Time
	// SM2Public is the SM2 co-signature key's public half (PEM), made with the
	// minisign key (data/sm2sig); empty until recorded.
	SM2Public []byte
	// SM2Cert is a certificate of that key from the province's CA (PEM); empty when
	// none was imported.
	SM2Cert []byte
}

// ErrNoSigningKey is returned by SigningKey when none was created yet.
var ErrNoSigningKey = errors.New("尚未创建签名密钥：请先在“导出”中点“签名密钥…”（命令行：tuijian-cli key create）创建")

// ErrKeyExists is returned when a key exists and replacing it was not asked for.
var ErrKeyExists = errors.New("已有签名密钥，不能覆盖：更换密钥后，已印在推荐函上的公钥指纹将失效；确需更换请明确选择“更换密钥”")

const encryptedKeyPrefix = "untrusted comment: minisign encrypted secret key"

// SigningKey returns the stored key, or ErrNoSigningKey.
func (s *Store) SigningKey() (SigningKey, error) {
	var k SigningKey
	var pub, sec, at, sm2, cert string
	err := s.db.QueryRow("SELECT public_key, encrypted_secret, created_at, sm2_public, sm2_cert FROM signing_key WHERE id = 1").Scan(&pub, &sec, &at, &sm2, &cert)
	if errors.Is(err, sql.ErrNoRows) {
		return k, ErrNoSigningKey
	}
	if err != nil {
		return k, err
	}
	k.Public, k.EncryptedSecret = []byte(pub), []byte(sec)
	if sm2 != "" {
		k.SM2Public = []byte(sm2)
	}
	if cert != "" {
		k.SM2Cert = []byte(cert)
	}
	k.Created, _ = time.Parse(time.RFC3339, at)
	return k, nil
}

// SaveSigningKey stores a key made by signing.GenerateKey. The secret must be in
// minisign's encrypted form. An existing key is replaced only when replace is true
// (a new key invalidates the fingerprint printed on earlier letters).
func (t *Tx) SaveSigningKey(public, encryptedSecret []byte, replace bool) error {
	if !bytes.HasPrefix(bytes.TrimSpace(encryptedSecret), []byte(encryptedKeyPrefix)) {
		return errors.New("签名私钥未加密，拒绝保存：私钥只能以口令加密的形式保存")
	}
	if len(bytes.TrimSpace(public)) == 0 {
		return errors.New("公钥为空，无法保存签名密钥")
	}
	var old string
	err := t.tx.QueryRow("SELECT public_key FROM signing_key WHERE id = 1").Scan(&old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case !replace:
		return ErrKeyExists
	}
	// A new key clears the SM2 public key of the old one (SetSM2PublicKey records the
	// new key's).
	if _, err := t.tx.Exec(`INSERT INTO signing_key (id, public_key, encrypted_secret, created_at, sm2_public, sm2_cert) VALUES (1, ?, ?, ?, '', '')
		ON CONFLICT (id) DO UPDATE SET public_key=excluded.public_key, encrypted_secret=excluded.encrypted_secret, created_at=excluded.created_at, sm2_public='', sm2_cert=''`,
		string(public), string(encryptedSecret), t.s.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return t.audit("签名密钥", "", "公钥", string(bytes.TrimSpace([]byte(old))), string(bytes.TrimSpace(public)))
}

// ReencryptSigningKey replaces the stored secret by the same key encrypted anew (a
// cheaper key derivation, data/signing.Reencrypt); the public key stays.
func (t *Tx) ReencryptSigningKey(encryptedSecret []byte) error {
	if !bytes.HasPrefix(bytes.TrimSpace(encryptedSecret), []byte(encryptedKeyPrefix)) {
		return errors.New("签名私钥未加密，拒绝保存：私钥只能以口令加密的形式保存")
	}
	res, err := t.tx.Exec("UPDATE signing_key SET encrypted_secret = ? WHERE id = 1", string(encryptedSecret))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNoSigningKey
	}
	return t.audit("签名密钥", "", "私钥加密参数", "scrypt（旧参数）", "scrypt N=2^17, r=8, p=1")
}

// SetSM2PublicKey records the public half of the SM2 co-signature key made with the
// stored key (PEM, data/sm2sig).
func (t *Tx) SetSM2PublicKey(pemText []byte) error {
	if !bytes.HasPrefix(bytes.TrimSpace(pemText), []byte("-----BEGIN PUBLIC KEY-----")) {
		return errors.New("国密公钥不是 PEM 格式的公钥，未保存")
	}
	return t.setKeyText("sm2_public", "国密公钥（SM2）", pemText)
}

// setKeyText replaces one text column of the stored key, audited under label.
func (t *Tx) setKeyText(column, label string, text []byte) error {
	var old string
	if err := t.tx.QueryRow("SELECT " + column + " FROM signing_key WHERE id = 1").Scan(&old); errors.Is(err, sql.ErrNoRows) {
		return ErrNoSigningKey
	} else if err != nil {
		return err
	}
	if _, err := t.tx.Exec("UPDATE signing_key SET "+column+" = ? WHERE id = 1", string(text)); err != nil {
		return err
	}
	return t.audit("签名密钥", "", label, strings.TrimSpace(old), strings.TrimSpace(string(text)))
}

// SetSM2Certificate records the CA's certificate of the SM2 key (PEM; checked against
// the key by data/keyring.ImportCertificate); empty removes it.
func (t *Tx) SetSM2Certificate(pemText []byte) error {
	if len(pemText) > 0 && !bytes.Contains(pemText, []byte("-----BEGIN CERTIFICATE-----")) {
		return errors.New("证书不是 PEM 格式，未保存")
	}
	return t.setKeyText("sm2_cert", "国密证书（CA 签发）", pemText)
}
