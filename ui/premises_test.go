package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// leaseWindow opens the window on the demo with the day fixed at 1.3.2016,
// when both demo leases run.
func leaseWindow(t *testing.T) (*Window, *data.Store, *leasePanel) {
	t.Helper()
	w, s := newTestWindow(t, true)
	w.Premises.today = func() time.Time { return time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC) }
	w.Premises.showTab(0)
	w.Premises.Reload()
	return w, s, w.Premises.leases
}

func roomID(t *testing.T, s *data.Store, name string) int64 {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow("SELECT id FROM rooms WHERE name = ?", name).Scan(&id); err != nil {
		t.Fatalf("room %q: %v", name, err)
	}
	return id
}

func TestCreateLeaseThroughTheForm(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Premises.NewRecord()
	if w.Win.Canvas().Focused() != p.landlord {
		t.Error("Ctrl+N did not put the cursor in the form's first field")
	}
	pick(t, p.landlord, "BoligKorsør")
	pick(t, p.tenant, "Bevar")
	p.rooms.toggle("Kvarterhuset · Mødelokale (25 m²)")
	typeInto(p.Entry("Start"), "1.1.2016")
	typeInto(p.Entry("Rent"), "1.250,50")
	typeInto(p.Entry("DepositMonths"), "2")
	selectIn(p.Field("Utilities")).SetSelected("Efter måler")
	typeInto(p.Entry("Use"), "Møder og kurser")
	checkIn(p.Field("VAT")).SetChecked(true)
	typeInto(p.Entry("ResidentsOn"), "2.12.2015")
	typeInto(p.Entry("ResidentsRef"), "Afdelingsmøde, punkt 5")

	// The computed box follows every keystroke.
	if got := p.terms.area.Text; got != "25 m²" {
		t.Errorf("area %q", got)
	}
	if got := p.terms.yearly.Text; got != "31.262,50 kr." {
		t.Errorf("yearly rent %q", got)
	}
	if got := p.terms.monthly.Text; got != "2.605,21 kr." {
		t.Errorf("monthly rent %q", got)
	}
	if got := p.terms.deposit.Text; got != "5.210,42 kr." {
		t.Errorf("deposit %q", got)
	}
	mustContain(t, p.terms.status.Text, "Aktiv")
	mustContain(t, p.terms.tenant.Text, "ophør 30.6.2016, sidste frist 31.3.2016")
	mustContain(t, p.terms.approvals.Text, "Mangler godkendelse: Organisationsbestyrelse")
	typeInto(p.Entry("BoardOn"), "15.12.2015")
	mustContain(t, p.terms.approvals.Text, "alle de nødvendige er givet")

	before := countRows(t, s, "leases")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "leases"); n != before+1 {
		t.Fatalf("leases %d, want %d; form says %q", n, before+1, p.Form.State.Text)
	}
	l, err := s.Lease(context.Background(), p.Original.ID)
	if err != nil {
		t.Fatal(err)
	}
	if l.TenantName != "Bevar" || l.LandlordName != "BoligKorsør" || !slices.Equal(l.RoomIDs, []int64{roomID(t, s, "Mødelokale")}) {
		t.Errorf("saved lease %q from %q rooms %v", l.TenantName, l.LandlordName, l.RoomIDs)
	}
	var rent int64
	var utilities string
	var vat int
	s.DB().QueryRow("SELECT rent_ore_per_m2_year, utilities, vat FROM leases WHERE id = ?", l.ID).Scan(&rent, &utilities, &vat)
	if rent != 125050 || utilities != "maalt" || vat != 1 {
		t.Errorf("stored rent %d øre, utilities %q, vat %d", rent, utilities, vat)
	}
	var approvals []string
	rows, _ := s.DB().Query("SELECT body || ' ' || approved_on || ' ' || reference FROM approvals WHERE lease_id = ? ORDER BY body", l.ID)
	for rows.Next() {
		var a string
		rows.Scan(&a)
		approvals = append(approvals, a)
	}
	rows.Close()
	if want := []string{"afdelingsmoede 2015-12-02 Afdelingsmøde, punkt 5", "bestyrelse 2015-12-15 "}; !slices.Equal(approvals, want) {
		t.Errorf("stored approvals %q, want %q", approvals, want)
	}
	if p.Form.Dirty() || p.Original.ID != l.ID {
		t.Error("the form did not switch to the saved lease")
	}
	if got := p.List.Names(); !slices.Contains(got, "Bevar — Mødelokale") {
		t.Errorf("list shows %v", got)
	}
}

func TestOverlappingLeaseIsRefusedWithItsMessage(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Premises.NewRecord()
	pick(t, p.landlord, "BoligKorsør")
	pick(t, p.tenant, "Fra de varme lande")
	p.rooms.toggle("Kvarterhuset · Systue (48 m²)")
	typeInto(p.Entry("Start"), "1.1.2016")
	typeInto(p.Entry("Rent"), "500")
	leases, leaseRooms, approvals := countRows(t, s, "leases"), countRows(t, s, "lease_rooms"), countRows(t, s, "approvals")
	test.Tap(p.SaveButton)

	if countRows(t, s, "leases") != leases || countRows(t, s, "lease_rooms") != leaseRooms || countRows(t, s, "approvals") != approvals {
		t.Fatal("a refused lease wrote to the database")
	}
	f := p.Field("Rooms")
	if !f.Msg.Visible() {
		t.Fatal("no message on Lokaler")
	}
	mustContain(t, f.Msg.Text, "Systue er allerede udlejet til Bevar fra 1.9.2015 (uden slutdato) i lejemål 1")
	mustContain(t, p.Form.State.Text, "Ikke gemt")
	if p.Entry("Start").Text != "1.1.2016" || p.Entry("Rent").Text != "500" || !slices.Equal(p.rooms.ids(), []int64{roomID(t, s, "Systue")}) {
		t.Errorf("the form lost what was typed")
	}
	// Choosing a free room instead saves the lease.
	p.rooms.toggle("Kvarterhuset · Systue (48 m²)")
	p.rooms.toggle("Kvarterhuset · Mødelokale (25 m²)")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "leases"); n != leases+1 {
		t.Fatalf("after choosing a free room: %d leases; %q", n, p.Field("Rooms").Msg.Text)
	}
}

func TestBadLeaseInputGetsDanishMessages(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Premises.NewRecord()
	typeInto(p.Entry("Start"), "31.2.2016")
	typeInto(p.Entry("End"), "1.1.2015")
	typeInto(p.Entry("Rent"), "12,3,4")
	typeInto(p.Entry("NoticeMonthsTenant"), "tre")
	if p.terms.yearly.Text != "—" || p.terms.status.Text != "—" {
		t.Errorf("computed box shows %q / %q for input that does not parse", p.terms.yearly.Text, p.terms.status.Text)
	}
	before := countRows(t, s, "leases")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "leases"); n != before {
		t.Fatal("bad lease saved")
	}
	for name, want := range map[string]string{
		"TenantID": "vælg lejeren", "Rooms": "vælg mindst ét lokale",
		"Start": "datoen findes ikke (31.2.2016)", "Rent": "ugyldigt beløb (12,3,4)", "NoticeMonthsTenant": "helt antal måneder",
	} {
		f := p.Field(name)
		if !f.Msg.Visible() {
			t.Errorf("%s: no message", name)
		}
		mustContain(t, f.Msg.Text, want)
	}
	// Fixing the start shows the next problem: the end before the start.
	typeInto(p.Entry("Start"), "1.2.2016")
	mustContain(t, p.Field("End").Msg.Text, "ligger før startdatoen")
}

func TestOpenLeaseShowsItsTerms(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Tabs.SelectIndex(0)
	w.Premises.OpenLease(1)
	if widgets.TabContent(w.Tabs.Selected()) != w.Premises.content || w.Premises.Tabs.SelectedIndex() != 0 {
		t.Fatal("OpenLease did not bring the lease tab forward")
	}
	if p.Original.ID != 1 || pickedTitle(p.tenant) != "Bevar" || p.Entry("Rent").Text != "650,00" {
		t.Fatalf("form shows lease %d, tenant %q, rent %q", p.Original.ID, pickedTitle(p.tenant), p.Entry("Rent").Text)
	}
	mustContain(t, p.Form.Heading.Text, "Lejemål 1: Bevar — Lager ved systuen, Systue")
	if p.terms.area.Text != "60 m²" || p.terms.yearly.Text != "39.000,00 kr." || p.terms.deposit.Text != "9.750,00 kr." {
		t.Errorf("terms %q %q %q", p.terms.area.Text, p.terms.yearly.Text, p.terms.deposit.Text)
	}
	mustContain(t, p.terms.landlord.Text, "ophør 30.9.2016, sidste frist 31.3.2016")
	mustContain(t, p.terms.tenant.Text, "ophør 31.8.2016, sidste frist 31.5.2016")

	// Removing the board's approval: saved, but shown as missing.
	typeInto(p.Entry("BoardOn"), "")
	typeInto(p.Entry("BoardRef"), "")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "approvals WHERE lease_id = 1"); n != 1 {
		t.Fatalf("%d approvals after removing one", n)
	}
	if got := leaseDetail(p.Original, w.Premises.today()); got != "Aktiv · fra 1.9.2015 (uden slutdato) · mangler godkendelse" {
		t.Errorf("list detail %q", got)
	}
	mustContain(t, p.terms.approvals.Text, "Mangler godkendelse: Organisationsbestyrelse")
}

func TestStatusFilter(t *testing.T) {
	_, _, p := leaseWindow(t)
	for label, want := range map[string]int{"Alle": 2, "Aktive": 2, "Planlagte": 0, "Opsagte": 0, "Ophørte": 0} {
		p.statusFilter.SetSelected(label)
		if got := len(p.List.Names()); got != want {
			t.Errorf("%s: %d leases, want %d", label, got, want)
		}
	}
	p.statusFilter.SetSelected("Alle")
	typeInto(p.List.Search, "café")
	if got := p.List.Names(); len(got) != 1 || got[0] != "Fra de varme lande — Café, Køkken" {
		t.Errorf("search café: %v", got)
	}
}

func TestLeaseDraftIsOfferedBack(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Premises.NewRecord()
	pick(t, p.tenant, "Bevar")
	p.rooms.toggle("Kvarterhuset · Mødelokale (25 m²)")
	typeInto(p.Entry("Start"), "1.4.2016")
	typeInto(p.Entry("Rent"), "400")
	pause() // the caseworker stops typing: the draft is written
	if n := countRows(t, s, "leases"); n != 2 {
		t.Fatal("a draft created a lease")
	}

	w2 := New(test.NewTempApp(t), s)
	defer w2.Win.Close()
	w2.OfferDrafts()
	test.Tap(button(t, w2, "Hent ændringerne tilbage"))
	p2 := w2.Premises.leases
	if pickedTitle(p2.tenant) != "Bevar" || p2.Entry("Start").Text != "1.4.2016" || p2.Entry("Rent").Text != "400" || !p2.Form.Dirty() {
		t.Errorf("restored: tenant %q start %q rent %q dirty %v", pickedTitle(p2.tenant), p2.Entry("Start").Text, p2.Entry("Rent").Text, p2.Form.Dirty())
	}
	if !slices.Equal(p2.rooms.ids(), []int64{roomID(t, s, "Mødelokale")}) {
		t.Errorf("restored rooms %v", p2.rooms.ids())
	}
	if widgets.TabContent(w2.Tabs.Selected()) != w2.Premises.content {
		t.Error("the restored draft's tab is not shown")
	}
}

func TestRoomsAndPremisesDialogs(t *testing.T) {
	w, s, _ := leaseWindow(t)
	r := w.Premises.rooms
	w.Premises.showTab(1)
	if got := r.list.Names(); len(got) != 6 || got[0] != "Kvarterhuset" {
		t.Fatalf("rooms list %q", got)
	}
	w.Premises.NewRecord() // a room in Kvarterhuset
	d := r.lastRoom
	if selectIn(d.Fields.ByName("PremisesID")).Selected != "Kvarterhuset" {
		t.Errorf("new room's premises %q", selectIn(d.Fields.ByName("PremisesID")).Selected)
	}
	typeInto(d.Entry("Name"), "Depot")
	typeInto(d.Entry("Area"), "-12")
	w.save() // Ctrl+S saves the dialog
	if n := countRows(t, s, "rooms"); n != 5 {
		t.Fatal("a room with a negative area was saved")
	}
	mustContain(t, d.Fields.ByName("Area").Msg.Text, "større end 0 m² (-12)")
	typeInto(d.Entry("Area"), "8,5")
	selectIn(d.Fields.ByName("Kind")).SetSelected("Lager")
	test.Tap(button(t, w, "Gem"))
	var area float64
	var kind string
	if err := s.DB().QueryRow("SELECT area_m2, kind FROM rooms WHERE name = 'Depot'").Scan(&area, &kind); err != nil || area != 8.5 || kind != "lager" {
		t.Fatalf("stored %v %q (%v)", area, kind, err)
	}
	if r.current.Room.Name != "Depot" {
		t.Errorf("the new room is not shown: %+v", r.current.Room)
	}
	// The lease form offers it at once.
	if !slices.Contains(w.Premises.leases.rooms.labels, "Kvarterhuset · Depot (8,5 m²)") {
		t.Errorf("lease form's rooms %v", w.Premises.leases.rooms.labels)
	}

	test.Tap(r.newPremisesButton)
	pd := r.lastPremises
	typeInto(pd.Entry("Name"), "Remisen")
	typeInto(pd.Entry("Postcode"), "42200")
	test.Tap(button(t, w, "Gem"))
	mustContain(t, pd.Fields.ByName("Postcode").Msg.Text, "4 cifre")
	typeInto(pd.Entry("Postcode"), "4220")
	test.Tap(button(t, w, "Gem"))
	if n := countRows(t, s, "premises WHERE name = 'Remisen' AND postcode = '4220'"); n != 1 {
		t.Fatal("premises not saved")
	}
	if got := r.list.Names(); got[len(got)-1] != "Remisen" {
		t.Errorf("Remisen not last in %v", got)
	}
}

func TestOpenRoomListsItsLeases(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Premises.OpenRoom(roomID(t, s, "Systue"))
	r := w.Premises.rooms
	if w.Premises.Tabs.SelectedIndex() != 1 || r.heading.Text != "Kvarterhuset · Systue" {
		t.Fatalf("sub-tab %d, heading %q", w.Premises.Tabs.SelectedIndex(), r.heading.Text)
	}
	if len(r.leases) != 1 || r.leases[0].TenantName != "Bevar" {
		t.Fatalf("room's leases %+v", r.leases)
	}
	// Picking the lease opens it in the lease form.
	r.leaseList.Select(0)
	if w.Premises.Tabs.SelectedIndex() != 0 || p.Original.ID != r.leases[0].ID {
		t.Errorf("picking the room's lease opened %d", p.Original.ID)
	}
	// "Nyt lejemål af lokalet" starts a lease with the room chosen.
	w.Premises.OpenRoom(roomID(t, s, "Mødelokale"))
	test.Tap(r.newLeaseButton)
	if !slices.Equal(p.rooms.ids(), []int64{roomID(t, s, "Mødelokale")}) || p.Original.ID != 0 {
		t.Errorf("new lease of the room: rooms %v, record %d", p.rooms.ids(), p.Original.ID)
	}
}
