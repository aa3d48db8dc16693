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
	typeInto(p.Entry("Name"), "Grønt Værksted")
	selectIn(p.Field("Kind")).SetSelected(kindLabel(data.KindEnterprise))
	typeInto(p.Entry("CVR"), "DK 13 74 81 36")
	typeInto(p.Entry("City"), "Korsør")
	typeInto(p.Entry("ApprovedOn"), "21.2.2015")
	typeInto(p.Entry("ApprovalRef"), "Styregruppemøde, punkt 4")
	test.Tap(button(t, w, p.SaveButton.Text))

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
	if p.Original.ID != o.ID || p.Form.Dirty() {
		t.Errorf("form did not switch to the saved record")
	}
	if got := p.List.Names(); len(got) != 1 || got[0] != "Grønt Værksted" {
		t.Errorf("list shows %v", got)
	}
}

func TestBadCVRShowsItsMessageAndSavesNothing(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.Entry("Name"), "Bevar")
	typeInto(p.Entry("CVR"), "29188506")
	typeInto(p.Entry("EAN"), "5798007149728")
	typeInto(p.Entry("PNumber"), "12345")
	typeInto(p.Entry("ApprovedOn"), "31.2.2015")
	test.Tap(p.SaveButton)

	if n := countRows(t, s, "organisations"); n != 0 {
		t.Fatalf("a refused save wrote %d rows", n)
	}
	for name, want := range map[string]string{
		"CVR": "kontrolcifferet", "EAN": "kontrolcifferet", "PNumber": "10 cifre", "ApprovedOn": "findes ikke",
	} {
		f := p.Field(name)
		if !f.Msg.Visible() {
			t.Errorf("%s: no message shown", name)
		}
		mustContain(t, f.Msg.Text, want)
	}
	if p.Entry("CVR").Text != "29188506" || p.Entry("Name").Text != "Bevar" {
		t.Errorf("the form lost what was typed: %q %q", p.Entry("Name").Text, p.Entry("CVR").Text)
	}
	mustContain(t, p.Form.State.Text, "Ikke gemt")
	if w.Win.Canvas().Focused() != p.Entry("CVR") {
		t.Errorf("focus is not on the first bad field")
	}
	// Fixing the field clears its message as the user types.
	typeInto(p.Entry("CVR"), "29188505")
	if p.Field("CVR").Msg.Visible() {
		t.Errorf("the CVR message stays after the CVR was corrected")
	}
}

func TestSecondOrganisationWithTheSameCVRIsRefused(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	before := countRows(t, s, "organisations")
	p.NewRecord()
	typeInto(p.Entry("Name"), "Slagelse Kommune (dublet)")
	selectIn(p.Field("Kind")).SetSelected(kindLabel(data.KindMunicipality))
	typeInto(p.Entry("CVR"), "29188505")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "organisations"); n != before {
		t.Fatalf("duplicate saved: %d rows, had %d", n, before)
	}
	mustContain(t, p.Field("CVR").Msg.Text, "allerede registreret for Slagelse Kommune")
}

func TestCPRNumberInFreeTextIsWarnedAsTyped(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.Entry("Name"), "Bevar")
	typeInto(p.Entry("Notes"), "Kontakt om 010203-1234 i næste uge")
	f := p.Field("Notes")
	if !f.Msg.Visible() {
		t.Fatal("no warning while typing a CPR-like number")
	}
	mustContain(t, f.Msg.Text, "CPR-numre må ikke gemmes")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "organisations"); n != 0 {
		t.Fatalf("a CPR number reached the database")
	}
}

func TestListIsSortedTheDanishWayAndSearches(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	for _, name := range []string{"Ærø Café", "Øster Systue", "Åbyhøj Køkken", "Zebra Tekstil"} {
		p.NewRecord()
		typeInto(p.Entry("Name"), name)
		test.Tap(p.SaveButton)
	}
	names := p.List.Names()
	tail := names[len(names)-4:]
	if strings.Join(tail, "|") != "Zebra Tekstil|Ærø Café|Øster Systue|Åbyhøj Køkken" {
		t.Errorf("Danish order wrong at the end: %v", names)
	}
	for query, want := range map[string]string{"øster": "Øster Systue", "ÆRØ": "Ærø Café", "åbyhøj køk": "Åbyhøj Køkken"} {
		typeInto(p.List.Search, query)
		if got := p.List.Names(); len(got) != 1 || got[0] != want {
			t.Errorf("search %q listed %v, want [%s]", query, got, want)
		}
	}
	typeInto(p.List.Search, "29188505")
	if got := p.List.Names(); len(got) != 3 {
		t.Errorf("CVR search found %v, want the municipality and its two units", got)
	}
}

func TestArchiveAndRestoreThroughTheWindow(t *testing.T) {
	w, s, p := openPartner(t, "Bevar")
	if p.Original.Name != "Bevar" {
		t.Fatalf("selected %q", p.Original.Name)
	}
	test.Tap(p.ArchiveButton)
	test.Tap(button(t, w, "Arkivér"))
	o, _ := s.Organisation(context.Background(), p.Original.ID)
	if !o.Archived() {
		t.Fatal("not archived in the store")
	}
	if names := p.List.Names(); len(names) != 0 {
		t.Errorf("archived organisation still listed: %v", names)
	}
	p.ShowArchived.SetChecked(true)
	if names := p.List.Names(); len(names) != 1 {
		t.Fatalf("archived list: %v", names)
	}
	test.Tap(p.ArchiveButton) // now "Genskab"
	o, _ = s.Organisation(context.Background(), o.ID)
	if o.Archived() {
		t.Error("restore did not reach the store")
	}
	if contacts, _ := s.Contacts(context.Background(), o.ID, true); len(contacts) == 0 {
		t.Error("archiving lost the contact people")
	}
}

func TestEscapeThrowsAwayUnsavedEdits(t *testing.T) {
	_, s, p := openPartner(t, "Sekstanten")
	typeInto(p.Entry("City"), "Ringsted")
	if !p.Form.Dirty() {
		t.Fatal("typing did not mark the form dirty")
	}
	p.Entry("City").TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.Entry("City").Text != "Slagelse" || p.Form.Dirty() {
		t.Errorf("Esc left %q (dirty %v)", p.Entry("City").Text, p.Form.Dirty())
	}
	o, _ := s.Organisation(context.Background(), p.Original.ID)
	if o.City != "Slagelse" {
		t.Errorf("store changed without Save: %q", o.City)
	}
}

func TestLeavingADirtyFormAsksFirst(t *testing.T) {
	w, _ := newTestWindow(t, true)
	p := w.Partners
	p.List.List.Select(0)
	first := p.Original.ID
	typeInto(p.Entry("Role"), "Ny rolle")
	p.List.List.Select(1)
	if p.Original.ID != first {
		t.Fatal("switched record without asking")
	}
	test.Tap(button(t, w, "Fortsæt redigeringen"))
	if p.Entry("Role").Text != "Ny rolle" {
		t.Errorf("keeping on editing lost the text")
	}
	p.List.List.Select(2)
	test.Tap(button(t, w, "Kassér ændringerne"))
	if p.Original.ID == first {
		t.Error("discarding did not open the other record")
	}
}

func TestContactPeople(t *testing.T) {
	w, s, p := openPartner(t, "Bevar")
	before := countRows(t, s, "contacts")
	test.Tap(p.contacts.addButton)
	dlg := p.contacts.lastDialog
	typeInto(dlg.Entry("Name"), "Đorđe Šćepanović")
	typeInto(dlg.Entry("Email"), "dorde.example.dk")
	typeInto(dlg.Entry("ValidFrom"), "1.3.2015")
	typeInto(dlg.Entry("ValidTo"), "1.2.2015")
	test.Tap(button(t, w, "Gem"))
	if n := countRows(t, s, "contacts"); n != before {
		t.Fatalf("refused contact saved")
	}
	mustContain(t, dlg.Fields.ByName("Email").Msg.Text, "e-mailadresse")
	mustContain(t, dlg.Fields.ByName("ValidTo").Msg.Text, "før fra-datoen")
	typeInto(dlg.Entry("Email"), "dorde@example.dk")
	typeInto(dlg.Entry("ValidTo"), "")
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
	w, s, p := openPartner(t, "Sekstanten")
	typeInto(p.Entry("City"), "Ringsted")
	w.confirmClose()
	test.Tap(button(t, w, "Behold dem og luk"))
	o, _ := s.Organisation(context.Background(), p.Original.ID)
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
	if p2.Original.ID != o.ID || p2.Entry("City").Text != "Ringsted" || !p2.Form.Dirty() {
		t.Errorf("restored draft: record %d, city %q, dirty %v", p2.Original.ID, p2.Entry("City").Text, p2.Form.Dirty())
	}
	test.Tap(p2.SaveButton)
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
	typeInto(p.Entry("Name"), "Halvfærdig forening")
	pause() // the caseworker stops typing: the draft is written
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
	w.Win.Canvas().Focus(p.List.Search)
	test.Type(p.List.Search, "varme")
	p.List.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Original.Name != "Fra de varme lande" {
		t.Fatalf("Enter opened %q", p.Original.Name)
	}
	if w.Win.Canvas().Focused() != p.Entry("Name") {
		t.Error("the cursor is not in the form after Enter")
	}
}

// The contact people have their own tab with their count; a refused save
// brings the fields with the problems back into view.
func TestContactsTabShowsTheCountAndARefusedSaveShowsTheFields(t *testing.T) {
	_, _, p := openPartner(t, "Bevar")
	if got := p.detailTabs.Items[1].Text; got != "Kontaktpersoner (1)" {
		t.Errorf("contacts tab says %q", got)
	}
	p.detailTabs.SelectIndex(1)
	typeInto(p.Entry("CVR"), "29188506")
	test.Tap(p.SaveButton)
	if p.detailTabs.SelectedIndex() != 0 {
		t.Error("a refused save left the fields with the problem out of view")
	}
}

// openPartner opens the demo's organisation named name the way a user
// does: search for it, pick the first row.
func openPartner(t *testing.T, name string) (*Window, *data.Store, *PartnersTab) {
	t.Helper()
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.List.Search, name)
	p.List.List.Select(0)
	return w, s, p
}
