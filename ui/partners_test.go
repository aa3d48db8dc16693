package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

func TestCreateOrganisationThroughTheForm(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.name, "Grønt Værksted")
	p.kind.SetSelected(kindLabel(data.KindEnterprise))
	typeInto(p.cvr, "DK 13 74 81 36")
	typeInto(p.city, "Korsør")
	typeInto(p.approvedOn, "21.2.2015")
	typeInto(p.approvalRef, "Styregruppemøde, punkt 4")
	test.Tap(button(t, w, p.saveButton.Text))

	orgs, err := s.SearchOrganisations(context.Background(), data.OrgQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 1 {
		t.Fatalf("store holds %d organisations, want 1", len(orgs))
	}
	o := orgs[0]
	if o.Name != "Grønt Værksted" || o.Kind != data.KindEnterprise || o.CVR != "13748136" || o.City != "Korsør" {
		t.Errorf("saved %+v", o)
	}
	if o.ApprovedOn.Format("2006-01-02") != "2015-02-21" || o.ApprovalRef != "Styregruppemøde, punkt 4" {
		t.Errorf("approval saved as %v %q", o.ApprovedOn, o.ApprovalRef)
	}
	if p.original.ID != o.ID || p.form.dirty {
		t.Errorf("form did not switch to the saved record")
	}
	if got := p.list.names(); len(got) != 1 || got[0] != "Grønt Værksted" {
		t.Errorf("list shows %v", got)
	}
}

func TestBadCVRShowsItsMessageAndSavesNothing(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.name, "Bevar")
	typeInto(p.cvr, "29188506")
	typeInto(p.ean, "5798007149728")
	typeInto(p.pNumber, "12345")
	typeInto(p.approvedOn, "31.2.2015")
	test.Tap(p.saveButton)

	if n := countRows(t, s, "organisations"); n != 0 {
		t.Fatalf("a refused save wrote %d rows", n)
	}
	for name, want := range map[string]string{
		"CVR": "kontrolcifferet", "EAN": "kontrolcifferet", "PNumber": "10 cifre", "ApprovedOn": "findes ikke",
	} {
		f := p.form.fields.byName(name)
		if !f.msg.Visible() {
			t.Errorf("%s: no message shown", name)
		}
		mustContain(t, f.msg.Text, want)
	}
	if p.cvr.Text != "29188506" || p.name.Text != "Bevar" {
		t.Errorf("the form lost what was typed: %q %q", p.name.Text, p.cvr.Text)
	}
	mustContain(t, p.form.state.Text, "Ikke gemt")
	if w.Win.Canvas().Focused() != p.cvr {
		t.Errorf("focus is not on the first bad field")
	}
	// Fixing the field clears its message as the user types.
	typeInto(p.cvr, "29188505")
	if p.form.fields.byName("CVR").msg.Visible() {
		t.Errorf("the CVR message stays after the CVR was corrected")
	}
}

func TestSecondOrganisationWithTheSameCVRIsRefused(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	before := countRows(t, s, "organisations")
	p.NewRecord()
	typeInto(p.name, "Slagelse Kommune (dublet)")
	p.kind.SetSelected(kindLabel(data.KindMunicipality))
	typeInto(p.cvr, "29188505")
	test.Tap(p.saveButton)
	if n := countRows(t, s, "organisations"); n != before {
		t.Fatalf("duplicate saved: %d rows, had %d", n, before)
	}
	mustContain(t, p.form.fields.byName("CVR").msg.Text, "allerede registreret for Slagelse Kommune")
}

func TestCPRNumberInFreeTextIsWarnedAsTyped(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.name, "Bevar")
	typeInto(p.notes, "Kontakt om 010203-1234 i næste uge")
	f := p.form.fields.byName("Notes")
	if !f.msg.Visible() {
		t.Fatal("no warning while typing a CPR-like number")
	}
	mustContain(t, f.msg.Text, "CPR-numre må ikke gemmes")
	test.Tap(p.saveButton)
	if n := countRows(t, s, "organisations"); n != 0 {
		t.Fatalf("a CPR number reached the database")
	}
}

func TestListIsSortedTheDanishWayAndSearches(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	for _, name := range []string{"Ærø Café", "Øster Systue", "Åbyhøj Køkken", "Zebra Tekstil"} {
		p.NewRecord()
		typeInto(p.name, name)
		test.Tap(p.saveButton)
	}
	names := p.list.names()
	tail := names[len(names)-4:]
	if strings.Join(tail, "|") != "Zebra Tekstil|Ærø Café|Øster Systue|Åbyhøj Køkken" {
		t.Errorf("Danish order wrong at the end: %v", names)
	}
	for query, want := range map[string]string{"øster": "Øster Systue", "ÆRØ": "Ærø Café", "åbyhøj køk": "Åbyhøj Køkken"} {
		typeInto(p.list.search, query)
		if got := p.list.names(); len(got) != 1 || got[0] != want {
			t.Errorf("search %q listed %v, want [%s]", query, got, want)
		}
	}
	typeInto(p.list.search, "29188505")
	if got := p.list.names(); len(got) != 3 {
		t.Errorf("CVR search found %v, want the municipality and its two units", got)
	}
}

func TestArchiveAndRestoreThroughTheWindow(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.list.search, "Bevar")
	p.list.list.Select(0)
	if p.original.Name != "Bevar" {
		t.Fatalf("selected %q", p.original.Name)
	}
	test.Tap(p.archiveButton)
	test.Tap(button(t, w, "Arkivér"))
	o, _ := s.Organisation(context.Background(), p.original.ID)
	if !o.Archived() {
		t.Fatal("not archived in the store")
	}
	if names := p.list.names(); len(names) != 0 {
		t.Errorf("archived organisation still listed: %v", names)
	}
	p.showArchived.SetChecked(true)
	if names := p.list.names(); len(names) != 1 {
		t.Fatalf("archived list: %v", names)
	}
	test.Tap(p.archiveButton) // now "Genskab"
	o, _ = s.Organisation(context.Background(), o.ID)
	if o.Archived() {
		t.Error("restore did not reach the store")
	}
	if contacts, _ := s.Contacts(context.Background(), o.ID, true); len(contacts) == 0 {
		t.Error("archiving lost the contact people")
	}
}

func TestEscapeThrowsAwayUnsavedEdits(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.list.search, "Sekstanten")
	p.list.list.Select(0)
	typeInto(p.city, "Ringsted")
	if !p.form.dirty {
		t.Fatal("typing did not mark the form dirty")
	}
	p.city.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.city.Text != "Slagelse" || p.form.dirty {
		t.Errorf("Esc left %q (dirty %v)", p.city.Text, p.form.dirty)
	}
	o, _ := s.Organisation(context.Background(), p.original.ID)
	if o.City != "Slagelse" {
		t.Errorf("store changed without Save: %q", o.City)
	}
}

func TestLeavingADirtyFormAsksFirst(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	p.list.list.Select(0)
	first := p.original.ID
	typeInto(p.role, "Ny rolle")
	p.list.list.Select(1)
	if p.original.ID != first {
		t.Fatal("switched record without asking")
	}
	test.Tap(button(t, w, "Fortsæt redigeringen"))
	if p.role.Text != "Ny rolle" {
		t.Errorf("keeping on editing lost the text")
	}
	p.list.list.Select(2)
	test.Tap(button(t, w, "Kassér ændringerne"))
	if p.original.ID == first {
		t.Error("discarding did not open the other record")
	}
}

func TestContactPeople(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.list.search, "Bevar")
	p.list.list.Select(0)
	before := countRows(t, s, "contacts")
	test.Tap(p.contacts.addButton)
	dlg := p.contacts.lastDialog
	typeInto(dlg.name, "Đorđe Šćepanović")
	typeInto(dlg.email, "dorde.example.dk")
	typeInto(dlg.from, "1.3.2015")
	typeInto(dlg.to, "1.2.2015")
	test.Tap(button(t, w, "Gem"))
	if n := countRows(t, s, "contacts"); n != before {
		t.Fatalf("refused contact saved")
	}
	mustContain(t, dlg.fields.byName("Email").msg.Text, "e-mailadresse")
	mustContain(t, dlg.fields.byName("ValidTo").msg.Text, "før fra-datoen")
	typeInto(dlg.email, "dorde@example.dk")
	typeInto(dlg.to, "")
	test.Tap(button(t, w, "Gem"))
	if n := countRows(t, s, "contacts"); n != before+1 {
		t.Fatalf("contact not saved: %d rows", n)
	}
	var email string
	s.DB().QueryRow("SELECT email FROM contacts WHERE name = 'Đorđe Šćepanović'").Scan(&email)
	if email != "dorde@example.dk" {
		t.Errorf("stored e-mail %q", email)
	}
	if len(p.contacts.rows) != 2 {
		t.Errorf("contact list shows %d rows", len(p.contacts.rows))
	}
}

func TestClosingWithUnsavedEditsAsks(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.list.search, "Sekstanten")
	p.list.list.Select(0)
	typeInto(p.city, "Ringsted")
	w.confirmClose()
	test.Tap(button(t, w, "Behold dem og luk"))
	o, _ := s.Organisation(context.Background(), p.original.ID)
	if o.City != "Slagelse" {
		t.Errorf("closing wrote over the saved record: %q", o.City)
	}
	drafts, _ := s.Drafts(context.Background())
	if len(drafts) != 1 || drafts[0].RecordID != o.ID {
		t.Fatalf("drafts after keep: %+v", drafts)
	}

	// The next start offers the kept edits back.
	w2 := New(test.NewTempApp(t), s)
	defer w2.Win.Close()
	w2.OfferDrafts()
	test.Tap(button(t, w2, "Hent ændringerne tilbage"))
	p2 := w2.Partners
	if p2.original.ID != o.ID || p2.city.Text != "Ringsted" || !p2.form.dirty {
		t.Errorf("restored draft: record %d, city %q, dirty %v", p2.original.ID, p2.city.Text, p2.form.dirty)
	}
	test.Tap(p2.saveButton)
	o, _ = s.Organisation(context.Background(), o.ID)
	if o.City != "Ringsted" {
		t.Errorf("saving the restored draft stored %q", o.City)
	}
	if drafts, _ := s.Drafts(context.Background()); len(drafts) != 0 {
		t.Errorf("draft kept after save: %+v", drafts)
	}
}

func TestDraftIsWrittenAsTheUserTypesAndDiscardedOnClose(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.name, "Halvfærdig forening")
	waitForDraft(t, s, draftOrganisation, 0, "Halvfærdig forening")
	drafts, _ := s.Drafts(context.Background())
	if len(drafts) != 1 || drafts[0].RecordID != 0 {
		t.Fatalf("no draft for the new organisation: %+v", drafts)
	}
	if n := countRows(t, s, "organisations"); n != 0 {
		t.Fatalf("a draft created an organisation")
	}
	w.confirmClose()
	test.Tap(button(t, w, "Kassér ændringerne og luk"))
	if drafts, _ := s.Drafts(context.Background()); len(drafts) != 0 {
		t.Errorf("discard kept the draft: %+v", drafts)
	}
}

func TestSearchThenEnterOpensTheFirstMatch(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	w.Win.Canvas().Focus(p.list.search)
	test.Type(p.list.search, "varme")
	p.list.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.original.Name != "Fra de varme lande" {
		t.Fatalf("Enter opened %q", p.original.Name)
	}
	if w.Win.Canvas().Focused() != p.name {
		t.Error("the cursor is not in the form after Enter")
	}
}

// The contact people have their own tab with their count; a refused save
// brings the fields with the problems back into view.
func TestContactsTabShowsTheCountAndARefusedSaveShowsTheFields(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.list.search, "Bevar")
	p.list.list.Select(0)
	if got := p.detailTabs.Items[1].Text; got != "Kontaktpersoner (1)" {
		t.Errorf("contacts tab says %q", got)
	}
	p.detailTabs.SelectIndex(1)
	typeInto(p.cvr, "29188506")
	test.Tap(p.saveButton)
	if p.detailTabs.SelectedIndex() != 0 {
		t.Error("a refused save left the fields with the problem out of view")
	}
}
