package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// peopleBox edits who is invited to a meeting and who came: a line per
// person with "Deltog" and a button to take them off, a picker that adds
// one, and a button that invites the members of the meeting's body on its
// date (memberships with from and to dates say who sat there then).
type peopleBox struct {
	w       *Window
	people  []data.MeetingPerson
	lines   *fyne.Container
	count   *widget.Label
	add     *widgets.Picker
	members *widget.Button
	changed func()
	// body is the body and date the form holds now.
	body    func() (int64, time.Time)
	locked  bool
	Content fyne.CanvasObject
}

func newPeopleBox(w *Window, body func() (int64, time.Time)) *peopleBox {
	b := &peopleBox{w: w, lines: container.NewVBox(), count: widget.NewLabel(""), changed: func() {}, body: body}
	b.add = personPicker(w, lang.X("meetings.people.add", "Indbyd en person …"))
	b.add.OnChanged = func(id int64) {
		b.addPerson(id, true, false)
		b.add.SetSelected(0, "")
	}
	b.members = widget.NewButtonWithIcon(lang.X("meetings.people.members", "Indbyd organets medlemmer"), theme.AccountIcon(), b.inviteMembers)
	b.Content = container.NewVBox(b.count, b.lines, container.NewBorder(nil, nil, nil, b.members, b.add))
	return b
}

// binding ties the box to the form's Invited and Attended.
func (b *peopleBox) binding() *form.Binding[data.MeetingForm] {
	bind := form.Custom("Invited", lang.X("meetings.people", "Indbudte og deltagere"), b.Content,
		func(f *data.MeetingForm) {
			f.Invited, f.Attended = nil, nil
			for _, p := range b.people {
				if p.Invited {
					f.Invited = append(f.Invited, p.ID)
				}
				if p.Attended {
					f.Attended = append(f.Attended, p.ID)
				}
			}
		},
		func(f *data.MeetingForm) { b.set(f.Invited, f.Attended) },
		func(changed func()) { b.changed = changed })
	bind.Field.Enable = func(on bool) { b.setLocked(!on) }
	return bind
}

// set shows the people named by id, as the store names them now.
func (b *peopleBox) set(invited, attended []int64) {
	b.people = b.people[:0]
	for _, id := range invited {
		b.addPerson(id, true, slices.Contains(attended, id))
	}
	for _, id := range attended {
		if !slices.Contains(invited, id) {
			b.addPerson(id, false, true)
		}
	}
	b.show()
}

// addPerson adds one person (or marks them invited if they are there);
// the form changes only when the user did it, not while set fills it.
func (b *peopleBox) addPerson(id int64, invited, attended bool) {
	if id == 0 {
		return
	}
	for i := range b.people {
		if b.people[i].ID == id {
			if invited && !b.people[i].Invited {
				b.people[i].Invited = true
				b.show()
				b.changed()
			}
			return
		}
	}
	p, err := b.w.store.Person(ctx(), id)
	if err != nil {
		b.w.ShowError(err)
		return
	}
	b.people = append(b.people, data.MeetingPerson{Person: p, Invited: invited, Attended: attended})
	if invited && !attended {
		b.show()
		b.changed()
	}
}

// inviteMembers invites everyone who sits in the meeting's body on its date.
func (b *peopleBox) inviteMembers() {
	body, day := b.body()
	if body == 0 {
		b.w.SetStatus(lang.X("meetings.people.nobody", "Vælg først, hvilket organ mødet er i."))
		return
	}
	if day.IsZero() {
		day = b.w.today()
	}
	ms, err := b.w.store.Memberships(ctx(), data.MembershipQuery{BodyID: body, On: day})
	if err != nil {
		b.w.ShowError(err)
		return
	}
	added := 0
	for _, m := range ms {
		if !slices.ContainsFunc(b.people, func(p data.MeetingPerson) bool { return p.ID == m.PersonID && p.Invited }) {
			b.addPerson(m.PersonID, true, false)
			added++
		}
	}
	b.show()
	if added > 0 {
		b.changed()
	}
	b.w.SetStatus(lang.X("meetings.people.invited", "{{.N}} medlemmer indbudt.", map[string]any{"N": formatCount(added)}))
}

// setLocked forbids changes (approved minutes).
func (b *peopleBox) setLocked(on bool) {
	b.locked = on
	if on {
		b.add.Disable()
		b.members.Disable()
	} else {
		b.add.Enable()
		b.members.Enable()
	}
	b.show()
}

func (b *peopleBox) show() {
	objs := make([]fyne.CanvasObject, 0, len(b.people))
	for i := range b.people {
		p := &b.people[i]
		name := widget.NewLabel(p.Label())
		name.Truncation = fyne.TextTruncateEllipsis
		if !p.Invited {
			name.SetText(p.Label() + " " + lang.X("meetings.people.notinvited", "(ikke indbudt)"))
		}
		attended := widgets.NewCheck(lang.X("meetings.people.attended", "Deltog"), nil)
		attended.SetChecked(p.Attended)
		attended.OnChanged = func(on bool) {
			p.Attended = on
			b.showCount()
			b.changed()
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			b.people = append(b.people[:i:i], b.people[i+1:]...)
			b.show()
			b.changed()
		})
		if b.locked {
			attended.Disable()
			remove.Disable()
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewHBox(attended, remove), name))
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(lang.X("meetings.people.none", "Ingen er indbudt endnu.")))
	}
	b.lines.Objects = objs
	b.lines.Refresh()
	b.showCount()
}

func (b *peopleBox) showCount() {
	invited, came := 0, 0
	for _, p := range b.people {
		if p.Invited {
			invited++
		}
		if p.Attended {
			came++
		}
	}
	b.count.SetText(lang.X("meetings.people.count", "{{.Invited}} indbudt · {{.Came}} deltog", map[string]any{"Invited": invited, "Came": came}))
}
