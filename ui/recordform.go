package ui

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// draftDelay is how long after the last keystroke a draft is written.
const draftDelay = 400 * time.Millisecond

// recordForm is the right half of a list+form tab and the rules every form
// follows: the heading and state line, messages on the fields, dirty
// tracking, a question before unsaved edits are left, and a draft kept in
// the database as the user types.
type recordForm struct {
	w       *Window
	heading *widget.Label
	state   *widget.Label
	fields  fieldSet

	loading    bool // the form is being filled by code
	dirty      bool
	showErrors bool // after a refused save, fields re-check as the user types

	draftForm string       // the form's name in form_drafts
	recordID  func() int64 // the record being edited; 0 for a new one
	values    func() any   // the form as typed (a data.…Form)
	parse     func() error // the form's own checks (its Parse)
	onChange  func()       // the tab's own reaction to a change

	mu         sync.Mutex
	draftTimer *time.Timer
}

func newRecordForm(w *Window, draftForm string) *recordForm {
	f := &recordForm{w: w, draftForm: draftForm}
	f.heading = widget.NewLabel("")
	f.heading.TextStyle.Bold = true
	f.heading.SizeName = "subHeadingText"
	f.state = widget.NewLabel("")
	f.state.Wrapping = fyne.TextWrapWord
	return f
}

// changed runs on every edit: it marks the form dirty, shows the CPR
// warning live (and, after a refused save, every problem), and schedules
// the draft.
func (f *recordForm) changed() {
	if f.loading {
		return
	}
	f.dirty = true
	if f.onChange != nil {
		f.onChange()
	}
	f.liveCheck()
	f.scheduleDraft()
}

func (f *recordForm) liveCheck() {
	f.fields.live(f.parse(), f.showErrors)
}

// refused shows a refused save: each problem on its field, the count in
// the state line, and the cursor in the first bad field.
func (f *recordForm) refused(v *data.ValidationError) {
	f.showErrors = true
	first := f.fields.show(v)
	f.state.SetText(refusedText(v))
	if first != nil {
		if fo, ok := first.input.(fyne.Focusable); ok {
			f.w.Win.Canvas().Focus(fo)
		}
	}
}

// accept takes a save's result the way every form does: a refused save
// puts its problems on the fields (what was typed stays), another error
// goes to a dialog, and a success forgets the draft. It tells whether the
// save went through.
func (f *recordForm) accept(err error) bool {
	if v, ok := data.AsValidation(err); ok {
		f.refused(v)
		return false
	}
	if err != nil {
		f.w.showError(err)
		return false
	}
	f.clean()
	return true
}

// clean marks the form as matching what is saved and forgets its draft.
func (f *recordForm) clean() {
	f.stopDraftTimer()
	f.dirty, f.showErrors = false, false
	f.fields.clear()
	if err := f.w.store.DeleteDraft(context.Background(), f.draftForm, f.recordID()); err != nil {
		fyne.LogError("delete draft", err)
	}
}

// fill runs set (which puts values into the widgets) without marking the
// form dirty.
func (f *recordForm) fill(set func()) {
	f.loading = true
	defer func() { f.loading = false }()
	set()
}

func (f *recordForm) scheduleDraft() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.draftTimer != nil {
		f.draftTimer.Stop()
	}
	f.draftTimer = time.AfterFunc(draftDelay, func() { fyne.Do(f.flushDraft) })
}

func (f *recordForm) stopDraftTimer() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.draftTimer != nil {
		f.draftTimer.Stop()
		f.draftTimer = nil
	}
}

// flushDraft writes the draft now (on the UI goroutine, where the widgets
// may be read).
func (f *recordForm) flushDraft() {
	f.stopDraftTimer()
	if !f.dirty || f.w.closed.Load() {
		return
	}
	if err := f.w.store.SaveDraft(context.Background(), f.draftForm, f.recordID(), f.values()); err != nil {
		fyne.LogError("save draft", err)
	}
}

// restoreDraft is how every form takes a kept draft back: the saved record
// it edits (or an empty one) is shown first, then the draft's values go
// into the widgets, dirty, with their messages, so Save and Esc work as if
// the edits had just been typed. R is the record, F its form values.
func restoreDraft[R, F any](f *recordForm, d data.Draft, load func(id int64) (R, error), fill func(R), set func(F), after func()) {
	var values F
	if json.Unmarshal(d.Data, &values) != nil {
		return
	}
	var r R
	if d.RecordID != 0 {
		var err error
		if r, err = load(d.RecordID); err != nil {
			return
		}
	}
	fill(r)
	f.fill(func() { set(values) })
	f.dirty = true
	after()
	f.liveCheck()
}

// guard runs proceed, first asking whether to discard unsaved edits; stay
// runs when the user keeps editing.
func (f *recordForm) guard(name string, proceed, stay func()) {
	if !f.dirty {
		proceed()
		return
	}
	d := dialog.NewConfirm(lang.X("form.discard.title", "Ændringer er ikke gemt"),
		lang.X("form.discard.question", "Kassér ændringerne i {{.Name}}?", map[string]any{"Name": name}),
		func(discard bool) {
			if discard {
				f.clean()
				proceed()
			} else if stay != nil {
				stay()
			}
		}, f.w.Win)
	d.SetConfirmText(lang.X("form.discard", "Kassér ændringerne"))
	d.SetDismissText(lang.X("form.keepediting", "Fortsæt redigeringen"))
	d.Show()
}

// stateLine is what a form's state line, heading and buttons follow.
type stateLine struct {
	id      int64  // 0 for a new record
	locked  string // why the record cannot be edited (archived, anonymised); "" if it can
	saved   string // for a saved record: when (or which version) it was saved
	heading string
	// archived says which way the archive button points; archive is nil
	// when the form has no such button.
	archived bool
	save     *widget.Button
	archive  *widget.Button
}

// showState is the one place that decides what the state line says and
// which buttons work: locked before dirty before saved.
func (f *recordForm) showState(st stateLine) {
	var s string
	switch {
	case st.locked != "":
		s = st.locked
	case f.dirty:
		s = lang.X("form.state.dirty", "Ændringer er ikke gemt.")
	case st.id != 0:
		s = st.saved
	}
	f.state.SetText(s)
	if st.locked != "" {
		st.save.Disable()
	} else {
		st.save.Enable()
	}
	if st.archive != nil {
		if st.archived {
			st.archive.SetText(lang.X("form.restore", "Genskab"))
		} else {
			st.archive.SetText(lang.X("form.archive", "Arkivér"))
		}
		if st.id == 0 {
			st.archive.Disable()
		} else {
			st.archive.Enable()
		}
	}
	f.heading.SetText(st.heading)
}

// savedAt is the state line of a record saved at t.
func savedAt(t time.Time) string {
	return lang.X("form.state.saved", "Sidst gemt {{.When}}.", map[string]any{"When": dk.FormatDateTime(t.Local())})
}

// archivedOn is the state line of a record archived at t.
func archivedOn(t time.Time) string {
	return lang.X("form.state.archived", "Arkiveret {{.Date}}; genskab for at redigere.", map[string]any{"Date": dk.FormatDate(t.Local())})
}

// archiveToggle is one form's archive button: what to call and what to say.
type archiveToggle struct {
	id       int64
	archived bool
	title    string // the confirm dialog's title, "Arkivér organisation"
	question string // what archiving means for this kind of record
	archive  func(id int64) error
	restore  func(id int64) error
	// refused shows a restore the store refused with a ValidationError (a
	// lease whose rooms are let again); nil shows it as an error dialog.
	refused      func(v *data.ValidationError)
	showArchived *widget.Check // unticked after a restore, so the record shows among the active
	reopen       func(id int64)
}

// toggleArchived is the rule every form's archive button follows: restore
// at once; archive only after unsaved edits are dealt with and the user has
// confirmed, since the record leaves the lists. Nothing is ever deleted.
func (f *recordForm) toggleArchived(a archiveToggle, name string) {
	if a.id == 0 {
		return
	}
	if a.archived {
		err := a.restore(a.id)
		if v, ok := data.AsValidation(err); ok && a.refused != nil {
			a.refused(v)
			return
		}
		if err != nil {
			f.w.showError(err)
			return
		}
		a.showArchived.SetChecked(false)
		a.reopen(a.id)
		return
	}
	f.guard(name, func() {
		d := dialog.NewConfirm(a.title, a.question, func(ok bool) {
			if !ok {
				return
			}
			if err := a.archive(a.id); err != nil {
				f.w.showError(err)
				return
			}
			a.reopen(a.id)
		}, f.w.Win)
		d.SetConfirmText(lang.X("form.archive", "Arkivér"))
		d.SetDismissText(lang.X("dialog.cancel", "Annullér"))
		d.Show()
	}, nil)
}
