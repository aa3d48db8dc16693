package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The keyboard reaches every row and never types a tab into the notes:
// Down from the search goes into the list, the arrows move, Enter opens
// the row; Tab in a multi-line field moves on to the next field.
func TestTheKeyboardWorksTheListAndTheNotes(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	w.Win.Canvas().Focus(p.List.Search)
	press(p.List.Search, fyne.KeyDown)
	if w.Win.Canvas().Focused() != p.List.List {
		t.Fatalf("Down in the search did not move into the list (focus on %T)", w.Win.Canvas().Focused())
	}
	press(p.List.List, fyne.KeyDown) // the second organisation
	press(p.List.List, fyne.KeyReturn)
	if names := p.List.Names(); p.Original.Name != names[1] {
		t.Errorf("Enter opened %q, want %q", p.Original.Name, names[1])
	}

	notes := p.Entry("Notes")
	w.Win.Canvas().Focus(notes)
	test.Type(notes, "første linje")
	if notes.AcceptsTab() {
		t.Error("a multi-line field takes Tab as a character")
	}
	w.Win.Canvas().FocusNext()
	if w.Win.Canvas().Focused() == notes {
		t.Error("Tab did not move on from the notes")
	}
	if notes.Text != "første linje" {
		t.Errorf("the notes read %q", notes.Text)
	}
}
