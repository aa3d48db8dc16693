package agreement

import (
	"bufio"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	godbus "github.com/godbus/dbus/v5"
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

// startKeyring runs a private session bus with GNOME Keyring's Secret
// Service on it, unlocked, and returns the keyring found there.
func startKeyring(t *testing.T) keyring {
	t.Helper()
	dbus, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Fatalf("dbus-daemon is needed for the keyring test (apt-get install dbus-daemon): %v", err)
	}
	gkd, err := exec.LookPath("gnome-keyring-daemon")
	if err != nil {
		t.Fatalf("gnome-keyring-daemon is needed for the keyring test (apt-get install gnome-keyring): %v", err)
	}
	home := t.TempDir()
	runtimeDir := filepath.Join(home, "run")
	os.MkdirAll(runtimeDir, 0o700)
	env := append(os.Environ(), "HOME="+home, "XDG_RUNTIME_DIR="+runtimeDir, "XDG_DATA_HOME="+filepath.Join(home, "data"))
	bus := exec.Command(dbus, "--session", "--nofork", "--print-address=1")
	bus.Env = env
	out, _ := bus.StdoutPipe()
	if err := bus.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus.Process.Kill(); bus.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	addr = strings.TrimSpace(addr)
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	kr := exec.Command(gkd, "--foreground", "--components=secrets")
	kr.Env = env
	if err := kr.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kr.Process.Kill(); kr.Wait() })
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	// The login keyring is made over the bus, with a password and no
	// prompt, the way GNOME's own tests make one; it becomes the default.
	conn, err := godbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	svc := conn.Object(ssName, ssPath)
	var session godbus.ObjectPath
	deadline := time.Now().Add(time.Minute)
	for {
		var out godbus.Variant
		err = svc.Call(ssService+".OpenSession", 0, "plain", godbus.MakeVariant("")).Store(&out, &session)
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("the Secret Service did not come up: %v", err)
	}
	var col godbus.ObjectPath
	props := map[string]godbus.Variant{ssCollection + ".Label": godbus.MakeVariant("login")}
	master := ssSecret{Session: session, Parameters: []byte{}, Value: []byte("testens-adgangskode"), ContentType: "text/plain"}
	if err := svc.Call("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface.CreateWithMasterPassword", 0, props, master).Store(&col); err != nil {
		t.Fatalf("the login keyring cannot be made: %v", err)
	}
	if err := svc.Call(ssService+".SetAlias", 0, "default", col).Err; err != nil {
		t.Fatalf("the login keyring cannot be made the default: %v", err)
	}
	k, reason := findKeyring()
	if k != nil {
		return k
	}
	t.Fatalf("the Secret Service did not come up: %s", reason)
	return nil
}

// TestKeysAreEncryptedWithTheSecretService: with a keyring, the seal key
// and the CA key are each encrypted with a secret of their own from it;
// without it they cannot be opened, and the message says why.
func TestKeysAreEncryptedWithTheSecretService(t *testing.T) {
	k := startKeyring(t)
	withKeyring(t, k, "")
	dir := filepath.Join(t.TempDir(), "segl")
	s, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, name := range []string{sealKeyFile, filepath.Join(caDir, caKeyFile)} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		kf, err := readKeyFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if kf.protection != protectSecretService || kf.id == "" {
			t.Errorf("%s is kept %q, want %q", name, kf.protection, protectSecretService)
		}
		if _, err := x509.ParsePKCS8PrivateKey(kf.blob); err == nil {
			t.Errorf("%s holds the key unencrypted", name)
		}
		if strings.Contains(string(b), "BEGIN PRIVATE KEY") {
			t.Errorf("%s holds a plain PEM key", name)
		}
		ids[kf.id] = true
	}
	if len(ids) != 2 {
		t.Error("the CA key and the seal key share one secret")
	}
	if !strings.Contains(s.KeyProtection(), "Nøglerne er krypteret med hemmeligheder fra nøgleringen Secret Service") {
		t.Errorf("KeyProtection = %q", s.KeyProtection())
	}
	again, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil || !again.Certificate().Equal(s.Certificate()) {
		t.Fatalf("reopening with the keyring: %v", err)
	}
	sealed, err := again.Seal(mustRender(t), sealTime, "", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := Verify(sealed, again.Trust()); !r.OK {
		t.Errorf("a seal made with the decrypted key:\n%s", r)
	}
	withKeyring(t, nil, "der er ingen skrivebordssession (D-Bus) med en nøglering")
	if _, err := OpenSealer(dir, "Slagelse Kommune"); err == nil || !strings.Contains(err.Error(), "som ikke kan nås") {
		t.Errorf("without the keyring: %v", err)
	}
}
