package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftTemplate names the template editor's drafts.
const draftTemplate = "template"

// TemplatesTab is the Skabeloner tab: the list of agreement templates and
// an editor for one of them, with the field catalogue, the problems found
// as the user types, a live preview, and the template's versions.
type TemplatesTab struct {
	*form.Register[templateRecord, data.TemplateForm]
	w       *Window
	content fyne.CanvasObject
	all     []data.Template // the templates, as the list filters them

	name, description, body *widgets.Entry
	problems                *problemList
	catalogue               *cataloguePanel
	preview                 *templatePreview
	versions                *versionPanel
	side                    *container.AppTabs
}

// templateRecord is a template with its newest version: what the editor shows.
type templateRecord struct {
	t data.Template
	v data.TemplateVersion
}

type templateForm = data.TemplateForm

func newTemplatesTab(w *Window) *TemplatesTab {
	t := &TemplatesTab{w: w}
	name := form.Text("Name", lang.X("templates.name", "Navn"), "", func(f *templateForm) *string { return &f.Name })
	desc := form.Text("Description", lang.X("templates.description", "Beskrivelse"),
		lang.X("templates.description.hint", "Hvad skabelonen bruges til"), func(f *templateForm) *string { return &f.Description })
	body := form.Lines("Body", lang.X("templates.body", "Skabelon (Markdown)"),
		lang.X("templates.body.hint", "Markdown med flettefelter: se fanen Flettefelter"), func(f *templateForm) *string { return &f.Body })
	t.name, t.description, t.body = name.Entry(), desc.Entry(), body.Entry()
	t.body.TextStyle = fyne.TextStyle{Monospace: true}
	// Off, so that a cursor row is a line of the template: the problems'
	// line:column and "Indsæt" land where the text says.
	t.body.Wrapping = fyne.TextWrapOff
	t.body.SetMinRowsVisible(6)
	t.problems = newProblemList(t)
	t.catalogue = newCataloguePanel(t)
	t.preview = newTemplatePreview(t)
	t.versions = newVersionPanel(t)
	t.side = container.NewAppTabs(
		widgets.NewTabItem(lang.X("templates.tab.preview", "Forhåndsvisning"), t.preview.content),
		widgets.NewTabItem(lang.X("templates.tab.fields", "Flettefelter"), t.catalogue.content),
		widgets.NewTabItem(lang.X("templates.tab.versions", "Versioner"), t.versions.content))
	t.side.OnSelected = func(*container.TabItem) {
		if t.side.SelectedIndex() == 0 {
			t.preview.update()
		}
	}
	var meta form.FieldSet
	meta.Add(name.Field)
	meta.Add(desc.Field)
	// The problems get a split of their own under the text, so that on a
	// small screen the text keeps most of the room.
	editor := container.NewVSplit(container.NewBorder(body.Label, body.Msg, nil, nil, t.body), t.problems.content)
	editor.Offset = 0.75
	split := container.NewHSplit(editor, t.side)
	split.Offset = 0.5
	t.Register = form.NewRegister(w, form.Spec[templateRecord, templateForm]{
		Name: lang.X("tab.templates", "Skabeloner"), Draft: draftTemplate,
		New: lang.X("templates.newheading", "Ny skabelon"), Heading: func(r templateRecord) string { return r.t.Name },
		ID: func(r templateRecord) int64 { return r.t.ID },
		Values: func(r templateRecord) templateForm {
			return templateForm{ID: r.t.ID, Name: r.t.Name, Description: r.t.Description, Body: r.v.Body}
		},
		Read: t.load,
		Save: func(ctx context.Context, f templateForm) (templateRecord, error) {
			tp, v, err := w.store.SaveTemplate(ctx, f)
			return templateRecord{tp, v}, err
		},
		Saved: func(r templateRecord) string {
			return lang.X("templates.saved", "{{.Name}} er gemt som version {{.Version}} {{.When}}.",
				map[string]any{"Name": r.t.Name, "Version": r.v.Version, "When": time.Now().Format("15.04")})
		},
		State: func(r templateRecord) string {
			return lang.X("templates.state.saved", "Version {{.Version}}, gemt {{.When}}.", map[string]any{
				"Version": r.v.Version, "When": dk.FormatDateTime(r.v.CreatedAt.Local())})
		},
		Fields: []*form.Binding[templateForm]{name, desc, body},
		List: form.ListSpec[templateRecord]{
			Search:   lang.X("templates.search", "Søg skabelon (Ctrl+F)"),
			NewLabel: lang.X("templates.new", "Ny skabelon (Ctrl+N)"),
			// Templates are few: the list filters what Templates read once.
			Fetch: form.Slice(t.matching),
			Rows: func() (int, error) {
				all, err := w.store.Templates(ctx(), true)
				t.all = all
				return len(t.matching()), err
			},
			ID:     func(r templateRecord) int64 { return r.t.ID },
			Title:  func(r templateRecord) string { return r.t.Name },
			Detail: func(r templateRecord) string { return r.t.Description },
			Count: func(n int) string {
				return form.Counted(n, lang.X("templates.count.one", "1 skabelon"),
					lang.X("templates.count", "{{.N}} skabeloner", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[templateRecord]{Archive: w.store.ArchiveTemplate, Restore: w.store.RestoreTemplate,
			At: func(r templateRecord) time.Time { return r.t.ArchivedAt }, Title: lang.X("templates.archive.title", "Arkivér skabelon"),
			Question: func(r templateRecord) string {
				return lang.X("templates.archive.question", "Arkivér {{.Name}}? Den kan ikke længere vælges til nye aftaler; aftaler, der bruger den, beholder deres version.", map[string]any{"Name": r.t.Name})
			}},
		Refresh: func() {
			t.problems.update()
			t.preview.schedule()
		},
		OnFill:    func(r templateRecord) { t.preview.update(); t.versions.load(r.t.ID) },
		OnRefused: t.problems.update,
		OnReload:  t.preview.reloadSources,
		Layout: &form.Pane[templateRecord, templateForm]{Split: 0.2, Above: []fyne.CanvasObject{meta.Object()},
			Body: func(fyne.CanvasObject) fyne.CanvasObject { return split }, Buttons: t.fileButtons()},
	})
	t.content = t.Content
	w.atFirstShow(t.Start)
	return t
}

// matching is the templates the search finds, archived ones only when
// asked for.
func (t *TemplatesTab) matching() []templateRecord {
	if t.Register == nil {
		return nil
	}
	words := strings.Fields(dk.Fold(t.List.Text()))
	var out []templateRecord
	for _, tp := range t.all {
		if tp.Archived() != t.Archived() {
			continue
		}
		hay := dk.Fold(tp.Name + " " + tp.Description)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			out = append(out, templateRecord{t: tp})
		}
	}
	return out
}

func (t *TemplatesTab) load(ctx context.Context, id int64) (templateRecord, error) {
	tp, err := t.w.store.Template(ctx, id)
	if err != nil {
		return templateRecord{t: tp}, err
	}
	v, err := t.w.store.LatestVersion(ctx, id)
	return templateRecord{tp, v}, err
}

// original is the template shown, as saved (ID 0 for a new one).
func (t *TemplatesTab) original() data.Template { return t.Original.t }

// insertAtCursor puts text into the editor where the cursor is, as if it
// had been typed, and leaves the cursor after it.
func (t *TemplatesTab) insertAtCursor(text string) {
	if t.original().Archived() {
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
