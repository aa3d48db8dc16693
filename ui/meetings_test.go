package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// onDay sets the store's clock to day (the window's "today" follows it).
func onDay(s *data.Store, day string) {
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		panic(err)
	}
	s.Now = func() time.Time { return d.Add(10 * time.Hour) }
}

// plannedMeeting opens the demo's planned partnership meeting, 11.6.2015.
func plannedMeeting(t *testing.T, w *Window, s *data.Store) *meetingPanel {
	t.Helper()
	ms, err := s.Meetings(context.Background(), data.MeetingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Status == data.MeetingPlanned {
			w.Partnership.OpenMeeting(m.ID)
			p := w.Partnership.meetings
			mustContain(t, p.HeadingName(), "Partnerskabsmøde 11.6.2015")
			return p
		}
	}
	t.Fatal("the demo has no planned meeting")
	return nil
}

// The caseworker plans the next partnership meeting from the proposed
// agenda, sends the invitation (too late, and is told by when it should
// have gone), holds it, writes the minutes with two decisions and three
// action items, approves them and prints the minutes: what reached the
// store, the PDF, the overview's 90-day list, and a form that no longer
// edits.
func TestAMeetingFromInvitationToApprovedMinutes(t *testing.T) {
	w, s := newTestWindow(t, true)
	ctx := context.Background()
	onDay(s, "2015-06-05")
	p := plannedMeeting(t, w, s)
	if p.agenda.Len() < 3 {
		t.Fatalf("the proposed agenda has %d items", p.agenda.Len())
	}
	id := p.Original.ID

	// Six days before the meeting: the notice was 14 days.
	test.Tap(p.steps.invite)
	mustContain(t, dialogText(w), "skulle være sendt senest 28.5.2015 (14 dages varsel)")
	test.Tap(button(t, w, "Send alligevel"))
	m, err := s.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != data.MeetingCalled || dk.FormatDate(m.InvitedOn) != "5.6.2015" {
		t.Fatalf("after the invitation: %s, invited %s", m.Status, dk.FormatDate(m.InvitedOn))
	}

	// Not before the day.
	if !p.steps.held.Visible() {
		t.Fatal("no Markér som afholdt")
	}
	test.Tap(p.steps.held)
	mustContain(t, dialogText(w), "mødet er først 11.6.2015")
	test.Tap(button(t, w, "OK"))
	onDay(s, "2015-06-11")
	test.Tap(p.steps.held)
	if p.pages.SelectedIndex() != pageAgenda {
		t.Error("Markér som afholdt did not show the agenda and minutes")
	}

	// The minutes: two decisions.
	typeInto(rowInput(t, p.agenda.Row(0, "Minutes")), "Parterne drøftede status.")
	typeInto(rowInput(t, p.agenda.Row(0, "Decision")), "Status tages til efterretning.")
	typeInto(rowInput(t, p.agenda.Row(1, "Decision")), "Næste møde holdes 10.9.2015.")

	// Three action items, one without an owner: refused on its field.
	p.pages.SelectIndex(pageActions)
	before := p.actions.Len()
	for range 3 {
		test.Tap(button(t, w, "Tilføj handlingspunkt"))
	}
	rows := []struct{ what, owner, due string }{
		{"Indhente tilbud på lokaler", "Sofie Krogh", "1.7.2015"},
		{"Sende referatet til parterne", "Mette Lindholm", "15.6.2015"},
		{"Beskrive krav til virksomhederne", "", "1.8.2015"},
	}
	for i, r := range rows {
		typeInto(rowInput(t, p.actions.Row(before+i, "What")), r.what)
		typeInto(rowInput(t, p.actions.Row(before+i, "Due")), r.due)
		if r.owner != "" {
			pick(t, p.actions.Row(before+i, "OwnerID").Input.(*widgets.Picker), r.owner)
		}
	}
	p.Save()
	if !p.Dirty() {
		t.Fatal("an action item without an owner was saved")
	}
	mustContain(t, p.actions.Row(before+2, "OwnerID").Msg.Text, "vælg, hvem der er ansvarlig")
	pick(t, p.actions.Row(before+2, "OwnerID").Input.(*widgets.Picker), "Thomas Ærenlund")
	p.Save()
	if p.Dirty() {
		t.Fatalf("the minutes were not saved: %s", p.Form.State.Text)
	}

	// Approved once, today.
	test.Tap(p.steps.approve)
	test.Tap(button(t, w, "Godkend referatet"))
	m, err = s.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Approved() || dk.FormatDate(m.ApprovedOn) != "11.6.2015" {
		t.Fatalf("after approval: %s %s", m.Status, dk.FormatDate(m.ApprovedOn))
	}
	if m.Items[0].Decision != "Status tages til efterretning." || m.Items[1].Decision != "Næste møde holdes 10.9.2015." {
		t.Errorf("decisions in the store: %q, %q", m.Items[0].Decision, m.Items[1].Decision)
	}
	var owners []string
	for _, a := range m.Actions[before:] {
		owners = append(owners, a.What+" · "+a.Owner+" · "+dk.FormatDate(a.Due))
	}
	want := "Indhente tilbud på lokaler · Sofie Krogh, Boligsocial helhedsplan Motalavej · 1.7.2015|" +
		"Sende referatet til parterne · Mette Lindholm, Center for Arbejdsmarked og Integration · 15.6.2015|" +
		"Beskrive krav til virksomhederne · Thomas Ærenlund, Center for Arbejdsmarked og Integration · 1.8.2015"
	if strings.Join(owners, "|") != want {
		t.Errorf("action items in the store:\n%s\nwant\n%s", strings.Join(owners, "|"), want)
	}

	// The approved meeting no longer edits: its fields are locked, the
	// steps left are a correction and the documents.
	if !p.Entry("Title").Disabled() || !p.agenda.Row(0, "Decision").Input.(*widgets.Entry).Disabled() {
		t.Error("the approved minutes can still be edited in the form")
	}
	if p.steps.approve.Visible() || !p.steps.correct.Visible() || !p.docs.minutes.Visible() {
		t.Error("after approval the buttons should offer a correction and the minutes, not approval")
	}
	if _, err := s.DB().Exec(`UPDATE agenda_items SET decision = 'ændret' WHERE meeting_id = ?`, id); err == nil {
		t.Error("the approved minutes changed through SQL")
	}

	// The minutes as PDF: the decisions and action items with owners and dates.
	out := filepath.Join(t.TempDir(), "referat.pdf")
	errs := make(chan error, 1)
	p.doc(m, agreement.MeetingMinutes).save(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	text := pdfToText(t, out)
	for _, s := range []string{"Referat", "Status tages til efterretning.", "Næste møde holdes 10.9.2015.",
		"Indhente tilbud på lokaler", "Sofie Krogh", "1.7.2015", "Thomas Ærenlund", "Side 1 af"} {
		mustContain(t, text, s)
	}

	// The action items are in Overblik's 90-day list, and open the meeting.
	o := w.Overview
	o.now = func() time.Time { return time.Date(2015, 6, 12, 0, 0, 0, 0, time.Local) }
	w.Tabs.SelectIndex(0)
	row := -1
	for i, d := range o.ov.Due {
		if strings.Contains(dueText(d), "Handlingspunkt: Sende referatet til parterne") {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("the action item is not in the 90-day list: %q", dueRows(t, o))
	}
	o.due.Select(row)
	if w.Tabs.SelectedIndex() != 6 {
		t.Fatalf("the row opened tab %d", w.Tabs.SelectedIndex())
	}
	mustContain(t, w.Partnership.HeadingName(), "Partnerskabsmøde 11.6.2015")
}

// rowInput is the entry of a field in a row of the agenda or action items.
func rowInput(t *testing.T, f *form.Field) *widgets.Entry {
	t.Helper()
	if f == nil {
		t.Fatal("no such field in the row")
	}
	e, ok := f.Input.(*widgets.Entry)
	if !ok {
		t.Fatalf("field %s is a %T, not an entry", f.Name, f.Input)
	}
	return e
}

// pdfToText is what pdftotext reads in the PDF at path.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing (poppler-utils)")
		}
		t.Skip("pdftotext is missing (poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
