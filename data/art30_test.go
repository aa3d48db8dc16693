package data

import (
	"context"
	"strings"
	"testing"
)

// TestEveryPersonColumnIsDescribed: every column the migrations give a
// person table has a Danish description, and no description names a
// column that is gone; a new column with person data cannot reach the
// record of processing unnamed.
func TestEveryPersonColumnIsDescribed(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	seen := map[string]bool{}
	for _, pt := range personTables {
		cols, err := personTableColumns(ctx, s, pt.Table)
		if err != nil {
			t.Fatal(err)
		}
		if len(cols) == 0 {
			t.Errorf("person table %s is not in the schema", pt.Table)
		}
		for _, c := range cols {
			seen[pt.Table+"."+c] = true
			if fi, ok := fieldInfos[pt.Table+"."+c]; !ok || strings.TrimSpace(fi.Description) == "" {
				t.Errorf("%s.%s has no description for the art. 30 record (data/art30_fields.go)", pt.Table, c)
			}
		}
	}
	for k := range fieldInfos {
		if !seen[k] {
			t.Errorf("data/art30_fields.go describes %s, which the schema does not have", k)
		}
	}
}

// TestProcessingRecordFromTheFile: the record lists the person tables with
// their person fields and the retention settings as they are stored now.
func TestProcessingRecordFromTheFile(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	mustExec(t, s, `INSERT INTO settings (key, value) VALUES ('retention_person_years', '3')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
	r, err := s.ProcessingRecord(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, tb := range r.Tables {
		for _, f := range tb.Fields {
			if f.Person {
				fields[tb.Table+"."+f.Column] = true
			}
		}
	}
	for _, want := range []string{"contacts.name", "contacts.email", "placements.pseudonym", "signatures.image_png", "event_actors.actor"} {
		if !fields[want] {
			t.Errorf("the record has no person field %s", want)
		}
	}
	found := false
	for _, rs := range r.Retention {
		if rs.Key == "retention_person_years" && rs.Value == "3" && rs.Label != rs.Key {
			found = true
		}
	}
	if !found {
		t.Errorf("retention in force not in the record: %+v", r.Retention)
	}
	if len(r.Recipients) == 0 {
		t.Error("the record names no recipients")
	}
}
