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
	return s.onNewVersion(ctx, "sort_key_version", dk.SortKeyVersion, func(tx *sql.Tx) error {
		for _, t := range sortedTables {
			if err := rekey(ctx, tx, t.table, t.column); err != nil {
				return fmt.Errorf("sorteringsnøgler i %s: %w", t.table, err)
			}
		}
		return nil
	})
}

// onNewVersion runs update in one transaction when the setting key does not
// say version yet, and records version with it.
func (s *Store) onNewVersion(ctx context.Context, key, version string, update func(*sql.Tx) error) error {
	have, err := s.Setting(ctx, key)
	if err != nil || have == version {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := update(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, version)
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

// searchedTables are the tables with a stored, folded search text.
var searchedTables = []string{"organisations", "premises", "rooms", "placements", "agreements"}

// ensureSearchText folds the stored search texts again when the folding has
// changed since the file was last written. Folding is idempotent, so the
// stored text folded again is the record's text folded anew. A signed
// agreement is never rewritten: its search matches dkfold(search_text).
func (s *Store) ensureSearchText(ctx context.Context) error {
	return s.onNewVersion(ctx, "fold_version", dk.FoldVersion, func(tx *sql.Tx) error {
		for _, t := range searchedTables {
			q := "UPDATE " + t + " SET search_text = " + FoldFunction + "(search_text) WHERE search_text <> " + FoldFunction + "(search_text)"
			if t == "agreements" {
				q += " AND status <> 'signed'"
			}
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("søgetekster i %s: %w", t, err)
			}
		}
		return nil
	})
}
