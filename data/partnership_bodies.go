package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Body is one body of the project organisation: the partnership itself,
// the project management, the working group and the two steering groups.
// The list is editable (the memo expects the organisation to change).
type Body struct {
	ID         int64
	Code       string // stable name for the program; the seeded bodies keep theirs across renames
	Name       string
	Position   int
	ArchivedAt time.Time
}

// The seeded bodies' codes the program knows: Sekstanten's steering group
// gets its orientation point on a proposed agenda.
const (
	BodyPartnership         = "partnerskab"
	BodySekstantenSteering  = "styregruppe_sekstanten"
	BodyHelhedsplanSteering = "styregruppe_helhedsplan"
)

// Archived tells whether the body is archived.
func (b Body) Archived() bool { return !b.ArchivedAt.IsZero() }

// BodyForm is a body as typed.
type BodyForm struct {
	ID       int64
	Name     string
	Position string
}

// Form returns the body as the form shows it.
func (b Body) Form() BodyForm {
	return BodyForm{ID: b.ID, Name: b.Name, Position: positionText(b.ID, b.Position)}
}

// Parse checks the form and returns the body it describes.
func (f BodyForm) Parse() (Body, error) {
	var c checker
	b := Body{ID: f.ID}
	b.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", b.Name)
	b.Position = c.position(f.Position)
	return b, c.err()
}

// SaveBody validates and creates or updates a body; a new one goes last
// unless the form gives its place.
func (s *Store) SaveBody(ctx context.Context, f BodyForm) (Body, error) {
	atEnd := strings.TrimSpace(f.Position) == ""
	return save(ctx, s, &kind[Body]{
		entity: "organ",
		id:     func(b *Body) *int64 { return &b.ID },
		check: func(ctx context.Context, _ *Store, tx dbtx, b *Body, created bool, _ *ValidationError) error {
			if err := uniqueListName(ctx, tx, "bodies", b.ID, b.Name, "organet"); err != nil || !created {
				return err
			}
			code, err := newListCode(ctx, tx, "bodies", b.Name, "organ")
			b.Code = code
			if err != nil || !atEnd {
				return err
			}
			b.Position, err = lastPosition(ctx, tx, "bodies")
			return err
		},
		row: func(b Body) row {
			return row{table: "bodies", cols: []string{"name", "position"}, args: []any{b.Name, b.Position},
				once: []string{"code"}, onceArg: []any{b.Code}}
		},
		detail: func(b Body) string { return b.Name },
		read:   (*Store).Body,
	}, f.Parse)
}

const bodyColumns = `id, code, name, position, archived_at`

func scanBody(row scanner) (Body, error) {
	var b Body
	var archived sql.NullString
	err := row.Scan(&b.ID, &b.Code, &b.Name, &b.Position, &archived)
	b.ArchivedAt = instantCol(archived)
	return b, err
}

// Body reads one body, archived or not.
func (s *Store) Body(ctx context.Context, id int64) (Body, error) {
	return queryOne(ctx, s.db, scanBody, "organ", id, "SELECT "+bodyColumns+" FROM bodies WHERE id = ?", id)
}

// Bodies lists the bodies in their order; archived ones (last) only when asked.
func (s *Store) Bodies(ctx context.Context, withArchived bool) ([]Body, error) {
	return queryAll(ctx, s.db, scanBody, "SELECT "+bodyColumns+` FROM bodies WHERE ? OR archived_at IS NULL
		ORDER BY archived_at IS NOT NULL, position, name COLLATE `+CollationName+`, id`, withArchived)
}

// ArchiveBody hides a body from the choices for new meetings and memberships.
func (s *Store) ArchiveBody(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "bodies", "organ", id, true)
}

// RestoreBody brings an archived body back.
func (s *Store) RestoreBody(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "bodies", "organ", id, false)
}

// Membership is one contact person's seat in one body, from a date and
// perhaps to one.
type Membership struct {
	ID         int64
	BodyID     int64
	Body       string // the body's name, as read
	PersonID   int64
	Person     Person // as read
	Role       string // "formand", "sekretær", …
	From, To   time.Time
	ArchivedAt time.Time
	UpdatedAt  time.Time
}

// Archived tells whether the membership is archived.
func (m Membership) Archived() bool { return !m.ArchivedAt.IsZero() }

// On tells whether the membership runs on day.
func (m Membership) On(day time.Time) bool {
	day = dateOf(day)
	return !m.From.After(day) && (m.To.IsZero() || !m.To.Before(day))
}

// MembershipForm is a membership as typed.
type MembershipForm struct {
	ID       int64
	BodyID   int64
	PersonID int64
	Role     string
	From     string
	To       string
}

// Form returns the membership as the form shows it.
func (m Membership) Form() MembershipForm {
	return MembershipForm{ID: m.ID, BodyID: m.BodyID, PersonID: m.PersonID, Role: m.Role,
		From: formatDateOrEmpty(m.From), To: formatDateOrEmpty(m.To)}
}

// Parse checks the form and returns the membership it describes.
func (f MembershipForm) Parse() (Membership, error) {
	var c checker
	m := Membership{ID: f.ID, BodyID: f.BodyID, PersonID: f.PersonID}
	if f.BodyID == 0 {
		c.add("BodyID", "Organ", "required", "vælg organet")
	}
	if f.PersonID == 0 {
		c.add("PersonID", "Kontaktperson", "required", "vælg kontaktpersonen")
	}
	m.Role = c.freeText("Role", "Rolle", f.Role)
	if strings.TrimSpace(f.From) == "" {
		c.add("From", "Fra", "required", "skriv datoen, medlemskabet begynder, fx 1.3.2015")
	}
	m.From = c.date("From", "Fra", f.From)
	m.To = c.date("To", "Til", f.To)
	c.dateOrder("To", "Til", m.From, m.To, "slutdatoen")
	return m, c.err()
}

// dateOrder refuses an end before its start, on the end's field.
func (c *checker) dateOrder(field, label string, start, end time.Time, what string) {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		c.add(field, label, "date_order", fmt.Sprintf("%s (%s) ligger før startdatoen (%s)",
			what, dk.FormatDate(end), dk.FormatDate(start)))
	}
}

// SaveMembership validates and creates or updates a membership.
func (s *Store) SaveMembership(ctx context.Context, f MembershipForm) (Membership, error) {
	return save(ctx, s, membershipKind, f.Parse)
}

var membershipKind = &kind[Membership]{
	entity: "medlemskab",
	id:     func(m *Membership) *int64 { return &m.ID },
	check: func(ctx context.Context, _ *Store, tx dbtx, m *Membership, _ bool, parsed *ValidationError) error {
		var problems []FieldError
		if !parsed.Any("PersonID") {
			if p := personExists(ctx, tx, m.PersonID, "PersonID", "Kontaktperson"); p != nil {
				problems = append(problems, *p)
			}
		}
		if !parsed.Any("BodyID") && m.BodyID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bodies WHERE id = ?`, m.BodyID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				problems = append(problems, FieldError{Field: "BodyID", Label: "Organ", Code: "missing", Text: "organet findes ikke længere"})
			}
		}
		if len(problems) > 0 {
			return &ValidationError{Problems: problems}
		}
		return nil
	},
	row: func(m Membership) row {
		return row{table: "memberships", created: true, cols: []string{"body_id", "contact_id", "role", "from_on", "to_on"},
			args: []any{m.BodyID, m.PersonID, m.Role, dk.ISODate(m.From), isoOrNil(m.To)}}
	},
	read: (*Store).Membership,
}

const membershipColumns = `m.id, m.body_id, b.name, m.contact_id, k.name, k.title, o.name, k.archived_at IS NOT NULL,
	m.role, m.from_on, m.to_on, m.archived_at, m.updated_at`

const membershipFrom = ` FROM memberships m JOIN bodies b ON b.id = m.body_id
	JOIN contacts k ON k.id = m.contact_id JOIN organisations o ON o.id = k.organisation_id`

func scanMembership(row scanner) (Membership, error) {
	var m Membership
	var from string
	var to, archived, updated sql.NullString
	err := row.Scan(&m.ID, &m.BodyID, &m.Body, &m.PersonID, &m.Person.Name, &m.Person.Title, &m.Person.Organisation,
		&m.Person.Archived, &m.Role, &from, &to, &archived, &updated)
	m.Person.ID = m.PersonID
	m.From, m.To = dateCol(sql.NullString{String: from, Valid: true}), dateCol(to)
	m.ArchivedAt, m.UpdatedAt = instantCol(archived), instantCol(updated)
	return m, err
}

// Membership reads one membership.
func (s *Store) Membership(ctx context.Context, id int64) (Membership, error) {
	return queryOne(ctx, s.db, scanMembership, "medlemskab", id, "SELECT "+membershipColumns+membershipFrom+" WHERE m.id = ?", id)
}

// MembershipQuery chooses memberships: of one body (0 for all), running on
// a day (zero for any), archived instead of active.
type MembershipQuery struct {
	BodyID   int64
	On       time.Time
	Archived bool
}

// Memberships lists the memberships q chooses, by body and then the
// members the Danish way.
func (s *Store) Memberships(ctx context.Context, q MembershipQuery) ([]Membership, error) {
	on := ""
	if !q.On.IsZero() {
		on = dk.ISODate(q.On)
	}
	return queryAll(ctx, s.db, scanMembership, "SELECT "+membershipColumns+membershipFrom+`
		WHERE (?1 = 0 OR m.body_id = ?1) AND (m.archived_at IS NOT NULL) = ?2
			AND (?3 = '' OR (m.from_on <= ?3 AND (m.to_on IS NULL OR m.to_on >= ?3)))
		ORDER BY b.position, b.id, k.sort_key, m.from_on, m.id`, q.BodyID, q.Archived, on)
}

// ArchiveMembership hides a membership entered by mistake; a member who
// leaves gets an end date instead, so the history stays true.
func (s *Store) ArchiveMembership(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "memberships", "medlemskab", id, true)
}

// RestoreMembership brings an archived membership back.
func (s *Store) RestoreMembership(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "memberships", "medlemskab", id, false)
}
