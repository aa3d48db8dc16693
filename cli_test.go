package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"partnerskab/data"
)

// runCLI runs the program with args as the shell would and returns the exit
// code and what it printed.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// wantOneLine asserts that a failing command printed exactly one line on
// stderr, naming path and saying want, and nothing on stdout.
func wantOneLine(t *testing.T, stdout, stderr, path, want string) {
	t.Helper()
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line: %q", stderr)
	}
	if !strings.Contains(stderr, path) {
		t.Errorf("stderr %q does not name %s", stderr, path)
	}
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr %q does not say %q", stderr, want)
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func wantNoSideFiles(t *testing.T, path string) {
	t.Helper()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s%s exists (%v)", path, suffix, err)
		}
	}
}

// demoDB makes a database with the seed's case through the CLI.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "partnerskab.db")
	if code, _, stderr := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	return db
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		lines := strings.Split(stdout, "\n")
		for _, name := range []string{"demo", "check", "backup", "restore", "report", "version", "help"} {
			n := 0
			for _, l := range lines {
				if f := strings.Fields(l); len(f) > 1 && f[0] == name && strings.HasPrefix(l, "  ") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%q: command %s is listed on %d lines, want 1:\n%s", args, name, n, stdout)
			}
		}
		for _, want := range []string{"--db", "backup --out FIL", "restore --from FIL", "report [--json]"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("%q: help lacks %q", args, want)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, stderr := runCLI(t, "version")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := fmt.Sprintf("partnerskab %s (databaseskema %d)\n", Version, data.SchemaVersion())
	if stdout != want {
		t.Errorf("version = %q, want %q", stdout, want)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, stdout, stderr := runCLI(t, "--db", filepath.Join(t.TempDir(), "x.db"), "importer")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if stdout != "" || !strings.Contains(stderr, `ukendt kommando "importer"`) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	// --db without a path is a usage error as well.
	if code, _, stderr := runCLI(t, "check", "--db"); code != 2 || !strings.Contains(stderr, "--db mangler en sti") {
		t.Errorf("--db without a path: exit %d, %q", code, stderr)
	}
	// So is an argument a command does not take.
	if code, _, _ := runCLI(t, "demo", "--db", filepath.Join(t.TempDir(), "x.db"), "ekstra"); code != 2 {
		t.Errorf("demo with an extra argument: exit %d, want 2", code)
	}
}

func TestDemoTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ny", "partnerskab.db")
	code, stdout, stderr := runCLI(t, "demo", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("demo: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, db) {
		t.Errorf("demo output %q does not name the file", stdout)
	}
	before := sum(t, db)
	code, stdout, stderr = runCLI(t, "--db", db, "demo")
	if code != 1 {
		t.Errorf("second demo: exit %d, want 1", code)
	}
	wantOneLine(t, stdout, stderr, db, "databasen er ikke tom")
	if sum(t, db) != before {
		t.Errorf("refused demo changed the file")
	}
}

// report is the JSON contract of `report --json`.
type report struct {
	Database      string `json:"database"`
	SchemaVersion int    `json:"schemaVersion"`
	Counts        struct {
		Organisations, Contacts, Rooms, Leases, Placements, Templates, Agreements int
	} `json:"counts"`
	Targets []struct {
		Name     string  `json:"name"`
		Goal     float64 `json:"goal"`
		Current  float64 `json:"current"`
		Unit     string  `json:"unit"`
		Deadline string  `json:"deadline"`
	} `json:"targets"`
	Organisations []string `json:"organisations"`
}

func reportJSON(t *testing.T, db string) report {
	t.Helper()
	code, stdout, stderr := runCLI(t, "report", "--json", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("report --json: exit %d, stderr %q", code, stderr)
	}
	var r report
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("report --json is not JSON: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Errorf("report --json printed more than one JSON value")
	}
	return r
}

func TestReportJSON(t *testing.T) {
	db := demoDB(t)
	r := reportJSON(t, db)
	if r.Database != db || r.SchemaVersion != data.SchemaVersion() {
		t.Errorf("database %q schema %d", r.Database, r.SchemaVersion)
	}
	c := r.Counts
	if c.Organisations != 9 || c.Contacts != 8 || c.Rooms != 5 || c.Leases != 2 || c.Placements != 8 {
		t.Errorf("counts = %+v", c)
	}
	for _, name := range []string{"Bevar", "Fra de varme lande", "Slagelse Kommune", "Sekstanten", "BoligKorsør"} {
		if !slices.Contains(r.Organisations, name) {
			t.Errorf("organisations lack %q: %q", name, r.Organisations)
		}
	}
	var goals []float64
	for _, tg := range r.Targets {
		goals = append(goals, tg.Goal)
		if tg.Name == "" {
			t.Errorf("target without a name: %+v", tg)
		}
	}
	if len(r.Targets) != 4 || !slices.Contains(goals, 16) || !slices.Contains(goals, 30) {
		t.Errorf("targets' goals = %v, want 4 targets with 16 and 30 among them", goals)
	}
	// The raw JSON uses the documented names.
	_, stdout, _ := runCLI(t, "report", "--json", "--db", db)
	var raw map[string]any
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"database", "schemaVersion", "counts", "targets", "organisations"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	counts, _ := raw["counts"].(map[string]any)
	for _, k := range []string{"organisations", "contacts", "rooms", "leases", "placements", "templates", "agreements"} {
		if _, ok := counts[k]; !ok {
			t.Errorf("counts lack %q", k)
		}
	}
}

func TestReportText(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := runCLI(t, "--db", db, "report")
	if code != 0 || stderr != "" {
		t.Fatalf("report: exit %d, stderr %q", code, stderr)
	}
	for _, re := range []string{
		`Organisationer\s+9\n`, `Kontaktpersoner\s+8\n`, `Lokaler\s+5\n`, `Lejemål\s+2\n`, `Placeringer\s+8\n`,
		`Skabeloner\s+3\n`, `Aftaler\s+5\n`,
		`Mål:\n`,
		`Arbejdspladser i de to socialøkonomiske virksomheder: \d+ af 16 job, frist 31\.12\.2015\n`,
		`: \d+ af 30 personer\n`,
		`Organisationer: .*Bevar.*Fra de varme lande`,
	} {
		if !regexp.MustCompile(re).MatchString(stdout) {
			t.Errorf("report lacks %s:\n%s", re, stdout)
		}
	}
	// An empty database says so rather than printing an empty list.
	empty := filepath.Join(t.TempDir(), "tom.db")
	s, err := data.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if code, stdout, _ := runCLI(t, "report", "--db", empty); code != 0 || !strings.Contains(stdout, "Ingen mål.") {
		t.Errorf("report on an empty database: exit %d\n%s", code, stdout)
	}
}

func TestCheck(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := runCLI(t, "check", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("check on a good database: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "er i orden") || !strings.Contains(stdout, db) {
		t.Errorf("check output %q", stdout)
	}
}

func TestCheckFindsProblems(t *testing.T) {
	ctx := context.Background()
	db := demoDB(t)
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA foreign_keys = OFF",
		`INSERT INTO contacts (organisation_id, name, sort_key, created_at, updated_at)
		 VALUES (999, 'Forældreløs', x'00', '2015-03-01T09:30:00Z', '2015-03-01T09:30:00Z')`,
		"PRAGMA foreign_keys = ON"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	s.Close()
	code, stdout, stderr := runCLI(t, "check", "--db", db)
	if code != 1 {
		t.Errorf("check on a database with a broken reference: exit %d, want 1", code)
	}
	if stdout != "" || !strings.Contains(stderr, db) || !strings.Contains(stderr, "fremmednøgle") || !strings.Contains(stderr, "contacts") {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
}

func TestCheckRefusesFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "noter.txt")
	if err := os.WriteFile(text, []byte("Dette er ikke en database.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "nyere.db")
	raw, err := sql.Open("sqlite", newer)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA journal_mode = WAL", fmt.Sprintf("PRAGMA application_id = %d", data.ApplicationID),
		"PRAGMA user_version = 99", "CREATE TABLE organisations (id INTEGER PRIMARY KEY, name TEXT)"} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	wantNoSideFiles(t, newer)

	empty := filepath.Join(dir, "tom.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		path, want string
	}{
		{text, "er ikke en SQLite-database"},
		{newer, "nyere version"},
		{empty, "er tom"},
	} {
		before := sum(t, tt.path)
		code, stdout, stderr := runCLI(t, "check", "--db", tt.path)
		if code != 1 {
			t.Errorf("check %s: exit %d, want 1", tt.path, code)
		}
		wantOneLine(t, stdout, stderr, tt.path, tt.want)
		if sum(t, tt.path) != before {
			t.Errorf("check changed %s", tt.path)
		}
		wantNoSideFiles(t, tt.path)
	}
}

func TestCommandsDoNotCreateMissingDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mappe")
	db := filepath.Join(dir, "partnerskab.db")
	for _, args := range [][]string{
		{"check", "--db", db},
		{"report", "--db", db},
		{"report", "--json", "--db", db},
		{"backup", "--out", filepath.Join(t.TempDir(), "kopi.db"), "--db", db},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 1 {
			t.Errorf("%q: exit %d, want 1", args, code)
		}
		wantOneLine(t, stdout, stderr, db, "findes ikke")
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%q created %s (%v)", args, dir, err)
		}
	}
}

func TestDemoUnwritablePath(t *testing.T) {
	asDir := filepath.Join(t.TempDir(), "fil")
	// A file where the directory should be.
	if err := os.WriteFile(asDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ db, want string }{
		{filepath.Join(asDir, "partnerskab.db"), "mappen kan ikke oprettes (en del af stien er en fil, ikke en mappe)"},
		{"/proc/partnerskab/partnerskab.db", "mappen kan ikke oprettes"},
	} {
		code, stdout, stderr := runCLI(t, "demo", "--db", tt.db)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", tt.db, code)
		}
		wantOneLine(t, stdout, stderr, tt.db, tt.want)
		if n := strings.Count(stderr, tt.db); n != 1 {
			t.Errorf("stderr names the file %d times: %q", n, stderr)
		}
	}
}

func TestBackupUnwritablePath(t *testing.T) {
	db := demoDB(t)
	for _, out := range []string{
		filepath.Join(t.TempDir(), "findes-ikke", "kopi.db"),
		"/proc/partnerskab-kopi.db",
	} {
		code, stdout, stderr := runCLI(t, "backup", "--db", db, "--out", out)
		if code != 1 {
			t.Errorf("backup to %s: exit %d, want 1", out, code)
		}
		wantOneLine(t, stdout, stderr, out, "kan ikke skrives")
	}
	// Without --out the command says what is missing.
	if code, _, stderr := runCLI(t, "backup", "--db", db); code == 0 || !strings.Contains(stderr, "--out") {
		t.Errorf("backup without --out: exit %d, %q", code, stderr)
	}
	// Onto the database itself.
	before := reportJSON(t, db)
	code, stdout, stderr := runCLI(t, "backup", "--db", db, "--out", db)
	if code != 1 {
		t.Errorf("backup onto the database: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, db, "er selve databasen")
	if after := reportJSON(t, db); after.Counts != before.Counts {
		t.Errorf("database changed: %+v → %+v", before.Counts, after.Counts)
	}
}

func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	db := demoDB(t)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	code, stdout, stderr := runCLI(t, "backup", "--out", backup, "--db", db)
	if code != 0 || stderr != "" || !strings.Contains(stdout, backup) {
		t.Fatalf("backup: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "check", "--db", backup); code != 0 {
		t.Fatalf("check on the backup: exit %d, %s", code, stderr)
	}

	// A change after the backup.
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveOrganisation(ctx, data.OrganisationForm{Name: "Efter kopien", Kind: "andet"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if r := reportJSON(t, db); !slices.Contains(r.Organisations, "Efter kopien") {
		t.Fatalf("the change did not reach the database: %q", r.Organisations)
	}

	code, stdout, stderr = runCLI(t, "--db", db, "restore", "--from", backup)
	if code != 0 || stderr != "" {
		t.Fatalf("restore: exit %d, stderr %q", code, stderr)
	}
	m := regexp.MustCompile(`gemt som (.+\.bak)\.\n`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("restore does not say where the previous database is kept:\n%s", stdout)
	}
	kept := m[1]
	if !strings.HasPrefix(kept, db+".") {
		t.Errorf("kept copy %s is not next to the database", kept)
	}
	r := reportJSON(t, db)
	if slices.Contains(r.Organisations, "Efter kopien") || r.Counts.Organisations != 9 {
		t.Errorf("after restore: %d organisations %q; the change after the backup should be gone", r.Counts.Organisations, r.Organisations)
	}
	if code, _, stderr := runCLI(t, "check", "--db", db); code != 0 {
		t.Errorf("check after restore: exit %d, %s", code, stderr)
	}
	// The dated copy holds the database as it was, change included.
	if k := reportJSON(t, kept); !slices.Contains(k.Organisations, "Efter kopien") {
		t.Errorf("kept copy lacks the change: %q", k.Organisations)
	}
}

func TestRestoreRefusesNonSQLite(t *testing.T) {
	db := demoDB(t)
	from := filepath.Join(t.TempDir(), "kopi.db")
	if err := os.WriteFile(from, []byte("Dette er ikke en sikkerhedskopi.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wantNoSideFiles(t, db)
	before := sum(t, db)
	dirBefore, _ := os.ReadDir(filepath.Dir(db))
	code, stdout, stderr := runCLI(t, "restore", "--db", db, "--from", from)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	wantOneLine(t, stdout, stderr, from, "er ikke en SQLite-database")
	if sum(t, db) != before {
		t.Errorf("a refused restore changed the database")
	}
	wantNoSideFiles(t, db)
	if dirAfter, _ := os.ReadDir(filepath.Dir(db)); len(dirAfter) != len(dirBefore) {
		t.Errorf("a refused restore left files: %v", dirAfter)
	}
	if code, _, stderr := runCLI(t, "restore", "--db", db); code == 0 || !strings.Contains(stderr, "--from") {
		t.Errorf("restore without --from: exit %d, %q", code, stderr)
	}
}

func TestDBFlagPosition(t *testing.T) {
	db := demoDB(t)
	for _, args := range [][]string{
		{"--db", db, "report", "--json"},
		{"report", "--db", db, "--json"},
		{"report", "--json", "--db", db},
		{"report", "--json", "--db=" + db},
		{"-db", db, "report", "--json"},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
			continue
		}
		var r report
		if err := json.Unmarshal([]byte(stdout), &r); err != nil || r.Database != db || r.Counts.Organisations != 9 {
			t.Errorf("%q: report of %q with %d organisations (%v)", args, r.Database, r.Counts.Organisations, err)
		}
	}
}
