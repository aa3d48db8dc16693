package ui

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// TestPackExportFromTheWindow: the Filer menu's export writes a zip
// another installation can read, says what it holds, and is logged.
func TestPackExportFromTheWindow(t *testing.T) {
	w, s := newTestWindow(t, true)
	fileMenuItem(t, w, "Eksportér videndelingspakke…")
	out := filepath.Join(t.TempDir(), "pakke.zip")
	errs := make(chan error, 1)
	w.exportPack(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	mustContain(t, w.status.Text, "Videndelingspakken er gemt som "+out+": 0 skabeloner (0 versioner), 9 punkter på tjeklisten")
	if _, err := data.ReadKnowledgePackFile(out); err != nil {
		t.Fatalf("the written package cannot be read back: %v", err)
	}
	if zr, err := zip.OpenReader(out); err != nil || len(zr.File) != 5 {
		t.Fatalf("zip: %v", err)
	} else {
		zr.Close()
	}
	events, err := s.AuditLog(context.Background(), s.Now().AddDate(-20, 0, 0))
	if err != nil || len(events) == 0 {
		t.Fatal(err)
	}
	if last := events[len(events)-1]; last.Kind != data.EventExported || last.Entity != "videndelingspakke" || !strings.Contains(last.Detail, out) {
		t.Errorf("last event after the export: %+v", last)
	}
}

// TestPackImportInTheWindow: the package from the demo with its
// templates goes into an empty installation; the dialog lists the
// checklist items ticked, the one unticked stays as it was, and the report
// says what came in.
func TestPackImportInTheWindow(t *testing.T) {
	ctx := context.Background()
	src, err := data.Open(filepath.Join(t.TempDir(), "kilde.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if err := agreement.LoadDemo(ctx, src); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "pakke.zip")
	report := []byte("%PDF-1.7\n% status\n%%EOF\n")
	opt := data.PackOptions{ReportPDF: report, ReportAsOf: time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC)}
	if _, err := src.ExportKnowledgePack(ctx, file, opt); err != nil {
		t.Fatal(err)
	}

	w, s := newTestWindow(t, false)
	fileMenuItem(t, w, "Importér videndelingspakke…")
	o := w.offerPack(file)
	if o == nil {
		t.Fatal("the package was refused")
	}
	text := dialogText(w)
	mustContain(t, text, "Pakken er fra Slagelse Kommune, Center for Arbejdsmarked og Integration (Korsør) og indeholder 3 skabeloner (3 versioner), 9 punkter på tjeklisten")
	if len(o.checks) != 9 {
		t.Fatalf("the dialog lists %d checklist items, want 9", len(o.checks))
	}
	unticked := ""
	for i, c := range o.checks {
		if !c.Checked {
			t.Errorf("item %q is not ticked", c.Text)
		}
		if o.codes[i] == "jobcentrets_rolle" {
			mustContain(t, c.Text, "Jobcentrets rolle (med besluttet tekst)")
			test.Tap(c)
			unticked = o.codes[i]
		}
	}
	if unticked == "" {
		t.Fatal("the dialog does not list Jobcentrets rolle")
	}
	captureTo(t, w, "pack-offer")
	test.Tap(button(t, w, "Indlæs"))
	captureTo(t, w, "pack-imported")
	mustContain(t, dialogText(w), "3 skabeloner (3 versioner), 1 punkt på tjeklisten, 0 ordninger, 0 målgrupper og 4 mål.")
	mustContain(t, w.status.Text, "Videndelingspakken er indlæst: 3 skabeloner (3 versioner)")
	mustContain(t, dialogText(w), "Pakken har statusrapporten pr. 31.12.2015 til gennemlæsning.")
	button(t, w, "Gem statusrapporten som PDF…")
	saved := filepath.Join(t.TempDir(), "status.pdf")
	wc, err := storage.Writer(storage.NewFileURI(saved))
	if err != nil {
		t.Fatal(err)
	}
	w.savePackReport(wc, o.pack.ReportPDF)
	if b, _ := os.ReadFile(saved); string(b) != string(report) {
		t.Errorf("the saved status report is %q, want the package's", b)
	}
	mustContain(t, w.status.Text, "Statusrapporten er gemt som "+saved)
	if n := countRows(t, s, "templates"); n != 3 {
		t.Errorf("the new installation has %d templates, want 3", n)
	}
	items, _ := s.Checklist(ctx, false)
	for _, it := range items {
		switch it.Code {
		case "jobcentrets_rolle":
			if it.Decision != "" {
				t.Errorf("the unticked item got the proposal %q", it.Decision)
			}
		case "programmets_rolle":
			if it.Decision == "" || it.Status != data.ChecklistOpen {
				t.Errorf("the ticked item is %s with %q, want open with the proposal", it.Status, it.Decision)
			}
		}
	}
}

// TestPackImportRefusedInTheWindow: a file that is no package is refused
// with the Danish message and no dialog to import from.
func TestPackImportRefusedInTheWindow(t *testing.T) {
	w, s := newTestWindow(t, false)
	bad := filepath.Join(t.TempDir(), "billede.zip")
	if err := os.WriteFile(bad, []byte("PNG"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := countRows(t, s, "events")
	if o := w.offerPack(bad); o != nil {
		t.Fatal("a file that is no zip was offered for import")
	}
	mustContain(t, dialogText(w), "Videndelingspakken kan ikke indlæses: filen er ikke en zip-fil. Intet er indlæst.")
	if n := countRows(t, s, "events"); n != before {
		t.Errorf("the refusal wrote %d events", n-before)
	}
}
