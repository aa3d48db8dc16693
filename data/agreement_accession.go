package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Accession: a new party joins a signed agreement by a Tillæg under it
// that names the organisation joining, signed by the new party and by
// everyone who signed the agreement (the ordinary signing). The signed
// agreement itself never changes; once the Tillæg is signed, the new party
// is a member from the Tillæg's start date.

// EventAccession is the audit log's event on the agreement joined.
const EventAccession = "tiltrædelse oprettet"

// Accession is one organisation joining an agreement by a Tillæg.
type Accession struct {
	AgreementID    int64 // the Tillæg
	Number         string
	ParentID       int64 // the agreement joined
	OrganisationID int64
	Name           string
	From           time.Time // member from this day, once Signed
	Signed         bool
}

// Line is the accession as the tree and the party list show it: "Ny
// Virksomhed medlem fra 1.6.2015", or "Ny Virksomhed tiltræder fra
// 1.6.2015 (afventer underskrift)" until the Tillæg is signed.
func (x Accession) Line() string {
	if x.Signed {
		return x.Name + " medlem fra " + dk.FormatDate(x.From)
	}
	return x.Name + " tiltræder fra " + dk.FormatDate(x.From) + " (afventer underskrift)"
}

// AccessionForm is the accession as typed in "Tiltrædelse…" or on the
// command line.
type AccessionForm struct {
	OrganisationID int64
	From           string // "1.6.2015": the new party is a member from this day
	ContactID      int64  // who signs for the new party; 0: its first contact person
}

// CreateAccession drafts the Tillæg by which an organisation joins the
// signed agreement parentID: the agreement's parties and signatories and
// the new party and its signatory, its template version, and a text that
// says who joins from when. It opens as a draft, to be sent and signed.
func (s *Store) CreateAccession(ctx context.Context, parentID int64, f AccessionForm) (Agreement, error) {
	parent, err := s.Agreement(ctx, parentID)
	if err != nil {
		return Agreement{}, err
	}
	var c checker
	if parent.Status != StatusSigned {
		return Agreement{}, fmt.Errorf("aftale %s har status %s; en ny part kan kun tiltræde en underskrevet aftale: %w",
			parent.Number, parent.Status.Label(), ErrSigning)
	}
	if e, ended, err := s.AgreementEnding(ctx, parentID); err != nil {
		return Agreement{}, err
	} else if ended {
		return Agreement{}, fmt.Errorf("aftale %s er %s; den kan ikke tiltrædes: %w", parent.Number, e.Line(), ErrSigning)
	}
	var org Organisation
	if f.OrganisationID == 0 {
		c.add("OrganisationID", "Ny part", "required", "vælg den organisation, der tiltræder")
	} else if org, err = s.Organisation(ctx, f.OrganisationID); errors.Is(err, ErrNotFound) {
		c.add("OrganisationID", "Ny part", "not_found", fmt.Sprintf("organisation %d findes ikke", f.OrganisationID))
	} else if err != nil {
		return Agreement{}, err
	} else {
		members, err := s.AgreementMembers(ctx, parentID)
		if err != nil {
			return Agreement{}, err
		}
		for _, p := range parent.Parties {
			if p.OrganisationID == org.ID {
				c.add("OrganisationID", "Ny part", "party", fmt.Sprintf("%s er allerede part i aftale %s", org.Name, parent.Number))
			}
		}
		for _, m := range members {
			if m.OrganisationID == org.ID {
				c.add("OrganisationID", "Ny part", "party", fmt.Sprintf("%s tiltræder allerede ved tillæg %s", org.Name, m.Number))
			}
		}
	}
	if strings.TrimSpace(f.From) == "" {
		c.add("From", "Medlem fra", "required", "skal udfyldes")
	}
	from := c.date("From", "Medlem fra", f.From)
	start := parent.ValidFrom
	if start.IsZero() {
		start = parent.Date
	}
	if !from.IsZero() && !start.IsZero() && from.Before(start) {
		c.add("From", "Medlem fra", "date_order", fmt.Sprintf("%s ligger før aftalens start (%s)", dk.FormatDate(from), dk.FormatDate(start)))
	}
	if !from.IsZero() && !parent.ValidTo.IsZero() && from.After(parent.ValidTo) {
		c.add("From", "Medlem fra", "date_order", fmt.Sprintf("%s ligger efter aftalens udløb (%s)", dk.FormatDate(from), dk.FormatDate(parent.ValidTo)))
	}
	signer := f.ContactID
	if org.ID != 0 && signer == 0 {
		ks, err := s.Contacts(ctx, org.ID, false)
		if err != nil {
			return Agreement{}, err
		}
		if len(ks) == 0 {
			c.add("ContactID", "Underskriver", "required", fmt.Sprintf("%s har ingen kontaktperson, der kan skrive under; opret en først", org.Name))
		} else {
			signer = ks[0].ID
		}
	}
	if err := c.err(); err != nil {
		return Agreement{}, err
	}
	st, err := s.SigningState(ctx, parentID)
	if err != nil {
		return Agreement{}, err
	}
	form := parent.Form()
	form.Number = ""
	form.ParentID = parentID
	form.Date = dk.FormatDate(s.Now())
	form.ValidFrom = dk.FormatDate(from)
	form.Title = "Tiltrædelse: " + org.Name + " til " + parent.Number
	// Those who joined earlier are parties now too, and sign with the rest.
	if err := s.addMembers(ctx, parentID, &form); err != nil {
		return Agreement{}, err
	}
	form.Parties = append(form.Parties, PartyForm{OrganisationID: org.ID, Role: "Tiltrædende part"})
	form.Signatories = append(form.Signatories, SignatoryForm{ContactID: signer})
	cvr := ""
	if org.CVR != "" {
		cvr = " (CVR " + org.CVR + ")"
	}
	form.Body = fmt.Sprintf("# Tillæg om tiltrædelse af aftale %s\n\n"+
		"%s%s tiltræder aftale %s, %s, underskrevet %s, som part fra %s.\n\n"+
		"%s har fra denne dag de samme rettigheder og pligter efter aftalen som de øvrige parter. "+
		"Hvad tillægget ikke ændrer, gælder uændret.\n\n"+
		"Tillægget gælder, når det er underskrevet af %s og af dem, der har underskrevet aftale %s.\n",
		parent.Number, org.Name, cvr, parent.Number, parent.Title, dk.FormatDateLong(st.SignedAt.In(time.Local)),
		dk.FormatDateLong(from), org.Name, org.Name, parent.Number)
	a, err := form.Parse()
	if err != nil {
		return a, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if a, err = s.createAgreement(ctx, tx, a); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_accessions (agreement_id, organisation_id) VALUES (?, ?)`,
			a.ID, org.ID); err != nil {
			return err
		}
		return logEvent(ctx, tx, s.nowText(), EventAccession, "aftale", parentID, a.Number+": "+org.Name)
	})
	if err != nil {
		return a, err
	}
	return s.Agreement(ctx, a.ID)
}

// AgreementMembers lists the organisations that join agreement id by a
// Tillæg (drafts, pending and signed; not rejected or cancelled ones), by
// their start date.
func (s *Store) AgreementMembers(ctx context.Context, id int64) ([]Accession, error) {
	return queryAll(ctx, s.db, func(row scanner) (Accession, error) {
		x := Accession{ParentID: id}
		var from sql.NullString
		var status string
		err := row.Scan(&x.AgreementID, &x.Number, &x.OrganisationID, &x.Name, &from, &status)
		x.From, x.Signed = dateCol(from), status == string(StatusSigned)
		return x, err
	}, `SELECT a.id, a.number, x.organisation_id, o.name, a.valid_from, a.status FROM agreement_accessions x
		JOIN agreements a ON a.id = x.agreement_id JOIN organisations o ON o.id = x.organisation_id
		WHERE a.parent_id = ? AND a.status NOT IN ('rejected', 'cancelled') ORDER BY a.valid_from, a.number`, id)
}

// addMembers adds to f the organisations that joined agreement parentID
// by a signed Tillæg, each with the one who signed for it there (the
// Tillæg's last signatory, the new party's).
func (s *Store) addMembers(ctx context.Context, parentID int64, f *AgreementForm) error {
	members, err := s.AgreementMembers(ctx, parentID)
	if err != nil {
		return err
	}
	for _, m := range members {
		if !m.Signed {
			continue
		}
		x, err := s.Agreement(ctx, m.AgreementID)
		if err != nil {
			return err
		}
		f.Parties = append(f.Parties, PartyForm{OrganisationID: m.OrganisationID, Role: "Tiltrådt part"})
		if n := len(x.Signatories); n > 0 {
			g := x.Signatories[n-1]
			f.Signatories = append(f.Signatories, SignatoryForm{ContactID: g.ContactID, Name: g.Name, Title: g.Title,
				Organisation: g.OrganisationName})
		}
	}
	return nil
}
