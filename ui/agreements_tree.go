package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// The Aftaler list as a tree: a sub-agreement is indented under the
// agreement it hangs under, with how it ended and who joins by it; the
// draft form's "Hører under aftale" picker chooses the parent.

// treeTitle is a list row's first line: number and title, indented by
// its depth.
func treeTitle(n data.AgreementNode) string {
	return treeIndent(n.Depth) + n.Number + " " + n.Title
}

// treeDetail is a list row's second line: first how the agreement ended
// and who joins by it (what a caseworker looks for in the tree), then
// status, date and template.
func treeDetail(n data.AgreementNode) string {
	var parts []string
	if n.Joins.OrganisationID != 0 {
		parts = append(parts, n.Joins.Line())
	}
	if !n.Ending.On.IsZero() {
		parts = append(parts, n.Ending.Line())
	}
	parts = append(parts, agreementDetail(n.Agreement))
	return strings.Repeat("    ", n.Depth) + strings.Join(parts, " · ")
}

func treeIndent(depth int) string {
	if depth == 0 {
		return ""
	}
	return strings.Repeat("    ", depth-1) + "  › "
}

// parentPicker chooses the agreement an agreement hangs under: a new one,
// or a draft whose own branch (except) is never offered.
type parentPicker struct {
	t      *AgreementsTab
	sel    *widget.Select
	ids    []int64
	labels []string
	except int64
}

func newParentPicker(t *AgreementsTab) *parentPicker {
	p := &parentPicker{t: t}
	p.sel = widget.NewSelect(nil, nil)
	p.sel.PlaceHolder = noParent()
	return p
}

func noParent() string { return lang.X("agreements.parent.none", "(ingen: en aftale for sig)") }

// reload reads the choices: every agreement that is not rejected or
// cancelled, in the tree's order and indentation.
func (p *parentPicker) reload() {
	nodes, err := p.t.w.store.ParentChoices(ctx(), p.except)
	if err != nil {
		p.t.w.ShowError(err)
		return
	}
	keep := p.id()
	p.ids, p.labels = []int64{0}, []string{noParent()}
	for _, n := range nodes {
		p.ids = append(p.ids, n.ID)
		p.labels = append(p.labels, treeTitle(n))
	}
	p.sel.Options = p.labels
	p.set(keep)
}

// id is the chosen parent; 0 for none.
func (p *parentPicker) id() int64 {
	i := p.sel.SelectedIndex()
	if i <= 0 || i >= len(p.ids) {
		return 0
	}
	return p.ids[i]
}

func (p *parentPicker) set(id int64) {
	for i, x := range p.ids {
		if x == id && id != 0 {
			p.sel.SetSelectedIndex(i)
			return
		}
	}
	p.sel.ClearSelected()
}
