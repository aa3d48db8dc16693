package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Draft is a form's unsaved edits, kept as the user types so that a closed
// lid or a dead battery costs nothing. A draft never touches the saved
// record: only Save does.
type Draft struct {
	Form      string // which form: "organisation", "lease", …
	RecordID  int64  // the record being edited; 0 for a new one
	Data      json.RawMessage
	UpdatedAt time.Time
}

// SaveDraft keeps v (a form's values) as the draft of form/recordID. A
// draft never holds what Save would refuse as a CPR number: such a field's
// value is left out (the other fields are kept) and named in dropped, so the
// form can tell the caseworker (see DraftNote).
func (s *Store) SaveDraft(ctx context.Context, form string, recordID int64, v any) (dropped []DroppedField, err error) {
	b, dropped, err := draftJSON(v)
	if err != nil {
		return nil, fmt.Errorf("kladde til %s: %w", form, err)
	}
	return dropped, s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO form_drafts (form, record_id, data, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (form, record_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
			form, recordID, string(b), s.nowText())
		return err
	})
}

// DeleteDraft forgets the draft of form/recordID (after Save or Discard).
func (s *Store) DeleteDraft(ctx context.Context, form string, recordID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM form_drafts WHERE form = ? AND record_id = ?`, form, recordID)
		return err
	})
}

// Drafts lists the kept drafts, newest first.
func (s *Store) Drafts(ctx context.Context) ([]Draft, error) {
	return queryAll(ctx, s.db, func(row scanner) (Draft, error) {
		var d Draft
		var data, at string
		err := row.Scan(&d.Form, &d.RecordID, &data, &at)
		d.Data = json.RawMessage(data)
		d.UpdatedAt = instantCol(sql.NullString{String: at, Valid: true})
		return d, err
	}, `SELECT form, record_id, data, updated_at FROM form_drafts ORDER BY updated_at DESC, form`)
}
