package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftLease names the lease form's drafts.
const draftLease = "lease"

// PremisesTab is the Lokaler og lejemål tab: two sub-tabs, the leases
// (list and form, with what follows from the terms computed live) and the
// premises with their rooms.
type PremisesTab struct {
	*form.Group
	w       *Window
	content fyne.CanvasObject
	leases  *leasePanel
	rooms   *roomsPanel
	// today is the day statuses and deadlines are computed for; tests fix it.
	today func() time.Time
}

func newPremisesTab(w *Window) *PremisesTab {
	t := &PremisesTab{w: w, today: localToday}
	t.leases = newLeasePanel(t)
	t.rooms = newRoomsPanel(t)
	t.Group = form.NewGroup(
		form.Part{Item: widgets.NewTabItem(lang.X("premises.tab.leases", "Lejemål"), t.leases.Content), Editor: t.leases},
		form.Part{Item: widgets.NewTabItem(lang.X("premises.tab.rooms", "Lokaler"), t.rooms.content), Editor: t.rooms})
	t.content = t.Tabs
	w.atFirstShow(func() { t.Reload(); t.leases.Start() })
	return t
}

// localToday is the caseworker's calendar date, as the dates in the
// database are kept (00:00 UTC).
func localToday() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Reload re-reads what the tab shows (after the demo is loaded, or another
// tab changed organisations).
func (t *PremisesTab) Reload() {
	t.leases.reloadParties()
	t.leases.Reload()
	t.leases.rooms.reload()
	t.rooms.reload()
	t.leases.RenewBlank() // picks up a landlord that just appeared
}

// showTab brings this tab and its sub-tab i to the front.
func (t *PremisesTab) showTab(i int) {
	t.w.showTab(t.content)
	t.Show(i)
}

// OpenLease shows lease id in the form (asking first about unsaved edits),
// for the overview's rows.
func (t *PremisesTab) OpenLease(id int64) {
	t.showTab(0)
	t.leases.Show(id)
}

// OpenRoom shows room id in the Lokaler sub-tab.
func (t *PremisesTab) OpenRoom(id int64) {
	t.showTab(1)
	t.rooms.openRoom(id)
}

// The Lokaler sub-tab edits in dialogs: Ctrl+N opens a new room's, Ctrl+S
// saves the open one (the window routes it), Ctrl+F searches the list.

func (p *roomsPanel) NewRecord()   { p.newRoom() }
func (p *roomsPanel) FocusSearch() { p.w.Win.Canvas().Focus(p.list.Search) }
