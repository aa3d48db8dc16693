package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// MustOpenDB opens a fresh database in tb.TempDir() and closes it when the
// test ends. The clock is fixed so that events and archive stamps are
// predictable.
func MustOpenDB(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "partnerskab.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	s.Now = func() time.Time { return time.Date(2015, 3, 1, 9, 30, 0, 0, time.UTC) }
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// mustDemo opens a fresh database with the seed's case loaded.
func mustDemo(tb testing.TB) *Store {
	tb.Helper()
	s := MustOpenDB(tb)
	if err := s.LoadDemo(context.Background()); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	return s
}

// mustSaveOrg saves a valid organisation form and fails the test otherwise.
func mustSaveOrg(tb testing.TB, s *Store, f OrganisationForm) Organisation {
	tb.Helper()
	o, err := s.SaveOrganisation(context.Background(), f)
	if err != nil {
		tb.Fatalf("SaveOrganisation(%q): %v", f.Name, err)
	}
	return o
}

// countRows counts the rows of table.
func countRows(tb testing.TB, s *Store, table string) int {
	tb.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatalf("count %s: %v", table, err)
	}
	return n
}

// snapshotCounts counts the rows of every table a form save can touch, so a
// refused save can be shown to have written nothing.
func snapshotCounts(tb testing.TB, s *Store) map[string]int {
	tb.Helper()
	m := map[string]int{}
	for _, t := range []string{"organisations", "contacts", "approvals", "events", "premises", "rooms", "leases",
		"lease_rooms", "positions", "placements", "targets", "meetings", "meeting_people", "agenda_items", "action_items",
		"meeting_corrections", "checklist_items", "risks", "grants", "grant_reports", "bodies", "memberships"} {
		m[t] = countRows(tb, s, t)
	}
	return m
}

func sameCounts(tb testing.TB, before, after map[string]int) {
	tb.Helper()
	for t, n := range before {
		if after[t] != n {
			tb.Errorf("%s: %d rows before, %d after; a refused operation must write nothing", t, n, after[t])
		}
	}
}

// wantFieldError asserts that err is a ValidationError with a problem on
// field whose Danish text contains every one of texts.
func wantFieldError(tb testing.TB, err error, field string, texts ...string) FieldError {
	tb.Helper()
	if err == nil {
		tb.Fatalf("no error; want a problem with %s", field)
	}
	v, ok := AsValidation(err)
	if !ok {
		tb.Fatalf("error %v (%T) is not a ValidationError", err, err)
	}
	p, ok := v.For(field)
	if !ok {
		tb.Fatalf("no problem with %s in %q", field, err)
	}
	if p.Label == "" {
		tb.Errorf("problem with %s has no label", field)
	}
	for _, t := range texts {
		if !strings.Contains(p.Text, t) {
			tb.Errorf("%s: text %q does not contain %q", field, p.Text, t)
		}
	}
	return p
}

// fileSum is the SHA-256 of a file's bytes.
func fileSum(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// wantNoSideFiles asserts that no WAL or shared-memory file sits next to path.
func wantNoSideFiles(tb testing.TB, path string) {
	tb.Helper()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			tb.Errorf("%s%s exists (or cannot be checked: %v); the refused file must be left alone", path, suffix, err)
		}
	}
}

// dirNames lists the names in dir.
func dirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatalf("read dir %s: %v", dir, err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// rawDB opens a SQLite file without our Open, to build files as another
// program (or a newer Partnerskab) would have written them.
func rawDB(tb testing.TB, path string, stmts ...string) {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatalf("sql.Open %s: %v", path, err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
}

// orgNames returns the names of orgs in order.
func orgNames(orgs []Organisation) []string {
	out := make([]string, len(orgs))
	for i, o := range orgs {
		out[i] = o.Name
	}
	return out
}

// eventKinds lists the audit log kinds of one record, oldest first.
func eventKinds(tb testing.TB, s *Store, entity string, id int64) []string {
	tb.Helper()
	evs, err := s.Events(context.Background(), entity, id)
	if err != nil {
		tb.Fatalf("Events: %v", err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Kind)
	}
	return out
}

// sqlOpenReadOnly opens a file for inspection without Open's checks.
func sqlOpenReadOnly(path string) (*sql.DB, error) {
	return sql.Open("sqlite", "file:"+path+"?mode=ro")
}

// reopen closes s and opens its file again, as the next start does.
func reopen(tb testing.TB, s *Store) *Store {
	tb.Helper()
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s2.Close() })
	return s2
}
