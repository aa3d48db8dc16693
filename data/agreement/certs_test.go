package agreement

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

func TestOpenSealerMakesPrivateKeyFiles(t *testing.T) {
	s, dir := testSealer(t, "Slagelse Kommune")
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("the seal folder has mode %o, want 700", perm)
	}
	for name, want := range map[string]os.FileMode{filepath.Join(caDir, caKeyFile): 0o600, sealKeyFile: 0o600,
		filepath.Join(caDir, caCertFile): 0o644, sealCertFile: 0o644, trustFile: 0o600} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if perm := info.Mode().Perm(); perm != want {
			t.Errorf("%s has mode %o, want %o", name, perm, want)
		}
	}
	entries, _ := os.ReadDir(dir)
	caEntries, _ := os.ReadDir(filepath.Join(dir, caDir))
	if len(entries) != 4 || len(caEntries) != 2 {
		t.Errorf("the seal folder holds %d and %d files in ca/, want 4 (seal.key, seal.crt, tillid.json, ca/) and 2 (no temporary files left)",
			len(entries), len(caEntries))
	}
	cert := s.Certificate()
	if cert.Subject.CommonName != "Partnerskab-segl for Slagelse Kommune" || organisationOf(cert) != "Slagelse Kommune" {
		t.Errorf("the seal certificate is %q", cert.Subject)
	}
	if cert.IsCA || cert.KeyUsage&x509.KeyUsageDigitalSignature == 0 {
		t.Error("the seal certificate must be a signing certificate, not a CA")
	}
	// The exported CA is the certificate the seal chains to.
	block, _ := pem.Decode(s.CACertPEM())
	if block == nil || block.Type != "CERTIFICATE" {
		t.Fatal("CACertPEM is not a PEM certificate")
	}
	ca, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := cert.CheckSignatureFrom(ca); err != nil || !ca.IsCA {
		t.Errorf("the exported CA did not issue the seal certificate: %v", err)
	}
	if !strings.Contains(s.Describe(), "Partnerskab-segl for Slagelse Kommune, udstedt af Partnerskab lokal CA – Slagelse Kommune, gyldigt til") {
		t.Errorf("Describe = %q", s.Describe())
	}
}

func TestOpenSealerReusesAndRenames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "segl")
	first, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	again, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	if !again.Certificate().Equal(first.Certificate()) || !bytes.Equal(again.CACertPEM(), first.CACertPEM()) {
		t.Error("opening the seal folder again made new certificates")
	}
	sealed, err := first.Seal(mustRender(t), sealTime, "", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	// A new organisation name gets a new seal certificate from the same CA,
	// and the old seals still verify.
	renamed, err := OpenSealer(dir, "Slagelse Kommune, Jobcenter")
	if err != nil {
		t.Fatal(err)
	}
	if got := renamed.Certificate().Subject.CommonName; got != "Partnerskab-segl for Slagelse Kommune, Jobcenter" {
		t.Errorf("after renaming, the seal is %q", got)
	}
	if !bytes.Equal(renamed.CACertPEM(), first.CACertPEM()) {
		t.Error("renaming the organisation replaced the CA")
	}
	if r, _ := Verify(sealed, renamed.Trust()); !r.OK {
		t.Errorf("an earlier seal fails after renaming:\n%s", r)
	}
}

func TestOpenSealerReplacesASealKeyThatIsNotItsCAs(t *testing.T) {
	// Another installation's seal key file (with its certificate) in our
	// folder: its certificate is not our CA's, so a new seal is issued.
	dir := filepath.Join(t.TempDir(), "segl")
	if _, err := OpenSealer(dir, "A"); err != nil {
		t.Fatal(err)
	}
	_, otherDir := testSealer(t, "Anden Kommune")
	key, err := os.ReadFile(filepath.Join(otherDir, sealKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, sealKeyFile), key, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenSealer(dir, "A")
	if err != nil {
		t.Fatalf("OpenSealer with a foreign seal key: %v", err)
	}
	if organisationOf(s.Certificate()) != "A" {
		t.Errorf("the seal is %q, want a new one for A", s.Certificate().Subject)
	}
}

// testP12 makes an organisation certificate under its own root, as a
// commercial CA would issue it, in a .p12 with the root as its chain.
func testP12(t testing.TB, password string) ([]byte, *x509.Certificate) {
	t.Helper()
	rootKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	root := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test Root CA"},
		NotBefore: certNotBefore, NotAfter: time.Now().AddDate(5, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	rootDER, err := x509.CreateCertificate(rand.Reader, root, root, rootKey.Public(), rootKey)
	if err != nil {
		t.Fatal(err)
	}
	root, _ = x509.ParseCertificate(rootDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2),
		Subject:   pkix.Name{CommonName: "Slagelse Kommune organisationscertifikat", Organization: []string{"Slagelse Kommune"}},
		NotBefore: certNotBefore, NotAfter: time.Now().AddDate(2, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, root, key.Public(), rootKey)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ = x509.ParseCertificate(leafDER)
	p12, err := pkcs12.Modern.Encode(key, leaf, []*x509.Certificate{root}, password)
	if err != nil {
		t.Fatal(err)
	}
	return p12, root
}

func TestImportP12SealsWithTheOrganisationCertificate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "segl")
	local, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	before, err := local.Seal(mustRender(t), sealTime, "", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	p12, root := testP12(t, "hemmelig")
	if err := ImportP12(dir, p12, "forkert", false); err == nil || !strings.Contains(err.Error(), "forkert adgangskode") {
		t.Errorf("a wrong password: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, importedKeyFile)); !os.IsNotExist(err) {
		t.Error("a failed import left a key behind")
	}
	if err := ImportP12(dir, []byte("ikke en p12"), "", false); err == nil {
		t.Error("ImportP12 takes a file that is not PKCS #12")
	}
	if err := ImportP12(dir, p12, "hemmelig", false); err != nil {
		t.Fatalf("ImportP12: %v", err)
	}
	if info, err := os.Stat(filepath.Join(dir, importedKeyFile)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the imported key: %v, mode %v", err, info.Mode())
	}
	s, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Imported() || s.Certificate().Subject.CommonName != "Slagelse Kommune organisationscertifikat" {
		t.Fatalf("after the import the seal is %q", s.Certificate().Subject)
	}
	block, _ := pem.Decode(s.CACertPEM())
	if block == nil || !bytes.Equal(block.Bytes, root.Raw) {
		t.Error("CACertPEM is not the imported chain's root")
	}
	sealed, err := s.Seal(mustRender(t), sealTime, "Underskrevet", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := Verify(sealed, s.Trust())
	if !r.OK || !strings.Contains(r.String(), "Indehaver: Slagelse Kommune (certifikatets SHA-256 "+Fingerprint(s.Certificate())+
		"): organisationscertifikatet, der blev importeret i denne installation") {
		t.Errorf("a seal with the imported certificate:\n%s", r)
	}
	if out := pdfsig(t, writeTemp(t, "p12.pdf", sealed)); !strings.Contains(out, "Signature is Valid.") {
		t.Errorf("pdfsig on an ECDSA seal:\n%s", out)
	}
	// Seals made with the local CA before the import still verify.
	if r, _ := Verify(before, s.Trust()); !r.OK {
		t.Errorf("a seal from before the import:\n%s", r)
	}
}

// mustRender is the sample agreement's PDF.
func mustRender(t testing.TB) []byte {
	t.Helper()
	b, err := RenderPDF(sampleDocument(0))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLongOrganisationNameFitsX509(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "segl")
	long := "Slagelse Kommune, Center for Arbejdsmarked og Integration, Jobcenter Korsør og Skælskør"
	s, err := OpenSealer(dir, long)
	if err != nil {
		t.Fatal(err)
	}
	cert := s.Certificate()
	for _, name := range []string{cert.Subject.CommonName, cert.Subject.Organization[0], cert.Issuer.CommonName} {
		if n := len([]rune(name)); n > 64 {
			t.Errorf("%q has %d characters; X.509 allows 64", name, n)
		}
	}
	if !strings.HasPrefix(cert.Subject.CommonName, "Partnerskab-segl for Slagelse Kommune, Center") || !strings.HasSuffix(cert.Subject.CommonName, "…") {
		t.Errorf("the shortened name is %q", cert.Subject.CommonName)
	}
	again, err := OpenSealer(dir, long)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Certificate().Equal(cert) {
		t.Error("a shortened organisation name makes a new certificate every time")
	}
}
