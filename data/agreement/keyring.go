package agreement

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"sync"
)

// The seal's private keys at rest. Where the operating system has a
// keyring, each key file is encrypted with a secret the keyring keeps:
// on Windows the file is protected with DPAPI (bound to the user's
// account), on Linux a random AES-256 key is stored in the Secret Service
// (GNOME Keyring, KWallet) under the key file's own id, so the CA key and
// the seal key each have their own secret. Where there is none (a machine
// without a desktop session, a CI runner), the key files are kept
// unencrypted, readable only by the user (0600), and the Segl… dialog and
// `partnerskab seal show` say so.

// Key protections, as the key file's Protection header names them.
const (
	protectNone          = "none"
	protectSecretService = "secret-service"
	protectDPAPI         = "dpapi"
)

// keyring protects key bytes with a secret the operating system keeps.
type keyring interface {
	// Name is the keyring as the caseworker knows it ("Windows (DPAPI)").
	Name() string
	// Protection is the header value of files it protects.
	Protection() string
	// Seal encrypts plain for the key file id; label describes the secret
	// where the keyring shows one.
	Seal(id, label string, plain []byte) ([]byte, error)
	// Open decrypts what Seal made for id.
	Open(id string, sealed []byte) ([]byte, error)
}

var (
	keyringOnce   sync.Once
	systemKeyring keyring // nil: none on this machine
	keyringReason string  // why there is none, in Danish
)

// currentKeyring is the operating system's keyring, looked for once.
func currentKeyring() (keyring, string) {
	keyringOnce.Do(func() { systemKeyring, keyringReason = findKeyring() })
	return systemKeyring, keyringReason
}

// keyringFor is the keyring that opens files of protection p.
func keyringFor(p string) (keyring, error) {
	if p == protectNone {
		return nil, nil
	}
	k, reason := currentKeyring()
	if k == nil || k.Protection() != p {
		name := map[string]string{protectSecretService: "Secret Service (GNOME-nøgleringen)", protectDPAPI: "Windows (DPAPI)"}[p]
		if name == "" {
			return nil, fmt.Errorf("nøglen er beskyttet på en måde, dette program ikke kender (%s)", p)
		}
		return nil, fmt.Errorf("nøglen er krypteret med nøgleringen %s, som ikke kan nås: %s", name, reason)
	}
	return k, nil
}

// gcmFor is AES-256-GCM with key.
func gcmFor(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// aesSeal encrypts plain with a 32-byte key (AES-256-GCM, nonce first).
func aesSeal(key, plain []byte) ([]byte, error) {
	gcm, err := gcmFor(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plain, nil), nil
}

func aesOpen(key, sealed []byte) ([]byte, error) {
	gcm, err := gcmFor(key)
	if err != nil {
		return nil, err
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("den krypterede nøgle er for kort")
	}
	plain, err := gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], nil)
	if err != nil {
		return nil, errors.New("nøglen kan ikke dekrypteres med nøgleringens hemmelighed (er den udskiftet?)")
	}
	return plain, nil
}
