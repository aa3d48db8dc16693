package agreement

import (
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A key file holds a private key together with the certificate (and the
// chain) it belongs to, so that a pair is written by one rename and is
// never half old and half new after a crash. The key is a PEM block
// "PARTNERSKAB PRIVATE KEY" whose Protection header says how it is kept
// (keyring.go) and whose Key-Id names its secret in the keyring; the
// certificates come first, as plain PEM. Files from before this format
// (a bare "PRIVATE KEY" beside a separate certificate file) are read too,
// and rewritten in it by OpenSealer.

const keyBlockType = "PARTNERSKAB PRIVATE KEY"

// keyFile is a key file as read: the certificates, and the key, which is
// decrypted only when it is needed (the CA's only to issue a new seal).
type keyFile struct {
	path       string
	certs      []*x509.Certificate
	protection string
	id         string
	blob       []byte
	legacy     bool // a bare PKCS #8 key from before: no certificates in it
}

// readKeyFile reads path; the error wraps fs.ErrNotExist when it is missing.
func readKeyFile(path string) (*keyFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	kf := &keyFile{path: path}
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			break
		}
		switch block.Type {
		case "CERTIFICATE":
			c, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
			}
			kf.certs = append(kf.certs, c)
		case keyBlockType:
			kf.protection, kf.id, kf.blob = block.Headers["Protection"], block.Headers["Key-Id"], block.Bytes
		case "PRIVATE KEY":
			kf.protection, kf.blob, kf.legacy = protectNone, block.Bytes, true
		}
	}
	if kf.blob == nil {
		return nil, fmt.Errorf("%s: ingen nøgle", filepath.Base(path))
	}
	if !kf.legacy && len(kf.certs) == 0 {
		return nil, fmt.Errorf("%s: nøglefilen har intet certifikat", filepath.Base(path))
	}
	return kf, nil
}

// key decrypts the key and checks that it fits the file's certificate.
func (kf *keyFile) key() (crypto.Signer, error) {
	der := kf.blob
	if kf.protection != protectNone {
		k, err := keyringFor(kf.protection)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(kf.path), err)
		}
		if der, err = k.Open(kf.id, kf.blob); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(kf.path), err)
		}
	}
	parsed, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(kf.path), err)
	}
	key, err := signerOf(parsed)
	if err != nil {
		return nil, err
	}
	if len(kf.certs) > 0 && !publicKeysEqual(kf.certs[0].PublicKey, key.Public()) {
		return nil, fmt.Errorf("%s: nøglen passer ikke til certifikatet i filen", filepath.Base(kf.path))
	}
	return key, nil
}

// writeKeyFile writes certs and key to path in one rename, the key
// protected by the system's keyring where there is one; label names the
// secret there. It returns the protection used.
func writeKeyFile(path string, certs []*x509.Certificate, key crypto.Signer, label string) (string, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", err
	}
	var out []byte
	for _, c := range certs {
		out = append(out, pemCert(c)...)
	}
	idBytes := make([]byte, 16)
	if _, err := rand.Read(idBytes); err != nil {
		return "", err
	}
	id := hex.EncodeToString(idBytes)
	block := &pem.Block{Type: keyBlockType, Headers: map[string]string{"Protection": protectNone, "Key-Id": id}, Bytes: der}
	if k, _ := currentKeyring(); k != nil {
		sealed, err := k.Seal(id, label, der)
		if err != nil {
			return "", err
		}
		block.Headers["Protection"], block.Bytes = k.Protection(), sealed
	}
	out = append(out, pem.EncodeToMemory(block)...)
	if err := writeFileAtomic(path, out, 0o600); err != nil {
		return "", err
	}
	return block.Headers["Protection"], nil
}

// isNotExist tells whether err is a missing file.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
