package data

import (
	"context"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// ProposeAgenda drafts the agenda of a meeting of body (0: another kind)
// on date from what is due by then: the open checklist items, the risks
// whose review date has come, the action items due, the agreements
// waiting for signatures, the goals that are behind, the leases whose
// last notice day comes within DueWindow days, the enterprises awaiting
// the helhedsplan's steering group, and for Sekstanten's steering group
// the orientation point the memo offers. It opens with the agenda and the
// last minutes and closes with any other business. The caseworker edits
// it freely: nothing is saved.
func (s *Store) ProposeAgenda(ctx context.Context, bodyID int64, date time.Time) ([]AgendaItemForm, error) {
	date = dateOf(date)
	code := ""
	if bodyID != 0 {
		b, err := s.Body(ctx, bodyID)
		if err != nil {
			return nil, err
		}
		code = b.Code
	}
	out := []AgendaItemForm{{Title: "Godkendelse af dagsorden og af referatet fra sidste møde"}}
	add := func(items ...AgendaItemForm) { out = append(out, items...) }

	if code == BodySekstantenSteering {
		add(AgendaItemForm{Title: "Orientering om partnerskabet",
			Text: "Status på samarbejdet og målene. Sekstantens styregruppe følger udviklingen i samarbejdet og målene (kommissoriet)."})
	}
	if code == BodyHelhedsplanSteering {
		waiting, err := s.dueApprovals(ctx, date, date)
		if err != nil {
			return nil, err
		}
		for _, d := range waiting {
			add(AgendaItemForm{Title: "Godkendelse af " + d.Subject + " som en del af helhedsplanen",
				Text: "Styregruppen for helhedsplanen skal godkende de socialøkonomiske virksomheder som en del af helhedsplanen."})
		}
	}

	actions, err := s.ActionItems(ctx, ActionQuery{OpenOnly: true, DueBy: date})
	if err != nil {
		return nil, err
	}
	if len(actions) > 0 {
		lines := make([]string, len(actions))
		for i, a := range actions {
			lines[i] = fmt.Sprintf("- %s (%s, frist %s)", a.What, a.Owner, dk.FormatDate(a.Due))
		}
		add(AgendaItemForm{Title: "Opfølgning på handlingspunkter", Text: strings.Join(lines, "\n")})
	}

	checklist, err := s.Checklist(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, c := range checklist {
		if c.Status == ChecklistSettled {
			continue
		}
		text := "Status: " + c.Status.Label() + "."
		if c.Owner != "" {
			text += " Ansvarlig: " + c.Owner + "."
		}
		add(AgendaItemForm{Title: "Afklaring: " + c.Title, Text: text, OwnerID: c.OwnerID, LinkKind: LinkChecklist, LinkID: c.ID})
	}

	risks, err := s.Risks(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, r := range risks {
		if !r.ReviewDue(date) {
			continue
		}
		add(AgendaItemForm{Title: r.Kind.Label() + " til gennemgang: " + r.Title,
			Text:    fmt.Sprintf("Sandsynlighed %d, konsekvens %d. Gennemgang %s. Imødegåelse: %s", r.Likelihood, r.Impact, dk.FormatDate(r.Review), orDash(r.Response)),
			OwnerID: r.OwnerID, LinkKind: LinkRisk, LinkID: r.ID})
	}

	pending, err := queryAll(ctx, s.db, func(row scanner) (AgendaItemForm, error) {
		var it AgendaItemForm
		var number, title string
		err := row.Scan(&it.LinkID, &number, &title)
		it.Title, it.LinkKind = "Aftale til underskrift: "+number+" "+title, LinkAgreement
		it.Text = "Aftalen venter på underskrifter."
		return it, err
	}, `SELECT id, number, title FROM agreements WHERE status = 'pending' ORDER BY number, id`)
	if err != nil {
		return nil, err
	}
	add(pending...)

	targets, err := s.Targets(ctx, date)
	if err != nil {
		return nil, err
	}
	soon := date.AddDate(0, 0, DueWindow)
	for _, t := range targets {
		if t.Met() || t.Deadline.IsZero() || t.Deadline.After(soon) {
			continue
		}
		state := fmt.Sprintf("%s af %s %s, frist %s", dk.FormatDecimal(t.Current, 0), dk.FormatDecimal(t.Goal, -1), t.Unit, dk.FormatDate(t.Deadline))
		if t.Milestone() {
			state = "ikke nået, frist " + dk.FormatDate(t.Deadline)
		}
		if t.Overdue(date) {
			state += " (frist overskredet)"
		}
		add(AgendaItemForm{Title: "Mål bagud: " + t.Name, Text: state + ".", LinkKind: LinkTarget, LinkID: t.ID})
	}

	leases, err := s.LeasesDue(ctx, date, soon)
	if err != nil {
		return nil, err
	}
	for _, l := range leases {
		if l.Kind != DueLastNotice {
			continue
		}
		who := "udlejer"
		if l.Side == Tenant {
			who = "lejer"
		}
		add(AgendaItemForm{Title: "Lejemål: " + l.Title,
			Text: fmt.Sprintf("Sidste frist for opsigelse (%s) er %s, til ophør %s. Skal lejemålet fortsætte?", who,
				dk.FormatDate(l.Date), dk.FormatDate(l.NextEnd))})
	}

	add(AgendaItemForm{Title: "Næste møde"}, AgendaItemForm{Title: "Eventuelt"})
	return out, nil
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
