package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// The Bemanding tab's sub-tabs, in order.
const (
	subPlacements = iota
	subPositions
	subLists
	subDue
)

// StaffingTab is the Bemanding tab: the placements (people by initials or a
// pseudonym), the positions the enterprises plan, the editable lists of
// schemes and target groups, and the placements due for deletion.
type StaffingTab struct {
	*form.Group
	w       *Window
	content fyne.CanvasObject

	placements *placementPanel
	positions  *positionPanel
	schemes    *schemeList
	groups     *groupList
	due        *duePanel
}

func newStaffingTab(w *Window) *StaffingTab {
	t := &StaffingTab{w: w}
	t.placements = newPlacementPanel(t)
	t.positions = newPositionPanel(t)
	t.schemes = newSchemeList(w)
	t.groups = newGroupList(w)
	t.due = newDuePanel(t)
	lists := container.NewHSplit(container.NewPadded(t.schemes.Content), container.NewPadded(t.groups.Content))
	lists.Offset = 0.55
	// Each sub-tab shows what the others saved (a new scheme, a moved
	// position, a placement whose case closed) when it comes to the front.
	t.Group = form.NewGroup(
		form.Part{Item: widgets.NewTabItem(lang.X("staffing.tab.placements", "Placeringer"), t.placements.Content),
			Editor: t.placements, Reload: t.placements.reload},
		form.Part{Item: widgets.NewTabItem(lang.X("staffing.tab.positions", "Stillinger"), t.positions.Content),
			Editor: t.positions, Reload: t.positions.reload},
		form.Part{Item: widgets.NewTabItem(lang.X("staffing.tab.lists", "Ordninger og målgrupper"), lists),
			Editor: form.Both{A: t.schemes, B: t.groups}, Reload: func() { t.schemes.Reload(); t.groups.Reload() }},
		form.Part{Item: widgets.NewTabItem(lang.X("staffing.tab.due", "Til sletning"), t.due.content), Reload: t.due.reload},
	)
	t.content = t.Tabs
	return t
}

// show brings the Bemanding tab and its sub-tab i to the front.
func (t *StaffingTab) show(i int) {
	t.w.showTab(t.content)
	t.Group.Show(i)
}

// OpenPlacement shows one placement in the form (the overview calls it).
func (t *StaffingTab) OpenPlacement(id int64) {
	t.show(subPlacements)
	t.placements.Show(id)
}

// ShowDue shows the placements due for deletion (the overview calls it).
func (t *StaffingTab) ShowDue() {
	t.show(subDue)
	t.due.reload()
}

// schemeChoices lists the active schemes, and keep even if archived.
func (t *StaffingTab) schemeChoices(keep int64) choices {
	var c choices
	list, err := t.w.store.Schemes(ctx(), true)
	if err != nil {
		t.w.ShowError(err)
		return c
	}
	for _, sc := range list {
		if !sc.Archived() || sc.ID == keep {
			c.add(sc.Name, sc.ID)
		}
	}
	return c
}

// choices are the records a drop-down offers: names and ids.
type choices struct {
	names []string
	ids   []int64
}

func (c *choices) add(name string, id int64) {
	c.names, c.ids = append(c.names, name), append(c.ids, id)
}

// all is the choices as a drop-down's Set takes them.
func (c choices) all() ([]string, []int64) { return c.names, c.ids }

// after puts a "none" or "all" option with id 0 before the choices.
func (c choices) after(first string) ([]string, []int64) {
	return append([]string{first}, c.names...), append([]int64{0}, c.ids...)
}
