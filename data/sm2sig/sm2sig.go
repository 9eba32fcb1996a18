// Package sm2sig is the 国密 co-signature of a submission package, beside minisign's:
// SM2 with SM3 (GB/T 32918.2), with the user ID 1234567812345678 that GB/T 35276 sets
// by default, DER-encoded, over the same tag manifest. Stock OpenSSL 3 verifies it:
//
//	openssl pkeyutl -verify -pubin -inkey tuijian-sm2-pub.pem -rawin -digest sm3 \
//	  -pkeyopt distid:1234567812345678 -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sm2sig
//
// The SM2 key is made with the minisign key and kept the same way: its scalar is
// derived from the unlocked minisign key (signing.PrivateKey.DeriveSeed, then the KDF
// of GB/T 32918.4 with SM3, counter appended until the scalar lies in [1, n−2]). So it
// rests encrypted inside the minisign key file, is unlocked by the same passphrase
// with the same one key derivation (no second scrypt: unlock stays under a second),
// never exists in plaintext on disk, and follows a replaced key automatically. Only
// its public half is stored, for the fingerprint on the 推荐函 (data/keyring).
//
// github.com/emmansun/gmsm (MIT) does the curve, SM3 and the encodings; the standard
// library has no 国密 algorithms.
package sm2sig

import (
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"

	"github.com/emmansun/gmsm/kdf"
	"github.com/emmansun/gmsm/sm2"
	"github.com/emmansun/gmsm/sm3"
	"github.com/emmansun/gmsm/smx509"

	"tuijian/data/signing"
)

// UserID is the signer's distinguishing identifier of GB/T 35276's default.
const UserID = "1234567812345678"

// seedLabel separates this use of the minisign key from any other.
const seedLabel = "tuijian sm2 co-signature key v1"

// PrivateKey is an unlocked SM2 key; it lives in memory only.
type PrivateKey struct{ k *sm2.PrivateKey }

// PublicKey is an SM2 public key.
type PublicKey struct{ k *ecdsa.PublicKey }

// Derive is the SM2 key made with the minisign key.
func Derive(key signing.PrivateKey) (PrivateKey, error) {
	seed, err := key.DeriveSeed(seedLabel)
	if err != nil {
		return PrivateKey{}, fmt.Errorf("无法生成国密签名密钥：%v", err)
	}
	n := sm2.P256().Params().N
	max := new(big.Int).Sub(n, big.NewInt(2)) // d ∈ [1, n−2]
	for counter := uint32(0); counter < 64; counter++ {
		z := binary.BigEndian.AppendUint32(append([]byte(nil), seed...), counter)
		d := new(big.Int).SetBytes(kdf.Kdf(sm3.New, z, 32))
		if d.Sign() == 0 || d.Cmp(max) > 0 {
			continue
		}
		k, err := sm2.NewPrivateKeyFromInt(d)
		if err != nil {
			return PrivateKey{}, fmt.Errorf("无法生成国密签名密钥：%v", err)
		}
		return PrivateKey{k}, nil
	}
	return PrivateKey{}, errors.New("无法生成国密签名密钥") // 2⁻²⁵⁶·⁶⁴: never
}

// Public is the public half of k.
func (k PrivateKey) Public() PublicKey { return PublicKey{&k.k.PublicKey} }

// Sign is the DER signature of message, SM2 with SM3 and UserID. The nonce is
// derived as RFC 6979 does (with SM3), so the same key and message give the same
// signature: a package exported twice from the same data is the same byte for byte,
// as with Ed25519.
func Sign(k PrivateKey, message []byte) ([]byte, error) {
	sig, err := k.k.Sign(nil, message, sm2.NewSM2SignerOption(true, []byte(UserID)))
	if err != nil {
		return nil, fmt.Errorf("国密签名失败：%v", err)
	}
	return sig, nil
}

// ErrBadSignature is the error of Verify for a signature that does not hold.
var ErrBadSignature = errors.New("国密签名（SM2）验证失败：签名与标签清单或公钥不符，文件被改动过，或不是用这把密钥签的")

// Verify checks a DER signature of message by pub.
func Verify(pub PublicKey, message, sig []byte) error {
	if len(sig) == 0 {
		return errors.New("国密签名文件为空")
	}
	if !sm2.VerifyASN1WithSM2(pub.k, []byte(UserID), message, sig) {
		return ErrBadSignature
	}
	return nil
}

// PublicPEM is the public key as OpenSSL reads it (SubjectPublicKeyInfo, PEM).
func PublicPEM(pub PublicKey) []byte {
	der, err := smx509.MarshalPKIXPublicKey(pub.k)
	if err != nil {
		panic(err) // an SM2 key always marshals
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// ParsePublicPEM reads a public key written by PublicPEM (or by
// `openssl pkey -pubout`); anything but an SM2 key is refused.
func ParsePublicPEM(b []byte) (PublicKey, error) {
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "PUBLIC KEY" {
		return PublicKey{}, errors.New("国密公钥文件不是 PEM 格式的公钥（应以 -----BEGIN PUBLIC KEY----- 开头）")
	}
	k, err := smx509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return PublicKey{}, fmt.Errorf("国密公钥文件无法读取：%v", err)
	}
	ek, ok := k.(*ecdsa.PublicKey)
	if !ok || !sm2.IsSM2PublicKey(ek) {
		return PublicKey{}, errors.New("国密公钥文件中不是 SM2 公钥")
	}
	return PublicKey{ek}, nil
}

// Fingerprint is printed on paper beside the minisign one: the first 128 bits of SM3
// over the DER public key, as 8 groups of 4 upper-case hex digits. Anyone can
// recompute it with `openssl pkey -pubin -in tuijian-sm2-pub.pem -outform DER |
// openssl dgst -sm3` (first 32 hex digits).
func Fingerprint(pub PublicKey) string {
	der, _ := smx509.MarshalPKIXPublicKey(pub.k)
	sum := sm3.Sum(der)
	return signing.FingerprintText(sum[:])
}

// Equal reports whether two public keys are the same.
func (p PublicKey) Equal(q PublicKey) bool { return p.k != nil && q.k != nil && p.k.Equal(q.k) }
