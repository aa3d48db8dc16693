package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The premises dialog takes the cadastral number and district, refusing a
// malformed number in Danish; the lease form takes the rent adjustment and
// its month, refusing a month without the index.
func TestCadastreAndRentAdjustmentThroughTheForms(t *testing.T) {
	w, s, p := leaseWindow(t)
	r := w.Premises.rooms
	w.Premises.showTab(1)
	test.Tap(r.newPremisesButton)
	pd := r.lastPremises
	typeInto(pd.Entry("Name"), "Remisen")
	typeInto(pd.Entry("CadastralNumber"), "0a12")
	test.Tap(button(t, w, "Gem"))
	if n := countRows(t, s, "premises WHERE name = 'Remisen'"); n != 0 {
		t.Fatal("premises with a malformed cadastral number saved")
	}
	mustContain(t, pd.Fields.ByName("CadastralNumber").Msg.Text, "et tal efterfulgt af højst tre små bogstaver")
	mustContain(t, pd.Fields.ByName("CadastralDistrict").Msg.Text, "skriv ejerlavet")
	typeInto(pd.Entry("CadastralNumber"), "12 A")
	typeInto(pd.Entry("CadastralDistrict"), "Korsør Købstads Bygrunde")
	test.Tap(button(t, w, "Gem"))
	if n := countRows(t, s, "premises WHERE name = 'Remisen' AND cadastral_number = '12a' AND cadastral_district = 'Korsør Købstads Bygrunde'"); n != 1 {
		t.Fatal("the cadastral number was not saved as 12a in its district")
	}

	w.Premises.showTab(0)
	w.Premises.NewRecord()
	pick(t, p.landlord, "BoligKorsør")
	pick(t, p.tenant, "Bevar")
	p.rooms.toggle("Kvarterhuset · Mødelokale (25 m²)")
	typeInto(p.Entry("Start"), "1.1.2016")
	typeInto(p.Entry("Rent"), "650")
	typeInto(p.Entry("RentAdjustmentMonth"), "januar")
	before := countRows(t, s, "leases")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "leases"); n != before {
		t.Fatal("a month without the net price index was saved")
	}
	mustContain(t, p.Field("RentAdjustmentMonth").Msg.Text, "hører kun til regulering efter nettoprisindeks")
	selectIn(p.Field("RentAdjustment")).SetSelected("Nettoprisindeks")
	typeInto(p.Entry("RentAdjustmentMonth"), "trettende")
	test.Tap(p.SaveButton)
	mustContain(t, p.Field("RentAdjustmentMonth").Msg.Text, "skriv en måned som januar")
	typeInto(p.Entry("RentAdjustmentMonth"), "jan.")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "leases WHERE rent_adjustment = 'nettoprisindeks' AND rent_adjustment_month = 1 AND start_on = '2016-01-01'"); n != 1 {
		t.Fatal("the lease with net price index adjustment every January was not saved")
	}
}
