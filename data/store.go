package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	db   *sql.DB
	path string
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

// Open opens (creating if needed) the database at path and brings its schema
// up to date. A file that is not SQLite, belongs to another program or comes
// from a newer Partnerskab is refused before anything is written to it.
func Open(path string) (*Store, error) {
	if err := checkPlace(path); err != nil {
		return nil, err
	}
	if err := precheck(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=secure_delete(1)&_txlock=immediate")
	if err != nil {
		return nil, fileError(path, "kan ikke åbnes", err)
	}
	s := &Store{db: db, path: path, Now: func() time.Time { return time.Now().UTC() }}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) init() error {
	ctx := context.Background()
	var appID, version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fileError(s.path, "kan ikke læses som SQLite-database", err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fileError(s.path, "kan ikke læses som SQLite-database", err)
	}
	if appID == 0 {
		// A file without our mark is ours only if it is empty.
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return fileError(s.path, "kan ikke læses som SQLite-database", err)
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
	// WAL lets a backup or a second window read while the form writes.
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		return fileError(s.path, "kan ikke skrives", err)
	}
	if err := s.migrate(ctx, version); err != nil {
		return err
	}
	if err := s.ensureSortKeys(ctx); err != nil {
		return fileError(s.path, "sorteringsnøglerne kan ikke opdateres", err)
	}
	if err := s.ensureSearchText(ctx); err != nil {
		return fileError(s.path, "søgeteksterne kan ikke opdateres", err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB exposes the connection pool to tests and maintenance code.
func (s *Store) DB() *sql.DB { return s.db }

// now is the store's clock as stored text.
func (s *Store) nowText() string { return s.Now().UTC().Format(time.RFC3339) }

// tx runs fn in one write transaction (BEGIN IMMEDIATE) and commits only if fn
// succeeds, so a refused save leaves the file as it was.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("kan ikke skrive i databasen %s: %w", s.path, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("kan ikke gemme i databasen %s: %w", s.path, err)
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
	return &FileError{Path: path, Reason: reason, Err: err}
}

// IsNewerSchema tells whether err refuses a database from a newer version.
func IsNewerSchema(err error) bool {
	var n *NewerSchemaError
	return errors.As(err, &n)
}

// OpenExisting opens a database that must already exist: the maintenance
// commands never create an empty file by accident.
func OpenExisting(path string) (*Store, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fileError(path, "findes ikke", nil)
	}
	if st.IsDir() {
		return nil, fileError(path, "er en mappe, ikke en databasefil", nil)
	}
	if st.Size() == 0 {
		return nil, fileError(path, "er tom (0 byte), ikke en Partnerskab-database", nil)
	}
	return Open(path)
}
