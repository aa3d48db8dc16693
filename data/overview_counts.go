package data

import (
	"context"
	"time"

	"partnerskab/data/dk"
)

// ActiveCounts counts the placements running on a day.
type ActiveCounts struct {
	Jobs      int // placements whose scheme counts as a job: the jobs filled
	Flex      int // of those, flex jobs
	Residents int // of those, residents of the area
}

// ActiveCounts counts the placements running on day (started, not ended)
// whose scheme counts as a job, the flex jobs and the residents among them,
// from the tallies (011_overview_summaries.sql): what started up to day
// less what ended before it, the months before day's month from
// placement_months and that month's days from placement_days. It reads a
// few hundred tally rows however many placements there are.
func (s *Store) ActiveCounts(ctx context.Context, day time.Time) (ActiveCounts, error) {
	var c ActiveCounts
	iso := dk.ISODate(day)
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(t.n), 0), coalesce(sum(t.n * sc.flex), 0), coalesce(sum(t.r), 0)
		FROM (SELECT scheme_id, sum(starts - ends) AS n, sum(resident_starts - resident_ends) AS r
				FROM placement_months WHERE month < ?2 GROUP BY scheme_id
			UNION ALL
			SELECT scheme_id, sum(starts - iif(day < ?1, ends, 0)), sum(resident_starts - iif(day < ?1, resident_ends, 0))
				FROM placement_days WHERE day >= ?3 AND day <= ?1 GROUP BY scheme_id) t
		JOIN schemes sc ON sc.id = t.scheme_id WHERE sc.counts_as_job = 1`, iso, iso[:7], iso[:7]+"-01").
		Scan(&c.Jobs, &c.Flex, &c.Residents)
	return c, err
}
