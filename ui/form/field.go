package form

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// Field is one labelled input with a message line under it: an error in
// red, or a warning (a CPR-like number) as it is typed.
type Field struct {
	Name  string // the data field it edits, as in data.FieldError.Field
	Label *widget.Label
	Input fyne.CanvasObject
	Msg   *widget.Label
	Row   *fyne.Container // the input and its message
	// Nested, for a field made of fields (the rows of an agenda), puts the
	// problems named Name.N.Field on its own fields: as Show does, or as
	// Live does when live; it returns the first field it marked.
	Nested func(v *data.ValidationError, live, tried bool) *Field
	// Enable, for an input that is not one widget (a box of people, the
	// rows of an agenda), allows or forbids editing it.
	Enable func(on bool)
}

// SetEnabled allows or forbids editing the field: a record that is locked
// (archived, approved minutes) shows its values but takes no edits.
func (f *Field) SetEnabled(on bool) {
	switch in := f.Input.(type) {
	case nil:
	case fyne.Disableable:
		if on {
			in.Enable()
		} else {
			in.Disable()
		}
	}
	if f.Enable != nil {
		f.Enable(on)
	}
}

// NewField labels input; name is the form field its problems are for.
func NewField(name, label string, input fyne.CanvasObject) *Field {
	f := &Field{Name: name, Label: widget.NewLabel(label), Input: input, Msg: widget.NewLabel("")}
	f.Msg.Importance = widget.DangerImportance
	f.Msg.Wrapping = fyne.TextWrapWord
	f.Msg.Hide()
	f.Row = container.NewVBox(input, f.Msg)
	return f
}

// SetMessage shows text under the field, or hides the line when text is "".
func (f *Field) SetMessage(text string, danger bool) {
	if text == "" {
		f.Msg.Hide()
		f.Msg.SetText("")
		return
	}
	f.Msg.Importance = widget.WarningImportance
	if danger {
		f.Msg.Importance = widget.DangerImportance
	}
	f.Msg.SetText(text)
	f.Msg.Show()
}

// SetVisible shows or hides the field with its label.
func (f *Field) SetVisible(show bool) {
	if show {
		f.Label.Show()
		f.Row.Show()
	} else {
		f.Label.Hide()
		f.Row.Hide()
	}
}

// FieldSet is a form made of fields: it lays them out and puts a
// ValidationError's problems on the fields they name.
type FieldSet struct {
	Fields []*Field
	// objects are the rows as laid out: label, input, or a heading across.
	objects []fyne.CanvasObject
}

// Add lays f out as the next row.
func (s *FieldSet) Add(f *Field) *Field {
	s.Fields = append(s.Fields, f)
	s.objects = append(s.objects, f.Label, f.Row)
	return f
}

// AddHidden keeps f's messages without laying it out (a field that sits
// somewhere else, such as a date beside another field).
func (s *FieldSet) AddHidden(f *Field) *Field {
	s.Fields = append(s.Fields, f)
	return f
}

// AddRow lays out a row of its own: a heading, or two fields side by side.
func (s *FieldSet) AddRow(label, content fyne.CanvasObject) {
	s.objects = append(s.objects, label, content)
}

// Object lays the rows out in two columns, labels on the left.
func (s *FieldSet) Object() fyne.CanvasObject {
	return container.New(layout.NewFormLayout(), s.objects...)
}

// Show puts each problem on its field (and clears the others); it returns
// the first field with a problem, to focus.
func (s *FieldSet) Show(v *data.ValidationError) *Field {
	var first *Field
	for _, f := range s.Fields {
		if f.Nested != nil {
			if g := f.Nested(v, false, true); g != nil && first == nil {
				first = g
			}
			continue
		}
		p, ok := v.For(f.Name)
		if ok {
			f.SetMessage(p.Text, true)
			if first == nil {
				first = f
			}
		} else {
			f.SetMessage("", false)
		}
	}
	return first
}

// Live shows the messages of a form's own checks (err from its Parse) as
// the user types: a CPR-like number always (as a warning), every other
// problem only after a save was refused (tried), so that nobody is scolded
// for a field they have not finished.
func (s *FieldSet) Live(err error, tried bool) {
	v, _ := data.AsValidation(err)
	if v == nil {
		v = &data.ValidationError{}
	}
	for _, f := range s.Fields {
		if f.Nested != nil {
			f.Nested(v, true, tried)
			continue
		}
		if p, ok := v.For(f.Name); ok && (tried || p.Code == "cpr") {
			f.SetMessage(p.Text, tried)
		} else {
			f.SetMessage("", false)
		}
	}
}

// SetEnabled allows or forbids editing every field.
func (s *FieldSet) SetEnabled(on bool) {
	for _, f := range s.Fields {
		f.SetEnabled(on)
	}
}

// Clear hides every message.
func (s *FieldSet) Clear() {
	for _, f := range s.Fields {
		if f.Nested != nil {
			f.Nested(nil, false, false)
		}
		f.SetMessage("", false)
	}
}

// ByName finds a field.
func (s *FieldSet) ByName(name string) *Field {
	for _, f := range s.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// RefusedText is the state line of a refused save: which fields to fix,
// by the names the caseworker sees.
func RefusedText(v *data.ValidationError) string {
	var names []string
	for _, p := range v.Problems {
		if p.Label != "" && !slices.Contains(names, p.Label) {
			names = append(names, p.Label)
		}
	}
	return lang.X("form.state.refused", "Ikke gemt: ret {{.Fields}} (markeret med rødt).",
		map[string]any{"Fields": strings.Join(names, ", ")})
}
