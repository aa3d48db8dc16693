package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// staffingLists is the Ordninger og målgrupper sub-tab: two short editable
// lists side by side, each with a small form under it. The forms are a few
// fields long, so they keep no drafts; leaving one with edits still asks.
type staffingLists struct {
	t       *StaffingTab
	content fyne.CanvasObject
	schemes *schemeEditor
	groups  *groupEditor
}

func newStaffingLists(t *StaffingTab) *staffingLists {
	l := &staffingLists{t: t}
	l.schemes = newSchemeEditor(t)
	l.groups = newGroupEditor(t)
	split := container.NewHSplit(container.NewPadded(l.schemes.content), container.NewPadded(l.groups.content))
	split.Offset = 0.55
	l.content = split
	return l
}

func (l *staffingLists) reload() {
	l.schemes.reload()
	l.groups.reload()
}

// saveFocused saves whichever form has edits (Ctrl+S).
func (l *staffingLists) saveFocused() {
	if l.groups.form.dirty && !l.schemes.form.dirty {
		l.groups.save()
		return
	}
	l.schemes.save()
}

func (l *staffingLists) cancelAll() {
	l.schemes.cancel()
	l.groups.cancel()
}

// miniForm is the small form under a list: fields with messages, dirty
// tracking and a question before edits are thrown away.
type miniForm struct {
	w       *Window
	heading *widget.Label
	state   *widget.Label
	fields  fieldSet
	loading bool
	dirty   bool
	tried   bool // after a refused save, every problem shows as the user types
	parse   func() error
}

func newMiniForm(w *Window) *miniForm {
	m := &miniForm{w: w, heading: widget.NewLabel(""), state: widget.NewLabel("")}
	m.heading.TextStyle.Bold = true
	m.state.Wrapping = fyne.TextWrapWord
	return m
}

func (m *miniForm) changed() {
	if m.loading {
		return
	}
	m.dirty = true
	m.setState(lang.X("form.state.dirty", "Ændringer er ikke gemt."))
	m.fields.live(m.parse(), m.tried)
}

func (m *miniForm) refused(v *data.ValidationError) {
	m.tried = true
	m.fields.show(v)
	m.setState(refusedText(v))
}

// setState shows the state line, or hides it when there is nothing to say
// (the lists need the room).
func (m *miniForm) setState(text string) {
	m.state.SetText(text)
	if text == "" {
		m.state.Hide()
	} else {
		m.state.Show()
	}
}

// fill puts values into the widgets without marking the form dirty.
func (m *miniForm) fill(set func()) {
	m.loading = true
	defer func() { m.loading = false }()
	set()
	m.dirty, m.tried = false, false
	m.fields.clear()
	m.setState("")
}

// guard runs proceed, first asking whether to throw away unsaved edits.
func (m *miniForm) guard(name string, proceed, stay func()) {
	if !m.dirty {
		proceed()
		return
	}
	d := dialog.NewConfirm(lang.X("form.discard.title", "Ændringer er ikke gemt"),
		lang.X("form.discard.question", "Kassér ændringerne i {{.Name}}?", map[string]any{"Name": name}),
		func(discard bool) {
			if discard {
				proceed()
			} else if stay != nil {
				stay()
			}
		}, m.w.Win)
	d.SetConfirmText(lang.X("form.discard", "Kassér ændringerne"))
	d.SetDismissText(lang.X("form.keepediting", "Fortsæt redigeringen"))
	d.Show()
}

// editableList is the list half: rows, a "show archived" check, and the
// buttons that act on the chosen row.
type editableList struct {
	list          *widget.List
	showArchived  *widget.Check
	newButton     *widget.Button
	saveButton    *widget.Button
	archiveButton *widget.Button
	selecting     bool
}

func (e *editableList) layout(title string, form *miniForm, hint string) fyne.CanvasObject {
	heading := widget.NewLabel(title)
	heading.TextStyle.Bold = true
	heading.SizeName = theme.SizeNameSubHeadingText
	help := widget.NewLabel(hint)
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading, help)
	formBox := container.NewVBox(widget.NewSeparator(), form.heading, form.fields.object(), form.state,
		container.NewHBox(e.saveButton, e.newButton, layout.NewSpacer(), e.archiveButton))
	return container.NewBorder(top, formBox, nil, nil,
		container.NewBorder(nil, e.showArchived, nil, nil, e.list))
}

// --- schemes ---

type schemeEditor struct {
	t       *StaffingTab
	content fyne.CanvasObject
	editableList
	rows                          []data.Scheme
	form                          *miniForm
	name, warnWeeks, order        *entry
	subsidised, flex, countsAsJob *widget.Check
	original                      data.Scheme
}

func newSchemeEditor(t *StaffingTab) *schemeEditor {
	e := &schemeEditor{t: t, form: newMiniForm(t.w)}
	e.form.parse = func() error { _, err := e.values().Parse(); return err }
	e.list = widget.NewList(func() int { return len(e.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Ordning")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) { obj.(*widget.Label).SetText(schemeLine(e.rows[id])) })
	e.list.OnSelected = func(id widget.ListItemID) {
		if e.selecting {
			return
		}
		e.form.guard(e.headingName(), func() { e.fill(e.rows[id]) }, func() { e.mark() })
	}
	e.showArchived = widget.NewCheck(lang.X("staffing.lists.archived", "Vis arkiverede"), func(bool) { e.reload() })
	e.name = newEntry("")
	e.warnWeeks = newEntry(lang.X("staffing.scheme.warnweeks.hint", "tom: ingen grænse"))
	e.order = newEntry("")
	e.subsidised = widget.NewCheck(lang.X("staffing.scheme.subsidised", "Tilskud"), nil)
	e.flex = widget.NewCheck(lang.X("staffing.scheme.flex", "Fleksjob"), nil)
	e.countsAsJob = widget.NewCheck(lang.X("staffing.scheme.job", "Job"), nil)
	add := func(name, label string, in fyne.CanvasObject) { e.form.fields.add(newField(name, label, in)) }
	add("Name", lang.X("staffing.lists.name", "Navn"), e.name)
	add("Counts", lang.X("staffing.scheme.counts", "Tæller som"), container.NewHBox(e.subsidised, e.flex, e.countsAsJob))
	add("WarnWeeks", lang.X("staffing.scheme.warnweeks", "Advarsel efter uger"), e.warnWeeks)
	add("Position", lang.X("staffing.lists.order", "Rækkefølge"), e.order)
	for _, en := range []*entry{e.name, e.warnWeeks, e.order} {
		en.OnChanged = func(string) { e.form.changed() }
		en.onEscape = e.cancel
	}
	for _, c := range []*widget.Check{e.subsidised, e.flex, e.countsAsJob} {
		c.OnChanged = func(bool) { e.form.changed() }
	}
	e.saveButton = widget.NewButton(lang.X("form.save.plain", "Gem"), e.save)
	e.saveButton.Importance = widget.HighImportance
	e.newButton = widget.NewButton(lang.X("staffing.scheme.new", "Ny ordning"), e.newRecord)
	e.archiveButton = widget.NewButton(lang.X("staffing.archive", "Arkivér"), e.toggleArchived)
	e.content = e.layout(lang.X("staffing.lists.schemes", "Ordninger"), e.form,
		lang.X("staffing.scheme.help", "Ordningerne kan omdøbes, tilføjes og arkiveres, når reglerne ændres. Tilskud tæller i rimelighedskravet, fleksjob i målet for fleksjobbere, job i de besatte job."))
	e.fill(data.Scheme{CountsAsJob: true})
	return e
}

// schemeLine shows a scheme and what it counts as, on one line.
func schemeLine(sc data.Scheme) string {
	parts := []string{sc.Name}
	if sc.Subsidised {
		parts = append(parts, lang.X("staffing.scheme.mark.subsidised", "tilskud"))
	}
	if sc.Flex {
		parts = append(parts, lang.X("staffing.scheme.mark.flex", "fleksjob"))
	}
	if !sc.CountsAsJob {
		parts = append(parts, lang.X("staffing.scheme.mark.nojob", "tæller ikke som job"))
	}
	if sc.WarnWeeks > 0 {
		parts = append(parts, lang.X("staffing.scheme.mark.weeks", "advarsel efter {{.N}} uger", map[string]any{"N": sc.WarnWeeks}))
	}
	if sc.Archived() {
		parts = append(parts, lang.X("staffing.lists.archivedmark", "arkiveret"))
	}
	return strings.Join(parts, " · ")
}

func (e *schemeEditor) reload() {
	rows, err := e.t.w.store.Schemes(e.t.ctx(), e.showArchived.Checked)
	if err != nil {
		e.t.w.showError(err)
		return
	}
	e.rows = rows
	e.list.Refresh()
	e.mark()
}

// mark selects the row being edited without reopening it.
func (e *schemeEditor) mark() {
	e.selecting = true
	defer func() { e.selecting = false }()
	for i, r := range e.rows {
		if r.ID == e.original.ID && r.ID != 0 {
			e.list.Select(i)
			return
		}
	}
	e.list.UnselectAll()
}

func (e *schemeEditor) values() data.SchemeForm {
	return data.SchemeForm{ID: e.original.ID, Name: e.name.Text, Subsidised: e.subsidised.Checked, Flex: e.flex.Checked,
		CountsAsJob: e.countsAsJob.Checked, WarnWeeks: e.warnWeeks.Text, Position: e.order.Text}
}

func (e *schemeEditor) fill(sc data.Scheme) {
	e.original = sc
	f := sc.Form()
	if sc.ID == 0 {
		f.Position = ""
	}
	e.form.fill(func() {
		e.name.SetText(f.Name)
		e.subsidised.SetChecked(f.Subsidised)
		e.flex.SetChecked(f.Flex)
		e.countsAsJob.SetChecked(f.CountsAsJob)
		e.warnWeeks.SetText(f.WarnWeeks)
		e.order.SetText(f.Position)
	})
	e.form.heading.SetText(e.headingName())
	if sc.ID == 0 {
		e.order.SetPlaceHolder(lang.X("staffing.lists.order.hint", "tom: sidst"))
		e.archiveButton.Disable()
	} else {
		e.archiveButton.Enable()
	}
	if sc.Archived() {
		e.archiveButton.SetText(lang.X("staffing.restore", "Genskab"))
		e.saveButton.Disable()
	} else {
		e.archiveButton.SetText(lang.X("staffing.archive", "Arkivér"))
		e.saveButton.Enable()
	}
	e.mark()
}

func (e *schemeEditor) headingName() string {
	if e.original.ID == 0 {
		return lang.X("staffing.scheme.new", "Ny ordning")
	}
	return e.original.Name
}

func (e *schemeEditor) newRecord() {
	e.form.guard(e.headingName(), func() {
		e.fill(data.Scheme{CountsAsJob: true})
		e.t.w.Win.Canvas().Focus(e.name)
	}, nil)
}

func (e *schemeEditor) save() {
	if e.original.Archived() {
		return
	}
	sc, err := e.t.w.store.SaveScheme(e.t.ctx(), e.values())
	if v, ok := data.AsValidation(err); ok {
		e.form.refused(v)
		return
	}
	if err != nil {
		e.t.w.showError(err)
		return
	}
	e.fill(sc)
	e.reload()
	e.t.w.setStatus(lang.X("staffing.scheme.saved", "Ordningen {{.Name}} er gemt.", map[string]any{"Name": sc.Name}))
}

func (e *schemeEditor) cancel() {
	if e.form.dirty {
		e.fill(e.original)
	}
}

func (e *schemeEditor) toggleArchived() {
	sc := e.original
	if sc.ID == 0 {
		return
	}
	var err error
	if sc.Archived() {
		err = e.t.w.store.RestoreScheme(e.t.ctx(), sc.ID)
	} else {
		err = e.t.w.store.ArchiveScheme(e.t.ctx(), sc.ID)
	}
	if err != nil {
		e.t.w.showError(err)
		return
	}
	if sc, err = e.t.w.store.Scheme(e.t.ctx(), sc.ID); err == nil {
		e.fill(sc)
	}
	e.reload()
}

// --- target groups ---

type groupEditor struct {
	t       *StaffingTab
	content fyne.CanvasObject
	editableList
	rows        []data.TargetGroup
	form        *miniForm
	name, order *entry
	original    data.TargetGroup
}

func newGroupEditor(t *StaffingTab) *groupEditor {
	e := &groupEditor{t: t, form: newMiniForm(t.w)}
	e.form.parse = func() error { _, err := e.values().Parse(); return err }
	e.list = widget.NewList(func() int { return len(e.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Målgruppe")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			g := e.rows[id]
			s := g.Name
			if g.Archived() {
				s += " · " + lang.X("staffing.lists.archivedmark", "arkiveret")
			}
			obj.(*widget.Label).SetText(s)
		})
	e.list.OnSelected = func(id widget.ListItemID) {
		if e.selecting {
			return
		}
		e.form.guard(e.headingName(), func() { e.fill(e.rows[id]) }, func() { e.mark() })
	}
	e.showArchived = widget.NewCheck(lang.X("staffing.lists.archived", "Vis arkiverede"), func(bool) { e.reload() })
	e.name = newEntry("")
	e.order = newEntry("")
	e.form.fields.add(newField("Name", lang.X("staffing.lists.name", "Navn"), e.name))
	e.form.fields.add(newField("Position", lang.X("staffing.lists.order", "Rækkefølge"), e.order))
	for _, en := range []*entry{e.name, e.order} {
		en.OnChanged = func(string) { e.form.changed() }
		en.onEscape = e.cancel
	}
	e.saveButton = widget.NewButton(lang.X("form.save.plain", "Gem"), e.save)
	e.saveButton.Importance = widget.HighImportance
	e.newButton = widget.NewButton(lang.X("staffing.group.new", "Ny målgruppe"), e.newRecord)
	e.archiveButton = widget.NewButton(lang.X("staffing.archive", "Arkivér"), e.toggleArchived)
	e.content = e.layout(lang.X("staffing.lists.groups", "Målgrupper"), e.form,
		lang.X("staffing.group.help", "Målgrupper tælles samlet; en målgruppe kan afsløre helbred eller etnisk oprindelse og slettes med placeringens personoplysninger."))
	e.fill(data.TargetGroup{})
	return e
}

func (e *groupEditor) reload() {
	rows, err := e.t.w.store.TargetGroups(e.t.ctx(), e.showArchived.Checked)
	if err != nil {
		e.t.w.showError(err)
		return
	}
	e.rows = rows
	e.list.Refresh()
	e.mark()
}

func (e *groupEditor) mark() {
	e.selecting = true
	defer func() { e.selecting = false }()
	for i, r := range e.rows {
		if r.ID == e.original.ID && r.ID != 0 {
			e.list.Select(i)
			return
		}
	}
	e.list.UnselectAll()
}

func (e *groupEditor) values() data.TargetGroupForm {
	return data.TargetGroupForm{ID: e.original.ID, Name: e.name.Text, Position: e.order.Text}
}

func (e *groupEditor) fill(g data.TargetGroup) {
	e.original = g
	f := g.Form()
	if g.ID == 0 {
		f.Position = ""
	}
	e.form.fill(func() {
		e.name.SetText(f.Name)
		e.order.SetText(f.Position)
	})
	e.form.heading.SetText(e.headingName())
	if g.ID == 0 {
		e.order.SetPlaceHolder(lang.X("staffing.lists.order.hint", "tom: sidst"))
		e.archiveButton.Disable()
	} else {
		e.archiveButton.Enable()
	}
	if g.Archived() {
		e.archiveButton.SetText(lang.X("staffing.restore", "Genskab"))
		e.saveButton.Disable()
	} else {
		e.archiveButton.SetText(lang.X("staffing.archive", "Arkivér"))
		e.saveButton.Enable()
	}
	e.mark()
}

func (e *groupEditor) headingName() string {
	if e.original.ID == 0 {
		return lang.X("staffing.group.new", "Ny målgruppe")
	}
	return e.original.Name
}

func (e *groupEditor) newRecord() {
	e.form.guard(e.headingName(), func() {
		e.fill(data.TargetGroup{})
		e.t.w.Win.Canvas().Focus(e.name)
	}, nil)
}

func (e *groupEditor) save() {
	if e.original.Archived() {
		return
	}
	g, err := e.t.w.store.SaveTargetGroup(e.t.ctx(), e.values())
	if v, ok := data.AsValidation(err); ok {
		e.form.refused(v)
		return
	}
	if err != nil {
		e.t.w.showError(err)
		return
	}
	e.fill(g)
	e.reload()
	e.t.w.setStatus(lang.X("staffing.group.saved", "Målgruppen {{.Name}} er gemt.", map[string]any{"Name": g.Name}))
}

func (e *groupEditor) cancel() {
	if e.form.dirty {
		e.fill(e.original)
	}
}

func (e *groupEditor) toggleArchived() {
	g := e.original
	if g.ID == 0 {
		return
	}
	var err error
	if g.Archived() {
		err = e.t.w.store.RestoreTargetGroup(e.t.ctx(), g.ID)
	} else {
		err = e.t.w.store.ArchiveTargetGroup(e.t.ctx(), g.ID)
	}
	if err != nil {
		e.t.w.showError(err)
		return
	}
	if g, err = e.t.w.store.TargetGroup(e.t.ctx(), g.ID); err == nil {
		e.fill(g)
	}
	e.reload()
}
