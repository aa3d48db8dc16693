package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// "Genskab" on an archived room brings it back; the button then offers
// "Arkivér" again.
func TestRoomArchiveAndGenskab(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(2)
	w.Premises.showTab(1)
	p := w.Premises.rooms
	id := roomID(t, s, "Mødelokale")
	typeInto(p.list.Search, "Mødelokale")
	p.list.List.Select(1) // the premises heading, then the room
	if p.current.Room.ID != id {
		t.Fatalf("picked %+v, want the Mødelokale", p.current.Room)
	}
	test.Tap(button(t, w, "Arkivér"))
	test.Tap(button(t, w, "Arkivér")) // the question
	if r, _ := s.Room(context.Background(), id); !r.Archived() {
		t.Fatal("Arkivér did not archive the room in the store")
	}

	test.Tap(p.showArchived)
	typeInto(p.list.Search, "Mødelokale")
	p.list.List.Select(1)
	if p.current.Room.ID != id || !p.current.Room.Archived() {
		t.Fatalf("picked %+v, want the archived Mødelokale", p.current.Room)
	}
	test.Tap(button(t, w, "Genskab"))
	if r, _ := s.Room(context.Background(), id); r.Archived() {
		t.Fatal("Genskab left the room archived in the store")
	}
	if p.archiveButton.Text != "Arkivér" || p.editButton.Disabled() {
		t.Errorf("after Genskab the buttons are %q (edit disabled %v)", p.archiveButton.Text, p.editButton.Disabled())
	}
}
