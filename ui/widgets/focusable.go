package widgets

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Select is a drop-down that comes into view when it gets the focus.
type Select struct{ widget.Select }

// NewSelect makes a drop-down of options; changed runs on a choice.
func NewSelect(options []string, changed func(string)) *Select {
	// Fyne's own placeholder is English ("(Select one)").
	s := &Select{widget.Select{Options: options, OnChanged: changed, PlaceHolder: lang.X("select.placeholder", "(vælg)")}}
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained brings the drop-down into view.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	ShowInScroll(s)
}

// Check is a check box that comes into view when it gets the focus.
type Check struct{ widget.Check }

// NewCheck makes a check box labelled text; changed runs when it is ticked or not.
func NewCheck(text string, changed func(bool)) *Check {
	c := &Check{widget.Check{Text: text, OnChanged: changed}}
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained brings the check box into view.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	ShowInScroll(c)
}
