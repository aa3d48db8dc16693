package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// "Genskab" on an archived position brings it back into the plan.
func TestPositionArchiveAndGenskab(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(3)
	w.Staffing.tabs.SelectIndex(subPositions)
	p := w.Staffing.positions
	typeInto(p.list.search, "Caféassistent")
	p.list.list.Select(0)
	id := p.original.ID
	if p.original.Title != "Caféassistent" {
		t.Fatalf("picked %q", p.original.Title)
	}
	test.Tap(p.archiveButton)
	test.Tap(button(t, w, "Arkivér")) // the question
	if pos, _ := s.Position(context.Background(), id); !pos.Archived() {
		t.Fatal("Arkivér did not archive the position in the store")
	}

	test.Tap(p.showArchived)
	typeInto(p.list.search, "Caféassistent")
	p.list.list.Select(0)
	if p.original.ID != id || !p.original.Archived() {
		t.Fatalf("picked %d (archived %v), want the archived position %d", p.original.ID, p.original.Archived(), id)
	}
	test.Tap(button(t, w, "Genskab"))
	if pos, _ := s.Position(context.Background(), id); pos.Archived() {
		t.Fatal("Genskab left the position archived in the store")
	}
	if p.archiveButton.Text != "Arkivér" || p.showArchived.Checked {
		t.Errorf("after Genskab: button %q, showing archived %v", p.archiveButton.Text, p.showArchived.Checked)
	}
}
