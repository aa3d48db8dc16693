package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/ui/widgets"
)

// Binding ties one field's widget to one value of the form F: get reads
// the widget into the form, set shows the form's value in the widget, and
// watch connects the widget's change notice. A register reads and writes
// its form only through its bindings.
type Binding[F any] struct {
	*Field
	get   func(*F)
	set   func(*F)
	watch func(changed, escape func())
	// row is how the binding is laid out: a field row, a heading across,
	// or two fields side by side. nil lays it out as a field row.
	row func(s *FieldSet)
}

// Entry is the binding's text entry, or nil when its input is not one.
func (b *Binding[F]) Entry() *widgets.Entry {
	e, _ := b.Input.(*widgets.Entry)
	return e
}

// Get reads the widget into f.
func (b *Binding[F]) Get(f *F) {
	if b.get != nil {
		b.get(f)
	}
}

// Set shows f's value in the widget.
func (b *Binding[F]) Set(f *F) {
	if b.set != nil {
		b.set(f)
	}
}

// Layout adds the binding to s, as its row says.
func (b *Binding[F]) Layout(s *FieldSet) {
	switch {
	case b.row != nil:
		b.row(s)
	case b.Field != nil:
		s.Add(b.Field)
	}
}

// Watch connects the widget: changed runs on every edit, escape on Esc.
func (b *Binding[F]) Watch(changed, escape func()) {
	if b.watch != nil {
		b.watch(changed, escape)
	}
}

func entryBinding[F any](name, label string, e *widgets.Entry, at func(*F) *string) *Binding[F] {
	return &Binding[F]{Field: NewField(name, label, e),
		get: func(f *F) { *at(f) = e.Text },
		set: func(f *F) { e.SetText(*at(f)) },
		watch: func(changed, escape func()) {
			e.OnChanged = func(string) { changed() }
			e.OnEscape = escape
		}}
}

// Text is a one-line entry for a text of the form.
func Text[F any](name, label, hint string, at func(*F) *string) *Binding[F] {
	return entryBinding(name, label, widgets.NewEntry(hint), at)
}

// Lines is a multi-line entry for a text of the form (notes).
func Lines[F any](name, label, hint string, at func(*F) *string) *Binding[F] {
	return entryBinding(name, label, widgets.NewMultiLineEntry(hint), at)
}

// Option is one choice of a drop-down or a radio group: what it shows and
// what the form keeps.
type Option struct{ Label, Value string }

func labelOf(opts []Option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Label
		}
	}
	return ""
}

func valueOf(opts []Option, label string) string {
	for _, o := range opts {
		if o.Label == label {
			return o.Value
		}
	}
	return ""
}

func labels(opts []Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Label
	}
	return out
}

// Choice is a drop-down of fixed options for a text of the form; blank is
// the value shown when the form's is empty ("" leaves it unchosen).
func Choice[F any](name, label string, opts []Option, blank string, at func(*F) *string) *Binding[F] {
	s := widget.NewSelect(labels(opts), nil)
	return &Binding[F]{Field: NewField(name, label, s),
		get: func(f *F) { *at(f) = valueOf(opts, s.Selected) },
		set: func(f *F) {
			v := *at(f)
			if v == "" {
				v = blank
			}
			if l := labelOf(opts, v); l != "" {
				s.SetSelected(l)
			} else {
				s.ClearSelected()
			}
		},
		watch: func(changed, _ func()) { s.OnChanged = func(string) { changed() } }}
}

// Radio is a horizontal radio group of fixed options for a text of the
// form; blank is the value shown when the form's is empty.
func Radio[F any](name, label string, opts []Option, blank string, at func(*F) *string) *Binding[F] {
	r := widget.NewRadioGroup(labels(opts), nil)
	r.Horizontal = true
	r.Required = true
	return &Binding[F]{Field: NewField(name, label, r),
		get: func(f *F) { *at(f) = valueOf(opts, r.Selected) },
		set: func(f *F) {
			v := *at(f)
			if v == "" {
				v = blank
			}
			r.SetSelected(labelOf(opts, v))
		},
		watch: func(changed, _ func()) { r.OnChanged = func(string) { changed() } }}
}

// Check is a check box for a yes/no of the form.
func Check[F any](name, label, text string, at func(*F) *bool) *Binding[F] {
	c := widget.NewCheck(text, nil)
	return &Binding[F]{Field: NewField(name, label, c),
		get:   func(f *F) { *at(f) = c.Checked },
		set:   func(f *F) { c.SetChecked(*at(f)) },
		watch: func(changed, _ func()) { c.OnChanged = func(bool) { changed() } }}
}

// YesNo is a check box for a "ja"/"nej" text of the form (as the CSV files
// and the form types keep them).
func YesNo[F any](name, label, text string, at func(*F) *string) *Binding[F] {
	c := widget.NewCheck(text, nil)
	return &Binding[F]{Field: NewField(name, label, c),
		get: func(f *F) {
			*at(f) = "nej"
			if c.Checked {
				*at(f) = "ja"
			}
		},
		set:   func(f *F) { c.SetChecked(*at(f) == "ja") },
		watch: func(changed, _ func()) { c.OnChanged = func(bool) { changed() } }}
}

// Record is a drop-down of records for an id of the form; the tab fills
// its options (c.Set) from the store.
func Record[F any](name, label string, c *widgets.ChoiceSelect, at func(*F) *int64) *Binding[F] {
	return &Binding[F]{Field: NewField(name, label, c),
		get:   func(f *F) { *at(f) = c.ID() },
		set:   func(f *F) { c.Choose(*at(f)) },
		watch: func(changed, _ func()) { c.OnChanged = func(string) { changed() } }}
}

// Picked is a searchable picker for an id of the form; title names a
// record by its id, as the store has it now.
func Picked[F any](name, label string, p *widgets.Picker, title func(id int64) (string, error), onError func(error), at func(*F) *int64) *Binding[F] {
	return &Binding[F]{Field: NewField(name, label, p),
		get: func(f *F) { *at(f), _ = p.Selected() },
		set: func(f *F) {
			id := *at(f)
			if id == 0 {
				p.SetSelected(0, "")
				return
			}
			t, err := title(id)
			if err != nil {
				onError(err)
				p.SetSelected(0, "")
				return
			}
			p.SetSelected(id, t)
		},
		watch: func(changed, _ func()) { p.OnChanged = func(int64) { changed() } }}
}

// Custom binds any widget: get and set move its value, watch connects it.
func Custom[F any](name, label string, input fyne.CanvasObject, get, set func(*F), watch func(changed func())) *Binding[F] {
	return &Binding[F]{Field: NewField(name, label, input), get: get, set: set,
		watch: func(changed, _ func()) {
			if watch != nil {
				watch(changed)
			}
		}}
}

// Heading is a bold line across the form between groups of fields.
func Heading[F any](text string) *Binding[F] {
	return &Binding[F]{row: func(s *FieldSet) {
		l := widget.NewLabel(text)
		l.TextStyle.Bold = true
		s.AddRow(l, layout.NewSpacer())
	}}
}

// Pair puts two fields on one row under one label: a narrow one (a date,
// width wide) and a wide one (its reference).
func Pair[F any](label string, width float32, narrow, wide *Binding[F]) *Binding[F] {
	return &Binding[F]{Field: nil,
		get: func(f *F) { narrow.Get(f); wide.Get(f) },
		set: func(f *F) { narrow.Set(f); wide.Set(f) },
		watch: func(changed, escape func()) {
			narrow.Watch(changed, escape)
			wide.Watch(changed, escape)
		},
		row: func(s *FieldSet) {
			s.AddHidden(narrow.Field)
			s.AddHidden(wide.Field)
			s.AddRow(widget.NewLabel(label),
				container.NewBorder(nil, nil, container.New(&widgets.MinWidth{W: width}, narrow.Row), nil, wide.Row))
		}}
}

// Options are the choices of a drop-down over codes: each value shown by label.
func Options[T ~string](values []T, label func(T) string) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Label: label(v), Value: string(v)}
	}
	return out
}
