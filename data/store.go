package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"

	"partnerskab/data/dk"
)

// ApplicationID marks a SQLite file as a Partnerskab database ("PSKB").
const ApplicationID = 0x50534B42

// CollationName is the Danish collation registered on every connection, for
// queries that sort names without a stored sort key.
const CollationName = "DANSK"

// FoldFunction is the SQL function that folds a text the way search does
// (dk.Fold), for names that have no stored search text (a position's title)
// and for rows that may not be rewritten (a signed agreement).
const FoldFunction = "dkfold"

func init() {
	if err := sqlite.RegisterCollationUtf8(CollationName, dk.Compare); err != nil {
		panic(err)
	}
	if err := sqlite.RegisterDeterministicScalarFunction(FoldFunction, 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, _ := args[0].(string)
		return dk.Fold(s), nil
	}); err != nil {
		panic(err)
	}
}

// Store is an open Partnerskab database.
type Store struct {
	db       *sql.DB
	path     string
	hold     *hold // the lock file, shared (nil for a staging copy the caller holds)
	readOnly bool
	// anchors are the placements list's running sums for jumps (nil: read
	// for each jump).
	anchors *placementAnchors
	// listStmts keeps the list queries prepared (nil: prepared each call).
	listStmts *preparedCache
	// Now is the clock; tests and the demo replace it.
	Now func() time.Time
}

// DefaultPath is where the database lives unless --db says otherwise.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("kan ikke finde brugerens konfigurationsmappe: %w", err)
	}
	return filepath.Join(dir, "Partnerskab", "partnerskab.db"), nil
}

// How a store is opened.
type openMode int

const (
	openWrite openMode = iota // create if missing, migrate; the file held shared
	openRead                  // read-only: must exist and be up to date; nothing is written
	openHeld                  // the caller holds the file alone (or it is a private copy)
	openCheck                 // like openRead, but a schema that differs is left for Check to name
)

// Open opens (creating if needed) the database at path and brings its schema
// up to date. A file that is not SQLite, belongs to another program or comes
// from a newer Partnerskab is refused before anything is written to it; so
// is one whose schema differs from what the migrations make (SchemaCheck).
// A new file is readable only by its user (0600), and so are SQLite's files
// beside it.
func Open(path string) (*Store, error) { return open(path, openWrite) }

// OpenReadOnly opens an existing, up-to-date database for reading only:
// the reading commands (report, export, check) use it, so a file in a
// folder the user cannot write is still read, and nothing beside it changes.
func OpenReadOnly(path string) (*Store, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return open(path, openRead)
}

// OpenToCheck opens an existing database read-only for `check`: like
// OpenReadOnly, but a schema that differs from the migrations' is not
// refused here, so that Check can name every difference with the rest.
func OpenToCheck(path string) (*Store, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return open(path, openCheck)
}

func open(path string, mode openMode) (*Store, error) {
	if mode == openWrite || mode == openHeld {
		// The place first: a folder that cannot be made is the reason,
		// not the file that cannot be read in it.
		if err := checkPlace(path); err != nil {
			return nil, err
		}
	}
	if err := precheck(path); err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	var h *hold
	alone := mode == openHeld
	switch mode {
	case openWrite:
		var err error
		if h, alone, err = tryExclusive(path); err != nil {
			return nil, err
		}
		if !alone {
			if h, err = holdShared(path); err != nil {
				return nil, err
			}
		}
	case openRead, openCheck:
		var err error
		if h, err = holdShared(path); err != nil {
			return nil, err
		}
	}
	s, err := openHeldFile(path, mode, alone, statErr != nil)
	if err != nil {
		h.release()
		return nil, err
	}
	s.hold = h
	if err := h.share(); err != nil {
		s.Close()
		return nil, fileError(path, "låsefilen kan ikke deles", err)
	}
	return s, nil
}

// dsnPragmas are set on every connection of the pool.
const dsnPragmas = "_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=secure_delete(1)&_pragma=cache_size(-2048)&_txlock=immediate"

// openHeldFile opens the file once the hold is settled: alone says whether
// a migration may run; missing that the file is new (made 0600 first).
func openHeldFile(path string, mode openMode, alone, missing bool) (*Store, error) {
	readOnly := mode == openRead || mode == openCheck
	if missing && !readOnly {
		if !alone {
			return nil, &InUseError{Path: path, What: "kan ikke oprettes"}
		}
		schema, err := migratedSchema()
		if err != nil {
			return nil, fileError(path, "kan ikke oprettes", err)
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fileError(path, "kan ikke oprettes", unwrapPathError(err))
		}
		if _, err := f.Write(schema); err != nil {
			f.Close()
			os.Remove(path)
			return nil, fileError(path, "kan ikke oprettes", unwrapPathError(err))
		}
		f.Close()
	} else if !readOnly {
		tightenModes(path)
	}
	dsn := path + "?" + dsnPragmas
	if readOnly {
		dsn = readOnlyDSN(path)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fileError(path, "kan ikke åbnes", err)
	}
	// Pages that read in parallel (store_parallel.go: the overview's dozen
	// reads) keep their connections between visits: a new connection parses
	// the whole schema, every guard and trigger, before its first query,
	// which cost more than the reads themselves.
	db.SetMaxIdleConns(idleConns)
	s := &Store{db: db, path: path, readOnly: readOnly, anchors: &placementAnchors{},
		listStmts: &preparedCache{}, Now: func() time.Time { return time.Now().UTC() }}
	if err := s.init(alone, mode != openCheck); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// readOnlyDSN opens the file for reading only. Where the folder can be
// written, the connection refuses every change (query_only) but tidies
// SQLite's files beside the database when it closes, as any connection
// does; in a folder it cannot write, the file is opened read-only, and a
// WAL database without a WAL file beside it is read as it stands
// (immutable: nobody can write there either).
func readOnlyDSN(path string) string {
	if dirWritable(filepath.Dir(path)) && fileWritable(path) {
		return path + "?" + dsnPragmas + "&_pragma=query_only(1)"
	}
	return readOnlyFileDSN(path)
}

func readOnlyFileDSN(path string) string {
	u := "file:" + uriPath(path) + "?mode=ro&" + dsnPragmas
	if _, err := os.Stat(path + "-wal"); err != nil && !dirWritable(filepath.Dir(path)) {
		u += "&immutable=1"
	}
	return u
}

// fileWritable tells whether the file can be opened for writing.
func fileWritable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// uriPath escapes a file path for a SQLite URI.
func uriPath(path string) string {
	p := filepath.ToSlash(path)
	if filepath.VolumeName(path) != "" {
		p = "/" + p // file:/C:/…
	}
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23", " ", "%20")
	return r.Replace(p)
}

// dirWritable tells whether a file can be made in dir.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".partnerskab-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

func (s *Store) init(alone, refuseSchema bool) error {
	ctx := context.Background()
	var appID, version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fileError(s.path, "kan ikke læses som SQLite-database", sqliteError(err))
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fileError(s.path, "kan ikke læses som SQLite-database", sqliteError(err))
	}
	if appID == 0 {
		// A file without our mark is ours only if it is empty.
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return fileError(s.path, "kan ikke læses som SQLite-database", sqliteError(err))
		}
		if n > 0 {
			return fileError(s.path, "er en SQLite-database fra et andet program, ikke Partnerskab", nil)
		}
	} else if appID != ApplicationID {
		return fileError(s.path, "er en SQLite-database fra et andet program, ikke Partnerskab", nil)
	}
	if version > SchemaVersion() {
		return &NewerSchemaError{Path: s.path, Version: version}
	}
	if version < SchemaVersion() {
		switch {
		case s.readOnly && version == 0:
			return fileError(s.path, "er tom, ikke en Partnerskab-database", nil)
		case s.readOnly:
			return fileError(s.path, fmt.Sprintf("har skema %d og skal opdateres til skema %d; åbn den først i programmet (det kræver skriveadgang)",
				version, SchemaVersion()), nil)
		case !alone:
			what := fmt.Sprintf("kan ikke opdateres fra skema %d til %d", version, SchemaVersion())
			if version == 0 {
				what = "kan ikke oprettes"
			}
			return &InUseError{Path: s.path, What: what}
		}
	}
	if !s.readOnly {
		// WAL lets a backup or a second window read while the form writes.
		if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
			return fileError(s.path, "kan ikke skrives", sqliteError(err))
		}
		if err := s.migrate(ctx, version); err != nil {
			return err
		}
	}
	if diffs, err := s.SchemaDifferences(ctx); err != nil {
		return fileError(s.path, "skemaet kan ikke læses", err)
	} else if len(diffs) > 0 && refuseSchema {
		return &SchemaError{Path: s.path, Differences: diffs}
	}
	if !s.readOnly {
		if err := s.ensureSortKeys(ctx); err != nil {
			return fileError(s.path, "sorteringsnøglerne kan ikke opdateres", sqliteError(err))
		}
		if err := s.ensureSearchText(ctx); err != nil {
			return fileError(s.path, "søgeteksterne kan ikke opdateres", sqliteError(err))
		}
	}
	return nil
}

// Close closes the database and lets its lock file go.
func (s *Store) Close() error {
	s.listStmts.close()
	err := s.db.Close()
	s.hold.release()
	s.hold = nil
	return err
}

// ReadOnly tells whether the store was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB exposes the connection pool to tests and maintenance code.
func (s *Store) DB() *sql.DB { return s.db }

// now is the store's clock as stored text.
func (s *Store) nowText() string { return s.Now().UTC().Format(time.RFC3339) }

// tx runs fn in one write transaction (BEGIN IMMEDIATE) and commits only if fn
// succeeds, so a refused save leaves the file as it was.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.txOn(ctx, s.db.BeginTx, fn)
}

// txOn is tx with the transaction begun by begin (on a connection of the
// caller's choosing).
func (s *Store) txOn(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(*sql.Tx) error) error {
	tx, err := begin(ctx, nil)
	if err != nil {
		return fmt.Errorf("kan ikke skrive i databasen %s: %w", s.path, sqliteError(err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("kan ikke gemme i databasen %s: %w", s.path, sqliteError(err))
	}
	return nil
}

// NewerSchemaError refuses a database written by a newer Partnerskab.
type NewerSchemaError struct {
	Path    string
	Version int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%s: databasen er fra en nyere version af Partnerskab (skema %d; dette program kender op til %d). Opdatér programmet; filen er ikke ændret.",
		e.Path, e.Version, SchemaVersion())
}

// FileError is a database file that cannot be used, with the reason in Danish.
type FileError struct {
	Path   string
	Reason string
	Err    error
}

func (e *FileError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s (%v)", e.Path, e.Reason, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}

func (e *FileError) Unwrap() error { return e.Err }

func fileError(path, reason string, err error) error {
	return &FileError{Path: path, Reason: reason, Err: danishError(err)}
}

// IsNewerSchema tells whether err refuses a database from a newer version.
func IsNewerSchema(err error) bool {
	var n *NewerSchemaError
	return errors.As(err, &n)
}

// OpenExisting opens a database that must already exist: the maintenance
// commands never create an empty file by accident.
func OpenExisting(path string) (*Store, error) {
	if err := mustExist(path); err != nil {
		return nil, err
	}
	return Open(path)
}

// mustExist refuses a path that is not an existing, non-empty regular file.
func mustExist(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileError(path, "findes ikke", nil)
	case err != nil:
		return fileError(path, "kan ikke læses", unwrapPathError(err))
	case st.IsDir():
		return fileError(path, "er en mappe, ikke en databasefil", nil)
	case !st.Mode().IsRegular():
		return fileError(path, "er ikke en almindelig fil; en database skal være en fil", nil)
	case st.Size() == 0:
		return fileError(path, "er tom (0 byte), ikke en Partnerskab-database", nil)
	}
	return nil
}
