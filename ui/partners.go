package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// draftOrganisation names the Partnere form's drafts.
const draftOrganisation = "organisation"

// PartnersTab is the Partnere tab: a searchable list of organisations and
// the form for one of them with its contact people.
type PartnersTab struct {
	w       *Window
	content fyne.CanvasObject

	list         *recordList[data.Organisation]
	kindFilter   *widget.Select
	showArchived *widget.Check

	form                                    *recordForm
	name, cvr, pNumber, ean, rsvCheckedOn   *entry
	address, postcode, city, role, notes    *entry
	approvedOn, approvalRef                 *entry
	kind, parent                            *widget.Select
	rsv                                     *widget.RadioGroup
	saveButton, cancelButton, archiveButton *widget.Button
	original                                data.Organisation // as saved; ID 0 for a new one
	parents                                 []data.Organisation

	contacts   *contactsPanel
	detailTabs *container.AppTabs // Stamdata | Kontaktpersoner
}

func newPartnersTab(w *Window) *PartnersTab {
	t := &PartnersTab{w: w}
	t.buildList()
	t.buildForm()
	t.contacts = newContactsPanel(t)
	// The contact people get a tab of their own next to the organisation's
	// fields, with its count, so they are one click away rather than below
	// a long form.
	contactsTab := container.NewTabItem(lang.X("contacts.title", "Kontaktpersoner"), t.contacts.content)
	t.detailTabs = container.NewAppTabs(
		container.NewTabItem(lang.X("partners.tab.details", "Stamdata"), container.NewVScroll(t.form.fields.object())),
		contactsTab)
	t.contacts.onCount = func(n int) {
		contactsTab.Text = lang.X("contacts.tab", "Kontaktpersoner ({{.N}})", map[string]any{"N": n})
		t.detailTabs.Refresh()
	}
	form := container.NewBorder(
		container.NewVBox(t.form.heading, t.form.state),
		container.NewHBox(t.saveButton, t.cancelButton, layout.NewSpacer(), t.archiveButton),
		nil, nil,
		t.detailTabs)
	split := container.NewHSplit(container.NewBorder(nil, w.csvButtons("partners", w.Reload), nil, nil, t.list.content),
		container.NewPadded(form))
	split.Offset = 0.34
	t.content = split
	t.Reload()
	t.fill(data.Organisation{})
	return t
}

func (t *PartnersTab) ctx() context.Context { return context.Background() }

// --- the list ---

func (t *PartnersTab) buildList() {
	all := lang.X("partners.allkinds", "Alle typer")
	options := []string{all}
	for _, k := range data.OrgKinds {
		options = append(options, kindLabel(k))
	}
	t.kindFilter = widget.NewSelect(options, func(string) { t.Reload() })
	t.kindFilter.SetSelected(all)
	t.showArchived = widget.NewCheck(lang.X("partners.archived", "Vis arkiverede"), func(bool) { t.Reload() })
	t.list = newRecordList(t.w, recordListSpec[data.Organisation]{
		placeholder: lang.X("partners.search", "Søg: navn, CVR, by, type, rolle (Ctrl+F)"),
		newLabel:    lang.X("partners.new", "Ny organisation (Ctrl+N)"),
		onNew:       t.NewRecord,
		filters:     container.NewBorder(nil, nil, nil, t.showArchived, t.kindFilter),
		fetch: func(offset, limit int) ([]data.Organisation, error) {
			q := t.query()
			q.Offset, q.Limit = offset, limit
			return t.w.store.SearchOrganisations(t.ctx(), q)
		},
		countRows: func() (int, error) { return t.w.store.CountOrganisations(t.ctx(), t.query()) },
		id:        func(o data.Organisation) int64 { return o.ID },
		title:     func(o data.Organisation) string { return o.Name },
		detail:    orgDetail,
		countText: func(n int) string {
			if n == 1 {
				return lang.X("partners.count.one", "1 organisation")
			}
			return lang.X("partners.count", "{{.N}} organisationer", map[string]any{"N": n})
		},
		onPick: func(o data.Organisation) {
			if o.ID == t.original.ID {
				t.w.Win.Canvas().Focus(t.name)
				return
			}
			t.form.guard(t.headingName(), func() {
				t.open(o.ID)
				if t.w.Win.Canvas().Focused() == t.list.search {
					t.w.Win.Canvas().Focus(t.name)
				}
			}, func() { t.list.mark(t.original.ID) })
		},
	})
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
	q := data.OrgQuery{Text: t.list.search.Text, Archived: t.showArchived.Checked}
	for _, k := range data.OrgKinds {
		if kindLabel(k) == t.kindFilter.Selected {
			q.Kind = k
		}
	}
	return q
}

// Reload re-reads the list (after a search, a save, an archive).
func (t *PartnersTab) Reload() {
	if t.list == nil || t.showArchived == nil {
		return
	}
	t.list.reload(t.original.ID)
	t.reloadParents()
}

// --- the form ---

func (t *PartnersTab) buildForm() {
	t.form = newRecordForm(t.w, draftOrganisation)
	t.form.recordID = func() int64 { return t.original.ID }
	t.form.values = func() any { return t.formValues() }
	t.form.parse = func() error { _, err := t.formValues().Parse(); return err }
	t.form.onChange = func() {
		t.updateVisibility()
		t.updateState()
	}

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

	add := func(name, label string, in fyne.CanvasObject) { t.form.fields.add(newField(name, label, in)) }
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
		e.OnChanged = func(string) { t.form.changed() }
		e.onEscape = t.Cancel
	}
	t.kind.OnChanged = func(string) { t.form.changed() }
	t.parent.OnChanged = func(string) { t.form.changed() }
	t.rsv.OnChanged = func(string) { t.form.changed() }

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

func (t *PartnersTab) updateVisibility() {
	k := t.selectedKind()
	t.form.fields.byName("ParentID").visible(k == data.KindMunicipalUnit)
	enterprise := k == data.KindEnterprise
	for _, n := range []string{"RSV", "RSVCheckedOn", "ApprovedOn", "ApprovalRef"} {
		t.form.fields.byName(n).visible(enterprise)
	}
}

func (t *PartnersTab) updateState() {
	st := stateLine{id: t.original.ID, saved: savedAt(t.original.UpdatedAt), heading: t.headingName(),
		archived: t.original.Archived(), save: t.saveButton, archive: t.archiveButton}
	if t.original.Archived() {
		st.locked = archivedOn(t.original.ArchivedAt)
	}
	t.form.showState(st)
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

// setValues puts form values into the widgets.
func (t *PartnersTab) setValues(f data.OrganisationForm) {
	t.name.SetText(f.Name)
	kind := data.OrgKind(f.Kind)
	if kind == "" {
		kind = data.KindEnterprise
	}
	t.kind.SetSelected(kindLabel(kind))
	t.parent.ClearSelected()
	for _, p := range t.parents {
		if p.ID == f.ParentID {
			t.parent.SetSelected(p.Name)
		}
	}
	t.cvr.SetText(f.CVR)
	t.pNumber.SetText(f.PNumber)
	t.ean.SetText(f.EAN)
	rsv := data.RSV(f.RSV)
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
	t.updateVisibility()
}

// fill shows a saved (or new, empty) organisation, not dirty.
func (t *PartnersTab) fill(o data.Organisation) {
	t.original = o
	t.form.fill(func() { t.setValues(o.Form()) })
	t.form.dirty, t.form.showErrors = false, false
	t.form.fields.clear()
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
	t.list.mark(id)
}

// restoreDraft puts a kept draft back into the form, dirty, so the user
// can save it or throw it away.
func (t *PartnersTab) restoreDraft(d data.Draft) {
	restoreDraft(t.form, d, func(id int64) (data.Organisation, error) { return t.w.store.Organisation(t.ctx(), id) },
		t.fill, t.setValues, func() {
			t.updateState()
			t.list.mark(d.RecordID)
		})
}

func (t *PartnersTab) draftTitle(d data.Draft) string {
	if d.RecordID == 0 {
		return lang.X("partners.newheading", "Ny organisation")
	}
	if o, err := t.w.store.Organisation(t.ctx(), d.RecordID); err == nil {
		return o.Name
	}
	return lang.X("tab.partners", "Partnere")
}

func (t *PartnersTab) headingName() string {
	if t.original.ID == 0 {
		return lang.X("partners.newheading", "Ny organisation")
	}
	return t.original.Name
}

// Dirty tells whether the form holds unsaved edits.
func (t *PartnersTab) Dirty() bool { return t.form.dirty }

func (t *PartnersTab) drafts() []*recordForm { return []*recordForm{t.form} }

// NewRecord starts a new organisation (Ctrl+N).
func (t *PartnersTab) NewRecord() {
	t.form.guard(t.headingName(), func() {
		t.fill(data.Organisation{})
		t.list.mark(0)
		t.detailTabs.SelectIndex(0)
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
	if _, refused := data.AsValidation(err); refused {
		t.detailTabs.SelectIndex(0) // the problems are on the organisation's fields
	}
	if !t.form.accept(err) { // on success it forgets the draft of the record as it was (0 for a new one)
		return
	}
	t.fill(o)
	t.Reload()
	t.w.setStatus(lang.X("partners.saved", "{{.Name}} er gemt {{.When}}.",
		map[string]any{"Name": o.Name, "When": time.Now().Format("15.04")}))
}

// Cancel throws away unsaved edits (Esc) and shows what is saved.
func (t *PartnersTab) Cancel() {
	if !t.form.dirty {
		return
	}
	t.form.clean()
	t.fill(t.original)
}

// FocusSearch moves the cursor to the search field (Ctrl+F).
func (t *PartnersTab) FocusSearch() {
	t.w.Win.Canvas().Focus(t.list.search)
}

func (t *PartnersTab) toggleArchived() {
	o := t.original
	t.form.toggleArchived(archiveToggle{
		id: o.ID, archived: o.Archived(),
		title: lang.X("partners.archive.title", "Arkivér organisation"),
		question: lang.X("partners.archive.question", "Arkivér {{.Name}}? Den forsvinder fra listerne, men beholder sin historik og kan genskabes under »Vis arkiverede«.",
			map[string]any{"Name": o.Name}),
		archive:      func(id int64) error { return t.w.store.ArchiveOrganisation(t.ctx(), id) },
		restore:      func(id int64) error { return t.w.store.RestoreOrganisation(t.ctx(), id) },
		showArchived: t.showArchived,
		reopen: func(id int64) {
			t.open(id)
			t.Reload()
		},
	}, t.headingName())
}
