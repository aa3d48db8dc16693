package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// AppID identifies the program to the desktop (FyneApp.toml says the same).
const AppID = "dk.partnerskab.app"

// Window is the main window: one tab per register over one store.
type Window struct {
	App      fyne.App
	Win      fyne.Window
	store    *data.Store
	Tabs     *container.AppTabs
	Partners *PartnersTab
	status   *widget.Label
}

// editor is a tab that answers the form shortcuts (Ctrl+N, Ctrl+S, Ctrl+F, Esc).
type editor interface {
	NewRecord()
	Save()
	FocusSearch()
	Cancel()
}

// Run opens the window on the store and blocks until it is closed.
func Run(s *data.Store) {
	SetupLanguage()
	a := app.NewWithID(AppID)
	w := New(a, s)
	w.Win.Resize(fyne.NewSize(1200, 780))
	w.OfferDemoIfEmpty()
	w.Win.ShowAndRun()
}

// New builds the window and its tabs on app a.
func New(a fyne.App, s *data.Store) *Window {
	w := &Window{App: a, store: s}
	w.Win = a.NewWindow("Partnerskab")
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.Partners = newPartnersTab(w)
	w.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("tab.overview", "Overblik"), notYet(lang.X("tab.overview.notyet",
			"Overblikket over mål, frister og placeringer er ikke bygget endnu."))),
		container.NewTabItem(lang.X("tab.partners", "Partnere"), w.Partners.content),
		container.NewTabItem(lang.X("tab.premises", "Lokaler og lejemål"), notYet(lang.X("tab.premises.notyet",
			"Lokaler og lejemål er ikke bygget endnu; eksemplets lokaler og lejemål ligger allerede i databasen."))),
		container.NewTabItem(lang.X("tab.staffing", "Bemanding"), notYet(lang.X("tab.staffing.notyet",
			"Bemanding (stillinger og placeringer) er ikke bygget endnu; eksemplets placeringer ligger allerede i databasen."))),
		container.NewTabItem(lang.X("tab.templates", "Skabeloner"), notYet(lang.X("tab.templates.notyet",
			"Aftaleskabeloner er ikke bygget endnu."))),
		container.NewTabItem(lang.X("tab.agreements", "Aftaler"), notYet(lang.X("tab.agreements.notyet",
			"Aftaler, underskrift og forseglet PDF er ikke bygget endnu."))),
	)
	w.Tabs.SelectIndex(1)
	w.Tabs.OnSelected = func(*container.TabItem) { w.focusCurrent() }
	w.setStatus(lang.X("status.database", "Database: {{.Path}}", map[string]any{"Path": s.Path()}))
	w.Win.SetContent(container.NewBorder(nil, w.status, nil, nil, w.Tabs))
	w.Win.SetMainMenu(w.mainMenu())
	w.Win.SetCloseIntercept(w.confirmClose)
	w.Win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			w.current().Cancel()
		}
	})
	return w
}

// current is the selected tab's editor, or one that ignores the shortcuts.
func (w *Window) current() editor {
	if w.Tabs.SelectedIndex() == 1 {
		return w.Partners
	}
	return noEditor{}
}

func (w *Window) focusCurrent() {
	if w.Tabs.SelectedIndex() == 1 {
		w.Partners.FocusSearch()
	}
}

type noEditor struct{}

func (noEditor) NewRecord()   {}
func (noEditor) Save()        {}
func (noEditor) FocusSearch() {}
func (noEditor) Cancel()      {}

func (w *Window) setStatus(text string) { w.status.SetText(text) }

// notYet is the one line a tab shows until its feature is built.
func notYet(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(l))
}

// OfferDemoIfEmpty asks, on an empty database, whether to load the example
// case from the municipal memo.
func (w *Window) OfferDemoIfEmpty() {
	empty, err := w.store.Empty(context.Background())
	if err != nil || !empty {
		return
	}
	d := dialog.NewConfirm(lang.X("demo.title", "Tom database"),
		lang.X("demo.question", "Databasen er tom. Vil du indlæse eksemplet fra kommissoriet\n(Slagelse Kommune 2015: Bevar og Fra de varme lande i Kvarterhuset, Korsør)?"),
		func(ok bool) {
			if ok {
				w.LoadDemo()
			}
		}, w.Win)
	d.SetConfirmText(lang.X("demo.load", "Indlæs eksemplet"))
	d.SetDismissText(lang.X("demo.empty", "Start med en tom database"))
	d.Show()
}

// LoadDemo loads the example case and refreshes the tabs.
func (w *Window) LoadDemo() {
	if err := w.store.LoadDemo(context.Background()); err != nil {
		w.showError(err)
		return
	}
	w.Partners.Reload()
	w.setStatus(lang.X("demo.loaded", "Eksemplet er indlæst."))
}

// confirmClose asks before closing over unsaved edits.
func (w *Window) confirmClose() {
	if !w.Partners.dirty {
		w.Win.Close()
		return
	}
	var d *dialog.CustomDialog
	cancel := widget.NewButton(lang.X("dialog.cancel", "Annullér"), func() { d.Hide() })
	discard := widget.NewButton(lang.X("close.discard", "Luk uden at gemme"), func() { d.Hide(); w.Win.Close() })
	save := widget.NewButton(lang.X("close.save", "Gem og luk"), func() {
		d.Hide()
		w.Partners.Save()
		if !w.Partners.dirty {
			w.Win.Close()
		}
	})
	save.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.X("close.title", "Ændringer er ikke gemt"),
		widget.NewLabel(lang.X("close.question", "{{.Name}} har ændringer, der ikke er gemt.",
			map[string]any{"Name": w.Partners.headingName()})), w.Win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Show()
}

func (w *Window) showError(err error) {
	dialog.ShowError(err, w.Win)
}
