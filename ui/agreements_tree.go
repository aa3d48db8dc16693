package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
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
// or a draft whose own branch (except) is never offered. It is a search
// over the tree (number and title), "(ingen)" first, so that a municipality
// with thousands of agreements never scrolls a drop-down of all of them.
type parentPicker struct {
	t      *AgreementsTab
	picker *widgets.Picker
	nodes  []data.AgreementNode // the choices, in the tree's order
	except int64
}

func newParentPicker(t *AgreementsTab) *parentPicker {
	p := &parentPicker{t: t}
	query, count := withFirst(noParent(), p.find, func(text string) (int, error) { return len(p.matching(text)), nil })
	p.picker = widgets.NewPicker(noParent(), query, count, t.w.ShowError)
	return p
}

func noParent() string { return lang.X("agreements.parent.none", "(ingen: en aftale for sig)") }

// matching are the choices whose number or title holds text (folded, as
// every search of the program: case, accents and æ/ae alike).
func (p *parentPicker) matching(text string) []data.AgreementNode {
	words := strings.Fields(dk.Fold(text))
	if len(words) == 0 {
		return p.nodes
	}
	var out []data.AgreementNode
	for _, n := range p.nodes {
		hay := dk.Fold(n.Number + " " + n.Title)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, w) }) {
			out = append(out, n)
		}
	}
	return out
}

// find is a page of the matching choices, indented as in the tree.
func (p *parentPicker) find(text string, offset, limit int) ([]widgets.PickerItem, error) {
	m := p.matching(text)
	m = m[min(offset, len(m)):min(offset+limit, len(m))]
	out := make([]widgets.PickerItem, len(m))
	for i, n := range m {
		out[i] = widgets.PickerItem{ID: n.ID, Title: treeTitle(n), Detail: treeDetail(n)}
	}
	return out, nil
}

// reload reads the choices: every agreement that is not rejected or
// cancelled, in the tree's order and indentation.
func (p *parentPicker) reload() {
	nodes, err := p.t.w.store.ParentChoices(ctx(), p.except)
	if err != nil {
		p.t.w.ShowError(err)
		return
	}
	keep := p.id()
	p.nodes = nodes
	p.set(keep)
}

// id is the chosen parent; 0 for none.
func (p *parentPicker) id() int64 {
	id, _ := p.picker.Selected()
	return id
}

// set shows id as the chosen parent if it is among the choices, else none.
func (p *parentPicker) set(id int64) {
	for _, n := range p.nodes {
		if n.ID == id && id != 0 {
			p.picker.SetSelected(id, n.Number+" "+n.Title)
			return
		}
	}
	p.picker.SetSelected(0, "")
}
