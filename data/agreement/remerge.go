package agreement

import (
	"context"
	"fmt"

	"partnerskab/data"
)

// A draft merged again: the text is merged anew from the template version
// it came from, with the facts as they stand now. This is how a
// partnership agreement drafted before its sub-agreements comes to list
// them ({{#underaftaler}}), and how a draft follows a party's new address.
// What was typed into the text by hand is replaced, so the window asks
// first; a draft only, since a sent agreement's text never changes.

// SelectionOf is the data agreement a was drafted with, to merge a
// template with it again: its parties, lease, parent, signatories and
// dates, and a itself for the lists of what hangs under it.
func SelectionOf(a data.Agreement) Selection {
	sel := Selection{AgreementDate: a.Date, Number: a.Number, Title: a.Title, Place: a.Place,
		ValidFrom: a.ValidFrom, ValidTo: a.ValidTo, LeaseID: a.LeaseID, ParentID: a.ParentID, AgreementID: a.ID}
	for _, p := range a.Parties {
		sel.PartyIDs = append(sel.PartyIDs, p.OrganisationID)
	}
	for _, g := range a.Signatories {
		if g.ContactID != 0 { // one typed by hand has no contact to read facts from
			sel.SignatoryContactIDs = append(sel.SignatoryContactIDs, g.ContactID)
		}
	}
	return sel
}

// MergeAgain merges draft id's template version again and saves the text;
// it returns the saved agreement and the merge fields left empty.
func MergeAgain(ctx context.Context, s *data.Store, id int64) (data.Agreement, []Missing, error) {
	a, err := s.Agreement(ctx, id)
	if err != nil {
		return a, nil, err
	}
	if a.Status != data.StatusDraft {
		return a, nil, fmt.Errorf("aftale %s har status %s; kun en kladde flettes igen: %w", a.Number, a.Status.Label(), data.ErrNotDraft)
	}
	if a.TemplateVersionID == 0 {
		return a, nil, fmt.Errorf("aftale %s er ikke lavet fra en skabelon og kan ikke flettes igen", a.Number)
	}
	f, missing, err := DraftMissing(ctx, s, a.TemplateVersionID, SelectionOf(a))
	if err != nil {
		return a, nil, err
	}
	form := a.Form()
	form.Body = f.Body
	saved, err := s.SaveAgreementDraft(ctx, id, form)
	return saved, missing, err
}
