package form

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// Spec declares one register: its record type R, its form type F (the
// data.…Form with its Parse), the fields, the store's functions and what
// its list shows. Only Fields, ID, Values, Read, Save and List are needed;
// the rest adds to or replaces what every register does.
type Spec[R, F any] struct {
	Name    string         // the register's name, for a draft whose record is gone ("Partnere")
	Draft   string         // the name of its drafts in form_drafts; "" keeps none
	New     string         // the heading of a new record ("Ny organisation")
	Heading func(R) string // the heading of a saved record
	ID      func(R) int64
	Values  func(R) F                                      // the form showing record R (a new record: its defaults)
	Parse   func(F) error                                  // the form's own checks, as typed (ParseOf)
	Read    func(ctx context.Context, id int64) (R, error) // the store's read
	Save    func(ctx context.Context, f F) (R, error)      // the store's save
	Updated func(R) time.Time                              // when R was last saved, for the state line
	Saved   func(R) string                                 // the status line after a save; nil: "… er gemt 14.31."
	State   func(R) string                                 // the state line of a saved record; nil: "Sidst gemt …"
	Locked  func(R) string                                 // why R cannot be edited ("" if it can); archived records are locked
	Blank   func() R                                       // the record Ctrl+N starts from; nil: the zero record
	Fields  []*Binding[F]
	List    ListSpec[R]
	Archive *Archiving[R] // nil: no archive button
	CSV     string        // the CSV kind for the list's import/export buttons; "" for none

	// Choices re-reads the form's drop-downs from the store before R is
	// shown (keeping R's own choices even if archived).
	Choices func(R)
	// Refresh recomputes what the tab derives from the form as typed (a
	// live box, which fields show); it runs after every edit and fill.
	Refresh func()
	// OnFill is the tab's own part of showing a saved record (its contacts).
	OnFill func(R)
	// OnSaved runs after a save went through, with the record as saved.
	OnSaved func(R)
	// OnRefused runs when a save is refused, before the problems show.
	OnRefused func()
	// OnReload runs after the list was read anew (a sum beside it).
	OnReload func()

	Layout Layout[R, F] // nil: Standard
}

// Archiving is a register's archive button: what it calls and says.
type Archiving[R any] struct {
	At       func(R) time.Time // when R was archived; zero while it is active
	Title    string            // the confirm dialog's title, "Arkivér organisation"
	Question func(R) string    // what archiving means for this record
	Archive  func(ctx context.Context, id int64) error
	Restore  func(ctx context.Context, id int64) error
	// Refused shows a restore the store refused with a ValidationError (a
	// lease whose rooms are let again); nil puts it on the fields.
	Refused func(v *data.ValidationError)
}

// Register is one declared register: its list, its form and the buttons,
// working the same way in every tab.
type Register[R, F any] struct {
	host Host
	spec Spec[R, F]

	List          *List[R]
	Form          *Form
	SaveButton    *widget.Button
	CancelButton  *widget.Button
	ArchiveButton *widget.Button // nil without archiving
	ShowArchived  *widget.Check  // nil without archiving
	Original      R              // as saved; the zero R (ID 0) for a new one
	Content       fyne.CanvasObject
}

// NewRegister builds the register spec declares, in host h.
func NewRegister[R, F any](h Host, spec Spec[R, F]) *Register[R, F] {
	r := &Register[R, F]{host: h, spec: spec}
	r.Form = New(h, spec.Draft)
	r.Form.RecordID = func() int64 { return spec.ID(r.Original) }
	r.Form.Values = func() any { return r.Values() }
	r.Form.Parse = func() error {
		if spec.Parse == nil {
			return nil
		}
		return spec.Parse(r.Values())
	}
	r.Form.OnChange = func() {
		r.showState()
		r.refresh()
	}
	for _, b := range spec.Fields {
		b.Layout(&r.Form.Fields)
		b.Watch(r.Form.Changed, r.Cancel)
	}
	r.SaveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), r.Save)
	r.SaveButton.Importance = widget.HighImportance
	r.CancelButton = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), r.Cancel)
	ls := spec.List
	if ls.OnNew == nil {
		ls.OnNew = r.NewRecord
	}
	if spec.Archive != nil {
		r.ArchiveButton = widget.NewButton(lang.X("form.archive", "Arkivér"), r.toggleArchived)
		r.ShowArchived = widget.NewCheck(lang.X("form.showarchived", "Vis arkiverede"), func(bool) { r.Reload() })
	}
	layout := spec.Layout
	if layout == nil {
		layout = Standard[R, F]()
	}
	r.List = NewList(h, layout.list(r, ls))
	r.List.OnPick = r.pick
	r.Content = layout.content(r)
	return r
}

// Start reads the list and shows an empty form; the tab calls it once its
// own parts (which the spec's functions use) are in place.
func (r *Register[R, F]) Start() {
	r.Reload()
	r.fill(r.blank())
}

// Archived tells whether the list shows the archived records instead of the active.
func (r *Register[R, F]) Archived() bool { return r.ShowArchived != nil && r.ShowArchived.Checked }

// Values reads the form as typed: the record shown, with what the fields hold.
func (r *Register[R, F]) Values() F {
	f := r.spec.Values(r.Original)
	for _, b := range r.spec.Fields {
		b.Get(&f)
	}
	return f
}

// SetValues puts form values into the widgets, without marking the form dirty.
func (r *Register[R, F]) SetValues(f F) {
	r.Form.Fill(func() {
		for _, b := range r.spec.Fields {
			b.Set(&f)
		}
	})
	r.refresh()
}

// Field is the field that edits the form field name.
func (r *Register[R, F]) Field(name string) *Field { return r.Form.Fields.ByName(name) }

// Entry is the text entry of the form field name (nil when it has none).
func (r *Register[R, F]) Entry(name string) *widgets.Entry {
	if f := r.Field(name); f != nil {
		e, _ := f.Input.(*widgets.Entry)
		return e
	}
	return nil
}

func (r *Register[R, F]) refresh() {
	if r.spec.Refresh != nil {
		r.spec.Refresh()
	}
}

func (r *Register[R, F]) blank() R {
	if r.spec.Blank != nil {
		return r.spec.Blank()
	}
	var zero R
	return zero
}

func (r *Register[R, F]) id() int64 { return r.spec.ID(r.Original) }

// locked says why the record shown cannot be edited, or "".
func (r *Register[R, F]) locked() string {
	if r.spec.Locked != nil {
		if s := r.spec.Locked(r.Original); s != "" {
			return s
		}
	}
	if a := r.spec.Archive; a != nil && !a.At(r.Original).IsZero() {
		return ArchivedOn(a.At(r.Original))
	}
	return ""
}

func (r *Register[R, F]) showState() {
	st := State{ID: r.id(), Heading: r.HeadingName(), Locked: r.locked(), Save: r.SaveButton, Archive: r.ArchiveButton}
	switch {
	case st.ID == 0:
	case r.spec.State != nil:
		st.Saved = r.spec.State(r.Original)
	case r.spec.Updated != nil:
		st.Saved = SavedAt(r.spec.Updated(r.Original))
	}
	if a := r.spec.Archive; a != nil {
		st.Archived = !a.At(r.Original).IsZero()
	}
	r.Form.ShowState(st)
}

// fill shows a saved (or new, empty) record, not dirty.
func (r *Register[R, F]) fill(rec R) {
	r.Original = rec
	if r.spec.Choices != nil {
		r.Form.Fill(func() { r.spec.Choices(rec) })
	}
	r.SetValues(r.spec.Values(rec))
	r.Form.Reset()
	r.showState()
	r.Form.Fields.SetEnabled(r.locked() == "")
	if r.spec.OnFill != nil {
		r.spec.OnFill(rec)
	}
}

// Open loads saved record id into the form, marked in the list.
func (r *Register[R, F]) Open(id int64) {
	rec, err := r.spec.Read(context.Background(), id)
	if err != nil {
		r.host.ShowError(err)
		return
	}
	r.fill(rec)
	r.List.Mark(id)
}

// Refill throws the form's edits away and shows record id as the store
// has it now, or an empty form when it is gone (deleted by another part of
// the window): an anonymised record must not keep its old text, nor write
// it back as a draft.
func (r *Register[R, F]) Refill(id int64) {
	r.Form.Clean()
	rec, err := r.spec.Read(context.Background(), id)
	if err != nil {
		rec = r.blank()
	}
	r.fill(rec)
}

// RenewBlank shows a new record's defaults again (a choice that just
// appeared in the store) when the form shows an untouched new record.
func (r *Register[R, F]) RenewBlank() {
	if r.id() == 0 && !r.Form.Dirty() {
		r.fill(r.blank())
	}
}

// Show opens record id, first asking about unsaved edits (the overview's
// rows and other tabs' links call it).
func (r *Register[R, F]) Show(id int64) {
	if id == r.id() {
		return
	}
	r.Form.Guard(r.HeadingName(), func() { r.Open(id) }, nil)
}

// pick opens the row the user picked in the list.
func (r *Register[R, F]) pick(rec R) {
	if r.spec.ID(rec) == r.id() {
		r.focusFirst()
		return
	}
	r.Form.Guard(r.HeadingName(), func() {
		r.Open(r.spec.ID(rec))
		if r.host.Window().Canvas().Focused() == r.List.Search {
			r.focusFirst() // Enter in the search goes on into the form
		}
	}, func() { r.List.Mark(r.id()) })
}

// focusFirst puts the cursor in the form's first field.
func (r *Register[R, F]) focusFirst() {
	for _, f := range r.Form.Fields.Fields {
		if fo, ok := f.Input.(fyne.Focusable); ok && f.Row.Visible() {
			r.host.Window().Canvas().Focus(fo)
			return
		}
	}
}

// Reload re-reads the list and the form's choices (after a search, a
// save, an archive, or another tab's change).
func (r *Register[R, F]) Reload() {
	if r == nil || r.List == nil { // a filter set before the register was built
		return
	}
	if r.List == nil {
		return
	}
	r.List.Reload(r.id())
	if r.spec.Choices != nil {
		r.Form.Fill(func() { r.spec.Choices(r.Original) })
	}
	if r.spec.OnReload != nil {
		r.spec.OnReload()
	}
}

// NewRecord starts a new record (Ctrl+N).
func (r *Register[R, F]) NewRecord() { r.NewFrom(r.blank()) }

// NewFrom starts a new record from rec (with what is already chosen).
func (r *Register[R, F]) NewFrom(rec R) {
	r.Form.Guard(r.HeadingName(), func() {
		r.fill(rec)
		r.List.Mark(0)
		r.focusFirst()
	}, nil)
}

// Save saves the form (Ctrl+S). A refused save keeps every typed value and
// puts each problem on its field.
func (r *Register[R, F]) Save() {
	if r.locked() != "" {
		return
	}
	rec, err := r.spec.Save(context.Background(), r.Values())
	if _, refused := data.AsValidation(err); refused && r.spec.OnRefused != nil {
		r.spec.OnRefused()
	}
	if !r.Form.Accept(err) { // on success it forgets the draft of the record as it was (0 for a new one)
		return
	}
	r.fill(rec)
	r.Reload()
	if r.spec.OnSaved != nil {
		r.spec.OnSaved(rec)
	}
	if r.spec.Saved != nil {
		r.host.SetStatus(r.spec.Saved(rec))
	} else {
		r.host.SetStatus(lang.X("form.saved", "{{.Name}} er gemt {{.When}}.",
			map[string]any{"Name": r.spec.Heading(rec), "When": time.Now().Format("15.04")}))
	}
}

// Cancel throws away unsaved edits (Esc) and shows what is saved, once the
// caseworker has said so: Esc is easily pressed by mistake in a long form.
func (r *Register[R, F]) Cancel() {
	r.Form.Guard(r.HeadingName(), func() { r.fill(r.Original) }, nil)
}

// FocusSearch moves the cursor to the search field (Ctrl+F).
func (r *Register[R, F]) FocusSearch() {
	if r.List.Search.Visible() && r.spec.List.Search != "" {
		r.host.Window().Canvas().Focus(r.List.Search)
	}
}

// Dirty tells whether the form holds unsaved edits.
func (r *Register[R, F]) Dirty() bool { return r.Form.Dirty() }

// Forms is the register's form, whose drafts it keeps.
func (r *Register[R, F]) Forms() []*Form { return []*Form{r.Form} }

// RestoreDraft puts a kept draft back into the form, dirty, so the user
// can save it or throw it away.
func (r *Register[R, F]) RestoreDraft(d data.Draft) {
	read := func(id int64) (R, error) { return r.spec.Read(context.Background(), id) }
	RestoreDraft(r.Form, d, read, r.fill, r.SetValues, func() {
		r.showState()
		r.refresh()
		r.List.Mark(d.RecordID)
	})
}

// DraftTitle names a kept draft's record for the caseworker.
func (r *Register[R, F]) DraftTitle(d data.Draft) string {
	if d.RecordID == 0 {
		return r.spec.New
	}
	if rec, err := r.spec.Read(context.Background(), d.RecordID); err == nil {
		return r.spec.Heading(rec)
	}
	return r.spec.Name
}

// HeadingName is what the form is editing: the record's heading, or the
// heading of a new one.
func (r *Register[R, F]) HeadingName() string {
	if r.id() == 0 {
		return r.spec.New
	}
	return r.spec.Heading(r.Original)
}

// toggleArchived is the rule every archive button follows: restore at
// once; archive only after unsaved edits are dealt with and the user has
// confirmed, since the record leaves the lists. Nothing is ever deleted.
func (r *Register[R, F]) toggleArchived() {
	a, id := r.spec.Archive, r.id()
	if a == nil || id == 0 {
		return
	}
	reopen := func() {
		r.Open(id)
		r.Reload()
	}
	if !a.At(r.Original).IsZero() {
		err := a.Restore(context.Background(), id)
		if v, ok := data.AsValidation(err); ok {
			if a.Refused != nil {
				a.Refused(v)
			} else {
				r.Form.Fields.Show(v)
				r.Form.SetState(lang.X("form.restore.refused", "Kan ikke genskabes: {{.Text}}",
					map[string]any{"Text": v.Problems[0].Text}))
			}
			return
		}
		if err != nil {
			r.host.ShowError(err)
			return
		}
		r.ShowArchived.SetChecked(false) // the record shows among the active again
		reopen()
		r.host.SetStatus(lang.X("form.restored", "{{.Name}} er genskabt.", map[string]any{"Name": r.HeadingName()}))
		return
	}
	r.Form.Guard(r.HeadingName(), func() {
		ConfirmArchive(r.host, a.Title, a.Question(r.Original), func() {
			if err := a.Archive(context.Background(), id); err != nil {
				r.host.ShowError(err)
				return
			}
			reopen()
			r.host.SetStatus(lang.X("form.archived", "{{.Name}} er arkiveret; den findes under »Vis arkiverede«.", map[string]any{"Name": r.HeadingName()}))
		})
	}, nil)
}

// ConfirmArchive asks before a record is archived (it leaves the lists),
// and runs archive when the caseworker confirms.
func ConfirmArchive(h Host, title, question string, archive func()) {
	Ask(h, title, question, lang.X("form.archive", "Arkivér"), lang.X("dialog.cancel", "Annullér"), archive)
}

// Ask puts a question with two answers, yes (the main button, Enter) and
// no (Esc), and runs do when the answer is yes.
func Ask(h Host, title, question, yes, no string, do func()) {
	AskEither(h, title, question, yes, no, func(ok bool) {
		if ok {
			do()
		}
	})
}

// AskEither is Ask with a reply for either answer.
func AskEither(h Host, title, question, yes, no string, answer func(yes bool)) {
	d := dialog.NewConfirm(title, question, answer, h.Window())
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	d.Show()
}

// ParseOf is a form type's Parse as a register's Parse: only the problems count.
func ParseOf[P any, F interface{ Parse() (P, error) }](f F) error {
	_, err := f.Parse()
	return err
}

// AskWhich puts a question with several answers besides cancelling (Esc):
// answer gets the index of the one chosen; the first is the main one
// (Enter).
func AskWhich(h Host, title, question string, answers []string, answer func(i int)) {
	text := widget.NewLabel(question)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	buttons := []fyne.CanvasObject{widget.NewButton(lang.X("dialog.cancel", "Annullér"), func() { d.Hide() })}
	for i, a := range answers {
		b := widget.NewButton(a, func() {
			d.Hide()
			answer(i)
		})
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
	}
	d = dialog.NewCustomWithoutButtons(title, container.New(&widgets.MinWidth{W: 420}, text), h.Window())
	d.SetButtons(buttons)
	d.Show()
}
