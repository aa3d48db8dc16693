package data

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRestoreTakesAHotWALAlong: a backup copied with its WAL beside it
// (its last commits are only in the WAL) is restored with those commits.
func TestRestoreTakesAHotWALAlong(t *testing.T) {
	ctx := context.Background()
	dbPath, _ := restoreFixture(t)
	src := filepath.Join(t.TempDir(), "kilde.db")
	s, err := Open(src)
	if err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	mustExec(t, s, "PRAGMA wal_checkpoint(TRUNCATE)")
	// One connection that never checkpoints writes the last commit.
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA wal_autocheckpoint = 0", `INSERT INTO organisations (name, sort_key, search_text, kind,
		created_at, updated_at) VALUES ('Kun i WAL-filen', x'00', 'kun i wal-filen', 'andet', 'x', 'x')`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	// Copy the file and its WAL while the store is open, as a copy of a
	// live folder takes them.
	dir := t.TempDir()
	from := filepath.Join(dir, "kopi.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(from+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	s.Close()
	if onlyMain := countIn(t, from, "SELECT count(*) FROM organisations WHERE name = 'Kun i WAL-filen'", true); onlyMain != 0 {
		t.Fatalf("the main file alone already holds the row (%d); the test needs it in the WAL only", onlyMain)
	}
	res, err := Restore(ctx, dbPath, from, nil)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !res.WithWAL {
		t.Error("the restore does not say it took the WAL along")
	}
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations WHERE name = 'Kun i WAL-filen'", 1)
	if _, err := os.Stat(from + "-wal"); err != nil {
		t.Errorf("the backup's WAL file was changed or removed: %v", err)
	}
}

// countIn runs a one-number query on a copy of path's main file alone
// (mainOnly) so that what only its WAL holds is not seen.
func countIn(t *testing.T, path, query string, mainOnly bool) int {
	t.Helper()
	p := path
	if mainOnly {
		p = filepath.Join(t.TempDir(), "alene.db")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestWriteFileLeavesTheOldFileOnFailure: an export that fails halfway
// leaves the file as it was and no temporary file.
func TestWriteFileLeavesTheOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "partnerskab.db")
	out := filepath.Join(dir, "eksport.csv")
	if err := os.WriteFile(out, []byte("gammel"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(db, out, 0o600, func(w io.Writer) error {
		io.WriteString(w, "halv")
		return errors.New("disken forsvandt")
	})
	if err == nil || !strings.Contains(err.Error(), "disken forsvandt") {
		t.Fatalf("WriteFile = %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "gammel" {
		t.Errorf("the old file now holds %q", b)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q, want only the old file", names)
	}
	if err := WriteFile(db, out, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "ny"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "ny" {
		t.Errorf("the file holds %q after a good write", b)
	}
}
