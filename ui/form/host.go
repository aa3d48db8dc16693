package form

import (
	"fyne.io/fyne/v2"

	"partnerskab/data"
)

// Host is the window a register lives in: its store, where dialogs and
// errors show, and the status line.
type Host interface {
	Window() fyne.Window
	Store() *data.Store
	ShowError(error)
	SetStatus(string)
	// SetDialog tells which form dialog is open (Ctrl+S saves it); nil when none is.
	SetDialog(Saver)
	// Reload re-reads every tab, after something changed many records.
	Reload()
	// Closed tells whether the window has closed: late draft timers stop writing.
	Closed() bool
}

// Editor is what the window asks of a tab with forms: the form shortcuts
// (Ctrl+N, Ctrl+S, Ctrl+F, Esc) and the drafts it keeps.
type Editor interface {
	NewRecord()
	Save()
	FocusSearch()
	Cancel()
	Dirty() bool
	Forms() []*Form                 // the forms whose drafts the tab keeps
	RestoreDraft(d data.Draft)      // puts a kept draft back into its form
	DraftTitle(d data.Draft) string // names a kept draft's record for the caseworker
	HeadingName() string            // what the form in front is editing, for questions
}

// Saver is a form dialog that Ctrl+S saves.
type Saver interface{ Save() }
