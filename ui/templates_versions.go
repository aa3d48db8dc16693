package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// versionPanel is a template's history: every saved version with its date
// and the start of its SHA-256 (what an agreement records), the chosen one
// shown read-only, and "Brug denne version" to take it back into the editor.
type versionPanel struct {
	t        *TemplatesTab
	versions []data.TemplateVersion // newest first
	chosen   int                    // index into versions; -1 for none
	list     *widget.List
	text     *widget.Label
	use      *widget.Button
	content  fyne.CanvasObject
}

func newVersionPanel(t *TemplatesTab) *versionPanel {
	v := &versionPanel{t: t, chosen: -1}
	v.list = widget.NewList(func() int { return len(v.versions) },
		func() fyne.CanvasObject { return widget.NewLabel("Version 00 · 00.00.0000 00.00 · 00000000") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(v.versions) {
				o.(*widget.Label).SetText(versionLine(v.versions[id]))
			}
		})
	v.list.OnSelected = func(id widget.ListItemID) { v.show(id) }
	v.text = widget.NewLabel("")
	v.text.TextStyle = fyne.TextStyle{Monospace: true}
	v.text.Wrapping = fyne.TextWrapWord
	v.use = widget.NewButton(lang.X("templates.versions.use", "Brug denne version"), v.useChosen)
	v.use.Disable()
	split := container.NewVSplit(v.list, container.NewBorder(nil, v.use, nil, nil, container.NewVScroll(v.text)))
	split.Offset = 0.3
	v.content = split
	return v
}

func versionLine(tv data.TemplateVersion) string {
	sha := tv.SHA256
	if len(sha) > 8 {
		sha = sha[:8]
	}
	return lang.X("templates.versions.line", "Version {{.Version}} · {{.When}} · {{.SHA}}", map[string]any{
		"Version": tv.Version, "When": dk.FormatDateTime(tv.CreatedAt.Local()), "SHA": sha})
}

// load lists the versions of template id (none for a new template).
func (v *versionPanel) load(id int64) {
	v.versions, v.chosen = nil, -1
	if id != 0 {
		vs, err := v.t.w.store.TemplateVersions(ctx(), id)
		if err != nil {
			v.t.w.ShowError(err)
		}
		sort.Slice(vs, func(a, b int) bool { return vs[a].Version > vs[b].Version })
		v.versions = vs
	}
	v.list.UnselectAll()
	v.list.Refresh()
	v.text.SetText(lang.X("templates.versions.hint", "Vælg en version for at se dens tekst."))
	v.use.Disable()
}

// show shows version i read-only.
func (v *versionPanel) show(i int) {
	if i < 0 || i >= len(v.versions) {
		return
	}
	v.chosen = i
	v.text.SetText(v.versions[i].Body)
	if v.t.original().Archived() {
		v.use.Disable()
	} else {
		v.use.Enable()
	}
}

// useChosen copies the chosen version's text into the editor; saving it
// makes it the newest version.
func (v *versionPanel) useChosen() {
	if v.chosen < 0 || v.chosen >= len(v.versions) || v.t.original().Archived() {
		return
	}
	v.t.body.SetText(v.versions[v.chosen].Body)
	v.t.w.Win.Canvas().Focus(v.t.body)
}
