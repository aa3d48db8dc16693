package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftPosition names the position form's drafts.
const draftPosition = "position"

// positionPanel is the Stillinger sub-tab: the jobs each enterprise plans,
// how many of them are filled today, and the form for one position.
type positionPanel struct {
	*form.Register[data.Position, data.PositionForm]
	t         *StaffingTab
	orgFilter *widgets.Picker
	plan      *widget.Label
	org       *widgets.Picker
	scheme    *widgets.ChoiceSelect
}

type positionForm = data.PositionForm

func newPositionPanel(t *StaffingTab) *positionPanel {
	w := t.w
	p := &positionPanel{t: t, orgFilter: enterpriseFilter(t.w), plan: widget.NewLabel(""),
		org:    orgPicker(w, lang.X("staffing.choose", "Vælg …"), data.KindEnterprise),
		scheme: widgets.NewChoiceSelect(lang.X("staffing.position.anyscheme", "(ikke fastlagt)"))}
	p.plan.Wrapping = fyne.TextWrapWord
	p.plan.TextStyle.Bold = true
	p.orgFilter.OnChanged = func(int64) { p.Reload() }
	p.Register = form.NewRegister(w, form.Spec[data.Position, positionForm]{
		Name: lang.X("staffing.tab.positions", "Stillinger"), Draft: draftPosition,
		New: lang.X("staffing.position.newheading", "Ny stilling"), Heading: positionHeading,
		ID: func(x data.Position) int64 { return x.ID },
		Values: func(x data.Position) positionForm {
			f := x.Form()
			if x.ID == 0 {
				// A new position starts full-time for one person; the
				// caseworker changes what differs.
				f.HoursPerWeek, f.Count = "37", "1"
			}
			return f
		},
		Parse: form.ParseOf[data.Position, positionForm], Read: w.store.Position, Save: w.store.SavePosition,
		Updated: func(x data.Position) time.Time { return x.UpdatedAt },
		Blank:   func() data.Position { return data.Position{OrganisationID: pickedID(p.orgFilter)} },
		Fields: []*form.Binding[positionForm]{
			form.Picked("OrganisationID", lang.X("staffing.enterprise", "Virksomhed"), p.org, w.orgName, w.ShowError,
				func(f *positionForm) *int64 { return &f.OrganisationID }),
			form.Text("Title", lang.X("staffing.position.title", "Stilling"), lang.X("staffing.position.title.hint", "fx Syerske"),
				func(f *positionForm) *string { return &f.Title }),
			form.Text("HoursPerWeek", lang.X("staffing.hours", "Timer pr. uge"), lang.X("staffing.hours.hint", "fx 18,5"),
				func(f *positionForm) *string { return &f.HoursPerWeek }),
			form.Text("Count", lang.X("staffing.position.countfield", "Antal personer"), "", func(f *positionForm) *string { return &f.Count }),
			form.Record("SchemeID", lang.X("staffing.scheme", "Ordning"), p.scheme, func(f *positionForm) *int64 { return &f.SchemeID }),
			form.Lines("Notes", lang.X("staffing.notes", "Noter"), "", func(f *positionForm) *string { return &f.Notes }),
		},
		List: form.ListSpec[data.Position]{
			Search:   lang.X("staffing.position.search", "Søg: stilling, virksomhed (Ctrl+F)"),
			NewLabel: lang.X("staffing.position.new", "Ny stilling (Ctrl+N)"),
			Filters:  p.orgFilter,
			Fetch:    func(o, l int) ([]data.Position, error) { return w.store.Positions(ctx(), p.query(o, l)) },
			Rows:     func() (int, error) { return w.store.CountPositions(ctx(), p.query(0, 0)) },
			ID:       func(x data.Position) int64 { return x.ID },
			Title:    func(x data.Position) string { return x.Title + " · " + x.OrganisationName },
			Detail:   positionDetail,
			Count: func(n int) string {
				return form.Counted(n, lang.X("staffing.position.count.one", "1 stilling"), lang.X("staffing.position.count", "{{.N}} stillinger", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[data.Position]{Archive: w.store.ArchivePosition, Restore: w.store.RestorePosition,
			At: func(x data.Position) time.Time { return x.ArchivedAt }, Title: lang.X("staffing.position.archive.title", "Arkivér stilling"),
			Question: func(x data.Position) string {
				return lang.X("staffing.position.archive.question", "Arkivér {{.Name}}? Den tælles ikke længere med i planen; placeringer på den beholder den.", map[string]any{"Name": positionHeading(x)})
			}},
		Choices: func(x data.Position) {
			chooseOrg(w, p.org, pickedID(p.org)) // its name may have changed
			p.scheme.Set(t.schemeChoices(x.SchemeID).after(lang.X("staffing.position.anyscheme", "(ikke fastlagt)")))
		},
		OnReload: p.showPlan,
		Layout:   &form.Pane[data.Position, positionForm]{Split: 0.4, ListTop: p.plan},
	})
	t.w.atFirstShow(func() { p.reload(); p.Start() })
	return p
}

// positionDetail says how many the position is for and how many hold it today.
func positionDetail(x data.Position) string {
	s := lang.X("staffing.position.detail", "{{.Filled}} af {{.Count}} besat i dag · {{.Hours}} timer/uge",
		map[string]any{"Filled": x.Filled, "Count": x.Count, "Hours": dk.FormatDecimal(x.HoursPerWeek, -1)})
	if x.SchemeName != "" {
		s += " · " + x.SchemeName
	}
	return s
}

func positionHeading(x data.Position) string {
	return fmt.Sprintf("%s, %s", x.Title, x.OrganisationName)
}

func (p *positionPanel) query(offset, limit int) data.PositionQuery {
	return data.PositionQuery{Text: p.List.Text(), OrganisationID: pickedID(p.orgFilter), Archived: p.Archived(), Offset: offset, Limit: limit}
}

// reload re-reads the filter's chosen enterprise, then the list.
func (p *positionPanel) reload() {
	refreshFilter(p.t.w, p.orgFilter)
	if p.Register != nil {
		p.Reload()
	}
}

// showPlan sums the plan of the enterprise the list shows.
func (p *positionPanel) showPlan() {
	plan, err := p.t.w.store.PlanOn(ctx(), pickedID(p.orgFilter), staffingToday())
	if err != nil {
		p.t.w.ShowError(err)
		return
	}
	p.plan.SetText(lang.X("staffing.position.plan", "Planlagt: {{.Planned}} job i {{.Positions}} stillinger · besat i dag: {{.Filled}}",
		map[string]any{"Planned": plan.Planned, "Positions": plan.Positions, "Filled": plan.Filled}))
}
