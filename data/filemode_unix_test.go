//go:build !windows

package data

import (
	"os"
	"path/filepath"
	"testing"
)

// The database and SQLite's files beside it are readable by their user
// only: as made, while open (the -wal and -shm), and when an older file was
// left readable by all.
func TestDatabaseFilesAreTheUsers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ny", "partnerskab.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	want := map[string]os.FileMode{filepath.Dir(path): 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600}
	for p, m := range want {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != m {
			t.Errorf("%s: mode %v (%v), want %v", filepath.Base(p), st.Mode().Perm(), err, m)
		}
	}
	s.Close()

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustSaveOrg(t, s, OrganisationForm{Name: "Kaffegal", Kind: "virksomhed"})
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s after opening a 0644 file: mode %v (%v), want 0600", filepath.Base(p), st.Mode().Perm(), err)
		}
	}
}
