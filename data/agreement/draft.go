package agreement

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The store refuses an agreement from a template that fails this package's
// check; data cannot import agreement, so the check is registered here,
// once, for every program that imports the template language.
func init() {
	data.RegisterTemplateChecker(func(body string, decided []string) []string { return CheckStrings(body, decided...) })
}

// Draft merges a template version with the store's facts for sel and
// returns the agreement form to create (data.Store.CreateAgreement) or to
// show in the preview. An empty sel.Number becomes the next free number of
// the agreement date's year (today's when sel has no date), an empty title
// the template's name. A template with errors is refused, with its
// problems as LINE:COL: text.
func Draft(ctx context.Context, s *data.Store, templateVersionID int64, sel Selection) (data.AgreementForm, error) {
	f, _, err := DraftMissing(ctx, s, templateVersionID, sel)
	return f, err
}

// DraftMissing is Draft, with the merge fields the facts left empty: the
// text holds their markers, and the caseworker is told which party or
// lease is missing before the draft goes further.
func DraftMissing(ctx context.Context, s *data.Store, templateVersionID int64, sel Selection) (data.AgreementForm, []Missing, error) {
	v, err := s.TemplateVersion(ctx, templateVersionID)
	if err != nil {
		return data.AgreementForm{}, nil, err
	}
	t, err := s.Template(ctx, v.TemplateID)
	if err != nil {
		return data.AgreementForm{}, nil, err
	}
	codes, err := s.ChecklistCodes(ctx)
	if err != nil {
		return data.AgreementForm{}, nil, err
	}
	if problems := CheckStrings(v.Body, codes...); len(problems) > 0 {
		return data.AgreementForm{}, nil, &data.TemplateProblemsError{Name: t.Name, Version: v.Version, Problems: problems}
	}
	if sel.AgreementDate.IsZero() {
		now := s.Now()
		sel.AgreementDate = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	if sel.Number == "" {
		if sel.Number, err = s.NextAgreementNumber(ctx, sel.AgreementDate.Year()); err != nil {
			return data.AgreementForm{}, nil, err
		}
	}
	if sel.Title == "" {
		sel.Title = t.Name
	}
	facts, err := BuildFacts(ctx, s, sel)
	if err != nil {
		return data.AgreementForm{}, nil, err
	}
	body, missing, err := MergeMissing(v.Body, facts)
	if err != nil {
		return data.AgreementForm{}, nil, err
	}
	f := data.AgreementForm{Number: sel.Number, Title: sel.Title, TemplateVersionID: v.ID, Body: body,
		Place: sel.Place, Date: dateText(sel.AgreementDate), ValidFrom: dateText(sel.ValidFrom),
		ValidTo: dateText(sel.ValidTo), LeaseID: sel.LeaseID, ParentID: sel.ParentID}
	roles, err := partyRoles(ctx, s, sel)
	if err != nil {
		return f, nil, err
	}
	for _, id := range sel.PartyIDs {
		f.Parties = append(f.Parties, data.PartyForm{OrganisationID: id, Role: roles[id]})
	}
	for _, id := range sel.SignatoryContactIDs {
		f.Signatories = append(f.Signatories, data.SignatoryForm{ContactID: id})
	}
	return f, missing, nil
}

// partyRoles labels the parties by their role in this agreement: the
// lease's landlord and tenant, when both are parties, by "Udlejer" and
// "Lejer" (the lease itself); an
// agreement between one enterprise and one helhedsplan (the model
// agreement) by their roles in the cooperation, "Virksomheden" and
// "Helhedsplanen", even when it names the enterprise's lease; any other
// agreement leaves the role to the parties' table's own column.
func partyRoles(ctx context.Context, s *data.Store, sel Selection) (map[int64]string, error) {
	roles := map[int64]string{}
	if sel.LeaseID != 0 {
		l, err := s.Lease(ctx, sel.LeaseID)
		if err != nil {
			return nil, err
		}
		if slices.Contains(sel.PartyIDs, l.LandlordID) && slices.Contains(sel.PartyIDs, l.TenantID) {
			roles[l.LandlordID], roles[l.TenantID] = "Udlejer", "Lejer"
			return roles, nil
		}
	}
	byKind := map[data.OrgKind][]int64{}
	for _, id := range sel.PartyIDs {
		o, err := s.Organisation(ctx, id)
		if err != nil {
			return nil, err
		}
		byKind[o.Kind] = append(byKind[o.Kind], id)
	}
	if len(sel.PartyIDs) == 2 && len(byKind[data.KindEnterprise]) == 1 && len(byKind[data.KindMasterPlan]) == 1 {
		roles[byKind[data.KindEnterprise][0]] = "Virksomheden"
		roles[byKind[data.KindMasterPlan][0]] = "Helhedsplanen"
	}
	return roles, nil
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dk.FormatDate(t)
}

// DocumentFor is what the PDF of agreement id shows: its parsed text, the
// parties' table (kind in Danish, the contact person who signs for the
// party or else its first contact), the signature blocks in signing order,
// and the UDKAST and EKSEMPEL marks.
func DocumentFor(ctx context.Context, s *data.Store, id int64) (Document, error) {
	a, err := s.Agreement(ctx, id)
	if err != nil {
		return Document{}, err
	}
	doc := Document{Number: a.Number, Title: a.Title, Date: a.Date, Place: a.Place, Body: Parse(a.Body),
		Draft: a.Status == data.StatusDraft, Example: a.Example, Template: a.TemplateName, Version: a.TemplateVersion,
		Generated: a.UpdatedAt, Journal: a.JournalNumber, KLE: a.KLE}
	if doc.Date.IsZero() {
		doc.Date = a.CreatedAt
	}
	// The file counts as written at the last stored change: the sending
	// for signing, else the last edit (Finish sets the sealing time).
	doc.Written = a.UpdatedAt
	if a.Status == data.StatusPending && !a.SentAt.IsZero() {
		doc.Written = a.SentAt
	}
	if !doc.Written.IsZero() {
		doc.Written = doc.Written.In(time.Local)
	}
	if doc.Author, err = s.Setting(ctx, data.SettingOrganisationName); err != nil {
		return doc, err
	}
	// Which organisation each signing contact belongs to.
	signsFor := map[int64]data.Signatory{}
	for _, g := range a.Signatories {
		doc.Signers = append(doc.Signers, Signer{Name: g.Name, Title: g.Title, Organisation: g.OrganisationName})
		if g.ContactID == 0 {
			continue
		}
		k, err := s.Contact(ctx, g.ContactID)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return doc, err
		}
		if _, taken := signsFor[k.OrganisationID]; err == nil && !taken {
			signsFor[k.OrganisationID] = g
		}
	}
	for _, p := range a.Parties {
		party := Party{Name: p.Name, CVR: p.CVR, Kind: p.Kind.Label(), Role: p.Role}
		if err := asLegalPerson(ctx, s, p, &party); err != nil {
			return doc, err
		}
		if g, ok := signsFor[p.OrganisationID]; ok {
			party.Contact = personLine(g.Name, g.Title)
		} else {
			ks, err := s.Contacts(ctx, p.OrganisationID, false)
			if err != nil {
				return doc, fmt.Errorf("kontaktpersoner for %s: %w", p.Name, err)
			}
			if len(ks) > 0 {
				party.Contact = personLine(ks[0].Name, ks[0].Title)
			}
		}
		doc.Parties = append(doc.Parties, party)
	}
	return doc, nil
}

// asLegalPerson shows a unit in the parties' table as the party it is: the
// legal person v/ the unit acting for it, with the legal person's kind and,
// when the unit has none of its own, its CVR number.
func asLegalPerson(ctx context.Context, s *data.Store, p data.AgreementParty, party *Party) error {
	o, err := s.Organisation(ctx, p.OrganisationID)
	if errors.Is(err, data.ErrNotFound) || (err == nil && o.ParentID == 0) {
		return nil
	} else if err != nil {
		return err
	}
	parent, err := s.Organisation(ctx, o.ParentID)
	if err != nil {
		return err
	}
	o.Name = p.Name // the name the agreement recorded
	party.Name, party.Kind = data.PartyLine(o, parent), parent.Kind.Label()
	if party.CVR == "" {
		party.CVR = parent.CVR
	}
	return nil
}

// personLine is "Lene Østergaard, indehaver": a title in running text is
// written in lower case in Danish (an acronym such as "CEO" is left alone).
func personLine(name, title string) string {
	if title == "" {
		return name
	}
	first, size := utf8.DecodeRuneInString(title)
	second, _ := utf8.DecodeRuneInString(title[size:])
	if unicode.IsUpper(first) && !unicode.IsUpper(second) {
		title = string(unicode.ToLower(first)) + title[size:]
	}
	return name + ", " + title
}
