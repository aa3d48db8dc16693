package data

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestRestoreRefusedWhileAnotherHasTheFileOpen is the restore beside an
// open window: the window's store keeps saving, and a restore that swapped
// the file under it would lose those saves. The restore is refused, names
// the other holder, and the window's saves stay in the database.
func TestRestoreRefusedWhileAnotherHasTheFileOpen(t *testing.T) {
	ctx := context.Background()
	dbPath, backup := restoreFixture(t)
	SetHolderName("Partnerskab-vinduet")
	t.Cleanup(func() { SetHolderName("Partnerskab") })
	window, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	SetHolderName("partnerskab restore")

	_, err = Restore(ctx, dbPath, backup, nil)
	if !IsInUse(err) {
		t.Fatalf("Restore while the window has the file open = %v, want an InUseError", err)
	}
	msg := err.Error()
	for _, want := range []string{dbPath, "kan ikke gendannes", "Partnerskab-vinduet",
		fmt.Sprintf("proces %d", os.Getpid()), "luk det først"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	// The window saves on, into the file that stays in place.
	mustSaveOrg(t, window, OrganisationForm{Name: "Gemt i vinduet", Kind: "andet"})
	window.Close()
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations WHERE name = 'Gemt i vinduet'", 1)
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations WHERE name = 'Efter kopien'", 1)
}

// TestStoreRestoreClosesAndReopens is the restore from the window's own
// menu: the store lets the file go, the backup is put in place, and the
// same store then reads and writes the restored database.
func TestStoreRestoreClosesAndReopens(t *testing.T) {
	ctx := context.Background()
	dbPath, backup := restoreFixture(t)
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Restore(ctx, backup, nil)
	if err != nil {
		t.Fatalf("Store.Restore: %v", err)
	}
	if res.Kept == "" {
		t.Errorf("no dated copy kept")
	}
	n, err := s.CountOrganisations(ctx, OrgQuery{Text: "Efter kopien"})
	if err != nil || n != 0 {
		t.Errorf("after the restore the store finds %d »Efter kopien« (%v), want 0: it reads the old file", n, err)
	}
	mustSaveOrg(t, s, OrganisationForm{Name: "Efter gendannelsen", Kind: "andet"})
	s.Close()
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations WHERE name = 'Efter gendannelsen'", 1)
	rawCheck(t, res.Kept, "SELECT count(*) FROM organisations WHERE name = 'Efter kopien'", 1)
}

// TestMigrationRefusedWhileOpen: a newer program must not rewrite the
// schema under an older one that has the file open.
func TestMigrationRefusedWhileOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerskab.db")
	old, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	withExtraMigration(t, "CREATE TABLE nyt (x)")
	_, err = Open(path)
	if !IsInUse(err) || !strings.Contains(err.Error(), "kan ikke opdateres") {
		t.Fatalf("Open needing a migration beside another holder = %v, want an InUseError about the update", err)
	}
	rawCheck(t, path, "SELECT count(*) FROM sqlite_schema WHERE name = 'nyt'", 0)
}

// TestReaderBesideTheWindow: reading (a report, a backup) beside the
// window is allowed, and the last one to close leaves no lock file.
func TestReaderBesideTheWindow(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	r, err := OpenReadOnly(s.Path())
	if err != nil {
		t.Fatalf("OpenReadOnly beside an open store: %v", err)
	}
	if err := r.Backup(ctx, filepath.Join(t.TempDir(), "kopi.db")); err != nil {
		t.Errorf("Backup from the read-only store: %v", err)
	}
	r.Close()
	if _, err := os.Stat(LockPath(s.Path())); err != nil {
		t.Errorf("the lock file went while the store still holds it: %v", err)
	}
	s.Close()
	if _, err := os.Stat(LockPath(s.Path())); !os.IsNotExist(err) {
		t.Errorf("lock file left after the last store closed (%v)", err)
	}
}

// TestDemoIsAllOrNothing: a demo whose build fails halfway (or is killed)
// leaves the database as it was, so that the demo can then be loaded.
func TestDemoIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "partnerskab.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	err = ReplaceWith(ctx, path, "eksemplet kan ikke indlæses", func(ctx context.Context, st *Store) error {
		if err := st.LoadDemo(ctx); err != nil {
			return err
		}
		return fmt.Errorf("afbrudt halvvejs")
	})
	if err == nil || !strings.Contains(err.Error(), "afbrudt halvvejs") {
		t.Fatalf("ReplaceWith with a failing build = %v", err)
	}
	if names := dirNames(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("folder after the failed demo holds %q, want only the database", names)
	}
	rawCheck(t, path, "SELECT count(*) FROM organisations", 0)
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if err := ReplaceWith(ctx, path, "eksemplet kan ikke indlæses", func(ctx context.Context, st *Store) error {
		return st.LoadDemo(ctx)
	}); err != nil {
		t.Fatalf("the demo after a failed one: %v", err)
	}
	if names := dirNames(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("folder after the demo holds %q, want only the database", names)
	}
	rawCheck(t, path, "SELECT count(*) FROM organisations", 9)
}

// TestRestoreRefusedWhileAnotherProgramHasTheFile: a sqlite3 shell takes
// no lock of ours, but the system says it has the file open (Linux).
func TestRestoreRefusedWhileAnotherProgramHasTheFile(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux says which processes have a file open")
	}
	sqlite3 := judgeTool(t, "sqlite3")
	ctx := context.Background()
	dbPath, backup := restoreFixture(t)
	cmd := exec.Command(sqlite3, dbPath)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	// Once the shell has answered a query, it has the file open.
	io.WriteString(stdin, "SELECT 'åben';\n")
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || !strings.Contains(line, "åben") {
		t.Fatalf("sqlite3 answered %q, %v", line, err)
	}
	before := fileSum(t, dbPath)
	_, err = Restore(ctx, dbPath, backup, nil)
	if !IsInUse(err) || !strings.Contains(err.Error(), fmt.Sprintf("sqlite3 (proces %d)", cmd.Process.Pid)) {
		t.Fatalf("Restore beside a sqlite3 shell = %v, want a refusal naming it", err)
	}
	if fileSum(t, dbPath) != before {
		t.Error("the refused restore changed the database")
	}
}

// judgeTool finds an external program the test needs; a missing one fails
// the test (scripts/deps.sh installs it).
func judgeTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed (apt-get install %s): %v", name, name, err)
	}
	return p
}
