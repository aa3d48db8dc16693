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
	w.Staffing.Tabs.SelectIndex(subPositions)
	p := w.Staffing.positions
	typeInto(p.List.Search, "Caféassistent")
	p.List.List.Select(0)
	id := p.Original.ID
	if p.Original.Title != "Caféassistent" {
		t.Fatalf("picked %q", p.Original.Title)
	}
	test.Tap(p.ArchiveButton)
	test.Tap(button(t, w, "Arkivér")) // the question
	if pos, _ := s.Position(context.Background(), id); !pos.Archived() {
		t.Fatal("Arkivér did not archive the position in the store")
	}

	test.Tap(p.ShowArchived)
	typeInto(p.List.Search, "Caféassistent")
	p.List.List.Select(0)
	if p.Original.ID != id || !p.Original.Archived() {
		t.Fatalf("picked %d (archived %v), want the archived position %d", p.Original.ID, p.Original.Archived(), id)
	}
	test.Tap(button(t, w, "Genskab"))
	if pos, _ := s.Position(context.Background(), id); pos.Archived() {
		t.Fatal("Genskab left the position archived in the store")
	}
	if p.ArchiveButton.Text != "Arkivér" || p.ShowArchived.Checked {
		t.Errorf("after Genskab: button %q, showing archived %v", p.ArchiveButton.Text, p.ShowArchived.Checked)
	}
}
