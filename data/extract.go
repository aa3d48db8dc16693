package data

import (
	"context"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// A person's extract (GDPR art. 15): every row that names a contact person
// or a placement's pseudonym, and every event about those rows, read with
// all their columns so that nothing the file holds about the person is
// left out. Rows about other people are never read.

// Extract is what the file holds about one person.
type Extract struct {
	Subject  string           `json:"subject"`
	Sections []ExtractSection `json:"sections"`
}

// ExtractSection is the rows of one table (or the audit log) that concern
// the person, with every column.
type ExtractSection struct {
	Title   string     `json:"title"`
	Table   string     `json:"table"`
	Columns []string   `json:"columns"`
	Labels  []string   `json:"labels"` // the columns in Danish, as the PDF names them
	Rows    [][]string `json:"rows"`
}

// ContactExtract is contact id's extract: the contact, its organisation,
// the meetings it was invited to, its memberships, the agreements it
// signs (as the contact, or by the contact's name where the signatory was
// typed in without one), and the audit log's events about each of them.
func (s *Store) ContactExtract(ctx context.Context, id int64) (Extract, error) {
	c, err := s.Contact(ctx, id)
	if err != nil {
		return Extract{}, err
	}
	x := Extract{Subject: fmt.Sprintf("Kontaktperson %d: %s", id, c.Name)}
	parts := []struct{ title, table, query string }{
		{"Kontaktpersonen", "contacts", `SELECT * FROM contacts WHERE id = ?1`},
		{"Organisationen", "organisations", `SELECT * FROM organisations WHERE id = (SELECT organisation_id FROM contacts WHERE id = ?1)`},
		{"Indkaldelser og fremmøde", "meeting_people", `SELECT mp.*, m.title AS meeting_title, m.held_on AS meeting_held_on
			FROM meeting_people mp JOIN meetings m ON m.id = mp.meeting_id WHERE mp.contact_id = ?1 ORDER BY m.held_on`},
		{"Medlemskaber af fora", "memberships", `SELECT * FROM memberships WHERE contact_id = ?1 ORDER BY id`},
		{"Underskriver på aftaler", "signatories", `SELECT g.*, a.number AS agreement_number, a.title AS agreement_title, a.status AS agreement_status
			FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.contact_id = ?1 OR (g.contact_id IS NULL AND g.name = (SELECT name FROM contacts WHERE id = ?1)) ORDER BY g.id`},
		{"Afgivne underskrifter", "signatures", `SELECT id, signatory_id, method, typed_name, place, signed_at, signed_on,
			CASE WHEN image_png IS NULL THEN '' ELSE 'billede, ' || length(image_png) || ' byte' END AS image_png
			FROM signatures WHERE signatory_id IN (SELECT id FROM signatories WHERE contact_id = ?1 OR (contact_id IS NULL AND name = (SELECT name FROM contacts WHERE id = ?1))) ORDER BY id`},
		{"Hændelser", "events", extractEvents + ` WHERE (e.entity = 'kontaktperson' AND e.entity_id = ?1)
			OR (e.entity = 'medlemskab' AND e.entity_id IN (SELECT id FROM memberships WHERE contact_id = ?1))
			OR e.signatory_id IN (SELECT id FROM signatories WHERE contact_id = ?1 OR (contact_id IS NULL AND name = (SELECT name FROM contacts WHERE id = ?1))) ORDER BY e.id`},
	}
	for _, p := range parts {
		sec, err := s.extractSection(ctx, p.title, p.table, p.query, id)
		if err != nil {
			return x, err
		}
		x.Sections = append(x.Sections, sec)
	}
	return x, nil
}

// PlacementExtract is placement id's extract: the placement and the audit
// log's events about it.
func (s *Store) PlacementExtract(ctx context.Context, id int64) (Extract, error) {
	p, err := s.Placement(ctx, id)
	if err != nil {
		return Extract{}, err
	}
	x := Extract{Subject: fmt.Sprintf("Placering %d: %s", id, p.Pseudonym)}
	for _, part := range []struct{ title, table, query string }{
		{"Placeringen", "placements", `SELECT * FROM placements WHERE id = ?1`},
		{"Hændelser", "events", extractEvents + ` WHERE e.entity = 'placering' AND e.entity_id = ?1 ORDER BY e.id`},
	} {
		sec, err := s.extractSection(ctx, part.title, part.table, part.query, id)
		if err != nil {
			return x, err
		}
		x.Sections = append(x.Sections, sec)
	}
	return x, nil
}

const extractEvents = `SELECT e.id, e.at, coalesce(a.actor, '') AS actor, e.kind, e.entity, e.entity_id, e.detail
	FROM events e LEFT JOIN event_actors a ON a.event_id = e.id`

// extractSection reads every column of the rows query gives, as text.
func (s *Store) extractSection(ctx context.Context, title, table, query string, id int64) (ExtractSection, error) {
	sec := ExtractSection{Title: title, Table: table, Rows: [][]string{}}
	rows, err := s.db.QueryContext(ctx, query, id)
	if err != nil {
		return sec, fmt.Errorf("%s kan ikke læses: %w", table, err)
	}
	defer rows.Close()
	if sec.Columns, err = rows.Columns(); err != nil {
		return sec, err
	}
	for _, c := range sec.Columns {
		sec.Labels = append(sec.Labels, columnLabel(table, c))
	}
	for rows.Next() {
		vals := make([]any, len(sec.Columns))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return sec, err
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = extractText(sec.Columns[i], v)
		}
		sec.Rows = append(sec.Rows, row)
	}
	return sec, rows.Err()
}

// extractText is a value as the extract prints it; a sort key or other
// bytes are named by their size, not dumped.
func extractText(col string, v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case []byte:
		if strings.HasSuffix(col, "sort_key") {
			return fmt.Sprintf("(sorteringsnøgle, %d byte)", len(t))
		}
		return fmt.Sprintf("(binære data, %d byte)", len(t))
	case string:
		return t
	default:
		return fmt.Sprint(t)
	}
}

// commonLabels name the columns many tables share, and those the extract
// joins in (a meeting's title beside the attendance).
var commonLabels = map[string]string{
	"id": "Løbenummer", "name": "Navn", "title": "Titel", "notes": "Noter", "role": "Rolle", "kind": "Slags",
	"status": "Status", "created_at": "Oprettet", "updated_at": "Ændret", "archived_at": "Arkiveret",
	"sort_key": "Sorteringsnøgle", "search_text": "Søgetekst", "parent_id": "Hører under", "cvr": "CVR-nummer",
	"p_number": "P-nummer", "ean": "EAN-nummer", "rsv": "Registreret socialøkonomisk virksomhed",
	"rsv_checked_on": "RSV tjekket", "address": "Adresse", "postcode": "Postnummer", "city": "By",
	"meeting_title": "Mødets titel", "meeting_held_on": "Mødets dato",
	"agreement_number": "Aftalens nummer", "agreement_title": "Aftalens titel", "agreement_status": "Aftalens status",
}

// eventLabels name the audit log's columns.
var eventLabels = map[string]string{
	"id": "Løbenummer", "at": "Tidspunkt", "actor": "Udført af", "kind": "Hændelse",
	"entity": "Post", "entity_id": "Postens nummer", "detail": "Detalje",
}

// columnLabel is a column's Danish name: the record of processing's
// description where it has one, else the shared name, else the column.
func columnLabel(table, col string) string {
	if fi, ok := fieldInfos[table+"."+col]; ok && fi.Description != "" {
		return fi.Description
	}
	labels := commonLabels
	if table == "events" {
		labels = eventLabels
	}
	if l, ok := labels[col]; ok {
		return l
	}
	return col
}

// ExtractDisplay is a stored value as a person reads it: a date as
// 21.2.2015 and a timestamp as 21.2.2015 kl. 14.32 (local time); the JSON
// keeps the stored form.
func ExtractDisplay(v string) string {
	if len(v) == len("2006-01-02") {
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return dk.FormatDate(t)
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return dk.FormatDateTime(t.Local())
	}
	return v
}
