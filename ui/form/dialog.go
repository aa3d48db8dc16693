package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// DialogSpec declares a small form in a dialog (a contact person, a room).
type DialogSpec[F any] struct {
	Title  string
	Values F // what the dialog starts with
	Fields []*Binding[F]
	Parse  func(F) error           // the form's own checks, as typed
	Save   func(F) (string, error) // saves; the text is the status line after it
	Done   func()                  // after a successful save
}

// Dialog is a form in a dialog that stays open until what was typed is
// saved or the user cancels, so a refused save loses nothing.
type Dialog[F any] struct {
	host   Host
	spec   DialogSpec[F]
	Fields FieldSet
	State  *widget.Label
	dlg    *dialog.CustomDialog
	tried  bool // after a refused save, every problem shows as the user types
}

// ShowDialog opens the dialog spec declares; Ctrl+S saves it while it is open.
func ShowDialog[F any](h Host, spec DialogSpec[F]) *Dialog[F] {
	d := &Dialog[F]{host: h, spec: spec, State: widget.NewLabel("")}
	d.State.Wrapping = fyne.TextWrapWord
	values := spec.Values
	for _, b := range spec.Fields {
		b.Layout(&d.Fields)
		b.Set(&values)
		b.Watch(d.liveCheck, d.Close)
	}
	body := container.NewVBox(d.Fields.Object(), d.State)
	d.dlg = dialog.NewCustomWithoutButtons(spec.Title, container.New(&widgets.MinWidth{W: 520}, body), h.Window())
	save := widget.NewButton(lang.X("form.save.plain", "Gem"), d.Save)
	save.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.X("dialog.cancel", "Annullér"), d.Close), save})
	d.dlg.SetOnClosed(func() { h.SetDialog(nil) })
	h.SetDialog(d)
	d.dlg.Show()
	for _, f := range d.Fields.Fields {
		if fo, ok := f.Input.(fyne.Focusable); ok {
			h.Window().Canvas().Focus(fo)
			break
		}
	}
	return d
}

// Values reads the dialog's form as typed.
func (d *Dialog[F]) Values() F {
	f := d.spec.Values
	for _, b := range d.spec.Fields {
		b.Get(&f)
	}
	return f
}

// Entry is the text entry of the form field name (nil when it has none).
func (d *Dialog[F]) Entry(name string) *widgets.Entry {
	if f := d.Fields.ByName(name); f != nil {
		e, _ := f.Input.(*widgets.Entry)
		return e
	}
	return nil
}

func (d *Dialog[F]) liveCheck() {
	if d.spec.Parse != nil {
		d.Fields.Live(d.spec.Parse(d.Values()), d.tried)
	}
}

// Save saves what is typed; a refusal shows on the fields and the dialog stays.
func (d *Dialog[F]) Save() {
	status, err := d.spec.Save(d.Values())
	if v, ok := data.AsValidation(err); ok {
		d.tried = true
		d.Fields.Show(v)
		d.State.SetText(RefusedText(v))
		return
	}
	if err != nil {
		d.host.ShowError(err)
		return
	}
	d.Close()
	if status != "" {
		d.host.SetStatus(status)
	}
	if d.spec.Done != nil {
		d.spec.Done()
	}
}

// Close closes the dialog without saving.
func (d *Dialog[F]) Close() { d.dlg.Hide() }
