package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// partyList is the new agreement's parties: a picker that adds one party
// at a time out of every active organisation, read page by page from the
// store, and the chosen ones listed in Danish order, each with a remove
// button. Only the chosen parties are held, never the whole register.
type partyList struct {
	w       *Window
	picker  *widgets.Picker
	rows    *fyne.Container
	content fyne.CanvasObject
	chosen  []data.Organisation // in Danish order
	// OnChanged runs when the user adds or removes a party.
	OnChanged func()
}

func newPartyList(w *Window) *partyList {
	l := &partyList{w: w, rows: container.NewVBox()}
	l.picker = anyOrgPicker(w, lang.X("agreements.parties.add", "Tilføj part …"), func(id int64) string {
		if l.has(id) {
			return lang.X("agreements.parties.chosen", "valgt som part")
		}
		return ""
	})
	l.picker.OnChanged = func(id int64) {
		l.picker.SetSelected(0, "")
		if l.add(id) && l.OnChanged != nil {
			l.OnChanged()
		}
	}
	l.content = container.NewVBox(l.rows, l.picker)
	return l
}

// anyOrgPicker chooses any active organisation, of whatever kind, in the
// store's Danish order; note, when it says something about a row, shows
// that under the name instead of the kind and city.
func anyOrgPicker(w *Window, placeholder string, note func(id int64) string) *widgets.Picker {
	c := context.Background()
	query := func(text string, offset, limit int) ([]widgets.PickerItem, error) {
		orgs, err := w.store.SearchOrganisations(c, data.OrgQuery{Text: text, Offset: offset, Limit: limit})
		if err != nil {
			return nil, err
		}
		out := make([]widgets.PickerItem, len(orgs))
		for i, o := range orgs {
			out[i] = widgets.PickerItem{ID: o.ID, Title: o.Name, Detail: orgDetail(o)}
			if n := note(o.ID); n != "" {
				out[i].Detail = n
			}
		}
		return out, nil
	}
	count := func(text string) (int, error) {
		return w.store.CountOrganisations(c, data.OrgQuery{Text: text})
	}
	return widgets.NewPicker(placeholder, query, count, w.ShowError)
}

// add chooses organisation id as a party; false when it already is one or
// cannot be read.
func (l *partyList) add(id int64) bool {
	if l.has(id) {
		return false
	}
	o, err := l.w.store.Organisation(ctx(), id)
	if err != nil {
		l.w.ShowError(err)
		return false
	}
	l.chosen = append(l.chosen, o)
	l.sort()
	l.show()
	return true
}

func (l *partyList) has(id int64) bool {
	return slices.ContainsFunc(l.chosen, func(o data.Organisation) bool { return o.ID == id })
}

func (l *partyList) sort() {
	slices.SortStableFunc(l.chosen, func(a, b data.Organisation) int {
		if c := dk.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
}

// set chooses exactly the active organisations among ids (a kept draft's).
func (l *partyList) set(ids []int64) {
	l.chosen = nil
	for _, id := range ids {
		if o, err := l.w.store.Organisation(ctx(), id); err == nil && !o.Archived() && !l.has(id) {
			l.chosen = append(l.chosen, o)
		}
	}
	l.sort()
	l.show()
}

// reload re-reads the chosen parties: a renamed one shows its new name, an
// archived or deleted one is no longer chosen.
func (l *partyList) reload() {
	ids := l.ids()
	l.set(ids)
}

// ids are the chosen parties, in Danish order.
func (l *partyList) ids() []int64 {
	out := make([]int64, len(l.chosen))
	for i, o := range l.chosen {
		out[i] = o.ID
	}
	return out
}

// show lists the chosen parties, each with its remove button.
func (l *partyList) show() {
	l.rows.RemoveAll()
	for _, o := range l.chosen {
		id := o.ID
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.remove(id) })
		label := widget.NewLabel(o.Name)
		label.Truncation = fyne.TextTruncateEllipsis
		l.rows.Add(container.NewBorder(nil, nil, nil, remove, label))
	}
	l.rows.Refresh()
}

// remove takes party id off the agreement.
func (l *partyList) remove(id int64) {
	l.chosen = slices.DeleteFunc(l.chosen, func(o data.Organisation) bool { return o.ID == id })
	l.show()
	if l.OnChanged != nil {
		l.OnChanged()
	}
}

// leasePicker chooses one of the active leases, in the store's order,
// found by tenant, landlord, rooms or premises.
func leasePicker(w *Window, placeholder string) *widgets.Picker {
	c := context.Background()
	query := func(text string, offset, limit int) ([]widgets.PickerItem, error) {
		ls, err := w.store.SearchLeases(c, data.LeaseQuery{Text: text, Offset: offset, Limit: limit})
		if err != nil {
			return nil, err
		}
		out := make([]widgets.PickerItem, len(ls))
		for i, le := range ls {
			out[i] = widgets.PickerItem{ID: le.ID, Title: le.Title(), Detail: le.LandlordName + " · " + dk.FormatDate(le.Start)}
		}
		return out, nil
	}
	count := func(text string) (int, error) {
		return w.store.CountLeases(c, data.LeaseQuery{Text: text})
	}
	return widgets.NewPicker(placeholder, query, count, w.ShowError)
}
