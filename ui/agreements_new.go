package ui

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// newAgreementForm drafts a new agreement: a template (its newest
// version), the parties, the lease when the template has one, the
// signatories in signing order, the date, place and period. "Opret
// kladde" merges the template with those facts (agreement.Draft) and
// saves the draft. What is typed is kept as a draft ("agreement_new"),
// offered back at the next start like the other forms' drafts.
type newAgreementForm struct {
	t       *AgreementsTab
	content fyne.CanvasObject

	form                         *form.Form // dirty tracking and the draft; the messages live in fields
	heading, state               *widget.Label
	fields                       form.FieldSet
	template                     *widget.Select
	lease                        *widgets.Picker // read page by page: the big register has thousands
	parent                       *parentPicker   // "Hører under aftale" (agreements_tree.go)
	title, date, place           *widgets.Entry
	validFrom, validTo           *widgets.Entry
	parties                      *partyList
	signers                      *fyne.Container // one row per chosen signatory
	addSigner                    *widget.Select
	createButton                 *widget.Button
	templates                    []data.Template
	candidates                   []signerChoice // contacts of the chosen parties
	chosen                       []signerChoice // in signing order
	templateBody                 string         // the chosen template's newest text
	templateVersionID            int64
	lastTemplateTitle, lastTitle string
}

// signerChoice is a contact person who can sign, with what the list shows.
type signerChoice struct {
	contact data.Contact
	org     string
}

func (c signerChoice) label() string {
	s := c.contact.Name
	if c.contact.Title != "" {
		s += ", " + c.contact.Title
	}
	return s + " (" + c.org + ")"
}

func newNewAgreementForm(t *AgreementsTab) *newAgreementForm {
	f := &newAgreementForm{t: t}
	f.form = form.New(t.w, draftAgreementNew)
	f.form.RecordID = func() int64 { return 0 }
	f.form.Values = func() any { return f.values() }
	f.form.Parse = func() error { return nil } // agreement.Draft and CreateAgreement check it at "Opret kladde"
	f.heading = f.form.Heading
	f.heading.SetText(lang.X("agreements.newheading", "Ny aftale"))
	f.state = f.form.State
	f.state.SetText(lang.X("agreements.new.state", "Vælg skabelon, parter og underskrivere; »Opret kladde« fletter aftalens tekst."))
	f.template = widget.NewSelect(nil, func(string) { f.templateChosen(); f.form.Changed() })
	f.template.PlaceHolder = lang.X("agreements.template.choose", "(vælg skabelon)")
	f.title = widgets.NewEntry("")
	f.parties = newPartyList(t.w)
	f.parties.OnChanged = func() { f.partiesChanged(); f.form.Changed() }
	f.lease = leasePicker(t.w, lang.X("agreements.lease.choose", "(vælg lejemål)"))
	f.lease.OnChanged = func(int64) { f.form.Changed() }
	f.parent = newParentPicker(t)
	f.parent.picker.OnChanged = func(int64) { f.form.Changed() }
	f.signers = container.NewVBox()
	f.addSigner = widget.NewSelect(nil, func(s string) { f.addChosen(s) })
	f.addSigner.PlaceHolder = lang.X("agreements.signers.add", "Tilføj underskriver …")
	f.date = widgets.NewEntry(lang.X("form.date.hint", "dd.mm.åååå"))
	f.place = widgets.NewEntry("")
	f.validFrom = widgets.NewEntry(lang.X("form.date.hint", "dd.mm.åååå"))
	f.validTo = widgets.NewEntry(lang.X("agreements.validto.hint", "tom: uden udløb"))
	for _, e := range []*widgets.Entry{f.title, f.date, f.place, f.validFrom, f.validTo} {
		e.OnEscape = func() {}
		e.OnChanged = func(string) { f.form.Changed() }
	}

	add := func(name, label string, in fyne.CanvasObject) { f.fields.Add(form.NewField(name, label, in)) }
	add("TemplateVersionID", lang.X("agreements.template", "Skabelon"), f.template)
	add("Title", lang.X("agreements.title", "Titel"), f.title)
	add("Parties", lang.X("agreements.parties", "Parter"), f.parties.content)
	add("LeaseID", lang.X("agreements.lease", "Lejemål"), f.lease)
	add("ParentID", lang.X("agreements.parent", data.TreeLabel), f.parent.picker)
	add("Signatories", lang.X("agreements.signers", "Underskrivere (i rækkefølge)"),
		container.NewVBox(f.signers, f.addSigner))
	add("Date", lang.X("agreements.date", "Dato"), f.date)
	add("Place", lang.X("agreements.place", "Sted"), f.place)
	add("ValidFrom", lang.X("agreements.validfrom", "Gælder fra"), f.validFrom)
	add("ValidTo", lang.X("agreements.validto", "Gælder til"), f.validTo)

	f.createButton = widget.NewButton(lang.X("agreements.create", "Opret kladde"), f.create)
	f.createButton.Importance = widget.HighImportance
	f.content = container.NewBorder(container.NewVBox(f.heading, f.state),
		container.NewHBox(f.createButton, layout.NewSpacer()), nil, nil,
		container.NewVScroll(f.fields.Object()))
	t.w.atFirstShow(f.reset)
	return f
}

// reloadChoices re-reads the templates to choose from and the chosen
// parties and lease, keeping what is chosen where it still exists (the
// pickers read the organisations and leases themselves, page by page).
func (f *newAgreementForm) reloadChoices() {
	defer f.quiet()()
	ctx := ctx()
	s := f.t.w.store
	if ts, err := s.Templates(ctx, false); err == nil {
		f.templates = ts
		opts := make([]string, len(ts))
		for i, tp := range ts {
			opts[i] = tp.Name
		}
		f.template.Options = opts
		f.template.Refresh()
	}
	f.parties.reload()
	if id := pickedID(f.lease); id != 0 {
		if l, err := s.Lease(ctx, id); err == nil && !l.Archived() {
			f.lease.SetSelected(l.ID, l.Title())
		} else {
			f.lease.SetSelected(0, "")
		}
	}
	f.parent.reload()
	f.partiesChanged()
}

// reset empties the form for a new agreement: today's date, the usual place.
func (f *newAgreementForm) reset() {
	defer f.quiet()()
	f.title.SetText("")
	f.lastTitle, f.lastTemplateTitle = "", ""
	f.parties.set(nil)
	f.chosen = nil
	f.lease.SetSelected(0, "")
	f.parent.set(0)
	f.date.SetText(dk.FormatDate(time.Now()))
	f.place.SetText(defaultPlace(f.t.w.store))
	f.validFrom.SetText("")
	f.validTo.SetText("")
	f.fields.Clear()
	f.reloadChoices()
	if f.template.SelectedIndex() < 0 && len(f.template.Options) > 0 {
		f.template.SetSelectedIndex(0)
	}
	f.templateChosen()
}

// defaultPlace is the settings' default_place ("Korsør"), or "".
func defaultPlace(s *data.Store) string {
	v, err := s.Setting(context.Background(), data.SettingDefaultPlace)
	if err != nil {
		fyne.LogError("default_place", err)
	}
	return v
}

// templateChosen reads the chosen template's newest version: its title
// becomes the agreement's (unless one was typed), and the lease shows
// when the text uses one.
func (f *newAgreementForm) templateChosen() {
	f.templateBody, f.templateVersionID = "", 0
	i := f.template.SelectedIndex()
	if i >= 0 && i < len(f.templates) {
		tp := f.templates[i]
		if v, err := f.t.w.store.LatestVersion(ctx(), tp.ID); err == nil {
			f.templateBody, f.templateVersionID = v.Body, v.ID
		}
		if f.title.Text == "" || f.title.Text == f.lastTemplateTitle {
			f.title.SetText(tp.Name)
		}
		f.lastTemplateTitle = tp.Name
	}
	f.fields.ByName("LeaseID").SetVisible(usesLease(f.templateBody))
}

// partiesChanged keeps the signatories to contacts of the chosen parties,
// proposing each newly chosen party's first contact person.
func (f *newAgreementForm) partiesChanged() {
	chosenOrgs := map[int64]bool{}
	f.candidates = nil
	for _, o := range f.parties.chosen {
		chosenOrgs[o.ID] = true
		cs, err := f.t.w.store.Contacts(ctx(), o.ID, false)
		if err != nil {
			continue
		}
		for _, c := range cs {
			f.candidates = append(f.candidates, signerChoice{contact: c, org: o.Name})
		}
	}
	had := map[int64]bool{}
	var kept []signerChoice
	for _, c := range f.chosen {
		had[c.contact.OrganisationID] = true
		if chosenOrgs[c.contact.OrganisationID] {
			kept = append(kept, c)
		}
	}
	f.chosen = kept
	for _, c := range f.candidates {
		if !had[c.contact.OrganisationID] {
			had[c.contact.OrganisationID] = true
			f.chosen = append(f.chosen, c)
		}
	}
	f.showSigners()
}

// showSigners lays out the chosen signatories with ↑ ↓ and remove, and
// offers the other contacts of the chosen parties.
func (f *newAgreementForm) showSigners() {
	f.signers.RemoveAll()
	for i, c := range f.chosen {
		i := i
		up := widget.NewButton("↑", func() { f.move(i, -1) })
		down := widget.NewButton("↓", func() { f.move(i, 1) })
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			f.chosen = append(f.chosen[:i:i], f.chosen[i+1:]...)
			f.showSigners()
			f.form.Changed()
		})
		if i == 0 {
			up.Disable()
		}
		if i == len(f.chosen)-1 {
			down.Disable()
		}
		label := widget.NewLabel(lang.X("agreements.signers.row", "{{.N}}. {{.Name}}", map[string]any{"N": i + 1, "Name": c.label()}))
		label.Truncation = fyne.TextTruncateEllipsis
		f.signers.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, remove), label))
	}
	var opts []string
	for _, c := range f.candidates {
		if !f.isChosen(c.contact.ID) {
			opts = append(opts, c.label())
		}
	}
	f.addSigner.Options = opts
	f.addSigner.ClearSelected()
	f.signers.Refresh()
}

func (f *newAgreementForm) isChosen(contactID int64) bool {
	for _, c := range f.chosen {
		if c.contact.ID == contactID {
			return true
		}
	}
	return false
}

func (f *newAgreementForm) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(f.chosen) {
		return
	}
	f.chosen[i], f.chosen[j] = f.chosen[j], f.chosen[i]
	f.showSigners()
	f.form.Changed()
}

func (f *newAgreementForm) addChosen(label string) {
	if label == "" {
		return
	}
	for _, c := range f.candidates {
		if c.label() == label && !f.isChosen(c.contact.ID) {
			f.chosen = append(f.chosen, c)
			f.form.Changed()
			break
		}
	}
	f.showSigners()
}

// selection is the form's choices as agreement.Draft takes them. Dates
// that do not parse are left empty here: CreateAgreement checks the typed
// text and says what is wrong with it.
func (f *newAgreementForm) selection() agreement.Selection {
	sel := agreement.Selection{Title: strings.TrimSpace(f.title.Text), Place: strings.TrimSpace(f.place.Text)}
	sel.AgreementDate, _ = dk.ParseDate(f.date.Text)
	sel.ValidFrom, _ = dk.ParseDate(f.validFrom.Text)
	sel.ValidTo, _ = dk.ParseDate(f.validTo.Text)
	sel.PartyIDs = f.parties.ids()
	if usesLease(f.templateBody) {
		sel.LeaseID = pickedID(f.lease)
	}
	for _, c := range f.chosen {
		sel.SignatoryContactIDs = append(sel.SignatoryContactIDs, c.contact.ID)
	}
	sel.ParentID = f.parent.id()
	return sel
}

// create merges the template with the chosen facts and saves the draft,
// then opens it. A refusal puts each problem on its field.
func (f *newAgreementForm) create() {
	if f.templateVersionID == 0 {
		f.fields.Show(&data.ValidationError{Problems: []data.FieldError{{Field: "TemplateVersionID",
			Label: "Skabelon", Code: "required", Text: lang.X("agreements.template.required", "vælg en skabelon")}}})
		return
	}
	form, missing, err := agreement.DraftMissing(ctx(), f.t.w.store, f.templateVersionID, f.selection())
	if v, ok := data.AsValidation(err); ok {
		f.refused(v)
		return
	}
	var te *agreement.TemplateError
	if errors.As(err, &te) {
		f.refused(&data.ValidationError{Problems: []data.FieldError{{Field: "TemplateVersionID", Label: "Skabelon",
			Code: "template_problems", Text: te.Error()}}})
		return
	}
	if err != nil {
		f.t.w.ShowError(err)
		return
	}
	// What was typed is what the store checks, so a bad date gets its message.
	form.Title, form.Place = f.title.Text, f.place.Text
	form.Date, form.ValidFrom, form.ValidTo = f.date.Text, f.validFrom.Text, f.validTo.Text
	a, err := f.t.w.store.CreateAgreement(ctx(), form)
	if v, ok := data.AsValidation(err); ok {
		f.refused(v)
		return
	}
	if err != nil {
		f.t.w.ShowError(err)
		return
	}
	f.fields.Clear()
	f.form.Clean() // the draft is an agreement now
	f.t.list.Reload(a.ID)
	f.t.open(a.ID)
	f.t.w.SetStatus(lang.X("agreements.created", "Kladden {{.Number}} {{.Title}} er oprettet.",
		map[string]any{"Number": a.Number, "Title": a.Title}))
	if len(missing) > 0 {
		f.warnMissing(a, missing)
	}
}

// warnMissing says, right after the draft was made, which merge fields it
// could not fill and why: they stand in the text as [[MANGLER: …]] until
// the parties or the lease are chosen or the text is fixed.
func (f *newAgreementForm) warnMissing(a data.Agreement, missing []agreement.Missing) {
	lines := make([]string, len(missing))
	for i, m := range missing {
		lines[i] = "• " + m.Path + ": " + m.Reason
	}
	text := widget.NewLabel(lang.X("agreements.missing.question",
		"Kladden {{.Number}} har tomme flettefelter, markeret [[MANGLER: …]] i teksten:\n{{.Lines}}\nDen kan ikke sendes til underskrift, før de er udfyldt: vælg det, der mangler, og opret kladden igen, eller ret teksten.",
		map[string]any{"Number": a.Number, "Lines": strings.Join(lines, "\n")}))
	text.Wrapping = fyne.TextWrapWord
	dialog.ShowCustom(lang.X("agreements.missing.title", "Tomme flettefelter"), lang.X("csv.close", "Luk"),
		container.New(&widgets.MinWidth{W: 560}, text), f.t.w.Win)
}

func (f *newAgreementForm) refused(v *data.ValidationError) {
	first := f.fields.Show(v)
	f.state.SetText(form.RefusedText(v))
	if first != nil {
		if fo, ok := first.Input.(fyne.Focusable); ok {
			f.t.w.Win.Canvas().Focus(fo)
		}
	}
}

// draftAgreementNew names the drafts of the new-agreement form.
const draftAgreementNew = "agreement_new"

// newAgreementDraft is the new-agreement form as typed, kept as its draft:
// the choices by id, the dates and place as typed.
type newAgreementDraft struct {
	TemplateID          int64   `json:"template_id,omitempty"`
	Title               string  `json:"title"`
	PartyIDs            []int64 `json:"party_ids,omitempty"`
	LeaseID             int64   `json:"lease_id,omitempty"`
	SignatoryContactIDs []int64 `json:"signatory_contact_ids,omitempty"` // in signing order
	Date                string  `json:"date"`
	Place               string  `json:"place"`
	ValidFrom           string  `json:"valid_from"`
	ValidTo             string  `json:"valid_to"`
	ParentID            int64   `json:"parent_id,omitempty"`
}

// quiet marks the widgets as filled by code until the returned func runs
// (defer f.quiet()()): what the code sets is not an edit.
func (f *newAgreementForm) quiet() func() {
	was := f.form.Loading
	f.form.Loading = true
	return func() { f.form.Loading = was }
}

// values is the form as typed.
func (f *newAgreementForm) values() newAgreementDraft {
	d := newAgreementDraft{Title: f.title.Text, Date: f.date.Text, Place: f.place.Text,
		ValidFrom: f.validFrom.Text, ValidTo: f.validTo.Text}
	if i := f.template.SelectedIndex(); i >= 0 && i < len(f.templates) {
		d.TemplateID = f.templates[i].ID
	}
	d.PartyIDs = f.parties.ids()
	d.LeaseID = pickedID(f.lease)
	for _, c := range f.chosen {
		d.SignatoryContactIDs = append(d.SignatoryContactIDs, c.contact.ID)
	}
	d.ParentID = f.parent.id()
	return d
}

// setValues puts a kept draft back into the widgets; choices that no
// longer exist (a template or party deleted since) stay unchosen.
func (f *newAgreementForm) setValues(d newAgreementDraft) {
	defer f.quiet()()
	f.reset()
	for i, tp := range f.templates {
		if tp.ID == d.TemplateID {
			f.template.SetSelectedIndex(i)
		}
	}
	f.templateChosen()
	f.title.SetText(d.Title)
	f.parties.set(d.PartyIDs)
	f.partiesChanged()
	f.chosen = nil
	for _, id := range d.SignatoryContactIDs {
		for _, c := range f.candidates {
			if c.contact.ID == id && !f.isChosen(id) {
				f.chosen = append(f.chosen, c)
			}
		}
	}
	f.showSigners()
	f.lease.SetSelected(0, "")
	if d.LeaseID != 0 {
		if l, err := f.t.w.store.Lease(ctx(), d.LeaseID); err == nil && !l.Archived() {
			f.lease.SetSelected(l.ID, l.Title())
		}
	}
	f.parent.set(d.ParentID)
	f.date.SetText(d.Date)
	f.place.SetText(d.Place)
	f.validFrom.SetText(d.ValidFrom)
	f.validTo.SetText(d.ValidTo)
}

// restoreDraft puts a kept draft's values into the form, dirty, and shows
// it, unless the draft view's edited text was just restored too: that
// stays in front, since the view cannot be left without deciding on it.
func (f *newAgreementForm) restoreDraft(d data.Draft) {
	form.RestoreDraft(f.form, d, func(int64) (struct{}, error) { return struct{}{}, nil },
		func(struct{}) {
			if !f.t.draft.form.Dirty() {
				f.t.showNew()
			}
		}, f.setValues, func() {})
}

// draftTitle names a kept draft of the form: "Ny aftale: Partnerskabsaftale …".
func (f *newAgreementForm) draftTitle(d data.Draft) string {
	var v newAgreementDraft
	if json.Unmarshal(d.Data, &v) != nil || strings.TrimSpace(v.Title) == "" {
		return lang.X("agreements.newheading", "Ny aftale")
	}
	return lang.X("agreements.new.drafttitle", "Ny aftale: {{.Title}}", map[string]any{"Title": strings.TrimSpace(v.Title)})
}
