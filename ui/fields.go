package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// entry is a text entry that hands Esc to the form (to cancel the edit)
// instead of swallowing it.
type entry struct {
	widget.Entry
	onEscape func()
}

func newEntry(placeholder string) *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	return e
}

func newMultiLineEntry(placeholder string) *entry {
	e := newEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// TypedKey passes Esc to the form; everything else is the entry's.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// field is one labelled input with a message line under it: an error in
// red, or a warning (a CPR-like number) as it is typed.
type field struct {
	name  string // the data field it edits, as in data.FieldError.Field
	label *widget.Label
	input fyne.CanvasObject
	msg   *widget.Label
	row   *fyne.Container
}

func newField(name, label string, input fyne.CanvasObject) *field {
	f := &field{name: name, label: widget.NewLabel(label), input: input, msg: widget.NewLabel("")}
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.row = container.NewVBox(input, f.msg)
	return f
}

// setMessage shows text under the field, or hides the line when text is "".
func (f *field) setMessage(text string, danger bool) {
	if text == "" {
		f.msg.Hide()
		f.msg.SetText("")
		return
	}
	f.msg.Importance = widget.WarningImportance
	if danger {
		f.msg.Importance = widget.DangerImportance
	}
	f.msg.SetText(text)
	f.msg.Show()
}

func (f *field) visible(show bool) {
	if show {
		f.label.Show()
		f.row.Show()
	} else {
		f.label.Hide()
		f.row.Hide()
	}
}

// fieldSet is a form made of fields: it lays them out and puts a
// ValidationError's problems on the fields they name.
type fieldSet struct {
	fields []*field
}

func (s *fieldSet) add(f *field) *field {
	s.fields = append(s.fields, f)
	return f
}

func (s *fieldSet) object() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, f := range s.fields {
		objs = append(objs, f.label, f.row)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// show puts each problem on its field (and clears the others); it returns
// the first field with a problem, to focus.
func (s *fieldSet) show(v *data.ValidationError) *field {
	var first *field
	for _, f := range s.fields {
		p, ok := v.For(f.name)
		if ok {
			f.setMessage(p.Text, true)
			if first == nil {
				first = f
			}
		} else {
			f.setMessage("", false)
		}
	}
	return first
}

// live shows the messages of a form's own checks (err from its Parse) as
// the user types: a CPR-like number always (as a warning), every other
// problem only after a save was refused (tried), so that nobody is scolded
// for a field they have not finished.
func (s *fieldSet) live(err error, tried bool) {
	v, _ := data.AsValidation(err)
	if v == nil {
		v = &data.ValidationError{}
	}
	for _, f := range s.fields {
		if p, ok := v.For(f.name); ok && (tried || p.Code == "cpr") {
			f.setMessage(p.Text, tried)
		} else {
			f.setMessage("", false)
		}
	}
}

// refusedText is the state line of a refused save.
func refusedText(v *data.ValidationError) string {
	return lang.X("form.state.refused", "Ikke gemt: ret {{.N}} felt(er) markeret med rødt.",
		map[string]any{"N": len(v.Problems)})
}

func (s *fieldSet) clear() {
	for _, f := range s.fields {
		f.setMessage("", false)
	}
}

// byName finds a field.
func (s *fieldSet) byName(name string) *field {
	for _, f := range s.fields {
		if f.name == name {
			return f
		}
	}
	return nil
}
