package widgets

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// ChoiceSelect is a drop-down whose options stand for records: the
// caseworker sees names, the form keeps ids. Names that occur twice get
// their number, so each option is one record.
type ChoiceSelect struct {
	*widget.Select
	ids    []int64
	byText map[string]int64
}

// NewChoiceSelect makes an empty drop-down showing placeholder ("": the
// Danish "(vælg)", not Fyne's English one).
func NewChoiceSelect(placeholder string) *ChoiceSelect {
	if placeholder == "" {
		placeholder = lang.X("select.placeholder", "(vælg)")
	}
	c := &ChoiceSelect{Select: &widget.Select{PlaceHolder: placeholder}, byText: map[string]int64{}}
	// The window draws the wrapper, so the wrapper must be what a Refresh
	// of the drop-down redraws.
	c.ExtendBaseWidget(c)
	return c
}

// Set replaces the options (id 0 for a "none" or "all" option) and keeps
// the record that was chosen, if it is still there.
func (c *ChoiceSelect) Set(labels []string, ids []int64) {
	was, chosen := c.ID(), c.Selected != ""
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

// ID is the chosen record, or 0.
func (c *ChoiceSelect) ID() int64 { return c.byText[c.Selected] }

// Choose selects the record id (or clears the choice when it is not an option).
func (c *ChoiceSelect) Choose(id int64) {
	for i, x := range c.ids {
		if x == id {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// ChooseFirst selects the first option when nothing is chosen (the "all"
// of a filter), without calling OnChanged.
func (c *ChoiceSelect) ChooseFirst() {
	if c.Selected == "" && len(c.Options) > 0 {
		c.Selected = c.Options[0]
		c.Refresh()
	}
}

// FocusGained brings the drop-down into view when it gets the focus.
func (c *ChoiceSelect) FocusGained() {
	c.Select.FocusGained()
	ShowInScroll(c)
}
