package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// OverviewTab is a placeholder until the tab is built.
type OverviewTab struct {
	w       *Window
	content fyne.CanvasObject
}

func newOverviewTab(w *Window) *OverviewTab {
	return &OverviewTab{w: w, content: notYet(lang.X("tab.overview.notyet", "Ikke bygget endnu."))}
}

// Reload re-reads what the tab shows.
func (t *OverviewTab) Reload() {}
