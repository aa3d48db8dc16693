package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/ui/widgets"
)

// List is the left half of a list+form tab: a search field, a virtualised
// list fed by paged queries (never a widget per row), the count and a
// "new" button. Enter in the search opens the first match.
type List[T any] struct {
	host      Host
	Search    *widgets.Entry
	List      *widget.List
	Rows      *widgets.Pager[T]
	Count     *widget.Label
	NewButton *widget.Button
	Content   fyne.CanvasObject
	selecting bool // the list is being moved by code, not by the user
	spec      ListSpec[T]
	// OnPick runs when the user picks a row (click, or Enter in the search).
	OnPick func(T)
}

// ListSpec is what a list shows and where it reads it from.
type ListSpec[T any] struct {
	Search   string            // the search field's placeholder; "" for a list without search
	NewLabel string            // the "new" button; "" for none
	OnNew    func()            // what the "new" button does
	Filters  fyne.CanvasObject // optional, under the search field
	Fetch    func(offset, limit int) ([]T, error)
	Rows     func() (int, error) // how many rows Fetch has in all
	ID       func(T) int64
	Title    func(T) string
	Detail   func(T) string     // the row's second line; nil for one-line rows
	Count    func(n int) string // the count line under the list; nil for none
}

// NewList makes a list after spec.
func NewList[T any](h Host, spec ListSpec[T]) *List[T] {
	l := &List[T]{host: h, spec: spec}
	l.Search = widgets.NewEntry(spec.Search)
	l.Search.OnChanged = func(string) { l.Reload(0) }
	l.Search.OnEscape = func() { l.Search.SetText("") }
	l.Search.OnSubmitted = func(string) {
		if r, ok := l.Rows.Get(0); ok && l.OnPick != nil {
			l.OnPick(r)
		}
	}
	l.Count = widget.NewLabel("")
	l.Rows = widgets.NewPager(200, spec.Fetch)
	l.Rows.OnError = h.ShowError
	l.List = widget.NewList(l.Rows.Len, l.makeRow, func(id widget.ListItemID, obj fyne.CanvasObject) {
		r, _ := l.Rows.Get(id)
		if spec.Detail == nil {
			obj.(*widget.Label).SetText(spec.Title(r))
			return
		}
		box := obj.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(spec.Title(r))
		box.Objects[1].(*widget.Label).SetText(spec.Detail(r))
	})
	l.List.OnSelected = func(id widget.ListItemID) {
		if l.selecting {
			return
		}
		if r, ok := l.Rows.Get(id); ok && l.OnPick != nil {
			l.OnPick(r)
		}
	}
	var top []fyne.CanvasObject
	if spec.Search != "" {
		top = append(top, l.Search)
	}
	if spec.Filters != nil {
		top = append(top, spec.Filters)
	}
	var bottom []fyne.CanvasObject
	if spec.Count != nil {
		bottom = append(bottom, l.Count)
	}
	if spec.NewLabel != "" {
		l.NewButton = widget.NewButton(spec.NewLabel, spec.OnNew)
		bottom = append(bottom, l.NewButton)
	}
	l.Content = container.NewBorder(vbox(top), vbox(bottom), nil, nil, l.List)
	return l
}

// vbox stacks objs, or is nil when there are none (a Border leaves it out).
func vbox(objs []fyne.CanvasObject) fyne.CanvasObject {
	switch len(objs) {
	case 0:
		return nil
	case 1:
		return objs[0]
	}
	return container.NewVBox(objs...)
}

// makeRow is a list row: the title in bold over a caption, or one line.
func (l *List[T]) makeRow() fyne.CanvasObject {
	title := widget.NewLabel("Titel")
	title.Truncation = fyne.TextTruncateEllipsis
	if l.spec.Detail == nil {
		return title
	}
	title.TextStyle.Bold = true
	detail := widget.NewLabel("Detalje")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.New(layout.NewCustomPaddedVBoxLayout(-8), title, detail)
}

// Text is what is typed in the search field.
func (l *List[T]) Text() string { return l.Search.Text }

// Reload re-reads the list (after a search, a save, an archive) and marks
// the record with id current, if it is in view.
func (l *List[T]) Reload(current int64) {
	n, err := l.spec.Rows()
	if err != nil {
		l.host.ShowError(err)
		return
	}
	l.Rows.Reset(n)
	if l.spec.Count != nil {
		l.Count.SetText(l.spec.Count(n))
	}
	l.List.Refresh()
	l.Mark(current)
}

// Mark selects the row of id without reopening it; far down a long list it
// leaves the list unmarked rather than loading every page.
func (l *List[T]) Mark(id int64) {
	l.selecting = true
	defer func() { l.selecting = false }()
	if id != 0 {
		for i := 0; i < l.Rows.Len() && i < 1000; i++ {
			if r, ok := l.Rows.Get(i); ok && l.spec.ID(r) == id {
				l.List.Select(i)
				l.List.ScrollTo(i)
				return
			}
		}
	}
	l.List.UnselectAll()
}

// Names are the titles of the rows, top to bottom (for tests and the
// caseworker's eyes alike).
func (l *List[T]) Names() []string {
	var out []string
	for i := 0; i < l.Rows.Len(); i++ {
		r, _ := l.Rows.Get(i)
		out = append(out, l.spec.Title(r))
	}
	return out
}

// Slice is a Fetch over rows already in memory (a short list).
func Slice[T any](rows func() []T) func(offset, limit int) ([]T, error) {
	return func(offset, limit int) ([]T, error) {
		all := rows()
		if offset >= len(all) {
			return nil, nil
		}
		return all[offset:min(offset+limit, len(all))], nil
	}
}
