package signing

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"aead.dev/minisign"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/scrypt"
)

// The passphrase's key derivation (issue 19). minisign's file format carries the
// scrypt cost with each key (libsodium's opslimit/memlimit), and both the stock
// minisign tool and aead.dev/minisign derive N, r, p from what the file says; only
// the cost of new files is ours to choose. aead.dev/minisign always writes
// libsodium's “sensitive” cost (N=2²⁰, r=8: 1 GiB and about 5 s per unlock), which an
// office PC with 4 GB and a browser open cannot spare. Keys are written with
//
//	opslimit 2²² and memlimit 2²⁷ → scrypt N=2¹⁷, r=8, p=1: 128 MiB, ≈0.3 s
//
// OWASP's recommended minimum for scrypt (N=2¹⁷, r=8, p=1). The secret rests inside
// the officer's own data file, readable by the user only, so a guesser needs the
// file first; against an offline guess of a passphrase of the minimum strength the
// 8× lower cost is a trade the officer's daily export justifies. Keys with a higher
// cost (made by earlier versions or by `minisign -G`) are re-encrypted with this
// cost on their next successful unlock (NeedsRekey, Reencrypt).
const (
	kdfOps uint64 = 1 << 22
	kdfMem uint64 = 1 << 27
)

// key file layout (minisign): sig alg, kdf alg, checksum alg, salt, ops, mem, then
// the encrypted key ID, key and checksum.
const (
	keyFileLen = 158
	offSalt    = 6
	offOps     = 38
	offMem     = 46
	offKey     = 54
	plainLen   = 72 // key ID (8) + Ed25519 private key (64)
)

const encryptedComment = "untrusted comment: minisign encrypted secret key\n"

// encrypt writes priv in minisign's encrypted secret key format with our cost.
func encrypt(passphrase string, priv minisign.PrivateKey) ([]byte, error) {
	raw, err := priv.MarshalText() // the unencrypted format: the key in the clear at offKey
	if err != nil {
		return nil, err
	}
	b, err := decodeKeyFile(raw)
	if err != nil {
		return nil, err
	}
	plain := make([]byte, plainLen)
	copy(plain, b[offKey:offKey+plainLen])
	defer clear(plain)
	clear(b)
	clear(raw)

	var out [keyFileLen]byte
	binary.LittleEndian.PutUint16(out[0:], minisign.EdDSA)
	copy(out[2:4], "Sc")
	copy(out[4:6], "B2")
	if _, err := io.ReadFull(rand.Reader, out[offSalt:offOps]); err != nil {
		return nil, err
	}
	binary.LittleEndian.PutUint64(out[offOps:], kdfOps)
	binary.LittleEndian.PutUint64(out[offMem:], kdfMem)
	N, r, p := scryptParams(kdfOps, kdfMem)
	stream, err := scrypt.Key([]byte(passphrase), out[offSalt:offOps], N, r, p, keyFileLen-offKey)
	if err != nil {
		return nil, err
	}
	msg := make([]byte, 2+plainLen)
	binary.LittleEndian.PutUint16(msg, minisign.EdDSA)
	copy(msg[2:], plain)
	sum := blake2b.Sum256(msg)
	clear(msg)
	ct := out[offKey:]
	copy(ct, plain)
	copy(ct[plainLen:], sum[:])
	for i, k := range stream {
		ct[i] ^= k
	}
	return []byte(encryptedComment + base64.StdEncoding.EncodeToString(out[:]) + "\n"), nil
}

func decodeKeyFile(text []byte) ([]byte, error) {
	s := strings.TrimSpace(string(text))
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[i+1:])
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != keyFileLen {
		return nil, errors.New("签名私钥文件格式不正确")
	}
	return b, nil
}

// KDFCost is the scrypt cost a key file asks for: N, r, p and the memory it needs.
func KDFCost(encrypted []byte) (N, r, p int, memBytes uint64, err error) {
	b, err := decodeKeyFile(encrypted)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	N, r, p = scryptParams(binary.LittleEndian.Uint64(b[offOps:]), binary.LittleEndian.Uint64(b[offMem:]))
	return N, r, p, 128 * uint64(r) * uint64(N), nil
}

// NeedsRekey reports whether a key file costs more to unlock than the files this
// version writes (so Reencrypt should write it anew after a successful unlock).
func NeedsRekey(encrypted []byte) bool {
	N, r, p, _, err := KDFCost(encrypted)
	if err != nil {
		return false
	}
	wN, wr, wp := scryptParams(kdfOps, kdfMem)
	return N*r*p > wN*wr*wp || N*r > wN*wr
}

// Reencrypt writes an unlocked key anew under passphrase with this version's cost.
func Reencrypt(key PrivateKey, passphrase string) ([]byte, error) {
	enc, err := encrypt(passphrase, key.k)
	if err != nil {
		return nil, fmt.Errorf("重新加密签名私钥失败：%v", err)
	}
	return enc, nil
}

// scryptParams is libsodium's pickparams (crypto_pwhash_scryptsalsa208sha256), which
// stock minisign and aead.dev/minisign both use to read a key file's cost.
func scryptParams(ops, mem uint64) (N, r, p int) {
	if ops < 1<<15 {
		ops = 1 << 15
	}
	r = 8
	if ops < mem/32 {
		p = 1
		maxN := ops / (4 * uint64(r))
		n := 1
		for ; n < 63; n++ {
			if uint64(1)<<n > maxN/2 {
				break
			}
		}
		return 1 << n, r, p
	}
	maxN := mem / (uint64(r) * 128)
	n := 1
	for ; n < 63; n++ {
		if uint64(1)<<n > maxN/2 {
			break
		}
	}
	N = 1 << n
	rp := ops / 4 / uint64(N)
	if rp > 0x3fffffff {
		rp = 0x3fffffff
	}
	return N, r, int(rp) / r
}
