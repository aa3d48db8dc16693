package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/ui/widgets"
)

// A misspelt field shows under the editor as it is typed, with its line,
// column and the field it probably means; picking it moves the cursor there.
func TestUnknownFieldShowsInlineWithPositionAndSuggestion(t *testing.T) {
	w, s := newTestWindow(t, true)
	tp := w.Templates
	tp.NewRecord()
	typeInto(tp.name, "Prøveaftale")
	tp.body.SetText("# Aftale\n\nMellem {{kommune.navn}} og\nvirksomheden {{virksomhed.nvan}}.")
	got := tp.problems.texts()
	if len(got) != 1 {
		t.Fatalf("problems shown: %v", got)
	}
	mustContain(t, got[0], "4:14: ")
	mustContain(t, got[0], "virksomhed.nvan")
	mustContain(t, got[0], "mente du")
	mustContain(t, got[0], "virksomhed.navn")
	mustContain(t, tp.problems.summary.Text, "1 fejl")

	tp.problems.list.Select(0)
	if tp.body.CursorRow != 3 || tp.body.CursorColumn != 13 {
		t.Errorf("cursor at %d:%d, want the problem's 4:14", tp.body.CursorRow+1, tp.body.CursorColumn+1)
	}
	typeInto(tp.name, "Prøveaftale") // still editable; the fix clears the list
	tp.body.SetText("Mellem {{kommune.navn}} og {{virksomhed.navn}}.")
	if got := tp.problems.texts(); len(got) != 0 {
		t.Errorf("problems after the fix: %v", got)
	}
	if n := countRows(t, s, "templates"); n != 0 {
		t.Errorf("typing saved %d templates", n)
	}
}

// Every save of a changed text is a new version in the store, and the
// history lists both.
func TestSavingTwiceGivesTwoVersions(t *testing.T) {
	w, s := newTestWindow(t, true)
	tp := w.Templates
	tp.NewRecord()
	typeInto(tp.name, "Samarbejde")
	tp.body.SetText("## Parter\n\n{{kommune.navn}} og {{virksomhed.navn}}.")
	test.Tap(tp.SaveButton)
	if tp.original().ID == 0 || tp.Form.Dirty() {
		t.Fatalf("first save did not reach the store: %+v", tp.Original)
	}
	tp.body.SetText("## Parter\n\n{{kommune.navn}} og {{virksomhed.navn}} indgår denne aftale.")
	test.Tap(tp.SaveButton)

	vs, err := s.TemplateVersions(context.Background(), tp.original().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 2 || !strings.Contains(vs[0].Body, "indgår denne aftale") {
		t.Fatalf("versions in the store: %+v", vs)
	}
	if len(tp.versions.versions) != 2 {
		t.Errorf("history shows %d versions", len(tp.versions.versions))
	}
	mustContain(t, versionLine(vs[1]), vs[1].SHA256[:8])
	mustContain(t, tp.Form.State.Text, "Version 2")

	// An old version is shown read-only and can be taken back.
	tp.versions.list.Select(1)
	if tp.versions.text.Text != vs[1].Body {
		t.Errorf("version 1 shows %q", tp.versions.text.Text)
	}
	test.Tap(tp.versions.use)
	if tp.body.Text != vs[1].Body || !tp.Form.Dirty() {
		t.Errorf("»Brug denne version« left %q (dirty %v)", tp.body.Text, tp.Form.Dirty())
	}
	test.Tap(tp.SaveButton)
	if vs, _ := s.TemplateVersions(context.Background(), tp.original().ID); len(vs) != 3 {
		t.Errorf("taking version 1 back and saving made %d versions, want 3", len(vs))
	}
}

// "Indsæt" puts a field at the cursor; a list field as its section pair.
func TestInsertFieldAtTheCursor(t *testing.T) {
	w, _ := newTestWindow(t, true)
	tp := w.Templates
	tp.NewRecord()
	tp.body.SetText("Parter:\n\nSlut.")
	tp.body.CursorRow, tp.body.CursorColumn = 1, 0
	if !tp.catalogue.pick("parter") {
		t.Fatal("no field parter in the catalogue")
	}
	test.Tap(tp.catalogue.insert)
	if tp.body.Text != "Parter:\n{{#parter}}\n{{/parter}}\nSlut." {
		t.Errorf("after inserting parter: %q", tp.body.Text)
	}
	tp.body.CursorRow, tp.body.CursorColumn = 0, 7
	tp.catalogue.pick("kommune.navn")
	test.Tap(tp.catalogue.insert)
	if !strings.HasPrefix(tp.body.Text, "Parter:{{kommune.navn}}\n") {
		t.Errorf("after inserting kommune.navn: %q", tp.body.Text)
	}
	if !tp.Form.Dirty() {
		t.Error("an insert did not mark the template as changed")
	}
}

// The preview merges the text with the demo case's facts.
func TestPreviewMergesWithTheDemoCase(t *testing.T) {
	w, _ := newTestWindow(t, true)
	tp := w.Templates
	tp.NewRecord()
	tp.body.SetText("## Parter\n\n**{{kommune.navn}}** og {{virksomhed.navn}}")
	tp.preview.update()
	got := widgets.RichTextString(tp.preview.rt)
	mustContain(t, got, "1. Parter")
	mustContain(t, got, "Slagelse Kommune")
}

// Import reads a .md file into the editor; export writes the text as typed.
func TestImportAndExportMarkdown(t *testing.T) {
	w, _ := newTestWindow(t, true)
	tp := w.Templates
	tp.NewRecord()
	dir := t.TempDir()
	in := filepath.Join(dir, "Lejeaftale.md")
	if err := os.WriteFile(in, []byte("## Lejemål\r\n\r\n{{#lejemaal}}{{lejer}}{{/lejemaal}}\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(in)
	done := make(chan struct{})
	tp.importFrom(f, "Lejeaftale.md", func() { close(done) })
	<-done
	if tp.name.Text != "Lejeaftale" || tp.body.Text != "## Lejemål\n\n{{#lejemaal}}{{lejer}}{{/lejemaal}}\n" {
		t.Errorf("imported name %q body %q", tp.name.Text, tp.body.Text)
	}
	out := filepath.Join(dir, "ud.md")
	done = make(chan struct{})
	tp.exportFile(out, func() { close(done) })
	<-done
	if b, _ := os.ReadFile(out); string(b) != tp.body.Text {
		t.Errorf("exported %q", b)
	}
}
