package data

import (
	"context"
	"database/sql"
	"time"
)

// Event is one line of the audit log: what happened, when, to which record.
type Event struct {
	ID       int64
	At       time.Time
	Kind     string // oprettet, ændret, arkiveret, genskabt, …
	Entity   string // organisation, kontaktperson, aftale, …
	EntityID int64
	Detail   string
}

func logEvent(ctx context.Context, tx dbtx, at, kind, entity string, id int64, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO events (at, kind, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?)`,
		at, kind, entity, id, detail)
	return err
}

// Events lists the audit log of one record, oldest first.
func (s *Store) Events(ctx context.Context, entity string, id int64) ([]Event, error) {
	return queryAll(ctx, s.db, func(row scanner) (Event, error) {
		var e Event
		var at string
		err := row.Scan(&e.ID, &at, &e.Kind, &e.Entity, &e.EntityID, &e.Detail)
		e.At = instantCol(sql.NullString{String: at, Valid: true})
		return e, err
	}, `SELECT id, at, kind, entity, entity_id, detail FROM events
		WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, id)
}
