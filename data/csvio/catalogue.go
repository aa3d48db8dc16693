package csvio

import (
	"context"
	"fmt"
	"strings"

	"partnerskab/data"
)

// Kind is one kind of record a file can hold, with its columns in the
// order export writes them.
type Kind struct {
	Name    string // as the command line and the window name it: "partners"
	Title   string // in Danish: "Partnere"
	File    string // the file name export suggests: "partnere.csv"
	Columns []Column
	Notes   []string // what help says about the kind as a whole

	// record turns one line's values into what data imports; every value
	// goes to data as typed, to be checked there.
	record func(v values) data.ImportRecord
	// export emits every record the file should hold, in file order.
	export func(ctx context.Context, s *data.Store, emit func(values)) error
}

// Column is one column of a kind's files.
type Column struct {
	Header   string   // as export writes it and help shows it
	Aliases  []string // other headers import accepts for it
	Field    string   // the form field (data.FieldError.Field) its problems are on
	Required bool     // the column must be in the file (its values may still be checked by data)
	What     string   // what it holds, in Danish, for help
	Example  string
}

// Kinds lists the kinds that import, in the order they are imported into
// an empty database: partners first, since the others refer to them.
func Kinds() []*Kind { return []*Kind{partnersKind, roomsKind, leasesKind, placementsKind} }

// AllKinds are the kinds that import and those that only export.
func AllKinds() []*Kind { return append(Kinds(), actionItemsKind, checklistKind) }

// Importable tells whether files of the kind can be imported.
func (k *Kind) Importable() bool { return k.record != nil }

// KindByName finds a kind by its name (partners, rooms, leases, placements,
// action-items, checklist) or its Danish title.
func KindByName(name string) (*Kind, error) {
	var names []string
	for _, k := range AllKinds() {
		if strings.EqualFold(name, k.Name) || strings.EqualFold(name, k.Title) {
			return k, nil
		}
		names = append(names, k.Name)
	}
	return nil, fmt.Errorf("ukendt slags %q; vælg en af %s", name, strings.Join(names, ", "))
}

func (k *Kind) column(header string) *Column {
	for i := range k.Columns {
		if k.Columns[i].Header == header {
			return &k.Columns[i]
		}
	}
	return nil
}

// values is one line's values by column Header. Asking for a header the
// kind does not have is a programming error and panics (the tests read
// every kind).
type values struct {
	kind *Kind
	m    map[string]string
}

func newValues(k *Kind) values { return values{kind: k, m: map[string]string{}} }

func (v values) get(header string) string {
	if v.kind.column(header) == nil {
		panic("csvio: " + v.kind.Name + " has no column " + header)
	}
	return strings.TrimSpace(v.m[header])
}

func (v values) set(header, value string) {
	if v.kind.column(header) == nil {
		panic("csvio: " + v.kind.Name + " has no column " + header)
	}
	v.m[header] = value
}
