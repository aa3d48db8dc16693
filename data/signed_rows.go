package data

import (
	"context"
	"database/sql"
)

// What a signed agreement's rows say, as read straight from the tables
// for the check of the rows against the sealed PDF (package agreement's
// CheckSigned): nothing is taken from a derived column when the bytes it
// stands for are at hand.

// SignedRows is one signed agreement as its rows hold it.
type SignedRows struct {
	ID             int64
	Number         string
	Title          string
	Body           string
	BodySHA256     string // the column
	TemplateSHA256 string // of the template version it was made from; "" when none
	SealedPDF      []byte
	SealedSHA256   string // the column
	Signatories    []SignedRowsSignatory
	Events         map[int64]EventLink // the agreement's events by id
}

// SignedRowsSignatory is a signatory with the signature given.
type SignedRowsSignatory struct {
	Name, Title, Organisation string
	Method                    string // "" when no signature row
	SignedAt                  string // as stored
	Place                     string
}

// EventLink is an event's place in the audit log's hash chain.
type EventLink struct {
	ID     int64
	Hash   string
	Intact bool // the hash follows from the event and the one before it
}

// EventLinks lists the chain links of one record's events, oldest first.
func (s *Store) EventLinks(ctx context.Context, entity string, id int64) ([]EventLink, error) {
	events, err := queryAll(ctx, s.db, scanChained, chainedColumns+` WHERE e.entity = ? AND e.entity_id = ? ORDER BY e.id`, entity, id)
	if err != nil {
		return nil, err
	}
	out := make([]EventLink, 0, len(events))
	for _, e := range events {
		var prev sql.NullString
		err := s.db.QueryRowContext(ctx, `SELECT hash FROM events WHERE id < ? ORDER BY id DESC LIMIT 1`, e.id).Scan(&prev)
		if err != nil && err != sql.ErrNoRows {
			return nil, err
		}
		out = append(out, EventLink{ID: e.id, Hash: e.hash.String, Intact: e.hash.Valid && eventHash(prev.String, e) == e.hash.String})
	}
	return out, nil
}

// SignedAgreementRows reads every signed agreement's rows, or only id's
// when id is not 0.
func (s *Store) SignedAgreementRows(ctx context.Context, id int64) ([]SignedRows, error) {
	all, err := queryAll(ctx, s.db, func(r scanner) (SignedRows, error) {
		var a SignedRows
		var bodySum, tmplSum, sealedSum sql.NullString
		err := r.Scan(&a.ID, &a.Number, &a.Title, &a.Body, &bodySum, &tmplSum, &a.SealedPDF, &sealedSum)
		a.BodySHA256, a.TemplateSHA256, a.SealedSHA256 = bodySum.String, tmplSum.String, sealedSum.String
		return a, err
	}, `SELECT a.id, a.number, a.title, a.body, a.body_sha256, v.sha256, a.sealed_pdf, a.sealed_sha256
		FROM agreements a LEFT JOIN template_versions v ON v.id = a.template_version_id
		WHERE a.status = 'signed' AND (? = 0 OR a.id = ?) ORDER BY a.id`, id, id)
	if err != nil {
		return nil, err
	}
	for i := range all {
		a := &all[i]
		a.Signatories, err = queryAll(ctx, s.db, func(r scanner) (SignedRowsSignatory, error) {
			var g SignedRowsSignatory
			var method, at, place sql.NullString
			err := r.Scan(&g.Name, &g.Title, &g.Organisation, &method, &at, &place)
			g.Method, g.SignedAt, g.Place = method.String, at.String, place.String
			return g, err
		}, `SELECT g.name, g.title, g.organisation_name, x.method, x.signed_at, x.place
			FROM signatories g LEFT JOIN signatures x ON x.signatory_id = g.id
			WHERE g.agreement_id = ? ORDER BY g.position`, a.ID)
		if err != nil {
			return nil, err
		}
		links, err := s.EventLinks(ctx, "aftale", a.ID)
		if err != nil {
			return nil, err
		}
		a.Events = map[int64]EventLink{}
		for _, l := range links {
			a.Events[l.ID] = l
		}
	}
	return all, nil
}
