// Package sm2test is a province CA for tests (as net/http/httptest is a server): it
// certifies the SM2 key of a certificate request, so that the tests of the key
// commands, the export and the verification handle a real chain. Not for use outside
// tests: its CA key is made on the spot and thrown away.
package sm2test

import (
	"crypto/rand"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"time"

	"github.com/emmansun/gmsm/sm2"
	"github.com/emmansun/gmsm/smx509"
)

// Issue is a new self-signed SM2 CA named name and its certificate of the key of
// csrPEM, valid for two years from notBefore.
func Issue(name string, csrPEM []byte, notBefore time.Time) (caPEM, certPEM []byte, err error) {
	caKey, err := sm2.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	ca := &smx509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name}, NotBefore: notBefore, NotAfter: notBefore.AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: smx509.KeyUsageCertSign | smx509.KeyUsageDigitalSignature}
	caDER, err := smx509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, nil, err
	}
	caCert, err := smx509.ParseCertificate(caDER)
	if err != nil {
		return nil, nil, err
	}
	block, _ := pem.Decode(csrPEM)
	if block == nil {
		return nil, nil, errors.New("not a PEM request")
	}
	req, err := smx509.ParseCertificateRequest(block.Bytes)
	if err != nil {
		return nil, nil, err
	}
	leaf := &smx509.Certificate{SerialNumber: big.NewInt(2), Subject: req.Subject, NotBefore: notBefore, NotAfter: notBefore.AddDate(2, 0, 0), KeyUsage: smx509.KeyUsageDigitalSignature}
	der, err := smx509.CreateCertificate(rand.Reader, leaf, caCert, req.PublicKey, caKey)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), nil
}
