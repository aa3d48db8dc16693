package data

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"sync"

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

// orgAnchor is one enterprise with placements, in list order, and how many
// of the list's rows come up to and including its last placement.
type orgAnchor struct {
	orgStart
	upto int
}

// placementAnchors keeps, per filter (a scheme, a day the placements run
// on), the enterprises' running sums in list order, read when a jump first
// needs them after a write (placement_list_changes tells): a jump is then a
// binary search, not a walk over every enterprise (5 ms on the big
// database) or OFFSET over every placement before the row (12 ms at the
// middle). "Running on a day" has no summary per enterprise, so its sums
// are counted from the placements once, and kept until the next write.
type placementAnchors struct {
	mu       sync.Mutex
	changes  int64
	byFilter map[anchorFilter][]orgAnchor
}

// anchorFilter is what a list of running sums counts: 0 and "" for no
// scheme or day.
type anchorFilter struct {
	scheme int64
	day    string
}

// maxAnchorFilters bounds the sums kept (a few hundred kB each on the big
// database): past it, the oldest are dropped all at once.
const maxAnchorFilters = 16

// jumpStart finds the enterprise that holds row q.Offset of the list; ok is
// false when q filters on something the counts do not hold, and found is
// false when row q.Offset lies past the list's end.
func (s *Store) jumpStart(ctx context.Context, q PlacementQuery) (start orgStart, found, ok bool, err error) {
	if q.After != nil || q.Offset <= 0 || q.OrganisationID != 0 ||
		len(strings.Fields(dk.Fold(q.Text))) > 0 {
		return start, false, false, nil
	}
	f := anchorFilter{scheme: q.SchemeID}
	if !q.ActiveOn.IsZero() {
		f.day = dk.ISODate(q.ActiveOn)
	}
	anchors, err := s.orgAnchors(ctx, f)
	if err != nil {
		return start, false, false, err
	}
	i := sort.Search(len(anchors), func(i int) bool { return anchors[i].upto > q.Offset })
	if i == len(anchors) {
		return start, false, true, nil
	}
	return anchors[i].orgStart, true, true, nil
}

// orgAnchors returns the running sums for the filter f, read anew if the
// list has changed since they were last read.
func (s *Store) orgAnchors(ctx context.Context, f anchorFilter) ([]orgAnchor, error) {
	a := s.anchors
	if a == nil {
		a = &placementAnchors{}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	var changes int64
	if err := s.db.QueryRowContext(ctx, `SELECT n FROM placement_list_changes`).Scan(&changes); err != nil {
		return nil, err
	}
	if a.byFilter == nil || changes != a.changes || len(a.byFilter) >= maxAnchorFilters {
		a.byFilter, a.changes = map[anchorFilter][]orgAnchor{}, changes
	}
	if got, ok := a.byFilter[f]; ok {
		return got, nil
	}
	// Read in one transaction with the change count, so that sums read
	// while a write commits are not kept under the count from before it.
	var anchors []orgAnchor
	err := func() error {
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if err := tx.QueryRowContext(ctx, `SELECT n FROM placement_list_changes`).Scan(&changes); err != nil {
			return err
		}
		query, args := anchorQuery(f)
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		upto := 0
		for rows.Next() {
			var x orgAnchor
			var n int
			if err := rows.Scan(&x.archived, &x.sortKey, &x.id, &n); err != nil {
				return err
			}
			x.before = upto
			upto += n
			x.upto = upto
			anchors = append(anchors, x)
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	if changes == a.changes {
		a.byFilter[f] = anchors
	}
	return anchors, nil
}

// anchorQuery reads each enterprise with placements that pass f, in list
// order, with how many pass: from the summary counts, or for a day counted
// on placements_list (grouped in the index's order, so nothing is sorted).
func anchorQuery(f anchorFilter) (string, []any) {
	const cols = `SELECT (o.archived_at IS NOT NULL), o.sort_key, o.id, `
	switch {
	case f.day != "":
		return cols + `count(*) FROM organisations o CROSS JOIN placements p
			WHERE p.organisation_id = o.id AND p.start_on <= ?1 AND (p.end_on IS NULL OR p.end_on >= ?1)
				AND (?2 = 0 OR p.scheme_id = ?2)
			GROUP BY (o.archived_at IS NOT NULL), o.sort_key, o.id` + placementOrgOrder, []any{f.day, f.scheme}
	case f.scheme != 0:
		return cols + `c.n FROM organisations o CROSS JOIN placement_org_scheme_counts c
			ON c.scheme_id = ? AND c.organisation_id = o.id` + placementOrgOrder, []any{f.scheme}
	default:
		return cols + `c.n FROM organisations o CROSS JOIN placement_org_counts c
			ON c.organisation_id = o.id` + placementOrgOrder, nil
	}
}

// placementOrgOrder is the enterprises' part of placementOrder.
const placementOrgOrder = ` ORDER BY (o.archived_at IS NOT NULL), o.sort_key, o.id`
