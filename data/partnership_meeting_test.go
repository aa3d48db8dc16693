package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

// demoMeetings are the demo's kick-off (approved) and next meeting (planned).
func demoMeetings(t *testing.T, s *Store) (kickoff, next Meeting) {
	t.Helper()
	ms, err := s.Meetings(context.Background(), MeetingQuery{})
	if err != nil || len(ms) != 2 {
		t.Fatalf("Meetings = %d, %v; want the demo's two", len(ms), err)
	}
	// newest first
	next, err = s.Meeting(context.Background(), ms[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	kickoff, err = s.Meeting(context.Background(), ms[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	return kickoff, next
}

func person(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT id FROM contacts WHERE name = ?`, name).Scan(&id); err != nil {
		t.Fatalf("contact %s: %v", name, err)
	}
	return id
}

func TestDemoMeetings(t *testing.T) {
	s := mustDemo(t)
	kickoff, next := demoMeetings(t, s)
	if kickoff.Status != MeetingApproved || kickoff.ApprovedOn != isoDay(t, "2015-03-12") || kickoff.InvitedOn != isoDay(t, "2015-02-19") {
		t.Errorf("kick-off = %s, invited %v, approved %v", kickoff.Status, kickoff.InvitedOn, kickoff.ApprovedOn)
	}
	if kickoff.When() != "5.3.2015 kl. 9.30–11.30" || kickoff.Kind() != "Partnerskabet" {
		t.Errorf("kick-off when %q, kind %q", kickoff.When(), kickoff.Kind())
	}
	if len(kickoff.Invited()) != 8 || len(kickoff.Attended()) != 7 || len(kickoff.Items) != 7 || len(kickoff.Actions) != 3 {
		t.Errorf("kick-off: %d invited, %d attended, %d items, %d actions", len(kickoff.Invited()), len(kickoff.Attended()),
			len(kickoff.Items), len(kickoff.Actions))
	}
	if got := kickoff.Items[2].Link; got.Kind != LinkChecklist || got.Title != "Afklaring: Jobcentrets rolle" {
		t.Errorf("item 3 is about %+v", got)
	}
	if next.Status != MeetingPlanned || len(next.Invited()) != 8 || len(next.Items) < 5 {
		t.Errorf("next meeting: %s, %d invited, %d items", next.Status, len(next.Invited()), len(next.Items))
	}
	// The proposed agenda the demo saved opens and closes as a meeting does.
	if next.Items[0].Title != "Godkendelse af dagsorden og af referatet fra sidste møde" || next.Items[len(next.Items)-1].Title != "Eventuelt" {
		t.Errorf("next meeting's agenda: %q … %q", next.Items[0].Title, next.Items[len(next.Items)-1].Title)
	}
	y, err := s.MeetingYear(context.Background(), 2015)
	if err != nil || y.Text() != "1 af 5–7 møder i 2015 (1 planlagt)" {
		t.Errorf("MeetingYear = %q, %v", y.Text(), err)
	}
}

// A meeting's life: called with a short notice (warned, naming the date),
// held, minutes approved once; then fixed, but for corrections and the
// action items' done dates.
func TestMeetingLife(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	_, next := demoMeetings(t, s)

	// 11.6.2015 with 14 days' notice: the invitation should have gone out
	// by 28.5.2015; sent 1.6.2015 it is ten days short.
	warning, err := s.InvitationCheck(ctx, next.ID, isoDay(t, "2015-06-01"))
	if err != nil || warning != "Indkaldelsen skulle være sendt senest 28.5.2015 (14 dages varsel); mødet 11.6.2015 er om 10 dage." {
		t.Errorf("InvitationCheck on 1.6. = %q, %v", warning, err)
	}
	if warning, err := s.InvitationCheck(ctx, next.ID, isoDay(t, "2015-05-28")); err != nil || warning != "" {
		t.Errorf("InvitationCheck on the last day = %q, %v; want no warning", warning, err)
	}
	mustExec(t, s, `UPDATE settings SET value = '21' WHERE key = 'meeting_notice_days'`)
	if warning, _ := s.InvitationCheck(ctx, next.ID, isoDay(t, "2015-05-28")); !strings.Contains(warning, "senest 21.5.2015 (21 dages varsel)") {
		t.Errorf("with 21 days' notice: %q", warning)
	}
	m, err := s.SendInvitation(ctx, next.ID, isoDay(t, "2015-06-01"))
	if err != nil || m.Status != MeetingCalled || m.InvitedOn != isoDay(t, "2015-06-01") {
		t.Fatalf("SendInvitation = %s %v, %v", m.Status, m.InvitedOn, err)
	}
	ev, _ := s.Events(ctx, "møde", m.ID)
	if last := ev[len(ev)-1]; last.Kind != "indkaldt" || !strings.Contains(last.Detail, "skulle være sendt senest 21.5.2015") {
		t.Errorf("the invitation's event = %+v; want the short notice kept", last)
	}

	// Not held before its day (the store's clock says 1.3.2015).
	if _, err := s.MarkHeld(ctx, m.ID); err == nil || !strings.Contains(err.Error(), "mødet er først 11.6.2015") {
		t.Errorf("MarkHeld before the day: %v", err)
	}
	if _, err := s.ApproveMinutes(ctx, m.ID, isoDay(t, "2015-06-12")); err == nil || !strings.Contains(err.Error(), "ikke afholdt endnu") {
		t.Errorf("ApproveMinutes before held: %v", err)
	}
	s.Now = func() time.Time { return time.Date(2015, 6, 11, 15, 0, 0, 0, time.UTC) }
	if m, err = s.MarkHeld(ctx, m.ID); err != nil || m.Status != MeetingHeld {
		t.Fatalf("MarkHeld = %s, %v", m.Status, err)
	}
	if _, err := s.ApproveMinutes(ctx, m.ID, isoDay(t, "2015-06-12")); err == nil || !strings.Contains(err.Error(), "referatet er tomt") {
		t.Errorf("ApproveMinutes of empty minutes: %v", err)
	}

	// Minutes with two decisions and three action items.
	f := m.Form()
	f.Items[0].Minutes, f.Items[0].Decision = "Dagsorden og referat godkendt.", "Referatet fra 5.3.2015 er godkendt."
	f.Items[1].Minutes, f.Items[1].Decision = "Drøftet.", "Punktet tages op igen i august."
	f.Attended = f.Invited[:5]
	thomas, mette := person(t, s, "Thomas Ærenlund"), person(t, s, "Mette Lindholm")
	f.Actions = []ActionItemForm{
		{What: "Indkalde til møde i august", OwnerID: mette, Due: "1.7.2015"},
		{What: "Status på rekrutteringen", OwnerID: thomas, Due: "15.8.2015"},
		{What: "Udkast til afrapporteringsstandard", OwnerID: thomas, Due: "31.8.2015"},
	}
	if m, err = s.SaveMeeting(ctx, f); err != nil || len(m.Actions) != 3 || len(m.Attended()) != 5 {
		t.Fatalf("SaveMeeting = %d actions, %d attended, %v", len(m.Actions), len(m.Attended()), err)
	}
	if m, err = s.ApproveMinutes(ctx, m.ID, isoDay(t, "2015-06-12")); err != nil || !m.Approved() || m.ApprovedOn != isoDay(t, "2015-06-12") {
		t.Fatalf("ApproveMinutes = %v %v, %v", m.Status, m.ApprovedOn, err)
	}
	if _, err := s.ApproveMinutes(ctx, m.ID, isoDay(t, "2015-06-13")); err == nil ||
		!strings.Contains(err.Error(), "referatet er allerede godkendt 12.6.2015") {
		t.Errorf("approving twice: %v", err)
	}

	// Approved minutes are fixed: through the store …
	before := snapshotCounts(t, s)
	f = m.Form()
	f.Items[0].Decision = "Noget andet"
	if _, err := s.SaveMeeting(ctx, f); err != ErrMinutesApproved {
		t.Errorf("editing approved minutes: %v, want ErrMinutesApproved", err)
	}
	sameCounts(t, before, snapshotCounts(t, s))
	// … and through raw SQL, whatever the statement.
	for _, q := range []string{
		"UPDATE meetings SET title = 'x' WHERE id = ?",
		"UPDATE meetings SET status = 'afholdt', approved_on = NULL WHERE id = ?",
		"DELETE FROM meetings WHERE id = ?",
		"UPDATE agenda_items SET decision = 'x' WHERE meeting_id = ?",
		"DELETE FROM agenda_items WHERE meeting_id = ?",
		"INSERT INTO agenda_items (meeting_id, position, title) VALUES (?, 99, 'Nyt punkt')",
		"UPDATE action_items SET what = 'x' WHERE meeting_id = ?",
		"UPDATE action_items SET due_on = '2016-01-01' WHERE meeting_id = ?",
		"DELETE FROM action_items WHERE meeting_id = ?",
		"UPDATE meeting_people SET attended = 1 WHERE meeting_id = ?",
		"DELETE FROM meeting_people WHERE meeting_id = ?",
	} {
		if _, err := s.DB().Exec(q, m.ID); err == nil || !strings.Contains(err.Error(), "referatet er godkendt") {
			t.Errorf("%s: %v, want the approved minutes' refusal", q, err)
		}
	}
	// A correction is kept beside them, never changed.
	if _, err := s.AddCorrection(ctx, m.ID, "  "); err == nil {
		t.Error("an empty correction was accepted")
	}
	if m, err = s.AddCorrection(ctx, m.ID, "Punkt 2: beslutningen gælder også Bevar."); err != nil || len(m.Corrections) != 1 {
		t.Fatalf("AddCorrection = %d, %v", len(m.Corrections), err)
	}
	if _, err := s.DB().Exec("UPDATE meeting_corrections SET text = 'x'"); err == nil {
		t.Error("a correction was changed")
	}
	if _, err := s.DB().Exec("DELETE FROM meeting_corrections"); err == nil {
		t.Error("a correction was deleted")
	}
	// Following up still works: an action item is done after the approval.
	if err := s.SetActionDone(ctx, m.Actions[0].ID, isoDay(t, "2015-06-30")); err != nil {
		t.Fatal(err)
	}
	if m, _ = s.Meeting(ctx, m.ID); m.Actions[0].Done != isoDay(t, "2015-06-30") {
		t.Errorf("done = %v", m.Actions[0].Done)
	}
	y, _ := s.MeetingYear(ctx, 2015)
	if y.Text() != "2 af 5–7 møder i 2015" {
		t.Errorf("the year's count = %q", y.Text())
	}
}

// A correction is only for approved minutes; a meeting not yet approved is
// corrected by editing it.
func TestCorrectionOnlyAfterApproval(t *testing.T) {
	s := mustDemo(t)
	_, next := demoMeetings(t, s)
	if _, err := s.AddCorrection(context.Background(), next.ID, "Rettelse"); err == nil || !strings.Contains(err.Error(), "kun et godkendt referat") {
		t.Errorf("AddCorrection on a planned meeting: %v", err)
	}
	if _, err := s.DB().Exec(`INSERT INTO meeting_corrections (meeting_id, at, text) VALUES (?, '2015-01-01T00:00:00Z', 'x')`, next.ID); err == nil {
		t.Error("raw SQL added a correction to a planned meeting")
	}
}

// Every problem of a meeting form, each on its field, and nothing saved.
func TestMeetingRefused(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	thomas := person(t, s, "Thomas Ærenlund")
	before := snapshotCounts(t, s)
	for _, tt := range []struct {
		name  string
		f     MeetingForm
		field string
		want  []string
	}{
		{"a day that does not exist", MeetingForm{Title: "Møde", Date: "31.2.2015"}, "Date", []string{"findes ikke"}},
		{"no date", MeetingForm{Title: "Møde"}, "Date", []string{"skriv mødets dato"}},
		{"no title", MeetingForm{Date: "1.4.2015"}, "Title", []string{"skal udfyldes"}},
		{"an end before the start", MeetingForm{Title: "Møde", Date: "1.4.2015", Starts: "14.00", Ends: "13.30"}, "Ends",
			[]string{"mødet slutter (13.30) før det starter (14.00)"}},
		{"a time that does not exist", MeetingForm{Title: "Møde", Date: "1.4.2015", Starts: "25.00"}, "Starts",
			[]string{"klokkeslættet findes ikke (25.00)"}},
		{"an action item without an owner", MeetingForm{Title: "Møde", Date: "1.4.2015",
			Actions: []ActionItemForm{{What: "Noget", Due: "1.5.2015"}}}, ActionField(0, "OwnerID"), []string{"vælg, hvem der er ansvarlig"}},
		{"an action item due before the meeting", MeetingForm{Title: "Møde", Date: "1.4.2015",
			Actions: []ActionItemForm{{}, {What: "Noget", OwnerID: thomas, Due: "31.3.2015"}}}, ActionField(1, "Due"),
			[]string{"fristen (31.3.2015) ligger før mødet (1.4.2015)"}},
		{"an agenda item without a title", MeetingForm{Title: "Møde", Date: "1.4.2015",
			Items: []AgendaItemForm{{Text: "Uden overskrift"}}}, ItemField(0, "Title"), []string{"skal udfyldes"}},
		{"a CPR number in the minutes", MeetingForm{Title: "Møde", Date: "1.4.2015",
			Items: []AgendaItemForm{{Title: "Punkt", Minutes: "Borger 010203-1234 deltog"}}}, ItemField(0, "Minutes"),
			[]string{"ligner et CPR-nummer"}},
		{"a CPR number in the notes", MeetingForm{Title: "Møde", Date: "1.4.2015", Notes: "0102031234"}, "Notes", []string{"CPR"}},
		{"an owner who is not there", MeetingForm{Title: "Møde", Date: "1.4.2015",
			Actions: []ActionItemForm{{What: "Noget", OwnerID: 9999, Due: "1.5.2015"}}}, ActionField(0, "OwnerID"),
			[]string{"findes ikke længere"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SaveMeeting(ctx, tt.f)
			wantFieldError(t, err, tt.field, tt.want...)
		})
	}
	sameCounts(t, before, snapshotCounts(t, s))
	// The trigger stands behind the rule on the deadline.
	_, next := demoMeetings(t, s)
	if _, err := s.DB().Exec(`INSERT INTO action_items (meeting_id, position, what, owner_id, due_on) VALUES (?, 9, 'x', ?, '2015-06-10')`,
		next.ID, thomas); err == nil || !strings.Contains(err.Error(), "handlingspunktets frist ligger før mødet") {
		t.Errorf("raw action item before its meeting: %v", err)
	}
}

// An action item keeps its id through later saves of its meeting, so the
// overview and the follow-up refer to the same item.
func TestActionItemsKeepTheirIDs(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	_, next := demoMeetings(t, s)
	f := next.Form()
	thomas := person(t, s, "Thomas Ærenlund")
	f.Actions = []ActionItemForm{{What: "A", OwnerID: thomas, Due: "1.7.2015"}, {What: "B", OwnerID: thomas, Due: "2.7.2015"}}
	m, err := s.SaveMeeting(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{m.Actions[0].ID, m.Actions[1].ID}
	f = m.Form()
	f.Actions = f.Actions[1:] // A is removed, B stays
	f.Actions[0].What = "B, rettet"
	if m, err = s.SaveMeeting(ctx, f); err != nil {
		t.Fatal(err)
	}
	if len(m.Actions) != 1 || m.Actions[0].ID != ids[1] || m.Actions[0].What != "B, rettet" {
		t.Errorf("actions after the second save = %+v; want B with id %d", m.Actions, ids[1])
	}
}

// The proposal draws on every source the issue names, each linked to its record.
func TestProposeAgenda(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	var sekstanten, partnership int64
	s.DB().QueryRow(`SELECT id FROM bodies WHERE code = 'styregruppe_sekstanten'`).Scan(&sekstanten)
	s.DB().QueryRow(`SELECT id FROM bodies WHERE code = 'partnerskab'`).Scan(&partnership)
	mustExec(t, s, `INSERT INTO agreements (number, title, status, valid_from, created_at, updated_at)
		VALUES ('2015-007', 'Lejeaftale Kvarterhuset', 'pending', '2015-09-01', '2015-08-01T10:00:00Z', '2015-08-01T10:00:00Z')`)
	items, err := s.ProposeAgenda(ctx, sekstanten, isoDay(t, "2015-12-15"))
	if err != nil {
		t.Fatal(err)
	}
	titles := make([]string, len(items))
	links := map[LinkKind]int{}
	for i, it := range items {
		titles[i] = it.Title
		links[it.LinkKind]++
	}
	text := strings.Join(titles, "\n")
	for _, want := range []string{
		"Orientering om partnerskabet",                             // Sekstanten's steering group's orientation point
		"Opfølgning på handlingspunkter",                           // the kick-off's open action item, due 30.4.2015
		"Afklaring: Barrierer og imødegåelse",                      // an open checklist item
		"Risiko til gennemgang: Samarbejde",                        // review date 1.6.2015 has passed
		"Aftale til underskrift: 2015-007 Lejeaftale Kvarterhuset", // waiting for signatures
		"Mål bagud: Arbejdspladser",                                // 16 jobs by 31.12.2015, not met
		"Mål bagud: Projektet forankret",                           // a milestone due 31.12.2015, not reached
		"Lejemål: Bevar",                                           // the last notice day 29.2.2016 is within 90 days
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the proposal lacks %q:\n%s", want, text)
		}
	}
	if links[LinkChecklist] != 7 || links[LinkRisk] != 3 || links[LinkAgreement] != 1 || links[LinkTarget] < 2 {
		t.Errorf("links by kind = %v; want 7 open checklist items, 3 risks, 1 agreement, the goals behind", links)
	}
	if strings.Contains(text, "Afklaring: Jobcentrets rolle") {
		t.Error("a settled checklist item was proposed")
	}
	// The partnership itself has no orientation point, and before the
	// reviews come due they are not proposed.
	items, _ = s.ProposeAgenda(ctx, partnership, isoDay(t, "2015-04-01"))
	text = ""
	for _, it := range items {
		text += it.Title + "\n"
	}
	if strings.Contains(text, "Orientering om partnerskabet") || strings.Contains(text, "til gennemgang") ||
		strings.Contains(text, "Opfølgning på handlingspunkter") {
		t.Errorf("the proposal on 1.4.2015:\n%s", text)
	}
	// The helhedsplan's steering group is asked to approve the enterprise
	// still waiting.
	var helhedsplan int64
	s.DB().QueryRow(`SELECT id FROM bodies WHERE code = 'styregruppe_helhedsplan'`).Scan(&helhedsplan)
	items, _ = s.ProposeAgenda(ctx, helhedsplan, isoDay(t, "2015-04-01"))
	found := false
	for _, it := range items {
		found = found || it.Title == "Godkendelse af Fra de varme lande som en del af helhedsplanen"
	}
	if !found {
		t.Errorf("the helhedsplan's steering group is not asked to approve Fra de varme lande: %+v", items)
	}
}

// The overview's 90-day list holds the meetings to call, the open action
// items (late ones too), the risk reviews and the grant reports.
func TestDueListOfThePartnership(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	due, err := s.Due(ctx, isoDay(t, "2015-04-20"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range due {
		if d.Entity == EntityMeeting || d.Entity == EntityRisk || d.Entity == EntityGrant {
			got = append(got, d.Date.Format("2006-01-02")+" "+d.Text)
			if d.ID == 0 {
				t.Errorf("%s opens nothing", d.Text)
			}
		}
	}
	want := []string{
		"2015-04-30 Handlingspunkt: Beskrive kravene til de socialøkonomiske virksomheder (Thomas Ærenlund, Center for Arbejdsmarked og Integration)",
		"2015-05-15 Gennemgang: Barriere: Lokaler i Kvarterhuset efter lov om almene boliger",
		"2015-05-28 Indkald til mødet 11.6.2015: Partnerskabsmøde",
		"2015-06-01 Gennemgang: Risiko: Samarbejde",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("due on 20.4.2015:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Late rows stay until they are done, marked as overdue.
	due, _ = s.Due(ctx, isoDay(t, "2015-05-01"))
	if due[0].Kind != DueActionItem || !due[0].Overdue() {
		t.Errorf("first row on 1.5.2015 = %+v; want the late action item", due[0])
	}
	kickoff, _ := demoMeetings(t, s)
	if err := s.SetActionDone(ctx, kickoff.Actions[2].ID, isoDay(t, "2015-05-01")); err != nil {
		t.Fatal(err)
	}
	due, _ = s.Due(ctx, isoDay(t, "2015-05-01"))
	for _, d := range due {
		if d.Kind == DueActionItem {
			t.Errorf("a done action item is still due: %s", d.Text)
		}
	}
}
