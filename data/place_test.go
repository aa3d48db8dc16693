package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A database in a place that cannot hold it is refused before SQLite
// answers in English, with the place and the reason in Danish, and nothing
// is left behind.
func TestOpenRefusesAnUnusablePlace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notat.txt")
	if err := os.WriteFile(file, []byte("ikke en mappe"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(filepath.Join(file, "sub", "partnerskab.db"))
	if err == nil {
		t.Fatal("a database under a file was opened")
	}
	for _, want := range []string{"notat.txt", "mappen kan ikke oprettes", "en del af stien er en fil, ikke en mappe"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("error %q no longer wraps the file system's ENOTDIR", err)
	}

	// A folder with spaces and æøå is an ordinary place, and the write test
	// leaves nothing behind.
	place := filepath.Join(dir, "Mine aftaler æøå", "Kvarterhuset Korsør.db")
	s, err := Open(place)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(place), ".partnerskab-skrivetest-*"))
	if len(left) > 0 {
		t.Errorf("the write test left %v", left)
	}
}

// The file system's reasons in Danish, the original still there for errors.Is.
func TestOSErrorInDanish(t *testing.T) {
	for _, tt := range []struct {
		errno error
		want  string
	}{
		{syscall.EACCES, "ingen adgang"},
		{syscall.EPERM, "ingen adgang"},
		{syscall.EROFS, "skrivebeskyttet"},
		{syscall.ENOSPC, "der er ikke plads på drevet"},
		{syscall.ENOENT, "findes ikke"},
	} {
		err := osError(&fs.PathError{Op: "open", Path: "/x", Err: tt.errno})
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%v: %q, want it to start %q", tt.errno, err, tt.want)
		}
		if !errors.Is(err, tt.errno) {
			t.Errorf("%v: the Danish error does not wrap the original", tt.errno)
		}
	}
	other := errors.New("something else")
	if got := osError(other); got != other {
		t.Errorf("an unknown error became %q; want it unchanged", got)
	}
}
