package data

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var updateSchemaReference = flag.Bool("update-schema", false, "write schema_reference.txt from the migrations")

// The kept reference is exactly what the migrations make when applied
// afresh, and it is kept for exactly these migrations.
func TestSchemaReferenceFile(t *testing.T) {
	built, err := buildReference()
	if err != nil {
		t.Fatal(err)
	}
	digest := migrationsDigest(migrations)
	if *updateSchemaReference {
		b := encodeReference(built, digest)
		if err := os.WriteFile("schema_reference.txt", b, 0o644); err != nil {
			t.Fatal(err)
		}
		schemaReferenceFile = b
	}
	const redo = "; after adding a migration run: go test -tags ci,migrated_fynedo ./data -run TestSchemaReferenceFile -update-schema"
	stored, storedDigest, err := decodeReference(schemaReferenceFile)
	if err != nil {
		t.Fatalf("schema_reference.txt: %v%s", err, redo)
	}
	if storedDigest != digest {
		t.Fatalf("schema_reference.txt was built from other migrations (%.12s…, these are %.12s…)%s", storedDigest, digest, redo)
	}
	if !reflect.DeepEqual(stored, built) {
		for k, o := range built.objects {
			if stored.objects[k] != o {
				t.Errorf("%s: kept %+v, the migrations make %+v", k, stored.objects[k], o)
			}
		}
		t.Fatalf("schema_reference.txt is not what the migrations make%s", redo)
	}
	if again := encodeReference(built, digest); !bytes.Equal(again, schemaReferenceFile) {
		t.Errorf("schema_reference.txt is not written as encodeReference writes it%s", redo)
	}
}

// Other migrations than the kept reference's (a new one, a test's) get a
// reference built from them: the kept one is never used for them.
func TestSchemaReferenceOnlyForItsMigrations(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...),
		migration{version: len(saved) + 1, name: "999_extra.sql", sql: "CREATE TABLE reference_probe (id INTEGER PRIMARY KEY);"})
	ref, err := referenceSchema()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ref.objects["table reference_probe"]; !ok {
		t.Fatal("the reference for a set with one more migration lacks that migration's table")
	}
	migrations = saved
	ref, err = referenceSchema()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ref.objects["table reference_probe"]; ok {
		t.Fatal("the program's own reference has a test migration's table")
	}
	if kept, digest := storedSchema(); digest != migrationsDigest(saved) || !reflect.DeepEqual(kept, ref) {
		t.Error("the program's own migrations do not use the kept reference")
	}
}
