package agreement

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// withKeyring makes k (nil: none) the system's keyring for one test.
func withKeyring(t *testing.T, k keyring, reason string) {
	t.Helper()
	currentKeyring() // settle the search first
	savedK, savedReason := systemKeyring, keyringReason
	systemKeyring, keyringReason = k, reason
	t.Cleanup(func() { systemKeyring, keyringReason = savedK, savedReason })
}

// writeLegacyPair writes a certificate and a bare PKCS #8 key the way an
// earlier version did (two files, two renames).
func writeLegacyPair(t *testing.T, certPath, keyPath string, cert *x509.Certificate, key *rsa.PrivateKey) {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if cert != nil {
		if err := os.WriteFile(certPath, pemCert(cert), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestACrashBetweenTheKeyFilesRenamesIsRecovered: an earlier version wrote
// seal.key and seal.crt by two renames; a crash between them left a key
// that did not fit the certificate, and every later start said "seal.key
// passer ikke til seal.crt". Now the folder is moved to the key files
// that hold their certificate, a new seal certificate is issued from the
// CA, and the seals made before still verify.
func TestACrashBetweenTheKeyFilesRenamesIsRecovered(t *testing.T) {
	withKeyring(t, nil, "ingen i testen")
	dir := filepath.Join(t.TempDir(), "segl")
	os.MkdirAll(dir, 0o700)
	caKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Partnerskab lokal CA – A", Organization: []string{"A"}},
		NotBefore: certNotBefore, NotAfter: time.Now().AddDate(30, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, _ := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, caKey.Public(), caKey)
	ca, _ := x509.ParseCertificate(caDER)
	sealKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	sealTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "Partnerskab-segl for A", Organization: []string{"A"}},
		NotBefore: certNotBefore, NotAfter: ca.NotAfter, KeyUsage: x509.KeyUsageDigitalSignature}
	sealDER, _ := x509.CreateCertificate(rand.Reader, sealTmpl, ca, sealKey.Public(), caKey)
	sealCert, _ := x509.ParseCertificate(sealDER)
	writeLegacyPair(t, filepath.Join(dir, caCertFile), filepath.Join(dir, caKeyFile), ca, caKey)
	writeLegacyPair(t, filepath.Join(dir, sealCertFile), filepath.Join(dir, sealKeyFile), sealCert, sealKey)
	// A seal made before the crash.
	before, err := (&Sealer{key: sealKey, cert: sealCert, chain: []*x509.Certificate{ca}}).Seal(mustRender(t), sealTime, "", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	// The crash: the new key is in place, the old certificate is not replaced.
	newKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	writeLegacyPair(t, "", filepath.Join(dir, sealKeyFile), nil, newKey)

	s, err := OpenSealer(dir, "A")
	if err != nil {
		t.Fatalf("OpenSealer after the crash: %v", err)
	}
	if s.Certificate().Equal(sealCert) || s.Certificate().CheckSignatureFrom(ca) != nil {
		t.Errorf("the seal after recovery is %q, want a new one from the same CA", s.Certificate().Subject)
	}
	if _, err := s.Seal(mustRender(t), sealTime, "", "Korsør"); err != nil {
		t.Errorf("sealing after recovery: %v", err)
	}
	if r, _ := Verify(before, s.Trust()); !r.OK {
		t.Errorf("a seal from before the crash no longer verifies:\n%s", r)
	}
	// The CA lives apart now, and the old files are gone.
	for _, gone := range []string{caKeyFile, caCertFile} {
		if _, err := os.Stat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s is still beside the seal key (%v)", gone, err)
		}
	}
	kf, err := readKeyFile(filepath.Join(dir, caDir, caKeyFile))
	if err != nil || kf.legacy || !kf.certs[0].Equal(ca) {
		t.Errorf("ca/ca.key: %v (legacy %v)", err, kf != nil && kf.legacy)
	}
	// A seal key file now carries its certificate: one rename writes both.
	kf, err = readKeyFile(filepath.Join(dir, sealKeyFile))
	if err != nil || len(kf.certs) == 0 || !kf.certs[0].Equal(s.Certificate()) {
		t.Errorf("seal.key does not hold its certificate: %v", err)
	}
	// A stale certificate copy beside it is mended, not fatal.
	os.WriteFile(filepath.Join(dir, sealCertFile), pemCert(ca), 0o644)
	again, err := OpenSealer(dir, "A")
	if err != nil || !again.Certificate().Equal(s.Certificate()) {
		t.Errorf("a stale seal.crt: %v", err)
	}
	if !strings.Contains(again.KeyProtection(), "Ingen nøglering på denne computer (ingen i testen)") {
		t.Errorf("KeyProtection = %q", again.KeyProtection())
	}
}
