package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// PremisesTab is a placeholder until the tab is built.
type PremisesTab struct {
	w       *Window
	content fyne.CanvasObject
}

func newPremisesTab(w *Window) *PremisesTab {
	return &PremisesTab{w: w, content: notYet(lang.X("tab.premises.notyet", "Ikke bygget endnu."))}
}

// Reload re-reads what the tab shows.
func (t *PremisesTab) Reload() {}
