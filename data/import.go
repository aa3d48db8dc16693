package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"partnerskab/data/dk"
)

// An import (a CSV file the caseworker keeps in a spreadsheet) is many forms
// saved at once: each row goes through the same Parse and the same
// transaction-level save as the form in the window, so a rule lives in one
// place. What an import adds is the line numbers, references by name
// ("Bevar", "Kvarterhuset/Systue") instead of picked ids, and all or
// nothing: every row is checked, and one bad row keeps them all out.

// ImportRow is one record of an import file: the line it starts on (the
// header is line 1), the file's column header for each form field (to name
// the column in a problem), the record, and the problems the reader found
// with the line itself (a value with no column header above it); they keep
// the import out like any other problem.
type ImportRow struct {
	Line     int
	Columns  map[string]string // FieldError.Field → the column header as the file spells it
	Record   ImportRecord
	Problems []RowError
}

// ImportRecord is one of the record kinds an import can hold:
// PartnerImport, RoomImport, LeaseImport or PlacementImport.
type ImportRecord interface {
	importInto(ctx context.Context, tx dbtx, im *importer) error
}

// RowError is one problem of an import file, on a line and in a column.
type RowError struct {
	Line   int
	Column string // the column header; "" for a problem with the line as a whole
	Text   string
}

func (e RowError) Error() string {
	if e.Column == "" {
		return "linje " + strconv.Itoa(e.Line) + ": " + e.Text
	}
	return "linje " + strconv.Itoa(e.Line) + ", kolonne " + e.Column + ": " + e.Text
}

// ImportError lists the problems of a refused import; nothing was written.
// A file with many bad rows lists the first MaxImportProblems (in line
// order) and counts the rest in More.
type ImportError struct {
	Problems []RowError
	More     int // problems beyond those listed
}

// MaxImportProblems is how many problems a refused import lists: enough
// to see what is wrong with a file, not a million lines for a wrong one.
const MaxImportProblems = 100

// Total is the number of problems, listed or not.
func (e *ImportError) Total() int { return len(e.Problems) + e.More }

func (e *ImportError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	if e.More > 0 {
		lines = append(lines, fmt.Sprintf("… og %d fejl mere", e.More))
	}
	return strings.Join(lines, "\n")
}

// AsImportError unwraps an ImportError.
func AsImportError(err error) (*ImportError, bool) {
	var ie *ImportError
	ok := errors.As(err, &ie)
	return ie, ok
}

// Import saves every row in one transaction, or nothing: when any row is
// bad, it returns an *ImportError listing the problems (in line order), and
// the database is as it was. what names the import in the audit log
// ("partnere fra partnere.csv").
func (s *Store) Import(ctx context.Context, what string, rows []ImportRow) (int, error) {
	return s.ImportFrom(ctx, what, slices.Values(rows), nil)
}

// ImportFrom is Import for rows read one at a time (a large file is never
// held whole): each row is checked and saved as it comes, in the one
// transaction. readErr, when not nil, is asked after the last row for an
// error that ended the reading.
func (s *Store) ImportFrom(ctx context.Context, what string, rows iter.Seq[ImportRow], readErr func() error) (int, error) {
	im := &importer{s: s}
	n := 0
	err := s.importTx(ctx, func(sqlTx *sql.Tx) error {
		// Every statement of the import goes through the one cache: it
		// prepares each once and keeps what the rows look up (store_stmts.go).
		tx := im.stmts(sqlTx)
		// Whichever way this ends, the placement writer is done with the
		// transaction before it is committed or rolled back.
		defer im.stopWriter(false)
		var later []ImportRow
		for r := range rows {
			n++
			if l, ok := r.Record.(laterRecord); ok && l.later() {
				later = append(later, r)
				continue
			}
			if err := im.row(ctx, tx, r); err != nil {
				return err
			}
		}
		if readErr != nil {
			if err := readErr(); err != nil {
				return err
			}
		}
		for _, r := range later {
			if err := im.row(ctx, tx, r); err != nil {
				return err
			}
		}
		if len(im.problems) == 0 {
			// The placements checked and kept since the last batch.
			if err := im.flushPlacements(ctx, tx); err != nil {
				return err
			}
		}
		if err := im.stopWriter(len(im.problems) == 0); err != nil {
			return err
		}
		if len(im.problems) > 0 {
			slices.SortStableFunc(im.problems, func(a, b RowError) int { return a.Line - b.Line })
			return &ImportError{Problems: im.problems, More: im.more}
		}
		if n == 0 {
			return nil
		}
		return logEvent(ctx, tx, s.nowText(), "importeret", "import", 0,
			fmt.Sprintf("%d rækker: %s", n, what))
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// importTx is tx on a connection whose statement journals stay in
// memory. A statement journal holds the pages a statement changes until it
// ends; once one statement of a transaction needs more than SQLite keeps in
// memory, the journal becomes a temporary file for the rest of it, and an
// import of 10.000 placements spent a seventh of its time writing copies
// of person data to that file. It also holds the view through which the
// import appends its events many at a time (store_audit_many.go). The
// connection goes back to the pool as it was.
func (s *Store) importTx(ctx context.Context, fn func(*sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("kan ikke skrive i databasen %s: %w", s.path, sqliteError(err))
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return fmt.Errorf("kan ikke skrive i databasen %s: %w", s.path, sqliteError(err))
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA temp_store = DEFAULT")
	if _, err := conn.ExecContext(ctx, manyEventsObjects+importDaysTable); err != nil {
		return fmt.Errorf("kan ikke skrive i databasen %s: %w", s.path, sqliteError(err))
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), dropManyEventsObjects+dropImportDaysTable)
	return s.txOn(ctx, conn.BeginTx, fn)
}

// laterRecord is a record that refers to another of the same file (a
// municipal unit to its municipality): it is saved after the others, so the
// file's order of rows does not matter.
type laterRecord interface{ later() bool }

// importer is one import's state: the problems found so far and the names
// it has looked up (loaded once, kept up to date as rows are saved).
type importer struct {
	s        *Store
	problems []RowError     // the first MaxImportProblems, and the current row's
	more     int            // problems counted beyond those kept
	cur      ImportRow      // the row being imported
	rowStart int            // len(problems) when the row began
	orgLines map[string]int // folded name → the line that imported it

	orgs      *orgIndex
	premises  nameIndex
	rooms     *roomIndex
	positions map[int64]map[string]int64 // enterprise → folded title → position
	titleKeys map[string]string          // a title as written → folded
	schemes   []Scheme
	groups    []TargetGroup
	// schemeByName and groupByName: the lists searched by name, per name.
	schemeByName map[string]found[Scheme]
	groupByName  map[string]found[TargetGroup]
	cache        *stmtCache // see store_stmts.go

	staged []stagedPlacement // checked placements not yet written (import_bulk.go)
	writer *placementWriter  // writes them, from the first batch on
}

// row imports one row. A bad row writes nothing of its own: every save
// checks before it writes, and the records a row creates on the way (new
// premises, a new position) are only seen by the rows after it, which is
// what they would see once the bad row is fixed. The whole import is rolled
// back when any row is bad.
func (im *importer) row(ctx context.Context, tx dbtx, r ImportRow) error {
	im.cur, im.rowStart = r, len(im.problems)
	im.problems = append(im.problems, r.Problems...)
	defer im.keepFirst()
	defer im.cache.release() // a row's turn with the transaction ends with it (import_bulk.go)
	err := r.Record.importInto(ctx, tx, im)
	if v, ok := AsValidation(err); ok {
		for _, p := range v.Problems {
			im.fieldProblem(p)
		}
		return nil
	}
	if _, refused := AsImportError(err); refused {
		return err // a row the schema refused while a batch was written names its own line
	}
	if err != nil {
		return fmt.Errorf("linje %d: %w", r.Line, err)
	}
	return nil
}

// keepFirst keeps the first MaxImportProblems problems and counts the rest.
func (im *importer) keepFirst() {
	if extra := len(im.problems) - MaxImportProblems; extra > 0 {
		im.more += extra
		im.problems = im.problems[:MaxImportProblems]
	}
}

// rowFailed tells whether the current row has a problem.
func (im *importer) rowFailed() bool { return len(im.problems) > im.rowStart }

// problem records a problem with field of the current row; the column is
// the file's header for that field, or the field's Danish label when the
// file has no column for it.
func (im *importer) problem(field, label, text string) {
	col := im.cur.Columns[field]
	if col == "" {
		col = label
	}
	e := RowError{Line: im.cur.Line, Column: col, Text: text}
	// The reader refuses a CPR number in any cell, and the row's Parse
	// refuses it again in its field: the caseworker reads it once.
	if slices.Contains(im.problems[im.rowStart:], e) {
		return
	}
	im.problems = append(im.problems, e)
}

func (im *importer) fieldProblem(p FieldError) { im.problem(p.Field, p.Label, p.Text) }

// failed tells whether the current row has a problem with field already (a
// reference that could not be resolved), so Parse's "vælg …" for the same
// field is not reported twice.
func (im *importer) failed(field string) bool {
	col := im.cur.Columns[field]
	if col == "" {
		return false
	}
	for _, p := range im.problems[im.rowStart:] {
		if p.Column == col {
			return true
		}
	}
	return false
}

// parseProblems adds the problems of a Parse, leaving out those on fields
// already reported and on the fields in skip (a reference that could not be
// resolved because of a problem reported on other columns).
func (im *importer) parseProblems(err error, skip ...string) (bool, error) {
	if err == nil {
		return true, nil
	}
	v, ok := AsValidation(err)
	if !ok {
		return false, err
	}
	for _, p := range v.Problems {
		if !im.failed(p.Field) && !slices.Contains(skip, p.Field) {
			im.fieldProblem(p)
		}
	}
	return false, nil
}

// PartnerImport is one organisation of an import: its form, and the
// municipality a municipal unit belongs to, by name or CVR.
type PartnerImport struct {
	Form   OrganisationForm
	Parent string
}

func (r PartnerImport) later() bool { return strings.TrimSpace(r.Parent) != "" }

func (r PartnerImport) importInto(ctx context.Context, tx dbtx, im *importer) error {
	f := r.Form
	if strings.TrimSpace(r.Parent) != "" {
		id, ok, err := im.organisation(ctx, tx, "ParentID", "Hører under", r.Parent, "ukendt kommune")
		if err != nil {
			return err
		}
		f.ParentID = id
		if !ok {
			f.ParentID = 0
		}
	}
	o, err := f.Parse()
	if ok, err := im.parseProblems(err); !ok || im.rowFailed() {
		return err
	}
	if err := im.uniqueName(ctx, tx, o.Name); err != nil || im.rowFailed() {
		return err
	}
	o, err = organisationKind.write(ctx, im.s, tx, o)
	if err != nil {
		return err
	}
	im.orgs.add(o)
	im.orgLines[dk.Fold(o.Name)] = im.cur.Line
	return nil
}

// uniqueName refuses an organisation whose name another has already (in
// the file, naming both lines, or in the database): later imports that
// name it could not tell the two apart.
func (im *importer) uniqueName(ctx context.Context, tx dbtx, name string) error {
	if im.orgs == nil {
		x, err := loadOrgIndex(ctx, tx)
		if err != nil {
			return err
		}
		im.orgs = x
	}
	if im.orgLines == nil {
		im.orgLines = map[string]int{}
	}
	key := dk.Fold(name)
	if line, ok := im.orgLines[key]; ok {
		im.problem("Name", "Navn", fmt.Sprintf("%s står også i linje %d; to organisationer med samme navn gør senere importer tvetydige", name, line))
	} else if len(im.orgs.byName[key]) > 0 {
		im.problem("Name", "Navn", fmt.Sprintf("der er allerede en organisation, der hedder %s; ret den under Partnere, eller giv den nye et andet navn",
			im.orgs.byName[key][0].name))
	}
	return nil
}
