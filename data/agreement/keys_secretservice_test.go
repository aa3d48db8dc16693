//go:build !windows

package agreement

import (
	"bufio"
	"crypto/x509"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	godbus "github.com/godbus/dbus/v5"
)

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
