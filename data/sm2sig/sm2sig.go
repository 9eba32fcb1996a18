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
	"crypto/rand"
	"crypto/x509/pkix"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"time"

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

// CertificateRequest is a PKCS #10 request (PEM) for the province's CA to certify
// the SM2 key: subject CN = the recommending unit, O = its province.
func CertificateRequest(k PrivateKey, unit, province string) ([]byte, error) {
	der, err := smx509.CreateCertificateRequest(rand.Reader, &smx509.CertificateRequest{
		Subject: pkix.Name{CommonName: unit, Organization: []string{unit}, Province: []string{province}, Country: []string{"CN"}},
	}, k.k)
	if err != nil {
		return nil, fmt.Errorf("无法生成证书申请：%v", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}), nil
}

// Certificate is a CA's certificate of an SM2 key.
type Certificate struct{ c *smx509.Certificate }

// ParseCertificatePEM reads the first certificate of a PEM file.
func ParseCertificatePEM(b []byte) (Certificate, error) {
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			return Certificate{}, errors.New("文件中没有 PEM 格式的证书（应以 -----BEGIN CERTIFICATE----- 开头）")
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := smx509.ParseCertificate(block.Bytes)
		if err != nil {
			return Certificate{}, fmt.Errorf("证书无法读取：%v", err)
		}
		return Certificate{c}, nil
	}
}

// Certifies reports whether the certificate is for pub.
func (c Certificate) Certifies(pub PublicKey) bool {
	k, ok := c.c.PublicKey.(*ecdsa.PublicKey)
	return ok && pub.k != nil && k.Equal(pub.k)
}

// Describe is the certificate as the officer and the receiver read it.
func (c Certificate) Describe() string {
	return fmt.Sprintf("%s（颁发者：%s；有效期 %s 至 %s）", c.c.Subject.CommonName, c.c.Issuer.CommonName,
		c.c.NotBefore.Format("2006-01-02"), c.c.NotAfter.Format("2006-01-02"))
}

// ValidAt reports whether t is inside the certificate's validity.
func (c Certificate) ValidAt(t time.Time) bool {
	return !t.Before(c.c.NotBefore) && !t.After(c.c.NotAfter)
}

// VerifyChain checks that the certificate was issued by a CA of caPEM (one or more
// certificates, the root last or alone), at the time given.
func (c Certificate) VerifyChain(caPEM []byte, at time.Time) error {
	roots, inter := smx509.NewCertPool(), smx509.NewCertPool()
	n := 0
	for {
		var block *pem.Block
		block, caPEM = pem.Decode(caPEM)
		if block == nil {
			break
		}
		ca, err := smx509.ParseCertificate(block.Bytes)
		if err != nil {
			return fmt.Errorf("CA 证书无法读取：%v", err)
		}
		if ca.Subject.String() == ca.Issuer.String() {
			roots.AddCert(ca)
		} else {
			inter.AddCert(ca)
		}
		n++
	}
	if n == 0 {
		return errors.New("CA 证书文件中没有 PEM 格式的证书")
	}
	if _, err := c.c.Verify(smx509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at, KeyUsages: []smx509.ExtKeyUsage{smx509.ExtKeyUsageAny}}); err != nil {
		return fmt.Errorf("证书不是由给定的 CA 签发的，或在 %s 时无效：%v", at.Format("2006-01-02"), err)
	}
	return nil
}
