package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestOpenCreatesFileAndDirs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ny", "mappe", "partnerskab.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Fatalf("database file not created: %v", err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	var appID, version int
	var mode string
	db := s.DB()
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if appID != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", appID, ApplicationID)
	}
	if files, _ := fs.Glob(migrationFS, "migrations/*.sql"); SchemaVersion() != len(files) {
		t.Errorf("SchemaVersion() = %d, want %d (one per migration file)", SchemaVersion(), len(files))
	}
	if version != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", version, SchemaVersion())
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v), want 1", fk, err)
	}
	// The lists a new installation starts with are there.
	if n := countRows(t, s, "schemes"); n != 6 {
		t.Errorf("schemes: %d rows, want 6", n)
	}
}

func TestOpenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "partnerskab.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("re-open %d: %v", i, err)
		}
		got, err := s.Organisation(ctx, o.ID)
		if err != nil || got.Name != "Bevar" {
			t.Errorf("re-open %d: organisation = %+v, %v", i, got, err)
		}
		if n := countRows(t, s, "organisations"); n != 1 {
			t.Errorf("re-open %d: %d organisations, want 1", i, n)
		}
		// Migration 001 seeds the schemes; running it twice would double them.
		if n := countRows(t, s, "schemes"); n != 6 {
			t.Errorf("re-open %d: %d schemes, want 6", i, n)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("re-open %d: Check = %q, %v", i, problems, err)
		}
		s.Close()
	}
	// An up-to-date database is not copied on open.
	for _, name := range dirNames(t, dir) {
		if strings.Contains(name, ".bak") {
			t.Errorf("re-opening an up-to-date database left a copy %s", name)
		}
	}
}

// refusedFile checks that Open refuses path with an error naming the file and
// containing want, and leaves the file byte-for-byte as it was.
func refusedFile(t *testing.T, path string, want string) error {
	t.Helper()
	before := fileSum(t, path)
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded; want refusal", path)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if after := fileSum(t, path); after != before {
		t.Errorf("refused file was changed")
	}
	wantNoSideFiles(t, path)
	return err
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nyere.db")
	rawDB(t, path,
		fmt.Sprintf("PRAGMA application_id = %d", ApplicationID),
		"PRAGMA user_version = 99",
		"CREATE TABLE organisations (id INTEGER PRIMARY KEY, name TEXT)",
		"INSERT INTO organisations (name) VALUES ('Fra fremtiden')")
	wantNoSideFiles(t, path)
	err := refusedFile(t, path, "nyere version")
	var ne *NewerSchemaError
	if !errors.As(err, &ne) {
		t.Fatalf("error %v (%T) is not a NewerSchemaError", err, err)
	}
	if ne.Version != 99 || ne.Path != path {
		t.Errorf("NewerSchemaError = %+v, want version 99 and path %s", ne, path)
	}
	if !IsNewerSchema(err) {
		t.Errorf("IsNewerSchema = false")
	}
	// The message tells the caseworker what to do and that nothing happened.
	for _, w := range []string{"Opdatér programmet", "filen er ikke ændret"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message %q lacks %q", err, w)
		}
	}
	// Also when the newer file is in WAL mode (as ours are).
	walPath := filepath.Join(t.TempDir(), "nyere-wal.db")
	rawDB(t, walPath,
		"PRAGMA journal_mode = WAL",
		fmt.Sprintf("PRAGMA application_id = %d", ApplicationID),
		fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1),
		"CREATE TABLE x (y)")
	wantNoSideFiles(t, walPath)
	if err := refusedFile(t, walPath, "nyere version"); !IsNewerSchema(err) {
		t.Errorf("WAL file: %v is not a NewerSchemaError", err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		write func(path string)
		want  string
	}{
		{"text file", func(p string) {
			if err := os.WriteFile(p, []byte("Navn;CVR\nBevar;\nSlagelse Kommune;29188505\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "er ikke en SQLite-database"},
		{"short file", func(p string) {
			if err := os.WriteFile(p, []byte("SQLite"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "er ikke en SQLite-database"},
		{"another program's SQLite", func(p string) {
			rawDB(t, p, "CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)", "INSERT INTO kunder (navn) VALUES ('Hansen')")
		}, "fra et andet program"},
		{"another program's application_id", func(p string) {
			rawDB(t, p, "PRAGMA application_id = 1234", "PRAGMA user_version = 1", "CREATE TABLE t (x)")
		}, "fra et andet program"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("fil%d.db", i))
			tt.write(path)
			refusedFile(t, path, tt.want)
		})
	}
}

func TestOpenRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "er en mappe") {
		t.Errorf("Open(dir) = %v, want a FileError saying it is a directory", err)
	}
}

func TestOpenExistingDoesNotCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mangler", "partnerskab.db")
	_, err := OpenExisting(path)
	if err == nil || !strings.Contains(err.Error(), "findes ikke") || !strings.Contains(err.Error(), path) {
		t.Errorf("OpenExisting(missing) = %v, want an error naming the file and saying it does not exist", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenExisting created the directory (%v)", err)
	}
}

func TestOpenEmptyFileIsInitialised(t *testing.T) {
	// An empty file (say, made by "touch") is a new database, not a foreign one.
	path := filepath.Join(t.TempDir(), "tom.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(empty file): %v", err)
	}
	defer s.Close()
	var version int
	if err := s.DB().QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion() {
		t.Errorf("user_version = %d (%v), want %d", version, err, SchemaVersion())
	}
}

// withExtraMigration pretends that this program knows one more migration, so
// the path a real upgrade takes (copy first, then migrate in a transaction)
// can be tested while only 001 exists.
func withExtraMigration(t *testing.T, sqlText string) {
	t.Helper()
	saved := migrations
	migrations = append(append([]migration(nil), saved...),
		migration{version: len(saved) + 1, name: fmt.Sprintf("%03d_test.sql", len(saved)+1), sql: sqlText})
	t.Cleanup(func() { migrations = saved })
}

func TestMigrationCopiesFileFirst(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "partnerskab.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	s.Close()

	before := SchemaVersion()
	withExtraMigration(t, "ALTER TABLE organisations ADD COLUMN website TEXT NOT NULL DEFAULT ''")
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open with migration 2: %v", err)
	}
	defer s.Close()
	var version int
	if err := s.DB().QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != before+1 {
		t.Errorf("user_version after migration = %d (%v), want %d", version, err, before+1)
	}
	var copies []string
	for _, name := range dirNames(t, dir) {
		if strings.HasPrefix(name, fmt.Sprintf("partnerskab.db.før-skema-%d-", before+1)) && strings.HasSuffix(name, ".bak") {
			copies = append(copies, filepath.Join(dir, name))
		}
	}
	if len(copies) != 1 {
		t.Fatalf("copies before migration: %q, want exactly one in %q", copies, dirNames(t, dir))
	}
	// The copy is the database as it was: schema 1, with the organisation.
	if err := CheckFile(ctx, copies[0]); err != nil {
		t.Errorf("CheckFile(copy): %v", err)
	}
	h, err := os.Open(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	hdr, err := readHeader(h)
	h.Close()
	if err != nil || hdr.userVersion != before {
		t.Errorf("copy has user_version %d (%v), want %d", hdr.userVersion, err, before)
	}
	rawCheck(t, copies[0], "SELECT count(*) FROM organisations WHERE name = 'Bevar'", 1)
	// The copy holds the same person data as the file: readable by its user only.
	if runtime.GOOS != "windows" {
		if st, err := os.Stat(copies[0]); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("the copy before migration has mode %v (%v), want 0600", st.Mode().Perm(), err)
		}
	}
}

func TestFailedMigrationLeavesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerskab.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	s.Close()

	before := SchemaVersion()
	withExtraMigration(t, "CREATE TABLE nyt (x); INSERT INTO ingen_tabel VALUES (1);")
	_, err = Open(path)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "skemaet kan ikke opdateres") {
		t.Fatalf("Open with a broken migration = %v, want a FileError about the schema", err)
	}
	// The half-run migration was rolled back as a whole.
	rawCheck(t, path, "PRAGMA user_version", before)
	rawCheck(t, path, "SELECT count(*) FROM sqlite_schema WHERE name = 'nyt'", 0)
	rawCheck(t, path, "SELECT count(*) FROM organisations WHERE name = 'Bevar'", 1)
}

// rawCheck runs a one-number query on a file and compares the answer.
func rawCheck(t *testing.T, path, query string, want int) {
	t.Helper()
	db, err := sqlOpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got int
	if err := db.QueryRow(query).Scan(&got); err != nil {
		t.Fatalf("%s on %s: %v", query, path, err)
	}
	if got != want {
		t.Errorf("%s on %s = %d, want %d", query, filepath.Base(path), got, want)
	}
}
