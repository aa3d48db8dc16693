package ui

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// AppID identifies the program to the desktop (FyneApp.toml says the same).
const AppID = "dk.partnerskab.app"

// Window is the main window: one tab per register over one store.
type Window struct {
	App        fyne.App
	Win        fyne.Window
	store      *data.Store
	sealer     *agreement.Sealer // seals signed agreements; nil when the certificate could not be opened
	Tabs       *container.AppTabs
	Overview   *OverviewTab
	Partners   *PartnersTab
	Premises   *PremisesTab
	Staffing   *StaffingTab
	Templates  *TemplatesTab
	Agreements *AgreementsTab
	status     *widget.Label
	closed     atomic.Bool // set when the window closes: late draft timers stop writing
	dialog     form.Saver  // the form dialog that is open, which Ctrl+S saves
}

// Run opens the window on the store, sealing signed agreements with
// sealer, and blocks until it is closed.
func Run(s *data.Store, sealer *agreement.Sealer) {
	SetupLanguage()
	a := app.NewWithID(AppID)
	w := New(a, s)
	w.sealer = sealer
	w.Win.Resize(fyne.NewSize(1200, 780))
	w.OfferDemoIfEmpty()
	w.OfferDrafts()
	w.Win.ShowAndRun()
}

// New builds the window and its tabs on app a.
func New(a fyne.App, s *data.Store) *Window {
	w := &Window{App: a, store: s}
	w.Win = a.NewWindow("Partnerskab")
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.Partners = newPartnersTab(w)
	w.Premises = newPremisesTab(w)
	w.Staffing = newStaffingTab(w)
	w.Overview = newOverviewTab(w)
	w.Templates = newTemplatesTab(w)
	w.Agreements = newAgreementsTab(w)
	w.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("tab.overview", "Overblik"), w.Overview.content),
		container.NewTabItem(lang.X("tab.partners", "Partnere"), w.Partners.Content),
		container.NewTabItem(lang.X("tab.premises", "Lokaler og lejemål"), w.Premises.content),
		container.NewTabItem(lang.X("tab.staffing", "Bemanding"), w.Staffing.content),
		container.NewTabItem(lang.X("tab.templates", "Skabeloner"), w.Templates.content),
		container.NewTabItem(lang.X("tab.agreements", "Aftaler"), w.Agreements.content),
	)
	w.Tabs.SelectIndex(1)
	w.Tabs.OnSelected = func(*container.TabItem) {
		if w.Tabs.SelectedIndex() == 0 {
			w.Overview.Reload() // the figures follow what the other tabs saved
		}
		w.focusCurrent()
	}
	w.SetStatus(lang.X("status.database", "Database: {{.Path}}", map[string]any{"Path": s.Path()}))
	w.Win.SetContent(container.NewBorder(nil, w.status, nil, nil, w.Tabs))
	w.Win.SetMainMenu(w.mainMenu())
	w.Win.SetCloseIntercept(w.confirmClose)
	w.Win.SetOnClosed(func() { w.closed.Store(true) })
	w.Win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			w.current().Cancel()
		}
	})
	return w
}

// editors lists the tabs that have forms, by tab index; a tab joins as
// soon as it implements form.Editor.
func (w *Window) editors() map[int]form.Editor {
	m := map[int]form.Editor{}
	for i, t := range []any{w.Overview, w.Partners, w.Premises, w.Staffing, w.Templates, w.Agreements} {
		if e, ok := t.(form.Editor); ok {
			m[i] = e
		}
	}
	return m
}

// current is the selected tab's editor, or one that ignores the shortcuts.
func (w *Window) current() form.Editor {
	if e, ok := w.editors()[w.Tabs.SelectedIndex()]; ok {
		return e
	}
	return form.None
}

// save saves the form dialog that is open, or the tab's form (Ctrl+S).
func (w *Window) save() {
	if w.dialog != nil {
		w.dialog.Save()
		return
	}
	w.current().Save()
}

// showTab brings the tab whose content is content to the front.
func (w *Window) showTab(content fyne.CanvasObject) {
	if w.Tabs == nil {
		return
	}
	for _, item := range w.Tabs.Items {
		if item.Content == content {
			w.Tabs.Select(item)
		}
	}
}

func (w *Window) focusCurrent() { w.current().FocusSearch() }

// The window is the host of every register (form.Host).

func (w *Window) Window() fyne.Window    { return w.Win }
func (w *Window) Store() *data.Store     { return w.store }
func (w *Window) SetStatus(text string)  { w.status.SetText(text) }
func (w *Window) ShowError(err error)    { dialog.ShowError(err, w.Win) }
func (w *Window) Closed() bool           { return w.closed.Load() }
func (w *Window) SetDialog(d form.Saver) { w.dialog = d }

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
	if err := agreement.LoadDemo(context.Background(), w.store); err != nil {
		w.ShowError(err)
		return
	}
	w.Reload()
	w.SetStatus(lang.X("demo.loaded", "Eksemplet er indlæst."))
}

// confirmClose asks, before closing over unsaved edits, whether to keep
// them as drafts (offered again at the next start) or throw them away.
func (w *Window) confirmClose() {
	var dirty []*form.Form
	var names []string
	for i := 0; i < len(w.Tabs.Items); i++ {
		e, ok := w.editors()[i]
		if !ok || !e.Dirty() {
			continue
		}
		for _, f := range e.Forms() {
			if f.Dirty() {
				dirty = append(dirty, f)
			}
		}
		names = append(names, e.HeadingName()+" ("+w.Tabs.Items[i].Text+")")
	}
	if len(dirty) == 0 {
		w.Win.Close()
		return
	}
	var d *dialog.CustomDialog
	cancel := widget.NewButton(lang.X("dialog.cancel", "Annullér"), func() { d.Hide() })
	discard := widget.NewButton(lang.X("close.discard", "Kassér ændringerne og luk"), func() {
		d.Hide()
		for _, f := range dirty {
			f.Clean()
		}
		w.Win.Close()
	})
	keep := widget.NewButton(lang.X("close.keep", "Behold dem og luk"), func() {
		d.Hide()
		for _, f := range dirty {
			f.FlushDraft()
		}
		w.Win.Close()
	})
	keep.Importance = widget.HighImportance
	text := widget.NewLabel(lang.X("close.question", "Ændringer, der ikke er gemt: {{.Names}}.\nBeholder du dem, tilbydes de igen, næste gang programmet åbner.",
		map[string]any{"Names": strings.Join(names, ", ")}))
	text.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(lang.X("close.title", "Ændringer er ikke gemt"), container.New(&widgets.MinWidth{W: 480}, text), w.Win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, keep})
	d.Show()
}

// OfferDrafts offers the edits kept from last time back, newest first per
// form: after a crash, a dead battery or a close with "keep".
func (w *Window) OfferDrafts() {
	drafts, err := w.store.Drafts(context.Background())
	if err != nil || len(drafts) == 0 {
		return
	}
	byForm := map[string]data.Draft{}
	var lines []string
	for _, d := range drafts {
		if _, seen := byForm[d.Form]; seen {
			continue
		}
		if w.editorFor(d.Form) == nil {
			continue
		}
		byForm[d.Form] = d
		lines = append(lines, "• "+w.draftTitle(d)+", "+dk.FormatDateTime(d.UpdatedAt.Local()))
	}
	if len(byForm) == 0 {
		return
	}
	dlg := dialog.NewConfirm(lang.X("drafts.title", "Ændringer fra sidst"),
		lang.X("drafts.question", "Der er ændringer, der ikke blev gemt sidst:\n{{.Lines}}\nVil du hente dem tilbage i formularen?",
			map[string]any{"Lines": strings.Join(lines, "\n")}),
		func(restore bool) {
			for form, d := range byForm {
				e := w.editorFor(form)
				if restore {
					e.RestoreDraft(d)
				} else if err := w.store.DeleteDraft(context.Background(), d.Form, d.RecordID); err != nil {
					w.ShowError(err)
				}
			}
			if restore {
				for i := 0; i < len(w.Tabs.Items); i++ {
					if e, ok := w.editors()[i]; ok && w.keepsDraftsOf(e, byForm) {
						w.Tabs.SelectIndex(i)
						break
					}
				}
			}
		}, w.Win)
	dlg.SetConfirmText(lang.X("drafts.restore", "Hent ændringerne tilbage"))
	dlg.SetDismissText(lang.X("drafts.discard", "Kassér dem"))
	dlg.Show()
}

func (w *Window) editorFor(name string) form.Editor {
	for _, e := range w.editors() {
		for _, f := range e.Forms() {
			if f.Draft == name {
				return e
			}
		}
	}
	return nil
}

func (w *Window) keepsDraftsOf(e form.Editor, byForm map[string]data.Draft) bool {
	for _, f := range e.Forms() {
		if _, ok := byForm[f.Draft]; ok {
			return true
		}
	}
	return false
}

// draftTitle names a draft for the caseworker: the record it edits.
func (w *Window) draftTitle(d data.Draft) string {
	if e := w.editorFor(d.Form); e != nil {
		return e.DraftTitle(d)
	}
	return d.Form
}

// Reload re-reads every tab, after something changed many records.
func (w *Window) Reload() {
	w.Partners.Reload()
	w.Premises.Reload()
	w.Staffing.Reload()
	w.Overview.Reload()
	w.Templates.Reload()
	w.Agreements.Reload()
}

// ctx is the context of the window's store calls: they run to the end.
func ctx() context.Context { return context.Background() }
