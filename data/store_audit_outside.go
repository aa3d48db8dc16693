package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"
)

// Some of what the audit log records happens outside a change of the
// database: a PDF or a CSV file written, a backup taken, a backup restored.
// Those events are appended here, each in a transaction of its own.

// Event kinds of what left or came into the database.
const (
	EventExported = "eksporteret"
	EventBackup   = "sikkerhedskopi taget"
	EventRestored = "genskabt fra sikkerhedskopi"
)

// NotLoggedError is an export or backup that was written but could not be
// recorded in the audit log: the database is opened where it cannot be
// written (a read-only folder). The file is there; the caller says so.
type NotLoggedError struct {
	Path string
	Err  error
}

func (e *NotLoggedError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: filen er skrevet, men hændelsen kunne ikke skrives i hændelsesloggen (%v)", e.Path, DanishError(e.Err))
	}
	return fmt.Sprintf("%s: filen er skrevet, men hændelsen kunne ikke skrives i hændelsesloggen, fordi databasen ikke kan skrives", e.Path)
}

func (e *NotLoggedError) Unwrap() error { return e.Err }

// IsNotLogged tells whether err is only that the event could not be logged.
func IsNotLogged(err error) bool {
	var n *NotLoggedError
	return errors.As(err, &n)
}

// LogExport records that what (an agreement's PDF, a meeting's minutes, a
// CSV file of a kind, the art. 30 record, a person's extract) was written
// to file: entity and id name the record it came from (id 0 for a whole
// kind). Recipients of the file are outside the program, so the audit log
// is the only place that knows a copy exists.
func (s *Store) LogExport(ctx context.Context, entity string, id int64, what, file string) error {
	if abs, err := filepath.Abs(file); err == nil && file != "-" {
		file = abs
	}
	detail := what + " til " + file
	if file == "-" {
		detail = what + " til standard-output"
	}
	return s.logOutside(ctx, chainedEvent{kind: EventExported, entity: entity, entityID: optionalID(id), detail: detail})
}

// logBackup records a backup written to out, when err says it was.
func (s *Store) logBackup(ctx context.Context, out string, err *error) {
	if *err != nil {
		return
	}
	if abs, aerr := filepath.Abs(out); aerr == nil {
		out = abs
	}
	*err = s.logOutside(ctx, chainedEvent{kind: EventBackup, entity: "database", detail: "til " + out})
}

// logRestore records, in the database just restored at dbPath, which
// backup it came from and where the one before it was kept. It runs while
// the caller holds the file alone.
func logRestore(ctx context.Context, dbPath, from, kept string) error {
	s, err := open(dbPath, openHeld)
	if err != nil {
		return err
	}
	defer s.Close()
	if abs, aerr := filepath.Abs(from); aerr == nil {
		from = abs
	}
	detail := "fra " + from
	if kept != "" {
		detail += "; den hidtidige database er gemt som " + kept
	}
	return s.logOutside(ctx, chainedEvent{kind: EventRestored, entity: "database", detail: detail})
}

func optionalID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// logOutside appends e in a transaction of its own. A store opened for
// reading (export and backup need no more) writes through a connection of
// its own when the file can be written, as the window beside it would.
func (s *Store) logOutside(ctx context.Context, e chainedEvent) error {
	e.at = s.nowText()
	if !s.readOnly {
		// The file written is there either way: a log that cannot be
		// written (another program mid-save past the busy timeout) is said
		// as such, not as a failed export.
		if err := s.tx(ctx, func(tx *sql.Tx) error { return appendEvent(ctx, tx, e) }); err != nil {
			return &NotLoggedError{Path: s.path, Err: err}
		}
		return nil
	}
	if !dirWritable(filepath.Dir(s.path)) || !fileWritable(s.path) {
		return &NotLoggedError{Path: s.path}
	}
	db, err := sql.Open("sqlite", s.path+"?"+dsnPragmas)
	if err != nil {
		return &NotLoggedError{Path: s.path, Err: err}
	}
	defer db.Close()
	w := &Store{db: db, path: s.path, Now: s.Now}
	if err := w.tx(ctx, func(tx *sql.Tx) error { return appendEvent(ctx, tx, e) }); err != nil {
		return &NotLoggedError{Path: s.path, Err: err}
	}
	return nil
}

// AuditLog lists the whole audit log from since on (all of it when since
// is zero), oldest first, with each event's actor.
func (s *Store) AuditLog(ctx context.Context, since time.Time) ([]Event, error) {
	from := ""
	if !since.IsZero() {
		from = since.UTC().Format(time.RFC3339)
	}
	// at is RFC 3339 in UTC throughout, so text order is time order.
	return queryAll(ctx, s.db, scanEvent, `SELECT e.id, e.at, e.kind, e.entity, coalesce(e.entity_id, 0), e.detail,
		coalesce(a.actor, '') FROM events e LEFT JOIN event_actors a ON a.event_id = e.id
		WHERE e.at >= ? ORDER BY e.id`, from)
}

func scanEvent(row scanner) (Event, error) {
	var e Event
	var at string
	err := row.Scan(&e.ID, &at, &e.Kind, &e.Entity, &e.EntityID, &e.Detail, &e.Actor)
	e.At = instantCol(sql.NullString{String: at, Valid: true})
	return e, err
}
