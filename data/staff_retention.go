package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
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
// returns how many were anonymised; the audit log gets one event.
func (s *Store) AnonymisePlacements(ctx context.Context, ids []int64) (int, error) {
	return s.purgePlacements(ctx, ids, "anonymiseret", `UPDATE placements SET pseudonym = ?1, search_text = ?1, notes = '',
		target_group_id = NULL, anonymised_at = ?2, updated_at = ?2 WHERE id = ?3 AND anonymised_at IS NULL`,
		func(now string, id int64) []any { return []any{AnonymisedPseudonym, now, id} })
}

// DeletePlacements deletes the placements ids outright (and their drafts).
// It returns how many were deleted; the audit log gets one event.
func (s *Store) DeletePlacements(ctx context.Context, ids []int64) (int, error) {
	return s.purgePlacements(ctx, ids, "slettet", `DELETE FROM placements WHERE id = ?`,
		func(_ string, id int64) []any { return []any{id} })
}

// purgePlacements runs stmt with args(now, id) for every id in one
// transaction, logs one event of kind, and then empties the write-ahead log
// so the old pages leave the disk too.
func (s *Store) purgePlacements(ctx context.Context, ids []int64, kind, stmt string, args func(now string, id int64) []any) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		st, err := tx.PrepareContext(ctx, stmt)
		if err != nil {
			return err
		}
		defer st.Close()
		drafts, err := tx.PrepareContext(ctx, `DELETE FROM form_drafts WHERE form = ? AND record_id = ?`)
		if err != nil {
			return err
		}
		defer drafts.Close()
		var done []int64
		for _, id := range ids {
			res, err := st.ExecContext(ctx, args(now, id)...)
			if err != nil {
				return fmt.Errorf("placering %d: %w", id, err)
			}
			if k, _ := res.RowsAffected(); k > 0 {
				done = append(done, id)
			}
			if _, err := drafts.ExecContext(ctx, DraftPlacement, id); err != nil {
				return err
			}
		}
		n = len(done)
		if n == 0 {
			return nil
		}
		return logEvent(ctx, tx, now, kind, "placeringer", 0, purgeDetail(kind, done))
	})
	if err != nil {
		return 0, err
	}
	if n > 0 {
		if err := s.checkpoint(ctx); err != nil {
			return n, err
		}
	}
	return n, nil
}

// DraftPlacement is the placement form's name in form_drafts.
const DraftPlacement = "placement"

// purgeDetail says in the audit log what was done to how many, and which
// records (their numbers, never who they were).
func purgeDetail(kind string, ids []int64) string {
	const shown = 50
	nums := make([]string, 0, min(len(ids), shown))
	for i, id := range ids {
		if i == shown {
			break
		}
		nums = append(nums, strconv.FormatInt(id, 10))
	}
	list := strings.Join(nums, ", ")
	if len(ids) > shown {
		list += fmt.Sprintf(" og %d flere", len(ids)-shown)
	}
	what := "placeringer"
	if len(ids) == 1 {
		what = "placering"
	}
	return fmt.Sprintf("%d %s %s efter slettefristen (nr. %s)", len(ids), what, kind, list)
}

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
