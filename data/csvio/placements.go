package csvio

import (
	"context"

	"partnerskab/data"
)

var placementsKind = &Kind{
	Name:  "placements",
	Title: "Placeringer",
	File:  "placeringer.csv",
	Columns: []Column{
		{Header: "Initialer eller pseudonym", Aliases: []string{"Initialer/pseudonym", "Initialer", "Pseudonym"}, Field: "Pseudonym",
			Required: true, What: "kun initialer eller et pseudonym: aldrig navn eller CPR-nummer", Example: "A.B."},
		{Header: "Virksomhed", Field: "OrganisationID", Required: true, What: "ved navn eller CVR-nummer", Example: "Bevar"},
		{Header: "Stilling", Field: "PositionID",
			What: "stillingens titel; har virksomheden den ikke, oprettes den (1 stk.)", Example: "Syerske"},
		{Header: "Ordning", Field: "SchemeID", Required: true, What: "ordningens navn, som under Bemanding", Example: "Fleksjob"},
		{Header: "Timer pr. uge", Aliases: []string{"Timer"}, Field: "HoursPerWeek", What: "0–80, med decimalkomma", Example: "18,5"},
		{Header: "Bor i området", Aliases: []string{"Beboer i området", "Beboer"}, Field: "Resident", What: "ja eller nej", Example: "ja"},
		{Header: "Målgruppe", Field: "TargetGroupID", What: "målgruppens navn, som under Bemanding", Example: "Ledige fleksjobbere"},
		{Header: "Start", Aliases: []string{"Startdato", "Fra"}, Field: "Start", Required: true, Example: "1.10.2015"},
		{Header: "Slut", Aliases: []string{"Slutdato", "Til"}, Field: "End", What: "tom: løbende", Example: "31.12.2015"},
		{Header: "Sagen afsluttet", Aliases: []string{"Sag lukket", "Sag afsluttet"}, Field: "CaseClosedOn", What: "dato", Example: "31.12.2015"},
		{Header: "Slettes senest", Field: "DeleteBy", What: "tom: sagen afsluttet plus opbevaringstiden fra indstillingerne", Example: "31.12.2016"},
		{Header: "Noter", Aliases: []string{"Note", "Bemærkninger"}, Field: "Notes", What: "aldrig helbred, etnicitet eller ydelser"},
	},
	Notes: []string{"Anonymiserede placeringer eksporteres ikke."},
}

func init() {
	placementsKind.record = placementRecord
	placementsKind.export = exportPlacements
}

func placementRecord(v values) data.ImportRecord {
	return data.PlacementImport{
		Enterprise: v.get("Virksomhed"), Position: v.get("Stilling"), Scheme: v.get("Ordning"),
		TargetGroup: v.get("Målgruppe"),
		Form: data.PlacementForm{
			Pseudonym: v.get("Initialer eller pseudonym"), HoursPerWeek: v.get("Timer pr. uge"),
			Resident: v.get("Bor i området"), Start: v.get("Start"), End: v.get("Slut"),
			CaseClosedOn: v.get("Sagen afsluttet"), DeleteBy: v.get("Slettes senest"), Notes: v.get("Noter"),
		},
	}
}

// exportPlacements writes the placements that still hold person data, by
// enterprise (Danish order) and newest start, as the list shows them.
func exportPlacements(ctx context.Context, s *data.Store, emit func(values)) error {
	const page = 1000
	for offset := 0; ; offset += page {
		ps, err := s.Placements(ctx, data.PlacementQuery{Limit: page, Offset: offset})
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.Anonymised() {
				continue
			}
			f := p.Form()
			v := newValues(placementsKind)
			v.set("Initialer eller pseudonym", f.Pseudonym)
			v.set("Virksomhed", p.OrganisationName)
			v.set("Stilling", p.PositionTitle)
			v.set("Ordning", p.SchemeName)
			v.set("Timer pr. uge", f.HoursPerWeek)
			v.set("Bor i området", f.Resident)
			v.set("Målgruppe", p.TargetGroupName)
			v.set("Start", f.Start)
			v.set("Slut", f.End)
			v.set("Sagen afsluttet", f.CaseClosedOn)
			v.set("Slettes senest", f.DeleteBy)
			v.set("Noter", f.Notes)
			emit(v)
		}
		if len(ps) < page {
			return nil
		}
	}
}
