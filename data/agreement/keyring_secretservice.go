//go:build !windows

package agreement

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// The Secret Service (freedesktop.org), spoken over the session D-Bus: the
// key file's AES key is one item in the default collection (the login
// keyring), found by the attributes application=Partnerskab and
// partnerskab-key=<the file's id>.

const (
	ssName       = "org.freedesktop.secrets"
	ssPath       = dbus.ObjectPath("/org/freedesktop/secrets")
	ssService    = "org.freedesktop.Secret.Service"
	ssCollection = "org.freedesktop.Secret.Collection"
	ssItem       = "org.freedesktop.Secret.Item"
	ssPrompt     = "org.freedesktop.Secret.Prompt"
	ssCallWait   = 60 * time.Second // a locked keyring asks the user
	ssLogin      = dbus.ObjectPath("/org/freedesktop/secrets/collection/login")
)

// ssSecret is the Secret struct of the specification: (oayays).
type ssSecret struct {
	Session     dbus.ObjectPath
	Parameters  []byte
	Value       []byte
	ContentType string
}

type secretService struct {
	conn       *dbus.Conn
	session    dbus.ObjectPath
	collection dbus.ObjectPath
}

// findKeyring connects to the Secret Service of the session, if there is
// a session bus (never starting one) with a persistent default collection.
func findKeyring() (keyring, string) {
	addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if addr == "" {
		if rt := os.Getenv("XDG_RUNTIME_DIR"); rt != "" {
			if _, err := os.Stat(filepath.Join(rt, "bus")); err == nil {
				addr = "unix:path=" + filepath.Join(rt, "bus")
			}
		}
	}
	if addr == "" {
		return nil, "der er ingen skrivebordssession (D-Bus) med en nøglering"
	}
	conn, err := dbus.Connect(addr)
	if err != nil {
		return nil, "skrivebordssessionens D-Bus kan ikke nås"
	}
	s := &secretService{conn: conn}
	if err := s.open(); err != nil {
		conn.Close()
		return nil, err.Error()
	}
	return s, ""
}

func (s *secretService) open() error {
	svc := s.conn.Object(ssName, ssPath)
	var out dbus.Variant
	if err := svc.Call(ssService+".OpenSession", 0, "plain", dbus.MakeVariant("")).Store(&out, &s.session); err != nil {
		return errors.New("ingen Secret Service-nøglering (GNOME-nøgleringen, KWallet) kører i sessionen")
	}
	var col dbus.ObjectPath
	if err := svc.Call(ssService+".ReadAlias", 0, "default").Store(&col); err != nil {
		return fmt.Errorf("nøgleringens standardsamling kan ikke findes: %v", err)
	}
	if col == "/" {
		// No default alias (yet): the login keyring is the persistent one
		// by convention. The session collection lives in memory only: a key
		// kept there would be lost at the next login.
		var cols dbus.Variant
		if err := svc.Call("org.freedesktop.DBus.Properties.Get", 0, ssService, "Collections").Store(&cols); err == nil {
			if paths, ok := cols.Value().([]dbus.ObjectPath); ok && slices.Contains(paths, ssLogin) {
				col = ssLogin
			}
		}
	}
	if col == "/" {
		return errors.New("nøgleringen har ingen standardsamling at gemme i")
	}
	s.collection = col
	return nil
}

func (s *secretService) Name() string { return "Secret Service (GNOME-nøgleringen)" }

func (s *secretService) Protection() string { return protectSecretService }

func (s *secretService) attributes(id string) map[string]string {
	return map[string]string{"application": "Partnerskab", "partnerskab-key": id}
}

// Seal stores a new AES key for id and encrypts plain with it.
func (s *secretService) Seal(id, label string, plain []byte) ([]byte, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := s.unlock([]dbus.ObjectPath{s.collection}); err != nil {
		return nil, err
	}
	props := map[string]dbus.Variant{
		ssItem + ".Label":      dbus.MakeVariant(label),
		ssItem + ".Attributes": dbus.MakeVariant(s.attributes(id)),
	}
	secret := ssSecret{Session: s.session, Parameters: []byte{}, Value: key, ContentType: "application/octet-stream"}
	var item, prompt dbus.ObjectPath
	col := s.conn.Object(ssName, s.collection)
	if err := col.Call(ssCollection+".CreateItem", 0, props, secret, true).Store(&item, &prompt); err != nil {
		return nil, fmt.Errorf("nøglen kan ikke gemmes i nøgleringen: %v", err)
	}
	if prompt != "/" {
		if _, err := s.prompt(prompt); err != nil {
			return nil, err
		}
	}
	// Read it back: a keyring that took the item but cannot give it back
	// would leave a key nobody can open.
	got, err := s.secret(id)
	if err != nil {
		return nil, err
	}
	if string(got) != string(key) {
		return nil, errors.New("nøgleringen gav en anden hemmelighed tilbage end den gemte")
	}
	return aesSeal(key, plain)
}

// Open finds id's AES key and decrypts sealed with it.
func (s *secretService) Open(id string, sealed []byte) ([]byte, error) {
	key, err := s.secret(id)
	if err != nil {
		return nil, err
	}
	return aesOpen(key, sealed)
}

func (s *secretService) secret(id string) ([]byte, error) {
	svc := s.conn.Object(ssName, ssPath)
	var unlocked, locked []dbus.ObjectPath
	if err := svc.Call(ssService+".SearchItems", 0, s.attributes(id)).Store(&unlocked, &locked); err != nil {
		return nil, fmt.Errorf("nøgleringen kan ikke søges: %v", err)
	}
	if len(unlocked) == 0 && len(locked) > 0 {
		if err := s.unlock(locked); err != nil {
			return nil, err
		}
		unlocked = locked
	}
	if len(unlocked) == 0 {
		return nil, errors.New("nøgleringen har ikke nøglens hemmelighed (er nøgleringen skiftet, eller er posten slettet?)")
	}
	var secret ssSecret
	if err := s.conn.Object(ssName, unlocked[0]).Call(ssItem+".GetSecret", 0, s.session).Store(&secret); err != nil {
		return nil, fmt.Errorf("nøglens hemmelighed kan ikke læses fra nøgleringen: %v", err)
	}
	return secret.Value, nil
}

// unlock unlocks objects, letting the keyring ask the user if it must.
func (s *secretService) unlock(objects []dbus.ObjectPath) error {
	var done []dbus.ObjectPath
	var prompt dbus.ObjectPath
	svc := s.conn.Object(ssName, ssPath)
	if err := svc.Call(ssService+".Unlock", 0, objects).Store(&done, &prompt); err != nil {
		return fmt.Errorf("nøgleringen kan ikke låses op: %v", err)
	}
	if prompt == "/" {
		return nil
	}
	dismissed, err := s.prompt(prompt)
	if err != nil {
		return err
	}
	if dismissed {
		return errors.New("nøgleringen blev ikke låst op")
	}
	return nil
}

// prompt runs a keyring prompt and waits for its answer.
func (s *secretService) prompt(p dbus.ObjectPath) (dismissed bool, err error) {
	ch := make(chan *dbus.Signal, 4)
	s.conn.Signal(ch)
	defer s.conn.RemoveSignal(ch)
	match := []dbus.MatchOption{dbus.WithMatchObjectPath(p), dbus.WithMatchInterface(ssPrompt)}
	if err := s.conn.AddMatchSignal(match...); err != nil {
		return false, err
	}
	defer s.conn.RemoveMatchSignal(match...)
	if err := s.conn.Object(ssName, p).Call(ssPrompt+".Prompt", 0, "").Err; err != nil {
		return false, fmt.Errorf("nøgleringen kan ikke spørge: %v", err)
	}
	timeout := time.After(ssCallWait)
	for {
		select {
		case sig := <-ch:
			if sig.Path == p && strings.HasSuffix(sig.Name, ".Completed") && len(sig.Body) > 0 {
				d, _ := sig.Body[0].(bool)
				return d, nil
			}
		case <-timeout:
			return false, errors.New("nøgleringen svarede ikke")
		}
	}
}
