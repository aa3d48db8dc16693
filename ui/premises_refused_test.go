package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// On a small screen a refused save brings the first bad field into view,
// puts the cursor there and names it in the state line.
func TestARefusedSaveShowsTheFirstBadFieldOnASmallScreen(t *testing.T) {
	w, _, p := leaseWindow(t)
	w.Win.Resize(fyne.NewSize(1024, 600))
	p.NewRecord()
	pick(t, p.landlord, "BoligKorsør")
	pick(t, p.tenant, "Fra de varme lande")
	p.rooms.filter.SetText("Mødelokale")
	p.rooms.toggle(p.rooms.labels[0]) // a room no lease holds
	typeInto(p.Entry("Start"), "1.1.2016")
	typeInto(p.Entry("Rent"), "650")
	typeInto(p.Entry("NoticeGivenOn"), "31.2.2016") // far down the form
	test.Tap(p.SaveButton)

	bad := p.Entry("NoticeGivenOn")
	if w.Win.Canvas().Focused() != bad {
		t.Fatalf("the cursor is in %v, not in the bad date", w.Win.Canvas().Focused())
	}
	scroll := find(p.Content, func(o fyne.CanvasObject) bool {
		s, ok := o.(*container.Scroll)
		return ok && find(s.Content, func(o fyne.CanvasObject) bool { return o == bad }) != nil
	}).(*container.Scroll)
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(bad).Y - d.AbsolutePositionForObject(scroll).Y
	if scroll.Offset.Y == 0 || y < 0 || y+bad.Size().Height > scroll.Size().Height {
		t.Errorf("the bad field is at %v in a view of %v (scrolled %v)", y, scroll.Size().Height, scroll.Offset.Y)
	}
	mustContain(t, p.Field("NoticeGivenOn").Msg.Text, "findes ikke")
	mustContain(t, p.Form.State.Text, "Ikke gemt: ret Opsagt den")
}
