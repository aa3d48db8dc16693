package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// draftPosition names the position form's drafts.
const draftPosition = "position"

// positionPanel is the Stillinger sub-tab: the jobs each enterprise plans,
// how many of them are filled today, and the form for one position.
type positionPanel struct {
	t       *StaffingTab
	content fyne.CanvasObject

	list         *recordList[data.Position]
	orgFilter    *choiceSelect
	showArchived *widget.Check
	plan         *widget.Label

	form                                    *recordForm
	title, hours, count, notes              *entry
	org                                     *picker
	scheme                                  *choiceSelect
	saveButton, cancelButton, archiveButton *widget.Button
	original                                data.Position
}

func newPositionPanel(t *StaffingTab) *positionPanel {
	p := &positionPanel{t: t}
	p.buildList()
	p.buildForm()
	form := container.NewBorder(
		container.NewVBox(p.form.heading, p.form.state),
		container.NewHBox(p.saveButton, p.cancelButton, layout.NewSpacer(), p.archiveButton),
		nil, nil,
		container.NewVScroll(p.form.fields.object()))
	left := container.NewBorder(p.plan, nil, nil, nil, p.list.content)
	split := container.NewHSplit(left, container.NewPadded(form))
	split.Offset = 0.4
	p.content = split
	p.fill(data.Position{})
	return p
}

func (p *positionPanel) buildList() {
	p.plan = widget.NewLabel("")
	p.plan.Wrapping = fyne.TextWrapWord
	p.plan.TextStyle.Bold = true
	p.orgFilter = newChoiceSelect("")
	p.orgFilter.OnChanged = func(string) { p.reloadList() }
	p.showArchived = widget.NewCheck(lang.X("staffing.position.archived", "Vis arkiverede"), func(bool) { p.reloadList() })
	p.list = newRecordList(p.t.w, recordListSpec[data.Position]{
		placeholder: lang.X("staffing.position.search", "Søg: stilling, virksomhed (Ctrl+F)"),
		newLabel:    lang.X("staffing.position.new", "Ny stilling (Ctrl+N)"),
		onNew:       p.NewRecord,
		filters:     container.NewBorder(nil, nil, nil, p.showArchived, p.orgFilter),
		fetch: func(offset, limit int) ([]data.Position, error) {
			q := p.query()
			q.Offset, q.Limit = offset, limit
			return p.t.w.store.Positions(p.t.ctx(), q)
		},
		countRows: func() (int, error) { return p.t.w.store.CountPositions(p.t.ctx(), p.query()) },
		id:        func(x data.Position) int64 { return x.ID },
		title:     func(x data.Position) string { return x.Title + " · " + x.OrganisationName },
		detail:    positionDetail,
		countText: func(n int) string {
			if n == 1 {
				return lang.X("staffing.position.count.one", "1 stilling")
			}
			return lang.X("staffing.position.count", "{{.N}} stillinger", map[string]any{"N": n})
		},
		onPick: func(x data.Position) {
			if x.ID == p.original.ID {
				p.t.w.Win.Canvas().Focus(p.title)
				return
			}
			p.form.guard(p.headingName(), func() { p.open(x.ID) }, func() { p.list.mark(p.original.ID) })
		},
	})
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

func (p *positionPanel) query() data.PositionQuery {
	return data.PositionQuery{Text: p.list.search.Text, OrganisationID: p.orgFilter.id(), Archived: p.showArchived.Checked}
}

func (p *positionPanel) reload() {
	names, ids := p.t.enterprises(0)
	p.orgFilter.set(append([]string{lang.X("staffing.allenterprises", "Alle virksomheder")}, names...), append([]int64{0}, ids...))
	if p.orgFilter.Selected == "" {
		p.orgFilter.Selected = p.orgFilter.Options[0]
		p.orgFilter.Refresh()
	}
	p.form.fill(func() {
		chooseOrg(p.t.w, p.org, pickedID(p.org)) // its name may have changed
		names, ids := p.t.schemeChoices(p.original.SchemeID)
		p.scheme.set(append([]string{lang.X("staffing.position.anyscheme", "(ikke fastlagt)")}, names...), append([]int64{0}, ids...))
	})
	p.reloadList()
}

// reloadList re-reads the list and the plan's sum for the enterprise shown.
func (p *positionPanel) reloadList() {
	p.list.reload(p.original.ID)
	plan, err := p.t.w.store.PlanOn(p.t.ctx(), p.orgFilter.id(), staffingToday())
	if err != nil {
		p.t.w.showError(err)
		return
	}
	p.plan.SetText(lang.X("staffing.position.plan", "Planlagt: {{.Planned}} job i {{.Positions}} stillinger · besat i dag: {{.Filled}}",
		map[string]any{"Planned": plan.Planned, "Positions": plan.Positions, "Filled": plan.Filled}))
}

func (p *positionPanel) buildForm() {
	p.form = newRecordForm(p.t.w, draftPosition)
	p.form.recordID = func() int64 { return p.original.ID }
	p.form.values = func() any { return p.formValues() }
	p.form.parse = func() error { _, err := p.formValues().Parse(); return err }
	p.form.onChange = p.updateState

	p.org = orgPicker(p.t.w, lang.X("staffing.choose", "Vælg …"), data.KindEnterprise)
	p.title = newEntry(lang.X("staffing.position.title.hint", "fx Syerske"))
	p.hours = newEntry(lang.X("staffing.hours.hint", "fx 18,5"))
	p.count = newEntry("")
	p.scheme = newChoiceSelect(lang.X("staffing.position.anyscheme", "(ikke fastlagt)"))
	p.notes = newMultiLineEntry("")
	add := func(name, label string, in fyne.CanvasObject) { p.form.fields.add(newField(name, label, in)) }
	add("OrganisationID", lang.X("staffing.enterprise", "Virksomhed"), p.org)
	add("Title", lang.X("staffing.position.title", "Stilling"), p.title)
	add("HoursPerWeek", lang.X("staffing.hours", "Timer pr. uge"), p.hours)
	add("Count", lang.X("staffing.position.countfield", "Antal personer"), p.count)
	add("SchemeID", lang.X("staffing.scheme", "Ordning"), p.scheme)
	add("Notes", lang.X("staffing.notes", "Noter"), p.notes)
	for _, e := range []*entry{p.title, p.hours, p.count, p.notes} {
		e.OnChanged = func(string) { p.form.changed() }
		e.onEscape = p.Cancel
	}
	p.org.OnChanged = func(int64) { p.form.changed() }
	p.scheme.OnChanged = func(string) { p.form.changed() }

	p.saveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), p.Save)
	p.saveButton.Importance = widget.HighImportance
	p.cancelButton = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), p.Cancel)
	p.archiveButton = widget.NewButton(lang.X("staffing.archive", "Arkivér"), p.toggleArchived)
}

func (p *positionPanel) formValues() data.PositionForm {
	return data.PositionForm{ID: p.original.ID, OrganisationID: pickedID(p.org), Title: p.title.Text, HoursPerWeek: p.hours.Text,
		Count: p.count.Text, SchemeID: p.scheme.id(), Notes: p.notes.Text}
}

func (p *positionPanel) setValues(f data.PositionForm) {
	chooseOrg(p.t.w, p.org, f.OrganisationID)
	p.title.SetText(f.Title)
	p.hours.SetText(f.HoursPerWeek)
	p.count.SetText(f.Count)
	p.scheme.choose(f.SchemeID)
	p.notes.SetText(f.Notes)
}

func (p *positionPanel) fill(x data.Position) {
	p.original = x
	p.form.fill(func() {
		names, ids := p.t.schemeChoices(x.SchemeID)
		p.scheme.set(append([]string{lang.X("staffing.position.anyscheme", "(ikke fastlagt)")}, names...), append([]int64{0}, ids...))
	})
	f := x.Form()
	if x.ID == 0 {
		// A new position starts full-time for one person; the caseworker
		// changes what differs.
		f.HoursPerWeek, f.Count = "37", "1"
	}
	p.form.fill(func() { p.setValues(f) })
	p.form.dirty, p.form.showErrors = false, false
	p.form.fields.clear()
	p.updateState()
}

func (p *positionPanel) open(id int64) {
	x, err := p.t.w.store.Position(p.t.ctx(), id)
	if err != nil {
		p.t.w.showError(err)
		return
	}
	p.fill(x)
	p.list.mark(id)
}

func (p *positionPanel) updateState() {
	st := stateLine{id: p.original.ID, saved: savedAt(p.original.UpdatedAt), heading: p.headingName(),
		archived: p.original.Archived(), save: p.saveButton, archive: p.archiveButton}
	if p.original.Archived() {
		st.locked = archivedOn(p.original.ArchivedAt)
	}
	p.form.showState(st)
}

func (p *positionPanel) restoreDraft(d data.Draft) {
	restoreDraft(p.form, d, func(id int64) (data.Position, error) { return p.t.w.store.Position(p.t.ctx(), id) },
		p.fill, p.setValues, func() {
			p.updateState()
			p.list.mark(d.RecordID)
		})
}

func (p *positionPanel) draftTitle(d data.Draft) string {
	if d.RecordID == 0 {
		return lang.X("staffing.position.newheading", "Ny stilling")
	}
	if x, err := p.t.w.store.Position(p.t.ctx(), d.RecordID); err == nil {
		return positionHeading(x)
	}
	return lang.X("staffing.tab.positions", "Stillinger")
}

func positionHeading(x data.Position) string {
	return fmt.Sprintf("%s, %s", x.Title, x.OrganisationName)
}

func (p *positionPanel) headingName() string {
	if p.original.ID == 0 {
		return lang.X("staffing.position.newheading", "Ny stilling")
	}
	return positionHeading(p.original)
}

// NewRecord starts a new position, in the enterprise the list shows, if one.
func (p *positionPanel) NewRecord() {
	p.form.guard(p.headingName(), func() {
		p.fill(data.Position{OrganisationID: p.orgFilter.id()})
		p.list.mark(0)
		p.t.w.Win.Canvas().Focus(p.title)
	}, nil)
}

// Save saves the position (Ctrl+S).
func (p *positionPanel) Save() {
	if p.original.Archived() {
		return
	}
	x, err := p.t.w.store.SavePosition(p.t.ctx(), p.formValues())
	if !p.form.accept(err) {
		return
	}
	p.fill(x)
	p.reloadList()
	p.t.w.setStatus(lang.X("staffing.position.saved", "Stillingen {{.Name}} er gemt {{.When}}.",
		map[string]any{"Name": positionHeading(x), "When": time.Now().Format("15.04")}))
}

// Cancel throws away unsaved edits (Esc).
func (p *positionPanel) Cancel() {
	if !p.form.dirty {
		return
	}
	p.form.clean()
	p.fill(p.original)
}

func (p *positionPanel) toggleArchived() {
	x := p.original
	p.form.toggleArchived(archiveToggle{
		id: x.ID, archived: x.Archived(),
		title: lang.X("staffing.position.archive.title", "Arkivér stilling"),
		question: lang.X("staffing.position.archive.question", "Arkivér {{.Name}}? Den tælles ikke længere med i planen; placeringer på den beholder den.",
			map[string]any{"Name": positionHeading(x)}),
		archive:      func(id int64) error { return p.t.w.store.ArchivePosition(p.t.ctx(), id) },
		restore:      func(id int64) error { return p.t.w.store.RestorePosition(p.t.ctx(), id) },
		showArchived: p.showArchived,
		reopen: func(id int64) {
			p.open(id)
			p.reloadList()
		},
	}, p.headingName())
}
