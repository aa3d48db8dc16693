package data

import (
	"context"
	"time"
)

// Report is what the database holds: counts per kind and the targets.
type Report struct {
	Path          string         `json:"database"`
	SchemaVersion int            `json:"schemaVersion"`
	Counts        ReportCounts   `json:"counts"`
	Targets       []ReportTarget `json:"targets"`
	Organisations []string       `json:"organisations"`
	Work          ReportWork     `json:"partnership"`
}

// ReportWork counts the partnership's own work: the year's meetings
// against the memo's 5–7, the checklist per status, the risks and grants
// (active ones).
type ReportWork struct {
	Year            int            `json:"year"`
	MeetingsHeld    int            `json:"meetingsHeld"`
	MeetingsPlanned int            `json:"meetingsPlanned"`
	MeetingsMin     int            `json:"meetingsMin"`
	MeetingsMax     int            `json:"meetingsMax"`
	Checklist       map[string]int `json:"checklist"` // by status: aaben, under_afklaring, afklaret
	Risks           int            `json:"risks"`
	OpenRisks       int            `json:"openRisks"` // not closed
	Grants          int            `json:"grants"`
	GrantsOre       int64          `json:"grantsOre"`
}

// ReportCounts counts the records of each kind (archived ones included).
type ReportCounts struct {
	Organisations int `json:"organisations"`
	Contacts      int `json:"contacts"`
	Rooms         int `json:"rooms"`
	Leases        int `json:"leases"`
	Placements    int `json:"placements"`
	Templates     int `json:"templates"`
	Agreements    int `json:"agreements"`
}

// ReportTarget is one target with its goal and its value on the report's day.
type ReportTarget struct {
	Name     string  `json:"name"`
	Goal     float64 `json:"goal"`
	Current  float64 `json:"current"`
	Unit     string  `json:"unit"`
	Deadline string  `json:"deadline,omitempty"` // ISO date
}

// Report counts what the database holds, with the targets measured on day.
func (s *Store) Report(ctx context.Context, day time.Time) (Report, error) {
	r := Report{Path: s.path, SchemaVersion: SchemaVersion(), Organisations: []string{}, Targets: []ReportTarget{}}
	counts := []struct {
		table string
		n     *int
	}{
		{"organisations", &r.Counts.Organisations}, {"contacts", &r.Counts.Contacts}, {"rooms", &r.Counts.Rooms},
		{"leases", &r.Counts.Leases}, {"placements", &r.Counts.Placements}, {"templates", &r.Counts.Templates},
		{"agreements", &r.Counts.Agreements},
	}
	for _, c := range counts {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(c.n); err != nil {
			return r, err
		}
	}
	targets, err := s.Targets(ctx, day)
	if err != nil {
		return r, err
	}
	for _, t := range targets {
		rt := ReportTarget{Name: t.Name, Goal: t.Goal, Current: t.Current, Unit: t.Unit}
		if !t.Deadline.IsZero() {
			rt.Deadline = t.Deadline.Format("2006-01-02")
		}
		r.Targets = append(r.Targets, rt)
	}
	if r.Work, err = s.reportWork(ctx, day); err != nil {
		return r, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM organisations WHERE archived_at IS NULL ORDER BY sort_key, id`)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return r, err
		}
		r.Organisations = append(r.Organisations, name)
	}
	return r, rows.Err()
}

// Empty tells whether the database holds no organisations yet (a new file).
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM organisations").Scan(&n)
	return n == 0, err
}

func (s *Store) reportWork(ctx context.Context, day time.Time) (ReportWork, error) {
	w := ReportWork{Year: day.Year(), Checklist: map[string]int{}}
	y, err := s.MeetingYear(ctx, day.Year())
	if err != nil {
		return w, err
	}
	w.MeetingsHeld, w.MeetingsPlanned, w.MeetingsMin, w.MeetingsMax = y.Held, y.Planned, y.Min, y.Max
	counts, err := s.ChecklistCounts(ctx)
	if err != nil {
		return w, err
	}
	for _, st := range ChecklistStatuses {
		w.Checklist[string(st)] = counts[st]
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(status <> 'lukket'), 0) FROM risks WHERE archived_at IS NULL`).
		Scan(&w.Risks, &w.OpenRisks); err != nil {
		return w, err
	}
	w.Grants, w.GrantsOre, err = s.GrantTotal(ctx)
	return w, err
}
