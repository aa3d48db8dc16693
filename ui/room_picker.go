package ui

import (
	"context"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// roomPicker is the lease form's choice of rooms: a checklist of the rooms
// chosen and the rooms that match the filter, never all twenty thousand.
type roomPicker struct {
	w        *Window
	filter   *widgets.Entry
	group    *widget.CheckGroup
	hint     *widget.Label
	content  fyne.CanvasObject
	selected []data.Room
	shown    []data.Room
	labels   []string // the group's options, one per shown room
	setting  bool
	onChange func()
}

// pickerLimit is how many unchosen rooms the checklist shows at once.
const pickerLimit = 12

func newRoomPicker(w *Window, onChange func()) *roomPicker {
	p := &roomPicker{w: w, onChange: onChange}
	p.filter = widgets.NewEntry(lang.X("premises.rooms.filter", "Find lokale: navn, ejendom, type"))
	p.filter.OnChanged = func(string) { p.reload() }
	p.group = widget.NewCheckGroup(nil, p.picked)
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.SizeName = theme.SizeNameCaptionText
	p.content = container.NewVBox(p.filter, p.group, p.hint)
	return p
}

func (p *roomPicker) ids() []int64 {
	out := make([]int64, len(p.selected))
	for i, r := range p.selected {
		out[i] = r.ID
	}
	return out
}

func (p *roomPicker) setSelected(rooms []data.Room) {
	p.selected = slices.Clone(rooms)
	p.reload()
}

// picked follows the checklist: rooms ticked join the lease, rooms
// unticked leave it; chosen rooms filtered out of view stay chosen.
func (p *roomPicker) picked(labels []string) {
	if p.setting {
		return
	}
	for i, r := range p.shown {
		on := slices.Contains(labels, p.labels[i])
		idx := slices.IndexFunc(p.selected, func(s data.Room) bool { return s.ID == r.ID })
		switch {
		case on && idx < 0:
			p.selected = append(p.selected, r)
		case !on && idx >= 0:
			p.selected = slices.Delete(p.selected, idx, idx+1)
		}
	}
	if p.onChange != nil {
		p.onChange()
	}
}

// reload shows the chosen rooms and up to pickerLimit others that match
// the filter, in Danish order.
func (p *roomPicker) reload() {
	ctx := context.Background()
	q := data.RoomQuery{Text: p.filter.Text, Limit: pickerLimit}
	matches, err := p.w.store.SearchRooms(ctx, q)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	total, err := p.w.store.CountRooms(ctx, q)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	all := total
	if p.filter.Text != "" {
		all, _ = p.w.store.CountRooms(ctx, data.RoomQuery{})
	}
	shown := slices.Clone(p.selected)
	for _, r := range matches {
		if !slices.ContainsFunc(shown, func(s data.Room) bool { return s.ID == r.ID }) {
			shown = append(shown, r)
		}
	}
	slices.SortStableFunc(shown, func(a, b data.Room) int {
		if c := dk.Compare(a.PremisesName, b.PremisesName); c != 0 {
			return c
		}
		return dk.Compare(a.Name, b.Name)
	})
	p.shown = shown
	p.labels = make([]string, len(shown))
	seen := map[string]bool{}
	var checked []string
	for i, r := range shown {
		label := r.Label()
		if r.Archived() {
			label += " · " + lang.X("premises.archivedmark", "arkiveret")
		}
		if seen[label] {
			label += " #" + strconv.FormatInt(r.ID, 10)
		}
		seen[label] = true
		p.labels[i] = label
		if slices.ContainsFunc(p.selected, func(s data.Room) bool { return s.ID == r.ID }) {
			checked = append(checked, label)
		}
	}
	p.setting = true
	p.group.Options = p.labels
	p.group.Selected = checked
	// CheckGroup (fyne 2.8) ticks its reused boxes by their old labels
	// before renaming them; a second refresh ticks them by the new ones.
	p.group.Refresh()
	p.group.Refresh()
	p.setting = false

	// The filter is only worth its line when there are more rooms than fit.
	if all > pickerLimit || p.filter.Text != "" {
		p.filter.Show()
	} else {
		p.filter.Hide()
	}
	switch {
	case all == 0:
		p.hint.SetText(lang.X("premises.rooms.none", "Der er ingen lokaler endnu: opret dem under fanen Lokaler."))
	case total > len(matches):
		p.hint.SetText(lang.X("premises.rooms.more", "Viser {{.Shown}} af {{.N}} lokaler; skriv i feltet for at finde flere.",
			map[string]any{"Shown": formatCount(len(matches)), "N": formatCount(total)}))
	default:
		p.hint.SetText("")
	}
	if p.hint.Text == "" {
		p.hint.Hide()
	} else {
		p.hint.Show()
	}
}

// toggle ticks or unticks the room labelled label, as a click does.
func (p *roomPicker) toggle(label string) {
	sel := slices.Clone(p.group.Selected)
	if i := slices.Index(sel, label); i >= 0 {
		sel = slices.Delete(sel, i, i+1)
	} else {
		sel = append(sel, label)
	}
	p.group.SetSelected(sel)
}
