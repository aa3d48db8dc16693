package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Filer > Indstillinger…: a notice of 0 days is refused on its field with
// the dialog still open and what was typed kept; 21 is saved, and the
// planned meeting's state line then counts with 21 days.
func TestSettingsDialogRefusesOnTheFieldAndSaves(t *testing.T) {
	w, s := newTestWindow(t, true)
	d := w.showSettings()
	typeInto(d.values["NoticeDays"], "0")
	test.Tap(button(t, w, "Gem"))
	var notice = d.fields[2]
	if notice.Name != "NoticeDays" {
		t.Fatalf("field 2 is %s", notice.Name)
	}
	mustContain(t, notice.Msg.Text, "skal være mellem 1 og 90 (0)")
	if d.values["NoticeDays"].Text != "0" || w.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("the refused dialog closed or lost what was typed")
	}
	if n, _ := s.NoticeDays(context.Background()); n != 14 {
		t.Fatalf("a refused notice reached the store: %d", n)
	}
	typeInto(d.values["NoticeDays"], "21")
	test.Tap(button(t, w, "Gem"))
	if n, _ := s.NoticeDays(context.Background()); n != 21 {
		t.Fatalf("notice %d days, want 21", n)
	}
	onDay(s, "2015-05-01")
	p := plannedMeeting(t, w, s)
	mustContain(t, p.status.Text, "senest 21.5.2015 (21 dages varsel)")
}
