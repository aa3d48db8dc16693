package ui

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
)

// TestStatusReportFromTheWindow: Filer → Statusrapport for partnerskabet…
// opens a dialog for the day; a bad date is named on its field and the
// dialog stays; a good one writes the PDF, stores the report and names the
// export in the audit log.
func TestStatusReportFromTheWindow(t *testing.T) {
	w, s := newTestWindow(t, true)
	var found bool
	for _, m := range w.mainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Statusrapport for partnerskabet…" {
				found = true
				it.Action()
			}
		}
	}
	if !found {
		t.Fatal("the Filer menu has no Statusrapport for partnerskabet…")
	}
	d, ok := w.dialog.(*form.Dialog[reportRequest])
	if !ok {
		t.Fatalf("the menu opened %T", w.dialog)
	}
	d.Entry("AsOf").SetText("31.13.2015")
	d.Save()
	mustContain(t, d.State.Text, "Opgjort pr.")
	ctx := context.Background()
	if _, _, ok, err := s.LatestStatusReport(ctx); ok || err != nil {
		t.Fatalf("a refused date stored a report (%v)", err)
	}
	out := filepath.Join(t.TempDir(), "status.pdf")
	errs := make(chan error, 1)
	w.statusReportPDF(time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC), time.Time{}).save(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("status report PDF: %v", err)
	}
	pdf, asOf, ok, err := s.LatestStatusReport(ctx)
	if err != nil || !ok || string(pdf) != string(b) || asOf.Format("2006-01-02") != "2015-12-31" {
		t.Errorf("the stored report: ok %v, as of %s, %v", ok, asOf, err)
	}
	events, err := s.AuditLog(ctx, s.Now().AddDate(-20, 0, 0))
	if err != nil || len(events) == 0 {
		t.Fatal(err)
	}
	if last := events[len(events)-1]; last.Kind != data.EventExported || !strings.Contains(last.Detail, "status.pdf") {
		t.Errorf("last event after the status report: %+v", last)
	}
}

// TestStatusReportFromOverblik: Overblik's button opens the dialog with
// the day the overview shows.
func TestStatusReportFromOverblik(t *testing.T) {
	w, _ := newTestWindow(t, true)
	ov := w.Overview
	ov.asOf.SetText("31.12.2015")
	b := find(ov.content, func(o fyne.CanvasObject) bool {
		btn, ok := o.(*widget.Button)
		return ok && btn.Text == "Statusrapport…"
	})
	if b == nil {
		t.Fatal("Overblik has no Statusrapport… button")
	}
	test.Tap(b.(*widget.Button))
	d, ok := w.dialog.(*form.Dialog[reportRequest])
	if !ok || d.Values().AsOf != "31.12.2015" {
		t.Fatalf("the button opened %T with %+v", w.dialog, d)
	}
}

// TestStatusReportPrints: "Derefter: Udskriv" hands the report's PDF to the
// system's PDF program instead of asking where to save it.
func TestStatusReportPrints(t *testing.T) {
	w, _ := newTestWindow(t, true)
	opened := make(chan string, 1)
	w.openURL = func(u *url.URL) error { opened <- u.Path; return nil }
	d := w.showStatusReport("31.12.2015")
	radio, ok := d.Fields.ByName("Then").Input.(*widget.RadioGroup)
	if !ok || radio.Selected != "Gem som PDF…" {
		t.Fatalf("the dialog's Derefter is %T, chosen %q; want Gem som PDF… first", d.Fields.ByName("Then").Input, radio.Selected)
	}
	radio.SetSelected("Udskriv")
	d.Save()
	var path string
	select {
	case path = <-opened:
	case <-time.After(30 * time.Second):
		t.Fatal("Udskriv opened nothing")
	}
	t.Cleanup(func() { os.Remove(path) })
	mustContain(t, filepath.Base(path), "Statusrapport 2015-12-31")
	mustContain(t, pdfToText(t, path), "Status for partnerskabet")
}
