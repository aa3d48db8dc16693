package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftPlacement names the placement form's drafts.
const draftPlacement = data.DraftPlacement

// placementPanel is the Placeringer sub-tab: the placements, searchable and
// filtered, and the form for one of them.
type placementPanel struct {
	*form.Register[data.Placement, data.PlacementForm]
	t            *StaffingTab
	orgFilter    *widgets.Picker
	schemeFilter *widgets.ChoiceSelect
	activeOnly   *widget.Check
	cursors      map[int]data.PlacementCursor // where each page read so far ended, by the offset after it

	org                     *widgets.Picker
	position, scheme, group *widgets.ChoiceSelect
	positionsOf             int64 // the enterprise whose positions the form offers
	warnings                *widget.Label
	extract                 *widget.Button // the shown placement's extract (art. 15)
}

type placementForm = data.PlacementForm

func newPlacementPanel(t *StaffingTab) *placementPanel {
	w := t.w
	none, choose := lang.X("staffing.none", "(ingen)"), lang.X("staffing.choose", "Vælg …")
	p := &placementPanel{t: t, cursors: map[int]data.PlacementCursor{},
		orgFilter: enterpriseFilter(w), schemeFilter: widgets.NewChoiceSelect(""),
		org:      orgPicker(w, choose, data.KindEnterprise),
		position: widgets.NewChoiceSelect(none), scheme: widgets.NewChoiceSelect(choose), group: widgets.NewChoiceSelect(none),
		warnings: widget.NewLabel("")}
	p.orgFilter.OnChanged = func(int64) { p.Reload() }
	p.schemeFilter.OnChanged = func(string) { p.Reload() }
	p.activeOnly = widget.NewCheck(lang.X("staffing.placement.activeonly", "Kun aktive i dag"), func(bool) { p.Reload() })
	p.warnings.Importance = widget.WarningImportance
	p.warnings.Wrapping = fyne.TextWrapWord
	p.warnings.Hide()
	why := widget.NewLabel(lang.X("staffing.placement.why",
		"Kun initialer eller et pseudonym: navn, CPR-nummer, helbred og etnicitet må ikke registreres her."))
	why.Wrapping = fyne.TextWrapWord
	why.TextStyle.Italic = true
	date := lang.X("form.date.hint", "dd.mm.åååå")
	p.extract = widget.NewButton(lang.X("staffing.placement.extract", "Indsigt…"), func() {
		if pl := p.Original; pl.ID != 0 {
			w.extractPDF("placering", pl.ID, pl.Pseudonym).choose()
		}
	})
	p.Register = form.NewRegister(w, form.Spec[data.Placement, placementForm]{
		Name: lang.X("staffing.tab.placements", "Placeringer"), Draft: draftPlacement,
		New: lang.X("staffing.placement.newheading", "Ny placering"), Heading: placementHeading,
		ID: func(pl data.Placement) int64 { return pl.ID }, Values: data.Placement.Form,
		Parse: form.ParseOf[data.Placement, placementForm], Read: w.store.Placement, Save: w.store.SavePlacement,
		Updated: func(pl data.Placement) time.Time { return pl.UpdatedAt },
		Locked: func(pl data.Placement) string {
			if !pl.Anonymised() {
				return ""
			}
			return lang.X("staffing.placement.state.anonymised", "Anonymiseret {{.Date}}: personoplysningerne er slettet, og placeringen kan ikke ændres.",
				map[string]any{"Date": dk.FormatDate(pl.AnonymisedAt.Local())})
		},
		Blank: func() data.Placement { return data.Placement{OrganisationID: pickedID(p.orgFilter)} },
		Fields: []*form.Binding[placementForm]{
			form.Text("Pseudonym", lang.X("staffing.placement.pseudonym", "Initialer eller pseudonym"),
				lang.X("staffing.placement.pseudonym.hint", "fx A.B. eller Syerske 3"), func(f *placementForm) *string { return &f.Pseudonym }),
			form.Picked("OrganisationID", lang.X("staffing.enterprise", "Virksomhed"), p.org, w.orgName, w.ShowError,
				func(f *placementForm) *int64 { return &f.OrganisationID }),
			form.Custom("PositionID", lang.X("staffing.placement.position", "Stilling"), p.position,
				func(f *placementForm) { f.PositionID = p.position.ID() },
				func(f *placementForm) {
					p.reloadPositions(f.OrganisationID, f.PositionID)
					p.position.Choose(f.PositionID)
				},
				func(changed func()) { p.position.OnChanged = func(string) { changed() } }),
			form.Record("SchemeID", lang.X("staffing.scheme", "Ordning"), p.scheme, func(f *placementForm) *int64 { return &f.SchemeID }),
			form.Text("HoursPerWeek", lang.X("staffing.hours", "Timer pr. uge"), lang.X("staffing.hours.hint", "fx 18,5"),
				func(f *placementForm) *string { return &f.HoursPerWeek }),
			form.YesNo("Resident", lang.X("staffing.placement.resident", "Bor i området"),
				lang.X("staffing.placement.resident.check", "Ja, bor i boligområdet"), func(f *placementForm) *string { return &f.Resident }),
			form.Record("TargetGroupID", lang.X("staffing.placement.group", "Målgruppe"), p.group, func(f *placementForm) *int64 { return &f.TargetGroupID }),
			form.Text("Start", lang.X("staffing.placement.start", "Start"), date, func(f *placementForm) *string { return &f.Start }),
			form.Text("End", lang.X("staffing.placement.end", "Slut"), lang.X("staffing.placement.end.hint", "tom: løber stadig"),
				func(f *placementForm) *string { return &f.End }),
			form.Text("CaseClosedOn", lang.X("staffing.placement.closed", "Sagen afsluttet"), date, func(f *placementForm) *string { return &f.CaseClosedOn }),
			form.Text("DeleteBy", lang.X("staffing.placement.deleteby", "Slettes senest"), "", func(f *placementForm) *string { return &f.DeleteBy }),
			form.Lines("Notes", lang.X("staffing.notes", "Noter"), lang.X("staffing.placement.notes.hint", "Ingen helbredsoplysninger, etnicitet eller ydelser"),
				func(f *placementForm) *string { return &f.Notes }),
		},
		List: form.ListSpec[data.Placement]{
			Search:   lang.X("staffing.placement.search", "Søg: initialer, virksomhed, ordning (Ctrl+F)"),
			NewLabel: lang.X("staffing.placement.new", "Ny placering (Ctrl+N)"),
			Filters:  container.NewVBox(container.NewGridWithColumns(2, p.orgFilter, p.schemeFilter), p.activeOnly),
			Fetch:    p.fetch,
			Rows: func() (int, error) {
				p.cursors = map[int]data.PlacementCursor{} // the list is read anew
				return w.store.CountPlacements(ctx(), p.query(0, 0))
			},
			ID:     func(pl data.Placement) int64 { return pl.ID },
			Title:  func(pl data.Placement) string { return pl.Pseudonym },
			Detail: placementDetail,
			Count: func(n int) string {
				return form.Counted(n, lang.X("staffing.placement.count.one", "1 placering"), lang.X("staffing.placement.count", "{{.N}} placeringer", map[string]any{"N": formatCount(n)}))
			},
		},
		CSV:     "placements",
		Choices: p.reloadChoices,
		Refresh: func() {
			// Another enterprise has other positions; the choice stays if it is one of them.
			if org := pickedID(p.org); org != p.positionsOf {
				p.Form.Fill(func() { p.reloadPositions(org, p.position.ID()) })
			}
			p.updateWarnings(nil)
		},
		OnFill: func(pl data.Placement) {
			setEnabled(p.extract, pl.ID != 0) // a new placement holds nothing yet
			years, err := w.store.RetentionPersonYears(ctx())
			if err != nil {
				years = 1
			}
			p.Entry("DeleteBy").SetPlaceHolder(lang.X("staffing.placement.deleteby.hint", "tom: {{.Years}} år efter »Sagen afsluttet«",
				map[string]any{"Years": years}))
		},
		OnSaved: func(pl data.Placement) { p.updateWarnings(pl.Warnings); p.extract.Enable() },
		Layout: &form.Pane[data.Placement, placementForm]{Above: []fyne.CanvasObject{why}, Below: []fyne.CanvasObject{p.warnings},
			Buttons: []fyne.CanvasObject{p.extract}},
	})
	t.w.atFirstShow(func() { p.reload(); p.Start() })
	return p
}

// fetch reads one page of the list. A page starts right after the last
// row of a page already read, when there is one before it, so scrolling deep
// into a long list never makes SQLite count its way past every row above.
func (p *placementPanel) fetch(offset, limit int) ([]data.Placement, error) {
	q := p.query(offset, limit)
	best := -1
	for end := range p.cursors {
		if end <= offset && end > best {
			best = end
		}
	}
	if best >= 0 {
		c := p.cursors[best]
		q.After, q.Offset = &c, offset-best
	}
	rows, err := p.t.w.store.Placements(ctx(), q)
	if err == nil && len(rows) > 0 {
		p.cursors[offset+len(rows)] = rows[len(rows)-1].Cursor()
	}
	return rows, err
}

func placementHeading(pl data.Placement) string {
	return lang.X("staffing.placement.heading", "Placering: {{.Name}}, {{.Org}}",
		map[string]any{"Name": pl.Pseudonym, "Org": pl.OrganisationName})
}

// placementDetail is the list's second line: where, in what, when.
func placementDetail(pl data.Placement) string {
	s := pl.OrganisationName + " · " + pl.SchemeName + " · " + staffingPeriod(pl.Start, pl.End)
	if !pl.DeleteBy.IsZero() {
		s += " · " + lang.X("staffing.placement.deleteby.short", "slettes {{.Date}}",
			map[string]any{"Date": dk.FormatDate(pl.DeleteBy)})
	}
	return s
}

// staffingPeriod shows a span of dates the Danish way; an open end is left open.
func staffingPeriod(from, to time.Time) string {
	s := dk.FormatDate(from) + "–"
	if !to.IsZero() {
		s += dk.FormatDate(to)
	}
	return s
}

func (p *placementPanel) query(offset, limit int) data.PlacementQuery {
	q := data.PlacementQuery{Text: p.List.Text(), OrganisationID: pickedID(p.orgFilter), SchemeID: p.schemeFilter.ID(), Offset: offset, Limit: limit}
	if p.activeOnly.Checked {
		q.ActiveOn = staffingToday()
	}
	return q
}

// staffingToday is the caseworker's calendar day, as the store keeps dates.
func staffingToday() time.Time {
	n := time.Now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// reload re-reads the filters' choices, then the list.
func (p *placementPanel) reload() {
	refreshFilter(p.t.w, p.orgFilter)
	p.schemeFilter.Set(p.t.schemeChoices(0).after(lang.X("staffing.allschemes", "Alle ordninger")))
	p.schemeFilter.ChooseFirst()
	if p.Register != nil {
		p.Reload()
	}
}

// reloadChoices refreshes the form's drop-downs for pl, keeping what is chosen.
func (p *placementPanel) reloadChoices(pl data.Placement) {
	chooseOrg(p.t.w, p.org, pickedID(p.org)) // its name may have changed
	p.scheme.Set(p.t.schemeChoices(pl.SchemeID).all())
	groups, err := p.t.w.store.TargetGroups(ctx(), true)
	if err != nil {
		p.t.w.ShowError(err)
	}
	names, ids := []string{lang.X("staffing.none", "(ingen)")}, []int64{0}
	for _, g := range groups {
		if !g.Archived() || g.ID == pl.TargetGroupID {
			names, ids = append(names, g.Name), append(ids, g.ID)
		}
	}
	p.group.Set(names, ids)
	p.reloadPositions(pickedID(p.org), p.position.ID()) // a position may have been added since
}

// reloadPositions offers the positions of enterprise org: the active ones,
// and keep even if it is archived.
func (p *placementPanel) reloadPositions(org, keep int64) {
	names, ids := []string{lang.X("staffing.none", "(ingen)")}, []int64{0}
	p.positionsOf = org
	if org != 0 {
		for _, archived := range []bool{false, true} {
			ps, err := p.t.w.store.Positions(ctx(), data.PositionQuery{OrganisationID: org, Archived: archived, Limit: 1000})
			if err != nil {
				p.t.w.ShowError(err)
				return
			}
			for _, pos := range ps {
				if !archived || pos.ID == keep {
					names, ids = append(names, pos.Title), append(ids, pos.ID)
				}
			}
		}
	}
	p.position.Set(names, ids)
}

// updateWarnings shows the rules the placement bends (a warning, never a
// block): those of the saved placement, or else of the form as typed.
func (p *placementPanel) updateWarnings(saved []string) {
	ws := saved
	if ws == nil {
		f := p.Values()
		if pl, err := f.Parse(); err == nil {
			ws, err = p.t.w.store.PlacementWarnings(ctx(), pl)
			if err != nil {
				fyne.LogError("placement warnings", err)
			}
		} else {
			// A form not yet valid still hears about its notes as they are typed.
			ws = data.SpecialCategoryWarnings(lang.X("staffing.notes", "Noter"), f.Notes)
		}
	}
	if len(ws) == 0 {
		p.warnings.SetText("")
		p.warnings.Hide()
		return
	}
	p.warnings.SetText("⚠ " + strings.Join(ws, "\n⚠ "))
	p.warnings.Show()
}
