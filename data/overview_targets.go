package data

import (
	"context"
	"database/sql"
	"time"

	"partnerskab/data/dk"
)

// Measure says how a target's current value is counted.
type Measure string

// The measures: placements active today (all that count as jobs, or flex
// jobs only), or a value the caseworker enters.
const (
	MeasureJobsFilled Measure = "besatte_job"
	MeasureFlexJobs   Measure = "fleksjob"
	MeasureManual     Measure = "manuel"
)

// Target is a goal of the partnership with its deadline and current value.
type Target struct {
	ID          int64
	Name        string
	Goal        float64
	Unit        string
	Deadline    time.Time
	Measure     Measure
	ManualValue float64
	Notes       string
	Current     float64 // counted on the day asked for
}

// Targets lists the targets in their order with their current values on day.
func (s *Store) Targets(ctx context.Context, day time.Time) ([]Target, error) {
	c, err := s.ActiveCounts(ctx, day)
	if err != nil {
		return nil, err
	}
	return s.targets(ctx, c)
}

// targets reads the targets and measures them with counts already made.
func (s *Store) targets(ctx context.Context, c ActiveCounts) ([]Target, error) {
	return queryAll(ctx, s.db, func(row scanner) (Target, error) {
		var t Target
		var deadline sql.NullString
		if err := row.Scan(&t.ID, &t.Name, &t.Goal, &t.Unit, &deadline, &t.Measure, &t.ManualValue, &t.Notes); err != nil {
			return t, err
		}
		t.Deadline = dateCol(deadline)
		switch t.Measure {
		case MeasureJobsFilled:
			t.Current = float64(c.Jobs)
		case MeasureFlexJobs:
			t.Current = float64(c.Flex)
		default:
			t.Current = t.ManualValue
		}
		return t, nil
	}, `SELECT id, name, goal, unit, deadline, measure, manual_value, notes
		FROM targets ORDER BY position, id`)
}

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
