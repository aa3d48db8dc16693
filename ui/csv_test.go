package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data/csvio"
	"partnerskab/ui/form"
)

// waitFor waits until done is closed by the worker's fyne.Do callback.
func waitFor(t *testing.T, done chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import or export did not finish")
	}
}

func writeCSV(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// labels lists the texts of the labels under obj.
func labels(obj fyne.CanvasObject) []string {
	var out []string
	find(obj, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
		return false
	})
	return out
}

func TestImportButtonImports(t *testing.T) {
	w, s := newTestWindow(t, true)
	path := writeCSV(t, "nye partnere.csv", "\uFEFFNavn;Type;By\r\nRingparkens Værksted;Socialøkonomisk virksomhed;Korsør\r\n"+
		"Café Motalavej;Socialøkonomisk virksomhed;Korsør\r\n")
	before := countRows(t, s, "organisations")
	reloaded := false
	done := make(chan struct{})
	form.ImportFile(w, "partners", path, func() { reloaded = true }, func() { close(done) })
	waitFor(t, done)
	if n := countRows(t, s, "organisations"); n != before+2 {
		t.Errorf("%d organisations after the import, want %d", n, before+2)
	}
	if !reloaded {
		t.Error("the tab was not reloaded after the import")
	}
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog after the import")
	}
	mustContain(t, strings.Join(labels(top), "\n"), "2 rækker importeret fra nye partnere.csv.")
	mustContain(t, w.status.Text, "2 rækker importeret")
}

// A refused file imports nothing and lists every problem with its line.
func TestImportButtonListsProblems(t *testing.T) {
	w, s := newTestWindow(t, true)
	var rows []string
	for i := range 30 { // more problems than the dialog shows at once
		rows = append(rows, "A.B.;Bevarr;;Fleksjob;10;;;1.3.2016;;;"+strings.Repeat("x", i%2))
	}
	path := writeCSV(t, "placeringer.csv", "Initialer eller pseudonym;Virksomhed;Stilling;Ordning;Timer pr. uge;Bor i området;Målgruppe;Start;Slut;Sagen afsluttet;Noter\r\n"+
		strings.Join(rows, "\r\n")+"\r\n")
	before := countRows(t, s, "placements")
	reloaded := false
	done := make(chan struct{})
	form.ImportFile(w, "placements", path, func() { reloaded = true }, func() { close(done) })
	waitFor(t, done)
	if n := countRows(t, s, "placements"); n != before || reloaded {
		t.Errorf("%d placements (was %d), reloaded %v: a refused import must change nothing", n, before, reloaded)
	}
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog listing the problems")
	}
	mustContain(t, strings.Join(labels(top), "\n"), "Intet er importeret: filen har 30 fejl.")
	list, ok := find(top, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.List); return ok }).(*widget.List)
	if !ok {
		t.Fatal("no list of problems in the dialog")
	}
	if n := list.Length(); n != 30 {
		t.Errorf("the list has %d lines, want 30", n)
	}
	item := list.CreateItem()
	list.UpdateItem(29, item)
	if got := item.(*widget.Label).Text; got != "linje 31, kolonne Virksomhed: ukendt virksomhed (Bevarr)" {
		t.Errorf("last line = %q", got)
	}
	list.Select(4) // a line too long for the list is shown whole, wrapped, under it
	whole := find(top, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && l.Wrapping == fyne.TextWrapWord && l.Text == "linje 6, kolonne Virksomhed: ukendt virksomhed (Bevarr)"
	})
	if whole == nil {
		t.Errorf("the picked line is not shown whole: %q", labels(top))
	}
	test.Tap(button(t, w, "Kopiér fejlene"))
	if clip := w.App.Clipboard().Content(); strings.Count(clip, "\n") != 29 || !strings.HasPrefix(clip, "linje 2, kolonne Virksomhed") {
		t.Errorf("clipboard = %q", clip)
	}
	test.Tap(button(t, w, "Luk"))
	if top := w.Win.Canvas().Overlays().Top(); top != nil {
		t.Error("the dialog is still open after Luk")
	}
}

// A file without a required column is refused once, on line 1.
func TestImportButtonMissingColumn(t *testing.T) {
	w, s := newTestWindow(t, false)
	path := writeCSV(t, "lokaler.csv", "Lokale;Areal\r\nSystue;48\r\n")
	done := make(chan struct{})
	form.ImportFile(w, "rooms", path, nil, func() { close(done) })
	waitFor(t, done)
	if n := countRows(t, s, "rooms"); n != 0 {
		t.Errorf("%d rooms after a refused import", n)
	}
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	list := find(top, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.List); return ok }).(*widget.List)
	item := list.CreateItem()
	list.UpdateItem(0, item)
	if got := item.(*widget.Label).Text; got != "linje 1, kolonne Ejendom: kolonnen mangler" {
		t.Errorf("problem = %q", got)
	}
}

func TestExportWritesFile(t *testing.T) {
	w, _ := newTestWindow(t, true)
	path := filepath.Join(t.TempDir(), "lejemaal.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := csvio.KindByName("leases")
	done := make(chan struct{})
	form.ExportCSV(w, k, f, path, func() { close(done) })
	waitFor(t, done)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "\uFEFFUdlejer;Lejer;Lokaler;") || strings.Count(text, "\r\n") != 3 ||
		!strings.Contains(text, "BoligKorsør;Bevar;Kvarterhuset/Lager ved systuen, Kvarterhuset/Systue;1.9.2015;") {
		t.Errorf("lejemaal.csv:\n%s", text)
	}
	mustContain(t, w.status.Text, "2 rækker eksporteret til "+path)
}

// The buttons open fyne's file dialogs: Importér an open dialog,
// Eksportér a save dialog with the kind's file name filled in; cancel
// closes them. The dialogs' own words are fyne's, in the language the
// test runs in (the window's Danish is set up by main).
func TestCSVButtonsOpenFileDialogs(t *testing.T) {
	w, _ := newTestWindow(t, true)
	w.Win.SetContent(form.CSVButtons(w, "partners", nil))
	for _, tc := range []struct {
		button, confirm, name string // name: the save dialog's file name; "" for an open dialog
	}{
		{"Importér CSV…", lang.L("Open"), ""},
		{"Eksportér CSV…", lang.L("Save"), "partnere.csv"},
	} {
		test.Tap(button(t, w, tc.button))
		top := w.Win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog", tc.button)
		}
		confirm := find(top, func(o fyne.CanvasObject) bool {
			b, ok := o.(*widget.Button)
			return ok && b.Text == tc.confirm
		})
		cancel := find(top, func(o fyne.CanvasObject) bool {
			b, ok := o.(*widget.Button)
			return ok && b.Text == lang.L("Cancel")
		})
		name := find(top, func(o fyne.CanvasObject) bool {
			e, ok := o.(*widget.Entry)
			return ok && e.PlaceHolder == lang.L("Enter filename")
		})
		if confirm == nil || cancel == nil {
			t.Fatalf("%s: the dialog has no %q and cancel buttons: %q", tc.button, tc.confirm, labels(top))
		}
		switch {
		case tc.name == "" && name != nil:
			t.Errorf("%s: an open dialog asks for a file name", tc.button)
		case tc.name != "" && (name == nil || name.(*widget.Entry).Text != tc.name):
			t.Errorf("%s: the save dialog's file name is %v, want %q", tc.button, name, tc.name)
		}
		test.Tap(cancel.(*widget.Button))
		if w.Win.Canvas().Overlays().Top() != nil {
			t.Errorf("%s: cancel left the dialog open", tc.button)
		}
	}
}

// TestImportSaysWhichFormulasWereTakenAsText: a hostile file's formula
// cell is imported as text, and the window says so.
func TestImportSaysWhichFormulasWereTakenAsText(t *testing.T) {
	w, _ := newTestWindow(t, false)
	path := writeCSV(t, "ond.csv", "Navn;Type;Noter\r\nOnd;Andet;=cmd|' /C calc'!A0\r\n")
	done := make(chan struct{})
	form.ImportFile(w, "partners", path, nil, func() { close(done) })
	waitFor(t, done)
	text := strings.Join(labels(w.Win.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(text, "linje 2, kolonne Noter: cellen begynder med »=« og er gemt som tekst, ikke som en formel") {
		t.Errorf("the import's dialog:\n%s", text)
	}
}
