package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"partnerskab/data/dk"
)

// Person data is kept no longer than the case needs: a placement's person
// data is due for deletion on its delete-by date (by default one year after
// the case closed, settings.retention_person_years), and the caseworker then
// anonymises or deletes it. Either is one event in the audit log, and the
// bytes are really gone from the file: secure_delete (store.go) overwrites
// what SQLite frees, and a checkpoint afterwards empties the write-ahead log,
// which would otherwise still hold the old pages.

// AnonymisedPseudonym replaces the pseudonym of an anonymised placement.
const AnonymisedPseudonym = "anonymiseret"

// RetentionPersonYears is how many years after the case closed person data
// is kept (the setting retention_person_years; 1 when it is missing).
func (s *Store) RetentionPersonYears(ctx context.Context) (int, error) {
	return retentionPersonYears(ctx, s.db)
}

func retentionPersonYears(ctx context.Context, q queryRower) (int, error) {
	n, err := settingInt(ctx, q, "retention_person_years")
	if err != nil {
		return 0, err
	}
	if n <= 0 {
		return 1, nil
	}
	return n, nil
}

// DuePlacement is a placement in the list of those due for deletion: what
// the list shows and what deleting it needs, nothing more.
type DuePlacement struct {
	ID               int64
	Pseudonym        string
	OrganisationName string
	SchemeName       string
	Start            time.Time
	End              time.Time // zero while open-ended
	CaseClosedOn     time.Time // zero when not recorded
	DeleteBy         time.Time
}

// DuePlacements lists the placements whose person data is due for deletion
// on day (delete-by on or before it) and is still there, soonest first.
// The rows come in order from the placements_due_rows index with the
// enterprise's name beside them; the dates come as Unix days' seconds
// (no text to allocate and parse per row), the scheme's name from the few
// schemes read first.
func (s *Store) DuePlacements(ctx context.Context, day time.Time) ([]DuePlacement, error) {
	schemes := map[int64]string{}
	if err := eachRow(ctx, s.db, func(rows *sql.Rows) error {
		var id int64
		var name string
		err := rows.Scan(&id, &name)
		schemes[id] = name
		return err
	}, `SELECT id, name FROM schemes`); err != nil {
		return nil, err
	}
	var out []DuePlacement
	err := eachRow(ctx, s.db, func(rows *sql.Rows) error {
		var d DuePlacement
		var scheme, start, deleteBy int64
		var end, closed sql.NullInt64
		if err := rows.Scan(&d.ID, &d.Pseudonym, &d.OrganisationName, &scheme, &start, &end, &closed, &deleteBy); err != nil {
			return err
		}
		d.SchemeName, d.Start, d.DeleteBy = schemes[scheme], unixDay(start), unixDay(deleteBy)
		if end.Valid {
			d.End = unixDay(end.Int64)
		}
		if closed.Valid {
			d.CaseClosedOn = unixDay(closed.Int64)
		}
		out = append(out, d)
		return nil
	}, `SELECT p.id, p.pseudonym, o.name, p.scheme_id, unixepoch(p.start_on), unixepoch(p.end_on),
			unixepoch(p.case_closed_on), unixepoch(p.delete_by)
		FROM placements p JOIN organisations o ON o.id = p.organisation_id
		WHERE p.delete_by IS NOT NULL AND p.delete_by <= ? AND p.anonymised_at IS NULL
		ORDER BY p.delete_by, p.id`, dk.ISODate(day))
	return out, err
}

// unixDay is the date at sec seconds after 1.1.1970 00:00 UTC, as dates
// are kept (dateOf).
func unixDay(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// eachRow runs q and hands each result row to scan.
func eachRow(ctx context.Context, db *sql.DB, scan func(*sql.Rows) error, q string, args ...any) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AnonymisePlacements removes the person data of the placements ids: the
// pseudonym becomes "anonymiseret", the notes and the target group (a proxy
// for ethnic origin) are cleared, and any unsaved form draft of them is
// dropped. What the counts need stays: enterprise, scheme, position, hours,
// resident and dates. Placements already anonymised are left alone. It
// returns how many were anonymised; the audit log gets one event and the
// deletion ledger one entry per placement.
func (s *Store) AnonymisePlacements(ctx context.Context, ids []int64) (int, error) {
	return s.Purge(ctx, ActionAnonymise, keysOf(KindPlacement, ids))
}

// DeletePlacements deletes the placements ids outright (and their drafts).
// It returns how many were deleted; the audit log gets one event.
func (s *Store) DeletePlacements(ctx context.Context, ids []int64) (int, error) {
	return s.Purge(ctx, ActionDelete, keysOf(KindPlacement, ids))
}

func keysOf(kind RetentionKind, ids []int64) []DueKey {
	keys := make([]DueKey, len(ids))
	for i, id := range ids {
		keys[i] = DueKey{Kind: kind, ID: id}
	}
	return keys
}

var _ = registerPurger(&purger{kind: KindPlacement, one: "placering", many: "placeringer", entity: "placeringer",
	anonymise: func(ctx context.Context, tx *sql.Tx, now string, k DueKey) (bool, error) {
		return execPurge(ctx, tx, DraftPlacement, k.ID, `UPDATE placements SET pseudonym = ?1, search_text = ?1, notes = '',
			target_group_id = NULL, anonymised_at = ?2, updated_at = ?2 WHERE id = ?3 AND anonymised_at IS NULL`,
			AnonymisedPseudonym, now, k.ID)
	},
	delete: func(ctx context.Context, tx *sql.Tx, _ string, k DueKey) (bool, error) {
		return execPurge(ctx, tx, DraftPlacement, k.ID, `DELETE FROM placements WHERE id = ?`, k.ID)
	},
})

var _ = registerDue(KindPlacement, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	ps, err := s.DuePlacements(ctx, day)
	if err != nil {
		return nil, err
	}
	items := make([]RetentionItem, len(ps))
	for i, p := range ps {
		closed := "–"
		if !p.CaseClosedOn.IsZero() {
			closed = dk.FormatDate(p.CaseClosedOn)
		}
		items[i] = RetentionItem{Key: DueKey{ID: p.ID}, Title: p.Pseudonym, DueOn: p.DeleteBy,
			Detail: fmt.Sprintf("%s · %s · sagen afsluttet %s · slettes senest %s", p.OrganisationName, p.SchemeName,
				closed, dk.FormatDate(p.DeleteBy))}
	}
	return items, nil
})

// execPurge runs stmt and drops the record's unsaved form draft (form ""
// for none); it tells whether stmt changed a row.
func execPurge(ctx context.Context, tx *sql.Tx, form string, id int64, stmt string, args ...any) (bool, error) {
	res, err := tx.ExecContext(ctx, stmt, args...)
	if err != nil {
		return false, err
	}
	if form != "" {
		if _, err := tx.ExecContext(ctx, `DELETE FROM form_drafts WHERE form = ? AND record_id = ?`, form, id); err != nil {
			return false, err
		}
	}
	k, _ := res.RowsAffected()
	return k > 0, nil
}

// DraftPlacement is the placement form's name in form_drafts.
const DraftPlacement = "placement"

// checkpoint copies the write-ahead log into the database file and empties
// it. With secure_delete the file's freed space is already overwritten; the
// log, though, still holds the pages as they were before, person data and
// all, until it is truncated.
func (s *Store) checkpoint(ctx context.Context) error {
	var busy, logged, moved int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved); err != nil {
		return fmt.Errorf("kan ikke tømme databasens log %s-wal: %w", s.path, err)
	}
	return nil
}
