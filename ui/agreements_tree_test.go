package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// signedPartnership is the demo's partnership agreement signed in the
// meeting and sealed, shown in the draft view.
func signedPartnership(t *testing.T) (*Window, *data.Store, data.Agreement) {
	t.Helper()
	w, s, a := unsealedAgreement(t)
	d := w.Agreements.draft
	sealed := make(chan error, 1)
	d.onSealed = func(err error) { sealed <- err }
	test.Tap(button(t, w, "Forsegl"))
	waitSealed(t, sealed, "»Forsegl« sealed nothing")
	a, _ = s.Agreement(context.Background(), a.ID)
	return w, s, a
}

func TestAccessionTillaegSignedInTheMeetingShowsTheMember(t *testing.T) {
	w, s, parent := signedPartnership(t)
	ctx := context.Background()
	d := w.Agreements.draft
	if !d.tree.join.Visible() || !d.tree.end.Visible() {
		t.Fatal("a signed agreement offers no »Tiltrædelse…« or »Afslut aftale…«")
	}
	test.Tap(button(t, w, "Tiltrædelse…"))
	x := d.tree.accession
	if x == nil {
		t.Fatal("»Tiltrædelse…« opened no dialog")
	}
	// Nothing chosen: both fields are named, and nothing is made.
	test.Tap(button(t, w, "Opret tillæg"))
	mustContain(t, x.msg.Text, "Ny part: vælg den organisation, der tiltræder")
	mustContain(t, x.msg.Text, "Medlem fra: skal udfyldes")
	// The job centre is the one organisation not yet a party; it has no one to sign.
	// A party already is marked in the list, and picking it says so.
	if rows, err := x.org.Find("Bevar", 0, 1); err != nil || len(rows) != 1 || rows[0].Detail != "allerede part i aftalen" {
		t.Errorf("Bevar is offered as %+v (%v)", rows, err)
	}
	bevar := pickRow(t, x.org, "Bevar")
	mustContain(t, x.msg.Text, "Ny part: "+bevar+" er allerede part i aftale")
	if pickedID(x.org) != 0 {
		t.Error("a party already stays chosen as the new party")
	}
	pick(t, x.org, "Jobcenter Slagelse")
	typeInto(x.from, "1.6.2015")
	test.Tap(button(t, w, "Opret tillæg"))
	mustContain(t, x.msg.Text, "Jobcenter Slagelse har ingen kontaktperson, der kan skrive under")
	if n := countRows(t, s, "agreement_accessions"); n != 0 {
		t.Fatalf("a refused accession left %d rows", n)
	}
	var jobcentre int64
	s.DB().QueryRow(`SELECT id FROM organisations WHERE name = 'Jobcenter Slagelse'`).Scan(&jobcentre)
	if _, err := s.SaveContact(ctx, data.ContactForm{OrganisationID: jobcentre, Name: "Mette Holm", Title: "Jobcenterchef"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, w, "Opret tillæg"))
	if d.tree.accession != nil {
		t.Fatalf("the dialog stayed open: %s", x.msg.Text)
	}
	tillaeg := d.original
	if tillaeg.ParentID != parent.ID || tillaeg.Status != data.StatusDraft ||
		len(tillaeg.Signatories) != len(parent.Signatories)+1 || tillaeg.Signatories[len(tillaeg.Signatories)-1].Name != "Mette Holm" {
		t.Fatalf("the Tillæg: parent %d, status %s, %d signatories", tillaeg.ParentID, tillaeg.Status, len(tillaeg.Signatories))
	}
	mustContain(t, d.parties.Text, "Jobcenter Slagelse")

	// The ceremony that exists: the parties who signed, then the new one.
	test.Tap(d.signing.send)
	test.Tap(button(t, w, "Send til underskrift"))
	sealed := make(chan error, 1)
	d.onSealed = func(err error) { sealed <- err }
	test.Tap(button(t, w, "Underskriv i mødet"))
	for i, g := range tillaeg.Signatories {
		if got := signInMeeting(t, w); got != g.Name {
			t.Errorf("signatory %d: %s signed, want %s", i+1, got, g.Name)
		}
	}
	waitSealed(t, sealed, "the Tillæg was not sealed")
	if got, _ := s.Agreement(ctx, tillaeg.ID); got.Status != data.StatusSigned {
		t.Fatalf("the Tillæg has status %s", got.Status)
	}

	// The tree shows the member from the day, under the agreement joined.
	w.Agreements.list.Reload(tillaeg.ID)
	rows := listRows(w)
	if len(rows) != 2 || !strings.HasPrefix(rows[0], parent.Number+" ") ||
		!strings.HasPrefix(rows[1], "  › "+tillaeg.Number+" Tiltrædelse: Jobcenter Slagelse til "+parent.Number+" / "+
			"    Jobcenter Slagelse medlem fra 1.6.2015 · Underskrevet") {
		t.Errorf("the list: %q", rows)
	}
	w.Agreements.open(parent.ID)
	captureTo(t, w, "tree-member")
	mustContain(t, d.parties.Text, "Tiltrædelse ved "+tillaeg.Number+": Jobcenter Slagelse medlem fra 1.6.2015")
	if again, _ := s.Agreement(ctx, parent.ID); !again.UpdatedAt.Equal(parent.UpdatedAt) || len(again.Parties) != len(parent.Parties) {
		t.Error("the accession changed the signed agreement")
	}
}

func TestEndingDialogRefusesAndRecords(t *testing.T) {
	w, s, parent := signedPartnership(t)
	d := w.Agreements.draft
	test.Tap(button(t, w, "Afslut aftale…"))
	captureTo(t, w, "tree-ending")
	x := d.tree.ending
	if x == nil {
		t.Fatal("»Afslut aftale…« opened no dialog")
	}
	x.kind.SetSelected("Opsigelse")
	typeInto(x.date, "1.1.2015")
	test.Tap(button(t, w, "Afslut aftalen"))
	mustContain(t, x.msg.Text, "Begrundelse: skal udfyldes")
	mustContain(t, x.msg.Text, "Dato: aftalen kan ikke afsluttes 1.1.2015, før den begyndte (1.3.2015)")
	if n := countRows(t, s, "agreement_endings"); n != 0 {
		t.Fatalf("a refused ending left %d rows", n)
	}
	x.date.SetText("")
	typeInto(x.date, "30.6.2016")
	typeInto(x.reason, "Partnerskabet fortsætter i en ny aftale")
	test.Tap(button(t, w, "Afslut aftalen"))
	if d.tree.ending != nil {
		t.Fatalf("the dialog stayed open: %s", x.msg.Text)
	}
	mustContain(t, d.parties.Text, "Opsigelse pr. 30.6.2016: Partnerskabet fortsætter i en ny aftale")
	if d.tree.end.Visible() || d.tree.join.Visible() {
		t.Error("an ended agreement still offers to end it or join it")
	}
	if rows := listRows(w); len(rows) != 1 || !strings.HasPrefix(rows[0], parent.Number+" "+parent.Title+" / opsagt pr. 30.6.2016 · Underskrevet") {
		t.Errorf("the list does not show the ending: %q", rows)
	}
}

func TestNewAgreementHangsUnderThePickedParent(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	top := w.Agreements.draft.original
	a := w.Agreements
	a.NewRecord()
	f := a.fresh
	f.template.SetSelected(tp.Name)
	f.title.SetText("")
	typeInto(f.title, "Samarbejdsaftale: Bevar")
	chooseParties(t, f, "Boligsocial helhedsplan Motalavej", "Bevar")
	pick(t, f.parent.picker, top.Number+" "+top.Title)
	typeInto(f.date, "21.8.2015")
	test.Tap(f.createButton)
	sub := a.draft.original
	if sub.ID == top.ID || sub.ParentID != top.ID {
		t.Fatalf("the new agreement %s hangs under %d, want %d (%s)", sub.Number, sub.ParentID, top.ID, f.state.Text)
	}
	var stored int64
	s.DB().QueryRow(`SELECT parent_id FROM agreements WHERE id = ?`, sub.ID).Scan(&stored)
	if stored != top.ID {
		t.Errorf("parent_id %d in the database", stored)
	}
	mustContain(t, a.draft.parties.Text, "Hører under aftale "+top.Number+" "+top.Title)
	names := a.list.Names()
	if len(names) != 2 || names[0] != top.Number+" "+top.Title || names[1] != "  › "+sub.Number+" Samarbejdsaftale: Bevar" {
		t.Errorf("the list: %q", names)
	}
	// The picker offers the tree, the new one indented under its parent.
	a.NewRecord()
	if opts := parentChoices(t, f.parent); len(opts) != 3 || opts[0] != noParent() || opts[2] != "  › "+sub.Number+" Samarbejdsaftale: Bevar" {
		t.Errorf("the picker offers %q", opts)
	}
	// A search finds the sub-agreement by a word of its title, in any case.
	if got, _ := f.parent.picker.Find("BEVAR", 0, 10); len(got) != 1 || got[0].ID != sub.ID {
		t.Errorf("searching »BEVAR« finds %v", got)
	}
}

func TestMergeAgainAsksAndKeepsTheDraft(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	if !d.tree.remerge.Visible() {
		t.Fatal("a draft offers no »Flet igen«")
	}
	// A hand edit, which the merge replaces once the caseworker says yes.
	if _, err := s.SaveAgreementDraft(context.Background(), d.original.ID, func() data.AgreementForm {
		f := d.original.Form()
		f.Body += "\nEn tilføjelse i hånden.\n"
		return f
	}()); err != nil {
		t.Fatal(err)
	}
	w.Agreements.open(d.original.ID)
	test.Tap(d.tree.remerge)
	mustContain(t, dialogText(w), "Hvad der er skrevet i teksten i hånden, erstattes")
	test.Tap(button(t, w, "Flet igen"))
	got, _ := s.Agreement(context.Background(), d.original.ID)
	if strings.Contains(got.Body, "En tilføjelse i hånden.") || got.Status != data.StatusDraft {
		t.Errorf("after »Flet igen«: status %s, the hand edit kept: %v", got.Status, strings.Contains(got.Body, "i hånden"))
	}
	mustContain(t, w.status.Text, "er flettet igen")
}

// listRows are the Aftaler list's rows as shown: "title / detail".
func listRows(w *Window) []string {
	l := w.Agreements.list
	var out []string
	for i := 0; i < l.Rows.Len(); i++ {
		n, _ := l.Rows.Get(i)
		out = append(out, treeTitle(n)+" / "+treeDetail(n))
	}
	return out
}

// A draft is moved under another agreement with its text ("Redigér tekst"):
// its own branch is never offered, the move reaches the database and the
// list, and a draft can be taken out of the tree again.
func TestDraftMovesUnderAnotherAgreement(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	top := w.Agreements.draft.original
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	sub := d.original
	if sub.ID == top.ID {
		t.Fatal("the second draft is the first")
	}
	test.Tap(d.editButton)
	for _, o := range parentChoices(t, d.parent) {
		if strings.Contains(o, sub.Number) {
			t.Errorf("the draft is offered to hang under itself: %q", parentChoices(t, d.parent))
		}
	}
	pick(t, d.parent.picker, top.Number+" "+top.Title)
	w.Agreements.Save()
	var stored int64
	s.DB().QueryRow(`SELECT coalesce(parent_id, 0) FROM agreements WHERE id = ?`, sub.ID).Scan(&stored)
	if stored != top.ID {
		t.Fatalf("parent_id %d in the database, want %d", stored, top.ID)
	}
	if names := w.Agreements.list.Names(); len(names) != 2 || names[1] != "  › "+sub.Number+" "+sub.Title {
		t.Errorf("the list after the move: %q", names)
	}
	// The top agreement may not hang under its own sub-agreement.
	w.Agreements.open(top.ID)
	test.Tap(w.Agreements.draft.editButton)
	for _, o := range parentChoices(t, w.Agreements.draft.parent) {
		if strings.Contains(o, sub.Number) || strings.Contains(o, top.Number) {
			t.Errorf("the top draft is offered its own branch: %q", parentChoices(t, w.Agreements.draft.parent))
		}
	}
	w.Agreements.draft.cancel()
	w.Agreements.open(sub.ID)
	test.Tap(w.Agreements.draft.editButton)
	pickFound(t, w.Agreements.draft.parent.picker, "", noParent())
	w.Agreements.Save()
	s.DB().QueryRow(`SELECT coalesce(parent_id, 0) FROM agreements WHERE id = ?`, sub.ID).Scan(&stored)
	if stored != 0 {
		t.Errorf("parent_id %d after choosing none", stored)
	}
}

// parentChoices are the rows the parent picker offers before anything is
// typed: "(ingen …)" first, then the tree.
func parentChoices(t *testing.T, p *parentPicker) []string {
	t.Helper()
	items, err := p.picker.Find("", 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}
