package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// pick chooses the match for text in p the way a user does: open, type,
// arrow down to the row named text (or else the first whose name starts
// with it), Enter.
func pick(t *testing.T, p *widgets.Picker, text string) {
	t.Helper()
	if got, want := pickRow(t, p, text), pickedTitle(p); got != want {
		t.Fatalf("picked %q, want %q", want, got)
	}
}

// pickRow picks in p as pick does, the row named text if there is one,
// else the first starting with it, and says which row's name it was.
func pickRow(t *testing.T, p *widgets.Picker, text string) string {
	t.Helper()
	return pickFound(t, p, text, text)
}

// pickFound puts search into p's open list (as a paste would: the
// picker's own tests type it key by key) and picks the row named text (or
// else the first starting with it) with Down and Enter.
func pickFound(t *testing.T, p *widgets.Picker, search, text string) string {
	t.Helper()
	test.Tap(p)
	if !p.IsOpen() {
		t.Fatal("tapping the picker did not open its list")
	}
	p.Search().(interface{ SetText(string) }).SetText(search)
	shown := p.Shown()
	i := slices.Index(shown, text)
	if i < 0 {
		i = slices.IndexFunc(shown, func(s string) bool { return strings.HasPrefix(s, text) })
	}
	if i < 0 {
		t.Fatalf("no match %q in %q", text, shown)
	}
	for range i {
		press(p.Search(), fyne.KeyDown)
	}
	press(p.Search(), fyne.KeyReturn)
	if p.IsOpen() {
		t.Fatal("Enter did not close the list")
	}
	return shown[i]
}

// pickedTitle is the name the picker shows as chosen.
func pickedTitle(p *widgets.Picker) string {
	_, title := p.Selected()
	return title
}

func press(obj fyne.Focusable, key fyne.KeyName) { obj.TypedKey(&fyne.KeyEvent{Name: key}) }

func saveOrg(t *testing.T, s *data.Store, name string, kind data.OrgKind) int64 {
	t.Helper()
	o, err := s.SaveOrganisation(context.Background(), data.OrganisationForm{Name: name, Kind: string(kind), RSV: "ukendt"})
	if err != nil {
		t.Fatalf("save %q: %v", name, err)
	}
	return o.ID
}

// Typing in the enterprise picker finds enterprises only, whatever the
// case of Æ, Ø and Å, in Danish order; Down and Enter pick, and the
// placement saved has the enterprise picked.
func TestPickerFindsInDanishOrderAndPicksWithEnter(t *testing.T) {
	w, s := newTestWindow(t, true)
	for _, name := range []string{"Økologisk Køkken", "Ålens Køkken", "Æbletræets Køkken", "Zoneterapi og Køkken", "Køkkenhaven", "Bageriet"} {
		saveOrg(t, s, name, data.KindEnterprise)
	}
	saveOrg(t, s, "Køkkenfonden", data.KindHousingAssoc)
	want := saveOrg(t, s, "Kantinen i Køkkenhuset", data.KindEnterprise)
	w.Staffing.Reload()
	for i, tab := range w.Tabs.Items { // the picker takes the cursor back only where it shows
		if widgets.TabContent(tab) == w.Staffing.content {
			w.Tabs.SelectIndex(i)
		}
	}
	p := w.Staffing.placements
	p.NewRecord()
	typeInto(p.Entry("Pseudonym"), "K.K.")

	p.org.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // a focused picker opens on Down
	if !p.org.IsOpen() || w.Win.Canvas().Focused() != p.org.Search() {
		t.Fatal("Down did not open the list with the cursor in its search")
	}
	test.Type(p.org.Search(), "KØKKEN")
	// The store's search reads the role too: the demo's café has a køkken.
	wantShown := []string{"Fra de varme lande", "Kantinen i Køkkenhuset", "Køkkenhaven", "Zoneterapi og Køkken", "Æbletræets Køkken", "Økologisk Køkken", "Ålens Køkken"}
	if got := p.org.Shown(); !slices.Equal(got, wantShown) {
		t.Fatalf("the list shows %q, want %q", got, wantShown)
	}
	mustContain(t, p.org.Found(), "7 passer")
	press(p.org.Search(), fyne.KeyDown)
	press(p.org.Search(), fyne.KeyDown)
	press(p.org.Search(), fyne.KeyUp)
	press(p.org.Search(), fyne.KeyReturn)
	if p.org.IsOpen() || w.Win.Canvas().Focused() != p.org {
		t.Error("Enter did not close the list and give the cursor back to the picker")
	}
	if id, title := p.org.Selected(); id != want || title != "Kantinen i Køkkenhuset" {
		t.Fatalf("picked %d %q, want %d", id, title, want)
	}
	if !p.Form.Dirty() {
		t.Error("picking did not make the form dirty")
	}

	choose(t, p.scheme, "Virksomhedspraktik")
	typeInto(p.Entry("HoursPerWeek"), "10")
	typeInto(p.Entry("Start"), "1.9.2015")
	test.Tap(p.SaveButton)
	got := placementsNamed(t, s, "K.K.")
	if len(got) != 1 || got[0].OrganisationID != want {
		t.Fatalf("store holds %+v; form says %q", got, p.Form.State.Text)
	}
}

// Esc closes the list and keeps the choice; nothing that matches says so.
func TestPickerEscKeepsTheChoice(t *testing.T) {
	w, _ := newTestWindow(t, true)
	st := w.Staffing
	st.Tabs.SelectIndex(subPositions)
	p := st.positions
	p.NewRecord()
	pick(t, p.org, "Bevar")
	test.Tap(p.org)
	test.Type(p.org.Search(), "zzz")
	if got := p.org.Shown(); len(got) != 0 {
		t.Errorf("zzz shows %q", got)
	}
	mustContain(t, p.org.Found(), "Ingen passer")
	press(p.org.Search(), fyne.KeyReturn) // nothing to pick: the list stays
	if !p.org.IsOpen() {
		t.Error("Enter on no match closed the list")
	}
	press(p.org.Search(), fyne.KeyEscape)
	if p.org.IsOpen() {
		t.Error("Esc did not close the list")
	}
	if got := pickedTitle(p.org); got != "Bevar" {
		t.Errorf("after Esc the picker shows %q", got)
	}
	// Opening again starts from every enterprise, not the last search.
	test.Tap(p.org)
	if got := p.org.Shown(); !slices.Equal(got, []string{"Bevar", "Fra de varme lande"}) {
		t.Errorf("reopened list shows %q", got)
	}
	press(p.org.Search(), fyne.KeyEscape)

	p.org.Disable()
	test.Tap(p.org)
	if p.org.IsOpen() {
		t.Error("a disabled picker opened")
	}
}

// The lease form's landlord and tenant are picked from the store's
// organisations of the right kinds, and the saved lease has them.
func TestLeasePartiesArePicked(t *testing.T) {
	w, s, p := leaseWindow(t)
	w.Premises.NewRecord()
	if got := pickedTitle(p.landlord); got != "BoligKorsør" {
		// The demo has one organisation that may let rooms, so it is preset.
		t.Errorf("landlord preset to %q", got)
	}
	test.Tap(p.landlord)
	if got := p.landlord.Shown(); !slices.Equal(got, []string{"BoligKorsør"}) {
		t.Errorf("landlords offered: %q", got)
	}
	press(p.landlord.Search(), fyne.KeyEscape)
	pick(t, p.landlord, "BoligKorsør")
	pick(t, p.tenant, "Fra de varme lande")
	p.rooms.toggle("Kvarterhuset · Mødelokale (25 m²)")
	typeInto(p.Entry("Start"), "1.1.2016")
	typeInto(p.Entry("Rent"), "500")
	test.Tap(p.SaveButton)
	l, err := s.Lease(context.Background(), p.Original.ID)
	if err != nil {
		t.Fatalf("%v; form says %q", err, p.Form.State.Text)
	}
	if l.LandlordName != "BoligKorsør" || l.TenantName != "Fra de varme lande" {
		t.Errorf("saved lease from %q to %q", l.LandlordName, l.TenantName)
	}
	if pickedTitle(p.tenant) != "Fra de varme lande" || p.Form.Dirty() {
		t.Errorf("after saving the form shows tenant %q, dirty %v", pickedTitle(p.tenant), p.Form.Dirty())
	}
}
