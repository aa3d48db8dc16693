package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"partnerskab/data"
)

// Over a dialog, Enter presses its main button and Esc the other one; in a
// form dialog, Enter in a field saves.
func TestEnterAndEscAnswerDialogs(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.Entry("City"), "Ringsted")
	p.List.List.Select(1)
	w.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // "Fortsæt redigeringen"
	if p.Entry("City").Text != "Ringsted" || w.Win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Esc over the question: %q, dialog still up %v", p.Entry("City").Text, w.Win.Canvas().Overlays().Top() != nil)
	}
	p.List.List.Select(1)
	w.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // "Kassér ændringerne"
	if p.Form.Dirty() || w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter over the question did not discard and move on")
	}

	// The contact dialog saves on Enter in a field.
	p.List.List.Select(0)
	p.contacts.edit(data.Contact{OrganisationID: p.Original.ID})
	d := p.contacts.lastDialog
	typeInto(d.Entry("Name"), "Ny Kontakt")
	d.Entry("Name").TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := countRows(t, s, "contacts WHERE name = 'Ny Kontakt'"); n != 1 {
		t.Fatalf("Enter in the contact dialog saved %d contacts", n)
	}
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after saving")
	}
}
