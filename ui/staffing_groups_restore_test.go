package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// "Genskab" on an archived target group makes it a choice again.
func TestTargetGroupArchiveAndGenskab(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(3)
	w.Staffing.tabs.SelectIndex(subLists)
	e := w.Staffing.lists.groups
	pickGroup := func(name string) {
		t.Helper()
		for i, g := range e.rows {
			if g.Name == name {
				e.list.Select(i)
				return
			}
		}
		t.Fatalf("no target group %q in the list", name)
	}
	pickGroup("Andre")
	id := e.original.ID
	test.Tap(e.archiveButton)
	if g, _ := s.TargetGroup(context.Background(), id); !g.Archived() {
		t.Fatal("Arkivér did not archive the target group in the store")
	}
	if active, _ := s.TargetGroups(context.Background(), false); groupNamed(active, "Andre") {
		t.Fatal("the archived target group is still offered")
	}

	test.Tap(e.showArchived)
	pickGroup("Andre")
	if e.archiveButton.Text != "Genskab" {
		t.Fatalf("the archived group's button reads %q", e.archiveButton.Text)
	}
	test.Tap(e.archiveButton)
	if g, _ := s.TargetGroup(context.Background(), id); g.Archived() {
		t.Fatal("Genskab left the target group archived in the store")
	}
	if active, _ := s.TargetGroups(context.Background(), false); !groupNamed(active, "Andre") {
		t.Error("the restored target group is not offered again")
	}
	if e.archiveButton.Text != "Arkivér" || e.saveButton.Disabled() {
		t.Errorf("after Genskab: button %q, save disabled %v", e.archiveButton.Text, e.saveButton.Disabled())
	}
}

func groupNamed(gs []data.TargetGroup, name string) bool {
	for _, g := range gs {
		if g.Name == name {
			return true
		}
	}
	return false
}
