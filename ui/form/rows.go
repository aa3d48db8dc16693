package form

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// RowsSpec declares the repeated part of a form (the points of an agenda,
// the action items, a grant's reporting deadlines): a slice of I inside
// the form F, each row edited by bindings of its own.
type RowsSpec[I any] struct {
	// Fields makes one row's bindings; their names are the fields of I
	// as the store names them after the row's prefix ("Title" in
	// "Items.2.Title").
	Fields func() []*Binding[I]
	// Title heads a row ("Punkt 3"); nil for rows without a heading.
	Title func(i int) string
	// Weights lays the row's fields out side by side, one weight each (the
	// action items' what, who, by when, done); nil stacks them as a form.
	Weights []float32
	Add     string   // the button that adds a row: "Tilføj punkt"
	New     func() I // a new row's values; nil: the zero I
	// Reveal brings the rows into view when a problem is put on one (the
	// inner tab they sit in).
	Reveal func()
	// Changed runs when rows are added, removed or moved, after the form
	// is marked changed (a count beside the rows).
	Changed func()
}

// row is one row as shown: its values (with what no binding edits, such
// as the id), its bindings and their fields.
type row[I any] struct {
	value    I
	bindings []*Binding[I]
	fields   FieldSet
}

// RowsEditor is the widget of a Rows binding: every row with its buttons
// to move it and take it out, and the button that adds one.
type RowsEditor[I any] struct {
	spec     RowsSpec[I]
	disabled bool
	rows     []*row[I]
	box      *fyne.Container
	add      *widget.Button
	changed  func()
	escape   func()
	Content  fyne.CanvasObject
}

// Rows binds the slice at of form F to a RowsEditor. Its problems come
// named name.N.Field; Nested puts each on its row's field.
func Rows[F, I any](name, label string, spec RowsSpec[I], at func(*F) *[]I) (*Binding[F], *RowsEditor[I]) {
	e := &RowsEditor[I]{spec: spec, box: container.NewVBox(), changed: func() {}, escape: func() {}}
	e.add = widget.NewButtonWithIcon(spec.Add, theme.ContentAddIcon(), func() {
		var v I
		if spec.New != nil {
			v = spec.New()
		}
		e.rows = append(e.rows, e.newRow(v))
		e.layout()
		e.edited()
		e.focusRow(len(e.rows) - 1)
	})
	e.Content = container.NewVBox(e.box, container.NewHBox(e.add, layout.NewSpacer()))
	f := NewField(name, label, e.Content)
	f.Nested = func(v *data.ValidationError, live, tried bool) *Field {
		return e.show(name, v, live, tried)
	}
	f.Enable = e.SetEnabled
	b := &Binding[F]{Field: f,
		get: func(form *F) { *at(form) = e.Values() },
		set: func(form *F) { e.Set(*at(form)) },
		watch: func(changed, escape func()) {
			e.changed, e.escape = changed, escape
		},
		row: func(s *FieldSet) { s.AddHidden(f) },
	}
	return b, e
}

// Values reads every row as typed.
func (e *RowsEditor[I]) Values() []I {
	out := make([]I, len(e.rows))
	for i, r := range e.rows {
		v := r.value
		for _, b := range r.bindings {
			b.Get(&v)
		}
		out[i] = v
	}
	return out
}

// Set shows items, one row each.
func (e *RowsEditor[I]) Set(items []I) {
	e.rows = e.rows[:0]
	for _, it := range items {
		e.rows = append(e.rows, e.newRow(it))
	}
	e.layout()
}

// Len is the number of rows.
func (e *RowsEditor[I]) Len() int { return len(e.rows) }

// Row is row i's field name, for tests and for focus.
func (e *RowsEditor[I]) Row(i int, name string) *Field {
	if i < 0 || i >= len(e.rows) {
		return nil
	}
	return e.rows[i].fields.ByName(name)
}

// Append adds rows with items after the last (a proposed agenda).
func (e *RowsEditor[I]) Append(items []I) {
	for _, it := range items {
		e.rows = append(e.rows, e.newRow(it))
	}
	e.layout()
	e.edited()
}

// SetEnabled allows or forbids editing the rows: adding, moving and
// removing them, and their fields.
func (e *RowsEditor[I]) SetEnabled(on bool) {
	e.disabled = !on
	if on {
		e.add.Enable()
	} else {
		e.add.Disable()
	}
	for _, r := range e.rows {
		r.fields.SetEnabled(on)
	}
	e.layout()
}

func (e *RowsEditor[I]) newRow(v I) *row[I] {
	r := &row[I]{value: v, bindings: e.spec.Fields()}
	for _, b := range r.bindings {
		b.Layout(&r.fields)
		b.Set(&v)
		b.Watch(func() { e.changed() }, func() { e.escape() })
	}
	r.fields.SetEnabled(!e.disabled)
	return r
}

func (e *RowsEditor[I]) edited() {
	e.changed()
	if e.spec.Changed != nil {
		e.spec.Changed()
	}
}

func (e *RowsEditor[I]) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(e.rows) {
		return
	}
	e.rows[i], e.rows[j] = e.rows[j], e.rows[i]
	e.layout()
	e.edited()
}

func (e *RowsEditor[I]) remove(i int) {
	e.rows = append(e.rows[:i:i], e.rows[i+1:]...)
	e.layout()
	e.edited()
}

func (e *RowsEditor[I]) focusRow(i int) {
	for _, f := range e.rows[i].fields.Fields {
		if fo, ok := f.Input.(fyne.Focusable); ok {
			if c := fyne.CurrentApp().Driver().CanvasForObject(f.Input); c != nil {
				c.Focus(fo)
			}
			widgets.ShowInScroll(f.Row)
			return
		}
	}
}

// layout lays every row out again (after a row came, went or moved).
func (e *RowsEditor[I]) layout() {
	objs := make([]fyne.CanvasObject, 0, len(e.rows))
	for i, r := range e.rows {
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(i, 1) })
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.remove(i) })
		if i == 0 {
			up.Disable()
		}
		if i == len(e.rows)-1 {
			down.Disable()
		}
		if e.disabled {
			up.Disable()
			down.Disable()
			remove.Disable()
		}
		buttons := container.NewHBox(up, down, remove)
		var body fyne.CanvasObject
		if e.spec.Weights != nil {
			cells := make([]fyne.CanvasObject, len(r.fields.Fields))
			for k, f := range r.fields.Fields {
				placeHolder(f.Input, f.Label.Text)
				cells[k] = f.Row
			}
			body = container.NewBorder(nil, nil, nil, buttons, container.New(&widgets.Weighted{Weights: e.spec.Weights}, cells...))
		} else {
			title := widget.NewLabel("")
			if e.spec.Title != nil {
				title.SetText(e.spec.Title(i))
			}
			title.TextStyle.Bold = true
			body = container.NewVBox(container.NewBorder(nil, nil, title, buttons), r.fields.Object(), widget.NewSeparator())
		}
		objs = append(objs, body)
	}
	e.box.Objects = objs
	e.box.Refresh()
}

// show puts the problems named prefix.N.Field on row N's fields (live:
// as typed, only the CPR warnings until a save was tried); it returns the
// first field it marked.
func (e *RowsEditor[I]) show(prefix string, v *data.ValidationError, live, tried bool) *Field {
	var first *Field
	for i, r := range e.rows {
		sub := &data.ValidationError{}
		p := fmt.Sprintf("%s.%d.", prefix, i)
		if v != nil {
			for _, fe := range v.Problems {
				if rest, ok := strings.CutPrefix(fe.Field, p); ok {
					fe.Field = rest
					sub.Problems = append(sub.Problems, fe)
				}
			}
		}
		if live {
			r.fields.Live(sub, tried)
			continue
		}
		if f := r.fields.Show(sub); f != nil && first == nil {
			first = f
		}
	}
	if first != nil && e.spec.Reveal != nil {
		e.spec.Reveal()
	}
	return first
}

// placeHolder names a field of a row laid out in a line inside its input,
// since the line has no room for labels.
func placeHolder(input fyne.CanvasObject, label string) {
	switch in := input.(type) {
	case *widgets.Entry:
		if in.PlaceHolder == "" {
			in.SetPlaceHolder(label)
		}
	case *widgets.Picker:
		if in.PlaceHolder == "" {
			in.PlaceHolder = label
			in.Refresh()
		}
	}
}
