package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// journalRow makes the draft's journal and KLE number entries and the
// agreement it hangs under, edited with the text ("Redigér tekst") and
// saved with it: the rows above the text.
func (v *draftView) journalRow() fyne.CanvasObject {
	v.parent = newParentPicker(v.t)
	v.parent.picker.OnChanged = func(int64) { v.form.Changed() }
	v.journal = widgets.NewEntry("")
	v.journal.SetPlaceHolder(lang.X("agreements.journal.hint", "fx 15/12345"))
	v.kle = widgets.NewEntry("")
	v.kle.SetPlaceHolder(lang.X("agreements.kle.hint", "fx 27.12.00 G01"))
	var cells []fyne.CanvasObject
	for _, f := range []*form.Field{
		form.NewField("JournalNumber", lang.X("agreements.journal", "Journalnummer"), v.journal),
		form.NewField("KLE", lang.X("agreements.kle", "KLE-nummer"), v.kle),
	} {
		v.form.Fields.Add(f)
		e := f.Input.(*widgets.Entry)
		e.OnChanged = func(string) { v.form.Changed() }
		e.OnEscape = v.cancel
		cells = append(cells, container.NewBorder(nil, nil, f.Label, nil, f.Row))
	}
	parent := v.form.Fields.Add(form.NewField("ParentID", lang.X("agreements.parent", data.TreeLabel), v.parent.picker))
	return container.NewVBox(container.NewGridWithColumns(2, cells...),
		container.NewBorder(nil, nil, parent.Label, nil, parent.Row))
}
