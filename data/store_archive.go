package data

import (
	"context"
	"database/sql"
	"fmt"
)

// setArchived archives or restores one row of table (which must have
// archived_at and updated_at) and logs it. Archiving never deletes: the
// record keeps its history and comes back with restore.
func (s *Store) setArchived(ctx context.Context, table, entity string, id int64, archive bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		var at any
		event := "genskabt"
		if archive {
			at, event = now, "arkiveret"
		}
		res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET archived_at = ?, updated_at = ? WHERE id = ?", at, now, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s %d findes ikke: %w", entity, id, ErrNotFound)
		}
		return logEvent(ctx, tx, now, event, entity, id, "")
	})
}
