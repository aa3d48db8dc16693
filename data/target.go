package data

import (
	"context"
	"database/sql"
	"time"
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
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, goal, unit, deadline, measure, manual_value, notes
		FROM targets ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	var out []Target
	for rows.Next() {
		var t Target
		var deadline sql.NullString
		if err := rows.Scan(&t.ID, &t.Name, &t.Goal, &t.Unit, &deadline, &t.Measure, &t.ManualValue, &t.Notes); err != nil {
			rows.Close()
			return nil, err
		}
		t.Deadline = dateCol(deadline)
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		v, err := s.measure(ctx, out[i], day)
		if err != nil {
			return nil, err
		}
		out[i].Current = v
	}
	return out, nil
}

// ActivePlacementsOn counts the placements running on day (started, not
// ended) whose scheme counts as a job; flexOnly narrows it to flex jobs.
func (s *Store) ActivePlacementsOn(ctx context.Context, day time.Time, flexOnly bool) (int, error) {
	iso := day.Format("2006-01-02")
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM placements p JOIN schemes sc ON sc.id = p.scheme_id
		WHERE p.start_on <= ? AND (p.end_on IS NULL OR p.end_on >= ?) AND sc.counts_as_job = 1 AND (NOT ? OR sc.flex = 1)`,
		iso, iso, flexOnly).Scan(&n)
	return n, err
}

func (s *Store) measure(ctx context.Context, t Target, day time.Time) (float64, error) {
	switch t.Measure {
	case MeasureJobsFilled, MeasureFlexJobs:
		n, err := s.ActivePlacementsOn(ctx, day, t.Measure == MeasureFlexJobs)
		return float64(n), err
	}
	return t.ManualValue, nil
}
