package submission

import (
	"tuijian/data/signing"
	"tuijian/data/store"
	"tuijian/forms"
)

// SectionsOf reads the application texts of each measure's chosen city, as
// ExportInput.Sections wants them.
func SectionsOf(st *store.Store, c *forms.Case) (map[forms.MeasureID]map[string]string, error) {
	out := map[forms.MeasureID]map[string]string{}
	for _, ch := range c.Choices {
		secs, err := st.Sections(ch.UnitCode, ch.Measure)
		if err != nil {
			return nil, err
		}
		out[ch.Measure] = secs
	}
	return out, nil
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

// UnlockStored decrypts the stored signing key with passphrase.
func UnlockStored(st *store.Store, passphrase string) (signing.PrivateKey, error) {
	k, err := st.SigningKey()
	if err != nil {
		return signing.PrivateKey{}, err
	}
	return signing.Unlock(k.EncryptedSecret, passphrase)
}
