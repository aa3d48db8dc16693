package csvio

import (
	"context"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The partnership's lists go out to a spreadsheet (the action items to
// follow up in the working group, the checklist for the status report) but
// come in only through the window: a meeting's items belong to its minutes.

var actionItemsKind = &Kind{
	Name:  "action-items",
	Title: "Handlingspunkter",
	File:  "handlingspunkter.csv",
	Columns: []Column{
		{Header: "Møde", What: "mødets titel", Example: "Opstartsmøde i partnerskabet"},
		{Header: "Mødedato", Example: "5.3.2015"},
		{Header: "Hvad", Example: "Beskrive kravene til de socialøkonomiske virksomheder"},
		{Header: "Ansvarlig", What: "person og organisation", Example: "Thomas Ærenlund, Center for Arbejdsmarked og Integration"},
		{Header: "Frist", Example: "30.4.2015"},
		{Header: "Udført", What: "dato; tom: ikke udført endnu", Example: "28.4.2015"},
	},
	Notes: []string{"Kun eksport: handlingspunkterne skrives i mødets referat i programmet.",
		"Handlingspunkter fra arkiverede møder kommer ikke med."},
}

var checklistKind = &Kind{
	Name:  "checklist",
	Title: "Afklaringer",
	File:  "afklaringer.csv",
	Columns: []Column{
		{Header: "Emne", Example: "Jobcentrets rolle"},
		{Header: "Status", What: "Åben, Under afklaring eller Afklaret", Example: "Afklaret"},
		{Header: "Ansvarlig", What: "person og organisation"},
		{Header: "Drøftet på mødet", Example: "Opstartsmøde i partnerskabet 5.3.2015"},
		{Header: "Afklaret på mødet"},
		{Header: "Besluttet tekst", What: "det, aftalerne skriver i flettefeltet"},
		{Header: "Flettefelt", Example: "afklaring.jobcentrets_rolle"},
	},
	Notes: []string{"Kun eksport: afklaringerne rettes under Samarbejde, Afklaringer."},
}

func init() {
	actionItemsKind.export = exportActionItems
	checklistKind.export = exportChecklist
}

// exportActionItems writes every action item of the meetings not archived,
// soonest deadline first, as Overblik lists them.
func exportActionItems(ctx context.Context, s *data.Store, emit func(values)) error {
	meetings, err := s.Meetings(ctx, data.MeetingQuery{})
	if err != nil {
		return err
	}
	byID := map[int64]data.Meeting{}
	for _, m := range meetings {
		byID[m.ID] = m
	}
	items, err := s.ActionItems(ctx, data.ActionQuery{})
	if err != nil {
		return err
	}
	for _, a := range items {
		m := byID[a.MeetingID]
		v := newValues(actionItemsKind)
		v.set("Møde", m.Title)
		v.set("Mødedato", dk.FormatDate(m.Date))
		v.set("Hvad", a.What)
		v.set("Ansvarlig", a.Owner)
		v.set("Frist", dk.FormatDate(a.Due))
		if !a.Done.IsZero() {
			v.set("Udført", dk.FormatDate(a.Done))
		}
		emit(v)
	}
	return nil
}

// exportChecklist writes the checklist in its order.
func exportChecklist(ctx context.Context, s *data.Store, emit func(values)) error {
	items, err := s.Checklist(ctx, false)
	if err != nil {
		return err
	}
	for _, c := range items {
		v := newValues(checklistKind)
		v.set("Emne", c.Title)
		v.set("Status", c.Status.Label())
		v.set("Ansvarlig", c.Owner)
		v.set("Drøftet på mødet", c.Discussed)
		v.set("Afklaret på mødet", c.Settled)
		v.set("Besluttet tekst", c.Decision)
		v.set("Flettefelt", c.MergeField())
		emit(v)
	}
	return nil
}
