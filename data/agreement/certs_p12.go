package agreement

import (
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"slices"

	"software.sslmate.com/src/go-pkcs12"
)

// ImportP12 installs an organisation certificate from a .p12 (PKCS #12)
// file: its key, its certificate and the chain above it. From then on
// OpenSealer seals with it. The file is checked before anything is
// written: the password, the key type, and that the certificate may sign.
func ImportP12(dir string, p12 []byte, password string) error {
	k, cert, chain, err := pkcs12.DecodeChain(p12, password)
	if err != nil {
		if errors.Is(err, pkcs12.ErrIncorrectPassword) {
			return errors.New("forkert adgangskode til .p12-filen")
		}
		return fmt.Errorf("kan ikke læse .p12-filen: %w", err)
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
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("seglmappe: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("seglmappe: %w", err)
	}
	return writePair(dir, importedCertFile, importedKeyFile, append([]*x509.Certificate{cert}, chain...), key)
}
