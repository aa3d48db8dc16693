package agreement

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"software.sslmate.com/src/go-pkcs12"
)

// ImportP12 installs an organisation certificate from a .p12 (PKCS #12)
// file: its key, its certificate and the chain above it. From then on
// OpenSealer seals with it, and the installation trusts seals made with
// this certificate (by its fingerprint). trustIssuer says that the
// caseworker also trusts the certificate's issuer for this one holder, so
// that the organisation's next certificate from the same CA is trusted;
// never the CA as such. The file is checked before anything is written:
// the password, the key type, and that the certificate may sign.
func ImportP12(dir string, p12 []byte, password string, trustIssuer bool) error {
	k, cert, chain, err := pkcs12.DecodeChain(p12, password)
	if err != nil {
		if errors.Is(err, pkcs12.ErrIncorrectPassword) {
			return errors.New("forkert adgangskode til .p12-filen")
		}
		return fmt.Errorf("kan ikke læse .p12-filen: %s", p12Reason(err))
	}
	key, err := signerOf(k)
	if err != nil {
		return err
	}
	if !publicKeysEqual(cert.PublicKey, key.Public()) {
		return errors.New(".p12-filens nøgle passer ikke til certifikatet")
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return errors.New("certifikatet i .p12-filen må ikke bruges til at signere")
	}
	// Keep the chain, not the certificate itself if the file repeats it.
	chain = slices.DeleteFunc(chain, func(c *x509.Certificate) bool { return c.Equal(cert) })
	trust, err := LoadTrust(dir)
	if err != nil {
		return err
	}
	trust.addHolder(cert, "imported")
	if trustIssuer {
		issuer := issuerIn(cert, chain)
		if issuer == nil {
			return errors.New(".p12-filen har ikke det certifikat, der udstedte organisationens; udstederen kan ikke godkendes")
		}
		if err := trust.TrustIssuerFor(issuer, cert); err != nil {
			return err
		}
	}
	for _, d := range []string{dir, filepath.Join(dir, caDir)} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("seglmappe: %w", err)
		}
		if err := os.Chmod(d, 0o700); err != nil {
			return fmt.Errorf("seglmappe: %w", err)
		}
	}
	certs := append([]*x509.Certificate{cert}, chain...)
	if _, err := writeKeyFile(filepath.Join(dir, importedKeyFile), certs, key, "Partnerskab: importeret certifikat"); err != nil {
		return err
	}
	if err := ensureCopy(filepath.Join(dir, importedCertFile), certs); err != nil {
		return err
	}
	return trust.save(dir)
}

// issuerIn finds the certificate in chain that signed cert.
func issuerIn(cert *x509.Certificate, chain []*x509.Certificate) *x509.Certificate {
	for _, c := range chain {
		if cert.CheckSignatureFrom(c) == nil {
			return c
		}
	}
	return nil
}

// p12Reason says in Danish why a .p12 file could not be read.
func p12Reason(err error) string {
	var ni pkcs12.NotImplementedError
	if errors.As(err, &ni) {
		return "filen bruger en kryptering, der ikke understøttes (" + string(ni) + ")"
	}
	return "filen er ikke en gyldig PKCS #12-fil"
}
