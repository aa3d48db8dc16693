package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"partnerskab/data/dk"
)

// The partnership's own work in the demo, from the memo: the goals, the
// project organisation (with the demo's invented contact people), the
// kick-off meeting with its agenda and approved minutes, the checklist at
// plausible statuses, the three risks and the 1,7 mio. kr. grant. What the
// memo does not say (scores, dates, conditions) is marked as an example.

// demoPartnership adds it all inside the demo's transaction, through the
// same writes as the forms.
func (s *Store) demoPartnership(ctx context.Context, tx *sql.Tx) error {
	people, err := demoPeople(ctx, tx)
	if err != nil {
		return err
	}
	if err := s.demoGoals(ctx, tx); err != nil {
		return err
	}
	if err := s.demoBodies(ctx, tx, people); err != nil {
		return err
	}
	kickoff, err := s.demoKickoff(ctx, tx, people)
	if err != nil {
		return err
	}
	if err := s.demoChecklist(ctx, tx, people, kickoff); err != nil {
		return err
	}
	if err := s.demoRisks(ctx, tx, people); err != nil {
		return err
	}
	return s.demoGrant(ctx, tx)
}

// demoPeople maps the demo's contact people's names to their ids.
func demoPeople(ctx context.Context, tx *sql.Tx) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, id FROM contacts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var id int64
		if err := rows.Scan(&name, &id); err != nil {
			return nil, err
		}
		out[name] = id
	}
	return out, rows.Err()
}

func demoWrite[R any](ctx context.Context, s *Store, tx *sql.Tx, k *kind[R], what string, parse func() (R, error)) (R, error) {
	r, err := parse()
	if err == nil {
		r, err = k.write(ctx, s, tx, r)
	}
	if err != nil {
		return r, fmt.Errorf("eksempel: %s: %w", what, err)
	}
	return r, nil
}

func (s *Store) demoGoals(ctx context.Context, tx *sql.Tx) error {
	for _, f := range []TargetForm{
		{Name: "Arbejdspladser i de to socialøkonomiske virksomheder", Measure: string(MeasureJobsFilled), Goal: "16", Unit: "job",
			Start: "1.1.2015", Deadline: "31.12.2015",
			Notes: "Op til 16 arbejdspladser ved etableringen, besat med beboere og folk udefra, heriblandt fleksjobbere."},
		{Name: "Fleksjobbere i socialøkonomiske virksomheder (jobcentrets business case)", Measure: string(MeasureFlexJobs), Goal: "30",
			Unit: "personer", Notes: "Jobcentrets business case: ansættelse af 30 fleksjobbere med begrænset arbejdsevne."},
		{Name: "Partnerskabet i drift", Measure: string(MeasureMilestone), Start: "1.1.2015", Deadline: "31.3.2016",
			Notes: "Drift af partnerskabsaftalen primo 2016 (fristen 31.3.2016 er et eksempel)."},
		{Name: "Projektet forankret i Helhedsplanen Motalavej", Measure: string(MeasureMilestone), Start: "1.1.2015", Deadline: "31.12.2015",
			Notes: "Forankring inden ultimo 2015."},
	} {
		if _, err := demoWrite(ctx, s, tx, targetKind(true), "mål "+f.Name, f.Parse); err != nil {
			return err
		}
	}
	return nil
}

// demoBodies seats the demo's people in the memo's bodies from 1.3.2015.
func (s *Store) demoBodies(ctx context.Context, tx *sql.Tx, people map[string]int64) error {
	bodies, err := idsByCode(ctx, tx, `SELECT code, id FROM bodies`)
	if err != nil {
		return err
	}
	seats := []struct{ body, person, role string }{
		{"projektledelse", "Jens Aagaard", "Projektleder, Sekstanten"},
		{"projektledelse", "Mette Lindholm", "Projektleder, kommunen"},
		{"projektgruppe", "Lene Østergaard", "Bevar"},
		{"projektgruppe", "Amina Hadžić", "Jobenheden og Fra de varme lande"},
		{"projektgruppe", "Sofie Krogh", "Helhedsplanen Motalavej"},
		{"projektgruppe", "Thomas Ærenlund", "Center for Arbejdsmarked og Integration"},
		{"styregruppe_helhedsplan", "Peter Bech", "Formand (eksempel)"},
		{"styregruppe_helhedsplan", "Sofie Krogh", "Sekretær (eksempel)"},
		{"styregruppe_sekstanten", "Jens Aagaard", "Sekretariatsleder"},
	}
	for _, name := range []string{"Mette Lindholm", "Thomas Ærenlund", "Jens Aagaard", "Sofie Krogh", "Amina Hadžić",
		"Lene Østergaard", "Yasmin Haddad", "Peter Bech"} {
		seats = append(seats, struct{ body, person, role string }{"partnerskab", name, ""})
	}
	for _, seat := range seats {
		f := MembershipForm{BodyID: bodies[seat.body], PersonID: people[seat.person], Role: seat.role, From: "1.3.2015"}
		if _, err := demoWrite(ctx, s, tx, membershipKind, "medlemskab "+seat.person, f.Parse); err != nil {
			return err
		}
	}
	return nil
}

// demoKickoff adds the partnership's kick-off meeting of 5.3.2015, called
// with 14 days' notice, held, its minutes approved a week later.
func (s *Store) demoKickoff(ctx context.Context, tx *sql.Tx, people map[string]int64) (int64, error) {
	var body, jobs int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM bodies WHERE code = 'partnerskab'`).Scan(&body); err != nil {
		return 0, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT id FROM targets WHERE measure = 'besatte_job' ORDER BY position LIMIT 1`).Scan(&jobs); err != nil {
		return 0, err
	}
	code := func(c string) int64 {
		var id int64
		_ = tx.QueryRowContext(ctx, `SELECT id FROM checklist_items WHERE code = ?`, c).Scan(&id)
		return id
	}
	f := MeetingForm{BodyID: body, Title: "Opstartsmøde i partnerskabet", Date: "5.3.2015", Starts: "9.30", Ends: "11.30",
		Place: "Kvarterhuset, mødelokalet, Motalavej, Korsør",
		Notes: "Første møde i partnerskabet. Referent: Thomas Ærenlund."}
	for _, name := range []string{"Mette Lindholm", "Thomas Ærenlund", "Jens Aagaard", "Sofie Krogh", "Amina Hadžić",
		"Lene Østergaard", "Yasmin Haddad", "Peter Bech"} {
		f.Invited = append(f.Invited, people[name])
		if name != "Peter Bech" {
			f.Attended = append(f.Attended, people[name])
		}
	}
	f.Items = []AgendaItemForm{
		{Title: "Velkomst og præsentation af parterne", OwnerID: people["Jens Aagaard"],
			Minutes: "Parterne præsenterede sig og deres forventninger til samarbejdet."},
		{Title: "Kommissoriet: formål og mål", Text: "Op til 16 arbejdspladser i de to virksomheder i 2015.",
			OwnerID: people["Mette Lindholm"], LinkKind: LinkTarget, LinkID: jobs,
			Minutes:  "Målene i kommissoriet blev gennemgået. Bevar og Fra de varme lande starter i Kvarterhuset i efteråret.",
			Decision: "Parterne tilslutter sig kommissoriets mål som fælles pejlemærker."},
		{Title: "Afklaring: Jobcentrets rolle", OwnerID: people["Mette Lindholm"], LinkKind: LinkChecklist, LinkID: code("jobcentrets_rolle"),
			Minutes:  "Jobcentret visiterer kandidater og følger op på fleksjob og løntilskud.",
			Decision: "Jobcentrets rolle fastlægges som beskrevet i referatet og indgår i partnerskabsaftalen."},
		{Title: "Afklaring: Program Ringparken og Motalavejs rolle", OwnerID: people["Amina Hadžić"], LinkKind: LinkChecklist,
			LinkID: code("programmets_rolle"), Minutes: "Programmet er bindeled til beboerne og hjælper med rekruttering i området.",
			Decision: "Programmets rolle fastlægges som beskrevet i referatet og indgår i partnerskabsaftalen."},
		{Title: "Lokaler i Kvarterhuset", OwnerID: people["Sofie Krogh"],
			Minutes: "BoligKorsør forbereder sagen til afdelingsmødet og organisationsbestyrelsen."},
		{Title: "Mødeplan for 2015", Minutes: "Næste partnerskabsmøde holdes 11.6.2015."},
		{Title: "Eventuelt"},
	}
	f.Actions = []ActionItemForm{
		{What: "Udkast til partnerskabsaftale sendes til parterne", OwnerID: people["Mette Lindholm"], Due: "20.3.2015", Done: "18.3.2015"},
		{What: "Afklare lejevilkår for systue og køkken med BoligKorsør", OwnerID: people["Sofie Krogh"], Due: "31.3.2015", Done: "30.3.2015"},
		{What: "Beskrive kravene til de socialøkonomiske virksomheder", OwnerID: people["Thomas Ærenlund"], Due: "30.4.2015"},
	}
	m, err := demoWrite(ctx, s, tx, meetingKind, "opstartsmødet", f.Parse)
	if err != nil {
		return 0, err
	}
	steps := []struct{ at, event, detail, q string }{
		{"2015-02-19T09:00:00Z", "indkaldt", "indkaldt 19.2.2015",
			`UPDATE meetings SET status = 'indkaldt', invited_on = '2015-02-19', example = 1 WHERE id = ?`},
		{"2015-03-05T11:30:00Z", "afholdt", "", `UPDATE meetings SET status = 'afholdt' WHERE id = ?`},
		{"2015-03-12T10:00:00Z", "referat godkendt", "godkendt 12.3.2015",
			`UPDATE meetings SET status = 'godkendt', approved_on = '2015-03-12' WHERE id = ?`},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, m.ID); err != nil {
			return 0, fmt.Errorf("eksempel: opstartsmødet: %w", err)
		}
		if err := logEvent(ctx, tx, st.at, st.event, "møde", m.ID, st.detail); err != nil {
			return 0, err
		}
	}
	return m.ID, nil
}

// demoChecklist sets the nine items at plausible statuses: the two roles
// settled at the kick-off with the text the demo's agreement uses.
func (s *Store) demoChecklist(ctx context.Context, tx *sql.Tx, people map[string]int64, kickoff int64) error {
	items, err := queryAll(ctx, tx, scanChecklistItem, "SELECT "+checklistColumns+checklistFrom+" ORDER BY c.position")
	if err != nil {
		return err
	}
	type state struct {
		status           ChecklistStatus
		owner, decision  string
		discussed, settl bool
	}
	states := map[string]state{
		"jobcentrets_rolle": {ChecklistSettled, "Mette Lindholm",
			"Jobcentret visiterer kandidater til virksomhederne, bevilger og følger op på fleksjob, løntilskud og virksomhedspraktik, og deltager i projektgruppen.",
			true, true},
		"programmets_rolle": {ChecklistSettled, "Amina Hadžić",
			"Program Ringparken og Motalavej er bindeled til beboerne, hjælper med rekruttering i boligområdet og støtter virksomhederne i opstarten.",
			true, true},
		"barrierer":           {ChecklistWorking, "Thomas Ærenlund", "", true, false},
		"partnerskabsaftalen": {ChecklistWorking, "Mette Lindholm", "", true, false},
		"krav_virksomheder":   {ChecklistWorking, "Thomas Ærenlund", "", false, false},
		"krav_helhedsplaner":  {ChecklistOpen, "Sofie Krogh", "", false, false},
	}
	for _, it := range items {
		st, ok := states[it.Code]
		if !ok {
			continue
		}
		f := it.Form()
		f.Status, f.OwnerID, f.Decision = string(st.status), people[st.owner], st.decision
		if st.discussed {
			f.DiscussedID = kickoff
		}
		if st.settl {
			f.SettledID = kickoff
		}
		if _, err := demoWrite(ctx, s, tx, checklistKind(false), "afklaring "+it.Code, f.Parse); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) demoRisks(ctx context.Context, tx *sql.Tx, people map[string]int64) error {
	for _, f := range []RiskForm{
		{Kind: string(KindRisk), Title: "Samarbejde",
			Description: "Mange parter med forskellige referencerammer: samarbejdet kan gå i stå eller blive uforpligtende. Vurderingen er et eksempel.",
			Likelihood:  "3", Impact: "4", OwnerID: people["Jens Aagaard"], Status: string(RiskHandling), Review: "1.6.2015",
			Response: "Fast mødeforum 5–7 gange om året, gensidig inddragelse og tydelige roller i partnerskabsaftalen."},
		{Kind: string(KindBarrier), Title: "Lokaler i Kvarterhuset efter lov om almene boliger",
			Description: "Udlejning af fællesarealer til virksomhederne kræver afdelingsmødets og organisationsbestyrelsens godkendelse. Vurderingen er et eksempel.",
			Likelihood:  "3", Impact: "5", OwnerID: people["Peter Bech"], Status: string(RiskHandling), Review: "15.5.2015",
			Response: "Sagen forelægges afdelingsmødet 27.5.2015 og organisationsbestyrelsen 16.6.2015; BoligKorsør forbereder den."},
		{Kind: string(KindRisk), Title: "Udbud af egnet arbejdskraft (ledige fleksjobbere)",
			Description: "Virksomhederne afhænger af, at der er ledige fleksjobbere og andre i målgruppen, der passer til opgaverne. Vurderingen er et eksempel.",
			Likelihood:  "2", Impact: "4", OwnerID: people["Mette Lindholm"], Status: string(RiskOpen), Review: "1.9.2015",
			Response: "Jobcentret visiterer løbende; projektgruppen følger rekrutteringen på hvert møde."},
	} {
		if _, err := demoWrite(ctx, s, tx, riskKind, "risiko "+f.Title, f.Parse); err != nil {
			return err
		}
	}
	return nil
}

// demoGrant is the pool grant behind Fra de varme lande.
func (s *Store) demoGrant(ctx context.Context, tx *sql.Tx) error {
	var org int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM organisations WHERE name = 'Fra de varme lande'`).Scan(&org); err != nil {
		return err
	}
	f := GrantForm{Grantor: "Puljemidler (tilskudsgiveren nævnes ikke i kommissoriet)",
		Purpose: "Etablering af en socialøkonomisk virksomhed med catering som omdrejningspunkt", Amount: "1.700.000,00",
		Start: "1.1.2015", End: "31.12.2016", OrganisationID: org,
		Project: "Ansøgt og opnået af Jobenheden, Projekt Ringparken og Motalavej",
		Conditions: "Eksempel: midlerne bruges til etablering af cateringvirksomheden; målgruppen er primært ægtefælleforsørgede " +
			"nydanske borgere, men inkluderer fleksjobbere. Periode, betingelser og frister er eksempler.",
		Reports: []GrantReportForm{{What: "Statusrapport (eksempel)", Due: "31.1.2016"}, {What: "Slutrapport og regnskab (eksempel)", Due: "31.3.2017"}}}
	_, err := demoWrite(ctx, s, tx, grantKind, "tilskuddet", f.Parse)
	return err
}

// demoPlannedMeeting adds the next partnership meeting, 11.6.2015, with
// the agenda ProposeAgenda drafts from the demo: after the demo's
// transaction, since the proposal reads what it committed.
func (s *Store) demoPlannedMeeting(ctx context.Context) error {
	var body int64
	if err := s.db.QueryRowContext(ctx, `SELECT id FROM bodies WHERE code = 'partnerskab'`).Scan(&body); err != nil {
		return err
	}
	date := time.Date(2015, 6, 11, 0, 0, 0, 0, time.UTC)
	items, err := s.ProposeAgenda(ctx, body, date)
	if err != nil {
		return fmt.Errorf("eksempel: dagsorden: %w", err)
	}
	members, err := s.Memberships(ctx, MembershipQuery{BodyID: body, On: date})
	if err != nil {
		return err
	}
	f := MeetingForm{BodyID: body, Title: "Partnerskabsmøde", Date: dk.FormatDate(date), Starts: "13.00", Ends: "15.00",
		Place: "Kvarterhuset, mødelokalet, Motalavej, Korsør", Items: items}
	for _, m := range members {
		f.Invited = append(f.Invited, m.PersonID)
	}
	m, err := s.SaveMeeting(ctx, f)
	if err != nil {
		return fmt.Errorf("eksempel: partnerskabsmødet: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `UPDATE meetings SET example = 1 WHERE id = ?`, m.ID)
	return err
}

// idsByCode reads a (code, id) query into a map: the seeded bodies and
// schemes by their codes.
func idsByCode(ctx context.Context, tx *sql.Tx, query string) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var code string
		var id int64
		if err := rows.Scan(&code, &id); err != nil {
			return nil, err
		}
		ids[code] = id
	}
	return ids, rows.Err()
}
