package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// TestArt30FromTheWindowIsWrittenAndLogged: the menu's record of
// processing writes a PDF, and the audit log names the export and the
// user.
func TestArt30FromTheWindowIsWrittenAndLogged(t *testing.T) {
	w, s := newTestWindow(t, true)
	out := filepath.Join(t.TempDir(), "art30.pdf")
	errs := make(chan error, 1)
	w.art30PDF().save(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("art30 PDF: %v", err)
	}
	events, err := s.AuditLog(context.Background(), s.Now().AddDate(-20, 0, 0))
	if err != nil || len(events) == 0 {
		t.Fatal(err)
	}
	last := events[len(events)-1]
	if last.Kind != data.EventExported || !strings.Contains(last.Detail, "art30.pdf") || last.Actor != data.CurrentActor() {
		t.Errorf("last event after the art. 30 export: %+v", last)
	}
}

// TestContactExtractFromTheWindow: the Indsigt button's PDF is written
// and named in the audit log with the contact.
func TestContactExtractFromTheWindow(t *testing.T) {
	w, s := newTestWindow(t, true)
	var id int64
	var name string
	if err := s.DB().QueryRow(`SELECT id, name FROM contacts ORDER BY id LIMIT 1`).Scan(&id, &name); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "indsigt.pdf")
	errs := make(chan error, 1)
	w.extractPDF("kontaktperson", id, name).save(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	events, err := s.Events(context.Background(), "kontaktperson", id)
	if err != nil || len(events) == 0 {
		t.Fatal(err)
	}
	if last := events[len(events)-1]; last.Kind != data.EventExported || !strings.Contains(last.Detail, "indsigt.pdf") {
		t.Errorf("last event of the contact after its extract: %+v", last)
	}
}

// TestPlacementExtractFromTheForm: a saved placement's Indsigt button is
// there to press, a new one's is not, and the PDF it writes holds the
// placement's pseudonym.
func TestPlacementExtractFromTheForm(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Staffing.placements
	fillPlacement(t, p, "X.Q.")
	if !p.extract.Disabled() {
		t.Error("the extract of a placement not yet saved can be asked for")
	}
	test.Tap(p.SaveButton)
	pl := placementsNamed(t, s, "X.Q.")
	if len(pl) != 1 || p.extract.Disabled() {
		t.Fatalf("after save: %d placements, extract disabled %v", len(pl), p.extract.Disabled())
	}
	out := filepath.Join(t.TempDir(), "indsigt.pdf")
	errs := make(chan error, 1)
	w.extractPDF("placering", pl[0].ID, pl[0].Pseudonym).save(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	mustContain(t, pdfToText(t, out), "X.Q.")
	p.NewRecord()
	if !p.extract.Disabled() {
		t.Error("a new placement's extract can be asked for")
	}
}
