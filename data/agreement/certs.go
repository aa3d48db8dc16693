package agreement

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"partnerskab/data/dk"
)

// The installation's seal certificate. On first use the program makes a
// small local CA and a signing certificate in the organisation's name;
// the CA certificate can be exported so that recipients can trust it.
// Alternatively an organisation certificate is imported from a .p12 file
// and used instead (the local CA is kept, so earlier seals still verify).
//
// Files in dir (0700): ca.crt, ca.key, seal.crt, seal.key for the local
// certificates; imported.crt (the certificate, then its chain) and
// imported.key for an imported one. Keys are PKCS #8 PEM, mode 0600.

// File names in the seal folder.
const (
	caCertFile       = "ca.crt"
	caKeyFile        = "ca.key"
	sealCertFile     = "seal.crt"
	sealKeyFile      = "seal.key"
	importedCertFile = "imported.crt"
	importedKeyFile  = "imported.key"
)

// rsaBits is the key size of the local certificates: RSA signatures are
// deterministic, so the same PDF and time give the same sealed bytes.
const rsaBits = 3072

// certNotBefore is when local certificates start to be valid. The times of
// agreements come from the laptop's clock and the demo lives in 2015; the
// certificate vouches for the organisation, not for a time.
var certNotBefore = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// certLifetime is how long local certificates last from their creation.
const certLifetime = 30

// Sealer seals PDFs with the installation's certificate. It does not
// change after OpenSealer and is safe for concurrent use.
type Sealer struct {
	key      crypto.Signer
	cert     *x509.Certificate
	chain    []*x509.Certificate // the certificates above cert, sent along in the seal
	caPEM    []byte              // what "export CA" writes
	trusted  *x509.CertPool
	imported bool
}

// OpenSealer loads the seal certificate from dir, making the folder, a
// local CA and a signing certificate in organisation's name on first use.
// When the organisation's name has changed since, the local CA issues a
// new signing certificate in the new name. An imported certificate is
// used as it is.
func OpenSealer(dir, organisation string) (*Sealer, error) {
	organisation = strings.TrimSpace(organisation)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("seglmappe: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("seglmappe: %w", err)
	}
	caCert, caKey, err := loadPair(dir, caCertFile, caKeyFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	imported, err := loadImported(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if imported != nil {
		// The local CA, if there is one, stays trusted for older seals.
		if caCert != nil {
			imported.trusted.AddCert(caCert)
		}
		return imported, nil
	}
	if caCert == nil {
		if caCert, caKey, err = newCA(dir, organisation); err != nil {
			return nil, err
		}
	}
	cert, key, err := loadPair(dir, sealCertFile, sealKeyFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if cert == nil || cert.CheckSignatureFrom(caCert) != nil || organisationOf(cert) != nameLimit(organisation) {
		if cert, key, err = newSealCert(dir, organisation, caCert, caKey); err != nil {
			return nil, err
		}
	}
	trusted := x509.NewCertPool()
	trusted.AddCert(caCert)
	return &Sealer{key: key, cert: cert, chain: []*x509.Certificate{caCert},
		caPEM: pemCert(caCert), trusted: trusted}, nil
}

// CACertPEM is the certificate recipients should trust: the local CA, or
// for an imported certificate its chain (the certificate itself if the
// file held no chain).
func (s *Sealer) CACertPEM() []byte { return bytes.Clone(s.caPEM) }

// Trusted is what this installation trusts: its local CA and an imported
// certificate's chain.
func (s *Sealer) Trusted() *x509.CertPool { return s.trusted.Clone() }

// Certificate is the certificate seals are made with.
func (s *Sealer) Certificate() *x509.Certificate { return s.cert }

// Imported reports whether the certificate was imported from a .p12 file.
func (s *Sealer) Imported() bool { return s.imported }

// Describe says in Danish what seals are made with, for settings:
// "Partnerskab-segl for X, udstedt af Y, gyldigt til 1.1.2055".
func (s *Sealer) Describe() string {
	return fmt.Sprintf("%s, udstedt af %s, gyldigt til %s", s.cert.Subject.CommonName,
		s.cert.Issuer.CommonName, dk.FormatDate(s.cert.NotAfter))
}

// organisationOf is a certificate's organisation name.
func organisationOf(c *x509.Certificate) string {
	if len(c.Subject.Organization) == 0 {
		return ""
	}
	return c.Subject.Organization[0]
}

// subjectFor names a local certificate; an installation without an
// organisation name still gets a seal.
func subjectFor(cn, organisation string) pkix.Name {
	n := pkix.Name{CommonName: nameLimit(cn), Country: []string{"DK"}}
	if organisation != "" {
		n.Organization = []string{nameLimit(organisation)}
	}
	return n
}

// nameLimit shortens a name to the 64 characters X.509 allows a common or
// organisation name (RFC 5280, ub-common-name), ending it with "…".
func nameLimit(s string) string {
	const limit = 64
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit-1]) + "…"
}

// newCA makes the local CA and writes ca.crt and ca.key.
func newCA(dir, organisation string) (*x509.Certificate, crypto.Signer, error) {
	key, err := rsa.GenerateKey(rand.Reader, rsaBits)
	if err != nil {
		return nil, nil, err
	}
	cn := "Partnerskab lokal CA"
	if organisation != "" {
		cn += " – " + organisation
	}
	tmpl := &x509.Certificate{
		SerialNumber:          randomSerial(),
		Subject:               subjectFor(cn, organisation),
		NotBefore:             certNotBefore,
		NotAfter:              time.Now().AddDate(certLifetime, 0, 0).UTC(),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, fmt.Errorf("lokal CA: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	if err := writePair(dir, caCertFile, caKeyFile, []*x509.Certificate{cert}, key); err != nil {
		return nil, nil, err
	}
	return cert, key, nil
}

// newSealCert issues the signing certificate from the local CA and writes
// seal.crt and seal.key.
func newSealCert(dir, organisation string, ca *x509.Certificate, caKey crypto.Signer) (*x509.Certificate, crypto.Signer, error) {
	if caKey == nil {
		return nil, nil, errors.New("den lokale CA's nøgle mangler: kan ikke udstede et nyt segl")
	}
	key, err := rsa.GenerateKey(rand.Reader, rsaBits)
	if err != nil {
		return nil, nil, err
	}
	cn := "Partnerskab-segl"
	if organisation != "" {
		cn += " for " + organisation
	}
	tmpl := &x509.Certificate{
		SerialNumber:          randomSerial(),
		Subject:               subjectFor(cn, organisation),
		NotBefore:             certNotBefore,
		NotAfter:              ca.NotAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, key.Public(), caKey)
	if err != nil {
		return nil, nil, fmt.Errorf("seglcertifikat: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	if err := writePair(dir, sealCertFile, sealKeyFile, []*x509.Certificate{cert}, key); err != nil {
		return nil, nil, err
	}
	return cert, key, nil
}

// randomSerial is a positive 127-bit serial number.
func randomSerial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	return n.Add(n, big.NewInt(1))
}

// loadPair reads a certificate (the first in the file) and its key; the
// error wraps fs.ErrNotExist when either file is missing.
func loadPair(dir, certName, keyName string) (*x509.Certificate, crypto.Signer, error) {
	certs, err := readCerts(filepath.Join(dir, certName))
	if err != nil {
		return nil, nil, err
	}
	key, err := readKey(filepath.Join(dir, keyName))
	if err != nil {
		return nil, nil, err
	}
	if !publicKeysEqual(certs[0].PublicKey, key.Public()) {
		return nil, nil, fmt.Errorf("%s passer ikke til %s", keyName, certName)
	}
	return certs[0], key, nil
}

// loadImported reads an imported certificate with its chain.
func loadImported(dir string) (*Sealer, error) {
	certs, err := readCerts(filepath.Join(dir, importedCertFile))
	if err != nil {
		return nil, err
	}
	key, err := readKey(filepath.Join(dir, importedKeyFile))
	if err != nil {
		return nil, err
	}
	if !publicKeysEqual(certs[0].PublicKey, key.Public()) {
		return nil, fmt.Errorf("%s passer ikke til %s", importedKeyFile, importedCertFile)
	}
	return importedSealer(key, certs[0], certs[1:]), nil
}

// importedSealer trusts the chain's certificates; with no chain, the
// certificate itself is the anchor.
func importedSealer(key crypto.Signer, cert *x509.Certificate, chain []*x509.Certificate) *Sealer {
	trusted := x509.NewCertPool()
	var caPEM []byte
	anchors := chain
	if len(anchors) == 0 {
		anchors = []*x509.Certificate{cert}
	}
	for _, c := range anchors {
		trusted.AddCert(c)
		caPEM = append(caPEM, pemCert(c)...)
	}
	return &Sealer{key: key, cert: cert, chain: chain, caPEM: caPEM, trusted: trusted, imported: true}
}

// readCerts reads every certificate of a PEM file.
func readCerts(path string) ([]*x509.Certificate, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, fmt.Errorf("%s: intet certifikat", filepath.Base(path))
	}
	return certs, nil
}

// readKey reads a PKCS #8 PEM key.
func readKey(path string) (crypto.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, fmt.Errorf("%s: ingen nøgle", filepath.Base(path))
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return signerOf(k)
}

// signerOf accepts the key types a seal can be made with.
func signerOf(k any) (crypto.Signer, error) {
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case *ecdsa.PrivateKey:
		return k, nil
	}
	return nil, fmt.Errorf("nøgletypen %T understøttes ikke (kun RSA og ECDSA)", k)
}

// publicKeysEqual compares two public keys.
func publicKeysEqual(a, b crypto.PublicKey) bool {
	ak, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && ak.Equal(b)
}

// writePair writes certificates (0644) and a key (0600), each through a
// temporary file so that a crash leaves no half-written key.
func writePair(dir, certName, keyName string, certs []*x509.Certificate, key crypto.Signer) error {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	var certPEM []byte
	for _, c := range certs {
		certPEM = append(certPEM, pemCert(c)...)
	}
	if err := writeFileAtomic(filepath.Join(dir, keyName), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, certName), certPEM, 0o644)
}

// pemCert is a certificate in PEM.
func pemCert(c *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
}

// writeFileAtomic writes b with mode perm via a temporary file and rename.
func writeFileAtomic(path string, b []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op after the rename
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
