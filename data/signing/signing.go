// Package signing makes and checks Ed25519 signatures in minisign's format
// (aead.dev/minisign), so that the stock `minisign -V` tool verifies what we
// sign. The secret key only ever leaves this package encrypted with the
// passphrase (scrypt N=2¹⁷, r=8, p=1: 128 MiB and a fraction of a second per
// GenerateKey and Unlock; see kdf.go for the choice and the migration of older keys).
//
// Signatures use minisign's default pre-hashed mode (BLAKE2b-512, algorithm
// "ED"), which minisign 0.11 verifies even with -H. Ed25519 is deterministic,
// so the same key, message and trusted comment always give the same
// signature file byte for byte.
package signing

import (
	"bytes"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"aead.dev/minisign"
)

// PublicKey is a minisign Ed25519 public key.
type PublicKey struct{ k minisign.PublicKey }

// PrivateKey is an unlocked minisign secret key. It lives in memory only.
type PrivateKey struct{ k minisign.PrivateKey }

// Public returns the public half of k.
func (k PrivateKey) Public() PublicKey {
	return PublicKey{k.k.Public().(minisign.PublicKey)}
}

// ErrWrongPassphrase is returned by Unlock when the passphrase does not
// decrypt the key.
var ErrWrongPassphrase = errors.New("口令不正确：无法解开签名私钥，请核对口令（区分大小写、全角半角）后重试")

// MinPassphraseLen is the shortest passphrase GenerateKey accepts, in characters.
const MinPassphraseLen = 8

// CheckPassphrase is the minimum strength of a new passphrase: at least
// MinPassphraseLen characters, no leading or trailing space (invisible when typed
// again), and at least 4 different characters that are not spaces (so “        ” or
// “11111111” is refused).
func CheckPassphrase(p string) error {
	if n := len([]rune(p)); n < MinPassphraseLen {
		return fmt.Errorf("口令太短：只有 %d 个字符，至少需要 %d 个字符，请换一个更长的口令", n, MinPassphraseLen)
	}
	if strings.TrimSpace(p) != p {
		return fmt.Errorf("口令的开头或结尾是空格，再次输入时容易漏掉，请去掉")
	}
	distinct := map[rune]bool{}
	for _, r := range p {
		if !unicode.IsSpace(r) {
			distinct[r] = true
		}
	}
	if len(distinct) < 4 {
		return fmt.Errorf("口令太简单：至少要有 4 个不同的字符（不算空格），请换一个")
	}
	return nil
}

// GenerateKey creates a new key pair and returns the public key together with
// the secret key encrypted under passphrase, in minisign's secret key file
// format ("untrusted comment: minisign encrypted secret key" + base64). The
// unencrypted secret key is never returned. progress, if not nil, receives
// short Chinese status lines; encryption takes several seconds.
func GenerateKey(passphrase string, progress func(string)) (PublicKey, []byte, error) {
	priv, enc, err := GenerateKeyPair(passphrase, progress)
	return priv.Public(), enc, err
}

// GenerateKeyPair is GenerateKey that also hands back the unlocked key (in memory),
// so that what is made with it (the SM2 co-signature key, data/sm2sig) can be made
// at once without a second key derivation.
func GenerateKeyPair(passphrase string, progress func(string)) (PrivateKey, []byte, error) {
	say := func(s string) {
		if progress != nil {
			progress(s)
		}
	}
	if err := CheckPassphrase(passphrase); err != nil {
		return PrivateKey{}, nil, err
	}
	say("正在生成 Ed25519 签名密钥…")
	_, priv, err := minisign.GenerateKey(nil)
	if err != nil {
		return PrivateKey{}, nil, fmt.Errorf("生成签名密钥失败：%v", err)
	}
	say("正在用口令加密私钥（约需 1 秒）…")
	enc, err := encrypt(passphrase, priv)
	if err != nil {
		return PrivateKey{}, nil, fmt.Errorf("加密签名私钥失败：%v", err)
	}
	say("签名密钥已生成")
	return PrivateKey{priv}, enc, nil
}

// DeriveSeed is a 32-byte secret bound to this key and label: HKDF-SHA-256 over the
// key's unencrypted minisign form (which does not depend on how the key is encrypted
// at rest). A key made from it with another algorithm is as protected as this one:
// only who can unlock this key can make it.
func (k PrivateKey) DeriveSeed(label string) ([]byte, error) {
	raw, err := k.k.MarshalText()
	if err != nil {
		return nil, err
	}
	return hkdf.Key(sha256.New, raw, nil, label, 32)
}

// Unlock decrypts a secret key file made by GenerateKey or by
// `minisign -G`. A wrong passphrase gives ErrWrongPassphrase. Unencrypted
// secret keys (minisign -W) are refused: the key must never rest on disk in
// the clear.
func Unlock(encryptedPrivate []byte, passphrase string) (PrivateKey, error) {
	if !minisign.IsEncrypted(bytes.TrimSpace(encryptedPrivate)) {
		var k minisign.PrivateKey
		if k.UnmarshalText(bytes.TrimSpace(encryptedPrivate)) == nil {
			return PrivateKey{}, errors.New("签名私钥未加密：私钥不得以明文保存，请用 `minisign -C` 为它设置口令，或在本程序中重新生成密钥")
		}
		return PrivateKey{}, errors.New("签名私钥文件已损坏或不是 minisign 私钥，请重新选择私钥文件或重新生成密钥")
	}
	k, err := minisign.DecryptKey(passphrase, bytes.TrimSpace(encryptedPrivate))
	if err != nil {
		if err.Error() == "minisign: decryption failed" {
			return PrivateKey{}, ErrWrongPassphrase
		}
		return PrivateKey{}, fmt.Errorf("签名私钥文件已损坏，无法解开（%v），请重新选择私钥文件或重新生成密钥", err)
	}
	return PrivateKey{k}, nil
}

// checkComment rejects comments that would break the signature file.
func checkComment(c string) error {
	if strings.ContainsAny(c, "\r\n") {
		return errors.New("签名的可信注释不能包含换行，请改为一行文字")
	}
	return nil
}

// Sign signs message and returns the content of a .minisig file. The trusted
// comment is signed too (minisign prints it after "Trusted comment:"); give a
// fixed one (no time stamp) when the output must be reproducible.
func Sign(key PrivateKey, message []byte, trustedComment string) ([]byte, error) {
	return SignReader(key, bytes.NewReader(message), trustedComment)
}

// SignReader is Sign for a message read from r (streamed, not held in memory).
func SignReader(key PrivateKey, r io.Reader, trustedComment string) ([]byte, error) {
	if err := checkComment(trustedComment); err != nil {
		return nil, err
	}
	mr := minisign.NewReader(r)
	if _, err := io.Copy(io.Discard, mr); err != nil {
		return nil, fmt.Errorf("读取待签名内容失败：%v", err)
	}
	return mr.SignWithComments(key.k, trustedComment, untrustedPrefix+KeyID(key.Public())), nil
}

const untrustedPrefix = "signature from minisign secret key "

// SignatureComment is the untrusted comment Sign writes for a key (the text after
// "untrusted comment: ").
func SignatureComment(pub PublicKey) string { return untrustedPrefix + KeyID(pub) }

// UntrustedComment returns the untrusted comment of a signature file (the text after
// "untrusted comment: " on its first line), "" when there is none.
func UntrustedComment(sig []byte) string {
	line, _, _ := bytes.Cut(bytes.TrimPrefix(sig, []byte("\xef\xbb\xbf")), []byte("\n"))
	c, ok := bytes.CutPrefix(bytes.TrimRight(line, "\r"), []byte("untrusted comment: "))
	if !ok {
		return ""
	}
	return string(c)
}

// SignFile signs the file at path; see Sign.
func SignFile(key PrivateKey, path, trustedComment string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开待签名文件 %s：%v", path, err)
	}
	defer f.Close()
	return SignReader(key, f, trustedComment)
}

// ParsePublicKey reads a minisign public key, either a .pub file (with its
// "untrusted comment" line) or the bare base64 line `minisign -P` takes.
func ParsePublicKey(b []byte) (PublicKey, error) {
	var k minisign.PublicKey
	// Notepad saves with a byte-order mark and CRLF.
	b = bytes.ReplaceAll(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), []byte("\r\n"), []byte("\n"))
	if err := k.UnmarshalText(bytes.TrimSpace(b)); err != nil {
		return PublicKey{}, fmt.Errorf("公钥格式不正确，不是 minisign 公钥（%v），请检查公钥文件", err)
	}
	return PublicKey{k}, nil
}

// Verify checks sig (a .minisig file) over message with the public key given
// as .pub file bytes (or bare base64). Both the message signature and the
// trusted comment signature must hold.
func Verify(pubKeyFile, message, sig []byte) error {
	pub, err := ParsePublicKey(pubKeyFile)
	if err != nil {
		return err
	}
	return VerifyKey(pub, message, sig)
}

// VerifyKey is Verify with a parsed public key.
func VerifyKey(pub PublicKey, message, sig []byte) error {
	var s minisign.Signature
	if err := s.UnmarshalText(sig); err != nil {
		return fmt.Errorf("签名文件格式不正确（%v），请确认它是 minisign 签名文件", err)
	}
	if s.KeyID != pub.k.ID() {
		return fmt.Errorf("签名不是由这把公钥对应的私钥做出的：签名的密钥 ID 为 %016X，公钥的 ID 为 %s", s.KeyID, KeyID(pub))
	}
	if !minisign.Verify(pub.k, message, sig) {
		return errors.New("签名验证失败：文件内容在签名后被改动过，或签名/可信注释被篡改")
	}
	return nil
}

// TrustedComment returns the trusted comment of a signature file without
// verifying it; call Verify first before relying on it.
func TrustedComment(sig []byte) (string, error) {
	var s minisign.Signature
	if err := s.UnmarshalText(sig); err != nil {
		return "", fmt.Errorf("签名文件格式不正确（%v）", err)
	}
	return s.TrustedComment, nil
}

// PublicKeyFile returns pub in minisign's .pub file format, exactly as
// `minisign -G` writes it (comment line, base64 line, final LF). minisign prints
// the key ID with %X, without leading zeros, unlike KeyID.
func PublicKeyFile(pub PublicKey) []byte {
	return []byte(fmt.Sprintf("untrusted comment: minisign public key %X\n%s\n", pub.k.ID(), pub.k.String()))
}

// PublicKeyBase64 returns the single base64 line of the public key, the form
// `minisign -V -P <key>` takes; short enough (56 characters) to print.
func PublicKeyBase64(pub PublicKey) string { return pub.k.String() }

// KeyID returns the key ID as minisign shows it: 16 upper-case hex digits.
// Key IDs are labels, not cryptographic fingerprints.
func KeyID(pub PublicKey) string { return fmt.Sprintf("%016X", pub.k.ID()) }

// Fingerprint returns a digest of the whole public key for printing on paper:
// the first 128 bits of SHA-256 over the key's base64 text form, as 8 groups
// of 4 upper-case hex digits ("1A2B 3C4D …"). Unlike the key ID it cannot
// be matched by a forged key. Anyone can recompute it with
// `tail -1 tuijian.pub | tr -d '\n' | sha256sum` (first 32 hex digits).
func Fingerprint(pub PublicKey) string {
	sum := sha256.Sum256([]byte(pub.k.String()))
	return FingerprintText(sum[:])
}

// FingerprintText is the printed form of a key digest: its first 128 bits as 8
// groups of 4 upper-case hex digits.
func FingerprintText(sum []byte) string {
	h := strings.ToUpper(hex.EncodeToString(sum[:16]))
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i : i+4])
	}
	return b.String()
}

// Equal reports whether two public keys are the same.
func (p PublicKey) Equal(q PublicKey) bool { return p.k.Equal(q.k) }
