package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// PartnersTab is the Partnere tab: a searchable list of organisations and
// the form for one of them with its contact people.
type PartnersTab struct {
	w       *Window
	content fyne.CanvasObject

	search       *entry
	kindFilter   *widget.Select
	showArchived *widget.Check
	list         *widget.List
	rows         *pager[data.Organisation]
	count        *widget.Label
	selecting    bool // the list is being moved by code, not by the user

	heading                                 *widget.Label
	state                                   *widget.Label
	fields                                  fieldSet
	name, cvr, pNumber, ean, rsvCheckedOn   *entry
	address, postcode, city, role, notes    *entry
	approvedOn, approvalRef                 *entry
	kind, parent                            *widget.Select
	rsv                                     *widget.RadioGroup
	saveButton, cancelButton, archiveButton *widget.Button
	original                                data.Organisation // as saved; ID 0 for a new one
	parents                                 []data.Organisation
	loading, dirty, showErrors              bool

	contacts *contactsPanel
}

func newPartnersTab(w *Window) *PartnersTab {
	t := &PartnersTab{w: w}
	t.buildList()
	t.buildForm()
	t.contacts = newContactsPanel(t)
	form := container.NewBorder(
		container.NewVBox(t.heading, t.state),
		container.NewHBox(t.saveButton, t.cancelButton, layout.NewSpacer(), t.archiveButton),
		nil, nil,
		container.NewVScroll(container.NewVBox(t.fields.object(), widget.NewSeparator(), t.contacts.content)))
	split := container.NewHSplit(t.listPanel(), container.NewPadded(form))
	split.Offset = 0.34
	t.content = split
	t.Reload()
	t.NewRecord()
	return t
}

func (t *PartnersTab) ctx() context.Context { return context.Background() }

// --- the list ---

func (t *PartnersTab) buildList() {
	t.search = newEntry(lang.X("partners.search", "Søg: navn, CVR, by, type, rolle (Ctrl+F)"))
	t.search.OnChanged = func(string) { t.Reload() }
	t.search.onEscape = func() { t.search.SetText("") }
	// Enter opens the first match: Ctrl+F, a few letters, Enter, and the
	// form is ready for typing.
	t.search.OnSubmitted = func(string) {
		if o, ok := t.rows.get(0); ok {
			t.guard(func() {
				t.open(o.ID)
				t.w.Win.Canvas().Focus(t.name)
			}, nil)
		}
	}
	all := lang.X("partners.allkinds", "Alle typer")
	options := []string{all}
	for _, k := range data.OrgKinds {
		options = append(options, kindLabel(k))
	}
	t.kindFilter = widget.NewSelect(options, func(string) { t.Reload() })
	t.kindFilter.SetSelected(all)
	t.showArchived = widget.NewCheck(lang.X("partners.archived", "Vis arkiverede"), func(bool) { t.Reload() })
	t.count = widget.NewLabel("")
	t.rows = newPager(200, func(offset, limit int) ([]data.Organisation, error) {
		q := t.query()
		q.Offset, q.Limit = offset, limit
		return t.w.store.SearchOrganisations(t.ctx(), q)
	})
	t.rows.onError = t.w.showError
	t.list = widget.NewList(t.rows.len,
		func() fyne.CanvasObject {
			name := widget.NewLabel("Organisationens navn")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("Type · by")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.SizeName = theme.SizeNameCaptionText
			return container.New(layout.NewCustomPaddedVBoxLayout(-8), name, detail)
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			o, _ := t.rows.get(id)
			box := obj.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(o.Name)
			box.Objects[1].(*widget.Label).SetText(orgDetail(o))
		})
	t.list.OnSelected = func(id widget.ListItemID) {
		if t.selecting {
			return
		}
		o, ok := t.rows.get(id)
		if !ok || o.ID == t.original.ID {
			return
		}
		t.guard(func() { t.open(o.ID) }, func() { t.selectInList(t.original.ID) })
	}
}

func (t *PartnersTab) listPanel() fyne.CanvasObject {
	newButton := widget.NewButton(lang.X("partners.new", "Ny organisation (Ctrl+N)"), t.NewRecord)
	top := container.NewVBox(t.search, container.NewBorder(nil, nil, nil, t.showArchived, t.kindFilter))
	return container.NewBorder(top, container.NewVBox(t.count, newButton), nil, nil, t.list)
}

func orgDetail(o data.Organisation) string {
	s := kindLabel(o.Kind)
	if o.City != "" {
		s += " · " + o.City
	}
	if o.CVR != "" {
		s += " · CVR " + o.CVR
	}
	return s
}

func kindLabel(k data.OrgKind) string { return lang.X("kind."+string(k), k.Label()) }

func rsvLabel(r data.RSV) string { return lang.X("rsv."+string(r), r.Label()) }

func (t *PartnersTab) query() data.OrgQuery {
	q := data.OrgQuery{Text: t.search.Text, Archived: t.showArchived.Checked}
	for _, k := range data.OrgKinds {
		if kindLabel(k) == t.kindFilter.Selected {
			q.Kind = k
		}
	}
	return q
}

// Reload re-reads the list (after a search, a save, an archive).
func (t *PartnersTab) Reload() {
	if t.list == nil || t.count == nil {
		return
	}
	n, err := t.w.store.CountOrganisations(t.ctx(), t.query())
	if err != nil {
		t.w.showError(err)
		return
	}
	t.rows.reset(n)
	if n == 1 {
		t.count.SetText(lang.X("partners.count.one", "1 organisation"))
	} else {
		t.count.SetText(lang.X("partners.count", "{{.N}} organisationer", map[string]any{"N": n}))
	}
	t.list.Refresh()
	t.selectInList(t.original.ID)
	t.reloadParents()
}

// selectInList marks the open organisation in the list if it is in view
// of the current search, without reopening it.
func (t *PartnersTab) selectInList(id int64) {
	t.selecting = true
	defer func() { t.selecting = false }()
	if id != 0 {
		for i := 0; i < t.rows.len(); i++ {
			if o, ok := t.rows.get(i); ok && o.ID == id {
				t.list.Select(i)
				t.list.ScrollTo(i)
				return
			}
			if i >= 1000 { // far down a long list: leave it unmarked
				break
			}
		}
	}
	t.list.UnselectAll()
}

// --- the form ---

func (t *PartnersTab) buildForm() {
	t.heading = widget.NewLabel("")
	t.heading.TextStyle.Bold = true
	t.heading.SizeName = "subHeadingText"
	t.state = widget.NewLabel("")
	t.state.Wrapping = fyne.TextWrapWord

	t.name = newEntry("")
	t.kind = widget.NewSelect(nil, nil)
	for _, k := range data.OrgKinds {
		t.kind.Options = append(t.kind.Options, kindLabel(k))
	}
	t.parent = widget.NewSelect(nil, nil)
	t.cvr = newEntry(lang.X("partners.cvr.hint", "8 cifre, fx 29188505"))
	t.pNumber = newEntry(lang.X("partners.pnumber.hint", "10 cifre"))
	t.ean = newEntry(lang.X("partners.ean.hint", "13 cifre, fx 5798007149727"))
	t.rsv = widget.NewRadioGroup([]string{rsvLabel(data.RSVUnknown), rsvLabel(data.RSVYes), rsvLabel(data.RSVNo)}, nil)
	t.rsv.Horizontal = true
	t.rsv.Required = true
	t.rsvCheckedOn = newEntry(lang.X("form.date.hint", "dd.mm.åååå"))
	t.address = newEntry("")
	t.postcode = newEntry("")
	t.city = newEntry("")
	t.role = newEntry("")
	t.notes = newMultiLineEntry("")
	t.approvedOn = newEntry(lang.X("form.date.hint", "dd.mm.åååå"))
	t.approvalRef = newEntry(lang.X("partners.approval.hint", "fx styregruppemøde, punkt"))

	add := func(name, label string, in fyne.CanvasObject) { t.fields.add(newField(name, label, in)) }
	add("Name", lang.X("partners.name", "Navn"), t.name)
	add("Kind", lang.X("partners.kind", "Type"), t.kind)
	add("ParentID", lang.X("partners.parent", "Hører under"), t.parent)
	add("CVR", lang.X("partners.cvr", "CVR-nummer"), t.cvr)
	add("PNumber", lang.X("partners.pnumber", "P-nummer"), t.pNumber)
	add("EAN", lang.X("partners.ean", "EAN-nummer"), t.ean)
	add("RSV", lang.X("partners.rsv", "RSV-registreret"), t.rsv)
	add("RSVCheckedOn", lang.X("partners.rsvchecked", "RSV tjekket den"), t.rsvCheckedOn)
	add("Address", lang.X("partners.address", "Adresse"), t.address)
	add("Postcode", lang.X("partners.postcode", "Postnummer"), t.postcode)
	add("City", lang.X("partners.city", "By"), t.city)
	add("Role", lang.X("partners.role", "Rolle i partnerskabet"), t.role)
	add("Notes", lang.X("partners.notes", "Noter"), t.notes)
	add("ApprovedOn", lang.X("partners.approvedon", "Godkendt af styregruppen den"), t.approvedOn)
	add("ApprovalRef", lang.X("partners.approvalref", "Reference til godkendelsen"), t.approvalRef)

	for _, e := range []*entry{t.name, t.cvr, t.pNumber, t.ean, t.rsvCheckedOn, t.address, t.postcode, t.city,
		t.role, t.notes, t.approvedOn, t.approvalRef} {
		e.OnChanged = func(string) { t.changed() }
		e.onEscape = t.Cancel
	}
	t.kind.OnChanged = func(string) { t.changed() }
	t.parent.OnChanged = func(string) { t.changed() }
	t.rsv.OnChanged = func(string) { t.changed() }

	t.saveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), t.Save)
	t.saveButton.Importance = widget.HighImportance
	t.cancelButton = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), t.Cancel)
	t.archiveButton = widget.NewButton(lang.X("partners.archive", "Arkivér"), t.toggleArchived)
}

// reloadParents refreshes the municipalities a municipal unit can belong to.
func (t *PartnersTab) reloadParents() {
	ps, err := t.w.store.SearchOrganisations(t.ctx(), data.OrgQuery{Kind: data.KindMunicipality, Limit: 1000})
	if err != nil {
		return
	}
	t.parents = ps
	opts := []string{lang.X("partners.noparent", "(ingen)")}
	for _, p := range ps {
		opts = append(opts, p.Name)
	}
	t.parent.Options = opts
	t.parent.Refresh()
}

// changed runs on every keystroke: it marks the form dirty, shows the
// CPR warning live, and after a refused save re-checks the fields so that a
// message goes away as soon as the field is right.
func (t *PartnersTab) changed() {
	if t.loading {
		return
	}
	t.dirty = true
	t.updateVisibility()
	t.updateState()
	t.liveCheck()
}

func (t *PartnersTab) liveCheck() {
	_, err := t.formValues().Parse()
	v, _ := data.AsValidation(err)
	if v == nil {
		v = &data.ValidationError{}
	}
	for _, f := range t.fields.fields {
		if p, ok := v.For(f.name); ok && (t.showErrors || p.Code == "cpr") {
			f.setMessage(p.Text, t.showErrors)
		} else {
			f.setMessage("", false)
		}
	}
}

func (t *PartnersTab) updateVisibility() {
	k := t.selectedKind()
	t.fields.byName("ParentID").visible(k == data.KindMunicipalUnit)
	enterprise := k == data.KindEnterprise
	for _, n := range []string{"RSV", "RSVCheckedOn", "ApprovedOn", "ApprovalRef"} {
		t.fields.byName(n).visible(enterprise)
	}
}

func (t *PartnersTab) updateState() {
	var s string
	switch {
	case t.original.Archived():
		s = lang.X("partners.state.archived", "Arkiveret {{.Date}}. Genskab den for at redigere.",
			map[string]any{"Date": dk.FormatDate(t.original.ArchivedAt.Local())})
	case t.dirty:
		s = lang.X("form.state.dirty", "Ændringer er ikke gemt.")
	case t.original.ID != 0:
		s = lang.X("form.state.saved", "Sidst gemt {{.When}}.", map[string]any{"When": dk.FormatDateTime(t.original.UpdatedAt.Local())})
	}
	t.state.SetText(s)
	if t.original.Archived() {
		t.archiveButton.SetText(lang.X("partners.restore", "Genskab"))
	} else {
		t.archiveButton.SetText(lang.X("partners.archive", "Arkivér"))
	}
	if t.original.ID == 0 {
		t.archiveButton.Disable()
		t.heading.SetText(lang.X("partners.newheading", "Ny organisation"))
	} else {
		t.archiveButton.Enable()
		t.heading.SetText(t.original.Name)
	}
	if t.original.Archived() {
		t.saveButton.Disable()
	} else {
		t.saveButton.Enable()
	}
}

func (t *PartnersTab) selectedKind() data.OrgKind {
	for _, k := range data.OrgKinds {
		if kindLabel(k) == t.kind.Selected {
			return k
		}
	}
	return ""
}

// formValues reads the form as typed.
func (t *PartnersTab) formValues() data.OrganisationForm {
	f := data.OrganisationForm{
		ID: t.original.ID, Name: t.name.Text, Kind: string(t.selectedKind()),
		CVR: t.cvr.Text, PNumber: t.pNumber.Text, EAN: t.ean.Text,
		RSVCheckedOn: t.rsvCheckedOn.Text, Address: t.address.Text, Postcode: t.postcode.Text, City: t.city.Text,
		Role: t.role.Text, Notes: t.notes.Text, ApprovedOn: t.approvedOn.Text, ApprovalRef: t.approvalRef.Text,
	}
	for _, r := range data.RSVValues {
		if rsvLabel(r) == t.rsv.Selected {
			f.RSV = string(r)
		}
	}
	for _, p := range t.parents {
		if p.Name == t.parent.Selected {
			f.ParentID = p.ID
		}
	}
	return f
}

// fill puts an organisation into the form without marking it dirty.
func (t *PartnersTab) fill(o data.Organisation) {
	t.loading = true
	defer func() { t.loading = false }()
	t.original = o
	f := o.Form()
	t.name.SetText(f.Name)
	if o.Kind == "" {
		t.kind.SetSelected(kindLabel(data.KindEnterprise))
	} else {
		t.kind.SetSelected(kindLabel(o.Kind))
	}
	t.parent.ClearSelected()
	for _, p := range t.parents {
		if p.ID == o.ParentID {
			t.parent.SetSelected(p.Name)
		}
	}
	t.cvr.SetText(f.CVR)
	t.pNumber.SetText(f.PNumber)
	t.ean.SetText(f.EAN)
	rsv := o.RSV
	if rsv == "" {
		rsv = data.RSVUnknown
	}
	t.rsv.SetSelected(rsvLabel(rsv))
	t.rsvCheckedOn.SetText(f.RSVCheckedOn)
	t.address.SetText(f.Address)
	t.postcode.SetText(f.Postcode)
	t.city.SetText(f.City)
	t.role.SetText(f.Role)
	t.notes.SetText(f.Notes)
	t.approvedOn.SetText(f.ApprovedOn)
	t.approvalRef.SetText(f.ApprovalRef)
	t.dirty, t.showErrors = false, false
	t.fields.clear()
	t.updateVisibility()
	t.updateState()
	t.contacts.load(o.ID)
}

// open loads a saved organisation into the form.
func (t *PartnersTab) open(id int64) {
	o, err := t.w.store.Organisation(t.ctx(), id)
	if err != nil {
		t.w.showError(err)
		return
	}
	t.fill(o)
	t.selectInList(id)
}

// guard runs proceed, first asking whether to discard unsaved edits;
// stay runs when the user keeps editing.
func (t *PartnersTab) guard(proceed, stay func()) {
	if !t.dirty {
		proceed()
		return
	}
	d := dialog.NewConfirm(lang.X("form.discard.title", "Ændringer er ikke gemt"),
		lang.X("form.discard.question", "Kassér ændringerne i {{.Name}}?", map[string]any{"Name": t.headingName()}),
		func(discard bool) {
			if discard {
				proceed()
			} else if stay != nil {
				stay()
			}
		}, t.w.Win)
	d.SetConfirmText(lang.X("form.discard", "Kassér ændringerne"))
	d.SetDismissText(lang.X("form.keepediting", "Fortsæt redigeringen"))
	d.Show()
}

func (t *PartnersTab) headingName() string {
	if t.original.ID == 0 {
		return lang.X("partners.newheading", "Ny organisation")
	}
	return t.original.Name
}

// NewRecord starts a new organisation (Ctrl+N).
func (t *PartnersTab) NewRecord() {
	t.guard(func() {
		t.fill(data.Organisation{})
		t.selectInList(0)
		t.w.Win.Canvas().Focus(t.name)
	}, nil)
}

// Save saves the form (Ctrl+S). A refused save keeps every typed value and
// puts each problem on its field.
func (t *PartnersTab) Save() {
	if t.original.Archived() {
		return
	}
	o, err := t.w.store.SaveOrganisation(t.ctx(), t.formValues())
	if v, ok := data.AsValidation(err); ok {
		t.showErrors = true
		first := t.fields.show(v)
		t.state.SetText(lang.X("form.state.refused", "Ikke gemt: ret {{.N}} felt(er) markeret med rødt.",
			map[string]any{"N": len(v.Problems)}))
		if first != nil {
			if fo, ok := first.input.(fyne.Focusable); ok {
				t.w.Win.Canvas().Focus(fo)
			}
		}
		return
	}
	if err != nil {
		t.w.showError(err)
		return
	}
	t.fill(o)
	t.Reload()
	t.w.setStatus(lang.X("partners.saved", "{{.Name}} er gemt {{.When}}.",
		map[string]any{"Name": o.Name, "When": time.Now().Format("15.04")}))
}

// Cancel throws away unsaved edits (Esc) and shows what is saved.
func (t *PartnersTab) Cancel() {
	if !t.dirty {
		return
	}
	t.fill(t.original)
}

// FocusSearch moves the cursor to the search field (Ctrl+F).
func (t *PartnersTab) FocusSearch() {
	t.w.Win.Canvas().Focus(t.search)
}

func (t *PartnersTab) toggleArchived() {
	o := t.original
	if o.ID == 0 {
		return
	}
	if o.Archived() {
		if err := t.w.store.RestoreOrganisation(t.ctx(), o.ID); err != nil {
			t.w.showError(err)
			return
		}
		t.showArchived.SetChecked(false)
		t.open(o.ID)
		t.Reload()
		return
	}
	t.guard(func() {
		d := dialog.NewConfirm(lang.X("partners.archive.title", "Arkivér organisation"),
			lang.X("partners.archive.question", "Arkivér {{.Name}}? Den forsvinder fra listerne, men beholder sin historik og kan genskabes under »Vis arkiverede«.",
				map[string]any{"Name": o.Name}),
			func(ok bool) {
				if !ok {
					return
				}
				if err := t.w.store.ArchiveOrganisation(t.ctx(), o.ID); err != nil {
					t.w.showError(err)
					return
				}
				t.open(o.ID)
				t.Reload()
			}, t.w.Win)
		d.SetConfirmText(lang.X("partners.archive", "Arkivér"))
		d.SetDismissText(lang.X("dialog.cancel", "Annullér"))
		d.Show()
	}, nil)
}
