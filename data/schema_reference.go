package data

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
)

// Building the reference schema applies every migration to a database in
// memory: two thirds of the CPU time of a short command such as exporting
// a signed agreement, spent before the command starts. The reference the
// program's own migrations make is therefore kept, as built, in
// schema_reference.json, together with the digest of the migrations it was
// built from. It is used only while that digest is the digest of the
// migrations compiled in; any other set of migrations (a new one, a test's)
// is built as before. TestSchemaReferenceFile builds the reference afresh
// and fails when the file says anything else; `go test ./data -run
// TestSchemaReferenceFile -update` writes it anew after a migration is added.

//go:embed schema_reference.json
var schemaReferenceFile []byte

// storedReference is the file's form: the migrations' digest, every object
// and every table's columns.
type storedReference struct {
	Migrations string                    `json:"migrations"`
	Objects    []storedObject            `json:"objects"`
	Columns    map[string][]storedColumn `json:"columns"`
}

type storedObject struct {
	Kind  string `json:"kind"`
	Name  string `json:"name"`
	Table string `json:"table"`
	SQL   string `json:"sql"`
}

type storedColumn struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Default string `json:"default"`
	NotNull int    `json:"notnull"`
	PK      int    `json:"pk"`
	Hidden  int    `json:"hidden"`
}

// migrationsDigest names a set of migrations: their file names and SQL.
func migrationsDigest(ms []migration) string {
	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.name + "\x00" + m.sql + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// storedSchema is the file's reference and the digest it holds; an
// unreadable file is an empty digest, which no migrations have.
var storedSchema = sync.OnceValues(func() (schemaSnapshot, string) {
	snap, digest, err := decodeReference(schemaReferenceFile)
	if err != nil {
		return schemaSnapshot{}, ""
	}
	return snap, digest
})

func decodeReference(b []byte) (schemaSnapshot, string, error) {
	var f storedReference
	if err := json.Unmarshal(b, &f); err != nil {
		return schemaSnapshot{}, "", err
	}
	snap := schemaSnapshot{objects: map[string]schemaObject{}, columns: map[string][]column{}}
	for _, o := range f.Objects {
		snap.objects[o.Kind+" "+o.Name] = schemaObject{kind: o.Kind, name: o.Name, table: o.Table, sql: o.SQL}
	}
	for t, cs := range f.Columns {
		cols := make([]column, len(cs))
		for i, c := range cs {
			cols[i] = column{name: c.Name, typ: c.Type, dflt: c.Default, notNull: c.NotNull, pk: c.PK, hidden: c.Hidden}
		}
		snap.columns[t] = cols
	}
	if f.Migrations == "" {
		return snap, "", errors.New("schema_reference.json names no migrations")
	}
	return snap, f.Migrations, nil
}

// encodeReference is the file for snap, built from the migrations of digest.
func encodeReference(snap schemaSnapshot, digest string) ([]byte, error) {
	f := storedReference{Migrations: digest, Columns: map[string][]storedColumn{}}
	for _, o := range snap.objects {
		f.Objects = append(f.Objects, storedObject{Kind: o.kind, Name: o.name, Table: o.table, SQL: o.sql})
	}
	slices.SortFunc(f.Objects, func(a, b storedObject) int {
		return strings.Compare(a.Kind+" "+a.Name, b.Kind+" "+b.Name)
	})
	for t, cs := range snap.columns {
		out := make([]storedColumn, len(cs))
		for i, c := range cs {
			out[i] = storedColumn{Name: c.name, Type: c.typ, Default: c.dflt, NotNull: c.notNull, PK: c.pk, Hidden: c.hidden}
		}
		f.Columns[t] = out
	}
	b, err := json.MarshalIndent(f, "", " ")
	return append(b, '\n'), err
}
