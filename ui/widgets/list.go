package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is a virtual list that the keyboard works too: the arrows move the
// highlight (as Fyne's own list does) and Enter or Space picks the row.
type List struct {
	widget.List
	highlighted widget.ListItemID
}

// NewList makes a list of length rows, made by create and filled by update.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{List: widget.List{Length: length, CreateItem: create, UpdateItem: update}}
	l.OnHighlighted = func(id widget.ListItemID) { l.highlighted = id }
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey picks the highlighted row on Enter; an already chosen row is
// picked again (the form takes the cursor).
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if n := l.Length(); l.highlighted >= 0 && l.highlighted < n {
			l.Unselect(l.highlighted)
			l.Select(l.highlighted)
		}
	default:
		l.List.TypedKey(ev)
	}
}
