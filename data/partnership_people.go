package data

import (
	"context"
	"strings"

	"partnerskab/data/dk"
)

// Person is a contact person as the partnership's work names them: with
// the organisation they come from ("Mette Lindholm, Center for
// Arbejdsmarked og Integration").
type Person struct {
	ID           int64
	Name         string
	Title        string
	Organisation string
	Archived     bool
}

// Label is the person on one line: name, organisation.
func (p Person) Label() string {
	if p.Organisation == "" {
		return p.Name
	}
	return p.Name + ", " + p.Organisation
}

const personColumns = `k.id, k.name, k.title, o.name, k.archived_at IS NOT NULL`

const personFrom = ` FROM contacts k JOIN organisations o ON o.id = k.organisation_id`

func scanPerson(row scanner) (Person, error) {
	var p Person
	err := row.Scan(&p.ID, &p.Name, &p.Title, &p.Organisation, &p.Archived)
	return p, err
}

// Person reads one contact person with their organisation, archived or not.
func (s *Store) Person(ctx context.Context, id int64) (Person, error) {
	return queryOne(ctx, s.db, scanPerson, "kontaktperson", id, "SELECT "+personColumns+personFrom+" WHERE k.id = ?", id)
}

// personMatch is the WHERE clause for a search of people by name, title
// or organisation, folded the way search folds (aa and å alike).
const personMatch = ` WHERE k.archived_at IS NULL AND (?1 = '' OR instr(dkfold(k.name || ' ' || k.title || ' ' || o.name), ?1) > 0)`

// SearchPeople lists the active contact people whose name, title or
// organisation holds text, the Danish way sorted, one page at a time.
func (s *Store) SearchPeople(ctx context.Context, text string, offset, limit int) ([]Person, error) {
	return queryAll(ctx, s.db, scanPerson, "SELECT "+personColumns+personFrom+personMatch+
		` ORDER BY k.sort_key, o.sort_key, k.id LIMIT ?2 OFFSET ?3`, dk.Fold(strings.TrimSpace(text)), limit, offset)
}

// CountPeople counts what SearchPeople finds.
func (s *Store) CountPeople(ctx context.Context, text string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*)"+personFrom+personMatch, dk.Fold(strings.TrimSpace(text))).Scan(&n)
	return n, err
}

// people reads the people ids name, in the order of ids; an id that is not
// a contact person is left out.
func (s *Store) people(ctx context.Context, q queryer, ids []int64) ([]Person, error) {
	out := make([]Person, 0, len(ids))
	for _, id := range ids {
		ps, err := queryAll(ctx, q, scanPerson, "SELECT "+personColumns+personFrom+" WHERE k.id = ?", id)
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}

// personExists refuses an id that is not a contact person, on field.
func personExists(ctx context.Context, tx dbtx, id int64, field, label string) *FieldError {
	if id == 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts WHERE id = ?`, id).Scan(&n); err != nil || n == 0 {
		return &FieldError{Field: field, Label: label, Code: "missing", Text: "kontaktpersonen findes ikke længere"}
	}
	return nil
}
