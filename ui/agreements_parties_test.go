package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chooseParties adds each named organisation as a party of the new
// agreement the way the caseworker does: open "Tilføj part …", type the
// name, pick it with Down and Enter.
func chooseParties(t *testing.T, f *newAgreementForm, names ...string) {
	t.Helper()
	for _, name := range names {
		if got := pickRow(t, f.parties.picker, name); got != name {
			t.Fatalf("picked party %q, want %q", got, name)
		}
		if !slices.Contains(partyNames(f), name) {
			t.Fatalf("%q is not among the parties %v after it was picked", name, partyNames(f))
		}
		if id, _ := f.parties.picker.Selected(); id != 0 {
			t.Fatalf("the party picker still shows %d after adding it", id)
		}
	}
}

// partyNames are the chosen parties as listed, top to bottom.
func partyNames(f *newAgreementForm) []string {
	var out []string
	for _, o := range f.parties.chosen {
		out = append(out, o.Name)
	}
	return out
}

// The parties are picked one at a time out of the store's pages and listed
// in Danish order; the remove button takes one off again, with its
// proposed signatory, and what reaches the draft is the listed parties.
func TestNewAgreementPartiesArePickedAndRemoved(t *testing.T) {
	w, _, tp := withPartnershipTemplate(t)
	w.Tabs.SelectIndex(5)
	f := w.Agreements.fresh
	f.template.SetSelected(tp.Name)
	chooseParties(t, f, "Sekstanten", "Bevar", "Fra de varme lande")
	if got := strings.Join(partyNames(f), "|"); got != "Bevar|Fra de varme lande|Sekstanten" {
		t.Errorf("parties listed: %s", got)
	}
	if len(f.chosen) != 3 || len(f.parties.rows.Objects) != 3 {
		t.Fatalf("%d signatories, %d rows for three parties", len(f.chosen), len(f.parties.rows.Objects))
	}
	// Picking a chosen party again adds nothing.
	pickRow(t, f.parties.picker, "Bevar")
	if len(f.parties.chosen) != 3 {
		t.Errorf("Bevar picked twice gives %v", partyNames(f))
	}
	bevar := f.parties.chosen[0].ID
	var remove *widget.Button
	for _, o := range test.LaidOutObjects(f.parties.rows.Objects[0]) {
		if b, ok := o.(*widget.Button); ok {
			remove = b
		}
	}
	if remove == nil {
		t.Fatal("the party row has no remove button")
	}
	test.Tap(remove)
	if got := strings.Join(partyNames(f), "|"); got != "Fra de varme lande|Sekstanten" {
		t.Errorf("after removing Bevar: %s", got)
	}
	for _, c := range f.chosen {
		if c.contact.OrganisationID == bevar {
			t.Errorf("Bevar's %s still signs", c.contact.Name)
		}
	}
	if !f.form.Dirty() {
		t.Error("removing a party did not mark the form as changed")
	}
	if ids := f.selection().PartyIDs; len(ids) != 2 || slices.Contains(ids, bevar) {
		t.Errorf("the draft gets the parties %v", ids)
	}
}
