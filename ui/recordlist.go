package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// recordList is the left half of every list+form tab: a search field, a
// virtualised list fed by paged queries (never a widget per row), the count
// and a "new" button. Enter in the search opens the first match.
type recordList[T any] struct {
	w         *Window
	search    *entry
	list      *widget.List
	rows      *pager[T]
	count     *widget.Label
	content   fyne.CanvasObject
	selecting bool // the list is being moved by code, not by the user

	countRows func() (int, error)
	id        func(T) int64
	title     func(T) string
	detail    func(T) string
	countText func(n int) string
	// onPick runs when the user picks a row (click, or Enter in the search).
	onPick func(T)
}

type recordListSpec[T any] struct {
	placeholder string
	newLabel    string
	onNew       func()
	filters     fyne.CanvasObject // optional, under the search field
	fetch       func(offset, limit int) ([]T, error)
	countRows   func() (int, error)
	id          func(T) int64
	title       func(T) string
	detail      func(T) string
	countText   func(n int) string
	onPick      func(T)
}

func newRecordList[T any](w *Window, spec recordListSpec[T]) *recordList[T] {
	l := &recordList[T]{w: w, countRows: spec.countRows, id: spec.id, title: spec.title, detail: spec.detail,
		countText: spec.countText, onPick: spec.onPick}
	l.search = newEntry(spec.placeholder)
	l.search.OnChanged = func(string) { l.reload(0) }
	l.search.onEscape = func() { l.search.SetText("") }
	l.search.OnSubmitted = func(string) {
		if r, ok := l.rows.get(0); ok {
			l.onPick(r)
		}
	}
	l.count = widget.NewLabel("")
	l.rows = newPager(200, spec.fetch)
	l.rows.onError = w.showError
	l.list = widget.NewList(l.rows.len,
		func() fyne.CanvasObject {
			title := widget.NewLabel("Titel")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("Detalje")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.SizeName = theme.SizeNameCaptionText
			return container.New(layout.NewCustomPaddedVBoxLayout(-8), title, detail)
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			r, _ := l.rows.get(id)
			box := obj.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(l.title(r))
			box.Objects[1].(*widget.Label).SetText(l.detail(r))
		})
	l.list.OnSelected = func(id widget.ListItemID) {
		if l.selecting {
			return
		}
		if r, ok := l.rows.get(id); ok {
			l.onPick(r)
		}
	}
	top := fyne.CanvasObject(l.search)
	if spec.filters != nil {
		top = container.NewVBox(l.search, spec.filters)
	}
	newButton := widget.NewButton(spec.newLabel, spec.onNew)
	l.content = container.NewBorder(top, container.NewVBox(l.count, newButton), nil, nil, l.list)
	return l
}

// reload re-reads the list (after a search, a save, an archive) and marks
// the record with id current, if it is in view.
func (l *recordList[T]) reload(current int64) {
	n, err := l.countRows()
	if err != nil {
		l.w.showError(err)
		return
	}
	l.rows.reset(n)
	l.count.SetText(l.countText(n))
	l.list.Refresh()
	l.mark(current)
}

// mark selects the row of id without reopening it; far down a long list it
// leaves the list unmarked rather than loading every page.
func (l *recordList[T]) mark(id int64) {
	l.selecting = true
	defer func() { l.selecting = false }()
	if id != 0 {
		for i := 0; i < l.rows.len() && i < 1000; i++ {
			if r, ok := l.rows.get(i); ok && l.id(r) == id {
				l.list.Select(i)
				l.list.ScrollTo(i)
				return
			}
		}
	}
	l.list.UnselectAll()
}

func (l *recordList[T]) names() []string {
	var out []string
	for i := 0; i < l.rows.len(); i++ {
		r, _ := l.rows.get(i)
		out = append(out, l.title(r))
	}
	return out
}
