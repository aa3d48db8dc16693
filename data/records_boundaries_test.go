package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

// The other records' rules with a date, an amount or a count, each on the
// limit and one step past it (the clock of these tests says 1.3.2015).

func TestRecordFormLimits(t *testing.T) {
	s := mustDemo(t)
	bevar, helhedsplan := idOf(t, s, "organisations", "Bevar"), idOf(t, s, "organisations", "Boligsocial helhedsplan Motalavej")
	premises := idOf(t, s, "premises", "Kvarterhuset")
	contact := func(edit func(f *ContactForm)) func() error {
		return func() error {
			f := ContactForm{OrganisationID: bevar, Name: "Ida Holm"}
			edit(&f)
			_, err := f.Parse()
			return err
		}
	}
	room := func(area string) func() error {
		return func() error { _, err := RoomForm{PremisesID: premises, Name: "Skur", Area: area}.Parse(); return err }
	}
	agreement := func(edit func(f *AgreementForm)) func() error {
		return func() error {
			f := AgreementForm{Title: "Aftale", Body: "Tekst.", Parties: []PartyForm{{OrganisationID: bevar}, {OrganisationID: helhedsplan}}}
			edit(&f)
			_, err := f.Parse()
			return err
		}
	}
	for _, tc := range []struct {
		name  string
		parse func() error
		field string // the field with a problem; "" for none
	}{
		{"a contact for one day", contact(func(f *ContactForm) { f.ValidFrom, f.ValidTo = "1.3.2015", "1.3.2015" }), ""},
		{"a contact ending the day before", contact(func(f *ContactForm) { f.ValidFrom, f.ValidTo = "1.3.2015", "28.2.2015" }), "ValidTo"},
		{"a phone number of 8 digits", contact(func(f *ContactForm) { f.Phone = "58 57 36 00" }), ""},
		{"a phone number of 7 digits", contact(func(f *ContactForm) { f.Phone = "58 57 36 0" }), "Phone"},
		{"a phone number of 15 digits", contact(func(f *ContactForm) { f.Phone = "+45 1234 5678 9012 3" }), ""},
		{"a phone number of 16 digits", contact(func(f *ContactForm) { f.Phone = "+45 1234 5678 9012 34" }), "Phone"},
		{"a room of 0 m²", room("0"), "Area"},
		{"a room of 0,01 m²", room("0,01"), ""},
		{"a room of -1 m²", room("-1"), "Area"},
		{"an agreement valid for one day", agreement(func(f *AgreementForm) { f.ValidFrom, f.ValidTo = "1.9.2015", "1.9.2015" }), ""},
		{"an agreement ending the day before", agreement(func(f *AgreementForm) { f.ValidFrom, f.ValidTo = "1.9.2015", "31.8.2015" }), "ValidTo"},
		{"an agreement of two parties", agreement(func(f *AgreementForm) {}), ""},
		{"an agreement of one party", agreement(func(f *AgreementForm) { f.Parties = f.Parties[:1] }), "Parties"},
		{"an agreement of one party named twice", agreement(func(f *AgreementForm) { f.Parties[1] = f.Parties[0] }), "Parties"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.parse()
			if tc.field == "" {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			wantFieldError(t, err, tc.field)
		})
	}
}

// A drawn signature needs MinInk of ink: exactly that much is a signature.
func TestInkOnItsLimit(t *testing.T) {
	// From corner to corner of half the pad: half its diagonal.
	exactly := [][]InkPoint{{{X: 0, Y: 0}, {X: 0.5, Y: 0.5}}}
	if got := InkAmount(exactly); got != MinInk {
		t.Fatalf("InkAmount = %v, want %v", got, MinInk)
	}
	if err := CheckInk(exactly); err != nil {
		t.Errorf("exactly the least ink refused: %v", err)
	}
	less := [][]InkPoint{{{X: 0, Y: 0}, {X: 0.49, Y: 0.49}}}
	wantFieldError(t, CheckInk(less), "Signature", "næsten ingen underskrift")
	if err := CheckInk(nil); err == nil {
		t.Error("no ink at all is a signature")
	}
}

// A date written on paper may be today, not tomorrow.
func TestPaperSignatureDatedToday(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	a, sofie, lene := pendingAgreement(t, s)
	scan := []byte("%PDF-1.5\nscannet papir\n%%EOF\n")
	today, tomorrow := day("1.3.2015"), day("2.3.2015")
	wantFieldError(t, s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: today},
		{SignatoryID: lene.ID, SignedOn: tomorrow}}, scan), "Signatures", "2.3.2015 ligger i fremtiden")
	if err := s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: today},
		{SignatoryID: lene.ID, SignedOn: today}}, scan); err != nil {
		t.Errorf("signed on paper today: %v", err)
	}
}

// The overview looks 90 days ahead, both ends included: a placement is
// overdue on its delete-by day and coming from 90 days before; a signed
// agreement is listed from 90 days before its last day until that day.
func TestDueWindowOnItsEnds(t *testing.T) {
	const window = 90
	s := mustDemo(t)
	ctx := context.Background()
	ids := demoStaffingIDs(t, s)
	f := okPlacement(ids)
	f.End, f.CaseClosedOn, f.DeleteBy = "31.12.2015", "31.12.2015", "30.6.2016"
	p := mustSavePlacement(t, s, f)
	a, sofie, lene := pendingAgreement(t, s) // valid to 30.9.2017
	signOnScreen(t, s, a, sofie)
	signOnScreen(t, s, a, lene)
	if err := s.StoreSealed(ctx, a.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	find := func(d time.Time, kind DueKind, id int64) (DueItem, bool) {
		t.Helper()
		items, err := s.Due(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.Kind == kind && it.ID == id {
				return it, true
			}
		}
		return DueItem{}, false
	}
	deleteBy := day("30.6.2016")
	for _, tc := range []struct {
		day              time.Time
		coming, overdues bool
	}{
		{deleteBy.AddDate(0, 0, -window-1), false, false},
		{deleteBy.AddDate(0, 0, -window), true, false},
		{deleteBy.AddDate(0, 0, -1), true, false},
		{deleteBy, false, true},
		{deleteBy.AddDate(0, 0, 1), false, true},
	} {
		_, coming := find(tc.day, DuePlacementDelete, p.ID)
		overdue, late := find(tc.day, DuePlacementsOverdue, 0)
		if coming != tc.coming || late != tc.overdues || (late && overdue.Count != 1) {
			t.Errorf("%s: coming %v, overdue %v (%d); want %v, %v", tc.day.Format(time.DateOnly), coming, late, overdue.Count, tc.coming, tc.overdues)
		}
	}
	validTo := day("30.9.2017")
	for _, tc := range []struct {
		day    time.Time
		listed bool
	}{
		{validTo.AddDate(0, 0, -window-1), false},
		{validTo.AddDate(0, 0, -window), true},
		{validTo, true},
		{validTo.AddDate(0, 0, 1), false},
	} {
		it, listed := find(tc.day, DueAgreementExpires, a.ID)
		if listed != tc.listed || (listed && !it.Date.Equal(validTo)) {
			t.Errorf("%s: the agreement's end listed %v (%v), want %v", tc.day.Format(time.DateOnly), listed, it.Date, tc.listed)
		}
	}
	if it, _ := find(validTo, DueAgreementExpires, a.ID); !strings.Contains(it.Text, a.Number) {
		t.Errorf("the due line %q does not name the agreement", it.Text)
	}
}

// The overview's chart (the 24 months up to the day) counts a placement in
// every month it runs a day of: ending on a month's last day or starting on
// its first day counts there, and not in the month beside it.
func TestChartMonthsOnTheirEdges(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Grønt Værksted", Kind: "virksomhed"})
	flex := rowIDOf(t, s, "SELECT id FROM schemes WHERE code = 'fleksjob'")
	for _, p := range []struct{ who, start, end string }{
		{"A.", "1.10.2015", "31.1.2016"}, // January's last day
		{"B.", "1.2.2016", ""},           // February's first day
		{"C.", "1.11.2015", "1.2.2016"},  // one day of February
		{"D.", "31.1.2016", "31.1.2016"}, // one day of January
		{"E.", "1.1.2014", "30.4.2014"},  // the last day of the chart's first month
	} {
		mustSavePlacement(t, s, PlacementForm{Pseudonym: p.who, OrganisationID: org.ID, SchemeID: flex, Start: p.start, End: p.end})
	}
	o, err := s.Overview(ctx, day("15.3.2016"))
	if err != nil {
		t.Fatal(err)
	}
	wantChart(t, s, o)
	months := map[string]int{}
	for _, m := range o.Chart.Months {
		months[m.Month.Format("2006-01")] = m.ByScheme[flex]
	}
	for month, want := range map[string]int{"2014-04": 1, "2014-05": 0, "2015-09": 0, "2015-10": 1, "2015-12": 2, "2016-01": 3, "2016-02": 2, "2016-03": 1} {
		if months[month] != want {
			t.Errorf("%s: %d placements, want %d", month, months[month], want)
		}
	}
}
