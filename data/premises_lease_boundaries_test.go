package data

import (
	"context"
	"slices"
	"testing"

	"partnerskab/data/dk"
)

// The lease's rules with a date or a count, each on the day (or the limit),
// the day before and the day after.

// A fixed-term lease has a notice deadline only while notice can end it
// before its own end: not when the end notice gives is its end date.
func TestNoticeDeadlineOfAFixedTermLeaseAtItsEnd(t *testing.T) {
	// From 1.6.2016, three months' notice ends a lease on 30.9.2016.
	for _, tc := range []struct {
		end  string
		want string // next end / last notice; "" for none
	}{
		{"29.9.2016", ""},
		{"30.9.2016", ""}, // notice would end it on its own end date
		{"1.10.2016", "30.9.2016/30.6.2016"},
		{"31.10.2016", "30.9.2016/30.6.2016"},
	} {
		l := Lease{Start: day("1.1.2016"), End: day(tc.end), NoticeMonthsLandlord: 3, NoticeMonthsTenant: 3}
		for _, side := range []LeaseSide{Landlord, Tenant} {
			d, ok := l.Deadline(side, day("1.6.2016"))
			got := ""
			if ok {
				got = dk.FormatDate(d.NextEnd) + "/" + dk.FormatDate(d.LastNotice)
			}
			if got != tc.want {
				t.Errorf("end %s, %s: deadline %q, want %q", tc.end, side, got, tc.want)
			}
		}
	}
}

// Notice runs from the month it is given in: the last day of a month and
// the first of the next give ends a month apart; the non-terminable period
// holds the end back to its last day and no further.
func TestEndAfterNoticeOnTheMonthsEdge(t *testing.T) {
	bevar := Lease{Start: day("1.9.2015"), NonTerminableMonths: 12, NoticeMonthsLandlord: 6, NoticeMonthsTenant: 3}
	for _, tc := range []struct {
		l          Lease
		side       LeaseSide
		given, end string
	}{
		{bevar, Tenant, "31.5.2016", "31.8.2016"}, // reaches the non-terminable period's end
		{bevar, Tenant, "1.6.2016", "30.9.2016"},
		{bevar, Tenant, "1.1.2016", "31.8.2016"}, // held back
		{bevar, Landlord, "29.2.2016", "31.8.2016"},
		{bevar, Landlord, "1.3.2016", "30.9.2016"},
		{Lease{Start: day("1.9.2015"), NonTerminableMonths: 1, NoticeMonthsTenant: 0}, Tenant, "1.9.2015", "30.9.2015"},
		{Lease{Start: day("1.9.2015"), NonTerminableMonths: 0, NoticeMonthsTenant: 0}, Tenant, "1.9.2015", "30.9.2015"},
		{Lease{Start: day("1.9.2015"), NonTerminableMonths: 2, NoticeMonthsTenant: 0}, Tenant, "1.9.2015", "31.10.2015"},
		{Lease{Start: day("1.9.2015"), NoticeMonthsTenant: 1}, Tenant, "31.8.2015", "30.9.2015"}, // before the start
		{Lease{Start: day("1.9.2015"), NoticeMonthsTenant: 1}, Tenant, "31.10.2015", "30.11.2015"},
	} {
		if got := EndAfterNotice(tc.l, tc.side, day(tc.given)); dk.FormatDate(got) != tc.end {
			t.Errorf("%+v, %s gives notice %s: ends %s, want %s", tc.l, tc.side, tc.given, dk.FormatDate(got), tc.end)
		}
	}
}

// A lease's status changes on its start, on the day notice is given and
// the day after its end, the same in Go and in the store's lists and counts.
func TestLeaseStatusOnTheDaysItChanges(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	// Bevar's lease from 1.9.2015 ends 31.8.2016; Fra de varme lande's from
	// 1.10.2015 is given notice by the tenant on 15.1.2016, which ends it
	// when its non-terminable year is over, on 30.9.2016.
	b := demoLease(t, s, "Bevar").Form()
	b.End = "31.8.2016"
	mustSaveLease(t, s, b)
	v := demoLease(t, s, "Fra de varme lande").Form()
	v.NoticeGivenOn, v.NoticeGivenBy = "15.1.2016", "lejer"
	if got := mustSaveLease(t, s, v).End; dk.FormatDate(got) != "30.9.2016" {
		t.Fatalf("the notice ends the lease %s", dk.FormatDate(got))
	}
	bevar, varme := demoLease(t, s, "Bevar"), demoLease(t, s, "Fra de varme lande")
	for _, tc := range []struct {
		day          string
		bevar, varme LeaseStatus
	}{
		{"31.8.2015", LeasePlanned, LeasePlanned},
		{"1.9.2015", LeaseActive, LeasePlanned},
		{"30.9.2015", LeaseActive, LeasePlanned},
		{"1.10.2015", LeaseActive, LeaseActive},
		{"14.1.2016", LeaseActive, LeaseActive},
		{"15.1.2016", LeaseActive, LeaseNoticeGiven},
		{"16.1.2016", LeaseActive, LeaseNoticeGiven},
		{"31.8.2016", LeaseActive, LeaseNoticeGiven},
		{"1.9.2016", LeaseEnded, LeaseNoticeGiven},
		{"30.9.2016", LeaseEnded, LeaseNoticeGiven},
		{"1.10.2016", LeaseEnded, LeaseEnded},
	} {
		d := day(tc.day)
		if got := bevar.Status(d); got != tc.bevar {
			t.Errorf("%s: Bevar's lease is %s, want %s", tc.day, got, tc.bevar)
		}
		if got := varme.Status(d); got != tc.varme {
			t.Errorf("%s: Fra de varme lande's lease is %s, want %s", tc.day, got, tc.varme)
		}
		if got := varme.Terms(nil, d).Status; got != tc.varme {
			t.Errorf("%s: Terms say %s, want %s", tc.day, got, tc.varme)
		}
		counts, err := s.CountLeasesByStatus(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range LeaseStatuses {
			var want []string
			for _, l := range []struct {
				name string
				st   LeaseStatus
			}{{"Bevar", tc.bevar}, {"Fra de varme lande", tc.varme}} {
				if l.st == st {
					want = append(want, l.name)
				}
			}
			if counts[st] != len(want) {
				t.Errorf("%s: %d leases counted %s, want %d", tc.day, counts[st], st, len(want))
			}
			ls, err := s.SearchLeases(ctx, LeaseQuery{Status: st, Day: d})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range ls {
				got = append(got, l.TenantName)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: the list of %s leases shows %q, want %q", tc.day, st, got, want)
			}
		}
	}
}

// The due list holds what falls due from its first day to its last, both
// included, and keeps a notice deadline for the first end a lease allows
// through the month it falls in.
func TestLeasesDueOnTheirFirstAndLastDay(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	due := func(from, until string) []string {
		t.Helper()
		ds, err := s.LeasesDue(ctx, day(from), day(until))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range ds {
			out = append(out, dk.FormatDate(d.Date)+" "+string(d.Side)+" "+d.Title)
		}
		return out
	}
	// Fra de varme lande's landlord must give notice by 31.3.2016 for the
	// lease's first end, 30.9.2016.
	const varme = "31.3.2016 udlejer Fra de varme lande — Café, Køkken"
	for _, tc := range []struct {
		from, until string
		listed      bool
	}{
		{"1.12.2015", "30.3.2016", false},
		{"1.12.2015", "31.3.2016", true},
		{"1.3.2016", "31.3.2016", true},  // in the month it falls due
		{"31.3.2016", "31.3.2016", true}, // on the day itself
		{"1.4.2016", "30.6.2016", false},
	} {
		if got := slices.Contains(due(tc.from, tc.until), varme); got != tc.listed {
			t.Errorf("%s–%s: %q listed %v, want %v (list %q)", tc.from, tc.until, varme, got, tc.listed, due(tc.from, tc.until))
		}
	}
	// An end date is due on the day itself, not the day after.
	b := demoLease(t, s, "Bevar").Form()
	b.End = "31.8.2016"
	mustSaveLease(t, s, b)
	const end = "31.8.2016  Bevar — Lager ved systuen, Systue"
	for _, tc := range []struct {
		from, until string
		listed      bool
	}{
		{"1.8.2016", "30.8.2016", false},
		{"1.8.2016", "31.8.2016", true},
		{"31.8.2016", "31.8.2016", true},
		{"1.9.2016", "30.9.2016", false},
	} {
		if got := slices.Contains(due(tc.from, tc.until), end); got != tc.listed {
			t.Errorf("%s–%s: the end listed %v, want %v (list %q)", tc.from, tc.until, got, tc.listed, due(tc.from, tc.until))
		}
	}
}

// The lease form's counts and dates on their limits.
func TestLeaseFormLimits(t *testing.T) {
	s := mustDemo(t)
	base := demoLease(t, s, "Bevar").Form() // from 1.9.2015
	save := func(set func(f *LeaseForm)) func() error {
		return func() error {
			f := base
			set(&f)
			_, err := s.SaveLease(context.Background(), f)
			return err
		}
	}
	wantLimits(t, []limitCase{
		{"0 months non-terminable", save(func(f *LeaseForm) { f.NonTerminableMonths = "0" }), ""},
		{"-1 months non-terminable", save(func(f *LeaseForm) { f.NonTerminableMonths = "-1" }), "NonTerminableMonths"},
		{"120 months non-terminable", save(func(f *LeaseForm) { f.NonTerminableMonths = "120" }), ""},
		{"121 months non-terminable", save(func(f *LeaseForm) { f.NonTerminableMonths = "121" }), "NonTerminableMonths"},
		{"0 months' landlord notice", save(func(f *LeaseForm) { f.NoticeMonthsLandlord = "0" }), ""},
		{"120 months' landlord notice", save(func(f *LeaseForm) { f.NoticeMonthsLandlord = "120" }), ""},
		{"121 months' landlord notice", save(func(f *LeaseForm) { f.NoticeMonthsLandlord = "121" }), "NoticeMonthsLandlord"},
		{"-1 months' tenant notice", save(func(f *LeaseForm) { f.NoticeMonthsTenant = "-1" }), "NoticeMonthsTenant"},
		{"120 months' tenant notice", save(func(f *LeaseForm) { f.NoticeMonthsTenant = "120" }), ""},
		{"121 months' tenant notice", save(func(f *LeaseForm) { f.NoticeMonthsTenant = "121" }), "NoticeMonthsTenant"},
		{"no deposit", save(func(f *LeaseForm) { f.DepositMonths = "0" }), ""},
		{"a negative deposit", save(func(f *LeaseForm) { f.DepositMonths = "-0,5" }), "DepositMonths"},
		{"120 months' deposit", save(func(f *LeaseForm) { f.DepositMonths = "120" }), ""},
		{"120,5 months' deposit", save(func(f *LeaseForm) { f.DepositMonths = "120,5" }), "DepositMonths"},
		{"free rooms", save(func(f *LeaseForm) { f.Rent = "0" }), ""},
		{"a negative rent", save(func(f *LeaseForm) { f.Rent = "-0,01" }), "Rent"},
		{"ends the day it starts", save(func(f *LeaseForm) { f.End = "1.9.2015" }), ""},
		{"ends the day before it starts", save(func(f *LeaseForm) { f.End = "31.8.2015" }), "End"},
		{"notice given on the last day", save(func(f *LeaseForm) {
			f.End, f.NoticeGivenOn, f.NoticeGivenBy = "31.8.2016", "31.8.2016", "lejer"
		}), ""},
		{"notice given the day after the end", save(func(f *LeaseForm) {
			f.End, f.NoticeGivenOn, f.NoticeGivenBy = "31.8.2016", "1.9.2016", "lejer"
		}), "NoticeGivenOn"},
	})
}

// What falls due on the same day is listed by tenant the Danish way, then
// lease by lease, the landlord's notice before the tenant's; a lease
// without rooms is named by its tenant alone.
func TestLeasesDueOnTheSameDayInOrder(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	landlord := mustSaveOrg(t, s, OrganisationForm{Name: "Udlejer A/S", Kind: "boligorganisation"})
	aero := mustSaveOrg(t, s, OrganisationForm{Name: "Ærø Værksted", Kind: "virksomhed"})
	zebra := mustSaveOrg(t, s, OrganisationForm{Name: "Zebra Café", Kind: "virksomhed"})
	// Three leases from 1.1.2016, non-terminable for a year, three months'
	// notice either side: the last notice for the first end is 30.9.2016.
	lease := func(tenant int64) int64 {
		res, err := s.DB().Exec(`INSERT INTO leases (landlord_id, tenant_id, start_on, non_terminable_months,
			created_at, updated_at) VALUES (?, ?, '2016-01-01', 12, '2015-03-01T09:30:00Z', '2015-03-01T09:30:00Z')`, landlord.ID, tenant)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		return id
	}
	lease(aero.ID) // first, and without rooms
	zebra1 := lease(zebra.ID)
	lease(zebra.ID) // Zebra's second, without rooms
	p, err := s.SavePremises(ctx, PremisesForm{Name: "Huset"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.SaveRoom(ctx, RoomForm{PremisesID: p.ID, Name: "Lager", Area: "12"})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, `INSERT INTO lease_rooms (lease_id, room_id) VALUES (?, ?)`, zebra1, r.ID)
	due, err := s.LeasesDue(ctx, day("1.9.2016"), day("30.9.2016"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range due {
		got = append(got, dk.FormatDate(d.Date)+" "+d.Title+" "+string(d.Side))
	}
	want := []string{
		"30.9.2016 Zebra Café — Lager udlejer", "30.9.2016 Zebra Café — Lager lejer",
		"30.9.2016 Zebra Café udlejer", "30.9.2016 Zebra Café lejer",
		"30.9.2016 Ærø Værksted udlejer", "30.9.2016 Ærø Værksted lejer",
	}
	if !slices.Equal(got, want) {
		t.Errorf("due\n got %q\nwant %q", got, want)
	}
}

// A lease given notice without an end date ends when the notice runs out;
// a planned lease already has its notice deadlines.
func TestTermsOfNoticeWithoutAnEndAndOfAPlannedLease(t *testing.T) {
	given := Lease{Start: day("1.1.2016"), NoticeMonthsLandlord: 3, NoticeMonthsTenant: 3,
		NoticeGivenOn: day("15.2.2016"), NoticeGivenBy: Tenant}
	tm := given.Terms(nil, day("1.3.2016"))
	if dk.FormatDate(tm.End) != "31.5.2016" || tm.Status != LeaseNoticeGiven || len(tm.Deadlines) != 0 {
		t.Errorf("given notice: end %s, status %s, %d deadlines", dk.FormatDate(tm.End), tm.Status, len(tm.Deadlines))
	}
	for d, want := range map[string]LeaseStatus{"31.5.2016": LeaseNoticeGiven, "1.6.2016": LeaseEnded} {
		if got := given.Status(day(d)); got != want {
			t.Errorf("%s: %s, want %s", d, got, want)
		}
	}
	planned := Lease{Start: day("1.6.2016"), NoticeMonthsLandlord: 3, NoticeMonthsTenant: 1}
	tm = planned.Terms(nil, day("1.1.2016"))
	if tm.Status != LeasePlanned || len(tm.Deadlines) != 2 || dk.FormatDate(tm.Deadlines[0].NextEnd) != "30.6.2016" {
		t.Errorf("planned: status %s, deadlines %+v", tm.Status, tm.Deadlines)
	}
}

// A lease written with notice but no end date (by another tool) is due to
// end when the notice runs out.
func TestLeasesDueEndOfNoticeWithoutAnEndDate(t *testing.T) {
	s := mustDemo(t)
	mustExec(t, s, `UPDATE leases SET notice_given_on = '2016-02-15', notice_given_by = 'lejer', non_terminable_months = 0
		WHERE tenant_id = `+sqlOrg("Bevar"))
	due, err := s.LeasesDue(context.Background(), day("1.5.2016"), day("31.5.2016"))
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].Kind != DueEnd || dk.FormatDate(due[0].Date) != "31.5.2016" {
		t.Errorf("due %+v, want Bevar's lease ending 31.5.2016", due)
	}
}
