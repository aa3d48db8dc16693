package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
)

// PremisesTab is the Lokaler og lejemål tab: two sub-tabs, the leases
// (list and form, with what follows from the terms computed live) and the
// premises with their rooms.
type PremisesTab struct {
	w       *Window
	content fyne.CanvasObject
	sub     *container.AppTabs
	leases  *leasePanel
	rooms   *roomsPanel
	// today is the day statuses and deadlines are computed for; tests fix it.
	today func() time.Time
}

func newPremisesTab(w *Window) *PremisesTab {
	t := &PremisesTab{w: w, today: localToday}
	t.leases = newLeasePanel(t)
	t.rooms = newRoomsPanel(t)
	t.sub = container.NewAppTabs(
		container.NewTabItem(lang.X("premises.tab.leases", "Lejemål"), t.leases.content),
		container.NewTabItem(lang.X("premises.tab.rooms", "Lokaler"), t.rooms.content))
	t.sub.OnSelected = func(*container.TabItem) { t.FocusSearch() }
	t.content = t.sub
	t.Reload()
	t.leases.fill(data.Lease{})
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
	t.leases.reload()
	t.leases.rooms.reload()
	t.rooms.reload()
	if t.leases.original.ID == 0 && !t.leases.form.dirty {
		t.leases.fill(data.Lease{}) // picks up a landlord that just appeared
	}
}

func (t *PremisesTab) onRooms() bool { return t.sub.SelectedIndex() == 1 }

// showTab brings this tab and its sub-tab i to the front.
func (t *PremisesTab) showTab(i int) {
	if t.w.Tabs != nil {
		for _, item := range t.w.Tabs.Items {
			if item.Content == t.content {
				t.w.Tabs.Select(item)
			}
		}
	}
	t.sub.SelectIndex(i)
}

// OpenLease shows lease id in the form (asking first about unsaved edits),
// for the overview's rows.
func (t *PremisesTab) OpenLease(id int64) {
	t.showTab(0)
	if id == t.leases.original.ID {
		return
	}
	t.leases.form.guard(t.leases.headingName(), func() { t.leases.open(id) }, nil)
}

// OpenRoom shows room id in the Lokaler sub-tab.
func (t *PremisesTab) OpenRoom(id int64) {
	t.showTab(1)
	t.rooms.openRoom(id)
}

// NewRecord starts a new lease (Ctrl+N), or a new room on the Lokaler sub-tab.
func (t *PremisesTab) NewRecord() {
	if t.onRooms() {
		t.rooms.newRoom()
		return
	}
	t.leases.newRecord()
}

// Save saves the open room or premises dialog, or the lease form (Ctrl+S).
func (t *PremisesTab) Save() {
	if d := t.rooms.active; d != nil {
		d.save()
		return
	}
	if !t.onRooms() {
		t.leases.save()
	}
}

// FocusSearch moves the cursor to the search field of the sub-tab shown (Ctrl+F).
func (t *PremisesTab) FocusSearch() {
	if t.onRooms() {
		t.w.Win.Canvas().Focus(t.rooms.list.search)
		return
	}
	t.w.Win.Canvas().Focus(t.leases.list.search)
}

// Cancel throws away the lease form's unsaved edits (Esc).
func (t *PremisesTab) Cancel() {
	if !t.onRooms() {
		t.leases.cancel()
	}
}

// Dirty tells whether the lease form holds unsaved edits.
func (t *PremisesTab) Dirty() bool { return t.leases.form.dirty }

func (t *PremisesTab) draft() *recordForm { return t.leases.form }

func (t *PremisesTab) drafts() []*recordForm { return []*recordForm{t.leases.form} }

func (t *PremisesTab) restoreDraft(d data.Draft) {
	t.sub.SelectIndex(0)
	t.leases.restoreDraft(d)
}

func (t *PremisesTab) draftTitle(d data.Draft) string { return t.leases.draftTitle(d) }

func (t *PremisesTab) headingName() string { return t.leases.headingName() }
