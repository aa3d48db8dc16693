package data

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestCheckFreshDatabase(t *testing.T) {
	s := MustOpenDB(t)
	problems, err := s.Check(context.Background())
	if err != nil || len(problems) != 0 {
		t.Errorf("Check on a fresh database = %q, %v", problems, err)
	}
}

func TestCheckFindsBrokenForeignKey(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"PRAGMA foreign_keys = OFF",
		`INSERT INTO contacts (organisation_id, name, sort_key, created_at, updated_at)
		 VALUES (999, 'Forældreløs', x'00', '2015-03-01T09:30:00Z', '2015-03-01T09:30:00Z')`,
		"PRAGMA foreign_keys = ON", // the connection goes back to the pool
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "fremmednøgle") || !strings.Contains(problems[0], "contacts") ||
		!strings.Contains(problems[0], "organisations") {
		t.Errorf("Check = %q, want one problem naming contacts and organisations", problems)
	}
}

func TestCheckFindsWrongVersionAndMark(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	mustExec(t, s, "PRAGMA user_version = 0")
	mustExec(t, s, "PRAGMA application_id = 0")
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{fmt.Sprintf("skemaversion 0, forventet %d", SchemaVersion()), "filen er ikke mærket som en Partnerskab-database"}
	if !slices.Equal(problems, want) {
		t.Errorf("Check = %q, want %q", problems, want)
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	out := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := CheckFile(ctx, out); err != nil {
		t.Fatalf("CheckFile(backup): %v", err)
	}
	// No temporary files are left next to the copy.
	if names := dirNames(t, filepath.Dir(out)); !slices.Equal(names, []string{"kopi.db"}) {
		t.Errorf("backup directory holds %q", names)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v (%v), want 0600: it holds personal data", st.Mode().Perm(), err)
	}
	want := allOrgNames(t, s)
	c, err := Open(out)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer c.Close()
	if got := allOrgNames(t, c); !slices.Equal(got, want) {
		t.Errorf("backup holds %q, want %q", got, want)
	}
	if problems, err := c.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Check(backup) = %q, %v", problems, err)
	}
}

// allOrgNames lists every organisation, archived ones included.
func allOrgNames(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	var names []string
	for _, archived := range []bool{false, true} {
		orgs, err := s.SearchOrganisations(ctx, OrgQuery{Archived: archived, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, orgNames(orgs)...)
	}
	return names
}

func TestBackupWhileOthersReadAndWrite(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)

	// A second window holds a read transaction open.
	reader, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	rconn, err := reader.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer rconn.Close()
	if _, err := rconn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := rconn.QueryRowContext(ctx, "SELECT count(*) FROM organisations").Scan(&n); err != nil || n != 9 {
		t.Fatalf("reader sees %d organisations (%v)", n, err)
	}
	// A third is in the middle of a save.
	writer, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	wtx, err := writer.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wtx.ExecContext(ctx, `INSERT INTO organisations (name, sort_key, search_text, kind, created_at, updated_at)
		VALUES ('Ikke gemt endnu', x'00', 'ikke gemt endnu', 'andet', '2015-03-01T09:30:00Z', '2015-03-01T09:30:00Z')`); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "kopi.db")
	// The copy is written; the audit log waits for the writer and may say
	// it could not take the backup's event.
	if err := s.Backup(ctx, out); err != nil && !IsNotLogged(err) {
		t.Fatalf("Backup while another connection reads and a third writes: %v", err)
	}
	if err := wtx.Commit(); err != nil {
		t.Fatalf("the writer's save failed after the backup: %v", err)
	}
	if _, err := rconn.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	// The copy is the committed state at the time of the backup.
	rawCheck(t, out, "SELECT count(*) FROM organisations", 9)
	rawCheck(t, out, "SELECT count(*) FROM organisations WHERE name = 'Ikke gemt endnu'", 0)
	rawCheck(t, s.Path(), "SELECT count(*) FROM organisations WHERE name = 'Ikke gemt endnu'", 1)
}

func TestBackupRefusesBadTargets(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	dir := t.TempDir()
	link := filepath.Join(dir, "genvej.db")
	if err := os.Symlink(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	asDir := filepath.Join(dir, "en-mappe")
	if err := os.Mkdir(asDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(asDir, "x"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		out  string
		want string
	}{
		{"missing directory", filepath.Join(dir, "findes-ikke", "kopi.db"), "kan ikke skrives"},
		{"/proc", "/proc/partnerskab-kopi.db", "kan ikke skrives"},
		{"a directory", asDir, "kan ikke skrives"},
		{"the database itself", s.Path(), "er selve databasen"},
		{"the database through a link", link, "er selve databasen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshotCounts(t, s)
			err := s.Backup(ctx, tt.out)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Backup(%s) = %v (%T), want a FileError", tt.out, err, err)
			}
			if fe.Path != tt.out || !strings.HasPrefix(err.Error(), tt.out+": ") {
				t.Errorf("error %q does not start with the path %s", err, tt.out)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error spans several lines: %q", err)
			}
			sameCounts(t, before, snapshotCounts(t, s))
		})
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"en-mappe", "genvej.db"}) {
		t.Errorf("refused backups left files: %q", names)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("database after refused backups: %q, %v", problems, err)
	}
}

func TestBackupReplacesOldCopy(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	out := filepath.Join(t.TempDir(), "kopi.db")
	if err := os.WriteFile(out, []byte("sidste uges kopi"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := CheckFile(ctx, out); err != nil {
		t.Errorf("CheckFile after replacing an old copy: %v", err)
	}
}

// restoreFixture makes a database with the demo and a backup of it, then
// changes the database after the backup. The stores are closed.
func restoreFixture(t *testing.T) (dbPath, backup string) {
	t.Helper()
	ctx := context.Background()
	dbPath = filepath.Join(t.TempDir(), "partnerskab.db")
	backup = filepath.Join(t.TempDir(), "kopi.db")
	s, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, OrganisationForm{Name: "Efter kopien", Kind: "andet"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	wantNoSideFiles(t, dbPath)
	return dbPath, backup
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	dbPath, backup := restoreFixture(t)
	backupSum := fileSum(t, backup)

	reskept, err := Restore(ctx, dbPath, backup, nil)
	kept := reskept.Kept
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(dbPath) + `\.\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.bak$`).MatchString(kept) {
		t.Errorf("kept copy %q is not the database's name with a date and .bak", kept)
	}
	if err := CheckFile(ctx, kept); err != nil {
		t.Errorf("CheckFile(kept copy): %v", err)
	}
	// The kept copy is the database as it was before the restore.
	rawCheck(t, kept, "SELECT count(*) FROM organisations WHERE name = 'Efter kopien'", 1)
	// The restored database is the backup: the later change is gone.
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations WHERE name = 'Efter kopien'", 0)
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations", 9)
	if got := fileSum(t, backup); got != backupSum {
		t.Errorf("restore changed the backup file it read")
	}
	s, err := Open(dbPath)
	if err != nil {
		t.Fatalf("open restored database: %v", err)
	}
	problems, err := s.Check(ctx)
	s.Close()
	if err != nil || len(problems) > 0 {
		t.Errorf("Check(restored) = %q, %v", problems, err)
	}
	// Nothing but the database and the kept copy is left in the directory.
	want := []string{filepath.Base(dbPath), filepath.Base(kept)}
	if names := dirNames(t, filepath.Dir(dbPath)); !slices.Equal(names, want) {
		t.Errorf("directory after restore holds %q, want %q", names, want)
	}
}

func TestRestoreTwiceKeepsBothCopies(t *testing.T) {
	// Two restores in a row (usually within the same second): the first
	// kept copy is the only copy of the database as it was, and the second
	// restore must not overwrite it.
	ctx := context.Background()
	dbPath, backup := restoreFixture(t)
	resfirst, err := Restore(ctx, dbPath, backup, nil)
	first := resfirst.Kept
	if err != nil {
		t.Fatal(err)
	}
	firstSum := fileSum(t, first)
	ressecond, err := Restore(ctx, dbPath, backup, nil)
	second := ressecond.Kept
	if err != nil {
		t.Fatal(err)
	}
	if second == first {
		t.Fatalf("both restores kept their copy as %s", first)
	}
	if fileSum(t, first) != firstSum {
		t.Errorf("the second restore overwrote the first kept copy")
	}
	rawCheck(t, first, "SELECT count(*) FROM organisations WHERE name = 'Efter kopien'", 1)
	rawCheck(t, second, "SELECT count(*) FROM organisations WHERE name = 'Efter kopien'", 0)
}

func TestRestoreIntoMissingDatabase(t *testing.T) {
	ctx := context.Background()
	_, backup := restoreFixture(t)
	dbPath := filepath.Join(t.TempDir(), "ny", "partnerskab.db")
	reskept, err := Restore(ctx, dbPath, backup, nil)
	kept := reskept.Kept
	if err != nil || kept != "" {
		t.Fatalf("Restore into a new place = %q, %v; want no kept copy", kept, err)
	}
	rawCheck(t, dbPath, "SELECT count(*) FROM organisations", 9)
}

// corruptCopy copies a backup and writes garbage over a page in its middle.
func corruptCopy(t *testing.T, backup string) string {
	t.Helper()
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(b) < 8*page {
		t.Fatalf("backup has only %d bytes; need several pages", len(b))
	}
	r := rand.New(rand.NewPCG(1, 2))
	mid := (len(b) / page / 2) * page
	for i := mid; i < mid+page; i++ {
		b[i] = byte(r.Uint32())
	}
	out := filepath.Join(t.TempDir(), "ødelagt.db")
	if err := os.WriteFile(out, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		make func(t *testing.T, backup string) string
		want string
	}{
		{"text file", func(t *testing.T, _ string) string {
			p := filepath.Join(t.TempDir(), "noter.txt")
			if err := os.WriteFile(p, []byte("Referat af styregruppemødet 14.4.2015\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, "er ikke en SQLite-database"},
		{"empty file", func(t *testing.T, _ string) string {
			p := filepath.Join(t.TempDir(), "tom.db")
			if err := os.WriteFile(p, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, "er tom"},
		{"missing file", func(t *testing.T, _ string) string {
			return filepath.Join(t.TempDir(), "findes-ikke.db")
		}, "kan ikke læses"},
		{"another program's SQLite", func(t *testing.T, _ string) string {
			p := filepath.Join(t.TempDir(), "andet.db")
			rawDB(t, p, "CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)")
			return p
		}, "ikke en Partnerskab-database"},
		{"newer Partnerskab", func(t *testing.T, _ string) string {
			p := filepath.Join(t.TempDir(), "nyere.db")
			rawDB(t, p, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), "PRAGMA user_version = 99", "CREATE TABLE x (y)")
			return p
		}, "nyere version"},
		{"garbage over a page", func(t *testing.T, backup string) string {
			return corruptCopy(t, backup)
		}, "ødelagt.db"},
		{"truncated backup", func(t *testing.T, backup string) string {
			b, err := os.ReadFile(backup)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "afkortet.db")
			if err := os.WriteFile(p, b[:len(b)/2], 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, "afkortet.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbPath, backup := restoreFixture(t)
			from := tt.make(t, backup)
			before := fileSum(t, dbPath)
			dirBefore := dirNames(t, filepath.Dir(dbPath))
			var fromSum string
			if _, err := os.Stat(from); err == nil {
				fromSum = fileSum(t, from)
			}

			reskept, err := Restore(ctx, dbPath, from, nil)
			kept := reskept.Kept
			if err == nil {
				t.Fatalf("Restore from %s succeeded (kept %q)", from, kept)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans several lines: %q", err)
			}
			if !strings.Contains(err.Error(), from) {
				t.Errorf("error %q does not name the file %s", err, from)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if strings.Contains(err.Error(), ".partnerskab-tmp-") {
				t.Errorf("error names the staging copy instead of the user's file: %q", err)
			}
			if after := fileSum(t, dbPath); after != before {
				t.Errorf("the current database was changed by a refused restore")
			}
			wantNoSideFiles(t, dbPath)
			if after := dirNames(t, filepath.Dir(dbPath)); !slices.Equal(after, dirBefore) {
				t.Errorf("directory was %q, now %q", dirBefore, after)
			}
			if fromSum != "" && fileSum(t, from) != fromSum {
				t.Errorf("the refused file was changed")
			}
		})
	}
}
