package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// A Samarbejdsaftale with Bevar and the municipal centre but no
// helhedsplan: creating the draft says which field is empty and why, the
// preview shows the marker, and "Send til underskrift" is refused naming it.
func TestADraftWithEmptyMergeFieldsSaysSoAndIsNotSent(t *testing.T) {
	w, s := newTestWindow(t, true)
	body, err := os.ReadFile(filepath.Join("..", "assets", "templates", "samarbejdsaftale.md"))
	if err != nil {
		t.Fatal(err)
	}
	tp, _, err := s.SaveTemplate(context.Background(), data.TemplateForm{Name: "Samarbejdsaftale (paradigme)", Body: string(body)})
	if err != nil {
		t.Fatal(err)
	}
	w.Reload()
	w.Tabs.SelectIndex(5)
	a := w.Agreements
	a.NewRecord()
	f := a.fresh
	f.template.SetSelected(tp.Name)
	chooseParties(t, f, "Bevar", "Center for Arbejdsmarked og Integration")
	test.Tap(button(t, w, "Opret kladde"))

	mustContain(t, dialogText(w), "helhedsplan.navn: ingen af parterne er af typen boligsocial helhedsplan")
	test.Tap(button(t, w, "Luk"))
	d := a.draft
	if d.original.ID == 0 {
		t.Fatal("no draft was created")
	}
	mustContain(t, d.form.State.Text, "Tomme flettefelter: helhedsplan.navn")
	mustContain(t, widgets.RichTextString(d.preview), "Bevar (herefter »virksomheden«) og [[MANGLER: helhedsplan.navn]]")

	test.Tap(d.signing.send)
	test.Tap(button(t, w, "Send til underskrift"))
	mustContain(t, dialogText(w), "tomme flettefelter (helhedsplan.navn")
	if got, _ := s.Agreement(context.Background(), d.original.ID); got.Status != data.StatusDraft {
		t.Errorf("the agreement went to %s", got.Status)
	}
}

// The new-agreement form offers what was made in another tab a moment ago,
// without "Ny aftale" being clicked again.
func TestTheNewAgreementFormOffersWhatWasJustMade(t *testing.T) {
	w, _ := newTestWindow(t, true)
	w.Tabs.SelectIndex(5) // the form is shown, with its lists read
	w.Tabs.SelectIndex(1)
	p := w.Partners
	p.NewRecord()
	typeInto(p.Entry("Name"), "Grønt Værksted")
	test.Tap(p.SaveButton)
	w.Tabs.SelectIndex(5)
	offered, err := w.Agreements.fresh.parties.picker.Find("Grønt Værksted", 0, 10)
	if err != nil || len(offered) != 1 || offered[0].Title != "Grønt Værksted" {
		t.Errorf("the parties offered for Grønt Værksted are %v (%v)", offered, err)
	}
	chooseParties(t, w.Agreements.fresh, "Grønt Værksted")
}
