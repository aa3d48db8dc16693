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
// in one pass. The running placements are either open-ended or end on or
// after day: two ranges of the placements_ends index, so ended ones are
// never read.
func (s *Store) ActiveCounts(ctx context.Context, day time.Time) (ActiveCounts, error) {
	var c ActiveCounts
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0), coalesce(sum(f), 0), coalesce(sum(r), 0) FROM (
		SELECT count(*) AS n, sum(sc.flex) AS f, sum(p.resident) AS r
			FROM placements p JOIN schemes sc ON sc.id = p.scheme_id
			WHERE p.end_on IS NULL AND p.start_on <= ?1 AND sc.counts_as_job = 1
		UNION ALL
		SELECT count(*), sum(sc.flex), sum(p.resident)
			FROM placements p JOIN schemes sc ON sc.id = p.scheme_id
			WHERE p.end_on >= ?1 AND p.start_on <= ?1 AND sc.counts_as_job = 1)`, dk.ISODate(day)).
		Scan(&c.Jobs, &c.Flex, &c.Residents)
	return c, err
}
