package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftOrganisation names the Partnere form's drafts.
const draftOrganisation = "organisation"

// PartnersTab is the Partnere tab: a searchable list of organisations and
// the form for one of them with its contact people.
type PartnersTab struct {
	*form.Register[data.Organisation, data.OrganisationForm]
	w          *Window
	kindFilter *widget.Select
	parent     *widgets.Picker
	contacts   *contactsPanel
	detailTabs *container.AppTabs // Stamdata | Kontaktpersoner
}

type orgForm = data.OrganisationForm

func newPartnersTab(w *Window) *PartnersTab {
	t := &PartnersTab{w: w, parent: legalPersonPicker(w)}
	all := lang.X("partners.allkinds", "Alle typer")
	t.kindFilter = widget.NewSelect(append([]string{all}, labelsOf(kindOptions())...), func(string) { t.Reload() })
	t.kindFilter.SetSelected(all)
	t.contacts = newContactsPanel(t)
	date := lang.X("form.date.hint", "dd.mm.åååå")
	t.Register = form.NewRegister(w, form.Spec[data.Organisation, orgForm]{
		Name: lang.X("tab.partners", "Partnere"), Draft: draftOrganisation,
		New: lang.X("partners.newheading", "Ny organisation"), Heading: func(o data.Organisation) string { return o.Name },
		ID: func(o data.Organisation) int64 { return o.ID }, Values: data.Organisation.Form,
		Parse: form.ParseOf[data.Organisation, orgForm], Read: w.store.Organisation, Save: w.store.SaveOrganisation,
		Updated: func(o data.Organisation) time.Time { return o.UpdatedAt },
		Fields: []*form.Binding[orgForm]{
			form.Text("Name", lang.X("partners.name", "Navn"), "", func(f *orgForm) *string { return &f.Name }),
			form.Choice("Kind", lang.X("partners.kind", "Type"), kindOptions(), string(data.KindEnterprise), func(f *orgForm) *string { return &f.Kind }),
			form.Picked("ParentID", lang.X("partners.parent", "Hører under"), t.parent, w.orgName, w.ShowError,
				func(f *orgForm) *int64 { return &f.ParentID }),
			form.Text("CVR", lang.X("partners.cvr", "CVR-nummer"), lang.X("partners.cvr.hint", "8 cifre, fx 29188505"), func(f *orgForm) *string { return &f.CVR }),
			form.Text("PNumber", lang.X("partners.pnumber", "P-nummer"), lang.X("partners.pnumber.hint", "10 cifre"), func(f *orgForm) *string { return &f.PNumber }),
			form.Text("EAN", lang.X("partners.ean", "EAN-nummer"), lang.X("partners.ean.hint", "13 cifre, fx 5798007149727"), func(f *orgForm) *string { return &f.EAN }),
			form.Radio("RSV", lang.X("partners.rsv", "RSV-registreret"), rsvOptions(), string(data.RSVUnknown), func(f *orgForm) *string { return &f.RSV }),
			form.Text("RSVCheckedOn", lang.X("partners.rsvchecked", "RSV tjekket den"), date, func(f *orgForm) *string { return &f.RSVCheckedOn }),
			form.Text("Address", lang.X("partners.address", "Adresse"), "", func(f *orgForm) *string { return &f.Address }),
			form.Text("Postcode", lang.X("partners.postcode", "Postnummer"), "", func(f *orgForm) *string { return &f.Postcode }),
			form.Text("City", lang.X("partners.city", "By"), "", func(f *orgForm) *string { return &f.City }),
			form.Text("Role", lang.X("partners.role", "Rolle i partnerskabet"), "", func(f *orgForm) *string { return &f.Role }),
			form.Lines("Notes", lang.X("partners.notes", "Noter"), "", func(f *orgForm) *string { return &f.Notes }),
			form.Text("ApprovedOn", lang.X("partners.approvedon", "Godkendt af styregruppen den"), date, func(f *orgForm) *string { return &f.ApprovedOn }),
			form.Text("ApprovalRef", lang.X("partners.approvalref", "Reference til godkendelsen"),
				lang.X("partners.approval.hint", "fx styregruppemøde, punkt"), func(f *orgForm) *string { return &f.ApprovalRef }),
		},
		List: form.ListSpec[data.Organisation]{
			Search:   lang.X("partners.search", "Søg: navn, CVR, by, type, rolle (Ctrl+F)"),
			NewLabel: lang.X("partners.new", "Ny organisation (Ctrl+N)"),
			Filters:  t.kindFilter,
			Fetch:    func(o, l int) ([]data.Organisation, error) { return w.store.SearchOrganisations(ctx(), t.query(o, l)) },
			Rows:     func() (int, error) { return w.store.CountOrganisations(ctx(), t.query(0, 0)) },
			ID:       func(o data.Organisation) int64 { return o.ID },
			Title:    func(o data.Organisation) string { return o.Name },
			Detail:   orgDetail,
			Count: func(n int) string {
				return form.Counted(n, lang.X("partners.count.one", "1 organisation"), lang.X("partners.count", "{{.N}} organisationer", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[data.Organisation]{Archive: w.store.ArchiveOrganisation, Restore: w.store.RestoreOrganisation,
			At: func(o data.Organisation) time.Time { return o.ArchivedAt }, Title: lang.X("partners.archive.title", "Arkivér organisation"),
			Question: func(o data.Organisation) string {
				return lang.X("partners.archive.question", "Arkivér {{.Name}}? Den forsvinder fra listerne, men beholder sin historik og kan genskabes under »Vis arkiverede«.", map[string]any{"Name": o.Name})
			}},
		CSV:       "partners",
		Refresh:   t.updateVisibility,
		OnFill:    func(o data.Organisation) { t.contacts.load(o.ID) },
		OnRefused: func() { t.detailTabs.SelectIndex(0) }, // the problems are on the organisation's fields
		Layout: &form.Pane[data.Organisation, orgForm]{Body: func(fields fyne.CanvasObject) fyne.CanvasObject {
			// The contact people get a tab of their own next to the
			// organisation's fields, with its count, so they are one click
			// away rather than below a long form.
			contactsTab := widgets.NewTabItem(lang.X("contacts.title", "Kontaktpersoner"), t.contacts.content)
			t.detailTabs = container.NewAppTabs(
				widgets.NewTabItem(lang.X("partners.tab.details", "Stamdata"), container.NewVScroll(fields)), contactsTab)
			t.contacts.onCount = func(n int) {
				contactsTab.Text = lang.X("contacts.tab", "Kontaktpersoner ({{.N}})", map[string]any{"N": formatCount(n)})
				t.detailTabs.Refresh()
			}
			return t.detailTabs
		}},
	})
	w.atFirstShow(t.Start)
	return t
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

func kindOptions() []form.Option { return form.Options(data.OrgKinds, kindLabel) }

func rsvOptions() []form.Option {
	return form.Options([]data.RSV{data.RSVUnknown, data.RSVYes, data.RSVNo}, rsvLabel)
}

func labelsOf(opts []form.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Label
	}
	return out
}

func (t *PartnersTab) query(offset, limit int) data.OrgQuery {
	q := data.OrgQuery{Text: t.List.Text(), Archived: t.Archived(), Offset: offset, Limit: limit}
	for _, o := range kindOptions() {
		if o.Label == t.kindFilter.Selected {
			q.Kind = data.OrgKind(o.Value)
		}
	}
	return q
}

// legalPersonPicker chooses the legal person a unit acts for: a municipality
// (for a municipal unit) or a housing organisation (for a helhedsplan),
// read page by page, "(ingen)" first; the store refuses the wrong kind by
// name.
func legalPersonPicker(w *Window) *widgets.Picker {
	none := lang.X("partners.noparent", "(ingen)")
	query, count := orgChoices(w, data.KindMunicipality, data.KindHousingAssoc)
	query, count = withFirst(none, query, count)
	return widgets.NewPicker(none, query, count, w.ShowError)
}

// updateVisibility shows the fields the chosen kind has.
func (t *PartnersTab) updateVisibility() {
	k := data.OrgKind(t.Values().Kind)
	t.Field("ParentID").SetVisible(k.ParentKind() != "")
	for _, n := range []string{"RSV", "RSVCheckedOn", "ApprovedOn", "ApprovalRef"} {
		t.Field(n).SetVisible(k == data.KindEnterprise)
	}
}

// NewRecord starts a new organisation (Ctrl+N) on its fields.
func (t *PartnersTab) NewRecord() {
	t.Register.NewRecord()
	t.detailTabs.SelectIndex(0)
}
