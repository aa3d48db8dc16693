package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Measure says how a goal's current value is counted.
type Measure string

// The measures: placements running on the day (all that count as jobs,
// the flex jobs, or the residents' share of them in per cent), a value the
// caseworker enters, or a milestone reached on a date.
const (
	MeasureJobsFilled    Measure = "besatte_job"
	MeasureFlexJobs      Measure = "fleksjob"
	MeasureResidentShare Measure = "beboerandel"
	MeasureManual        Measure = "manuel"
	MeasureMilestone     Measure = "milepael"
)

// Measures are the measures in the order a form offers them.
var Measures = []Measure{MeasureJobsFilled, MeasureFlexJobs, MeasureResidentShare, MeasureManual, MeasureMilestone}

// Label is the measure in Danish, as the form's list shows it.
func (m Measure) Label() string {
	switch m {
	case MeasureJobsFilled:
		return "Besatte job i virksomhederne (tælles fra placeringerne)"
	case MeasureFlexJobs:
		return "Fleksjobbere (tælles fra placeringerne)"
	case MeasureResidentShare:
		return "Beboernes andel af de besatte job, % (tælles fra placeringerne)"
	case MeasureManual:
		return "Tal, der indtastes"
	case MeasureMilestone:
		return "Milepæl (nået på en dato)"
	}
	return string(m)
}

// Counted tells whether the program counts the value itself.
func (m Measure) Counted() bool {
	return m == MeasureJobsFilled || m == MeasureFlexJobs || m == MeasureResidentShare
}

// Target is a goal of the partnership: a counted goal with a deadline, or
// a milestone reached on a date with a note of the evidence.
type Target struct {
	ID          int64
	Name        string
	Goal        float64
	Unit        string
	Start       time.Time
	Deadline    time.Time
	Measure     Measure
	ManualValue float64
	Reached     time.Time // a milestone: the day it was reached
	Evidence    string    // a milestone: what shows it ("Referat af partnerskabsmødet 12.1.2016")
	Notes       string
	Position    int
	ArchivedAt  time.Time
	UpdatedAt   time.Time
	Current     float64 // counted on the day asked for
}

// Milestone tells whether the goal is a milestone.
func (t Target) Milestone() bool { return t.Measure == MeasureMilestone }

// Archived tells whether the goal is archived.
func (t Target) Archived() bool { return !t.ArchivedAt.IsZero() }

// Met tells whether the goal is reached on the day it was counted.
func (t Target) Met() bool { return t.Current >= t.Goal }

// Overdue tells whether the goal's deadline has passed on day without the
// goal being met.
func (t Target) Overdue(day time.Time) bool {
	return !t.Deadline.IsZero() && dateOf(day).After(t.Deadline) && !t.Met()
}

// measure sets Current from the counts of day.
func (t *Target) measure(c ActiveCounts, day time.Time) {
	switch t.Measure {
	case MeasureJobsFilled:
		t.Current = float64(c.Jobs)
	case MeasureFlexJobs:
		t.Current = float64(c.Flex)
	case MeasureResidentShare:
		t.Current = 0
		if c.Jobs > 0 {
			t.Current = float64(c.Residents) * 100 / float64(c.Jobs)
		}
	case MeasureMilestone:
		t.Current = 0
		if !t.Reached.IsZero() && !t.Reached.After(dateOf(day)) {
			t.Current = 1
		}
	default:
		t.Current = t.ManualValue
	}
}

// TargetForm is a goal as typed.
type TargetForm struct {
	ID          int64
	Name        string
	Measure     string
	Goal        string
	Unit        string
	ManualValue string
	Start       string
	Deadline    string
	Reached     string
	Evidence    string
	Notes       string
	Position    string
}

// Form returns the goal as the form shows it.
func (t Target) Form() TargetForm {
	f := TargetForm{ID: t.ID, Name: t.Name, Measure: string(t.Measure), Unit: t.Unit, Start: formatDateOrEmpty(t.Start),
		Deadline: formatDateOrEmpty(t.Deadline), Reached: formatDateOrEmpty(t.Reached), Evidence: t.Evidence, Notes: t.Notes,
		Position: positionText(t.ID, t.Position)}
	if !t.Milestone() {
		f.Goal = dk.FormatDecimal(t.Goal, -1)
	}
	if t.Measure == MeasureManual {
		f.ManualValue = dk.FormatDecimal(t.ManualValue, -1)
	}
	return f
}

// Parse checks the form and returns the goal it describes. A milestone's
// goal is 1 (reached or not); a counted goal needs its number.
func (f TargetForm) Parse() (Target, error) {
	var c checker
	t := Target{ID: f.ID, Measure: Measure(strings.TrimSpace(f.Measure))}
	t.Name = c.required("Name", "Mål", f.Name)
	c.noCPR("Name", "Mål", t.Name)
	if !validMeasure(t.Measure) {
		c.add("Measure", "Måles som", "required", "vælg, hvordan målet måles")
	}
	t.Unit = c.freeText("Unit", "Enhed", f.Unit)
	t.Start = c.date("Start", "Start", f.Start)
	t.Deadline = c.date("Deadline", "Frist", f.Deadline)
	if !t.Start.IsZero() && !t.Deadline.IsZero() && t.Deadline.Before(t.Start) {
		c.add("Deadline", "Frist", "date_order", fmt.Sprintf("fristen (%s) ligger før starten (%s)",
			dk.FormatDate(t.Deadline), dk.FormatDate(t.Start)))
	}
	t.Evidence = c.freeText("Evidence", "Dokumentation", f.Evidence)
	t.Notes = c.freeText("Notes", "Noter", f.Notes)
	if t.Milestone() {
		t.Goal = 1
		if t.Unit == "" {
			t.Unit = "milepæl"
		}
		t.Reached = c.date("Reached", "Nået den", f.Reached)
		if !t.Reached.IsZero() && t.Evidence == "" && !c.has("Evidence") {
			c.add("Evidence", "Dokumentation", "required", "skriv, hvad der viser, at milepælen er nået (fx et referat)")
		}
	} else {
		if strings.TrimSpace(f.Reached) != "" {
			c.add("Reached", "Nået den", "invalid", "kun en milepæl nås på en dato")
		}
		t.Goal = c.amount("Goal", "Målet", f.Goal, true)
		if t.Measure == MeasureResidentShare && t.Goal > 100 {
			c.add("Goal", "Målet", "range", fmt.Sprintf("en andel er højst 100 %% (%s)", dk.FormatDecimal(t.Goal, -1)))
		}
		if t.Measure == MeasureManual {
			t.ManualValue = c.amount("ManualValue", "Nuværende værdi", f.ManualValue, false)
		}
		if t.Unit == "" && t.Measure == MeasureResidentShare {
			t.Unit = "%"
		}
	}
	t.Position = c.position(f.Position)
	return t, c.err()
}

func validMeasure(m Measure) bool {
	for _, x := range Measures {
		if x == m {
			return true
		}
	}
	return false
}

// amount reads a number ≥ 0 the Danish way ("16", "2,5"); required or 0.
func (c *checker) amount(field, label, s string, required bool) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			c.add(field, label, "required", "skriv et tal, fx 16")
		}
		return 0
	}
	v, err := dk.ParseDecimal(s)
	if err != nil {
		c.addErr(field, label, err)
		return 0
	}
	if v < 0 {
		c.add(field, label, "negative", "kan ikke være negativ ("+s+")")
		return 0
	}
	return v
}

// SaveTarget validates and creates or updates a goal; a new one without a
// place in the order goes last. Every change is an event: the goal's
// history (TargetHistory) is the events.
func (s *Store) SaveTarget(ctx context.Context, f TargetForm) (Target, error) {
	return save(ctx, s, targetKind(strings.TrimSpace(f.Position) == ""), f.Parse)
}

// targetKind is how a goal is saved; atEnd puts a new one last in the order.
func targetKind(atEnd bool) *kind[Target] {
	return &kind[Target]{
		entity: "mål",
		id:     func(t *Target) *int64 { return &t.ID },
		check: func(ctx context.Context, _ *Store, tx dbtx, t *Target, created bool, _ *ValidationError) error {
			if created && atEnd {
				var err error
				t.Position, err = lastPosition(ctx, tx, "targets")
				return err
			}
			return nil
		},
		row: func(t Target) row {
			return row{table: "targets", created: true,
				cols: []string{"name", "goal", "unit", "start_on", "deadline", "measure", "manual_value", "reached_on", "evidence", "notes", "position"},
				args: []any{t.Name, t.Goal, t.Unit, isoOrNil(t.Start), isoOrNil(t.Deadline), string(t.Measure), t.ManualValue,
					isoOrNil(t.Reached), t.Evidence, t.Notes, t.Position}}
		},
		detail: targetDetail,
		read: func(s *Store, ctx context.Context, id int64) (Target, error) {
			return s.Target(ctx, id, s.Now())
		},
	}
}

// targetDetail is what the event says of a goal: its state as saved, so
// the history shows what changed.
func targetDetail(t Target) string {
	parts := []string{t.Name}
	if t.Milestone() {
		if t.Reached.IsZero() {
			parts = append(parts, "ikke nået")
		} else {
			parts = append(parts, "nået "+dk.FormatDate(t.Reached))
		}
	} else {
		parts = append(parts, "mål "+dk.FormatDecimal(t.Goal, -1)+" "+t.Unit)
		if t.Measure == MeasureManual {
			parts = append(parts, "værdi "+dk.FormatDecimal(t.ManualValue, -1))
		}
	}
	if !t.Deadline.IsZero() {
		parts = append(parts, "frist "+dk.FormatDate(t.Deadline))
	}
	return strings.Join(parts, " · ")
}

const targetColumns = `id, name, goal, unit, start_on, deadline, measure, manual_value, reached_on, evidence, notes, position,
	archived_at, updated_at`

func scanTarget(row scanner) (Target, error) {
	var t Target
	var start, deadline, reached, archived, updated sql.NullString
	err := row.Scan(&t.ID, &t.Name, &t.Goal, &t.Unit, &start, &deadline, &t.Measure, &t.ManualValue, &reached, &t.Evidence,
		&t.Notes, &t.Position, &archived, &updated)
	t.Start, t.Deadline, t.Reached = dateCol(start), dateCol(deadline), dateCol(reached)
	t.ArchivedAt, t.UpdatedAt = instantCol(archived), instantCol(updated)
	return t, err
}

// Target reads one goal, measured on day.
func (s *Store) Target(ctx context.Context, id int64, day time.Time) (Target, error) {
	t, err := queryOne(ctx, s.db, scanTarget, "mål", id, "SELECT "+targetColumns+" FROM targets WHERE id = ?", id)
	if err != nil {
		return t, err
	}
	c, err := s.ActiveCounts(ctx, day)
	t.measure(c, day)
	return t, err
}

// Targets lists the active goals in their order with their values on day.
func (s *Store) Targets(ctx context.Context, day time.Time) ([]Target, error) {
	c, err := s.ActiveCounts(ctx, day)
	if err != nil {
		return nil, err
	}
	return s.targets(ctx, c, day, false)
}

// ArchivedTargets lists the archived goals, measured on day.
func (s *Store) ArchivedTargets(ctx context.Context, day time.Time) ([]Target, error) {
	c, err := s.ActiveCounts(ctx, day)
	if err != nil {
		return nil, err
	}
	return s.targets(ctx, c, day, true)
}

// targets reads the goals and measures them with counts already made.
func (s *Store) targets(ctx context.Context, c ActiveCounts, day time.Time, archived bool) ([]Target, error) {
	ts, err := queryAll(ctx, s.db, scanTarget, "SELECT "+targetColumns+` FROM targets WHERE (archived_at IS NOT NULL) = ?
		ORDER BY position, id`, archived)
	for i := range ts {
		ts[i].measure(c, day)
	}
	return ts, err
}

// ArchiveTarget hides a goal the partnership has dropped; its history stays.
func (s *Store) ArchiveTarget(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "targets", "mål", id, true)
}

// RestoreTarget brings an archived goal back.
func (s *Store) RestoreTarget(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "targets", "mål", id, false)
}

// TargetHistory is the goal's events, oldest first.
func (s *Store) TargetHistory(ctx context.Context, id int64) ([]Event, error) {
	return s.Events(ctx, "mål", id)
}
