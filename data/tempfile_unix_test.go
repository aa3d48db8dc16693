//go:build !windows

package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestCopiesInTheMakingArePrivateAndCleanedUp: a copy's temporary file is
// 0600 from its first byte, and when its process dies (its claim's lock
// goes with it) the next CleanTemp removes it; a live one is left alone.
func TestCopiesInTheMakingArePrivateAndCleanedUp(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dbPath := filepath.Join(t.TempDir(), "partnerskab.db")
	other := t.TempDir() // a backup's folder elsewhere
	live, err := newTempCopy(dbPath, other)
	if err != nil {
		t.Fatal(err)
	}
	defer live.done()
	dead, err := newTempCopy(dbPath, other)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*tempCopy{live, dead} {
		if st, err := os.Stat(c.Path); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600 from the first byte", c.Path, st.Mode(), err)
		}
		if err := os.WriteFile(c.Path, []byte("personoplysninger"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The process of dead is killed: the kernel lets its lock go, nothing
	// else is tidied.
	dead.claim.Close()
	removed := CleanTemp(dbPath)
	if len(removed) != 1 || removed[0] != dead.Path {
		t.Errorf("CleanTemp removed %q, want only the dead copy %s", removed, dead.Path)
	}
	if _, err := os.Stat(dead.Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dead copy is still there (%v)", err)
	}
	if _, err := os.Stat(live.Path); err != nil {
		t.Errorf("the live copy was removed: %v", err)
	}
	claims, _ := filepath.Glob(filepath.Join(filepath.Dir(dbPath), claimPrefix+"*"))
	if len(claims) != 1 {
		t.Errorf("claims left: %q, want the live one", claims)
	}
}

// TestBackupIsPrivateWhateverTheUmask: the backup and a new database are
// 0600 (and SQLite's files beside the database too).
func TestBackupIsPrivateWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	s := MustOpenDB(t)
	mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	out := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{out, s.Path(), s.Path() + "-wal", s.Path() + "-shm", LockPath(s.Path())} {
		st, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), st.Mode().Perm())
		}
	}
}
