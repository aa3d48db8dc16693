package agreement

import (
	"crypto"
	"crypto/x509"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/internal/testkit"
)

// sealWith seals the sample agreement with a certificate from outside.
func sealWith(t testing.TB, cert *x509.Certificate, key crypto.Signer, chain ...*x509.Certificate) []byte {
	t.Helper()
	s := &Sealer{key: key, cert: cert, chain: chain}
	pdf, err := RenderPDF(sampleDocument(0))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := s.Seal(pdf, sealTime, "Underskrevet aftale 2015-001", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	return sealed
}

// TestForgedSealFromTheSameCAIsNotTrusted is the forged agreement: the
// organisation's certificate from a public CA is imported, and another
// company's certificate from the same CA seals a PDF. Trust names the
// holder, so that seal is not "i orden"; the organisation's own is.
func TestForgedSealFromTheSameCAIsNotTrusted(t *testing.T) {
	ca := testkit.NewCA(t, "Offentlig Test-CA")
	ours, ourKey := ca.Issue(t, "Slagelse Kommune", "29188505")
	forger, forgerKey := ca.Issue(t, "Fremmed Firma ApS", "13748136")
	dir := filepath.Join(t.TempDir(), "segl")
	if err := ImportP12(dir, ca.P12(t, ours, ourKey, "hemmelig"), "hemmelig", false); err != nil {
		t.Fatal(err)
	}
	sealer, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}

	forged := sealWith(t, forger, forgerKey, ca.Cert)
	r, err := Verify(forged, sealer.Trust())
	if err != nil {
		t.Fatal(err)
	}
	if r.OK || r.Trusted {
		t.Fatalf("a seal by another holder from the same CA is accepted:\n%s", r)
	}
	for _, want := range []string{"Digest: stemmer", "Signatur: gyldig",
		"Indehaver: Fremmed Firma ApS (certifikatets SHA-256 " + Fingerprint(forger) + "): IKKE en indehaver, denne installation kender"} {
		if !strings.Contains(r.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, r)
		}
	}
	if r.Holder != "Fremmed Firma ApS" {
		t.Errorf("Holder = %q", r.Holder)
	}

	genuine, err := sealer.Seal(mustRender(t), sealTime, "Underskrevet aftale 2015-001", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := Verify(genuine, sealer.Trust()); !r.OK || !strings.Contains(r.String(),
		"Indehaver: Slagelse Kommune (certifikatets SHA-256 "+Fingerprint(ours)+"): organisationscertifikatet, der blev importeret") {
		t.Errorf("the organisation's own seal:\n%s", r)
	}
}

// TestIssuerTrustedForOneHolderOnly: the caseworker chose to trust the CA
// for the organisation, so its renewed certificate is trusted; another
// holder's from the same CA still is not.
func TestIssuerTrustedForOneHolderOnly(t *testing.T) {
	ca := testkit.NewCA(t, "Offentlig Test-CA")
	ours, ourKey := ca.Issue(t, "Slagelse Kommune", "29188505")
	dir := filepath.Join(t.TempDir(), "segl")
	if err := ImportP12(dir, ca.P12(t, ours, ourKey, "x"), "x", true); err != nil {
		t.Fatal(err)
	}
	trust, err := LoadTrust(dir)
	if err != nil {
		t.Fatal(err)
	}
	renewed, renewedKey := ca.Issue(t, "Slagelse Kommune", "29188505")
	r, _ := Verify(sealWith(t, renewed, renewedKey, ca.Cert), trust)
	if !r.OK || !strings.Contains(r.String(), "udstedt af Offentlig Test-CA, som denne installation stoler på for Slagelse Kommune") {
		t.Errorf("the organisation's renewed certificate:\n%s", r)
	}
	forger, forgerKey := ca.Issue(t, "Fremmed Firma ApS", "13748136")
	if r, _ := Verify(sealWith(t, forger, forgerKey, ca.Cert), trust); r.OK {
		t.Errorf("another holder's certificate from the trusted CA is accepted:\n%s", r)
	}
	// The same organisation name with another CVR is another holder.
	twin, twinKey := ca.Issue(t, "Slagelse Kommune", "11111111")
	if r, _ := Verify(sealWith(t, twin, twinKey, ca.Cert), trust); r.OK {
		t.Errorf("a certificate in the same name but another CVR is accepted:\n%s", r)
	}
}
