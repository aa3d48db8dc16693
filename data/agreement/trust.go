package agreement

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// What a seal is trusted for: its holder. An installation trusts the
// certificates it has sealed with itself (its own seal certificates and
// every organisation certificate imported into it, each by its SHA-256
// fingerprint), the certificates its own local CA issued (only this
// installation holds that CA's key), and a CA only for the one holder the
// caseworker chose to trust it for (the organisation's later certificates
// from the same public CA). A CA is never trusted as such: another
// company's certificate from the same public CA is an unknown holder, and
// its seal is not "i orden". The list is kept in tillid.json in the seal
// folder.

const trustFile = "tillid.json"

// Trust is the seal holders an installation knows.
type Trust struct {
	Holders []TrustedHolder     `json:"holders"`
	Issuers []TrustedIssuer     `json:"issuers,omitempty"`
	OwnCAs  []string            `json:"own_cas,omitempty"` // PEM of the local CA certificates (the current one and any before it)
	extra   []*x509.Certificate // CAs trusted for this run only (AddCA)
	chains  []string            // fingerprints of the CAs above the seal folder's certificates (LoadTrust)
}

// TrustedHolder is a certificate this installation sealed with.
type TrustedHolder struct {
	Fingerprint  string    `json:"fingerprint"` // SHA-256 of the certificate, hex
	Name         string    `json:"name"`        // the certificate's common name
	Organisation string    `json:"organisation,omitempty"`
	Source       string    `json:"source"` // "own" or "imported"
	Added        time.Time `json:"added"`
}

// TrustedIssuer is a CA trusted for one holder only.
type TrustedIssuer struct {
	Fingerprint  string    `json:"fingerprint"` // of the CA certificate
	Name         string    `json:"name"`
	PEM          string    `json:"pem"`
	Organisation string    `json:"organisation"`        // the holder: the certificate's O
	HolderID     string    `json:"holder_id,omitempty"` // and its organisation identifier or CVR, when it has one
	Added        time.Time `json:"added"`
}

// Fingerprint is a certificate's SHA-256, hex.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// LoadTrust reads the trust of the seal folder dir without changing
// anything; a folder without tillid.json (made by an earlier version)
// trusts the certificates found in it, as that version did for its own.
func LoadTrust(dir string) (*Trust, error) {
	t := &Trust{}
	b, err := os.ReadFile(filepath.Join(dir, trustFile))
	switch {
	case err == nil:
		if err := json.Unmarshal(b, t); err != nil {
			return nil, fmt.Errorf("%s: kan ikke læses: %v", trustFile, err)
		}
	case isNotExist(err):
		t.bootstrap(dir)
	default:
		return nil, err
	}
	for _, name := range []string{importedCertFile, sealCertFile} {
		if certs, err := readCerts(filepath.Join(dir, name)); err == nil {
			for _, c := range certs[1:] {
				t.chains = append(t.chains, Fingerprint(c))
			}
		}
	}
	return t, nil
}

// empty tells whether the trust knows nobody: no installation's seal
// folder was found.
func (t *Trust) empty() bool {
	return t == nil || len(t.Holders) == 0 && len(t.Issuers) == 0 && len(t.OwnCAs) == 0
}

// bootstrap trusts what an earlier version's seal folder holds: its local
// CA and seal certificate, and an imported certificate.
func (t *Trust) bootstrap(dir string) {
	for _, name := range []string{filepath.Join("ca", caCertFile), caCertFile} {
		if certs, err := readCerts(filepath.Join(dir, name)); err == nil {
			t.addOwnCA(certs[0])
		}
	}
	if certs, err := readCerts(filepath.Join(dir, sealCertFile)); err == nil {
		t.addHolder(certs[0], "own")
	}
	if certs, err := readCerts(filepath.Join(dir, importedCertFile)); err == nil {
		t.addHolder(certs[0], "imported")
	}
}

// save writes the trust to dir.
func (t *Trust) save(dir string) error {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, trustFile), append(b, '\n'), 0o600)
}

// addHolder trusts a certificate by fingerprint; it tells whether it was new.
func (t *Trust) addHolder(c *x509.Certificate, source string) bool {
	fp := Fingerprint(c)
	if slices.ContainsFunc(t.Holders, func(h TrustedHolder) bool { return h.Fingerprint == fp }) {
		return false
	}
	t.Holders = append(t.Holders, TrustedHolder{Fingerprint: fp, Name: c.Subject.CommonName,
		Organisation: organisationOf(c), Source: source, Added: time.Now().UTC().Truncate(time.Second)})
	return true
}

func (t *Trust) addOwnCA(c *x509.Certificate) bool {
	p := string(pemCert(c))
	if slices.Contains(t.OwnCAs, p) {
		return false
	}
	t.OwnCAs = append(t.OwnCAs, p)
	return true
}

// TrustIssuerFor trusts the CA ca for the holder of cert: later
// certificates ca issues to the same organisation are trusted too.
func (t *Trust) TrustIssuerFor(ca, cert *x509.Certificate) error {
	org, id := holderOf(cert)
	if org == "" {
		return errors.New("certifikatet navngiver ingen organisation (O); udstederen kan kun godkendes for en navngiven indehaver")
	}
	fp := Fingerprint(ca)
	for _, is := range t.Issuers {
		if is.Fingerprint == fp && is.Organisation == org && is.HolderID == id {
			return nil
		}
	}
	t.Issuers = append(t.Issuers, TrustedIssuer{Fingerprint: fp, Name: ca.Subject.CommonName, PEM: string(pemCert(ca)),
		Organisation: org, HolderID: id, Added: time.Now().UTC().Truncate(time.Second)})
	return nil
}

// oidOrganizationIdentifier is X.520's organizationIdentifier (ETSI
// EN 319 412-1: "NTRDK-29188505" for a Danish organisation).
var oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}

// holderOf is who a certificate names as its holder: the organisation
// (O) and, where the certificate has one, its organisation identifier or
// the CVR in its serial number ("CVR:29188505-UID:…" in Danish ones).
func holderOf(c *x509.Certificate) (org, id string) {
	org = organisationOf(c)
	for _, n := range c.Subject.Names {
		if n.Type.Equal(oidOrganizationIdentifier) {
			if s, ok := n.Value.(string); ok {
				return org, s
			}
		}
	}
	if sn := c.Subject.SerialNumber; strings.HasPrefix(sn, "CVR:") {
		cvr, _, _ := strings.Cut(sn, "-")
		return org, cvr
	}
	return org, ""
}

// holderVerdict is what the trust says about a seal's certificate.
type holderVerdict struct {
	known bool
	text  string // "denne installations eget segl", …
}

// judge tells whether the trust knows the holder of cert, given the
// certificates the seal carries (intermediates). now is the time the
// certificate must be valid at.
func (t *Trust) judge(cert *x509.Certificate, carried []*x509.Certificate, now time.Time) holderVerdict {
	if t == nil {
		return holderVerdict{text: "denne installation kender ingen seglindehavere"}
	}
	inter := x509.NewCertPool()
	for _, c := range carried {
		if !c.Equal(cert) {
			inter.AddCert(c)
		}
	}
	verifies := func(root *x509.Certificate) bool {
		roots := x509.NewCertPool()
		roots.AddCert(root)
		_, err := cert.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: now,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
		return err == nil
	}
	fp := Fingerprint(cert)
	for _, h := range t.Holders {
		if h.Fingerprint != fp {
			continue
		}
		if now.Before(cert.NotBefore) || now.After(cert.NotAfter) {
			return holderVerdict{text: "certifikatet er udløbet eller endnu ikke gyldigt"}
		}
		if h.Source == "imported" {
			return holderVerdict{known: true, text: "organisationscertifikatet, der blev importeret i denne installation " +
				dk.FormatDate(h.Added.Local())}
		}
		return holderVerdict{known: true, text: "denne installations eget segl"}
	}
	for _, p := range t.OwnCAs {
		if ca := parsePEMCert(p); ca != nil && verifies(ca) {
			return holderVerdict{known: true, text: "denne installations eget segl (udstedt af dens lokale CA " + ca.Subject.CommonName + ")"}
		}
	}
	for _, ca := range t.extra {
		if verifies(ca) {
			return holderVerdict{known: true, text: "udstedt af " + ca.Subject.CommonName + ", som er angivet med --trust til denne kontrol"}
		}
	}
	org, id := holderOf(cert)
	for _, is := range t.Issuers {
		ca := parsePEMCert(is.PEM)
		if ca == nil || org != is.Organisation || (is.HolderID != "" && id != is.HolderID) {
			continue
		}
		if verifies(ca) {
			return holderVerdict{known: true, text: fmt.Sprintf("udstedt af %s, som denne installation stoler på for %s",
				is.Name, is.Organisation)}
		}
	}
	return holderVerdict{text: "IKKE en indehaver, denne installation kender (hverken dens eget segl, et importeret " +
		"certifikat eller en udsteder, der er godkendt for netop denne indehaver)"}
}

func parsePEMCert(p string) *x509.Certificate {
	block, _ := pem.Decode([]byte(p))
	if block == nil {
		return nil
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil
	}
	return c
}

// AddCA trusts every seal the CA in pemBytes issued, for as long as t is
// in use: nothing is saved (verify --trust).
func (t *Trust) AddCA(pemBytes []byte) error {
	block, _ := pem.Decode(pemBytes)
	if block == nil || block.Type != "CERTIFICATE" {
		return errors.New("filen er ikke et PEM-certifikat (-----BEGIN CERTIFICATE-----)")
	}
	ca, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return fmt.Errorf("certifikatet kan ikke læses: %v", err)
	}
	if !ca.IsCA {
		return errors.New("certifikatet er ikke en udsteder (CA)")
	}
	t.extra = append(t.extra, ca)
	return nil
}

// knowsCA tells whether the CA with fingerprint fp is one this
// installation has met: its own CA, an issuer it trusts, the CA above a
// certificate in its seal folder, or one given with --trust.
func (t *Trust) knowsCA(fp string) bool {
	if t == nil || fp == "" {
		return false
	}
	if slices.Contains(t.chains, fp) {
		return true
	}
	for _, p := range t.OwnCAs {
		if c := parsePEMCert(p); c != nil && Fingerprint(c) == fp {
			return true
		}
	}
	for _, is := range t.Issuers {
		if is.Fingerprint == fp {
			return true
		}
	}
	return slices.ContainsFunc(t.extra, func(c *x509.Certificate) bool { return Fingerprint(c) == fp })
}
