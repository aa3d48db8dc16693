package data

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Building the reference schema applies every migration to a database in
// memory: two thirds of the CPU time of a short command such as exporting
// a signed agreement, spent before the command starts. The reference the
// program's own migrations make is therefore kept, as built, in
// schema_reference.txt, together with the digest of the migrations it was
// built from. It is used only while that digest is the digest of the
// migrations compiled in; any other set of migrations (a new one, a test's)
// is built as before. TestSchemaReferenceFile builds the reference afresh
// and fails when the file says anything else; `go test ./data -run
// TestSchemaReferenceFile -update` writes it anew after a migration is added.

//go:embed schema_reference.txt
var schemaReferenceFile []byte

// The file is a line per fact, its fields separated by tabs and each
// quoted as Go quotes a string (a default value may hold any character):
//
//	migrations "<sha-256>"
//	object "<kind>" "<name>" "<table>" "<sql>"
//	column "<table>" "<name>" "<type>" "<default>" "<notnull>" "<pk>" "<hidden>"
//
// It is read at every start, so it is plain to read fast.

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
	snap := schemaSnapshot{objects: map[string]schemaObject{}, columns: map[string][]column{}}
	digest := ""
	for n, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		fail := func(what string) (schemaSnapshot, string, error) {
			return schemaSnapshot{}, "", fmt.Errorf("schema_reference.txt:%d: %s", n+1, what)
		}
		kind, rest, _ := strings.Cut(line, "\t")
		var fs []string
		for _, q := range strings.Split(rest, "\t") {
			f, err := strconv.Unquote(q)
			if err != nil {
				return fail("a field is not quoted")
			}
			fs = append(fs, f)
		}
		switch {
		case kind == "migrations" && len(fs) == 1:
			digest = fs[0]
		case kind == "object" && len(fs) == 4:
			snap.objects[fs[0]+" "+fs[1]] = schemaObject{kind: fs[0], name: fs[1], table: fs[2], sql: fs[3]}
		case kind == "column" && len(fs) == 7:
			c := column{name: fs[1], typ: fs[2], dflt: fs[3]}
			var errs [3]error
			c.notNull, errs[0] = strconv.Atoi(fs[4])
			c.pk, errs[1] = strconv.Atoi(fs[5])
			c.hidden, errs[2] = strconv.Atoi(fs[6])
			if errors.Join(errs[:]...) != nil {
				return fail("a column's number is not a number")
			}
			snap.columns[fs[0]] = append(snap.columns[fs[0]], c)
		default:
			return fail("an unknown line")
		}
	}
	if digest == "" {
		return schemaSnapshot{}, "", errors.New("schema_reference.txt names no migrations")
	}
	return snap, digest, nil
}

// encodeReference is the file for snap, built from the migrations of digest:
// objects by kind and name, tables by name, columns in their order.
func encodeReference(snap schemaSnapshot, digest string) []byte {
	var b strings.Builder
	line := func(kind string, fields ...string) {
		b.WriteString(kind)
		for _, f := range fields {
			b.WriteString("\t" + strconv.Quote(f))
		}
		b.WriteString("\n")
	}
	line("migrations", digest)
	for _, k := range slices.Sorted(maps.Keys(snap.objects)) {
		o := snap.objects[k]
		line("object", o.kind, o.name, o.table, o.sql)
	}
	for _, t := range slices.Sorted(maps.Keys(snap.columns)) {
		for _, c := range snap.columns[t] {
			line("column", t, c.name, c.typ, c.dflt, strconv.Itoa(c.notNull), strconv.Itoa(c.pk), strconv.Itoa(c.hidden))
		}
	}
	return []byte(b.String())
}
