package data

import (
	"context"
	"database/sql"
	"fmt"

	"partnerskab/data/dk"
)

// sortedTables are the tables whose names carry a stored Danish sort key.
var sortedTables = []struct{ table, column string }{
	{"organisations", "name"}, {"contacts", "name"}, {"premises", "name"}, {"rooms", "name"}, {"templates", "name"},
}

// ensureSortKeys recomputes every stored sort key when the key scheme has
// changed since the file was last written, so lists never sort by stale keys.
func (s *Store) ensureSortKeys(ctx context.Context) error {
	have, err := s.Setting(ctx, "sort_key_version")
	if err != nil {
		return err
	}
	if have == dk.SortKeyVersion {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range sortedTables {
			if err := rekey(ctx, tx, t.table, t.column); err != nil {
				return fmt.Errorf("sorteringsnøgler i %s: %w", t.table, err)
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('sort_key_version', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, dk.SortKeyVersion)
		return err
	})
}

func rekey(ctx context.Context, tx *sql.Tx, table, column string) error {
	type row struct {
		id   int64
		name string
	}
	all, err := queryAll(ctx, tx, func(sc scanner) (row, error) {
		var r row
		err := sc.Scan(&r.id, &r.name)
		return r, err
	}, "SELECT id, "+column+" FROM "+table)
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, "UPDATE "+table+" SET sort_key = ? WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range all {
		if _, err := stmt.ExecContext(ctx, dk.SortKey(r.name), r.id); err != nil {
			return err
		}
	}
	return nil
}
