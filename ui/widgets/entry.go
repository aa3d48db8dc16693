package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text entry that hands Esc to its form (to cancel the edit)
// instead of swallowing it.
type Entry struct {
	widget.Entry
	// OnEscape runs when Esc is pressed in the entry; nil leaves Esc to the entry.
	OnEscape func()
}

// NewEntry makes a one-line entry showing placeholder while it is empty.
func NewEntry(placeholder string) *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	return e
}

// NewMultiLineEntry makes a wrapping entry three lines high.
func NewMultiLineEntry(placeholder string) *Entry {
	e := NewEntry(placeholder)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// TypedKey passes Esc to the form; everything else is the entry's.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(ev)
}
