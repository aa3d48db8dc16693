package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// Minutes are written in paragraphs, and the proposed agenda lists the due
// action items one a line: an agenda item's text, minutes and decision,
// and a correction, hold several lines and more than a name's 200
// characters; its title stays one line.
func TestMeetingTextsHoldSeveralLines(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	kickoff := demoMeetingOn(t, s, "2015-03-05")
	owner := kickoff.People[0].ID
	minutes := strings.Repeat("Projektgruppen gennemgik rekrutteringen og lokalerne i Kvarterhuset. ", 5) +
		"\n\nJobcentret har visiteret fire kandidater."
	f := MeetingForm{Title: "Projektgruppemøde", Date: "16.4.2015", Invited: []int64{owner}, Attended: []int64{owner},
		Items: []AgendaItemForm{{Title: "Opfølgning på handlingspunkter",
			Text:    "- Beskrive kravene (frist 30.4.2015)\n- Afklare lejevilkår (frist 31.3.2015)",
			Minutes: minutes, Decision: "Kravene drøftes igen i maj.\nSofie Krogh indkalder."}}}
	m, err := s.SaveMeeting(ctx, f)
	if err != nil {
		t.Fatalf("SaveMeeting: %v", err)
	}
	if it := m.Items[0]; it.Text != f.Items[0].Text || it.Minutes != minutes || it.Decision != f.Items[0].Decision {
		t.Errorf("read back %+v", it)
	}
	bad := f
	bad.ID = m.ID
	bad.Items = []AgendaItemForm{{Title: "To\nlinjer"}}
	if _, err := s.SaveMeeting(ctx, bad); !hasProblem(err, ItemField(0, "Title"), "må kun være én linje") {
		t.Errorf("a title of two lines: %v", err)
	}
	bad.Items = []AgendaItemForm{{Title: "Punkt", Minutes: strings.Repeat("x", 10_001)}}
	if _, err := s.SaveMeeting(ctx, bad); !hasProblem(err, ItemField(0, "Minutes"), "for lang: 10.001 tegn, højst 10.000") {
		t.Errorf("minutes over the limit: %v", err)
	}
	if _, err := s.AddCorrection(ctx, kickoff.ID, "Punkt 5:\nsagen forelægges afdelingsmødet 27.5.2015."); err != nil {
		t.Errorf("a correction of two lines: %v", err)
	}
}

// The demo's meetings are examples (their documents say EKSEMPEL), a
// meeting the caseworker makes is not, and approved minutes cannot be
// made or unmade an example with raw SQL either.
func TestDemoMeetingsAreExamples(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	kickoff := demoMeetingOn(t, s, "2015-03-05")
	planned := demoMeetingOn(t, s, "2015-06-11")
	if !kickoff.Example || !planned.Example {
		t.Errorf("example: kick-off %v, planned %v; want both", kickoff.Example, planned.Example)
	}
	m, err := s.SaveMeeting(ctx, MeetingForm{Title: "Eget møde", Date: "1.9.2015"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Example {
		t.Error("a meeting of the caseworker's own is an example")
	}
	planned.Notes = "Ændret"
	if again, err := s.SaveMeeting(ctx, planned.Form()); err != nil || !again.Example {
		t.Errorf("saving the planned example again: example %v, %v", again.Example, err)
	}
	_, err = s.DB().ExecContext(ctx, `UPDATE meetings SET example = 0 WHERE id = ?`, kickoff.ID)
	if err == nil || !strings.Contains(err.Error(), "referatet er godkendt og kan ikke ændres") {
		t.Errorf("raw SQL unmarking approved minutes as an example: %v", err)
	}
}

func demoMeetingOn(t *testing.T, s *Store, iso string) Meeting {
	t.Helper()
	ms, err := s.Meetings(context.Background(), MeetingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Date.Equal(mustISO(t, iso)) {
			full, err := s.Meeting(context.Background(), m.ID)
			if err != nil {
				t.Fatal(err)
			}
			return full
		}
	}
	t.Fatalf("the demo has no meeting on %s", iso)
	return Meeting{}
}

func mustISO(t *testing.T, iso string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// hasProblem tells whether err is a ValidationError with a problem on
// field that says want.
func hasProblem(err error, field, want string) bool {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p.Field == field && strings.Contains(p.Text, want) {
			return true
		}
	}
	return false
}
