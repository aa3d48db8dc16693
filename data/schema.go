package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The schema a file must have is the one the migrations make: the
// reference is built by applying the embedded migrations to a database in
// memory, so every future migration is covered without a list to keep.
// Every table, column, index, trigger and view is compared by name and by
// its SQL with comments and spacing normalised; a trigger added, dropped or
// changed outside the program is a difference, and a file with one is
// refused (Open, Check, Restore).

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	kind, name, table, sql string
}

// column is one column as PRAGMA table_xinfo describes it.
type column struct {
	name, typ, dflt string
	notNull, pk     int
	hidden          int
}

type schemaSnapshot struct {
	objects map[string]schemaObject // by kind and name: "trigger events_no_update"
	columns map[string][]column     // by table
}

// referenceSchema is the schema the migrations make, built once per set
// of migrations (tests add one).
func referenceSchema() (schemaSnapshot, error) {
	referenceCache.Lock()
	defer referenceCache.Unlock()
	key := migrationsDigest(migrations)
	if snap, ok := referenceCache.m[key]; ok {
		return snap, nil
	}
	if snap, digest := storedSchema(); digest == key { // schema_reference.go
		referenceCache.m[key] = snap
		return snap, nil
	}
	snap, err := buildReference()
	if err == nil {
		referenceCache.m[key] = snap
	}
	return snap, err
}

var referenceCache = struct {
	sync.Mutex
	m map[string]schemaSnapshot
}{m: map[string]schemaSnapshot{}}

func buildReference() (schemaSnapshot, error) {
	db, err := sql.Open("sqlite", "file:partnerskab-reference?mode=memory")
	if err != nil {
		return schemaSnapshot{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one database in memory
	ctx := context.Background()
	for _, m := range migrations {
		if _, err := db.ExecContext(ctx, m.sql); err != nil {
			return schemaSnapshot{}, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return readSchema(ctx, db, nil)
}

// readSchema reads the objects and, for the tables named in tables (all
// when nil), their columns.
func readSchema(ctx context.Context, q queryer, tables map[string]bool) (schemaSnapshot, error) {
	snap := schemaSnapshot{objects: map[string]schemaObject{}, columns: map[string][]column{}}
	objs, err := queryAll(ctx, q, func(r scanner) (schemaObject, error) {
		var o schemaObject
		var text sql.NullString
		err := r.Scan(&o.kind, &o.name, &o.table, &text)
		o.sql = normaliseSQL(text.String)
		return o, err
	}, `SELECT type, name, tbl_name, sql FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_autoindex\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_stat%' ESCAPE '\'`)
	if err != nil {
		return snap, err
	}
	for _, o := range objs {
		snap.objects[o.kind+" "+o.name] = o
		if o.kind != "table" || (tables != nil && !tables[o.name]) {
			continue
		}
		cols, err := tableColumns(ctx, q, o.name)
		if err != nil {
			return snap, err
		}
		snap.columns[o.name] = cols
	}
	return snap, nil
}

func tableColumns(ctx context.Context, q queryer, table string) ([]column, error) {
	return queryAll(ctx, q, func(r scanner) (column, error) {
		var c column
		var cid int
		var dflt sql.NullString
		err := r.Scan(&cid, &c.name, &c.typ, &c.notNull, &dflt, &c.pk, &c.hidden)
		c.dflt = dflt.String
		return c, err
	}, `SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)`, table)
}

// SchemaDifferences compares the file's schema with the migrations' and
// names each difference in Danish; none means the schema is as made.
func (s *Store) SchemaDifferences(ctx context.Context) ([]string, error) {
	ref, err := referenceSchema()
	if err != nil {
		return nil, err
	}
	have, err := readSchema(ctx, s.db, map[string]bool{})
	if err != nil {
		return nil, err
	}
	return compareSchemas(ctx, s.db, ref, have)
}

func compareSchemas(ctx context.Context, q queryer, ref, have schemaSnapshot) ([]string, error) {
	var out []string
	keys := make([]string, 0, len(ref.objects)+len(have.objects))
	for k := range ref.objects {
		keys = append(keys, k)
	}
	for k := range have.objects {
		if _, ok := ref.objects[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		if d := kindOrder(a) - kindOrder(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		want, inRef := ref.objects[k]
		got, inFile := have.objects[k]
		switch {
		case !inFile:
			out = append(out, fmt.Sprintf("%s »%s« mangler", kindName(want.kind), want.name))
		case !inRef:
			what := fmt.Sprintf("%s »%s« er ikke lavet af Partnerskab", kindName(got.kind), got.name)
			if got.kind != "table" {
				what += " (på tabellen »" + got.table + "«)"
			}
			out = append(out, what)
		case want.sql != got.sql || want.table != got.table:
			if got.kind == "table" {
				cols, err := tableColumns(ctx, q, got.name)
				if err != nil {
					return nil, err
				}
				out = append(out, columnDifferences(got.name, ref.columns[got.name], cols)...)
				continue
			}
			out = append(out, fmt.Sprintf("%s »%s« er ændret", kindName(got.kind), got.name))
		}
	}
	return out, nil
}

func kindOrder(key string) int {
	switch {
	case strings.HasPrefix(key, "table "):
		return 0
	case strings.HasPrefix(key, "index "):
		return 1
	case strings.HasPrefix(key, "trigger "):
		return 2
	}
	return 3
}

func kindName(kind string) string {
	switch kind {
	case "table":
		return "tabellen"
	case "index":
		return "indekset"
	case "trigger":
		return "triggeren"
	case "view":
		return "visningen"
	}
	return kind
}

// columnDifferences names what differs in a table whose SQL is not the
// migrations': the columns, or else the table's rules.
func columnDifferences(table string, want, got []column) []string {
	var out []string
	byName := func(cs []column) map[string]column {
		m := map[string]column{}
		for _, c := range cs {
			m[strings.ToLower(c.name)] = c
		}
		return m
	}
	w, g := byName(want), byName(got)
	for _, c := range want {
		h, ok := g[strings.ToLower(c.name)]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("tabellen »%s«: kolonnen »%s« mangler", table, c.name))
		case h.typ != c.typ || h.notNull != c.notNull || h.dflt != c.dflt || h.pk != c.pk || h.hidden != c.hidden:
			out = append(out, fmt.Sprintf("tabellen »%s«: kolonnen »%s« er ændret", table, c.name))
		}
	}
	for _, c := range got {
		if _, ok := w[strings.ToLower(c.name)]; !ok {
			out = append(out, fmt.Sprintf("tabellen »%s«: kolonnen »%s« er ikke lavet af Partnerskab", table, c.name))
		}
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("tabellen »%s«: definitionen er ændret (en regel som CHECK, UNIQUE eller en fremmednøgle)", table))
	}
	return out
}

// normaliseSQL drops comments and folds spacing outside quotes, so that
// the same statement compares equal however it was laid out.
func normaliseSQL(s string) string {
	var b strings.Builder
	space := false
	emit := func(c byte) {
		if space && b.Len() > 0 && !strings.ContainsRune("(),;", rune(c)) {
			last := b.String()[b.Len()-1]
			if !strings.ContainsRune("(,", rune(last)) {
				b.WriteByte(' ')
			}
		}
		space = false
		b.WriteByte(c)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			space = true
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s)
			} else {
				i += end + 3
			}
			space = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			space = true
		case c == '\'' || c == '"' || c == '`' || c == '[':
			closeWith := c
			if c == '[' {
				closeWith = ']'
			}
			emit(c)
			for i++; i < len(s); i++ {
				b.WriteByte(s[i])
				if s[i] == closeWith {
					if closeWith != ']' && i+1 < len(s) && s[i+1] == closeWith {
						i++
						b.WriteByte(s[i]) // a doubled quote inside
						continue
					}
					break
				}
			}
		default:
			emit(c)
		}
	}
	return b.String()
}

// SchemaError refuses a file whose schema is not the migrations'.
type SchemaError struct {
	Path        string
	Differences []string
}

func (e *SchemaError) Error() string {
	const most = 8
	list := e.Differences
	more := ""
	if len(list) > most {
		more = fmt.Sprintf("; og %d forskelle mere (se 'partnerskab check')", len(list)-most)
		list = list[:most]
	}
	return fmt.Sprintf("%s: databasens skema er ikke det, Partnerskab laver, og filen bruges ikke: %s%s",
		e.Path, strings.Join(list, "; "), more)
}
