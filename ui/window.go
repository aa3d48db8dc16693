package ui

import (
	"context"
	"net/url"
	"reflect"
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
	App         fyne.App
	Win         fyne.Window
	store       *data.Store
	sealer      *agreement.Sealer // seals signed agreements; nil when the certificate could not be opened
	lazy        firstShows        // what the tabs not yet shown will read (window_lazy.go)
	Tabs        *container.AppTabs
	Overview    *OverviewTab
	Partners    *PartnersTab
	Premises    *PremisesTab
	Staffing    *StaffingTab
	Templates   *TemplatesTab
	Agreements  *AgreementsTab
	Partnership *PartnershipTab
	status      *widget.Label
	closed      atomic.Bool // set when the window closes: late draft timers stop writing
	dialog      form.Saver  // the form dialog that is open, which Ctrl+S saves
	kiosk       bool        // a signing ceremony fills the window: no menus, no shortcuts
	// openURL shows a file in the system's program for it (the PDF viewer).
	openURL func(*url.URL) error
}

// Run opens the window on the store, sealing signed agreements with
// sealer, and blocks until it is closed.
//
// Without a screen to show the window on (no X11 or Wayland display) it
// returns ErrNoScreen at once instead of crashing in the graphics library.
func Run(s *data.Store, sealer *agreement.Sealer) (err error) {
	SetupLanguage()
	defer func() {
		if r := recover(); r != nil {
			if !noScreen(r) {
				panic(r)
			}
			err = ErrNoScreen
		}
	}()
	w := Open(app.NewWithID(AppID), s, sealer)
	w.Win.ShowAndRun()
	return nil
}

// ErrNoScreen is Run's error when there is no screen to show the window
// on, in the window's language.
var ErrNoScreen error = noScreenError{}

type noScreenError struct{}

func (noScreenError) Error() string {
	return lang.X("window.noscreen", "vinduet kan ikke vises: der er ingen skærm at vise det på (ingen X11- eller Wayland-skærm); "+
		"kommandoerne virker uden skærm, se 'partnerskab help'")
}

// Open builds the window on app a as the program starts it: sized for the
// screen, offering the example on an empty database and the drafts kept
// from last time. Run shows it; the start benchmark measures it.
func Open(a fyne.App, s *data.Store, sealer *agreement.Sealer) *Window {
	w := New(a, s)
	w.sealer = sealer
	w.placeWindow()
	w.OfferDemoIfEmpty()
	w.OfferDrafts()
	return w
}

// New builds the window and its tabs on app a.
func New(a fyne.App, s *data.Store) *Window {
	w := &Window{App: a, store: s, openURL: a.OpenURL}
	w.Win = a.NewWindow("Partnerskab")
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.build(tabPartners, func() { w.Partners = newPartnersTab(w) })
	w.build(tabPremises, func() { w.Premises = newPremisesTab(w) })
	w.build(tabStaffing, func() { w.Staffing = newStaffingTab(w) })
	w.build(tabOverview, func() { w.Overview = newOverviewTab(w) })
	w.build(tabTemplates, func() { w.Templates = newTemplatesTab(w) })
	w.build(tabAgreements, func() { w.Agreements = newAgreementsTab(w) })
	w.build(tabPartnership, func() { w.Partnership = newPartnershipTab(w) })
	w.Tabs = container.NewAppTabs(
		widgets.NewTabItem(lang.X("tab.overview", "Overblik"), w.Overview.content),
		widgets.NewTabItem(lang.X("tab.partners", "Partnere"), w.Partners.Content),
		widgets.NewTabItem(lang.X("tab.premises", "Lokaler og lejemål"), w.Premises.content),
		widgets.NewTabItem(lang.X("tab.staffing", "Bemanding"), w.Staffing.content),
		widgets.NewTabItem(lang.X("tab.templates", "Skabeloner"), w.Templates.content),
		widgets.NewTabItem(lang.X("tab.agreements", "Aftaler"), w.Agreements.content),
		widgets.NewTabItem(lang.X("tab.partnership", "Samarbejde"), w.Partnership.content),
	)
	w.Tabs.SelectIndex(tabPartners)
	w.startTab(tabPartners) // the one tab on screen at start
	w.Tabs.OnSelected = func(*container.TabItem) {
		// A tab shows what the store holds when it comes to the front: the
		// figures, and every choice list (a partner or lease made a moment
		// ago in another tab is there). The first time, it reads what it
		// would have read when built.
		i := w.Tabs.SelectedIndex()
		if w.startTab(i) {
			w.focusCurrent()
			return
		}
		switch r := w.tabs()[i].(type) {
		case *StaffingTab: // its sub-tabs each re-read when selected
			r.ReloadFront()
		case *PartnershipTab:
			r.ReloadFront()
		case interface{ Reload() }:
			r.Reload()
		}
		w.focusCurrent()
	}
	w.SetStatus(lang.X("status.database", "Database: {{.Path}}", map[string]any{"Path": s.Path()}))
	w.Win.SetContent(container.NewBorder(nil, w.status, nil, nil, w.Tabs))
	w.Win.SetMainMenu(w.mainMenu())
	w.Win.SetCloseIntercept(w.confirmClose)
	w.Win.SetOnClosed(func() {
		w.closed.Store(true)
		w.keepSize()
	})
	w.Win.Canvas().SetOnTypedKey(w.typedKey)
	return w
}

// typedKey takes the keys no field took: over a dialog, Enter presses its
// main button and Esc its other one; over a form, Esc cancels the edit.
func (w *Window) typedKey(ev *fyne.KeyEvent) {
	if top := w.Win.Canvas().Overlays().Top(); top != nil {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if b := dialogButton(top, true); b != nil {
				b.OnTapped()
			}
		case fyne.KeyEscape:
			if b := dialogButton(top, false); b != nil {
				b.OnTapped()
			}
		}
		return
	}
	if ev.Name == fyne.KeyEscape {
		w.current().Cancel()
	}
}

// dialogButton finds a dialog's main button (the highlighted one) or its
// other, dismissing one.
func dialogButton(obj fyne.CanvasObject, main bool) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if !x.Disabled() && (x.Importance == widget.HighImportance) == main && x.OnTapped != nil {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		default:
			// A pop-up, a theme override, the overlay that holds a dialog:
			// each holds its inside in a field named Content.
			if v := reflect.Indirect(reflect.ValueOf(o)); v.Kind() == reflect.Struct {
				if f := v.FieldByName("Content"); f.IsValid() && f.CanInterface() {
					if c, ok := f.Interface().(fyne.CanvasObject); ok {
						walk(c)
					}
				}
			}
		}
	}
	walk(obj)
	return found
}

// editors lists the tabs that have forms, by tab index; a tab joins as
// soon as it implements form.Editor.
func (w *Window) editors() map[int]form.Editor {
	m := map[int]form.Editor{}
	for i, t := range w.tabs() {
		if e, ok := t.(form.Editor); ok {
			m[i] = e
		}
	}
	return m
}

// tabs are the tabs in their order.
func (w *Window) tabs() []any {
	return []any{w.Overview, w.Partners, w.Premises, w.Staffing, w.Templates, w.Agreements, w.Partnership}
}

// current is the selected tab's editor, or one that ignores the shortcuts.
func (w *Window) current() form.Editor {
	if w.kiosk {
		return form.None
	}
	if e, ok := w.editors()[w.Tabs.SelectedIndex()]; ok {
		return e
	}
	return form.None
}

// enterKiosk gives the window to a signing ceremony: the menus (and with
// them every shortcut) go, so that the person signing reaches nothing but
// the ceremony, and closing asks to end the ceremony first.
func (w *Window) enterKiosk() {
	w.kiosk = true
	w.Win.SetMainMenu(nil)
}

// leaveKiosk gives the window back to the caseworker.
func (w *Window) leaveKiosk() {
	w.kiosk = false
	w.Win.SetMainMenu(w.mainMenu())
}

// save saves the form dialog that is open, or the tab's form (Ctrl+S).
func (w *Window) save() {
	if w.kiosk {
		return
	}
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
		if widgets.TabContent(item) == content {
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
	form.Ask(w, lang.X("demo.title", "Tom database"),
		lang.X("demo.question", "Databasen er tom. Vil du indlæse eksemplet fra kommissoriet\n(Slagelse Kommune 2015: Bevar og Fra de varme lande i Kvarterhuset, Korsør)?"),
		lang.X("demo.load", "Indlæs eksemplet"), lang.X("demo.empty", "Start med en tom database"), w.LoadDemo)
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
	if w.kiosk {
		dialog.ShowInformation(lang.X("signing.kiosk.title", "Underskrivning i gang"),
			lang.X("signing.kiosk.close", "Afslut underskrivningen med »Afbryd (fortsæt senere)«, før programmet lukkes. Det, der er underskrevet, er gemt."), w.Win)
		return
	}
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
	form.AskEither(w, lang.X("drafts.title", "Ændringer fra sidst"),
		lang.X("drafts.question", "Der er ændringer, der ikke blev gemt sidst:\n{{.Lines}}\nVil du hente dem tilbage i formularen?",
			map[string]any{"Lines": strings.Join(lines, "\n")}),
		lang.X("drafts.restore", "Hent ændringerne tilbage"), lang.X("drafts.discard", "Kassér dem"),
		func(restore bool) {
			for form, d := range byForm {
				e := w.editorFor(form)
				if restore {
					w.startTab(w.indexOf(e)) // its first read must not blank the draft
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
		})
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

// indexOf is the index of the tab whose editor is e.
func (w *Window) indexOf(e form.Editor) int {
	for i, x := range w.editors() {
		if x == e {
			return i
		}
	}
	return tabPartners
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

// Reload re-reads every tab that has read its data, after something changed
// many records; the others read when they first come to the front.
func (w *Window) Reload() {
	for i, t := range w.tabs() {
		if w.started(i) {
			t.(interface{ Reload() }).Reload()
		}
	}
}

// ctx is the context of the window's store calls: they run to the end.
func ctx() context.Context { return context.Background() }
