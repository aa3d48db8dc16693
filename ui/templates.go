package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// draftTemplate names the template editor's drafts.
const draftTemplate = "template"

// TemplatesTab is the Skabeloner tab: the list of agreement templates and
// an editor for one of them, with the field catalogue, the problems found
// as the user types, a live preview, and the template's versions.
type TemplatesTab struct {
	w       *Window
	content fyne.CanvasObject

	list         *recordList[data.Template]
	all          []data.Template // the templates, as the list filters them
	showArchived *widget.Check

	form                     *recordForm
	name, description        *entry
	body                     *entry
	problems                 *problemList
	catalogue                *cataloguePanel
	preview                  *templatePreview
	versions                 *versionPanel
	side                     *container.AppTabs
	saveButton, cancelButton *widget.Button
	archiveButton            *widget.Button
	importButton             *widget.Button
	exportButton             *widget.Button

	original data.Template        // as saved; ID 0 for a new one
	latest   data.TemplateVersion // its newest version
}

func newTemplatesTab(w *Window) *TemplatesTab {
	t := &TemplatesTab{w: w}
	t.buildList()
	t.buildForm()
	t.problems = newProblemList(t)
	t.catalogue = newCataloguePanel(t)
	t.preview = newTemplatePreview(t)
	t.versions = newVersionPanel(t)
	t.side = container.NewAppTabs(
		container.NewTabItem(lang.X("templates.tab.preview", "Forhåndsvisning"), t.preview.content),
		container.NewTabItem(lang.X("templates.tab.fields", "Flettefelter"), t.catalogue.content),
		container.NewTabItem(lang.X("templates.tab.versions", "Versioner"), t.versions.content))
	t.side.OnSelected = func(*container.TabItem) {
		if t.side.SelectedIndex() == 0 {
			t.preview.update()
		}
	}

	meta := container.New(layout.NewFormLayout(),
		t.form.fields.fields[0].label, t.form.fields.fields[0].row,
		t.form.fields.fields[1].label, t.form.fields.fields[1].row)
	bodyField := t.form.fields.fields[2]
	editor := container.NewBorder(bodyField.label,
		container.NewVBox(bodyField.msg, t.problems.content), nil, nil, t.body)
	split := container.NewHSplit(editor, t.side)
	split.Offset = 0.5
	form := container.NewBorder(
		container.NewVBox(t.form.heading, t.form.state, meta),
		container.NewHBox(t.saveButton, t.cancelButton, layout.NewSpacer(), t.importButton, t.exportButton, t.archiveButton),
		nil, nil, split)
	outer := container.NewHSplit(t.list.content, container.NewPadded(form))
	outer.Offset = 0.2
	t.content = outer
	t.Reload()
	t.fill(data.Template{}, data.TemplateVersion{})
	return t
}

func (t *TemplatesTab) ctx() context.Context { return context.Background() }

// --- the list ---

func (t *TemplatesTab) buildList() {
	t.showArchived = widget.NewCheck(lang.X("templates.archived", "Vis arkiverede"), func(bool) { t.Reload() })
	t.list = newRecordList(t.w, recordListSpec[data.Template]{
		placeholder: lang.X("templates.search", "Søg skabelon (Ctrl+F)"),
		newLabel:    lang.X("templates.new", "Ny skabelon (Ctrl+N)"),
		onNew:       t.NewRecord,
		filters:     t.showArchived,
		// Templates are few: the list filters what Templates read once.
		fetch: func(offset, limit int) ([]data.Template, error) {
			rows := t.matching()
			if offset >= len(rows) {
				return nil, nil
			}
			return rows[offset:min(offset+limit, len(rows))], nil
		},
		countRows: func() (int, error) { return len(t.matching()), nil },
		id:        func(tp data.Template) int64 { return tp.ID },
		title:     func(tp data.Template) string { return tp.Name },
		detail:    func(tp data.Template) string { return tp.Description },
		countText: func(n int) string {
			if n == 1 {
				return lang.X("templates.count.one", "1 skabelon")
			}
			return lang.X("templates.count", "{{.N}} skabeloner", map[string]any{"N": n})
		},
		onPick: func(tp data.Template) {
			if tp.ID == t.original.ID {
				t.w.Win.Canvas().Focus(t.body)
				return
			}
			t.form.guard(t.headingName(), func() { t.open(tp.ID) }, func() { t.list.mark(t.original.ID) })
		},
	})
}

// matching is the templates the search finds, archived ones only when
// asked for.
func (t *TemplatesTab) matching() []data.Template {
	words := strings.Fields(dk.Fold(t.list.search.Text))
	var out []data.Template
	for _, tp := range t.all {
		if tp.Archived() != t.showArchived.Checked {
			continue
		}
		hay := dk.Fold(tp.Name + " " + tp.Description)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			out = append(out, tp)
		}
	}
	return out
}

// Reload re-reads the templates (after a save, an archive, the demo).
func (t *TemplatesTab) Reload() {
	if t.list == nil || t.showArchived == nil {
		return
	}
	all, err := t.w.store.Templates(t.ctx(), true)
	if err != nil {
		t.w.showError(err)
		return
	}
	t.all = all
	t.list.reload(t.original.ID)
	if t.preview != nil {
		t.preview.reloadSources()
	}
}

// --- the form ---

func (t *TemplatesTab) buildForm() {
	t.form = newRecordForm(t.w, draftTemplate)
	t.form.recordID = func() int64 { return t.original.ID }
	t.form.values = func() any { return t.formValues() }
	t.form.parse = func() error { return nil } // the body's problems show in their own list
	t.form.onChange = func() {
		t.problems.update()
		t.preview.schedule()
		t.updateState()
	}
	t.name = newEntry("")
	t.description = newEntry(lang.X("templates.description.hint", "Hvad skabelonen bruges til"))
	t.body = newMultiLineEntry(lang.X("templates.body.hint", "Markdown med flettefelter: se fanen Flettefelter"))
	t.body.TextStyle = fyne.TextStyle{Monospace: true}
	// Off, so that a cursor row is a line of the template: the problems'
	// line:column and "Indsæt" land where the text says.
	t.body.Wrapping = fyne.TextWrapOff
	t.body.SetMinRowsVisible(12)
	t.form.fields.add(newField("Name", lang.X("templates.name", "Navn"), t.name))
	t.form.fields.add(newField("Description", lang.X("templates.description", "Beskrivelse"), t.description))
	t.form.fields.add(newField("Body", lang.X("templates.body", "Skabelon (Markdown)"), t.body))
	for _, e := range []*entry{t.name, t.description, t.body} {
		e.OnChanged = func(string) { t.form.changed() }
		e.onEscape = t.Cancel
	}
	t.saveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), t.Save)
	t.saveButton.Importance = widget.HighImportance
	t.cancelButton = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), t.Cancel)
	t.archiveButton = widget.NewButton(lang.X("templates.archive", "Arkivér"), t.toggleArchived)
	t.importButton = widget.NewButtonWithIcon(lang.X("templates.import", "Importér .md…"), theme.FolderOpenIcon(), t.chooseImport)
	t.exportButton = widget.NewButtonWithIcon(lang.X("templates.export", "Eksportér .md…"), theme.DocumentSaveIcon(), t.chooseExport)
}

func (t *TemplatesTab) formValues() data.TemplateForm {
	return data.TemplateForm{ID: t.original.ID, Name: t.name.Text, Description: t.description.Text, Body: t.body.Text}
}

func (t *TemplatesTab) setValues(f data.TemplateForm) {
	t.name.SetText(f.Name)
	t.description.SetText(f.Description)
	t.body.SetText(f.Body)
}

func (t *TemplatesTab) updateState() {
	st := stateLine{id: t.original.ID, heading: t.headingName(), archived: t.original.Archived(),
		save: t.saveButton, archive: t.archiveButton,
		saved: lang.X("templates.state.saved", "Version {{.Version}}, gemt {{.When}}.", map[string]any{
			"Version": t.latest.Version, "When": dk.FormatDateTime(t.latest.CreatedAt.Local())})}
	if t.original.Archived() {
		st.locked = archivedOn(t.original.ArchivedAt)
	}
	t.form.showState(st)
}

// fill shows a saved (or new, empty) template and its newest version.
func (t *TemplatesTab) fill(tp data.Template, v data.TemplateVersion) {
	t.original, t.latest = tp, v
	t.form.fill(func() {
		t.setValues(data.TemplateForm{ID: tp.ID, Name: tp.Name, Description: tp.Description, Body: v.Body})
	})
	t.form.dirty, t.form.showErrors = false, false
	t.form.fields.clear()
	t.problems.update()
	t.preview.update()
	t.versions.load(tp.ID)
	t.updateState()
}

func (t *TemplatesTab) load(id int64) (data.Template, data.TemplateVersion, error) {
	tp, err := t.w.store.Template(t.ctx(), id)
	if err != nil {
		return tp, data.TemplateVersion{}, err
	}
	v, err := t.w.store.LatestVersion(t.ctx(), id)
	return tp, v, err
}

// open loads a saved template into the editor.
func (t *TemplatesTab) open(id int64) {
	tp, v, err := t.load(id)
	if err != nil {
		t.w.showError(err)
		return
	}
	t.fill(tp, v)
	t.list.mark(id)
}

// templateRecord pairs a template with its newest version, for restoreDraft.
type templateRecord struct {
	t data.Template
	v data.TemplateVersion
}

func (t *TemplatesTab) restoreDraft(d data.Draft) {
	restoreDraft(t.form, d, func(id int64) (templateRecord, error) {
		tp, v, err := t.load(id)
		return templateRecord{tp, v}, err
	}, func(r templateRecord) { t.fill(r.t, r.v) }, t.setValues, func() {
		t.problems.update()
		t.preview.update()
		t.updateState()
		t.list.mark(d.RecordID)
	})
}

func (t *TemplatesTab) draftTitle(d data.Draft) string {
	if d.RecordID != 0 {
		if tp, err := t.w.store.Template(t.ctx(), d.RecordID); err == nil {
			return tp.Name
		}
	}
	return lang.X("templates.newheading", "Ny skabelon")
}

func (t *TemplatesTab) headingName() string {
	if t.original.ID == 0 {
		return lang.X("templates.newheading", "Ny skabelon")
	}
	return t.original.Name
}

// Dirty tells whether the editor holds unsaved edits.
func (t *TemplatesTab) Dirty() bool { return t.form.dirty }

func (t *TemplatesTab) drafts() []*recordForm { return []*recordForm{t.form} }

// NewRecord starts a new template (Ctrl+N).
func (t *TemplatesTab) NewRecord() {
	t.form.guard(t.headingName(), func() {
		t.fill(data.Template{}, data.TemplateVersion{})
		t.list.mark(0)
		t.w.Win.Canvas().Focus(t.name)
	}, nil)
}

// Save saves the template (Ctrl+S); a changed text becomes a new version.
func (t *TemplatesTab) Save() {
	if t.original.Archived() {
		return
	}
	tp, v, err := t.w.store.SaveTemplate(t.ctx(), t.formValues())
	if !t.form.accept(err) {
		t.problems.update()
		return
	}
	t.fill(tp, v)
	t.Reload()
	t.w.setStatus(lang.X("templates.saved", "{{.Name}} er gemt som version {{.Version}} {{.When}}.",
		map[string]any{"Name": tp.Name, "Version": v.Version, "When": time.Now().Format("15.04")}))
}

// Cancel throws away unsaved edits (Esc).
func (t *TemplatesTab) Cancel() {
	if !t.form.dirty {
		return
	}
	t.form.clean()
	t.fill(t.original, t.latest)
}

// FocusSearch moves the cursor to the search field (Ctrl+F).
func (t *TemplatesTab) FocusSearch() { t.w.Win.Canvas().Focus(t.list.search) }

func (t *TemplatesTab) toggleArchived() {
	tp := t.original
	t.form.toggleArchived(archiveToggle{
		id: tp.ID, archived: tp.Archived(),
		title: lang.X("templates.archive.title", "Arkivér skabelon"),
		question: lang.X("templates.archive.question", "Arkivér {{.Name}}? Den kan ikke længere vælges til nye aftaler; aftaler, der bruger den, beholder deres version.",
			map[string]any{"Name": tp.Name}),
		archive:      func(id int64) error { return t.w.store.ArchiveTemplate(t.ctx(), id) },
		restore:      func(id int64) error { return t.w.store.RestoreTemplate(t.ctx(), id) },
		showArchived: t.showArchived,
		reopen: func(id int64) {
			t.open(id)
			t.Reload()
		},
	}, t.headingName())
}

// insertAtCursor puts text into the editor where the cursor is, as if it
// had been typed, and leaves the cursor after it.
func (t *TemplatesTab) insertAtCursor(text string) {
	if t.original.Archived() {
		return
	}
	lines := strings.Split(t.body.Text, "\n")
	row := min(max(t.body.CursorRow, 0), len(lines)-1)
	line := []rune(lines[row])
	col := min(max(t.body.CursorColumn, 0), len(line))
	lines[row] = string(line[:col]) + text + string(line[col:])
	t.body.SetText(strings.Join(lines, "\n")) // OnChanged marks the form dirty
	added := strings.Split(text, "\n")
	if len(added) == 1 {
		t.body.CursorRow, t.body.CursorColumn = row, col+len([]rune(text))
	} else {
		t.body.CursorRow, t.body.CursorColumn = row+len(added)-1, len([]rune(added[len(added)-1]))
	}
	t.body.Refresh()
	t.w.Win.Canvas().Focus(t.body)
}

// moveCursor puts the cursor at a problem's line and column (both from 1).
func (t *TemplatesTab) moveCursor(line, col int) {
	lines := strings.Split(t.body.Text, "\n")
	row := min(max(line-1, 0), len(lines)-1)
	t.body.CursorRow = row
	t.body.CursorColumn = min(max(col-1, 0), len([]rune(lines[row])))
	t.body.Refresh()
	t.w.Win.Canvas().Focus(t.body)
}

// usesLease tells whether a template's text asks for a lease.
func usesLease(body string) bool { return strings.Contains(body, "lejemaal") }

// checkProblems is agreement.Check on the text being edited.
func checkProblems(body string) []agreement.Problem { return agreement.Check(body) }
