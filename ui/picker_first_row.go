package ui

import "partnerskab/ui/widgets"

// withFirst puts a row titled first, id 0 ("Alle virksomheder", "(ingen)"),
// before the choices query reads, while nothing is searched for: picking
// it clears the picker, which then shows its placeholder.
func withFirst(first string, query widgets.PickerQuery, count widgets.PickerCount) (widgets.PickerQuery, widgets.PickerCount) {
	withRow := func(text string, offset, limit int) ([]widgets.PickerItem, error) {
		if text != "" {
			return query(text, offset, limit)
		}
		// The list's row i+1 is the store's row i.
		var out []widgets.PickerItem
		if offset == 0 {
			out = append(out, widgets.PickerItem{Title: first})
			limit--
		} else {
			offset--
		}
		page, err := query(text, offset, limit)
		return append(out, page...), err
	}
	countRow := func(text string) (int, error) {
		n, err := count(text)
		if text == "" {
			n++
		}
		return n, err
	}
	return withRow, countRow
}
