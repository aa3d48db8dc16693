package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// "Genskab" on an archived template makes it a choice for new agreements
// again.
func TestTemplateArchiveAndGenskab(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(4)
	tp := w.Templates
	tp.NewRecord()
	typeInto(tp.name, "Lejeaftale")
	typeInto(tp.body, "## Parter\n\n{{virksomhed.navn}}")
	test.Tap(tp.SaveButton)
	id := tp.Original.t.ID
	if id == 0 {
		t.Fatal("the template was not saved")
	}
	test.Tap(tp.ArchiveButton)
	test.Tap(button(t, w, "Arkivér")) // the question
	if got, _ := s.Template(context.Background(), id); !got.Archived() {
		t.Fatal("Arkivér did not archive the template in the store")
	}

	test.Tap(tp.ShowArchived)
	typeInto(tp.List.Search, "Lejeaftale")
	tp.List.List.Select(0)
	if tp.Original.t.ID != id || !tp.Original.t.Archived() {
		t.Fatalf("picked %d (archived %v), want the archived template %d", tp.Original.t.ID, tp.Original.t.Archived(), id)
	}
	test.Tap(button(t, w, "Genskab"))
	if got, _ := s.Template(context.Background(), id); got.Archived() {
		t.Fatal("Genskab left the template archived in the store")
	}
	if tp.ArchiveButton.Text != "Arkivér" || tp.ShowArchived.Checked {
		t.Errorf("after Genskab: button %q, showing archived %v", tp.ArchiveButton.Text, tp.ShowArchived.Checked)
	}
}
