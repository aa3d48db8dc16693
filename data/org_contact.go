package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Contact is a contact person of an organisation.
type Contact struct {
	ID             int64
	OrganisationID int64
	Name           string
	Title          string
	Email          string
	Phone          string
	Role           string
	ValidFrom      time.Time
	ValidTo        time.Time
	Notes          string
	ArchivedAt     time.Time
}

// Archived tells whether the contact is archived.
func (c Contact) Archived() bool { return !c.ArchivedAt.IsZero() }

// ContactForm is a contact person as typed.
type ContactForm struct {
	ID             int64
	OrganisationID int64
	Name           string
	Title          string
	Email          string
	Phone          string
	Role           string
	ValidFrom      string
	ValidTo        string
	Notes          string
}

// Form returns the contact as the form shows it.
func (c Contact) Form() ContactForm {
	return ContactForm{ID: c.ID, OrganisationID: c.OrganisationID, Name: c.Name, Title: c.Title,
		Email: c.Email, Phone: c.Phone, Role: c.Role,
		ValidFrom: formatDateOrEmpty(c.ValidFrom), ValidTo: formatDateOrEmpty(c.ValidTo), Notes: c.Notes}
}

// Parse checks the form and returns the contact it describes.
func (f ContactForm) Parse() (Contact, error) {
	var c checker
	k := Contact{ID: f.ID, OrganisationID: f.OrganisationID}
	k.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", k.Name)
	k.Title = c.freeText("Title", "Titel", f.Title)
	k.Email = strings.TrimSpace(f.Email)
	c.noCPR("Email", "E-mail", k.Email)
	if k.Email != "" && !c.has("Email") {
		if a, err := mail.ParseAddress(k.Email); err != nil || a.Address != k.Email || !strings.Contains(k.Email, "@") {
			c.add("Email", "E-mail", "email", "ikke en gyldig e-mailadresse ("+k.Email+"); skriv fx navn@kommune.dk")
		}
	}
	k.Phone = strings.TrimSpace(f.Phone)
	c.noCPR("Phone", "Telefon", k.Phone)
	if k.Phone != "" && !c.has("Phone") && !validPhone(k.Phone) {
		c.add("Phone", "Telefon", "phone", "ikke et telefonnummer ("+k.Phone+"); skriv fx 58 57 36 00 eller +45 58 57 36 00")
	}
	k.Role = c.freeText("Role", "Rolle", f.Role)
	k.ValidFrom = c.date("ValidFrom", "Fra", f.ValidFrom)
	k.ValidTo = c.date("ValidTo", "Til", f.ValidTo)
	if !k.ValidFrom.IsZero() && !k.ValidTo.IsZero() && k.ValidTo.Before(k.ValidFrom) {
		c.add("ValidTo", "Til", "date_order", fmt.Sprintf("til-datoen (%s) ligger før fra-datoen (%s)",
			dk.FormatDate(k.ValidTo), dk.FormatDate(k.ValidFrom)))
	}
	k.Notes = c.freeText("Notes", "Noter", f.Notes)
	if k.OrganisationID == 0 {
		c.add("OrganisationID", "Organisation", "required", "vælg organisationen")
	}
	return k, c.err()
}

// validPhone accepts digits with spaces, dashes and an optional leading +.
func validPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}

// SaveContact validates and creates or updates a contact person.
func (s *Store) SaveContact(ctx context.Context, f ContactForm) (Contact, error) {
	return save(ctx, s, contactKind, f.Parse)
}

// contactKind is how a contact person is saved, under an organisation that exists.
var contactKind = &kind[Contact]{
	entity: "kontaktperson",
	id:     func(k *Contact) *int64 { return &k.ID },
	check: func(ctx context.Context, _ *Store, tx dbtx, k *Contact, _ bool, _ *ValidationError) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM organisations WHERE id = ?`, k.OrganisationID).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			return &ValidationError{Problems: []FieldError{{Field: "OrganisationID", Label: "Organisation", Code: "missing",
				Text: fmt.Sprintf("organisation %d findes ikke", k.OrganisationID)}}}
		}
		// An anonymised contact person's data is gone after the retention
		// (retention_kinds.go); it cannot be written back.
		var anonymised int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts WHERE id = ? AND anonymised_at IS NOT NULL`, k.ID).Scan(&anonymised); err != nil {
			return err
		}
		if anonymised > 0 {
			return &ValidationError{Problems: []FieldError{{Field: "Name", Label: "Navn", Code: "anonymised",
				Text: "kontaktpersonen er anonymiseret efter slettefristen; personoplysningerne kan ikke skrives igen"}}}
		}
		return nil
	},
	row: func(k Contact) row {
		return row{table: "contacts", created: true,
			cols: []string{"organisation_id", "name", "sort_key", "title", "email", "phone", "role", "valid_from", "valid_to", "notes"},
			args: []any{k.OrganisationID, k.Name, dk.SortKey(k.Name), k.Title, k.Email, k.Phone, k.Role,
				isoOrNil(k.ValidFrom), isoOrNil(k.ValidTo), k.Notes}}
	},
	read: (*Store).Contact,
}

const contactColumns = `id, organisation_id, name, title, email, phone, role, valid_from, valid_to, notes, archived_at`

func scanContact(row scanner) (Contact, error) {
	var k Contact
	var from, to, archived sql.NullString
	err := row.Scan(&k.ID, &k.OrganisationID, &k.Name, &k.Title, &k.Email, &k.Phone, &k.Role, &from, &to, &k.Notes, &archived)
	k.ValidFrom, k.ValidTo, k.ArchivedAt = dateCol(from), dateCol(to), instantCol(archived)
	return k, err
}

// Contact reads one contact person.
func (s *Store) Contact(ctx context.Context, id int64) (Contact, error) {
	return queryOne(ctx, s.db, scanContact, "kontaktperson", id, "SELECT "+contactColumns+" FROM contacts WHERE id = ?", id)
}

// Contacts lists an organisation's contact people, sorted the Danish way;
// archived ones only when asked.
func (s *Store) Contacts(ctx context.Context, orgID int64, withArchived bool) ([]Contact, error) {
	return queryAll(ctx, s.db, scanContact, "SELECT "+contactColumns+` FROM contacts
		WHERE organisation_id = ? AND (? OR archived_at IS NULL) ORDER BY archived_at IS NOT NULL, sort_key, id`, orgID, withArchived)
}

// ArchiveContact hides a contact person (they left); restore with RestoreContact.
func (s *Store) ArchiveContact(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "contacts", "kontaktperson", id, true)
}

// RestoreContact brings an archived contact person back.
func (s *Store) RestoreContact(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "contacts", "kontaktperson", id, false)
}
