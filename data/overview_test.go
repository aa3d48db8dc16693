package data

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"partnerskab/data/dk"
)

func isoDay(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := dk.ParseISODate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// chartPlacement is a placement as the chart and the figures see it,
// read straight from the table.
type chartPlacement struct {
	id                 int64
	scheme             int64
	countsAsJob, flex  bool
	resident           bool
	start, end         string // ISO; end "" when open
	deleteBy           string
	anonymised         bool
	pseudonym, orgName string
}

func allPlacements(tb testing.TB, s *Store) []chartPlacement {
	tb.Helper()
	rows, err := s.DB().Query(`SELECT p.id, p.scheme_id, sc.counts_as_job, sc.flex, p.resident, p.start_on,
		coalesce(p.end_on, ''), coalesce(p.delete_by, ''), p.anonymised_at IS NOT NULL, p.pseudonym, o.name
		FROM placements p JOIN schemes sc ON sc.id = p.scheme_id JOIN organisations o ON o.id = p.organisation_id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []chartPlacement
	for rows.Next() {
		var p chartPlacement
		if err := rows.Scan(&p.id, &p.scheme, &p.countsAsJob, &p.flex, &p.resident, &p.start, &p.end, &p.deleteBy,
			&p.anonymised, &p.pseudonym, &p.orgName); err != nil {
			tb.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// runsBetween tells whether p runs on at least one day from from to to
// (ISO dates, both included).
func (p chartPlacement) runsBetween(from, to string) bool {
	return p.start <= to && (p.end == "" || p.end >= from)
}

// wantFigures checks the overview's counts against the placements and
// leases counted one by one in Go.
func wantFigures(t *testing.T, s *Store, o Overview) {
	t.Helper()
	day := dk.ISODate(o.Day)
	placed, residents, flex := 0, 0, 0
	for _, p := range allPlacements(t, s) {
		if p.countsAsJob && p.runsBetween(day, day) {
			placed++
			if p.resident {
				residents++
			}
			if p.flex {
				flex++
			}
		}
	}
	if o.Placed != placed || o.Residents != residents {
		t.Errorf("placed %d, residents %d; the placements hold %d and %d", o.Placed, o.Residents, placed, residents)
	}
	var jobs, flexJobs *Target
	for i, tg := range o.Targets {
		switch tg.Measure {
		case MeasureJobsFilled:
			jobs = &o.Targets[i]
		case MeasureFlexJobs:
			flexJobs = &o.Targets[i]
		}
	}
	if jobs == nil || flexJobs == nil {
		t.Fatalf("the overview lacks the jobs or the flex target: %+v", o.Targets)
	}
	if int(jobs.Current) != placed || int(flexJobs.Current) != flex {
		t.Errorf("targets: %v jobs, %v flex-jobbers; the placements hold %d and %d", jobs.Current, flexJobs.Current, placed, flex)
	}
	if jobs.Goal != 16 || flexJobs.Goal != 30 {
		t.Errorf("goals %v and %v, want 16 and 30", jobs.Goal, flexJobs.Goal)
	}
	// Leases: each one's status by Lease.Status, the rule the lease list uses.
	want := map[LeaseStatus]int{}
	total := 0
	rows, err := s.DB().Query(`SELECT id FROM leases WHERE archived_at IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		l, err := s.Lease(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		want[l.Status(o.Day)]++
		total++
	}
	for _, st := range LeaseStatuses {
		if o.Leases[st] != want[st] {
			t.Errorf("leases %s: %d, the leases hold %d", st, o.Leases[st], want[st])
		}
	}
	if o.LeasesTotal != total {
		t.Errorf("leases in all: %d, want %d", o.LeasesTotal, total)
	}
}

// wantChart checks the chart against the placements counted month by month.
func wantChart(t *testing.T, s *Store, o Overview) {
	t.Helper()
	if len(o.Chart.Months) != ChartMonths {
		t.Fatalf("chart has %d months, want %d", len(o.Chart.Months), ChartMonths)
	}
	last := o.Chart.Months[ChartMonths-1].Month
	if last.Year() != o.Day.Year() || last.Month() != o.Day.Month() || last.Day() != 1 {
		t.Errorf("the chart's last month starts %s; want the first of the day's month %s", dk.FormatDate(last), dk.FormatDate(o.Day))
	}
	all := allPlacements(t, s)
	shown := map[int64]bool{}
	for _, sc := range o.Chart.Schemes {
		shown[sc.ID] = true
	}
	for i, m := range o.Chart.Months {
		if i > 0 && m.Month != o.Chart.Months[i-1].Month.AddDate(0, 1, 0) {
			t.Errorf("month %d is %s, not the month after %s", i, dk.FormatDate(m.Month), dk.FormatDate(o.Chart.Months[i-1].Month))
		}
		from, to := dk.ISODate(m.Month), dk.ISODate(m.Month.AddDate(0, 1, -1))
		want := map[int64]int{}
		for _, p := range all {
			if p.runsBetween(from, to) {
				want[p.scheme]++
			}
		}
		for id, n := range want {
			if m.ByScheme[id] != n {
				t.Errorf("%s, scheme %d: %d placements, want %d", from[:7], id, m.ByScheme[id], n)
			}
			if !shown[id] {
				t.Errorf("%s: scheme %d has placements but is not in the legend", from[:7], id)
			}
		}
		for id, n := range m.ByScheme {
			if want[id] == 0 {
				t.Errorf("%s, scheme %d: %d placements, want none", from[:7], id, n)
			}
		}
	}
}

// The overview of the demo case holds what the demo holds: counted one by
// one, on a day in the partnership's first year and one ten years on.
func TestOverviewOfTheDemo(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	for _, d := range []string{"2016-03-01", "2026-11-26"} {
		o, err := s.Overview(ctx, isoDay(t, d))
		if err != nil {
			t.Fatal(err)
		}
		if o.Placed == 0 || o.LeasesTotal == 0 {
			t.Fatalf("%s: nothing placed (%d) or no leases (%d); the demo has both", d, o.Placed, o.LeasesTotal)
		}
		wantFigures(t, s, o)
		wantChart(t, s, o)
		for _, a := range o.Agreements {
			if a.N != 0 {
				t.Errorf("%s: %d agreements %s; the demo has none", d, a.N, a.Status)
			}
		}
	}
	// 1.3.2016: six placements count as jobs (the volunteer does not, the
	// work placement that ended in January does not), three of them
	// residents; both leases active.
	o, err := s.Overview(ctx, isoDay(t, "2016-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if o.Placed != 6 || o.Residents != 3 || o.ResidentShare() != 0.5 {
		t.Errorf("1.3.2016: %d placed, %d residents (%v); want 6, 3 (0,5)", o.Placed, o.Residents, o.ResidentShare())
	}
	if o.Leases[LeaseActive] != 2 || o.LeasesTotal != 2 {
		t.Errorf("1.3.2016: %d of %d leases active, want 2 of 2", o.Leases[LeaseActive], o.LeasesTotal)
	}
	if got := len(o.Agreements); got != len(AgreementStatuses) {
		t.Errorf("%d agreement statuses, want %d (every status, zero or not)", got, len(AgreementStatuses))
	}
}

// dueLines renders due rows as "date kind text → entity id" for comparing.
func dueLines(items []DueItem) []string {
	var out []string
	for _, d := range items {
		out = append(out, fmt.Sprintf("%s %s: %s → %s %d", dk.ISODate(d.Date), d.Kind, d.Text, d.Entity, d.ID))
	}
	return out
}

func orgID(tb testing.TB, s *Store, name string) int64 {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT id FROM organisations WHERE name = ?`, name).Scan(&id); err != nil {
		tb.Fatalf("organisation %s: %v", name, err)
	}
	return id
}

func leaseOf(tb testing.TB, s *Store, tenant string) int64 {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT l.id FROM leases l JOIN organisations o ON o.id = l.tenant_id WHERE o.name = ?`,
		tenant).Scan(&id); err != nil {
		tb.Fatalf("lease of %s: %v", tenant, err)
	}
	return id
}

// registersOnly leaves out the partnership's own work (meetings, risks,
// grants), which TestDueListOfThePartnership covers.
func registersOnly(due []DueItem) []DueItem {
	var out []DueItem
	for _, d := range due {
		if d.Entity != EntityMeeting && d.Entity != EntityRisk && d.Entity != EntityGrant {
			out = append(out, d)
		}
	}
	return out
}

// On 1.12.2016 the demo has, within 90 days and soonest first: Fra de
// varme lande still waiting for the steering group (overdue, so dated
// that day); Syerske 3's delete-by date 29.1.2017 (a year after her case
// closed); and a signed agreement that expires 15.2.2017. Drafts and
// agreements expiring later are not due, and neither are the leases: past
// their non-terminable period they can be given notice any month. On
// 1.1.2016 the leases' first possible ends are near, and their last notice
// days are due.
func TestDueListOfTheDemo(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	for _, a := range []struct{ number, status, validTo string }{
		{"2015-001", "signed", "2017-02-15"},
		{"2015-002", "draft", "2017-01-15"},  // a draft does not expire
		{"2015-003", "signed", "2017-06-30"}, // beyond 90 days
	} {
		if _, err := s.DB().Exec(`INSERT INTO agreements (number, title, status, valid_from, valid_to, created_at, updated_at)
			VALUES (?, 'Lejeaftale Kvarterhuset', ?, '2015-09-01', ?, '2015-08-01T10:00:00Z', '2015-08-01T10:00:00Z')`,
			a.number, a.status, a.validTo); err != nil {
			t.Fatal(err)
		}
	}
	var agreement, placement int64
	s.DB().QueryRow(`SELECT id FROM agreements WHERE number = '2015-001'`).Scan(&agreement)
	s.DB().QueryRow(`SELECT id FROM placements WHERE pseudonym = 'Syerske 3'`).Scan(&placement)
	bevar, varme := leaseOf(t, s, "Bevar"), leaseOf(t, s, "Fra de varme lande")
	want := []string{
		fmt.Sprintf("2016-12-01 approval_missing: Styregruppens godkendelse mangler: Fra de varme lande → organisation %d", orgID(t, s, "Fra de varme lande")),
		"2017-01-29 placement_delete: 1 placering skal slettes senest 29.1.2017 → placements_due 0",
		fmt.Sprintf("2017-02-15 agreement_expires: Aftale udløber: 2015-001 Lejeaftale Kvarterhuset → agreement %d", agreement),
	}
	due, err := s.Due(ctx, isoDay(t, "2016-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	got := dueLines(registersOnly(due))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("due on 1.12.2016:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	due, err = s.Due(ctx, isoDay(t, "2016-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	got = dueLines(registersOnly(due))
	want = []string{
		fmt.Sprintf("2016-01-01 approval_missing: Styregruppens godkendelse mangler: Fra de varme lande → organisation %d", orgID(t, s, "Fra de varme lande")),
		fmt.Sprintf("2016-02-29 lease_notice: Sidste frist for opsigelse (udlejer, til ophør 31.8.2016): Bevar — Lager ved systuen, Systue → lease %d", bevar),
		fmt.Sprintf("2016-03-31 lease_notice: Sidste frist for opsigelse (udlejer, til ophør 30.9.2016): Fra de varme lande — Café, Køkken → lease %d", varme),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("due on 1.1.2016:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Once Syerske 3's delete-by date has passed she is one of the
	// placements due for deletion: one row, to the staffing tab's list.
	due, err = s.Due(ctx, isoDay(t, "2017-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	var overdue *DueItem
	for i, d := range due {
		if d.Kind == DuePlacementDelete {
			t.Errorf("on 1.3.2017 a placement is listed as coming: %+v", d)
		}
		if d.Kind == DuePlacementsOverdue {
			overdue = &due[i]
		}
	}
	if overdue == nil || overdue.Count != 1 || overdue.Entity != EntityPlacementsDue ||
		overdue.Text != "1 placering har passeret sin slettefrist: slet eller anonymisér den" || !overdue.Overdue() {
		t.Errorf("on 1.3.2017 the overdue placements are %+v; want one row for Syerske 3", overdue)
	}
	// Approved, the enterprise leaves the list; anonymised, so does the placement.
	f := OrganisationForm{Name: "Fra de varme lande", Kind: "virksomhed", ApprovedOn: "1.3.2017", ApprovalRef: "Styregruppemøde"}
	f.ID = orgID(t, s, "Fra de varme lande")
	if _, err := s.SaveOrganisation(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AnonymisePlacements(ctx, []int64{placement}); err != nil {
		t.Fatal(err)
	}
	due, err = s.Due(ctx, isoDay(t, "2017-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range due {
		if d.Kind == DueApprovalMissing || d.Kind == DuePlacementsOverdue {
			t.Errorf("after approval and anonymisation still due: %s", d.Text)
		}
	}
}

// The due list is in date order and inside the window, with overdue rows
// dated the day; the overview's counts match the placements and leases
// one by one, and the chart a month-by-month count, also on the big
// database.
func TestOverviewOfTheBigDatabase(t *testing.T) {
	s, err := Open(bigDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	o, err := s.Overview(ctx, bigDBDay)
	if err != nil {
		t.Fatal(err)
	}
	wantChart(t, s, o)
	day := dk.ISODate(bigDBDay)
	placed := 0
	overdue := 0
	coming := map[string]int{} // delete-by day → placements, counted one by one
	for _, p := range allPlacements(t, s) {
		if p.countsAsJob && p.runsBetween(day, day) {
			placed++
		}
		if p.deleteBy != "" && !p.anonymised {
			if p.deleteBy <= day {
				overdue++
			} else if p.deleteBy <= dk.ISODate(bigDBDay.AddDate(0, 0, DueWindow)) {
				coming[p.deleteBy]++
			}
		}
	}
	if o.Placed != placed {
		t.Errorf("placed %d, the placements hold %d", o.Placed, placed)
	}
	due, err := s.DuePlacements(ctx, bigDBDay)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[DueKind]int{}
	counted := map[string]int{}
	until := bigDBDay.AddDate(0, 0, DueWindow)
	for i, d := range o.Due {
		kinds[d.Kind]++
		if d.Kind == DuePlacementDelete {
			if counted[dk.ISODate(d.Date)] != 0 || d.Entity != EntityPlacementsDue {
				t.Errorf("a second row for %s, or one that opens no list: %+v", dk.FormatDate(d.Date), d)
			}
			counted[dk.ISODate(d.Date)] = d.Count
			want := fmt.Sprintf("%d placeringer skal slettes senest %s", d.Count, dk.FormatDate(d.Date))
			if d.Count == 1 {
				want = "1 placering skal slettes senest " + dk.FormatDate(d.Date)
			}
			if d.Text != want {
				t.Errorf("row %q, want %q", d.Text, want)
			}
		}
		if i > 0 && d.Date.Before(o.Due[i-1].Date) {
			t.Fatalf("row %d (%s) comes before row %d (%s)", i, dk.FormatDate(d.Date), i-1, dk.FormatDate(o.Due[i-1].Date))
		}
		if d.Date.Before(bigDBDay) || d.Date.After(until) {
			t.Errorf("row %q is dated %s, outside %s–%s", d.Text, dk.FormatDate(d.Date), dk.FormatDate(bigDBDay), dk.FormatDate(until))
		}
		if d.Kind == DuePlacementsOverdue && (d.Count != overdue || d.Count != len(due)) {
			t.Errorf("%d placements overdue; the placements hold %d, DuePlacements lists %d", d.Count, overdue, len(due))
		}
		if d.Text == "" || (d.ID == 0) != (d.Entity == EntityPlacementsDue) {
			t.Errorf("row without text or record: %+v", d)
		}
	}
	if !maps.Equal(counted, coming) || len(coming) < 2 {
		t.Errorf("placements coming up for deletion per day %v, the placements hold %v", counted, coming)
	}
	for _, k := range []DueKind{DueApprovalMissing, DuePlacementsOverdue, DueLeaseNotice, DueLeaseEnd, DueAgreementExpires, DuePlacementDelete} {
		if kinds[k] == 0 {
			t.Errorf("no %s rows on the big database", k)
		}
	}
	var missing int
	s.DB().QueryRow(`SELECT count(*) FROM organisations o WHERE kind = 'virksomhed' AND archived_at IS NULL
		AND id NOT IN (SELECT organisation_id FROM approvals WHERE body = 'styregruppe' AND approved_on IS NOT NULL
		AND organisation_id IS NOT NULL)`).Scan(&missing)
	if kinds[DueApprovalMissing] != missing {
		t.Errorf("%d approvals missing, the organisations hold %d", kinds[DueApprovalMissing], missing)
	}
	var expiring int
	s.DB().QueryRow(`SELECT count(*) FROM agreements WHERE status = 'signed' AND valid_to BETWEEN ? AND ?`,
		day, dk.ISODate(until)).Scan(&expiring)
	if kinds[DueAgreementExpires] != expiring {
		t.Errorf("%d agreements expiring, the agreements hold %d", kinds[DueAgreementExpires], expiring)
	}
	var byStatus = map[string]int{}
	rows, _ := s.DB().Query(`SELECT status FROM agreements`)
	for rows.Next() {
		var st string
		rows.Scan(&st)
		byStatus[st]++
	}
	rows.Close()
	for _, a := range o.Agreements {
		if a.N != byStatus[a.Status] {
			t.Errorf("%d agreements %s, the agreements hold %d", a.N, a.Status, byStatus[a.Status])
		}
	}
}

// A target is overdue the day after its deadline, not on it, and not when
// its goal is met.
func TestTargetOverdueFromTheDayAfterItsDeadline(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	tg := Target{Goal: 16, Current: 6, Deadline: d("2015-12-31")}
	for day, want := range map[string]bool{"2015-12-30": false, "2015-12-31": false, "2016-01-01": true} {
		if got := tg.Overdue(d(day)); got != want {
			t.Errorf("on %s overdue = %v, want %v", day, got, want)
		}
	}
	if (Target{Goal: 16, Current: 16, Deadline: d("2015-12-31")}).Overdue(d("2016-01-01")) {
		t.Error("a met goal is called overdue")
	}
	if (Target{Goal: 16, Current: 0}).Overdue(d("2030-01-01")) {
		t.Error("a target without a deadline is called overdue")
	}
	// The day is a calendar day: late on the deadline's evening is still in time.
	if tg.Overdue(time.Date(2015, 12, 31, 23, 30, 0, 0, time.Local)) {
		t.Error("the deadline's evening is called overdue")
	}
}
