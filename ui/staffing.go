package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// StaffingTab is a placeholder until the tab is built.
type StaffingTab struct {
	w       *Window
	content fyne.CanvasObject
}

func newStaffingTab(w *Window) *StaffingTab {
	return &StaffingTab{w: w, content: notYet(lang.X("tab.staffing.notyet", "Ikke bygget endnu."))}
}

// Reload re-reads what the tab shows.
func (t *StaffingTab) Reload() {}
