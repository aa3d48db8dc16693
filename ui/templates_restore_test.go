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
	test.Tap(tp.saveButton)
	id := tp.original.ID
	if id == 0 {
		t.Fatal("the template was not saved")
	}
	test.Tap(tp.archiveButton)
	test.Tap(button(t, w, "Arkivér")) // the question
	if got, _ := s.Template(context.Background(), id); !got.Archived() {
		t.Fatal("Arkivér did not archive the template in the store")
	}

	test.Tap(tp.showArchived)
	typeInto(tp.list.search, "Lejeaftale")
	tp.list.list.Select(0)
	if tp.original.ID != id || !tp.original.Archived() {
		t.Fatalf("picked %d (archived %v), want the archived template %d", tp.original.ID, tp.original.Archived(), id)
	}
	test.Tap(button(t, w, "Genskab"))
	if got, _ := s.Template(context.Background(), id); got.Archived() {
		t.Fatal("Genskab left the template archived in the store")
	}
	if tp.archiveButton.Text != "Arkivér" || tp.showArchived.Checked {
		t.Errorf("after Genskab: button %q, showing archived %v", tp.archiveButton.Text, tp.showArchived.Checked)
	}
}
