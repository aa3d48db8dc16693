package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Position is a job an enterprise plans: "Syerske, 20 timer, 5 stk.".
type Position struct {
	ID             int64
	OrganisationID int64
	Title          string
	HoursPerWeek   float64
	Count          int   // how many people the position is for
	SchemeID       int64 // the scheme it is meant for; 0 for any
	Notes          string
	ArchivedAt     time.Time
	UpdatedAt      time.Time

	// Read with the position, for lists.
	OrganisationName string
	SchemeName       string
	Filled           int // placements on the position that run today
}

// Archived tells whether the position is archived.
func (p Position) Archived() bool { return !p.ArchivedAt.IsZero() }

// PositionForm is a position as typed.
type PositionForm struct {
	ID             int64
	OrganisationID int64
	Title          string
	HoursPerWeek   string
	Count          string
	SchemeID       int64
	Notes          string
}

// Form returns the position as the form shows it.
func (p Position) Form() PositionForm {
	return PositionForm{ID: p.ID, OrganisationID: p.OrganisationID, Title: p.Title,
		HoursPerWeek: dk.FormatDecimal(p.HoursPerWeek, -1), Count: strconv.Itoa(p.Count),
		SchemeID: p.SchemeID, Notes: p.Notes}
}

// maxHoursPerWeek is the most hours a week a position or placement can have.
const maxHoursPerWeek = 80

// Parse checks the form and returns the position it describes.
func (f PositionForm) Parse() (Position, error) {
	var c checker
	p := Position{ID: f.ID, OrganisationID: f.OrganisationID, SchemeID: f.SchemeID}
	if p.OrganisationID == 0 {
		c.add("OrganisationID", "Virksomhed", "required", "vælg virksomheden")
	}
	p.Title = c.required("Title", "Stilling", f.Title)
	c.noCPR("Title", "Stilling", p.Title)
	if strings.TrimSpace(f.HoursPerWeek) == "" {
		c.add("HoursPerWeek", "Timer pr. uge", "required", "skal udfyldes, fx 37 eller 18,5")
	} else {
		p.HoursPerWeek = c.hours("HoursPerWeek", "Timer pr. uge", f.HoursPerWeek)
		if p.HoursPerWeek == 0 && !c.has("HoursPerWeek") {
			c.add("HoursPerWeek", "Timer pr. uge", "range", "skal være mere end 0 timer")
		}
	}
	if strings.TrimSpace(f.Count) == "" {
		c.add("Count", "Antal", "required", "skal udfyldes, fx 1")
	} else {
		p.Count = c.wholeNumber("Count", "Antal", f.Count, 1, 1000)
	}
	p.Notes = c.freeText("Notes", "Noter", f.Notes)
	return p, c.err()
}

// hours parses hours a week (0–80) with a decimal comma; empty is 0.
func (c *checker) hours(field, label, s string) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	h, err := dk.ParseDecimal(s)
	if err != nil {
		c.addErr(field, label, err)
		return 0
	}
	if h < 0 || h > maxHoursPerWeek {
		c.add(field, label, "range", fmt.Sprintf("skal være mellem 0 og %d timer (%s)", maxHoursPerWeek, s))
	}
	return h
}

// SavePosition validates and creates or updates a position.
func (s *Store) SavePosition(ctx context.Context, f PositionForm) (Position, error) {
	return save(ctx, s, positionKind, f.Parse)
}

// positionKind is how a position is saved, after the checks that need the
// database: its enterprise and scheme, and that a position with placements
// stays in its enterprise.
var positionKind = &kind[Position]{
	entity: "stilling",
	id:     func(p *Position) *int64 { return &p.ID },
	check:  checkPosition,
	row: func(p Position) row {
		return row{table: "positions", created: true,
			cols: []string{"organisation_id", "title", "hours_per_week", "count", "scheme_id", "notes"},
			args: []any{p.OrganisationID, p.Title, p.HoursPerWeek, p.Count, nilIfZero(p.SchemeID), p.Notes}}
	},
	detail: func(p Position) string { return p.Title },
	read:   (*Store).Position,
}

func checkPosition(ctx context.Context, _ *Store, tx dbtx, p *Position, _ bool, _ *ValidationError) error {
	var c checker
	var old struct {
		org, scheme sql.NullInt64
	}
	if p.ID != 0 {
		err := tx.QueryRowContext(ctx, `SELECT organisation_id, scheme_id FROM positions WHERE id = ?`, p.ID).Scan(&old.org, &old.scheme)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("stilling %d findes ikke: %w", p.ID, ErrNotFound)
		} else if err != nil {
			return err
		}
	}
	if err := checkChoice(ctx, tx, &c, "organisations", "OrganisationID", "Virksomhed", "virksomheden",
		p.OrganisationID, old.org.Int64); err != nil {
		return err
	}
	if err := checkChoice(ctx, tx, &c, "schemes", "SchemeID", "Ordning", "ordningen", p.SchemeID, old.scheme.Int64); err != nil {
		return err
	}
	if p.ID != 0 && p.OrganisationID != old.org.Int64 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM placements WHERE position_id = ?`, p.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			c.add("OrganisationID", "Virksomhed", "has_placements",
				fmt.Sprintf("stillingen har %d placering(er) i sin virksomhed og kan ikke flyttes; opret en ny stilling i stedet", n))
		}
	}
	return c.err()
}

// checkChoice checks a chosen row of table (an organisation, a scheme, a
// target group, a position): it must exist, and an archived one may only stay
// where it already was (was is the id the record had before), not be chosen
// anew. id 0 means nothing chosen and is left to the caller.
func checkChoice(ctx context.Context, tx dbtx, c *checker, table, field, label, what string, id, was int64) error {
	if id == 0 {
		return nil
	}
	var name string
	var archived bool
	query, ok := choiceQueries[table]
	if !ok {
		query = "SELECT name, archived_at IS NOT NULL FROM " + table + " WHERE id = ?"
	}
	err := lookup(ctx, tx, query, id, &name, &archived)
	if errors.Is(err, sql.ErrNoRows) {
		c.add(field, label, "missing", fmt.Sprintf("%s findes ikke (nr. %d)", what, id))
		return nil
	}
	if err != nil {
		return err
	}
	if archived && id != was {
		c.add(field, label, "archived", fmt.Sprintf("%s »%s« er arkiveret; genskab den eller vælg en anden", what, name))
	}
	return nil
}

// choiceQueries are checkChoice's queries, written once: a placement
// import asks four of them per row.
var choiceQueries = map[string]string{
	"organisations": "SELECT name, archived_at IS NOT NULL FROM organisations WHERE id = ?",
	"schemes":       "SELECT name, archived_at IS NOT NULL FROM schemes WHERE id = ?",
	"target_groups": "SELECT name, archived_at IS NOT NULL FROM target_groups WHERE id = ?",
	"positions":     "SELECT title, archived_at IS NOT NULL FROM positions WHERE id = ?",
}

// positionSelect reads a position with its enterprise, scheme and how many
// placements on it run on the day given as the first argument.
const positionSelect = `SELECT p.id, p.organisation_id, p.title, p.hours_per_week, p.count, p.scheme_id, p.notes,
	p.archived_at, p.updated_at, o.name, coalesce(sc.name, ''),
	(SELECT count(*) FROM placements pl WHERE pl.position_id = p.id AND pl.start_on <= ?1
		AND (pl.end_on IS NULL OR pl.end_on >= ?1))
	FROM positions p JOIN organisations o ON o.id = p.organisation_id LEFT JOIN schemes sc ON sc.id = p.scheme_id`

func scanPosition(row scanner) (Position, error) {
	var p Position
	var scheme sql.NullInt64
	var archived sql.NullString
	var updated string
	err := row.Scan(&p.ID, &p.OrganisationID, &p.Title, &p.HoursPerWeek, &p.Count, &scheme, &p.Notes,
		&archived, &updated, &p.OrganisationName, &p.SchemeName, &p.Filled)
	p.SchemeID = scheme.Int64
	p.ArchivedAt = instantCol(archived)
	p.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	return p, err
}

// Position reads one position, archived or not.
func (s *Store) Position(ctx context.Context, id int64) (Position, error) {
	return queryOne(ctx, s.db, scanPosition, "stilling", id, positionSelect+" WHERE p.id = ?2", dk.ISODate(s.today()), id)
}

// PositionQuery selects positions for a list.
type PositionQuery struct {
	Text           string // matches the title and the enterprise
	OrganisationID int64  // 0 for every enterprise
	Archived       bool   // list the archived ones instead of the active ones
	Limit          int    // 0 means 100
	Offset         int
}

func (q PositionQuery) where() (string, []any) {
	where := []string{"(p.archived_at IS NOT NULL) = ?"}
	args := []any{q.Archived}
	if q.OrganisationID != 0 {
		where = append(where, "p.organisation_id = ?")
		args = append(args, q.OrganisationID)
	}
	for _, word := range strings.Fields(dk.Fold(q.Text)) {
		// The title has no stored search text; it is folded as it is read.
		where = append(where, "(instr("+FoldFunction+"(p.title), ?) > 0 OR instr(o.search_text, ?) > 0)")
		args = append(args, word, word)
	}
	return strings.Join(where, " AND "), args
}

// Positions returns one page of positions, by enterprise (Danish order) and title.
func (s *Store) Positions(ctx context.Context, q PositionQuery) ([]Position, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args := q.where()
	args = append([]any{dk.ISODate(s.today())}, args...)
	args = append(args, limit, q.Offset)
	// ?1 is the day; SQLite numbers each plain ? after the highest so far,
	// so the filter's parameters follow it in order.
	return queryAll(ctx, s.db, scanPosition, positionSelect+" WHERE "+where+
		" ORDER BY o.sort_key, o.id, p.title COLLATE "+CollationName+", p.id LIMIT ? OFFSET ?", args...)
}

// CountPositions counts what Positions would list without a limit.
func (s *Store) CountPositions(ctx context.Context, q PositionQuery) (int, error) {
	where, args := q.where()
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM positions p JOIN organisations o ON o.id = p.organisation_id
		WHERE `+where, args...).Scan(&n)
	return n, err
}

// StaffingPlan is what the positions plan and how much of it is filled.
type StaffingPlan struct {
	Positions int // active positions
	Planned   int // the people they are for (the sum of their counts)
	Filled    int // placements on them that run on the day
}

// PlanOn sums the active positions of one enterprise (0 for all) and the
// placements on them that run on day.
func (s *Store) PlanOn(ctx context.Context, orgID int64, day time.Time) (StaffingPlan, error) {
	var p StaffingPlan
	iso := dk.ISODate(day)
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(count), 0),
		coalesce(sum((SELECT count(*) FROM placements pl WHERE pl.position_id = p.id AND pl.start_on <= ?1
			AND (pl.end_on IS NULL OR pl.end_on >= ?1))), 0)
		FROM positions p WHERE p.archived_at IS NULL AND (?2 = 0 OR p.organisation_id = ?2)`, iso, orgID).
		Scan(&p.Positions, &p.Planned, &p.Filled)
	return p, err
}

// ArchivePosition hides a position from lists and choices; placements on it keep it.
func (s *Store) ArchivePosition(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "positions", "stilling", id, true)
}

// RestorePosition brings an archived position back.
func (s *Store) RestorePosition(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "positions", "stilling", id, false)
}

// today is the store's clock as a calendar date (00:00 UTC, as dates are
// kept), on the caseworker's local calendar.
func (s *Store) today() time.Time {
	n := s.Now().Local()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}
