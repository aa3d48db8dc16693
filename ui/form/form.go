package form

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// DraftDelay is how long after the last keystroke a draft is written.
const DraftDelay = 400 * time.Millisecond

// Form is the rules every form follows: the heading and state line,
// messages on the fields, dirty tracking, a question before unsaved edits
// are left, and a draft kept in the database as the user types.
type Form struct {
	host    Host
	Heading *widget.Label
	State   *widget.Label
	Fields  FieldSet

	// Loading is set while code fills the widgets: what it sets is no edit.
	Loading    bool
	dirty      bool
	showErrors bool // after a refused save, fields re-check as the user types

	// Draft names the form's drafts in form_drafts; "" keeps none.
	Draft    string
	RecordID func() int64 // the record being edited; 0 for a new one
	Values   func() any   // the form as typed (a data.…Form), for its draft
	Parse    func() error // the form's own checks (its Parse)
	OnChange func()       // the tab's own reaction to a change

	mu        sync.Mutex
	stopDraft func() bool // stops the draft scheduled, if one is
}

// New makes a form in h whose drafts are kept under draft ("" for none).
func New(h Host, draft string) *Form {
	f := &Form{host: h, Draft: draft, RecordID: func() int64 { return 0 },
		Values: func() any { return nil }, Parse: func() error { return nil }}
	f.Heading = widget.NewLabel("")
	f.Heading.TextStyle.Bold = true
	f.Heading.SizeName = "subHeadingText"
	f.State = widget.NewLabel("")
	f.State.Wrapping = fyne.TextWrapWord
	return f
}

// SetState shows text in the state line, which takes no room while it
// has nothing to say (a small screen needs every line for the fields).
func (f *Form) SetState(text string) {
	f.State.SetText(text)
	if text == "" {
		f.State.Hide()
	} else {
		f.State.Show()
	}
}

// Dirty tells whether the form holds unsaved edits.
func (f *Form) Dirty() bool { return f.dirty }

// MarkDirty marks the form as holding unsaved edits (a draft put back).
func (f *Form) MarkDirty() { f.dirty = true }

// Changed runs on every edit: it marks the form dirty, shows the CPR
// warning live (and, after a refused save, every problem), and schedules
// the draft.
func (f *Form) Changed() {
	if f.Loading {
		return
	}
	f.dirty = true
	if f.OnChange != nil {
		f.OnChange()
	}
	f.LiveCheck()
	f.scheduleDraft()
}

// LiveCheck shows the messages of the form as typed.
func (f *Form) LiveCheck() {
	f.Fields.Live(f.Parse(), f.showErrors)
}

// Refused shows a refused save: each problem on its field, the count in
// the state line, and the cursor in the first bad field.
func (f *Form) Refused(v *data.ValidationError) {
	f.showErrors = true
	first := f.Fields.Show(v)
	f.SetState(RefusedText(v))
	if first == nil {
		return
	}
	// The first bad field comes into view, and takes the cursor when it
	// can have one (a list of rooms cannot).
	widgets.ShowInScroll(first.Row)
	if fo, ok := first.Input.(fyne.Focusable); ok {
		f.host.Window().Canvas().Focus(fo)
	}
}

// Accept takes a save's result the way every form does: a refused save
// puts its problems on the fields (what was typed stays), another error
// goes to a dialog, and a success forgets the draft. It tells whether the
// save went through.
func (f *Form) Accept(err error) bool {
	if v, ok := data.AsValidation(err); ok {
		f.Refused(v)
		return false
	}
	if err != nil {
		f.host.ShowError(err)
		return false
	}
	f.Clean()
	return true
}

// Clean marks the form as matching what is saved and forgets its draft.
func (f *Form) Clean() {
	f.stopDraftTimer()
	f.Reset()
	if f.Draft == "" {
		return
	}
	if err := f.host.Store().DeleteDraft(context.Background(), f.Draft, f.RecordID()); err != nil {
		fyne.LogError("delete draft", err)
	}
}

// Discard forgets the edits without touching the store: the database
// they belonged to was replaced (a restore), so neither they nor their
// drafts may reach the new one.
func (f *Form) Discard() {
	f.stopDraftTimer()
	f.Reset()
}

// Reset marks the form as showing what is saved, without a message.
func (f *Form) Reset() {
	f.dirty, f.showErrors = false, false
	f.Fields.Clear()
}

// Fill runs set (which puts values into the widgets) without marking the
// form dirty.
func (f *Form) Fill(set func()) {
	was := f.Loading
	f.Loading = true
	defer func() { f.Loading = was }()
	set()
}

func (f *Form) scheduleDraft() {
	if f.Draft == "" {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopDraft != nil {
		f.stopDraft()
	}
	f.stopDraft = widgets.Later(DraftDelay, f.FlushDraft)
}

func (f *Form) stopDraftTimer() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopDraft != nil {
		f.stopDraft()
		f.stopDraft = nil
	}
}

// FlushDraft writes the draft now (on the UI goroutine, where the widgets
// may be read).
func (f *Form) FlushDraft() {
	f.stopDraftTimer()
	if !f.dirty || f.Draft == "" || f.host.Closed() {
		return
	}
	dropped, err := f.host.Store().SaveDraft(context.Background(), f.Draft, f.RecordID(), f.Values())
	if err != nil {
		fyne.LogError("save draft", err)
	}
	// A field the draft left out (a CPR number) would be lost with a closed
	// lid: the caseworker is told which one.
	if note := data.DraftNote(dropped); note != "" {
		f.SetState(note)
	}
}

// RestoreDraft is how every form takes a kept draft back: the saved record
// it edits (or an empty one) is shown first, then the draft's values go
// into the widgets, dirty, with their messages, so Save and Esc work as if
// the edits had just been typed. R is the record, F its form values.
func RestoreDraft[R, F any](f *Form, d data.Draft, load func(id int64) (R, error), fill func(R), set func(F), after func()) {
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
	f.Fill(func() { set(values) })
	f.dirty = true
	after()
	f.LiveCheck()
}

// Guard runs proceed, first asking whether to discard unsaved edits; stay
// runs when the user keeps editing.
func (f *Form) Guard(name string, proceed, stay func()) {
	if !f.dirty {
		proceed()
		return
	}
	AskDiscard(f.host, name, func(discard bool) {
		if discard {
			f.Clean()
			proceed()
		} else if stay != nil {
			stay()
		}
	})
}

// AskDiscard asks whether to throw away the unsaved edits of what name is.
func AskDiscard(h Host, name string, answer func(discard bool)) {
	AskEither(h, lang.X("form.discard.title", "Ændringer er ikke gemt"),
		lang.X("form.discard.question", "Kassér ændringerne i {{.Name}}?", map[string]any{"Name": name}),
		lang.X("form.discard", "Kassér ændringerne"), lang.X("form.keepediting", "Fortsæt redigeringen"), answer)
}

// State is what a form's state line, heading and buttons follow.
type State struct {
	ID      int64  // 0 for a new record
	Locked  string // why the record cannot be edited (archived, anonymised); "" if it can
	Saved   string // for a saved record: when (or which version) it was saved
	Heading string
	// Archived says which way the archive button points; Archive is nil
	// when the form has no such button.
	Archived bool
	Save     *widget.Button
	Archive  *widget.Button
}

// ShowState is the one place that decides what the state line says and
// which buttons work: locked before dirty before saved.
func (f *Form) ShowState(st State) {
	var s string
	switch {
	case st.Locked != "":
		s = st.Locked
	case f.dirty:
		s = lang.X("form.state.dirty", "Ændringer er ikke gemt.")
	case st.ID != 0:
		s = st.Saved
	}
	f.SetState(s)
	if st.Save != nil {
		if st.Locked != "" {
			st.Save.Disable()
		} else {
			st.Save.Enable()
		}
	}
	if st.Archive != nil {
		if st.Archived {
			st.Archive.SetText(lang.X("form.restore", "Genskab"))
		} else {
			st.Archive.SetText(lang.X("form.archive", "Arkivér"))
		}
		if st.ID == 0 {
			st.Archive.Disable()
		} else {
			st.Archive.Enable()
		}
	}
	f.Heading.SetText(st.Heading)
}

// SavedAt is the state line of a record saved at t.
func SavedAt(t time.Time) string {
	return lang.X("form.state.saved", "Sidst gemt {{.When}}.", map[string]any{"When": dk.FormatDateTime(t.Local())})
}

// ArchivedOn is the state line of a record archived at t.
func ArchivedOn(t time.Time) string {
	return lang.X("form.state.archived", "Arkiveret {{.Date}}; genskab for at redigere.", map[string]any{"Date": dk.FormatDate(t.Local())})
}

// Counted is a list's count line: one for a single record, many otherwise.
func Counted(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
