package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data/agreement"
	"partnerskab/ui/widgets"
)

// problemList shows, under the editor, what agreement.Check finds in the
// template as it is typed: "3:14: ukendt flettefelt … — mente du …?",
// each whole (wrapped), in a list that scrolls. Picking one moves the
// cursor to it.
type problemList struct {
	t        *TemplatesTab
	problems []agreement.Problem
	rows     *fyne.Container
	summary  *widget.Label
	content  fyne.CanvasObject
}

func newProblemList(t *TemplatesTab) *problemList {
	p := &problemList{t: t, rows: container.NewVBox()}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(p.summary, nil, nil, nil,
		container.NewVScroll(p.rows))
	return p
}

// update re-checks the editor's text.
func (p *problemList) update() {
	p.problems = checkProblems(p.t.body.Text)
	switch n := len(p.problems); n {
	case 0:
		p.summary.Importance = widget.SuccessImportance
		p.summary.SetText(lang.X("templates.problems.none", "Ingen fejl i skabelonen."))
	case 1:
		p.summary.Importance = widget.DangerImportance
		p.summary.SetText(lang.X("templates.problems.one", "1 fejl: skabelonen kan ikke bruges til en aftale, før den er rettet."))
	default:
		p.summary.Importance = widget.DangerImportance
		p.summary.SetText(lang.X("templates.problems", "{{.N}} fejl: skabelonen kan ikke bruges til en aftale, før de er rettet.",
			map[string]any{"N": formatCount(n)}))
	}
	p.rows.RemoveAll()
	for _, pr := range p.problems {
		row := widgets.NewTapLabel(pr.Error(), func() { p.t.moveCursor(pr.Line, pr.Col) })
		row.Importance = widget.DangerImportance
		p.rows.Add(row)
	}
}

// pick moves the cursor to problem i, as tapping it does.
func (p *problemList) pick(i int) { p.rows.Objects[i].(*widgets.TapLabel).Tapped(nil) }

// texts is what the list shows, line by line.
func (p *problemList) texts() []string {
	out := make([]string, len(p.problems))
	for i, pr := range p.problems {
		out[i] = pr.Error()
	}
	return out
}

// cataloguePanel is the field catalogue beside the editor: every merge
// field with its description (lists and groups with their own fields
// indented under them), and "Indsæt" to put the chosen one at the cursor.
type cataloguePanel struct {
	t        *TemplatesTab
	lines    []agreement.CatalogueLine
	list     *widgets.List
	selected int
	about    *widget.Label
	insert   *widget.Button
	content  fyne.CanvasObject
}

func newCataloguePanel(t *TemplatesTab) *cataloguePanel {
	c := &cataloguePanel{t: t, lines: agreement.CatalogueLines(), selected: -1}
	c.list = widgets.NewList(func() int { return len(c.lines) },
		func() fyne.CanvasObject {
			tag := widget.NewLabel("{{virksomhed.navn}}")
			tag.TextStyle = fyne.TextStyle{Monospace: true}
			desc := widget.NewLabel("")
			desc.Truncation = fyne.TextTruncateEllipsis
			desc.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, nil, tag, nil, desc)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(c.lines) {
				return
			}
			l := c.lines[id]
			box := o.(*fyne.Container)
			box.Objects[1].(*widget.Label).SetText(strings.Repeat("   ", l.Depth) + l.Tag)
			box.Objects[0].(*widget.Label).SetText(l.Description)
		})
	c.list.OnSelected = func(id widget.ListItemID) {
		if id >= len(c.lines) {
			return
		}
		c.selected = id
		c.about.SetText(c.lines[id].Tag + " — " + c.lines[id].Description)
		c.insert.Enable()
	}
	c.about = widget.NewLabel(lang.X("templates.fields.hint", "Vælg et felt og tryk »Indsæt«: det sættes ind, hvor markøren står."))
	c.about.Wrapping = fyne.TextWrapWord
	c.insert = widget.NewButtonWithIcon(lang.X("templates.fields.insert", "Indsæt"), theme.ContentAddIcon(), func() { c.insertSelected() })
	c.insert.Disable()
	c.content = container.NewBorder(nil, container.NewBorder(nil, nil, nil, c.insert, c.about), nil, nil, c.list)
	return c
}

// insertion is what "Indsæt" puts in the text: a list or a group as its
// section pair on two lines, ready for the text between; a value as its tag.
func insertion(l agreement.CatalogueLine) string {
	if l.Field.List || l.Field.Group() {
		name := strings.TrimPrefix(l.Tag, "{{#")
		name = name[:strings.Index(name, "}}")]
		return "{{#" + name + "}}\n{{/" + name + "}}"
	}
	return l.Tag
}

func (c *cataloguePanel) insertSelected() {
	if c.selected < 0 || c.selected >= len(c.lines) {
		return
	}
	c.t.insertAtCursor(insertion(c.lines[c.selected]))
}

// pick selects the line whose Path is path ("parter", "virksomhed.navn").
func (c *cataloguePanel) pick(path string) bool {
	for i, l := range c.lines {
		if l.Path == path {
			c.list.Select(i)
			return true
		}
	}
	return false
}

// usesLease tells whether a template's text asks for a lease.
func usesLease(body string) bool { return strings.Contains(body, "lejemaal") }

// checkProblems is agreement.Check on the text being edited.
func checkProblems(body string) []agreement.Problem { return agreement.Check(body) }
