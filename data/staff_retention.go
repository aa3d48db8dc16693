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

// DuePlacements lists the placements whose person data is due for deletion
// on day (delete-by on or before it) and is still there, soonest first.
func (s *Store) DuePlacements(ctx context.Context, day time.Time) ([]Placement, error) {
	return queryAll(ctx, s.db, scanPlacement, "SELECT "+placementColumns+placementFrom+
		` WHERE p.delete_by IS NOT NULL AND p.delete_by <= ? AND p.anonymised_at IS NULL
		ORDER BY p.delete_by, p.id`, dk.ISODate(day))
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
