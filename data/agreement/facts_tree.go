package agreement

import (
	"context"
	"fmt"

	"partnerskab/data"
)

// The tree's merge fields: a sub-agreement names the agreement it hangs
// under ({{#hovedaftale}}{{nummer}} {{titel}}{{/hovedaftale}}), and an
// agreement lists those under it ({{#underaftaler}}…{{/underaftaler}}) and
// the parties that joined it by a Tillæg ({{#tiltraedelser}}…). A new
// agreement has no sub-agreements yet: the lists fill when an existing
// agreement is merged again.

// treeFields are the catalogue's fields of the tree.
var treeFields = []Field{
	{Name: "hovedaftale", Description: "den aftale, denne aftale hører under (tom, når den ikke hører under en anden)", Fields: []Field{
		{Name: "nummer", Description: "hovedaftalens nummer, fx 2015-001"},
		{Name: "titel", Description: "hovedaftalens titel, fx Partnerskabsaftale af 2. orden"},
		{Name: "dato", Description: "hovedaftalens dato, fx 21. februar 2015", Optional: true},
		{Name: "status", Description: "hovedaftalens status, fx Underskrevet"},
	}},
	{Name: "underaftaler", Description: "de aftaler, der hører under denne aftale (lejekontrakten, samarbejdsaftalerne, tillæg)",
		List: true, Fields: []Field{
			{Name: "nummer", Description: "underaftalens nummer, fx 2015-002"},
			{Name: "titel", Description: "underaftalens titel"},
			{Name: "status", Description: "underaftalens status, fx Kladde eller Underskrevet"},
			{Name: "dato", Description: "underaftalens dato", Optional: true},
			{Name: "afsluttet", Description: "hvordan og hvornår underaftalen sluttede, fx opsagt pr. 30.6.2016 (tom: løber)", Optional: true},
		}},
	{Name: "tiltraedelser", Description: "de parter, der har tiltrådt aftalen ved et tillæg", List: true, Fields: []Field{
		{Name: "navn", Description: "den tiltrædende parts navn"},
		{Name: "fra", Description: "medlem fra, fx 1. juni 2015"},
		{Name: "tillaeg", Description: "tillæggets nummer"},
		{Name: "underskrevet", Description: "ja, når tillægget er underskrevet"},
	}},
}

func init() { catalogue = append(catalogue, treeFields...) }

// addTreeFacts adds the tree's facts for sel to f.
func addTreeFacts(ctx context.Context, s *data.Store, sel Selection, f Facts) error {
	if sel.ParentID != 0 {
		p, err := s.Agreement(ctx, sel.ParentID)
		if err != nil {
			return fmt.Errorf("hovedaftale: %w", err)
		}
		f["hovedaftale"] = Facts{"nummer": p.Number, "titel": p.Title, "dato": factDate(p.Date), "status": p.Status.Label()}
	}
	subs := []Facts{}
	joins := []Facts{}
	if sel.AgreementID != 0 {
		nodes, err := s.SubAgreements(ctx, sel.AgreementID)
		if err != nil {
			return err
		}
		for _, n := range nodes {
			ended := ""
			if !n.Ending.On.IsZero() {
				ended = n.Ending.Line()
			}
			subs = append(subs, Facts{"nummer": n.Number, "titel": n.Title, "status": n.Status.Label(),
				"dato": factDate(n.Date), "afsluttet": ended})
		}
		members, err := s.AgreementMembers(ctx, sel.AgreementID)
		if err != nil {
			return err
		}
		for _, m := range members {
			joins = append(joins, Facts{"navn": m.Name, "fra": factDate(m.From), "tillaeg": m.Number, "underskrevet": Flag(m.Signed)})
		}
	}
	f["underaftaler"], f["tiltraedelser"] = subs, joins
	return nil
}
