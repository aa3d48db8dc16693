package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

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
	mustSavePlacement(t, s, f)
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
		row, coming := find(tc.day, DuePlacementDelete, 0)
		if coming && (row.Count != 1 || !row.Date.Equal(deleteBy) || row.Entity != EntityPlacementsDue) {
			t.Errorf("%s: the coming deletion is %+v; want one placement by %s", tc.day.Format(time.DateOnly), row, deleteBy)
		}
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
