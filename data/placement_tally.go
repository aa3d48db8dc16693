package data

import (
	"context"
	"time"

	"partnerskab/data/dk"
)

// overdueCount counts the placements due for deletion on day by
// DuePlacements' rule (a delete-by date on or before day, person data
// still there), from the tallies of 011_overview_summaries.sql: the months
// before day's month and that month's days up to day.
func (s *Store) overdueCount(ctx context.Context, day time.Time) (int, error) {
	iso := dk.ISODate(day)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(sum(deletes), 0) FROM placement_months WHERE month < ?2) +
		(SELECT coalesce(sum(deletes), 0) FROM placement_days WHERE day >= ?3 AND day <= ?1)`,
		iso, iso[:7], iso[:7]+"-01").Scan(&n)
	return n, err
}
