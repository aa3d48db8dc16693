package form

import (
	"slices"

	"fyne.io/fyne/v2/container"

	"partnerskab/data"
)

// Group is a tab of sub-tabs, each with its own editor or none: the
// shortcuts act on the sub-tab in front, and every form's drafts are kept.
type Group struct {
	Tabs  *container.AppTabs
	parts []Part
}

// Part is one sub-tab of a group.
type Part struct {
	Item   *container.TabItem
	Editor Editor // nil for a sub-tab without forms
	Reload func() // re-reads the sub-tab when it comes to the front; nil for none
}

// NewGroup makes the sub-tabs; each shows what the others saved when it
// comes to the front.
func NewGroup(parts ...Part) *Group {
	g := &Group{parts: parts}
	items := make([]*container.TabItem, len(parts))
	for i, p := range parts {
		items[i] = p.Item
	}
	g.Tabs = container.NewAppTabs(items...)
	g.Tabs.OnSelected = func(*container.TabItem) {
		if p := g.parts[g.Tabs.SelectedIndex()]; p.Reload != nil {
			p.Reload()
		}
		g.FocusSearch()
	}
	return g
}

// Reload re-reads every sub-tab.
func (g *Group) Reload() {
	for _, p := range g.parts {
		if p.Reload != nil {
			p.Reload()
		}
	}
}

// ReloadFront re-reads the sub-tab in front only, as the group comes to the
// front: each other sub-tab re-reads when it is selected, so reading them
// all (the staffing plan's sums over every placement) would be waiting for
// nothing.
func (g *Group) ReloadFront() {
	if p := g.parts[g.Tabs.SelectedIndex()]; p.Reload != nil {
		p.Reload()
	}
}

func (g *Group) current() Editor {
	if e := g.parts[g.Tabs.SelectedIndex()].Editor; e != nil {
		return e
	}
	return None
}

// Show brings sub-tab i to the front.
func (g *Group) Show(i int) { g.Tabs.SelectIndex(i) }

func (g *Group) NewRecord()   { g.current().NewRecord() }
func (g *Group) Save()        { g.current().Save() }
func (g *Group) FocusSearch() { g.current().FocusSearch() }
func (g *Group) Cancel()      { g.current().Cancel() }

// Dirty tells whether a form of any sub-tab holds unsaved edits.
func (g *Group) Dirty() bool { return slices.ContainsFunc(g.editors(), Editor.Dirty) }

func (g *Group) editors() []Editor {
	var out []Editor
	for _, p := range g.parts {
		if p.Editor != nil {
			out = append(out, p.Editor)
		}
	}
	return out
}

// Forms are every sub-tab's forms.
func (g *Group) Forms() []*Form {
	var out []*Form
	for _, e := range g.editors() {
		out = append(out, e.Forms()...)
	}
	return out
}

// owner is the sub-tab whose form keeps drafts named form.
func (g *Group) owner(form string) (int, Editor) {
	for i, p := range g.parts {
		if p.Editor == nil {
			continue
		}
		for _, f := range p.Editor.Forms() {
			if f.Draft == form {
				return i, p.Editor
			}
		}
	}
	return -1, nil
}

// RestoreDraft brings the draft's sub-tab to the front and restores it there.
func (g *Group) RestoreDraft(d data.Draft) {
	if i, e := g.owner(d.Form); e != nil {
		g.Tabs.SelectIndex(i)
		e.RestoreDraft(d)
	}
}

// DraftTitle names a kept draft, as its sub-tab does.
func (g *Group) DraftTitle(d data.Draft) string {
	if _, e := g.owner(d.Form); e != nil {
		return e.DraftTitle(d)
	}
	return d.Form
}

// HeadingName is what the dirty form edits, or else the one in front.
func (g *Group) HeadingName() string {
	for _, e := range g.editors() {
		if e.Dirty() {
			return e.HeadingName()
		}
	}
	return g.current().HeadingName()
}

// Both is two editors side by side in one sub-tab: Ctrl+S saves the one
// with edits, Ctrl+N starts a record in the first, Esc cancels both.
type Both struct{ A, B Editor }

func (b Both) NewRecord() { b.A.NewRecord() }
func (b Both) Save() {
	if b.B.Dirty() && !b.A.Dirty() {
		b.B.Save()
		return
	}
	b.A.Save()
}
func (b Both) FocusSearch() {}
func (b Both) Cancel()      { b.A.Cancel(); b.B.Cancel() }
func (b Both) Dirty() bool  { return b.A.Dirty() || b.B.Dirty() }
func (b Both) Forms() []*Form {
	return append(b.A.Forms(), b.B.Forms()...)
}
func (b Both) RestoreDraft(d data.Draft) {
	for _, e := range []Editor{b.A, b.B} {
		for _, f := range e.Forms() {
			if f.Draft == d.Form {
				e.RestoreDraft(d)
			}
		}
	}
}
func (b Both) DraftTitle(d data.Draft) string { return b.A.DraftTitle(d) }
func (b Both) HeadingName() string {
	if b.B.Dirty() && !b.A.Dirty() {
		return b.B.HeadingName()
	}
	return b.A.HeadingName()
}

// NoForms is the editor of a tab or sub-tab without forms: the shortcuts
// do nothing. A part that edits in dialogs embeds it and answers the keys
// it has.
type NoForms struct{}

func (NoForms) NewRecord()                   {}
func (NoForms) Save()                        {}
func (NoForms) FocusSearch()                 {}
func (NoForms) Cancel()                      {}
func (NoForms) Dirty() bool                  { return false }
func (NoForms) Forms() []*Form               { return nil }
func (NoForms) RestoreDraft(data.Draft)      {}
func (NoForms) DraftTitle(data.Draft) string { return "" }
func (NoForms) HeadingName() string          { return "" }

// None is the editor of a tab without forms.
var None Editor = NoForms{}
