package data

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"partnerskab/data/dk"
)

func day(s string) time.Time {
	t, err := dk.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// demoLease reads the demo's lease of tenant.
func demoLease(tb testing.TB, s *Store, tenant string) Lease {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow(`SELECT l.id FROM leases l JOIN organisations o ON o.id = l.tenant_id WHERE o.name = ?`,
		tenant).Scan(&id); err != nil {
		tb.Fatalf("lease of %q: %v", tenant, err)
	}
	l, err := s.Lease(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// leaseForm is a valid form for a new lease of rooms to tenant from start.
func leaseForm(tb *testing.T, s *Store, tenant, start string, rooms ...string) LeaseForm {
	tb.Helper()
	f := NewLeaseForm()
	f.LandlordID = demoOrg(tb, s, "BoligKorsør").ID
	f.TenantID = demoOrg(tb, s, tenant).ID
	for _, r := range rooms {
		f.RoomIDs = append(f.RoomIDs, demoRoom(tb, s, r).ID)
	}
	f.Start, f.Rent = start, "500"
	return f
}

func mustSaveLease(tb testing.TB, s *Store, f LeaseForm) Lease {
	tb.Helper()
	l, err := s.SaveLease(context.Background(), f)
	if err != nil {
		tb.Fatalf("SaveLease: %v", err)
	}
	return l
}

func TestDemoLeasesAreSavedLikeTheForm(t *testing.T) {
	s := mustDemo(t)
	l := demoLease(t, s, "Bevar")
	if l.ID != 1 || l.LandlordName != "BoligKorsør" || l.Title() != "Bevar — Lager ved systuen, Systue" {
		t.Errorf("demo lease %d %q %q", l.ID, l.LandlordName, l.Title())
	}
	if l.RentPerM2Year != 65000 || l.DepositMonths != 3 || l.NonTerminableMonths != 12 ||
		l.NoticeMonthsLandlord != 6 || l.NoticeMonthsTenant != 3 || !l.Start.Equal(day("1.9.2015")) || !l.End.IsZero() {
		t.Errorf("demo lease terms %+v", l)
	}
	if m := MissingApprovals(l); len(m) != 0 {
		t.Errorf("demo lease misses %v", m)
	}
}

func TestSaveLeaseWithRoomsAndApprovals(t *testing.T) {
	s := mustDemo(t)
	f := leaseForm(t, s, "Bevar", "1.1.2016", "Mødelokale")
	f.Rent = "1.250,50"
	f.DepositMonths = "1,5"
	f.Utilities = "Efter måler"
	f.Use = "Møder og undervisning"
	f.VAT, f.Subletting, f.PartialLetting = "ja", "nej", "ja"
	f.ResidentsOn, f.ResidentsRef = "2.12.2015", "Afdelingsmøde, punkt 5"
	f.SubsidiaryOn = "10.12.2015"
	l := mustSaveLease(t, s, f)

	var rent int64
	var deposit float64
	var utilities string
	var vat, partial int
	if err := s.DB().QueryRow(`SELECT rent_ore_per_m2_year, deposit_months, utilities, vat, partial_letting FROM leases WHERE id = ?`,
		l.ID).Scan(&rent, &deposit, &utilities, &vat, &partial); err != nil {
		t.Fatal(err)
	}
	if rent != 125050 || deposit != 1.5 || utilities != "maalt" || vat != 1 || partial != 1 {
		t.Errorf("stored rent %d deposit %v utilities %q vat %d partial %d", rent, deposit, utilities, vat, partial)
	}
	var rooms []string
	rows, _ := s.DB().Query(`SELECT r.name FROM lease_rooms lr JOIN rooms r ON r.id = lr.room_id WHERE lr.lease_id = ?`, l.ID)
	for rows.Next() {
		var n string
		rows.Scan(&n)
		rooms = append(rooms, n)
	}
	rows.Close()
	if len(rooms) != 1 || rooms[0] != "Mødelokale" {
		t.Errorf("stored rooms %v", rooms)
	}
	var approvals []string
	rows, _ = s.DB().Query(`SELECT body, coalesce(approved_on, ''), reference FROM approvals WHERE lease_id = ? ORDER BY body`, l.ID)
	for rows.Next() {
		var b, on, ref string
		rows.Scan(&b, &on, &ref)
		approvals = append(approvals, b+" "+on+" "+ref)
	}
	rows.Close()
	want := []string{"afdelingsmoede 2015-12-02 Afdelingsmøde, punkt 5", "datterselskab 2015-12-10 "}
	if !slices.Equal(approvals, want) {
		t.Errorf("stored approvals %q, want %q", approvals, want)
	}
	// The board has not approved: the lease is saved but lacks it.
	if m := MissingApprovals(l); !slices.Equal(m, []ApprovalBody{ApprovalBoard}) {
		t.Errorf("missing %v, want the board", m)
	}
	if got := eventKinds(t, s, "lejemål", l.ID); !slices.Equal(got, []string{"oprettet"}) {
		t.Errorf("events %v", got)
	}
	// The form shows what was saved, and saving it again changes nothing but adds the approval.
	f = l.Form()
	if f.Rent != "1.250,50" || f.DepositMonths != "1,5" || f.ResidentsOn != "2.12.2015" || f.PartialLetting != "ja" {
		t.Errorf("form of the saved lease %+v", f)
	}
	f.BoardOn, f.BoardRef = "15.12.2015", "Bestyrelsesmøde"
	f.SubsidiaryOn = ""
	l = mustSaveLease(t, s, f)
	if m := MissingApprovals(l); !slices.Equal(m, []ApprovalBody{ApprovalSubsidiary}) {
		t.Errorf("after the board approved and the subsidiary's date was removed, missing %v", m)
	}
	if n := countRows(t, s, "approvals WHERE lease_id = "+itoa(l.ID)); n != 2 {
		t.Errorf("%d approval rows, want 2 (the emptied one deleted)", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestOverlappingLeaseIsRefusedNamingTheOther(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	f := leaseForm(t, s, "Fra de varme lande", "1.1.2016", "Systue")
	_, err := s.SaveLease(ctx, f)
	p := wantFieldError(t, err, "Rooms", "Systue er allerede udlejet til Bevar fra 1.9.2015 (uden slutdato) i lejemål 1")
	if p.Code != "overlap" {
		t.Errorf("code %q", p.Code)
	}
	sameCounts(t, before, snapshotCounts(t, s))

	// Two rooms in the way of two leases: both are named.
	f = leaseForm(t, s, "Bevar", "1.1.2014", "Systue", "Café")
	_, err = s.SaveLease(ctx, f)
	wantFieldError(t, err, "Rooms", "Café er allerede udlejet til Fra de varme lande fra 1.10.2015 (uden slutdato) i lejemål 2",
		"Systue er allerede udlejet til Bevar")

	// A lease that ends before the other starts is fine; a day later is not.
	f = leaseForm(t, s, "Fra de varme lande", "1.1.2015", "Systue")
	f.End = "1.9.2015"
	_, err = s.SaveLease(ctx, f)
	wantFieldError(t, err, "Rooms", "fra 1.9.2015 (uden slutdato)")
	f.End = "31.8.2015"
	mustSaveLease(t, s, f)

	// Once Bevar's lease has an end, the message says so, and the day
	// after is free.
	bevar := demoLease(t, s, "Bevar").Form()
	bevar.End = "31.8.2016"
	mustSaveLease(t, s, bevar)
	f = leaseForm(t, s, "Fra de varme lande", "31.8.2016", "Systue")
	_, err = s.SaveLease(ctx, f)
	wantFieldError(t, err, "Rooms", "Systue er allerede udlejet til Bevar fra 1.9.2015 til 31.8.2016 i lejemål 1")
	f.Start = "1.9.2016"
	mustSaveLease(t, s, f)
}

func TestArchivedLeaseDoesNotHoldItsRooms(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	bevar := demoLease(t, s, "Bevar")
	if err := s.ArchiveLease(ctx, bevar.ID); err != nil {
		t.Fatal(err)
	}
	l := mustSaveLease(t, s, leaseForm(t, s, "Fra de varme lande", "1.1.2016", "Systue"))
	// Bringing the old lease back would let the Systue twice.
	before := snapshotCounts(t, s)
	err := s.RestoreLease(ctx, bevar.ID)
	wantFieldError(t, err, "Rooms", "Systue er allerede udlejet til Fra de varme lande fra 1.1.2016 (uden slutdato) i lejemål "+itoa(l.ID))
	sameCounts(t, before, snapshotCounts(t, s))
	if got, _ := s.Lease(ctx, bevar.ID); !got.Archived() {
		t.Error("refused restore un-archived the lease")
	}
	if err := s.ArchiveLease(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreLease(ctx, bevar.ID); err != nil {
		t.Fatalf("restore with the room free again: %v", err)
	}
	if got := eventKinds(t, s, "lejemål", bevar.ID); !slices.Equal(got, []string{"oprettet", "arkiveret", "genskabt"}) {
		t.Errorf("events %v", got)
	}
}

// Giving up a room and moving the end in one save: the room given up must
// not count against the new dates (the triggers check too).
func TestEditingALeaseGivesUpRoomsFirst(t *testing.T) {
	s := mustDemo(t)
	bevar := demoLease(t, s, "Bevar").Form()
	bevar.End = "31.8.2016"
	mustSaveLease(t, s, bevar)
	mustSaveLease(t, s, leaseForm(t, s, "Fra de varme lande", "1.9.2016", "Lager ved systuen"))

	bevar.End = ""
	bevar.RoomIDs = []int64{demoRoom(t, s, "Systue").ID}
	l := mustSaveLease(t, s, bevar)
	if l.Title() != "Bevar — Systue" || !l.End.IsZero() {
		t.Errorf("after the edit: %q ends %v", l.Title(), l.End)
	}
	// Taking the room back now collides.
	bevar.RoomIDs = append(bevar.RoomIDs, demoRoom(t, s, "Lager ved systuen").ID)
	_, err := s.SaveLease(context.Background(), bevar)
	wantFieldError(t, err, "Rooms", "Lager ved systuen er allerede udlejet til Fra de varme lande fra 1.9.2016")
}

func TestBadLeaseInputIsRefused(t *testing.T) {
	s := mustDemo(t)
	sekstanten := demoOrg(t, s, "Sekstanten").ID
	bevarID := demoOrg(t, s, "Bevar").ID
	tests := []struct {
		name  string
		edit  func(*LeaseForm)
		field string
		text  string
	}{
		{"end before start", func(f *LeaseForm) { f.End = "31.12.2015" }, "End", "slutdatoen (31.12.2015) ligger før startdatoen (1.1.2016)"},
		{"rent with two commas", func(f *LeaseForm) { f.Rent = "12,3,4" }, "Rent", "ugyldigt beløb (12,3,4)"},
		{"rent with a decimal point", func(f *LeaseForm) { f.Rent = "650.5" }, "Rent", "brug komma"},
		{"negative rent", func(f *LeaseForm) { f.Rent = "-650" }, "Rent", "negativ"},
		{"no rent", func(f *LeaseForm) { f.Rent = "" }, "Rent", "skriv lejen"},
		{"a date that does not exist", func(f *LeaseForm) { f.Start = "31.2.2016" }, "Start", "datoen findes ikke (31.2.2016)"},
		{"two-digit year", func(f *LeaseForm) { f.End = "1.1.17" }, "End", "4 cifre"},
		{"no start", func(f *LeaseForm) { f.Start = "" }, "Start", "skriv startdatoen"},
		{"no rooms", func(f *LeaseForm) { f.RoomIDs = nil }, "Rooms", "vælg mindst ét lokale"},
		{"no tenant", func(f *LeaseForm) { f.TenantID = 0 }, "TenantID", "vælg lejeren"},
		{"tenant is landlord", func(f *LeaseForm) { f.TenantID = f.LandlordID }, "TenantID", "samme organisation"},
		{"months not whole", func(f *LeaseForm) { f.NoticeMonthsTenant = "3,5" }, "NoticeMonthsTenant", "helt antal måneder"},
		{"negative months", func(f *LeaseForm) { f.NonTerminableMonths = "-1" }, "NonTerminableMonths", "negativ"},
		{"months typo", func(f *LeaseForm) { f.NoticeMonthsLandlord = "300" }, "NoticeMonthsLandlord", "højst 120"},
		{"negative deposit", func(f *LeaseForm) { f.DepositMonths = "-1" }, "DepositMonths", "negativt"},
		{"unknown utilities", func(f *LeaseForm) { f.Utilities = "gas" }, "Utilities", "inkluderet, aconto eller efter måler (gas)"},
		{"VAT maybe", func(f *LeaseForm) { f.VAT = "måske" }, "VAT", "ja eller nej"},
		{"approval reference without date", func(f *LeaseForm) { f.BoardRef = "Bestyrelsesmøde" }, "BoardOn", "skriv datoen"},
		{"approval date that does not exist", func(f *LeaseForm) { f.ResidentsOn = "30.2.2015" }, "ResidentsOn", "findes ikke"},
		{"notice without who", func(f *LeaseForm) { f.NoticeGivenOn = "1.2.2016" }, "NoticeGivenBy", "hvem der har opsagt"},
		{"notice by without date", func(f *LeaseForm) { f.NoticeGivenBy = "lejer" }, "NoticeGivenOn", "datoen for opsigelsen"},
		{"notice by someone else", func(f *LeaseForm) { f.NoticeGivenOn, f.NoticeGivenBy = "1.2.2016", "kommunen" }, "NoticeGivenBy", "udlejer eller lejer"},
		{"CPR in the notes", func(f *LeaseForm) { f.Notes = "Nøgle til 010203-1234" }, "Notes", "CPR"},
		{"tenant that is not an enterprise", func(f *LeaseForm) { f.TenantID = sekstanten }, "TenantID", "Sekstanten er sekretariat; lejer skal være en socialøkonomisk virksomhed"},
		{"landlord that is an enterprise", func(f *LeaseForm) { f.LandlordID, f.TenantID = bevarID, demoOrg(t, s, "Fra de varme lande").ID }, "LandlordID", "udlejer skal være en boligorganisation"},
		{"room that does not exist", func(f *LeaseForm) { f.RoomIDs = []int64{999} }, "Rooms", "lokale 999 findes ikke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := leaseForm(t, s, "Bevar", "1.1.2016", "Mødelokale")
			tt.edit(&f)
			before := snapshotCounts(t, s)
			_, err := s.SaveLease(context.Background(), f)
			wantFieldError(t, err, tt.field, tt.text)
			sameCounts(t, before, snapshotCounts(t, s))
		})
	}
}

func TestArchivedRoomCannotBeLetAnew(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	room := demoRoom(t, s, "Mødelokale")
	if err := s.ArchiveRoom(ctx, room.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.SaveLease(ctx, leaseForm(t, s, "Bevar", "1.1.2016", "Mødelokale"))
	wantFieldError(t, err, "Rooms", "Mødelokale er arkiveret")
	// A lease that already lets an archived room can still be edited.
	systue := demoRoom(t, s, "Systue")
	if err := s.ArchiveRoom(ctx, systue.ID); err != nil {
		t.Fatal(err)
	}
	f := demoLease(t, s, "Bevar").Form()
	f.Use = "Systue"
	mustSaveLease(t, s, f)
}

func TestNoticeGivenSetsTheEndAndTheStatus(t *testing.T) {
	s := mustDemo(t)
	f := demoLease(t, s, "Bevar").Form()
	f.NoticeGivenOn, f.NoticeGivenBy = "15.1.2017", "lejer"
	l := mustSaveLease(t, s, f)
	// Tenant's notice 3 months, running from the end of January: 30.4.2017.
	if !l.End.Equal(day("30.4.2017")) {
		t.Errorf("end after notice = %v, want 30.4.2017", l.End)
	}
	for d, want := range map[string]LeaseStatus{
		"1.8.2015": LeasePlanned, "1.1.2017": LeaseActive, "15.1.2017": LeaseNoticeGiven,
		"30.4.2017": LeaseNoticeGiven, "1.5.2017": LeaseEnded,
	} {
		if got := l.Status(day(d)); got != want {
			t.Errorf("status on %s = %s, want %s", d, got, want)
		}
		n, err := s.CountLeases(context.Background(), LeaseQuery{Status: want, Day: day(d), Text: "Bevar"})
		if err != nil || n != 1 {
			t.Errorf("the list's %s filter on %s finds %d (%v)", want, d, n, err)
		}
	}
}

// The notice rule: "løbende måned + N måneder", no end within the
// non-terminable months, leases end on a month's last day.
func TestNoticeDeadlines(t *testing.T) {
	tests := []struct {
		name                  string
		start, end            string
		nonTerminable, ll, tt int
		day                   string
		landlord, tenant      string // "next end / last notice", with " først" when FirstEnd; "" for none
	}{
		{"Bevar in the demo, within the non-terminable year", "1.9.2015", "", 12, 6, 3, "1.3.2016",
			"30.9.2016/31.3.2016", "31.8.2016/31.5.2016 først"},
		{"Bevar after the non-terminable year", "1.9.2015", "", 12, 6, 3, "1.10.2016",
			"30.4.2017/31.10.2016", "31.1.2017/31.10.2016"},
		// The landlord's notice just reaches the first end: still the milestone.
		{"Fra de varme lande in the demo", "1.10.2015", "", 12, 6, 3, "1.3.2016",
			"30.9.2016/31.3.2016 først", "30.9.2016/30.6.2016 først"},
		{"on the last day of a month", "1.1.2015", "", 0, 1, 1, "31.1.2015",
			"28.2.2015/31.1.2015", "28.2.2015/31.1.2015"},
		{"start on 31 January, one month non-terminable, leap year", "31.1.2016", "", 1, 1, 1, "31.1.2016",
			"29.2.2016/31.1.2016 først", "29.2.2016/31.1.2016 først"},
		{"start on 29 February", "29.2.2016", "", 12, 0, 0, "29.2.2016",
			"28.2.2017/28.2.2017 først", "28.2.2017/28.2.2017 først"},
		{"start mid-month", "15.9.2015", "", 12, 3, 3, "1.1.2016",
			"30.9.2016/30.6.2016 først", "30.9.2016/30.6.2016 først"},
		{"planned lease", "1.6.2016", "", 0, 3, 3, "1.1.2016",
			"30.6.2016/31.3.2016 først", "30.6.2016/31.3.2016 først"},
		{"a year's notice", "1.1.2010", "", 0, 12, 12, "15.12.2015",
			"31.12.2016/31.12.2015", "31.12.2016/31.12.2015"},
		{"fixed term, notice ends it sooner", "1.1.2016", "31.12.2016", 0, 3, 3, "1.6.2016",
			"30.9.2016/30.6.2016", "30.9.2016/30.6.2016"},
		{"fixed term, ends by itself first", "1.1.2016", "31.12.2016", 0, 3, 3, "1.11.2016", "", ""},
		{"ended", "1.1.2015", "31.12.2015", 0, 3, 3, "1.1.2016", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Lease{Start: day(tc.start), NonTerminableMonths: tc.nonTerminable,
				NoticeMonthsLandlord: tc.ll, NoticeMonthsTenant: tc.tt}
			if tc.end != "" {
				l.End = day(tc.end)
			}
			for _, side := range []struct {
				side LeaseSide
				want string
			}{{Landlord, tc.landlord}, {Tenant, tc.tenant}} {
				d, ok := l.Deadline(side.side, day(tc.day))
				got := ""
				if ok {
					got = dk.FormatDate(d.NextEnd) + "/" + dk.FormatDate(d.LastNotice)
					if d.FirstEnd {
						got += " først"
					}
					if d.Side != side.side {
						t.Errorf("side %q", d.Side)
					}
				}
				if got != side.want {
					t.Errorf("%s: %q, want %q", side.side, got, side.want)
				}
			}
			if n := len(LeaseDeadlines(l, day(tc.day))); (tc.landlord != "") != (n > 0) {
				t.Errorf("LeaseDeadlines gives %d", n)
			}
		})
	}
}

func TestLeaseMoneyIsExactInOre(t *testing.T) {
	rooms := []Room{{ID: 1, AreaM2: 48.5}, {ID: 2, AreaM2: 12}, {ID: 3, AreaM2: 99}}
	tests := []struct {
		name                       string
		roomIDs                    []int64
		rent                       int64
		deposit                    float64
		area                       float64
		yearly, monthly, depositKr string
	}{
		{"two rooms", []int64{1, 2}, 65000, 3, 60.5, "39.325,00", "3.277,08", "9.831,24"},
		{"half an øre rounds up", []int64{1}, 65055, 1.5, 48.5, "31.551,68", "2.629,31", "3.943,97"},
		{"free rooms", []int64{2}, 0, 3, 12, "0,00", "0,00", "0,00"},
		{"rooms of other leases are ignored", nil, 65000, 3, 0, "0,00", "0,00", "0,00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Lease{RoomIDs: tc.roomIDs, RentPerM2Year: tc.rent, DepositMonths: tc.deposit, Start: day("1.1.2015")}
			terms := l.Terms(rooms, day("1.3.2016"))
			if terms.AreaM2 != tc.area {
				t.Errorf("area %v, want %v", terms.AreaM2, tc.area)
			}
			got := []string{dk.FormatAmount(terms.YearlyRent), dk.FormatAmount(terms.MonthlyRent), dk.FormatAmount(terms.Deposit)}
			if want := []string{tc.yearly, tc.monthly, tc.depositKr}; !slices.Equal(got, want) {
				t.Errorf("yearly/monthly/deposit = %v, want %v", got, want)
			}
		})
	}
	// Areas that are not exact in binary still add up to what was typed.
	l := Lease{RoomIDs: []int64{1, 2}, RentPerM2Year: 100}
	if a := l.Terms([]Room{{ID: 1, AreaM2: 0.1}, {ID: 2, AreaM2: 0.2}}, day("1.1.2016")).AreaM2; a != 0.3 {
		t.Errorf("0,1 + 0,2 m² = %v", a)
	}
}

func TestTermsOfTheDemoLease(t *testing.T) {
	s := mustDemo(t)
	l := demoLease(t, s, "Bevar")
	terms := l.Terms(l.Rooms, day("1.3.2016"))
	if terms.AreaM2 != 60 || terms.YearlyRent != 3900000 || terms.MonthlyRent != 325000 || terms.Deposit != 975000 {
		t.Errorf("terms %+v", terms)
	}
	if terms.Status != LeaseActive || terms.Status.Label() != "Aktiv" || len(terms.Missing) != 0 {
		t.Errorf("status %s missing %v", terms.Status, terms.Missing)
	}
	if len(terms.Deadlines) != 2 || terms.Deadlines[0].Side != Landlord || !terms.Deadlines[1].LastNotice.Equal(day("31.5.2016")) {
		t.Errorf("deadlines %+v", terms.Deadlines)
	}
	if got := l.Terms(l.Rooms, day("1.8.2015")).Status; got != LeasePlanned {
		t.Errorf("before the start: %s", got)
	}
}

func TestMissingApprovals(t *testing.T) {
	on := day("1.5.2015")
	tests := []struct {
		name      string
		lease     Lease
		want      []ApprovalBody
		wantLabel string
	}{
		{"none", Lease{}, []ApprovalBody{ApprovalResidents, ApprovalBoard}, ""},
		{"both", Lease{Approvals: []Approval{{Body: ApprovalResidents, ApprovedOn: on}, {Body: ApprovalBoard, ApprovedOn: on}}}, nil, ""},
		{"partial letting needs the subsidiary", Lease{PartialLetting: true,
			Approvals: []Approval{{Body: ApprovalResidents, ApprovedOn: on}, {Body: ApprovalBoard, ApprovedOn: on}}},
			[]ApprovalBody{ApprovalSubsidiary}, "Datterselskab"},
		{"a reference without a date is not an approval", Lease{
			Approvals: []Approval{{Body: ApprovalResidents, Reference: "næste afdelingsmøde"}, {Body: ApprovalBoard, ApprovedOn: on}}},
			[]ApprovalBody{ApprovalResidents}, "Afdelingsmøde"},
	}
	for _, tc := range tests {
		got := MissingApprovals(tc.lease)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if tc.wantLabel != "" && got[0].Label() != tc.wantLabel {
			t.Errorf("%s: label %q", tc.name, got[0].Label())
		}
	}
}

func TestSearchLeasesByTextAndStatus(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	onDay := day("1.3.2016")
	planned := leaseForm(t, s, "Bevar", "1.6.2016", "Mødelokale")
	mustSaveLease(t, s, planned)
	ended := leaseForm(t, s, "Fra de varme lande", "1.1.2015", "Systue")
	ended.End = "31.8.2015"
	mustSaveLease(t, s, ended)

	titles := func(q LeaseQuery) string {
		t.Helper()
		q.Day = onDay
		ls, err := s.SearchLeases(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountLeases(ctx, q)
		if err != nil || n != len(ls) {
			t.Errorf("count %d (%v), listed %d", n, err, len(ls))
		}
		var out []string
		for _, l := range ls {
			out = append(out, l.Title())
		}
		return strings.Join(out, "|")
	}
	for q, want := range map[LeaseQuery]string{
		{}:                               "Bevar — Lager ved systuen, Systue|Bevar — Mødelokale|Fra de varme lande — Systue|Fra de varme lande — Café, Køkken",
		{Status: LeaseActive}:            "Bevar — Lager ved systuen, Systue|Fra de varme lande — Café, Køkken",
		{Status: LeasePlanned}:           "Bevar — Mødelokale",
		{Status: LeaseEnded}:             "Fra de varme lande — Systue",
		{Text: "lager"}:                  "Bevar — Lager ved systuen, Systue",
		{Text: "VARME systue"}:           "Fra de varme lande — Systue",
		{Text: "boligkorsør mødelokale"}: "Bevar — Mødelokale",
		{Text: "kvarterhuset", Status: LeasePlanned}: "Bevar — Mødelokale",
	} {
		if got := titles(q); got != want {
			t.Errorf("%+v:\n got %s\nwant %s", q, got, want)
		}
	}
	counts, err := s.CountLeasesByStatus(ctx, onDay)
	if err != nil {
		t.Fatal(err)
	}
	if counts[LeaseActive] != 2 || counts[LeasePlanned] != 1 || counts[LeaseEnded] != 1 || counts[LeaseNoticeGiven] != 0 {
		t.Errorf("counts %v", counts)
	}
	// Every lease's status in the list agrees with Terms.
	all, _ := s.SearchLeases(ctx, LeaseQuery{})
	for _, st := range LeaseStatuses {
		ls, _ := s.SearchLeases(ctx, LeaseQuery{Status: st, Day: onDay})
		for _, l := range ls {
			if got := l.Terms(l.Rooms, onDay).Status; got != st {
				t.Errorf("%s listed as %s but Terms says %s", l.Title(), st, got)
			}
		}
	}
	if len(all) != 4 {
		t.Errorf("%d leases", len(all))
	}
}

func TestLeasesDue(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	due, err := s.LeasesDue(ctx, day("1.12.2015"), day("31.5.2016"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range due {
		got = append(got, dk.FormatDate(d.Date)+" "+string(d.Kind)+" "+string(d.Side)+" "+d.Title+" → "+dk.FormatDate(d.NextEnd))
	}
	want := []string{
		"29.2.2016 opsigelsesfrist udlejer Bevar — Lager ved systuen, Systue → 31.8.2016",
		"31.3.2016 opsigelsesfrist udlejer Fra de varme lande — Café, Køkken → 30.9.2016",
		"31.5.2016 opsigelsesfrist lejer Bevar — Lager ved systuen, Systue → 31.8.2016",
	}
	if !slices.Equal(got, want) {
		t.Errorf("due\n got %q\nwant %q", got, want)
	}
	// Past the non-terminable period notice can be given every month: that
	// is no deadline, and the list stays quiet.
	if due, _ := s.LeasesDue(ctx, day("1.12.2016"), day("28.2.2017")); len(due) != 0 {
		t.Errorf("rolling monthly deadlines listed: %+v", due)
	}
	// A lease given notice shows its end, not deadlines.
	f := demoLease(t, s, "Bevar").Form()
	f.NoticeGivenOn, f.NoticeGivenBy = "1.3.2016", "lejer"
	mustSaveLease(t, s, f)
	due, _ = s.LeasesDue(ctx, day("1.3.2016"), day("31.8.2016"))
	if len(due) == 0 || due[len(due)-1].Kind != DueEnd || !due[len(due)-1].Date.Equal(day("31.8.2016")) {
		t.Errorf("after notice: %+v", due)
	}
}

// BenchmarkLeasesPage is one page of the lease list as it scrolls, with the
// count the list shows, on the big database (10.000 leases): all, a status
// filter, and search-as-you-type.
func BenchmarkLeasesPage(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, q := range []struct {
		name string
		q    LeaseQuery
	}{
		{"all", LeaseQuery{Day: bigDBDay}},
		{"all_far_down", LeaseQuery{Day: bigDBDay, Offset: 9000}},
		{"active", LeaseQuery{Day: bigDBDay, Status: LeaseActive}},
		{"search", LeaseQuery{Day: bigDBDay, Text: "værksted"}},
	} {
		b.Run(q.name, func(b *testing.B) {
			q.q.Limit = 200
			if ls, err := s.SearchLeases(ctx, q.q); err != nil || len(ls) == 0 {
				b.Fatalf("%d leases, %v", len(ls), err)
			}
			for b.Loop() {
				if _, err := s.SearchLeases(ctx, q.q); err != nil {
					b.Fatal(err)
				}
				if _, err := s.CountLeases(ctx, q.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
