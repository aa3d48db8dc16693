package agreement

import (
	"context"
	"fmt"
	"strings"

	"partnerskab/data"
)

// The demo's tree: under the signed partnership agreement hang its
// binding sub-agreements as drafts, Bevar's lease in Kvarterhuset and a
// model agreement (samarbejdsaftale) for each of the two enterprises with
// the helhedsplan.

// loadDemoTree drafts the sub-agreements under the signed example parentID.
func loadDemoTree(ctx context.Context, s *data.Store, parentID int64, sel Selection) error {
	versions := map[string]int64{}
	templates, err := s.Templates(ctx, false)
	if err != nil {
		return err
	}
	for _, t := range templates {
		v, err := s.LatestVersion(ctx, t.ID)
		if err != nil {
			return err
		}
		versions[t.Name] = v.ID
	}
	byName := map[string]int64{}
	all, err := s.SearchOrganisations(ctx, data.OrgQuery{Limit: 10000})
	if err != nil {
		return err
	}
	for _, o := range all {
		if _, dup := byName[o.Name]; !dup {
			byName[o.Name] = o.ID
		}
	}
	signer := func(ids ...int64) ([]int64, error) {
		var out []int64
		for _, id := range ids {
			ks, err := s.Contacts(ctx, id, false)
			if err != nil {
				return nil, err
			}
			if len(ks) > 0 {
				out = append(out, ks[0].ID)
			}
		}
		return out, nil
	}
	draft := func(template, title string, parties []int64, lease int64) error {
		v, ok := versions[template]
		if !ok {
			return fmt.Errorf("standardskabelonen %q mangler: %w", template, data.ErrNotFound)
		}
		signers, err := signer(parties...)
		if err != nil {
			return err
		}
		sub := Selection{AgreementDate: sel.AgreementDate, Title: title, Place: sel.Place, ValidFrom: sel.ValidFrom,
			ValidTo: sel.ValidTo, PartyIDs: parties, LeaseID: lease, SignatoryContactIDs: signers, ParentID: parentID}
		f, err := Draft(ctx, s, v, sub)
		if err != nil {
			return fmt.Errorf("%s: %w", title, err)
		}
		f.Example = true
		if _, err := s.CreateAgreement(ctx, f); err != nil {
			return fmt.Errorf("%s: %w", title, err)
		}
		return nil
	}
	if sel.LeaseID != 0 {
		l, err := s.Lease(ctx, sel.LeaseID)
		if err != nil {
			return err
		}
		if err := draft("Lejeaftale om lokaler", "Lejeaftale om lokaler: "+strings.TrimSpace(l.TenantName),
			[]int64{l.LandlordID, l.TenantID}, l.ID); err != nil {
			return err
		}
	}
	plan := byName["Boligsocial helhedsplan Motalavej"]
	for _, name := range []string{"Bevar", "Fra de varme lande"} {
		if err := draft("Samarbejdsaftale (paradigme)", "Samarbejdsaftale: "+name, []int64{byName[name], plan}, 0); err != nil {
			return err
		}
	}
	return nil
}
