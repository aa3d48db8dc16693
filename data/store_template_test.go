package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestCopiedSchemaIsTheMigratedOne: a new file that got the copied schema
// (CopySchemaForNewFiles, on in every package's tests) is the database the
// migrations make: the same schema, version, mark, seeded rows and mode.
func TestCopiedSchemaIsTheMigratedOne(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	copied := filepath.Join(dir, "kopieret.db")
	s, err := Open(copied)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	migrated := filepath.Join(dir, "migreret.db")
	if err := os.WriteFile(migrated, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	m, err := openHeldFile(migrated, openHeld, true, false)
	if err != nil {
		t.Fatal(err)
	}
	m.Close()

	dump := func(path string) (schemaSnapshot, map[string]string) {
		t.Helper()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		snap, err := readSchema(ctx, db, nil)
		if err != nil {
			t.Fatal(err)
		}
		facts := map[string]string{}
		for _, q := range []string{"PRAGMA user_version", "PRAGMA application_id", "PRAGMA journal_mode"} {
			var v string
			if err := db.QueryRow(q).Scan(&v); err != nil {
				t.Fatal(err)
			}
			facts[q] = v
		}
		for table := range snap.columns {
			var n int
			if err := db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM "%s"`, table)).Scan(&n); err != nil {
				t.Fatal(err)
			}
			facts[table] = fmt.Sprint(n)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		facts["mode"] = st.Mode().Perm().String()
		return snap, facts
	}
	wantSnap, wantFacts := dump(migrated)
	gotSnap, gotFacts := dump(copied)
	if !reflect.DeepEqual(gotSnap, wantSnap) {
		t.Error("the copied schema differs from the migrated one")
	}
	if !reflect.DeepEqual(gotFacts, wantFacts) {
		t.Errorf("copied %v\nmigrated %v", gotFacts, wantFacts)
	}
	if wantFacts["PRAGMA user_version"] != fmt.Sprint(SchemaVersion()) || wantFacts["schemes"] == "0" {
		t.Errorf("the migrated database is not at schema %d with its seeded schemes: %v", SchemaVersion(), wantFacts)
	}
}
