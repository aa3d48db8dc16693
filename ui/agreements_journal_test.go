package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The journal and KLE numbers are edited with the draft's text: a KLE
// number of the wrong shape is shown under its field and nothing is
// saved; a right one is saved in the one form the PDF prints.
func TestDraftJournalAndKLENumbers(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	test.Tap(d.editButton)
	typeInto(d.journal, "15/12345")
	typeInto(d.kle, "27.12")
	w.Agreements.Save()
	a, _ := s.Agreement(context.Background(), d.original.ID)
	if a.KLE != "" || a.JournalNumber != "" {
		t.Errorf("a refused form saved journal %q, KLE %q", a.JournalNumber, a.KLE)
	}
	var msg string
	for _, f := range d.form.Fields.Fields {
		if f.Name == "KLE" && f.Msg.Visible() {
			msg = f.Msg.Text
		}
	}
	if !strings.Contains(msg, "emnenummer") {
		t.Errorf("the KLE field shows %q, want why the number is refused", msg)
	}
	typeInto(d.kle, "27.12.00g01")
	w.Agreements.Save()
	a, _ = s.Agreement(context.Background(), d.original.ID)
	if a.JournalNumber != "15/12345" || a.KLE != "27.12.00 G01" {
		t.Errorf("saved journal %q, KLE %q", a.JournalNumber, a.KLE)
	}
	if d.kle.Text != "27.12.00 G01" {
		t.Errorf("the form shows %q after saving, want the saved form", d.kle.Text)
	}
}
