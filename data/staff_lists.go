package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Scheme is an employment scheme (ordinary job, flex job, wage subsidy, work
// placement, …). The list is editable: the 2026–27 reform abolishes and
// renames schemes, so the program keeps them as data, not constants.
type Scheme struct {
	ID   int64
	Code string // stable name for the program; the seeded schemes keep theirs across renames
	Name string
	// Subsidised schemes (wage subsidy, work placement) count against the
	// subsidy ratio rule; the others that count as jobs are the ordinary
	// employees the rule measures against.
	Subsidised  bool
	Flex        bool
	CountsAsJob bool
	WarnWeeks   int // a placement longer than this gets a warning; 0 for none
	Position    int // the order lists show
	ArchivedAt  time.Time
}

// Archived tells whether the scheme is archived.
func (sc Scheme) Archived() bool { return !sc.ArchivedAt.IsZero() }

// SchemeForm is a scheme as typed.
type SchemeForm struct {
	ID          int64
	Name        string
	Subsidised  bool
	Flex        bool
	CountsAsJob bool
	WarnWeeks   string
	Position    string
}

// Form returns the scheme as the form shows it.
func (sc Scheme) Form() SchemeForm {
	f := SchemeForm{ID: sc.ID, Name: sc.Name, Subsidised: sc.Subsidised, Flex: sc.Flex, CountsAsJob: sc.CountsAsJob,
		Position: positionText(sc.ID, sc.Position)}
	if sc.WarnWeeks > 0 {
		f.WarnWeeks = strconv.Itoa(sc.WarnWeeks)
	}
	return f
}

// Parse checks the form and returns the scheme it describes.
func (f SchemeForm) Parse() (Scheme, error) {
	var c checker
	sc := Scheme{ID: f.ID, Subsidised: f.Subsidised, Flex: f.Flex, CountsAsJob: f.CountsAsJob}
	sc.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", sc.Name)
	sc.WarnWeeks = c.wholeNumber("WarnWeeks", "Advarsel efter uger", f.WarnWeeks, 1, 520)
	sc.Position = c.position(f.Position)
	return sc, c.err()
}

// wholeNumber parses an optional whole number between lo and hi; empty is 0.
func (c *checker) wholeNumber(field, label, s string, lo, hi int) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		c.add(field, label, "number", fmt.Sprintf("skal være et helt tal (%s)", s))
		return 0
	}
	if n < lo || n > hi {
		c.add(field, label, "range", fmt.Sprintf("skal være mellem %d og %d (%d)", lo, hi, n))
	}
	return n
}

// SaveScheme validates and creates or updates a scheme; a new one without
// a place in the order goes last.
func (s *Store) SaveScheme(ctx context.Context, f SchemeForm) (Scheme, error) {
	return save(ctx, s, schemeKind(strings.TrimSpace(f.Position) == ""), f.Parse)
}

// schemeKind is how a scheme is saved: a name no other scheme has, and a
// new scheme's code (and, when atEnd, its place last in the order).
func schemeKind(atEnd bool) *kind[Scheme] {
	return &kind[Scheme]{
		entity: "ordning",
		id:     func(sc *Scheme) *int64 { return &sc.ID },
		check: func(ctx context.Context, _ *Store, tx dbtx, sc *Scheme, created bool, _ *ValidationError) error {
			if err := uniqueListName(ctx, tx, "schemes", sc.ID, sc.Name, "ordningen"); err != nil || !created {
				return err
			}
			code, err := newListCode(ctx, tx, "schemes", sc.Name, "ordning")
			if err != nil {
				return err
			}
			sc.Code = code
			if atEnd {
				sc.Position, err = lastPosition(ctx, tx, "schemes")
				return err
			}
			return nil
		},
		row: func(sc Scheme) row {
			warn := any(nil)
			if sc.WarnWeeks > 0 {
				warn = sc.WarnWeeks
			}
			return row{table: "schemes", cols: []string{"name", "subsidised", "flex", "counts_as_job", "warn_weeks", "position"},
				args: []any{sc.Name, sc.Subsidised, sc.Flex, sc.CountsAsJob, warn, sc.Position},
				once: []string{"code"}, onceArg: []any{sc.Code}}
		},
		detail: func(sc Scheme) string { return sc.Name },
		read:   (*Store).Scheme,
	}
}

// uniqueListName refuses a name that another row of table (schemes or
// target_groups) already has, compared the way search compares (so "fleksjob"
// and "Fleksjob" are the same scheme).
func uniqueListName(ctx context.Context, tx dbtx, table string, id int64, name, what string) error {
	rows, err := tx.QueryContext(ctx, "SELECT name, archived_at IS NOT NULL FROM "+table+" WHERE id <> ?", id)
	if err != nil {
		return err
	}
	defer rows.Close()
	want := dk.Fold(name)
	for rows.Next() {
		var other string
		var archived bool
		if err := rows.Scan(&other, &archived); err != nil {
			return err
		}
		if dk.Fold(other) == want {
			text := fmt.Sprintf("%s »%s« findes allerede", what, other)
			if archived {
				text += " (arkiveret; genskab den i stedet)"
			}
			return &ValidationError{Problems: []FieldError{{Field: "Name", Label: "Navn", Code: "duplicate", Text: text}}}
		}
	}
	return rows.Err()
}

// newListCode makes a stable code for a new row of table (schemes, bodies)
// from its name: the folded name's letters and digits, numbered if another
// row has it; fallback when the name has none.
func newListCode(ctx context.Context, tx dbtx, table, name, fallback string) (string, error) {
	var b strings.Builder
	for _, r := range dk.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ø':
			b.WriteString("oe")
		case r == 'å':
			b.WriteString("aa")
		}
	}
	base := b.String()
	if base == "" {
		base = fallback
	}
	code := base
	for i := 2; ; i++ {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE code = ?", code).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return code, nil
		}
		code = fmt.Sprintf("%s%d", base, i)
	}
}

const schemeColumns = `id, code, name, subsidised, flex, counts_as_job, warn_weeks, position, archived_at`

func scanScheme(row scanner) (Scheme, error) {
	var sc Scheme
	var warn sql.NullInt64
	var archived sql.NullString
	err := row.Scan(&sc.ID, &sc.Code, &sc.Name, &sc.Subsidised, &sc.Flex, &sc.CountsAsJob, &warn, &sc.Position, &archived)
	sc.WarnWeeks = int(warn.Int64)
	sc.ArchivedAt = instantCol(archived)
	return sc, err
}

// Scheme reads one scheme, archived or not.
func (s *Store) Scheme(ctx context.Context, id int64) (Scheme, error) {
	return queryOne(ctx, s.db, scanScheme, "ordning", id, "SELECT "+schemeColumns+" FROM schemes WHERE id = ?", id)
}

// Schemes lists the schemes in their order; archived ones (last) only when asked.
func (s *Store) Schemes(ctx context.Context, withArchived bool) ([]Scheme, error) {
	return queryAll(ctx, s.db, scanScheme, "SELECT "+schemeColumns+` FROM schemes WHERE ? OR archived_at IS NULL
		ORDER BY archived_at IS NOT NULL, position, name COLLATE `+CollationName+`, id`, withArchived)
}

// FindScheme finds a scheme in list by its name (as search compares) or its
// code, for an import that names schemes.
func FindScheme(list []Scheme, name string) (Scheme, bool) {
	want := dk.Fold(strings.TrimSpace(name))
	for _, sc := range list {
		if dk.Fold(sc.Name) == want || sc.Code == want {
			return sc, true
		}
	}
	return Scheme{}, false
}

// ArchiveScheme hides a scheme from the choices for new placements; the
// placements already in it keep it.
func (s *Store) ArchiveScheme(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "schemes", "ordning", id, true)
}

// RestoreScheme brings an archived scheme back.
func (s *Store) RestoreScheme(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "schemes", "ordning", id, false)
}

// TargetGroup is a target group of the partnership ("Ledige fleksjobbere").
type TargetGroup struct {
	ID         int64
	Name       string
	Position   int
	ArchivedAt time.Time
}

// Archived tells whether the target group is archived.
func (g TargetGroup) Archived() bool { return !g.ArchivedAt.IsZero() }

// TargetGroupForm is a target group as typed.
type TargetGroupForm struct {
	ID       int64
	Name     string
	Position string
}

// Form returns the target group as the form shows it.
func (g TargetGroup) Form() TargetGroupForm {
	return TargetGroupForm{ID: g.ID, Name: g.Name, Position: positionText(g.ID, g.Position)}
}

// Parse checks the form and returns the target group it describes.
func (f TargetGroupForm) Parse() (TargetGroup, error) {
	var c checker
	g := TargetGroup{ID: f.ID}
	g.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", g.Name)
	g.Position = c.position(f.Position)
	return g, c.err()
}

// SaveTargetGroup validates and creates or updates a target group; a new
// one without a place in the order goes last.
func (s *Store) SaveTargetGroup(ctx context.Context, f TargetGroupForm) (TargetGroup, error) {
	return save(ctx, s, targetGroupKind(strings.TrimSpace(f.Position) == ""), f.Parse)
}

// targetGroupKind is how a target group is saved; atEnd puts a new one last.
func targetGroupKind(atEnd bool) *kind[TargetGroup] {
	return &kind[TargetGroup]{
		entity: "målgruppe",
		id:     func(g *TargetGroup) *int64 { return &g.ID },
		check: func(ctx context.Context, _ *Store, tx dbtx, g *TargetGroup, created bool, _ *ValidationError) error {
			if err := uniqueListName(ctx, tx, "target_groups", g.ID, g.Name, "målgruppen"); err != nil || !created || !atEnd {
				return err
			}
			var err error
			g.Position, err = lastPosition(ctx, tx, "target_groups")
			return err
		},
		row: func(g TargetGroup) row {
			return row{table: "target_groups", cols: []string{"name", "position"}, args: []any{g.Name, g.Position}}
		},
		detail: func(g TargetGroup) string { return g.Name },
		read:   (*Store).TargetGroup,
	}
}

const targetGroupColumns = `id, name, position, archived_at`

func scanTargetGroup(row scanner) (TargetGroup, error) {
	var g TargetGroup
	var archived sql.NullString
	err := row.Scan(&g.ID, &g.Name, &g.Position, &archived)
	g.ArchivedAt = instantCol(archived)
	return g, err
}

// TargetGroup reads one target group, archived or not.
func (s *Store) TargetGroup(ctx context.Context, id int64) (TargetGroup, error) {
	return queryOne(ctx, s.db, scanTargetGroup, "målgruppe", id, "SELECT "+targetGroupColumns+" FROM target_groups WHERE id = ?", id)
}

// TargetGroups lists the target groups in their order; archived ones (last)
// only when asked.
func (s *Store) TargetGroups(ctx context.Context, withArchived bool) ([]TargetGroup, error) {
	return queryAll(ctx, s.db, scanTargetGroup, "SELECT "+targetGroupColumns+` FROM target_groups WHERE ? OR archived_at IS NULL
		ORDER BY archived_at IS NOT NULL, position, name COLLATE `+CollationName+`, id`, withArchived)
}

// FindTargetGroup finds a target group in list by its name, as search compares.
func FindTargetGroup(list []TargetGroup, name string) (TargetGroup, bool) {
	want := dk.Fold(strings.TrimSpace(name))
	for _, g := range list {
		if dk.Fold(g.Name) == want {
			return g, true
		}
	}
	return TargetGroup{}, false
}

// ArchiveTargetGroup hides a target group from the choices for new placements.
func (s *Store) ArchiveTargetGroup(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "target_groups", "målgruppe", id, true)
}

// RestoreTargetGroup brings an archived target group back.
func (s *Store) RestoreTargetGroup(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "target_groups", "målgruppe", id, false)
}
