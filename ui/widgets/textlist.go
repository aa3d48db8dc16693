package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NewTextList is a virtual list of one line per row, cut with an ellipsis
// when it is too long: n counts the rows, text gives row i's line.
func NewTextList(n func() int, text func(i int) string) *widget.List {
	return widget.NewList(n,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) { obj.(*widget.Label).SetText(text(id)) })
}
