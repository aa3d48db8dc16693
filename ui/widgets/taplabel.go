package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TapLabel is a wrapped line of text that does something when tapped, or
// when it has the focus and Enter or Space is pressed: a problem in a list
// that takes the cursor to where it is.
type TapLabel struct {
	widget.Label
	OnTapped func()
}

// NewTapLabel makes a wrapped label that runs tapped.
func NewTapLabel(text string, tapped func()) *TapLabel {
	l := &TapLabel{OnTapped: tapped}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

var (
	_ fyne.Tappable      = (*TapLabel)(nil)
	_ fyne.Focusable     = (*TapLabel)(nil)
	_ desktop.Cursorable = (*TapLabel)(nil)
)

func (l *TapLabel) Tapped(*fyne.PointEvent) {
	if l.OnTapped != nil {
		l.OnTapped()
	}
}

func (l *TapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }
func (l *TapLabel) FocusGained()           { ShowInScroll(l) }
func (l *TapLabel) FocusLost()             {}
func (l *TapLabel) TypedRune(rune)         {}

func (l *TapLabel) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.Tapped(nil)
	}
}
