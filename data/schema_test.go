package data

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// alteredBackup copies backup and runs stmts on the copy, as someone with
// a SQLite tool could.
func alteredBackup(t *testing.T, backup string, stmts ...string) string {
	t.Helper()
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "ændret.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	rawDB(t, p, stmts...)
	return p
}

// guardTriggers are the names of every trigger the migrations make.
func guardTriggers(t *testing.T) []string {
	t.Helper()
	ref, err := referenceSchema()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range ref.objects {
		if o.kind == "trigger" {
			out = append(out, o.name)
		}
	}
	return out
}

func TestRestoreAndCheckRefuseAnAlteredSchema(t *testing.T) {
	ctx := context.Background()
	var dropAll []string
	guards := guardTriggers(t)
	for _, name := range guards {
		dropAll = append(dropAll, "DROP TRIGGER "+name)
	}
	tests := []struct {
		name  string
		stmts []string
		want  []string // what the message names
	}{
		{"an extra trigger that wipes placements on the next import", []string{
			`CREATE TRIGGER efter_import AFTER INSERT ON events BEGIN
				DELETE FROM placements; UPDATE contacts SET email = 'x@example.com'; END`},
			[]string{"triggeren »efter_import« er ikke lavet af Partnerskab", "events"}},
		{"every guard trigger dropped", dropAll,
			// The message names the first in order; check names them all.
			[]string{"triggeren »" + slices.Min(guards) + "« mangler",
				"triggeren »agreement_parties_delete_locked« mangler", "triggeren »agreements_signed_no_update« mangler",
				"triggeren »events_no_update« mangler"}},
		{"a table missing", []string{"DROP TABLE targets"}, []string{"tabellen »targets« mangler"}},
		{"a trigger that makes every write fail", []string{
			`CREATE TRIGGER altid_nej BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'nej'); END`},
			[]string{"triggeren »altid_nej« er ikke lavet af Partnerskab"}},
		{"a changed guard", []string{
			"DROP TRIGGER agreements_signed_no_update",
			`CREATE TRIGGER agreements_signed_no_update BEFORE UPDATE ON agreements WHEN 0 BEGIN SELECT 1; END`},
			[]string{"triggeren »agreements_signed_no_update« er ændret"}},
		{"an extra column", []string{"ALTER TABLE contacts ADD COLUMN cpr TEXT"},
			[]string{"tabellen »contacts«: kolonnen »cpr« er ikke lavet af Partnerskab"}},
		{"an extra index and a view", []string{"CREATE INDEX x ON contacts (email)", "CREATE VIEW v AS SELECT 1"},
			[]string{"indekset »x« er ikke lavet af Partnerskab", "visningen »v« er ikke lavet af Partnerskab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbPath, backup := restoreFixture(t)
			from := alteredBackup(t, backup, tt.stmts...)
			before := fileSum(t, dbPath)
			_, err := Restore(ctx, dbPath, from, nil)
			if err == nil {
				t.Fatalf("Restore of a backup with %s succeeded", tt.name)
			}
			// The message names the file and (the first of) what differs.
			for _, w := range []string{from, tt.want[0]} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Restore error %q does not say %q", err, w)
				}
			}
			if fileSum(t, dbPath) != before {
				t.Errorf("the database was changed by a refused restore")
			}
			// Opening the altered file is refused too …
			if _, err := Open(from); err == nil {
				t.Errorf("Open of the altered file succeeded")
			}
			// … and check names every difference.
			s, err := OpenToCheck(from)
			if err != nil {
				t.Fatalf("OpenToCheck: %v", err)
			}
			problems, err := s.Check(ctx)
			s.Close()
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(problems, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("Check = %q, does not say %q", problems, w)
				}
			}
		})
	}
}

func TestSchemaOfAFreshAndAMigratedFileIsTheReference(t *testing.T) {
	s := MustOpenDB(t)
	diffs, err := s.SchemaDifferences(context.Background())
	if err != nil || len(diffs) != 0 {
		t.Errorf("a fresh database differs from the reference: %q, %v", diffs, err)
	}
}

func TestNormaliseSQL(t *testing.T) {
	a := "CREATE TABLE x (\n  a TEXT -- a comment\n    NOT NULL, /* more */ b INT)"
	b := "CREATE TABLE x (a TEXT NOT NULL,b INT)"
	if normaliseSQL(a) != normaliseSQL(b) {
		t.Errorf("%q and %q differ: %q vs %q", a, b, normaliseSQL(a), normaliseSQL(b))
	}
	if normaliseSQL("CHECK (x = 'a  -- b')") == normaliseSQL("CHECK (x = 'a')") {
		t.Errorf("text inside quotes was treated as a comment")
	}
}
