package ui

import (
	"context"
	"slices"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// orgPicker chooses an organisation of one of kinds (active ones), found
// with the store's own search: Danish-folded, in Danish order.
func orgPicker(w *Window, placeholder string, kinds ...data.OrgKind) *widgets.Picker {
	query, count := orgChoices(w, kinds...)
	return widgets.NewPicker(placeholder, query, count, w.ShowError)
}

// orgChoices reads and counts the active organisations of kinds that match
// a search, a page at a time, as a picker shows them.
func orgChoices(w *Window, kinds ...data.OrgKind) (widgets.PickerQuery, widgets.PickerCount) {
	ctx := context.Background()
	search := func(text string, kind data.OrgKind, offset, limit int) ([]data.Organisation, error) {
		return w.store.SearchOrganisations(ctx, data.OrgQuery{Text: text, Kind: kind, Offset: offset, Limit: limit})
	}
	query := func(text string, offset, limit int) ([]widgets.PickerItem, error) {
		var orgs []data.Organisation
		if len(kinds) == 1 {
			var err error
			if orgs, err = search(text, kinds[0], offset, limit); err != nil {
				return nil, err
			}
		} else {
			// Several kinds: the first offset+limit of each, merged in
			// Danish order, hold the page.
			for _, k := range kinds {
				page, err := search(text, k, 0, offset+limit)
				if err != nil {
					return nil, err
				}
				orgs = append(orgs, page...)
			}
			slices.SortStableFunc(orgs, func(a, b data.Organisation) int { return dk.Compare(a.Name, b.Name) })
			orgs = orgs[min(offset, len(orgs)):min(offset+limit, len(orgs))]
		}
		out := make([]widgets.PickerItem, len(orgs))
		for i, o := range orgs {
			out[i] = widgets.PickerItem{ID: o.ID, Title: o.Name, Detail: orgDetail(o)}
		}
		return out, nil
	}
	count := func(text string) (int, error) {
		total := 0
		for _, k := range kinds {
			n, err := w.store.CountOrganisations(ctx, data.OrgQuery{Text: text, Kind: k})
			if err != nil {
				return 0, err
			}
			total += n
		}
		return total, nil
	}
	return query, count
}

// chooseOrg shows organisation id as chosen in p (0 clears it), named as
// the store has it, archived or not.
func chooseOrg(w *Window, p *widgets.Picker, id int64) {
	if id == 0 {
		p.SetSelected(0, "")
		return
	}
	o, err := w.store.Organisation(context.Background(), id)
	if err != nil {
		w.ShowError(err)
		p.SetSelected(0, "")
		return
	}
	p.SetSelected(o.ID, o.Name)
}

// pickedID is the record chosen in p, or 0.
func pickedID(p *widgets.Picker) int64 {
	id, _ := p.Selected()
	return id
}

// orgName names organisation id as the store has it now (a picker's title).
func (w *Window) orgName(id int64) (string, error) {
	o, err := w.store.Organisation(context.Background(), id)
	return o.Name, err
}
