package data

import (
	"context"
	"strings"
	"testing"

	"partnerskab/data/dk"
)

// The staffing rules with a date, an amount or a count, each on its limit
// and one step past it (the clock of these tests says 1.3.2015).

func TestStaffingFormLimits(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	ids := demoStaffingIDs(t, s)
	placement := func(edit func(f *PlacementForm)) func() error {
		return func() error {
			f := okPlacement(ids)
			edit(&f)
			_, err := f.Parse()
			return err
		}
	}
	position := func(hours, count string) func() error {
		return func() error {
			_, err := s.SavePosition(ctx, PositionForm{OrganisationID: ids.bevar, Title: "Pakker", HoursPerWeek: hours, Count: count})
			return err
		}
	}
	scheme := func(weeks, order string) func() error {
		return func() error {
			_, err := SchemeForm{Name: "Ny ordning", WarnWeeks: weeks, Position: order}.Parse()
			return err
		}
	}
	group := func(order string) func() error {
		return func() error { _, err := TargetGroupForm{Name: "Ny målgruppe", Position: order}.Parse(); return err }
	}
	wantLimits(t, []limitCase{
		{"a placement of 0 hours", placement(func(f *PlacementForm) { f.HoursPerWeek = "0" }), ""},
		{"a placement of -0,01 hours", placement(func(f *PlacementForm) { f.HoursPerWeek = "-0,01" }), "HoursPerWeek"},
		{"a placement of 80 hours", placement(func(f *PlacementForm) { f.HoursPerWeek = "80" }), ""},
		{"a placement of 80,01 hours", placement(func(f *PlacementForm) { f.HoursPerWeek = "80,01" }), "HoursPerWeek"},
		{"a pseudonym of 40 letters", placement(func(f *PlacementForm) { f.Pseudonym = strings.Repeat("æ", 40) }), ""},
		{"a pseudonym of 41 letters", placement(func(f *PlacementForm) { f.Pseudonym = strings.Repeat("æ", 41) }), "Pseudonym"},
		{"five digits in a row", placement(func(f *PlacementForm) { f.Pseudonym = "Deltager 12345" }), ""},
		{"six digits in a row", placement(func(f *PlacementForm) { f.Pseudonym = "Deltager 123456" }), "Pseudonym"},
		{"two-letter capitalised words", placement(func(f *PlacementForm) { f.Pseudonym = "Bo Li" }), ""},
		{"three-letter capitalised words", placement(func(f *PlacementForm) { f.Pseudonym = "Bob Lin" }), "Pseudonym"},
		{"one capitalised word", placement(func(f *PlacementForm) { f.Pseudonym = "Syerske" }), ""},
		{"a placement of one day", placement(func(f *PlacementForm) { f.End = f.Start }), ""},
		{"a placement ending the day before it starts", placement(func(f *PlacementForm) { f.End = "31.8.2015" }), "End"},
		{"a position of 0 hours", position("0", "1"), "HoursPerWeek"},
		{"a position of 0,5 hours", position("0,5", "1"), ""},
		{"a position of 80 hours", position("80", "1"), ""},
		{"a position of 80,5 hours", position("80,5", "1"), "HoursPerWeek"},
		{"a position for 0 people", position("37", "0"), "Count"},
		{"a position for 1 person", position("37", "1"), ""},
		{"a position for 1000 people", position("37", "1000"), ""},
		{"a position for 1001 people", position("37", "1001"), "Count"},
		{"a scheme without a warning", scheme("", ""), ""},
		{"a scheme warning after 0 weeks", scheme("0", ""), "WarnWeeks"},
		{"a scheme warning after 1 week", scheme("1", ""), ""},
		{"a scheme warning after 520 weeks", scheme("520", ""), ""},
		{"a scheme warning after 521 weeks", scheme("521", ""), "WarnWeeks"},
		{"a scheme first in the list", scheme("", "0"), ""},
		{"a scheme at -1 in the list", scheme("", "-1"), "Position"},
		{"a scheme at 10000 in the list", scheme("", "10000"), ""},
		{"a scheme at 10001 in the list", scheme("", "10001"), "Position"},
		{"a target group at 10000 in the list", group("10000"), ""},
		{"a target group at 10001 in the list", group("10001"), "Position"},
		{"a target group at -1 in the list", group("-1"), "Position"},
	})
}

// A scheme that should last N weeks warns from day 7·N + 1, counted with
// the first and the last day, or to today while the placement runs.
func TestSchemeDurationWarningOnItsLastDay(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	ids := demoStaffingIDs(t, s)
	week, err := s.SaveScheme(ctx, SchemeForm{Name: "Prøveuge", Subsidised: true, CountsAsJob: true, WarnWeeks: "1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		scheme     int64
		start, end string
		warn       bool
	}{
		{week.ID, "1.2.2015", "7.2.2015", false},        // 7 days
		{week.ID, "1.2.2015", "8.2.2015", true},         // 8 days
		{week.ID, "22.2.2015", "", true},                // 8 days to today
		{week.ID, "23.2.2015", "", false},               // 7 days to today
		{ids.scheme["praktik"], "30.11.2014", "", true}, // 92 days to today
		{ids.scheme["praktik"], "1.12.2014", "", false}, // 91 days: 13 weeks
		{ids.scheme["praktik"], "2.3.2015", "", false},  // begins tomorrow
		{ids.scheme["fleksjob"], "1.1.2010", "", false}, // no limit
	} {
		f := okPlacement(ids)
		f.OrganisationID, f.SchemeID, f.Start, f.End = ids.varme, tc.scheme, tc.start, tc.end
		ws := placementWarnings(t, s, f)
		got := false
		for _, w := range ws {
			got = got || strings.Contains(w, "bør vare")
		}
		if got != tc.warn {
			t.Errorf("%s–%s: warned %v, want %v (%q)", tc.start, tc.end, got, tc.warn, ws)
		}
	}
}

// The subsidy ratio counts the people employed on the day it is measured:
// one who left the day before does not count, one who leaves that day or
// starts that day does, one who starts the day after does not.
func TestSubsidyRatioCountsWhoRunsOnTheDay(t *testing.T) {
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Grønt Værksted", Kind: "virksomhed"})
	add := func(who, scheme, start, end string) {
		f := okPlacement(ids)
		f.Pseudonym, f.OrganisationID, f.SchemeID, f.Start, f.End = who, org.ID, ids.scheme[scheme], start, end
		mustSavePlacement(t, s, f)
	}
	for i := range 5 {
		add(string(rune('A'+i))+".", "ordinaer", "1.1.2015", "")
	}
	warns := func() bool {
		t.Helper()
		f := okPlacement(ids)
		f.Pseudonym, f.OrganisationID, f.SchemeID, f.Start = "N.", org.ID, ids.scheme["loentilskud"], "1.1.2015"
		for _, w := range placementWarnings(t, s, f) {
			if strings.Contains(w, "rimelighedskravet") {
				return true
			}
		}
		return false
	}
	if warns() {
		t.Fatal("1 subsidised per 5 ordinary warns")
	}
	// Today is 1.3.2015.
	for _, tc := range []struct {
		who, start, end string
		counts          bool
	}{
		{"S1.", "1.1.2015", "28.2.2015", false},
		{"S2.", "2.3.2015", "", false},
		{"S3.", "1.1.2015", "1.3.2015", true},
		{"S4.", "1.3.2015", "", true},
	} {
		add(tc.who, "praktik", tc.start, tc.end)
		if got := warns(); got != tc.counts {
			t.Errorf("with %s (%s–%s): warned %v, want %v", tc.who, tc.start, tc.end, got, tc.counts)
		}
		if tc.counts {
			if _, err := s.DB().Exec(`DELETE FROM placements WHERE pseudonym = ?`, tc.who); err != nil {
				t.Fatal(err)
			}
		}
	}
	// An ordinary employee who left the day before no longer makes room.
	if _, err := s.DB().Exec(`UPDATE placements SET end_on = '2015-02-28' WHERE pseudonym = 'A.'`); err != nil {
		t.Fatal(err)
	}
	if !warns() {
		t.Error("1 subsidised per 4 ordinary does not warn")
	}
}

// The rule's numbers come from the settings; 0, a negative or an unreadable
// number falls back to the default, 1 is taken as written.
func TestSubsidyRuleSettingsOnTheirLimits(t *testing.T) {
	s := mustDemo(t)
	for _, tc := range []struct {
		value string
		want  int
	}{{"0", 5}, {"-1", 5}, {"fem", 5}, {"1", 1}, {"6", 6}} {
		if _, err := s.DB().Exec(`UPDATE settings SET value = ? WHERE key = 'subsidy_ratio_per'`, tc.value); err != nil {
			t.Fatal(err)
		}
		r, err := s.SubsidyRule(context.Background())
		if err != nil || r.Per != tc.want {
			t.Errorf("subsidy_ratio_per %q: %+v, %v; want Per %d", tc.value, r, err, tc.want)
		}
	}
	r := DefaultSubsidyRule
	for ordinary, want := range map[int]int{-1: 0, 0: 0, 1: 0, 4: 0, 5: 1, 6: 1, 50: 10, 51: 10, 59: 10, 60: 11, 61: 11} {
		if got := r.Allowed(ordinary); got != want {
			t.Errorf("Allowed(%d) = %d, want %d", ordinary, got, want)
		}
	}
	// A rule without a higher step counts one per Per all the way.
	if got := (SubsidyRule{Per: 5, Threshold: 50}).Allowed(60); got != 12 {
		t.Errorf("no step above 50: Allowed(60) = %d, want 12", got)
	}
	if got := (SubsidyRule{Threshold: 50, PerAbove: 10}).Allowed(60); got != 0 {
		t.Errorf("no Per: Allowed(60) = %d, want 0", got)
	}
}

// The delete-by date a closed case gets: the years from the settings,
// with 0 or less read as the default of one year.
func TestRetentionYearsOnTheirLimits(t *testing.T) {
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	for i, tc := range []struct {
		years, deleteBy string
	}{{"0", "2017-03-15"}, {"-1", "2017-03-15"}, {"1", "2017-03-15"}, {"2", "2018-03-15"}} {
		if _, err := s.DB().Exec(`UPDATE settings SET value = ? WHERE key = 'retention_person_years'`, tc.years); err != nil {
			t.Fatal(err)
		}
		f := okPlacement(ids)
		f.Pseudonym, f.End, f.CaseClosedOn = string(rune('K'+i))+".", "31.1.2016", "15.3.2016"
		if got := dk.ISODate(mustSavePlacement(t, s, f).DeleteBy); got != tc.deleteBy {
			t.Errorf("%s years: delete by %s, want %s", tc.years, got, tc.deleteBy)
		}
	}
}

// A placement runs from its first day to its last, both included, in Go
// and in the counts the targets use; an open-ended one from its first day.
func TestPlacementRunsOnItsFirstAndLastDay(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Grønt Værksted", Kind: "virksomhed"})
	f := PlacementForm{Pseudonym: "A.H.", OrganisationID: org.ID, SchemeID: rowIDOf(t, s, "SELECT id FROM schemes WHERE code = 'fleksjob'"),
		HoursPerWeek: "18,5", Resident: "ja", Start: "1.9.2015", End: "30.9.2015"}
	ended := mustSavePlacement(t, s, f)
	f.Pseudonym, f.Start, f.End = "B.J.", "1.10.2015", ""
	open := mustSavePlacement(t, s, f)
	for _, tc := range []struct {
		day         string
		ended, open bool
	}{
		{"31.8.2015", false, false}, {"1.9.2015", true, false}, {"30.9.2015", true, false},
		{"1.10.2015", false, true}, {"2.10.2015", false, true},
	} {
		if got := ended.ActiveOn(day(tc.day)); got != tc.ended {
			t.Errorf("%s: the placement of September runs: %v, want %v", tc.day, got, tc.ended)
		}
		if got := open.ActiveOn(day(tc.day)); got != tc.open {
			t.Errorf("%s: the open-ended placement runs: %v, want %v", tc.day, got, tc.open)
		}
		c, err := s.ActiveCounts(ctx, day(tc.day))
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, runs := range []bool{tc.ended, tc.open} {
			if runs {
				want++
			}
		}
		if c.Jobs != want || c.Flex != want || c.Residents != want {
			t.Errorf("%s: counted %+v, want %d of each", tc.day, c, want)
		}
	}
}

// placementWarnings are the warnings the form would show for f, unsaved.
func placementWarnings(t *testing.T, s *Store, f PlacementForm) []string {
	t.Helper()
	p, err := f.Parse()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := s.PlacementWarnings(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}
