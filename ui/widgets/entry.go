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
	// Keys are other keys the form takes from the entry (Down in a search
	// field moves into its list).
	Keys map[fyne.KeyName]func()
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

// TypedKey passes Esc (and Keys) to the form; everything else is the entry's.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	if fn := e.Keys[ev.Name]; fn != nil {
		fn()
		return
	}
	e.Entry.TypedKey(ev)
}

// AcceptsTab is false even for a multi-line entry: Tab moves on to the
// next field, as in every other field of a form, instead of typing a tab
// into the notes.
func (e *Entry) AcceptsTab() bool { return false }

// FocusGained brings the entry into view when it gets the focus.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	ShowInScroll(e)
}
