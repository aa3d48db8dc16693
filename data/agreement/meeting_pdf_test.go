package agreement

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The meeting's documents are judged as the agreements are: by pdftotext,
// qpdf and pdffonts, on the demo's kick-off meeting of 5.3.2015 and its
// planned meeting of 11.6.2015.

// meetingDemo is a fresh database with the demo case (the registers and
// the partnership's work, no templates), on a fixed day in 2015.
func meetingDemo(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "partnerskab.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2015, 4, 20, 10, 0, 0, 0, time.UTC) }
	if err := s.LoadDemo(context.Background()); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	return s
}

// demoMeeting finds the demo's meeting of date (d.m.yyyy).
func demoMeeting(t *testing.T, s *data.Store, date string) data.Meeting {
	t.Helper()
	ms, err := s.Meetings(context.Background(), data.MeetingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if dk.FormatDate(m.Date) == date {
			full, err := s.Meeting(context.Background(), m.ID)
			if err != nil {
				t.Fatal(err)
			}
			return full
		}
	}
	t.Fatalf("the demo has no meeting on %s", date)
	return data.Meeting{}
}

// meetingFile exports document what of meeting id into a temporary file
// (and into $PARTNERSKAB_PDF_DIR, to look at the pages).
func meetingFile(t *testing.T, s *data.Store, id int64, what MeetingDoc) (string, []byte) {
	t.Helper()
	b, err := ExportMeetingPDF(context.Background(), s, id, what)
	if err != nil {
		t.Fatalf("ExportMeetingPDF(%d, %s): %v", id, what, err)
	}
	path := filepath.Join(t.TempDir(), string(what)+".pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PARTNERSKAB_PDF_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("meeting-%d-%s.pdf", id, what)), b, 0o644)
	}
	return path, b
}

// flat is pdftotext's text with every run of white space one space, so a
// phrase that wraps in a table cell is still found.
func flat(ps []string) string { return strings.Join(strings.Fields(strings.Join(ps, "\n")), " ") }

// kickoffDoc exports document what of the demo's kick-off meeting and
// reads it back.
func kickoffDoc(t *testing.T, what MeetingDoc) (s *data.Store, m data.Meeting, path string, b []byte, ps []string) {
	t.Helper()
	s = meetingDemo(t)
	m = demoMeeting(t, s, "5.3.2015")
	path, b = meetingFile(t, s, m.ID, what)
	return s, m, path, b, pages(t, path)
}

// wantAll asserts that text holds every phrase of want.
func wantAll(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func TestKickoffAgendaPDF(t *testing.T) {
	s, m, path, b, ps := kickoffDoc(t, MeetingAgenda)
	text := flat(ps)
	wantAll(t, "the agenda", text,
		"Indkaldelse og dagsorden · Partnerskabet", "Opstartsmøde i partnerskabet", "torsdag 5. marts 2015",
		"kl. 9.30–11.30", "Kvarterhuset, mødelokalet, Motalavej, Korsør",
		"sendt 19.2.2015, 14 dage før mødet (14 dages varsel)",
		"Indbudte", "Peter Bech", "Forretningsfører", "Mette Lindholm", "Specialkonsulent, socialøkonomi",
		"Dagsorden", "1. Velkomst og præsentation af parterne", "2. Kommissoriet: formål og mål",
		"Op til 16 arbejdspladser i de to virksomheder i 2015.", "3. Afklaring: Jobcentrets rolle", "7. Eventuelt",
		"Ansvarlig: Jens Aagaard, Sekstanten", "Vedrører: Mål: Arbejdspladser i de to socialøkonomiske virksomheder",
		fmt.Sprintf("Dagsorden 5.3.2015 · Side 1 af %d", len(ps)))
	// The agenda is no minutes: neither the minutes nor the decisions.
	for _, not := range []string{"Beslutning", "Parterne tilslutter sig", "Handlingspunkter", "Aftale ",
		"Vedrører: Afklaring: Jobcentrets rolle"} { // the item's title says it
		if strings.Contains(text, not) {
			t.Errorf("the agenda shows %q", not)
		}
	}
	wantMarks(t, path, []string{"EKSEMPEL"}, []string{"UDKAST"})
	wantClean(t, path)
	again, _ := ExportMeetingPDF(context.Background(), s, m.ID, MeetingAgenda)
	if !bytes.Equal(b, again) {
		t.Error("two exports of the same agenda differ")
	}
	if !bytes.Contains(b, []byte("/CreationDate (D:20150219120000")) {
		t.Error("the agenda's creation date is not the day it was sent")
	}
}

func TestKickoffMinutesPDF(t *testing.T) {
	s, m, path, b, ps := kickoffDoc(t, MeetingMinutes)
	text := flat(ps)
	wantAll(t, "the minutes", text,
		"Referat · Partnerskabet", "Opstartsmøde i partnerskabet", "Godkendt 12.3.2015",
		"Første møde i partnerskabet. Referent: Thomas Ærenlund.",
		"Deltagere", "Yasmin Haddad", "Fraværende", "Peter Bech",
		"1. Velkomst og præsentation af parterne", "Parterne præsenterede sig og deres forventninger til samarbejdet.",
		"Beslutning: Parterne tilslutter sig kommissoriets mål som fælles pejlemærker.",
		"Beslutning: Jobcentrets rolle fastlægges som beskrevet i referatet og indgår i partnerskabsaftalen.",
		"Intet til referat.", "Handlingspunkter", "Hvad Ansvarlig Frist Udført",
		"Udkast til partnerskabsaftale sendes til parterne", "20.3.2015", "18.3.2015",
		"Afklare lejevilkår for systue og køkken med BoligKorsør", "Sofie Krogh", "31.3.2015", "30.3.2015",
		"Beskrive kravene til de socialøkonomiske virksomheder", "Thomas Ærenlund", "30.4.2015", "Åben",
		fmt.Sprintf("Referat 5.3.2015 · Side 1 af %d", len(ps)))
	// Peter Bech was invited and did not come: he is under Fraværende only.
	att, abs := strings.Index(text, "Deltagere"), strings.Index(text, "Fraværende")
	if bech := strings.Index(text, "Peter Bech"); bech < abs || strings.Contains(text[att:abs], "Peter Bech") {
		t.Error("Peter Bech is not listed as absent, or is listed as attending")
	}
	if strings.Contains(text, "Rettelser") {
		t.Error("minutes without corrections show a section of corrections")
	}
	wantMarks(t, path, []string{"EKSEMPEL"}, []string{"UDKAST"})
	wantClean(t, path)
	again, _ := ExportMeetingPDF(context.Background(), s, m.ID, MeetingMinutes)
	if !bytes.Equal(b, again) {
		t.Error("two exports of the same minutes differ")
	}

	// A correction after the approval is printed with its date; the
	// minutes stay as approved.
	s.Now = func() time.Time { return time.Date(2015, 4, 14, 12, 0, 0, 0, time.UTC) }
	if _, err := s.AddCorrection(context.Background(), m.ID, "Punkt 5: sagen forelægges afdelingsmødet 27.5.2015."); err != nil {
		t.Fatal(err)
	}
	path, corrected := meetingFile(t, s, m.ID, MeetingMinutes)
	text = flat(pages(t, path))
	wantAll(t, "the corrected minutes", text, "Rettelser efter godkendelsen", "14.4.2015",
		"Punkt 5: sagen forelægges afdelingsmødet 27.5.2015.", "Godkendt 12.3.2015", "Beslutning: Parterne tilslutter sig")
	if bytes.Equal(b, corrected) {
		t.Error("a correction left the minutes' bytes as they were")
	}
}

// The planned meeting of 11.6.2015 has the proposed agenda, is not called
// yet and not held: its agenda says by when to send it, its minutes
// cannot be made.
func TestPlannedMeetingPDFs(t *testing.T) {
	s := meetingDemo(t)
	m := demoMeeting(t, s, "11.6.2015")
	path, _ := meetingFile(t, s, m.ID, MeetingAgenda)
	text := flat(pages(t, path))
	wantAll(t, "the planned agenda", text, "Partnerskabsmøde", "torsdag 11. juni 2015", "kl. 13.00–15.00",
		"sendes senest 28.5.2015 (14 dages varsel)", "1. Godkendelse af dagsorden og af referatet fra sidste møde")
	for _, it := range m.Items {
		if !strings.Contains(text, strings.Join(strings.Fields(it.Title), " ")) {
			t.Errorf("the planned agenda lacks the item %q", it.Title)
		}
	}
	wantMarks(t, path, []string{"EKSEMPEL"}, []string{"UDKAST"})
	wantClean(t, path)
	_, err := ExportMeetingPDF(context.Background(), s, m.ID, MeetingMinutes)
	if !errors.Is(err, ErrNoMeetingDoc) || !strings.Contains(err.Error(), "referatet kan ikke dannes endnu: mødet »Partnerskabsmøde« 11.6.2015 er planlagt, ikke afholdt") {
		t.Errorf("minutes of a planned meeting: %v", err)
	}
}

// Minutes of a held meeting that are not approved are a draft; a meeting
// the caseworker made is no example; a short notice is said as such.
func TestMeetingPDFOfAMeetingOfOurOwn(t *testing.T) {
	s := meetingDemo(t)
	ctx := context.Background()
	kickoff := demoMeeting(t, s, "5.3.2015")
	var people []int64
	for _, p := range kickoff.People {
		people = append(people, p.ID)
	}
	f := data.MeetingForm{Title: "Projektgruppemøde", Date: "16.4.2015", Starts: "10.00", Place: "Rådhuset, lokale 2",
		Invited: people[:3], Attended: people[:2],
		Items: []data.AgendaItemForm{{Title: "Status på rekrutteringen", Text: "- Bevar: to syersker\n- Fra de varme lande: køkkenet",
			Minutes:  "Rekrutteringen går efter planen.\nJobcentret har visiteret fire kandidater.",
			Decision: "Projektgruppen følger op i maj."}},
		Actions: []data.ActionItemForm{{What: "Indkalde kandidaterne til samtale", OwnerID: people[0], Due: "30.4.2015"}}}
	m, err := s.SaveMeeting(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2015, 4, 10, 9, 0, 0, 0, time.UTC) }
	if _, err := s.SendInvitation(ctx, m.ID, s.Now()); err != nil {
		t.Fatal(err)
	}
	path, _ := meetingFile(t, s, m.ID, MeetingAgenda)
	text := flat(pages(t, path))
	wantAll(t, "the agenda", text, "Indkaldelse og dagsorden · Andet møde", "kl. 10.00",
		"sendt 10.4.2015, 6 dage før mødet (kortere end 14 dages varsel; skulle være sendt senest 2.4.2015)",
		"• Bevar: to syersker", "• Fra de varme lande: køkkenet")
	wantMarks(t, path, nil, []string{"EKSEMPEL", "UDKAST"})

	s.Now = func() time.Time { return time.Date(2015, 4, 16, 12, 0, 0, 0, time.UTC) }
	if _, err := s.MarkHeld(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	path, _ = meetingFile(t, s, m.ID, MeetingMinutes)
	text = flat(pages(t, path))
	wantAll(t, "the draft minutes", text, "Udkast til referat · Andet møde", "Ikke godkendt endnu",
		"Rekrutteringen går efter planen. Jobcentret har visiteret fire kandidater.",
		"Beslutning: Projektgruppen følger op i maj.", "Indkalde kandidaterne til samtale", "30.4.2015", "Åben")
	wantMarks(t, path, []string{"UDKAST"}, []string{"EKSEMPEL"})
	wantClean(t, path)
}

func TestMeetingPDFRefusals(t *testing.T) {
	s := meetingDemo(t)
	ctx := context.Background()
	m, err := s.SaveMeeting(ctx, data.MeetingForm{Title: "Tomt møde", Date: "1.9.2015"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ExportMeetingPDF(ctx, s, m.ID, MeetingAgenda); !errors.Is(err, ErrNoMeetingDoc) ||
		!strings.Contains(err.Error(), "dagsordenen kan ikke dannes: mødet »Tomt møde« 1.9.2015 har ingen punkter; tilføj mindst ét") {
		t.Errorf("an agenda without items: %v", err)
	}
	if got := MeetingMinutes.FileName(m); got != "referat-2015-09-01.pdf" {
		t.Errorf("FileName = %q", got)
	}
	if _, err := ExportMeetingPDF(ctx, s, 9999, MeetingAgenda); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a meeting that is not there: %v", err)
	}
	for in, want := range map[string]MeetingDoc{"dagsorden": MeetingAgenda, " Referat ": MeetingMinutes, "INDKALDELSE": MeetingAgenda} {
		if got, err := ParseMeetingDoc(in); got != want || err != nil {
			t.Errorf("ParseMeetingDoc(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseMeetingDoc("protokol"); err == nil || err.Error() != `ukendt dokument "protokol"; vælg dagsorden eller referat` {
		t.Errorf("ParseMeetingDoc(protokol): %v", err)
	}
}

// wantMarks asserts on every page which diagonal marks it carries.
func wantMarks(t *testing.T, path string, want, not []string) {
	t.Helper()
	raw := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	for i, p := range strings.Split(strings.TrimSuffix(raw, "\f"), "\f") {
		p = strings.ReplaceAll(p, "\n", "")
		for _, w := range want {
			if !strings.Contains(p, w) {
				t.Errorf("page %d lacks the mark %q", i+1, w)
			}
		}
		for _, w := range not {
			if strings.Contains(p, w) {
				t.Errorf("page %d shows the mark %q", i+1, w)
			}
		}
	}
}

// wantClean asserts that qpdf finds nothing wrong and that every font is
// an embedded subset with a Unicode map.
func wantClean(t *testing.T, path string) {
	t.Helper()
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts")
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("a font is not an embedded subset with a Unicode map: %q", l)
		}
	}
}
