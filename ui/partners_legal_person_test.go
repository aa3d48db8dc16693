package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// A helhedsplan is recorded under the housing organisation it acts for,
// chosen in the form's "Hører under"; a municipality is refused there.
func TestHelhedsplanIsRecordedUnderItsHousingOrganisation(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	p.NewRecord()
	typeInto(p.Entry("Name"), "Boligsocial helhedsplan Ringparken")
	selectIn(p.Field("Kind")).SetSelected(kindLabel(data.KindMasterPlan))
	if !p.Field("ParentID").Row.Visible() {
		t.Fatal("a helhedsplan's form has no \"Hører under\"")
	}
	// The picker offers "(ingen)" first, then the municipalities and
	// housing organisations only.
	if rows, err := p.parent.Find("", 0, 1); err != nil || len(rows) != 1 || rows[0].ID != 0 || rows[0].Title != "(ingen)" {
		t.Errorf("the parent picker starts with %+v (%v)", rows, err)
	}
	if rows, err := p.parent.Find("Bevar", 0, 10); err != nil || len(rows) != 0 {
		t.Errorf("the parent picker offers the enterprise Bevar: %+v (%v)", rows, err)
	}
	pick(t, p.parent, "Slagelse Kommune")
	test.Tap(button(t, w, p.SaveButton.Text))
	if n := countRows(t, s, "organisations WHERE name = 'Boligsocial helhedsplan Ringparken'"); n != 0 {
		t.Fatal("a helhedsplan under a municipality was saved")
	}
	mustContain(t, p.Field("ParentID").Msg.Text, "skal være en boligorganisation")
	pick(t, p.parent, "BoligKorsør")
	test.Tap(button(t, w, p.SaveButton.Text))
	if n := countRows(t, s, `organisations WHERE name = 'Boligsocial helhedsplan Ringparken'
		AND parent_id = (SELECT id FROM organisations WHERE name = 'BoligKorsør')`); n != 1 {
		t.Fatal("the helhedsplan was not saved under BoligKorsør")
	}
	selectIn(p.Field("Kind")).SetSelected(kindLabel(data.KindEnterprise))
	if p.Field("ParentID").Row.Visible() {
		t.Error("an enterprise's form offers \"Hører under\"")
	}
}
