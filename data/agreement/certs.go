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
// The seal folder (0700) holds seal.key (the seal certificate with its
// key, keyfile.go) and seal.crt (a copy of the certificate), and for an
// imported certificate imported.key and imported.crt (the certificate and
// its chain); the CA lives apart in ca/ (ca.key, ca.crt), its key with a
// keyring secret of its own and read only to issue a new seal
// certificate. tillid.json lists whom the installation trusts (trust.go).
// Key files are 0600 and encrypted where the system has a keyring.

// File names in the seal folder.
const (
	caDir            = "ca"
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

// newRSAKey makes the key of a new local CA or seal certificate. Finding
// two 3072-bit primes takes a good part of a second (many under the race
// detector); the tests, which make a seal folder for nearly every case,
// take theirs from a pool made in advance (UseTestKeys, in ci builds only).
var newRSAKey = generateRSAKey

func generateRSAKey() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, rsaBits) }

// certNotBefore is when local certificates start to be valid. The times of
// agreements come from the laptop's clock and the demo lives in 2015; the
// certificate vouches for the organisation, not for a time.
var certNotBefore = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// certLifetime is how long local certificates last from their creation.
const certLifetime = 30

// Sealer seals PDFs with the installation's certificate. It does not
// change after OpenSealer and is safe for concurrent use.
type Sealer struct {
	dir        string
	key        crypto.Signer
	cert       *x509.Certificate
	chain      []*x509.Certificate // the certificates above cert, sent along in the seal
	caPEM      []byte              // what "export CA" writes
	trust      *Trust
	imported   bool
	protection string // how the seal's key is kept at rest
}

// Described is the seal's certificate as the certificate page names it.
func (s *Sealer) Described() SealCertificate {
	c := SealCertificate{Holder: organisationOf(s.cert), Issuer: s.cert.Issuer.CommonName, Fingerprint: Fingerprint(s.cert)}
	if c.Holder == "" {
		c.Holder = s.cert.Subject.CommonName
	}
	if ca := issuingCA(s.cert, s.chain); ca != nil {
		c.IssuerFingerprint = Fingerprint(ca)
	}
	return c
}

// OpenSealer loads the seal certificate from dir, making the folder, a
// local CA and a signing certificate in organisation's name on first use.
// When the organisation's name has changed since, the local CA issues a
// new signing certificate in the new name. An imported certificate is
// used as it is. A seal key that does not fit its certificate (a crash
// between an earlier version's two renames) is replaced by a new seal
// certificate from the CA.
func OpenSealer(dir, organisation string) (*Sealer, error) {
	organisation = strings.TrimSpace(organisation)
	for _, d := range []string{dir, filepath.Join(dir, caDir)} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("seglmappe: %w", err)
		}
		if err := os.Chmod(d, 0o700); err != nil {
			return nil, fmt.Errorf("seglmappe: %w", err)
		}
	}
	trust, err := LoadTrust(dir)
	if err != nil {
		return nil, err
	}
	changed := false
	if err := upgradeLegacy(dir, trust); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, trustFile)); err != nil {
		changed = true
	}
	s, err := openImported(dir)
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	if s == nil {
		if s, err = openLocal(dir, organisation); err != nil {
			return nil, err
		}
		changed = trust.addHolder(s.cert, "own") || changed
	} else {
		changed = trust.addHolder(s.cert, "imported") || changed
	}
	if ca, err := readCerts(filepath.Join(dir, caDir, caCertFile)); err == nil {
		changed = trust.addOwnCA(ca[0]) || changed
	}
	if changed {
		if err := trust.save(dir); err != nil {
			return nil, fmt.Errorf("seglmappe: %s: %w", trustFile, err)
		}
	}
	s.dir, s.trust = dir, trust
	return s, nil
}

// openLocal opens (making what is missing) the local CA and the seal
// certificate it issued in organisation's name.
func openLocal(dir, organisation string) (*Sealer, error) {
	caPath := filepath.Join(dir, caDir, caKeyFile)
	caFile, err := readKeyFile(caPath)
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	var caCert *x509.Certificate
	var caKey crypto.Signer // read only when a seal certificate is issued
	if caFile == nil {
		if caCert, caKey, err = newCA(dir, organisation); err != nil {
			return nil, err
		}
	} else {
		caCert = caFile.certs[0]
	}
	sealFile, err := readKeyFile(filepath.Join(dir, sealKeyFile))
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	var cert *x509.Certificate
	var key crypto.Signer
	if sealFile != nil {
		cert = sealFile.certs[0]
		if key, err = sealFile.key(); err != nil {
			return nil, err
		}
	}
	if cert == nil || cert.CheckSignatureFrom(caCert) != nil || organisationOf(cert) != nameLimit(organisation) {
		if caKey == nil {
			if caKey, err = caFile.key(); err != nil {
				return nil, fmt.Errorf("den lokale CA's nøgle kan ikke læses, så der kan ikke udstedes et nyt segl: %w", err)
			}
		}
		if cert, key, err = newSealCert(dir, organisation, caCert, caKey); err != nil {
			return nil, err
		}
		if sealFile, err = readKeyFile(filepath.Join(dir, sealKeyFile)); err != nil {
			return nil, err
		}
	}
	if err := ensureCopy(filepath.Join(dir, sealCertFile), []*x509.Certificate{cert}); err != nil {
		return nil, err
	}
	if err := ensureCopy(filepath.Join(dir, caDir, caCertFile), []*x509.Certificate{caCert}); err != nil {
		return nil, err
	}
	protection := protectIfPossible(sealFile, key, "Partnerskab: seglets nøgle")
	if caFile != nil && caFile.protection == protectNone {
		if k, _ := currentKeyring(); k != nil {
			if caKey, err := caFile.key(); err == nil {
				protectIfPossible(caFile, caKey, "Partnerskab: lokal CA")
			}
		}
	}
	return &Sealer{key: key, cert: cert, chain: []*x509.Certificate{caCert}, caPEM: pemCert(caCert),
		protection: protection}, nil
}

// openImported opens an imported certificate; the error wraps
// fs.ErrNotExist when there is none.
func openImported(dir string) (*Sealer, error) {
	kf, err := readKeyFile(filepath.Join(dir, importedKeyFile))
	if err != nil {
		return nil, err
	}
	key, err := kf.key()
	if err != nil {
		return nil, err
	}
	if err := ensureCopy(filepath.Join(dir, importedCertFile), kf.certs); err != nil {
		return nil, err
	}
	s := importedSealer(key, kf.certs[0], kf.certs[1:])
	s.protection = protectIfPossible(kf, key, "Partnerskab: importeret certifikat")
	return s, nil
}

// upgradeLegacy moves an earlier version's seal folder to this layout:
// bare key files become key files with their certificate (encrypted where
// there is a keyring), the CA moves to ca/. A key that does not fit its
// certificate is left out: a seal key is issued anew from the CA, and an
// imported one must be imported again.
func upgradeLegacy(dir string, trust *Trust) error {
	type legacy struct{ cert, key, dest, label, source string }
	for _, l := range []legacy{
		{filepath.Join(dir, caCertFile), filepath.Join(dir, caKeyFile), filepath.Join(dir, caDir, caKeyFile), "Partnerskab: lokal CA", "ca"},
		{filepath.Join(dir, sealCertFile), filepath.Join(dir, sealKeyFile), filepath.Join(dir, sealKeyFile), "Partnerskab: seglets nøgle", "own"},
		{filepath.Join(dir, importedCertFile), filepath.Join(dir, importedKeyFile), filepath.Join(dir, importedKeyFile),
			"Partnerskab: importeret certifikat", "imported"},
	} {
		kf, err := readKeyFile(l.key)
		if err != nil || !kf.legacy {
			continue
		}
		certs, cerr := readCerts(l.cert)
		key, kerr := kf.key()
		if cerr != nil || kerr != nil || !publicKeysEqual(certs[0].PublicKey, key.Public()) {
			if l.source == "imported" {
				return fmt.Errorf("%s passer ikke til %s; importér organisationens .p12-fil igen (Filer → Segl…)",
					importedKeyFile, importedCertFile)
			}
			if cerr == nil && l.source == "ca" {
				trust.addOwnCA(certs[0]) // its earlier seals still verify
			} else if cerr == nil {
				trust.addHolder(certs[0], l.source)
			}
			os.Remove(l.key) // a new one is made from what is left
			continue
		}
		if l.source == "ca" {
			trust.addOwnCA(certs[0])
		} else {
			trust.addHolder(certs[0], l.source)
		}
		if _, err := writeKeyFile(l.dest, certs, key, l.label); err != nil {
			return fmt.Errorf("seglmappe: %w", err)
		}
		if l.dest != l.key {
			os.Remove(l.key)
			os.Remove(l.cert)
		}
	}
	return nil
}

// ensureCopy keeps a certificate file equal to the key file's certificates.
func ensureCopy(path string, certs []*x509.Certificate) error {
	var want []byte
	for _, c := range certs {
		want = append(want, pemCert(c)...)
	}
	if have, err := os.ReadFile(path); err == nil && bytes.Equal(have, want) {
		return nil
	}
	return writeFileAtomic(path, want, 0o644)
}

// CACertPEM is the certificate recipients should trust: the local CA, or
// for an imported certificate its chain (the certificate itself if the
// file held no chain).
func (s *Sealer) CACertPEM() []byte { return bytes.Clone(s.caPEM) }

// Trust is whom this installation trusts a seal from.
func (s *Sealer) Trust() *Trust { return s.trust }

// Dir is the seal folder.
func (s *Sealer) Dir() string { return s.dir }

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

// KeyProtection says in Danish how the seal's private keys are kept.
func (s *Sealer) KeyProtection() string {
	k, reason := currentKeyring()
	if s.protection != protectNone && k != nil {
		return "Nøglerne er krypteret med hemmeligheder fra nøgleringen " + k.Name() +
			"; CA-nøglen har sin egen og ligger for sig i " + filepath.Join(s.dir, caDir) + "."
	}
	return "Ingen nøglering på denne computer (" + reason + "): nøglerne ligger ukrypteret i " + s.dir +
		", kun læsbare for din bruger (0600); CA-nøglen ligger for sig i " + filepath.Join(s.dir, caDir) + "."
}

// protectIfPossible rewrites a key file kept unencrypted once the system
// has a keyring; failing that, the file stays as it was.
func protectIfPossible(kf *keyFile, key crypto.Signer, label string) string {
	if kf.protection != protectNone {
		return kf.protection
	}
	if k, _ := currentKeyring(); k == nil {
		return kf.protection
	}
	p, err := writeKeyFile(kf.path, kf.certs, key, label)
	if err != nil {
		return kf.protection
	}
	return p
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

// newCA makes the local CA and writes ca/ca.key and ca/ca.crt.
func newCA(dir, organisation string) (*x509.Certificate, crypto.Signer, error) {
	key, err := newRSAKey()
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
	if _, err := writeKeyFile(filepath.Join(dir, caDir, caKeyFile), []*x509.Certificate{cert}, key, "Partnerskab: lokal CA"); err != nil {
		return nil, nil, err
	}
	return cert, key, nil
}

// newSealCert issues the signing certificate from the local CA and writes
// seal.key (with the certificate).
func newSealCert(dir, organisation string, ca *x509.Certificate, caKey crypto.Signer) (*x509.Certificate, crypto.Signer, error) {
	if caKey == nil {
		return nil, nil, errors.New("den lokale CA's nøgle mangler: kan ikke udstede et nyt segl")
	}
	key, err := newRSAKey()
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
	if _, err := writeKeyFile(filepath.Join(dir, sealKeyFile), []*x509.Certificate{cert}, key, "Partnerskab: seglets nøgle"); err != nil {
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

// importedSealer seals with an imported certificate; what recipients are
// given to trust is its chain, or the certificate itself with no chain.
func importedSealer(key crypto.Signer, cert *x509.Certificate, chain []*x509.Certificate) *Sealer {
	var caPEM []byte
	anchors := chain
	if len(anchors) == 0 {
		anchors = []*x509.Certificate{cert}
	}
	for _, c := range anchors {
		caPEM = append(caPEM, pemCert(c)...)
	}
	return &Sealer{key: key, cert: cert, chain: chain, caPEM: caPEM, imported: true}
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

// pemCert is a certificate in PEM.
func pemCert(c *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
}

// writeFileAtomic writes b with mode perm via a temporary file (0600 from
// its first byte) that is synced and renamed into place.
func writeFileAtomic(path string, b []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op after the rename
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(perm); err != nil {
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
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
