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
)

// draftPlacement names the placement form's drafts.
const draftPlacement = data.DraftPlacement

// placementPanel is the Placeringer sub-tab: the placements, searchable and
// filtered, and the form for one of them.
type placementPanel struct {
	t       *StaffingTab
	content fyne.CanvasObject

	list         *recordList[data.Placement]
	orgFilter    *choiceSelect
	schemeFilter *choiceSelect
	activeOnly   *widget.Check
	cursors      map[int]data.PlacementCursor // where each page read so far ended, by the offset after it

	form                                                  *recordForm
	pseudonym, hours, start, end, closed, deleteBy, notes *entry
	org                                                   *picker
	position, scheme, group                               *choiceSelect
	resident                                              *widget.Check
	warnings                                              *widget.Label
	saveButton, cancelButton                              *widget.Button
	original                                              data.Placement // as saved; ID 0 for a new one
}

func newPlacementPanel(t *StaffingTab) *placementPanel {
	p := &placementPanel{t: t, cursors: map[int]data.PlacementCursor{}}
	p.buildList()
	p.buildForm()
	why := widget.NewLabel(lang.X("staffing.placement.why",
		"Kun initialer eller et pseudonym: navn, CPR-nummer, helbred og etnicitet må ikke registreres her."))
	why.Wrapping = fyne.TextWrapWord
	why.TextStyle.Italic = true
	form := container.NewBorder(
		container.NewVBox(p.form.heading, p.form.state, why),
		container.NewVBox(p.warnings, container.NewHBox(p.saveButton, p.cancelButton)),
		nil, nil,
		container.NewVScroll(p.form.fields.object()))
	split := container.NewHSplit(container.NewBorder(nil, t.w.csvButtons("placements", t.w.Reload), nil, nil, p.list.content),
		container.NewPadded(form))
	split.Offset = 0.34
	p.content = split
	p.fill(data.Placement{})
	return p
}

// --- the list ---

func (p *placementPanel) buildList() {
	p.orgFilter = newChoiceSelect("")
	p.orgFilter.OnChanged = func(string) { p.list.reload(p.original.ID) }
	p.schemeFilter = newChoiceSelect("")
	p.schemeFilter.OnChanged = func(string) { p.list.reload(p.original.ID) }
	p.activeOnly = widget.NewCheck(lang.X("staffing.placement.activeonly", "Kun aktive i dag"), func(bool) {
		p.list.reload(p.original.ID)
	})
	p.list = newRecordList(p.t.w, recordListSpec[data.Placement]{
		placeholder: lang.X("staffing.placement.search", "Søg: initialer, virksomhed, ordning (Ctrl+F)"),
		newLabel:    lang.X("staffing.placement.new", "Ny placering (Ctrl+N)"),
		onNew:       p.NewRecord,
		filters: container.NewVBox(container.NewGridWithColumns(2, p.orgFilter, p.schemeFilter),
			p.activeOnly),
		fetch: p.fetch,
		countRows: func() (int, error) {
			p.cursors = map[int]data.PlacementCursor{} // the list is read anew
			return p.t.w.store.CountPlacements(p.t.ctx(), p.query())
		},
		id:     func(pl data.Placement) int64 { return pl.ID },
		title:  func(pl data.Placement) string { return pl.Pseudonym },
		detail: placementDetail,
		countText: func(n int) string {
			if n == 1 {
				return lang.X("staffing.placement.count.one", "1 placering")
			}
			return lang.X("staffing.placement.count", "{{.N}} placeringer", map[string]any{"N": n})
		},
		onPick: func(pl data.Placement) {
			if pl.ID == p.original.ID {
				p.t.w.Win.Canvas().Focus(p.pseudonym)
				return
			}
			p.form.guard(p.headingName(), func() {
				p.open(pl.ID)
				if p.t.w.Win.Canvas().Focused() == p.list.search {
					p.t.w.Win.Canvas().Focus(p.pseudonym)
				}
			}, func() { p.list.mark(p.original.ID) })
		},
	})
}

// fetch reads one page of the list. A page starts right after the last
// row of a page already read, when there is one before it, so scrolling deep
// into a long list never makes SQLite count its way past every row above.
func (p *placementPanel) fetch(offset, limit int) ([]data.Placement, error) {
	q := p.query()
	q.Offset, q.Limit = offset, limit
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
	rows, err := p.t.w.store.Placements(p.t.ctx(), q)
	if err == nil && len(rows) > 0 {
		p.cursors[offset+len(rows)] = rows[len(rows)-1].Cursor()
	}
	return rows, err
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

func (p *placementPanel) query() data.PlacementQuery {
	q := data.PlacementQuery{Text: p.list.search.Text, OrganisationID: p.orgFilter.id(), SchemeID: p.schemeFilter.id()}
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

// reload re-reads the choices and the list.
func (p *placementPanel) reload() {
	names, ids := p.t.enterprises(0)
	p.orgFilter.set(append([]string{lang.X("staffing.allenterprises", "Alle virksomheder")}, names...), append([]int64{0}, ids...))
	if p.orgFilter.Selected == "" {
		p.orgFilter.Selected = p.orgFilter.Options[0]
		p.orgFilter.Refresh()
	}
	names, ids = p.t.schemeChoices(0)
	p.schemeFilter.set(append([]string{lang.X("staffing.allschemes", "Alle ordninger")}, names...), append([]int64{0}, ids...))
	if p.schemeFilter.Selected == "" {
		p.schemeFilter.Selected = p.schemeFilter.Options[0]
		p.schemeFilter.Refresh()
	}
	p.reloadChoices()
	p.list.reload(p.original.ID)
}

// reloadChoices refreshes the form's drop-downs, keeping what is chosen.
func (p *placementPanel) reloadChoices() {
	p.form.fill(func() {
		chooseOrg(p.t.w, p.org, pickedID(p.org)) // its name may have changed
		p.scheme.set(p.t.schemeChoices(p.original.SchemeID))
		groups, err := p.t.w.store.TargetGroups(p.t.ctx(), true)
		if err != nil {
			p.t.w.showError(err)
		}
		names := []string{lang.X("staffing.none", "(ingen)")}
		ids := []int64{0}
		for _, g := range groups {
			if !g.Archived() || g.ID == p.original.TargetGroupID {
				names = append(names, g.Name)
				ids = append(ids, g.ID)
			}
		}
		p.group.set(names, ids)
		p.reloadPositions()
	})
}

// reloadPositions offers the positions of the chosen enterprise.
func (p *placementPanel) reloadPositions() {
	names := []string{lang.X("staffing.none", "(ingen)")}
	ids := []int64{0}
	if org := pickedID(p.org); org != 0 {
		for _, archived := range []bool{false, true} {
			ps, err := p.t.w.store.Positions(p.t.ctx(), data.PositionQuery{OrganisationID: org, Archived: archived, Limit: 1000})
			if err != nil {
				p.t.w.showError(err)
				return
			}
			for _, pos := range ps {
				if !archived || pos.ID == p.original.PositionID {
					names = append(names, pos.Title)
					ids = append(ids, pos.ID)
				}
			}
		}
	}
	p.position.set(names, ids)
}

// --- the form ---

func (p *placementPanel) buildForm() {
	p.form = newRecordForm(p.t.w, draftPlacement)
	p.form.recordID = func() int64 { return p.original.ID }
	p.form.values = func() any { return p.formValues() }
	p.form.parse = func() error { _, err := p.formValues().Parse(); return err }
	p.form.onChange = func() {
		p.updateState()
		p.updateWarnings(nil)
	}

	p.pseudonym = newEntry(lang.X("staffing.placement.pseudonym.hint", "fx A.B. eller Syerske 3"))
	p.org = orgPicker(p.t.w, lang.X("staffing.choose", "Vælg …"), data.KindEnterprise)
	p.position = newChoiceSelect(lang.X("staffing.none", "(ingen)"))
	p.scheme = newChoiceSelect(lang.X("staffing.choose", "Vælg …"))
	p.hours = newEntry(lang.X("staffing.hours.hint", "fx 18,5"))
	p.resident = widget.NewCheck(lang.X("staffing.placement.resident.check", "Ja, bor i boligområdet"), nil)
	p.group = newChoiceSelect(lang.X("staffing.none", "(ingen)"))
	date := lang.X("form.date.hint", "dd.mm.åååå")
	p.start = newEntry(date)
	p.end = newEntry(lang.X("staffing.placement.end.hint", "tom: løber stadig"))
	p.closed = newEntry(date)
	p.deleteBy = newEntry("")
	p.notes = newMultiLineEntry(lang.X("staffing.placement.notes.hint", "Ingen helbredsoplysninger, etnicitet eller ydelser"))
	p.warnings = widget.NewLabel("")
	p.warnings.Importance = widget.WarningImportance
	p.warnings.Wrapping = fyne.TextWrapWord
	p.warnings.Hide()

	add := func(name, label string, in fyne.CanvasObject) { p.form.fields.add(newField(name, label, in)) }
	add("Pseudonym", lang.X("staffing.placement.pseudonym", "Initialer eller pseudonym"), p.pseudonym)
	add("OrganisationID", lang.X("staffing.enterprise", "Virksomhed"), p.org)
	add("PositionID", lang.X("staffing.placement.position", "Stilling"), p.position)
	add("SchemeID", lang.X("staffing.scheme", "Ordning"), p.scheme)
	add("HoursPerWeek", lang.X("staffing.hours", "Timer pr. uge"), p.hours)
	add("Resident", lang.X("staffing.placement.resident", "Bor i området"), p.resident)
	add("TargetGroupID", lang.X("staffing.placement.group", "Målgruppe"), p.group)
	add("Start", lang.X("staffing.placement.start", "Start"), p.start)
	add("End", lang.X("staffing.placement.end", "Slut"), p.end)
	add("CaseClosedOn", lang.X("staffing.placement.closed", "Sagen afsluttet"), p.closed)
	add("DeleteBy", lang.X("staffing.placement.deleteby", "Slettes senest"), p.deleteBy)
	add("Notes", lang.X("staffing.notes", "Noter"), p.notes)

	for _, e := range []*entry{p.pseudonym, p.hours, p.start, p.end, p.closed, p.deleteBy, p.notes} {
		e.OnChanged = func(string) { p.form.changed() }
		e.onEscape = p.Cancel
	}
	p.org.OnChanged = func(int64) {
		if p.form.loading {
			return
		}
		// Another enterprise has other positions; keep the choice if it is one of them.
		p.form.fill(p.reloadPositions)
		p.form.changed()
	}
	for _, c := range []*choiceSelect{p.position, p.scheme, p.group} {
		c.OnChanged = func(string) { p.form.changed() }
	}
	p.resident.OnChanged = func(bool) { p.form.changed() }

	p.saveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), p.Save)
	p.saveButton.Importance = widget.HighImportance
	p.cancelButton = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), p.Cancel)
}

// formValues reads the form as typed.
func (p *placementPanel) formValues() data.PlacementForm {
	f := data.PlacementForm{
		ID: p.original.ID, Pseudonym: p.pseudonym.Text, OrganisationID: pickedID(p.org), PositionID: p.position.id(),
		SchemeID: p.scheme.id(), HoursPerWeek: p.hours.Text, Resident: "nej", TargetGroupID: p.group.id(),
		Start: p.start.Text, End: p.end.Text, CaseClosedOn: p.closed.Text, DeleteBy: p.deleteBy.Text, Notes: p.notes.Text,
	}
	if p.resident.Checked {
		f.Resident = "ja"
	}
	return f
}

// setValues puts form values into the widgets.
func (p *placementPanel) setValues(f data.PlacementForm) {
	p.pseudonym.SetText(f.Pseudonym)
	chooseOrg(p.t.w, p.org, f.OrganisationID)
	p.reloadPositions()
	p.position.choose(f.PositionID)
	p.scheme.choose(f.SchemeID)
	p.hours.SetText(f.HoursPerWeek)
	p.resident.SetChecked(f.Resident == "ja")
	p.group.choose(f.TargetGroupID)
	p.start.SetText(f.Start)
	p.end.SetText(f.End)
	p.closed.SetText(f.CaseClosedOn)
	p.deleteBy.SetText(f.DeleteBy)
	p.notes.SetText(f.Notes)
}

// fill shows a saved (or new, empty) placement, not dirty.
func (p *placementPanel) fill(pl data.Placement) {
	p.original = pl
	p.reloadChoices()
	p.form.fill(func() { p.setValues(pl.Form()) })
	p.form.dirty, p.form.showErrors = false, false
	p.form.fields.clear()
	p.updateState()
	p.updateWarnings(nil)
	years, err := p.t.w.store.RetentionPersonYears(p.t.ctx())
	if err != nil {
		years = 1
	}
	p.deleteBy.SetPlaceHolder(lang.X("staffing.placement.deleteby.hint", "tom: {{.Years}} år efter »Sagen afsluttet«",
		map[string]any{"Years": years}))
}

// open loads a saved placement into the form.
func (p *placementPanel) open(id int64) {
	pl, err := p.t.w.store.Placement(p.t.ctx(), id)
	if err != nil {
		p.t.w.showError(err)
		return
	}
	p.fill(pl)
	p.list.mark(id)
}

func (p *placementPanel) updateState() {
	st := stateLine{id: p.original.ID, saved: savedAt(p.original.UpdatedAt), heading: p.headingName(), save: p.saveButton}
	if p.original.Anonymised() {
		st.locked = lang.X("staffing.placement.state.anonymised", "Anonymiseret {{.Date}}: personoplysningerne er slettet, og placeringen kan ikke ændres.",
			map[string]any{"Date": dk.FormatDate(p.original.AnonymisedAt.Local())})
	}
	p.form.showState(st)
}

// updateWarnings shows the rules the placement bends (a warning, never a
// block): those of the saved placement, or else of the form as typed.
func (p *placementPanel) updateWarnings(saved []string) {
	ws := saved
	if ws == nil {
		if pl, err := p.formValues().Parse(); err == nil {
			ws, err = p.t.w.store.PlacementWarnings(p.t.ctx(), pl)
			if err != nil {
				fyne.LogError("placement warnings", err)
			}
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

// restoreDraft puts a kept draft back into the form, dirty.
func (p *placementPanel) restoreDraft(d data.Draft) {
	restoreDraft(p.form, d, func(id int64) (data.Placement, error) { return p.t.w.store.Placement(p.t.ctx(), id) },
		p.fill, p.setValues, func() {
			p.updateState()
			p.updateWarnings(nil)
			p.list.mark(d.RecordID)
		})
}

func (p *placementPanel) draftTitle(d data.Draft) string {
	if d.RecordID == 0 {
		return lang.X("staffing.placement.newheading", "Ny placering")
	}
	if pl, err := p.t.w.store.Placement(p.t.ctx(), d.RecordID); err == nil {
		return lang.X("staffing.placement.heading", "Placering: {{.Name}}, {{.Org}}",
			map[string]any{"Name": pl.Pseudonym, "Org": pl.OrganisationName})
	}
	return lang.X("staffing.tab.placements", "Placeringer")
}

func (p *placementPanel) headingName() string {
	if p.original.ID == 0 {
		return lang.X("staffing.placement.newheading", "Ny placering")
	}
	return lang.X("staffing.placement.heading", "Placering: {{.Name}}, {{.Org}}",
		map[string]any{"Name": p.original.Pseudonym, "Org": p.original.OrganisationName})
}

// NewRecord starts a new placement (Ctrl+N), in the enterprise the list is
// filtered on, if any.
func (p *placementPanel) NewRecord() {
	p.form.guard(p.headingName(), func() {
		p.fill(data.Placement{OrganisationID: p.orgFilter.id()})
		p.list.mark(0)
		p.t.w.Win.Canvas().Focus(p.pseudonym)
	}, nil)
}

// Save saves the form (Ctrl+S). A refused save keeps every typed value and
// puts each problem on its field; the warnings show under the form.
func (p *placementPanel) Save() {
	if p.original.Anonymised() {
		return
	}
	pl, err := p.t.w.store.SavePlacement(p.t.ctx(), p.formValues())
	if !p.form.accept(err) {
		return
	}
	p.fill(pl)
	p.updateWarnings(pl.Warnings)
	p.list.reload(pl.ID)
	p.t.w.setStatus(lang.X("staffing.placement.saved", "Placeringen {{.Name}} er gemt {{.When}}.",
		map[string]any{"Name": pl.Pseudonym, "When": time.Now().Format("15.04")}))
}

// Cancel throws away unsaved edits (Esc) and shows what is saved.
func (p *placementPanel) Cancel() {
	if !p.form.dirty {
		return
	}
	p.form.clean()
	p.fill(p.original)
}
