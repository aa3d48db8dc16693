package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
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
	w       *Window
	content fyne.CanvasObject
	tabs    *container.AppTabs

	placements *placementPanel
	positions  *positionPanel
	lists      *staffingLists
	due        *duePanel
}

func newStaffingTab(w *Window) *StaffingTab {
	t := &StaffingTab{w: w}
	t.placements = newPlacementPanel(t)
	t.positions = newPositionPanel(t)
	t.lists = newStaffingLists(t)
	t.due = newDuePanel(t)
	t.tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("staffing.tab.placements", "Placeringer"), t.placements.content),
		container.NewTabItem(lang.X("staffing.tab.positions", "Stillinger"), t.positions.content),
		container.NewTabItem(lang.X("staffing.tab.lists", "Ordninger og målgrupper"), t.lists.content),
		container.NewTabItem(lang.X("staffing.tab.due", "Til sletning"), t.due.content),
	)
	t.tabs.OnSelected = func(*container.TabItem) {
		// Each sub-tab shows what the others saved (a new scheme, a moved
		// position, a placement whose case closed).
		t.reloadCurrent()
		t.FocusSearch()
	}
	t.content = t.tabs
	t.Reload()
	return t
}

func (t *StaffingTab) ctx() context.Context { return context.Background() }

// Reload re-reads every sub-tab.
func (t *StaffingTab) Reload() {
	if t.due == nil {
		return
	}
	t.placements.reload()
	t.positions.reload()
	t.lists.reload()
	t.due.reload()
}

func (t *StaffingTab) reloadCurrent() {
	switch t.tabs.SelectedIndex() {
	case subPlacements:
		t.placements.reload()
	case subPositions:
		t.positions.reload()
	case subLists:
		t.lists.reload()
	case subDue:
		t.due.reload()
	}
}

// show brings the Bemanding tab and its sub-tab i to the front.
func (t *StaffingTab) show(i int) {
	if t.w.Tabs != nil {
		for k, item := range t.w.Tabs.Items {
			if item.Content == t.content {
				t.w.Tabs.SelectIndex(k)
			}
		}
	}
	t.tabs.SelectIndex(i)
}

// OpenPlacement shows one placement in the form (the overview calls it).
func (t *StaffingTab) OpenPlacement(id int64) {
	t.show(subPlacements)
	t.placements.form.guard(t.placements.headingName(), func() { t.placements.open(id) }, nil)
}

// ShowDue shows the placements due for deletion (the overview calls it).
func (t *StaffingTab) ShowDue() {
	t.show(subDue)
	t.due.reload()
}

// --- the editor interface: the shortcuts act on the sub-tab in front ---

// NewRecord starts a new record in the sub-tab in front (Ctrl+N).
func (t *StaffingTab) NewRecord() {
	switch t.tabs.SelectedIndex() {
	case subPlacements:
		t.placements.NewRecord()
	case subPositions:
		t.positions.NewRecord()
	case subLists:
		t.lists.schemes.newRecord()
	}
}

// Save saves the form in front (Ctrl+S).
func (t *StaffingTab) Save() {
	switch t.tabs.SelectedIndex() {
	case subPlacements:
		t.placements.Save()
	case subPositions:
		t.positions.Save()
	case subLists:
		t.lists.saveFocused()
	}
}

// FocusSearch moves the cursor to the search field in front (Ctrl+F).
func (t *StaffingTab) FocusSearch() {
	switch t.tabs.SelectedIndex() {
	case subPlacements:
		t.w.Win.Canvas().Focus(t.placements.list.search)
	case subPositions:
		t.w.Win.Canvas().Focus(t.positions.list.search)
	}
}

// Cancel throws away the unsaved edits of the form in front (Esc).
func (t *StaffingTab) Cancel() {
	switch t.tabs.SelectedIndex() {
	case subPlacements:
		t.placements.Cancel()
	case subPositions:
		t.positions.Cancel()
	case subLists:
		t.lists.cancelAll()
	}
}

// Dirty tells whether a placement or position holds unsaved edits.
func (t *StaffingTab) Dirty() bool { return t.placements.form.dirty || t.positions.form.dirty }

// drafts are the placement and position forms; both keep drafts.
func (t *StaffingTab) drafts() []*recordForm {
	return []*recordForm{t.placements.form, t.positions.form}
}

func (t *StaffingTab) restoreDraft(d data.Draft) {
	switch d.Form {
	case draftPosition:
		t.tabs.SelectIndex(subPositions)
		t.positions.restoreDraft(d)
	default:
		t.tabs.SelectIndex(subPlacements)
		t.placements.restoreDraft(d)
	}
}

func (t *StaffingTab) draftTitle(d data.Draft) string {
	if d.Form == draftPosition {
		return t.positions.draftTitle(d)
	}
	return t.placements.draftTitle(d)
}

func (t *StaffingTab) headingName() string {
	if t.positions.form.dirty && !t.placements.form.dirty {
		return t.positions.headingName()
	}
	return t.placements.headingName()
}

// --- shared pieces of the sub-tabs ---

// choiceSelect is a drop-down whose options stand for records: the
// caseworker sees names, the form keeps ids. Names that occur twice get
// their number, so each option is one record.
type choiceSelect struct {
	*widget.Select
	ids    []int64
	byText map[string]int64
}

func newChoiceSelect(placeholder string) *choiceSelect {
	c := &choiceSelect{Select: &widget.Select{PlaceHolder: placeholder}, byText: map[string]int64{}}
	// The window draws the wrapper, so the wrapper must be what a Refresh
	// of the drop-down redraws.
	c.ExtendBaseWidget(c)
	return c
}

// set replaces the options (id 0 for a "none" or "all" option) and keeps
// the record that was chosen, if it is still there.
func (c *choiceSelect) set(labels []string, ids []int64) {
	was, chosen := c.id(), c.Selected != ""
	seen := map[string]int{}
	for _, l := range labels {
		seen[l]++
	}
	opts := make([]string, len(labels))
	c.byText = map[string]int64{}
	for i, l := range labels {
		if seen[l] > 1 && ids[i] != 0 {
			l = fmt.Sprintf("%s (nr. %d)", l, ids[i])
		}
		opts[i] = l
		c.byText[l] = ids[i]
	}
	c.ids = ids
	c.Options = opts
	c.Selected = ""
	for i, id := range ids {
		if chosen && id == was {
			c.Selected = opts[i]
			break
		}
	}
	c.Refresh()
}

// id is the chosen record, or 0.
func (c *choiceSelect) id() int64 { return c.byText[c.Selected] }

// choose selects the record id (or clears the choice when it is not an option).
func (c *choiceSelect) choose(id int64) {
	for i, x := range c.ids {
		if x == id {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// enterprises lists the enterprises a placement or position can be made in:
// every active one, and keep (the record's own) even if it is archived.
func (t *StaffingTab) enterprises(keep int64) ([]string, []int64) {
	orgs, err := t.w.store.SearchOrganisations(t.ctx(), data.OrgQuery{Kind: data.KindEnterprise, Limit: 100000})
	if err != nil {
		t.w.showError(err)
		return nil, nil
	}
	var names []string
	var ids []int64
	found := keep == 0
	for _, o := range orgs {
		names = append(names, o.Name)
		ids = append(ids, o.ID)
		found = found || o.ID == keep
	}
	if !found {
		if o, err := t.w.store.Organisation(t.ctx(), keep); err == nil {
			names = append(names, o.Name)
			ids = append(ids, o.ID)
		}
	}
	return names, ids
}

// schemeChoices lists the active schemes, and keep even if archived.
func (t *StaffingTab) schemeChoices(keep int64) ([]string, []int64) {
	list, err := t.w.store.Schemes(t.ctx(), true)
	if err != nil {
		t.w.showError(err)
		return nil, nil
	}
	var names []string
	var ids []int64
	for _, sc := range list {
		if !sc.Archived() || sc.ID == keep {
			names = append(names, sc.Name)
			ids = append(ids, sc.ID)
		}
	}
	return names, ids
}
