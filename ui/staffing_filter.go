package ui

import (
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// enterpriseFilter is Bemanding's choice of the enterprise whose records the
// list shows: a picker over the active enterprises, read page by page, whose
// first row (while nothing is searched for) is "Alle virksomheder", id 0.
func enterpriseFilter(w *Window) *widgets.Picker {
	all := lang.X("staffing.allenterprises", "Alle virksomheder")
	query, count := orgChoices(w, data.KindEnterprise)
	query, count = withFirst(all, query, count)
	return widgets.NewPicker(all, query, count, w.ShowError)
}

// refreshFilter re-reads the chosen enterprise's name; one archived or
// deleted since is no longer chosen, and the filter shows all again.
func refreshFilter(w *Window, p *widgets.Picker) {
	id := pickedID(p)
	if id == 0 {
		return
	}
	o, err := w.store.Organisation(ctx(), id)
	if err != nil || o.Archived() {
		p.SetSelected(0, "")
		return
	}
	p.SetSelected(o.ID, o.Name)
}
