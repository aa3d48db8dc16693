package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"partnerskab/data/dk"
)

// The Placeringer list's counts and jumps read the summary tables that
// migration 011 keeps by trigger (placement_org_counts and the rest): a
// count of 100.000 placements, or a jump to the middle of them, then reads a
// few hundred rows instead of every placement. A query they cannot answer
// exactly (typed text, or "active on a day" within one enterprise) goes the
// old way.

// countFromSummaries counts what Placements lists for q from the summary
// tables; ok is false when q needs the placements themselves.
func (s *Store) countFromSummaries(ctx context.Context, q PlacementQuery) (n int, ok bool, err error) {
	if len(strings.Fields(dk.Fold(q.Text))) > 0 {
		return 0, false, nil
	}
	switch {
	case !q.ActiveOn.IsZero() && q.OrganisationID != 0:
		return 0, false, nil
	case !q.ActiveOn.IsZero():
		n, err = s.countActiveFromDays(ctx, q.SchemeID, dk.ISODate(q.ActiveOn))
	case q.OrganisationID != 0 && q.SchemeID != 0:
		err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM placement_org_scheme_counts
			WHERE scheme_id = ? AND organisation_id = ?`, q.SchemeID, q.OrganisationID).Scan(&n)
	case q.OrganisationID != 0:
		err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM placement_org_counts
			WHERE organisation_id = ?`, q.OrganisationID).Scan(&n)
	default:
		err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM placement_scheme_counts
			WHERE ?1 = 0 OR scheme_id = ?1`, q.SchemeID).Scan(&n)
	}
	return n, err == nil, err
}

// countActiveFromDays counts the placements running on day (ISO), of one
// scheme or (0) of all: every placement, less those starting after day,
// less those ended before it (all ended less those ending on day or later).
func (s *Store) countActiveFromDays(ctx context.Context, scheme int64, day string) (int, error) {
	var n int
	// Each scheme's days after day are one range of the primary key.
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(sc.n - sc.ended
			+ (SELECT coalesce(sum(d.ends - d.starts), 0) FROM placement_day_counts d
				WHERE d.scheme_id = sc.scheme_id AND d.day > ?2)
			+ (SELECT coalesce(sum(d.ends), 0) FROM placement_day_counts d
				WHERE d.scheme_id = sc.scheme_id AND d.day = ?2)), 0)
		FROM placement_scheme_counts sc WHERE ?1 = 0 OR sc.scheme_id = ?1`,
		scheme, day).Scan(&n)
	return n, err
}

// orgStart is the enterprise a jump lands in, by its place in the list's
// order, and how many of the list's rows come before its first placement.
type orgStart struct {
	archived bool
	sortKey  []byte
	id       int64
	before   int
}

// jumpStart finds the enterprise that holds row q.Offset of the list by
// walking the enterprises in list order and summing their counts (one row
// each); ok is false when q filters on something the counts do not hold, or
// row q.Offset lies past the list's end (found is then false).
func (s *Store) jumpStart(ctx context.Context, q PlacementQuery) (start orgStart, found, ok bool, err error) {
	if q.After != nil || q.Offset <= 0 || q.OrganisationID != 0 || !q.ActiveOn.IsZero() ||
		len(strings.Fields(dk.Fold(q.Text))) > 0 {
		return start, false, false, nil
	}
	counts := `placement_org_counts c ON c.organisation_id = o.id`
	args := []any{q.Offset}
	if q.SchemeID != 0 {
		counts = `placement_org_scheme_counts c ON c.scheme_id = ? AND c.organisation_id = o.id`
		args = []any{q.SchemeID, q.Offset}
	}
	// The window's order is organisations_list's, so the running sum is
	// taken as the index is walked, and the walk stops at the first
	// enterprise whose sum passes the offset.
	err = s.db.QueryRowContext(ctx, `SELECT archived, sort_key, id, upto - n FROM (
		SELECT (o.archived_at IS NOT NULL) AS archived, o.sort_key, o.id, c.n,
			sum(c.n) OVER (ORDER BY (o.archived_at IS NOT NULL), o.sort_key, o.id ROWS UNBOUNDED PRECEDING) AS upto
		FROM organisations o CROSS JOIN `+counts+`)
		WHERE upto > ? LIMIT 1`, args...).Scan(&start.archived, &start.sortKey, &start.id, &start.before)
	if errors.Is(err, sql.ErrNoRows) {
		return start, false, true, nil
	}
	return start, err == nil, err == nil, err
}
