package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// "Genskab" on an archived target group makes it a choice again.
func TestTargetGroupArchiveAndGenskab(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(3)
	w.Staffing.Tabs.SelectIndex(subLists)
	g := w.Staffing.groups
	pick := func(name string) {
		t.Helper()
		i := slices.IndexFunc(g.List.Names(), func(n string) bool { return n == name || n == name+" · arkiveret" })
		if i < 0 {
			t.Fatalf("no target group %q in the list %q", name, g.List.Names())
		}
		g.List.List.Select(i)
	}
	offered := func() bool {
		active, err := s.TargetGroups(context.Background(), false)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(active, func(x data.TargetGroup) bool { return x.Name == "Andre" })
	}
	pick("Andre")
	id := g.Original.ID
	test.Tap(g.ArchiveButton)
	test.Tap(button(t, w, "Arkivér")) // the question
	if got, _ := s.TargetGroup(context.Background(), id); !got.Archived() {
		t.Fatal("Arkivér did not archive the target group in the store")
	}
	if offered() {
		t.Fatal("the archived target group is still offered")
	}

	test.Tap(g.ShowArchived)
	pick("Andre")
	if g.ArchiveButton.Text != "Genskab" {
		t.Fatalf("the archived group's button reads %q", g.ArchiveButton.Text)
	}
	test.Tap(g.ArchiveButton)
	if got, _ := s.TargetGroup(context.Background(), id); got.Archived() {
		t.Fatal("Genskab left the target group archived in the store")
	}
	if !offered() {
		t.Error("the restored target group is not offered again")
	}
	if g.ArchiveButton.Text != "Arkivér" || g.SaveButton.Disabled() {
		t.Errorf("after Genskab: button %q, save disabled %v", g.ArchiveButton.Text, g.SaveButton.Disabled())
	}
}
