package ui

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// withPartnershipTemplate opens the demo case and saves the default
// partnership template, as the caseworker would import it.
func withPartnershipTemplate(t *testing.T) (*Window, *data.Store, data.Template) {
	t.Helper()
	w, s := newTestWindow(t, true)
	body, err := os.ReadFile(filepath.Join("..", "assets", "templates", "partnerskabsaftale.md"))
	if err != nil {
		t.Fatal(err)
	}
	tp, _, err := s.SaveTemplate(context.Background(), data.TemplateForm{Name: "Partnerskabsaftale af 2. orden", Body: string(body)})
	if err != nil {
		t.Fatal(err)
	}
	w.Reload()
	return w, s, tp
}

// createDemoDraft drafts the partnership agreement for four of the demo's
// parties through the form, with the signatories' order changed.
func createDemoDraft(t *testing.T, w *Window, tp data.Template) []string {
	t.Helper()
	w.Tabs.SelectIndex(5)
	a := w.Agreements
	a.NewRecord()
	f := a.fresh
	f.template.SetSelected(tp.Name)
	if f.title.Text != tp.Name {
		t.Errorf("title %q does not follow the template", f.title.Text)
	}
	// Picked top to bottom in the register's order, as the caseworker
	// goes down the list: each party's first contact is proposed in turn.
	parties := []string{"Bevar", "Boligsocial helhedsplan Motalavej", "Center for Arbejdsmarked og Integration", "Fra de varme lande", "Sekstanten", "Slagelse Kommune"}
	chooseParties(t, f, parties...)
	if len(f.chosen) < 3 {
		t.Fatalf("signatories proposed: %d", len(f.chosen))
	}
	f.move(2, -1) // the third signs second
	var order []string
	for _, c := range f.chosen {
		order = append(order, c.contact.Name)
	}
	typeInto(f.date, "21.2.2015")
	typeInto(f.validFrom, "1.3.2015")
	typeInto(f.validTo, "30.9.2017")
	if f.place.Text != "Korsør" {
		t.Errorf("place %q, want the setting default_place", f.place.Text)
	}
	test.Tap(button(t, w, "Opret kladde"))
	return order
}

func TestCreateDraftFromThePartnershipTemplate(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	order := createDemoDraft(t, w, tp)

	as, err := s.Agreements(context.Background(), data.AgreementQuery{})
	if err != nil || len(as) != 1 {
		t.Fatalf("agreements in the store: %v %v", as, err)
	}
	a, err := s.Agreement(context.Background(), as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	latest, _ := s.LatestVersion(context.Background(), tp.ID)
	if a.Status != data.StatusDraft || a.TemplateVersionID != latest.ID || a.Number != "2015-001" {
		t.Errorf("saved %s status %s from version %d (latest %d)", a.Number, a.Status, a.TemplateVersionID, latest.ID)
	}
	var parties []string
	for _, p := range a.Parties {
		parties = append(parties, p.Name)
	}
	if strings.Join(parties, "|") != "Bevar|Boligsocial helhedsplan Motalavej|Center for Arbejdsmarked og Integration|Fra de varme lande|Sekstanten|Slagelse Kommune" {
		t.Errorf("parties saved: %v", parties)
	}
	var signers []string
	for _, g := range a.Signatories {
		signers = append(signers, g.Name)
	}
	if strings.Join(signers, "|") != strings.Join(order, "|") {
		t.Errorf("signatories saved %v, chosen in the order %v", signers, order)
	}
	if a.Date.Format("2006-01-02") != "2015-02-21" || a.Place != "Korsør" {
		t.Errorf("date %v place %q", a.Date, a.Place)
	}

	// The draft opens in the preview with the parties' names.
	d := w.Agreements.draft
	if d.original.ID != a.ID || !d.content.Visible() {
		t.Fatal("the new draft did not open")
	}
	preview := widgets.RichTextString(d.preview)
	for _, name := range []string{"Slagelse Kommune", "Sekstanten", "Bevar", "Fra de varme lande"} {
		mustContain(t, preview, name)
	}
	mustContain(t, d.form.State.Text, "Kladde")
	if got := w.Agreements.list.Names(); len(got) != 1 || got[0] != "2015-001 Partnerskabsaftale af 2. orden" {
		t.Errorf("list shows %v", got)
	}
}

func TestBadDateInTheNewAgreementFormIsRefused(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	f := w.Agreements.fresh
	f.template.SetSelected(tp.Name)
	chooseParties(t, f, "Bevar", "Sekstanten")
	typeInto(f.date, "31.2.2015")
	test.Tap(f.createButton)
	if n := countRows(t, s, "agreements"); n != 0 {
		t.Fatalf("a refused draft wrote %d agreements", n)
	}
	msg := f.fields.ByName("Date").Msg
	if !msg.Visible() {
		t.Fatal("no message on the date")
	}
	mustContain(t, msg.Text, "findes ikke")
}

func TestEditedTextOfTheDraftIsSaved(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	test.Tap(d.editButton)
	if !d.editing {
		t.Fatal("»Redigér tekst« did not open the text")
	}
	d.body.SetText(d.original.Body + "\n\nParterne mødes første gang den 1. marts 2015.")
	if !d.form.Dirty() {
		t.Fatal("typing did not mark the text as changed")
	}
	w.Agreements.Save() // Ctrl+S
	a, _ := s.Agreement(context.Background(), d.original.ID)
	if !strings.Contains(a.Body, "Parterne mødes første gang den 1. marts 2015.") {
		t.Errorf("the edit did not reach the store")
	}
	if d.editing || d.form.Dirty() {
		t.Error("after saving the draft stays in edit mode")
	}
	mustContain(t, widgets.RichTextString(d.preview), "Parterne mødes første gang")

	// Esc throws an edit away.
	test.Tap(d.editButton)
	typeInto(d.body, "Noget helt andet.")
	d.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	test.Tap(button(t, w, "Kassér ændringerne")) // Esc asks first
	if a2, _ := s.Agreement(context.Background(), a.ID); a2.Body != a.Body {
		t.Error("Esc saved the edit")
	}
	if d.body.Text != a.Body {
		t.Error("Esc kept the edited text in the form")
	}
}

func TestSaveAsPDFAndPrintWriteThePDF(t *testing.T) {
	w, _, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	out := filepath.Join(t.TempDir(), "aftale.pdf")
	errs := make(chan error, 1)
	d.savePDF(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("Gem som PDF wrote %d bytes starting %q (%v)", len(b), b[:min(len(b), 8)], err)
	}

	printed := make(chan string, 1)
	d.print(func(path string, err error) {
		if err != nil {
			t.Error(err)
		}
		printed <- path
	})
	path := <-printed
	t.Cleanup(func() { os.Remove(path) })
	if p, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(p, []byte("%PDF")) {
		t.Errorf("Udskriv wrote no PDF to %s (%v)", path, err)
	}
	mustContain(t, filepath.Base(path), "2015-001")

	// Without a PDF viewer the caseworker is told so in Danish, with where
	// the file is, and offered to save it.
	w.openURL = func(*url.URL) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	d.print(func(string, error) { printed <- "" })
	<-printed
	text := dialogText(w)
	mustContain(t, text, "Der er ikke fundet et program, der kan vise og udskrive PDF-filer")
	mustContain(t, text, path)
	if strings.Contains(text, "xdg-open") || strings.Contains(text, "executable") {
		t.Errorf("the raw error reached the caseworker: %q", text)
	}
	button(t, w, "Gem som PDF…")
}

func TestNewAgreementFormKeepsADraft(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	w.Tabs.SelectIndex(5)
	f := w.Agreements.fresh
	f.template.SetSelected(tp.Name)
	typeInto(f.title, "Partnerskabsaftale 2016")
	chooseParties(t, f, "Sekstanten", "Bevar", "Fra de varme lande")
	if len(f.chosen) != 3 {
		t.Fatalf("signatories proposed: %d", len(f.chosen))
	}
	f.move(2, -1)
	leases, err := f.lease.Find("", 0, 100)
	if err != nil || len(leases) == 0 {
		t.Fatalf("the demo offers no lease (%v)", err)
	}
	last := leases[len(leases)-1]
	if got := pickFound(t, f.lease, strings.Fields(last.Title)[0], last.Title); got != last.Title || pickedID(f.lease) != last.ID {
		t.Fatalf("picked lease %q (%d), want %q (%d)", got, pickedID(f.lease), last.Title, last.ID)
	}
	typeInto(f.date, "3.1.2016")
	typeInto(f.place, "Slagelse")
	typeInto(f.validFrom, "1.2.2016")
	typeInto(f.validTo, "31.1.2018")
	if !f.form.Dirty() || !w.Agreements.Dirty() {
		t.Fatal("typing did not mark the new agreement as changed")
	}
	want := f.values()
	var signers []string
	for _, c := range f.chosen {
		signers = append(signers, c.contact.Name)
	}
	pause() // the caseworker stops typing: the draft is written
	if n := countRows(t, s, "agreements"); n != 0 {
		t.Fatalf("a draft wrote %d agreements", n)
	}

	w2 := New(test.NewTempApp(t), s)
	defer w2.Win.Close()
	w2.OfferDrafts()
	mustContain(t, contentText(w2), "Ny aftale: Partnerskabsaftale 2016")
	test.Tap(button(t, w2, "Hent ændringerne tilbage"))
	f2 := w2.Agreements.fresh
	if widgets.TabContent(w2.Tabs.Selected()) != w2.Agreements.content || !f2.content.Visible() {
		t.Error("the restored new agreement is not in front")
	}
	if got := f2.values(); !reflect.DeepEqual(got, want) {
		t.Errorf("restored %+v,\nwant %+v", got, want)
	}
	if f2.template.Selected != tp.Name || f2.title.Text != "Partnerskabsaftale 2016" || f2.date.Text != "3.1.2016" ||
		f2.place.Text != "Slagelse" || f2.validFrom.Text != "1.2.2016" || f2.validTo.Text != "31.1.2018" ||
		pickedTitle(f2.lease) != pickedTitle(f.lease) || !f2.form.Dirty() {
		t.Errorf("the form shows %q %q %q %q %q %q %q, dirty %v", f2.template.Selected, f2.title.Text, f2.date.Text,
			f2.place.Text, f2.validFrom.Text, f2.validTo.Text, pickedTitle(f2.lease), f2.form.Dirty())
	}
	if strings.Join(partyNames(f2), "|") != "Bevar|Fra de varme lande|Sekstanten" {
		t.Errorf("parties shown: %v", partyNames(f2))
	}
	var signers2 []string
	for _, c := range f2.chosen {
		signers2 = append(signers2, c.contact.Name)
	}
	if strings.Join(signers2, "|") != strings.Join(signers, "|") {
		t.Errorf("signatories shown %v, typed %v", signers2, signers)
	}

	// "Opret kladde" creates the agreement from the restored form and forgets the draft.
	test.Tap(f2.createButton)
	as, err := s.Agreements(context.Background(), data.AgreementQuery{})
	if err != nil || len(as) != 1 {
		t.Fatalf("agreements in the store: %v %v", as, err)
	}
	a, _ := s.Agreement(context.Background(), as[0].ID)
	var stored []string
	for _, g := range a.Signatories {
		stored = append(stored, g.Name)
	}
	if a.Title != "Partnerskabsaftale 2016" || a.Place != "Slagelse" || strings.Join(stored, "|") != strings.Join(signers, "|") {
		t.Errorf("stored %q in %q signed by %v", a.Title, a.Place, stored)
	}
	if n := countRows(t, s, "form_drafts"); n != 0 {
		t.Errorf("%d drafts kept after »Opret kladde«", n)
	}
}
