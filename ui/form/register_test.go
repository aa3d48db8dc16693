package form

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// A register over a record kept in memory: a note with a text that must
// not be empty, and an archive date. The drafts go to a real store, as in
// the window.

type note struct {
	ID         int64
	Text       string
	UpdatedAt  time.Time
	ArchivedAt time.Time
}

type noteForm struct {
	ID   int64
	Text string
}

func (f noteForm) Parse() (note, error) {
	if strings.TrimSpace(f.Text) == "" {
		return note{}, &data.ValidationError{Problems: []data.FieldError{{Field: "Text", Label: "Tekst", Code: "required", Text: "skal udfyldes"}}}
	}
	return note{ID: f.ID, Text: strings.TrimSpace(f.Text)}, nil
}

// notes is the store of notes, and the window they are edited in.
type notes struct {
	t        *testing.T
	win      fyne.Window
	store    *data.Store
	rows     map[int64]note
	next     int64
	status   string
	errors   []error
	dialog   Saver
	reloaded int
	refuse   error // what Restore answers
	clock    *widgets.ManualClock
}

func (n *notes) Window() fyne.Window   { return n.win }
func (n *notes) Store() *data.Store    { return n.store }
func (n *notes) ShowError(err error)   { n.errors = append(n.errors, err) }
func (n *notes) SetStatus(text string) { n.status = text }
func (n *notes) Reload()               { n.reloaded++ }
func (n *notes) Closed() bool          { return false }
func (n *notes) SetDialog(d Saver)     { n.dialog = d }
func (n *notes) list() []note          { return n.sorted() }
func (n *notes) count() (int, error)   { return len(n.rows), nil }
func (n *notes) read(_ context.Context, id int64) (note, error) {
	r, ok := n.rows[id]
	if !ok {
		return r, errors.New("findes ikke")
	}
	return r, nil
}

func (n *notes) save(_ context.Context, f noteForm) (note, error) {
	r, err := f.Parse()
	if err != nil {
		return r, err
	}
	if r.ID == 0 {
		n.next++
		r.ID = n.next
	}
	r.UpdatedAt = time.Date(2015, 2, 21, 14, 31, 0, 0, time.UTC)
	r.ArchivedAt = n.rows[r.ID].ArchivedAt
	n.rows[r.ID] = r
	return r, nil
}

func (n *notes) setArchived(id int64, at time.Time) {
	r := n.rows[id]
	r.ArchivedAt = at
	n.rows[id] = r
}

func (n *notes) sorted() []note {
	var out []note
	for id := int64(1); id <= n.next; id++ {
		if r, ok := n.rows[id]; ok {
			out = append(out, r)
		}
	}
	return out
}

func newNotes(t *testing.T) (*notes, *Register[note, noteForm]) {
	t.Helper()
	clock := widgets.UseManualClock(t.Cleanup) // nothing changes the widgets beside the test
	test.NewTempApp(t)
	s, err := data.Open(filepath.Join(t.TempDir(), "form.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	n := &notes{t: t, store: s, rows: map[int64]note{}, clock: clock}
	n.win = test.NewWindow(nil)
	t.Cleanup(n.win.Close)
	r := NewRegister[note, noteForm](n, Spec[note, noteForm]{
		Name: "Noter", Draft: "note", New: "Ny note", Heading: func(x note) string { return x.Text },
		ID: func(x note) int64 { return x.ID }, Values: func(x note) noteForm { return noteForm{ID: x.ID, Text: x.Text} },
		Parse: ParseOf[note, noteForm], Read: n.read, Save: n.save,
		Updated: func(x note) time.Time { return x.UpdatedAt },
		Fields:  []*Binding[noteForm]{Text("Text", "Tekst", "", func(f *noteForm) *string { return &f.Text })},
		List: ListSpec[note]{Search: "Søg", NewLabel: "Ny note", Fetch: Slice(n.list), Rows: n.count,
			ID: func(x note) int64 { return x.ID }, Title: func(x note) string { return x.Text },
			Count: func(c int) string { return Counted(c, "1 note", "flere noter") }},
		Archive: &Archiving[note]{At: func(x note) time.Time { return x.ArchivedAt }, Title: "Arkivér note",
			Question: func(x note) string { return "Arkivér " + x.Text + "?" },
			Archive: func(_ context.Context, id int64) error {
				n.setArchived(id, time.Date(2015, 3, 1, 9, 0, 0, 0, time.UTC))
				return nil
			},
			Restore: func(_ context.Context, id int64) error {
				if n.refuse != nil {
					return n.refuse
				}
				n.setArchived(id, time.Time{})
				return nil
			}},
	})
	n.win.SetContent(r.Content)
	n.win.Resize(fyne.NewSize(900, 600))
	r.Start()
	return n, r
}

// typeIn replaces what an entry holds the way a user types it.
func typeIn(e fyne.Focusable, entry interface{ SetText(string) }, text string) {
	entry.SetText("")
	test.Type(e, text)
}

// confirm taps the button named text in the dialog on top of the window.
func confirm(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog asks (wanted a %q button)", text)
	}
	if b := findButton(top, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("the dialog has no %q button", text)
}

func findButton(obj fyne.CanvasObject, text string) *widget.Button {
	if b, ok := obj.(*widget.Button); ok && b.Text == text {
		return b
	}
	var children []fyne.CanvasObject
	switch o := obj.(type) {
	case *fyne.Container:
		children = o.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	}
	for _, c := range children {
		if b := findButton(c, text); b != nil {
			return b
		}
	}
	return nil
}

// Typing writes the draft by itself once the user pauses for DraftDelay,
// not before; each keystroke starts the pause again.
func TestTypingKeepsADraftAfterAPause(t *testing.T) {
	n, r := newNotes(t)
	clock := n.clock
	e := r.Entry("Text")
	drafts := func() []data.Draft {
		ds, err := n.store.Drafts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	test.Type(e, "Referat")
	if !r.Dirty() {
		t.Fatal("typing did not mark the form dirty")
	}
	clock.Advance(DraftDelay - time.Millisecond)
	test.Type(e, " fra mødet") // typing on within the pause
	clock.Advance(DraftDelay - time.Millisecond)
	if ds := drafts(); len(ds) != 0 {
		t.Fatalf("a draft was written before the typing paused: %+v", ds)
	}
	clock.Advance(time.Millisecond)
	ds := drafts()
	if len(ds) != 1 {
		t.Fatalf("%d drafts after the pause, want 1", len(ds))
	}
	var f noteForm
	if err := json.Unmarshal(ds[0].Data, &f); err != nil || f.Text != "Referat fra mødet" || ds[0].Form != "note" || ds[0].RecordID != 0 {
		t.Fatalf("draft %s/%d %q (%v)", ds[0].Form, ds[0].RecordID, ds[0].Data, err)
	}
	// Saving forgets it, and a pause after the save writes none again.
	test.Tap(r.SaveButton)
	clock.Advance(DraftDelay)
	if ds := drafts(); len(ds) != 0 {
		t.Errorf("the draft outlived the save: %+v", ds)
	}
}

// A refused save keeps what was typed, shows the problem on its field and
// in the state line, and stores nothing; the fixed form saves and says so.
func TestARefusedSaveShowsOnTheFieldAndAGoodOneSaves(t *testing.T) {
	n, r := newNotes(t)
	e := r.Entry("Text")
	typeIn(e, e, "   ")
	test.Tap(r.SaveButton)
	if len(n.rows) != 0 {
		t.Fatal("a refused save stored a note")
	}
	if f := r.Field("Text"); !f.Msg.Visible() || f.Msg.Text != "skal udfyldes" {
		t.Errorf("message %q (shown %v)", f.Msg.Text, f.Msg.Visible())
	}
	if !strings.Contains(r.Form.State.Text, "Ikke gemt") || e.Text != "   " {
		t.Errorf("state %q, text %q", r.Form.State.Text, e.Text)
	}
	typeIn(e, e, "Dagsorden")
	if r.Field("Text").Msg.Visible() {
		t.Error("the message stays after the text was fixed")
	}
	test.Tap(r.SaveButton)
	if len(n.rows) != 1 || n.rows[1].Text != "Dagsorden" {
		t.Fatalf("stored %+v", n.rows)
	}
	if r.Dirty() || r.Original.ID != 1 || r.Form.Heading.Text != "Dagsorden" {
		t.Errorf("after save: dirty %v, id %d, heading %q", r.Dirty(), r.Original.ID, r.Form.Heading.Text)
	}
	if n.status != "Dagsorden er gemt "+time.Now().Format("15.04")+"." && !strings.HasPrefix(n.status, "Dagsorden er gemt ") {
		t.Errorf("status %q", n.status)
	}
	if !strings.HasPrefix(r.Form.State.Text, "Sidst gemt 21.2.2015") {
		t.Errorf("state line %q", r.Form.State.Text)
	}
	if got := r.List.Names(); len(got) != 1 || got[0] != "Dagsorden" || r.List.Count.Text != "1 note" {
		t.Errorf("list %v, count %q", got, r.List.Count.Text)
	}
}

// Esc in the field throws the edit away and shows what is saved.
func TestEscShowsWhatIsSavedAgain(t *testing.T) {
	n, r := newNotes(t)
	n.rows[1], n.next = note{ID: 1, Text: "Gemt tekst"}, 1
	r.Reload()
	r.Open(1)
	e := r.Entry("Text")
	typeIn(e, e, "Ændret")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Text != "Ændret" || !r.Dirty() {
		t.Fatalf("Esc threw the edit away without asking: %q, dirty %v", e.Text, r.Dirty())
	}
	confirm(t, n.win, "Kassér ændringerne")
	if e.Text != "Gemt tekst" || r.Dirty() {
		t.Errorf("after Esc: %q, dirty %v", e.Text, r.Dirty())
	}
}

// Picking another row with unsaved edits asks; "Fortsæt redigeringen"
// keeps the edit and the row, "Kassér ændringerne" moves on.
func TestLeavingUnsavedEditsAsks(t *testing.T) {
	n, r := newNotes(t)
	n.rows[1], n.rows[2], n.next = note{ID: 1, Text: "Første"}, note{ID: 2, Text: "Anden"}, 2
	r.Reload()
	r.List.List.Select(0)
	e := r.Entry("Text")
	typeIn(e, e, "Første, rettet")
	r.List.List.Select(1)
	if r.Original.ID != 1 {
		t.Fatal("switched record without asking")
	}
	confirm(t, n.win, "Fortsæt redigeringen")
	if e.Text != "Første, rettet" || r.Original.ID != 1 {
		t.Errorf("keeping on editing: %q on %d", e.Text, r.Original.ID)
	}
	r.List.List.Select(1)
	confirm(t, n.win, "Kassér ændringerne")
	if r.Original.ID != 2 || e.Text != "Anden" || r.Dirty() {
		t.Errorf("discarding: record %d, %q, dirty %v", r.Original.ID, e.Text, r.Dirty())
	}
}

// Archiving asks first and locks the record; restoring works at once and
// brings it back among the active; a refused restore says why.
func TestArchiveAsksAndRestoreBringsBack(t *testing.T) {
	n, r := newNotes(t)
	n.rows[1], n.next = note{ID: 1, Text: "Gammel aftale"}, 1
	r.Reload()
	r.Open(1)
	test.Tap(r.ArchiveButton)
	if !n.rows[1].ArchivedAt.IsZero() {
		t.Fatal("archived without asking")
	}
	confirm(t, n.win, "Arkivér")
	if n.rows[1].ArchivedAt.IsZero() {
		t.Fatal("confirming did not archive")
	}
	if !strings.Contains(n.status, "Gammel aftale er arkiveret") {
		t.Errorf("status %q after archiving", n.status)
	}
	if !r.SaveButton.Disabled() || r.ArchiveButton.Text != "Genskab" || !strings.Contains(r.Form.State.Text, "Arkiveret 1.3.2015") {
		t.Errorf("archived record: save disabled %v, button %q, state %q", r.SaveButton.Disabled(), r.ArchiveButton.Text, r.Form.State.Text)
	}
	n.refuse = &data.ValidationError{Problems: []data.FieldError{{Field: "Text", Label: "Tekst", Code: "taken", Text: "navnet er taget"}}}
	test.Tap(r.ArchiveButton)
	if n.rows[1].ArchivedAt.IsZero() || !strings.Contains(r.Form.State.Text, "Kan ikke genskabes: navnet er taget") {
		t.Errorf("refused restore: %v, state %q", n.rows[1].ArchivedAt, r.Form.State.Text)
	}
	n.refuse = nil
	r.ShowArchived.SetChecked(true)
	test.Tap(r.ArchiveButton)
	if !strings.Contains(n.status, "Gammel aftale er genskabt") {
		t.Errorf("status %q after restoring", n.status)
	}
	if !n.rows[1].ArchivedAt.IsZero() || r.ShowArchived.Checked || r.SaveButton.Disabled() || r.ArchiveButton.Text != "Arkivér" {
		t.Errorf("restore: archived %v, showing archived %v, save disabled %v", n.rows[1].ArchivedAt, r.ShowArchived.Checked, r.SaveButton.Disabled())
	}
}

// A kept draft comes back into the form dirty, so that Save saves it and
// Esc throws it away.
func TestAKeptDraftComesBackDirty(t *testing.T) {
	n, r := newNotes(t)
	n.rows[1], n.next = note{ID: 1, Text: "Gemt"}, 1
	if _, err := n.store.SaveDraft(context.Background(), "note", 1, noteForm{ID: 1, Text: "Fra sidst"}); err != nil {
		t.Fatal(err)
	}
	ds, _ := n.store.Drafts(context.Background())
	if got := r.DraftTitle(ds[0]); got != "Gemt" {
		t.Errorf("draft title %q", got)
	}
	r.RestoreDraft(ds[0])
	if r.Entry("Text").Text != "Fra sidst" || !r.Dirty() || r.Original.ID != 1 {
		t.Fatalf("restored: %q, dirty %v, record %d", r.Entry("Text").Text, r.Dirty(), r.Original.ID)
	}
	test.Tap(r.SaveButton)
	if n.rows[1].Text != "Fra sidst" {
		t.Errorf("saved %q", n.rows[1].Text)
	}
}
