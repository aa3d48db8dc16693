package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Copies in the making: a backup, a restore's staging copy, the demo's
// copy, an exported PDF or CSV file. Each is written as a temporary file
// beside where it lands (".partnerskab-tmp-…", mode 0600 from its first
// byte, since it holds person data) and renamed into place only when whole
// and synced to the disk. While it is written, a claim in the database's
// folder (".partnerskab-claim-…") names it and stays locked by the process
// that writes it; CleanTemp, which every command runs first, removes the
// copies whose claim nobody holds any more: those of a process that was
// killed or lost its power. Every copy the program writes goes through
// tempCopy, so a rule about such files (their mode, a ledger) lives here.

const (
	tempPrefix  = ".partnerskab-tmp-"
	claimPrefix = ".partnerskab-claim-"
)

// tempCopy is one copy in the making.
type tempCopy struct {
	Path  string // the temporary file; empty (0 bytes) until written
	claim *os.File
}

// newTempCopy makes an empty temporary file in dir and claims it in
// dbPath's folder (or in dir, when that folder cannot be written).
func newTempCopy(dbPath, dir string) (*tempCopy, error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*") // 0600
	if err != nil {
		return nil, err
	}
	t := &tempCopy{Path: f.Name()}
	f.Close()
	if abs, err := filepath.Abs(t.Path); err == nil {
		t.Path = abs
	}
	claimDirs := []string{dir}
	if dbPath != "" {
		claimDirs = []string{filepath.Dir(dbPath), dir}
	}
	for _, cd := range claimDirs {
		c, err := os.CreateTemp(cd, claimPrefix+"*")
		if err != nil {
			continue
		}
		if err := lockFile(c, true); err != nil {
			c.Close()
			os.Remove(c.Name())
			continue
		}
		if _, err := c.WriteString(t.Path + "\n"); err == nil && c.Sync() == nil {
			t.claim = c
			break
		}
		unlockFile(c)
		c.Close()
		os.Remove(c.Name())
	}
	if t.claim == nil {
		os.Remove(t.Path)
		return nil, fmt.Errorf("kan ikke registrere den midlertidige fil i %s", filepath.Dir(dbPath))
	}
	return t, nil
}

// place syncs the copy and renames it to dest, then syncs dest's folder,
// so that after a crash dest is the old file or the whole new one.
func (t *tempCopy) place(dest string) error {
	if err := syncFile(t.Path); err != nil {
		return err
	}
	if err := os.Rename(t.Path, dest); err != nil {
		return err
	}
	syncDir(filepath.Dir(dest))
	return nil
}

// done removes what is left of the copy (nothing after place) and the claim.
func (t *tempCopy) done() {
	if t == nil {
		return
	}
	removeWithSideFiles(t.Path)
	if t.claim != nil {
		name := t.claim.Name()
		unlockFile(t.claim)
		t.claim.Close()
		os.Remove(name)
		t.claim = nil
	}
}

// removeWithSideFiles removes a database file and SQLite's files beside it.
func removeWithSideFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", "-lock"} {
		os.Remove(path + suffix)
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable where the system allows it
// (Windows cannot open a folder for syncing; its renames are journalled).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// CleanTemp removes the copies a killed process left in the making, as
// its claims in dbPath's folder name them, and returns what it removed.
// A claim that is still held (a backup running beside) is left alone.
func CleanTemp(dbPath string) []string {
	claims, _ := filepath.Glob(filepath.Join(filepath.Dir(dbPath), claimPrefix+"*"))
	var removed []string
	for _, name := range claims {
		c, err := os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if lockFile(c, true) != nil {
			c.Close()
			continue // its process still works on it
		}
		b, _ := io.ReadAll(io.LimitReader(c, 64<<10))
		st, _ := c.Stat()
		if len(b) == 0 && st != nil && time.Since(st.ModTime()) < time.Minute {
			// Just made, not yet claimed by its process.
			unlockFile(c)
			c.Close()
			continue
		}
		for _, p := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if p = strings.TrimSpace(p); p != "" && strings.HasPrefix(filepath.Base(p), tempPrefix) {
				if _, err := os.Lstat(p); err == nil {
					removed = append(removed, p)
				}
				removeWithSideFiles(p)
			}
		}
		unlockFile(c)
		c.Close()
		os.Remove(name)
	}
	return removed
}

// WriteFile writes a file the program hands out (an exported PDF or CSV)
// through a temporary copy: write fills it, then it is synced and renamed
// to path, with mode perm. dbPath is the database whose folder keeps the
// claim; on any failure path is left as it was.
func WriteFile(dbPath, path string, perm os.FileMode, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fileError(path, "kan ikke skrives: mappen findes ikke ("+dir+")", nil)
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return fileError(path, "er ikke en almindelig fil", nil)
	}
	t, err := newTempCopy(dbPath, dir)
	if err != nil {
		return fileError(path, "kan ikke skrives", unwrapPathError(err))
	}
	defer t.done()
	f, err := os.OpenFile(t.Path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fileError(path, "kan ikke skrives", unwrapPathError(err))
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(perm); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		f.Close()
		return fileError(path, "kan ikke skrives", unwrapPathError(err))
	}
	if err := f.Close(); err != nil {
		return fileError(path, "kan ikke skrives", unwrapPathError(err))
	}
	if err := t.place(path); err != nil {
		return fileError(path, "kan ikke skrives", unwrapPathError(err))
	}
	return nil
}
