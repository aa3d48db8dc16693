package ui

import (
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// personPicker chooses one of the active contact people, found by name,
// title or organisation, in Danish order.
func personPicker(w *Window, placeholder string) *widgets.Picker {
	query := func(text string, offset, limit int) ([]widgets.PickerItem, error) {
		ps, err := w.store.SearchPeople(ctx(), text, offset, limit)
		if err != nil {
			return nil, err
		}
		out := make([]widgets.PickerItem, len(ps))
		for i, p := range ps {
			out[i] = widgets.PickerItem{ID: p.ID, Title: p.Name, Detail: joinDetail(p.Title, p.Organisation)}
		}
		return out, nil
	}
	count := func(text string) (int, error) { return w.store.CountPeople(ctx(), text) }
	return widgets.NewPicker(placeholder, query, count, w.ShowError)
}

// personLabel names a contact person as the store has them now ("Mette
// Lindholm, Center for Arbejdsmarked og Integration"), archived or not.
func (w *Window) personLabel(id int64) (string, error) {
	p, err := w.store.Person(ctx(), id)
	return p.Label(), err
}

// pickedPerson binds a person picker to an id of the form.
func pickedPerson[F any](w *Window, name, label, placeholder string, at func(*F) *int64) *form.Binding[F] {
	return form.Picked(name, label, personPicker(w, placeholder), w.personLabel, w.ShowError, at)
}

func joinDetail(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += " · "
		}
		out += p
	}
	return out
}
