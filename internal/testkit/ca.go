// Package testkit holds what the tests of several packages need to play
// the hostile party: a stand-in for a public CA that issues organisation
// certificates to many companies (to forge a seal the way another company
// could), and a change to a database file made behind its triggers (as
// anyone with a SQLite tool could).
package testkit

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// CA is a certificate authority of a test.
type CA struct {
	Cert *x509.Certificate
	key  crypto.Signer
	next int64
}

// NewCA makes a CA named name.
func NewCA(tb testing.TB, name string) *CA {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name, Organization: []string{name}},
		NotBefore: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Now().AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return &CA{Cert: cert, key: key, next: 100}
}

// Issue makes an organisation certificate for org with cvr in its subject
// serial number, as Danish organisation certificates carry it.
func (ca *CA) Issue(tb testing.TB, org, cvr string) (*x509.Certificate, crypto.Signer) {
	tb.Helper()
	ca.next++
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(ca.next),
		Subject: pkix.Name{CommonName: org + " organisationscertifikat", Organization: []string{org},
			SerialNumber: "CVR:" + cvr + "-UID:" + big.NewInt(ca.next).String()},
		NotBefore: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Now().AddDate(3, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.Cert, key.Public(), ca.key)
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return cert, key
}

// P12 packs a certificate of the CA's with its key and the CA, as an
// organisation receives it.
func (ca *CA) P12(tb testing.TB, cert *x509.Certificate, key crypto.Signer, password string) []byte {
	tb.Helper()
	b, err := pkcs12.Modern.Encode(key, cert, []*x509.Certificate{ca.Cert}, password)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// IssueP12 is Issue and P12 in one.
func (ca *CA) IssueP12(tb testing.TB, org, cvr, password string) []byte {
	tb.Helper()
	cert, key := ca.Issue(tb, org, cvr)
	return ca.P12(tb, cert, key, password)
}
