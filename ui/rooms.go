package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// roomsPanel is the Lokaler sub-tab: the premises with their rooms in one
// grouped list, what is known about the one picked (for a room: its
// leases), and dialogs to create and edit them.
type roomsPanel struct {
	form.NoForms
	t       *PremisesTab
	w       *Window
	content fyne.CanvasObject

	list         *form.List[data.PremisesRow]
	showArchived *widget.Check
	current      data.PremisesRow

	heading, info                 *widget.Label
	leases                        []data.Lease
	leaseList                     *widgets.List
	leaseBox                      *fyne.Container
	editButton, archiveButton     *widget.Button
	newRoomButton, newLeaseButton *widget.Button
	lastPremises                  *form.Dialog[data.PremisesForm] // the last dialogs opened, for tests
	lastRoom                      *form.Dialog[data.RoomForm]
	newPremisesButton             *widget.Button
}

func newRoomsPanel(t *PremisesTab) *roomsPanel {
	p := &roomsPanel{t: t, w: t.w}
	p.showArchived = widget.NewCheck(lang.X("form.showarchived", "Vis arkiverede"), func(bool) { p.reload() })
	p.newPremisesButton = widget.NewButton(lang.X("premises.premises.new", "Ny ejendom…"), func() { p.editPremises(data.Premises{}) })
	p.list = form.NewList(p.w, form.ListSpec[data.PremisesRow]{
		Search:   lang.X("premises.rooms.search", "Søg: lokale, ejendom, type, adresse (Ctrl+F)"),
		NewLabel: lang.X("premises.room.new", "Nyt lokale (Ctrl+N)"),
		OnNew:    p.newRoom,
		Filters:  container.NewBorder(nil, nil, p.newPremisesButton, p.showArchived),
		Fetch: func(offset, limit int) ([]data.PremisesRow, error) {
			q := p.query()
			q.Offset, q.Limit = offset, limit
			return p.w.store.SearchPremisesRows(ctx(), q)
		},
		Rows:   func() (int, error) { return p.w.store.CountPremisesRows(ctx(), p.query()) },
		ID:     rowID,
		Title:  rowTitle,
		Detail: rowDetail,
		Count:  func(int) string { return p.countText() },
	})
	p.list.OnPick = p.show

	p.heading = widget.NewLabel("")
	p.heading.TextStyle.Bold = true
	p.heading.SizeName = "subHeadingText"
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	p.leaseList = widgets.NewTextList(func() int { return len(p.leases) }, func(i int) string {
		return p.leases[i].TenantName + " · " + leaseDetail(p.leases[i], p.t.today())
	})
	p.leaseList.OnSelected = func(id widget.ListItemID) {
		p.leaseList.UnselectAll()
		if id < len(p.leases) {
			p.t.OpenLease(p.leases[id].ID)
		}
	}
	leaseTitle := widget.NewLabel(lang.X("premises.room.leases", "Lejemål af lokalet (vælg et for at åbne det)"))
	leaseTitle.TextStyle.Bold = true
	p.leaseBox = container.NewVBox(leaseTitle, container.New(&widgets.MinHeight{H: 160}, p.leaseList))
	p.editButton = widget.NewButton("", p.editCurrent)
	p.archiveButton = widget.NewButton("", p.toggleArchived)
	p.newRoomButton = widget.NewButton(lang.X("premises.room.newhere", "Nyt lokale her…"), p.newRoom)
	p.newLeaseButton = widget.NewButton(lang.X("premises.room.newlease", "Nyt lejemål af lokalet"), func() {
		id := p.current.Room.ID
		p.t.showTab(0)
		p.t.leases.NewFrom(data.Lease{RoomIDs: []int64{id}})
	})
	detail := container.NewBorder(container.NewVBox(p.heading, p.info),
		container.NewHBox(p.editButton, p.newRoomButton, p.newLeaseButton, layout.NewSpacer(), p.archiveButton),
		nil, nil, p.leaseBox)
	split := container.NewHSplit(container.NewBorder(nil, form.CSVButtons(p.w, "rooms", p.w.Reload), nil, nil, p.list.Content),
		container.NewPadded(detail))
	split.Offset = 0.42
	p.content = split
	p.show(data.PremisesRow{})
	return p
}

func (p *roomsPanel) query() data.RoomQuery {
	return data.RoomQuery{Text: p.list.Text(), Archived: p.showArchived.Checked}
}

// countText counts the rooms listed (the premises rows are headings).
func (p *roomsPanel) countText() string {
	n, err := p.w.store.CountRooms(ctx(), p.query())
	if err != nil {
		return ""
	}
	if n == 1 {
		return lang.X("premises.room.count.one", "1 lokale")
	}
	return lang.X("premises.room.count", "{{.N}} lokaler", map[string]any{"N": formatCount(n)})
}

func (p *roomsPanel) reload() {
	if p.list == nil || p.showArchived == nil {
		return
	}
	p.list.Reload(rowID(p.current))
	if p.current.Premises.ID != 0 {
		p.refreshCurrent()
	}
}

// rowID tells rooms and premises apart in one list: premises count down.
func rowID(r data.PremisesRow) int64 {
	if r.IsRoom() {
		return r.Room.ID
	}
	return -r.Premises.ID
}

func rowTitle(r data.PremisesRow) string {
	if r.IsRoom() {
		return "      " + r.Room.Name // indented under its premises
	}
	return r.Premises.Name
}

func rowDetail(r data.PremisesRow) string {
	if r.IsRoom() {
		return "        " + roomFacts(r.Room)
	}
	parts := []string{}
	if a := premisesAddress(r.Premises); a != "" {
		parts = append(parts, a)
	}
	parts = append(parts, roomCount(r.Premises))
	if r.Premises.Archived() {
		parts = append(parts, lang.X("premises.archivedmark", "arkiveret"))
	}
	return strings.Join(parts, " · ")
}

// roomFacts is "Værksted · 48 m² · fælles lokale".
func roomFacts(r data.Room) string {
	parts := []string{roomKindLabel(r.Kind), data.FormatArea(r.AreaM2)}
	if r.Shared {
		parts = append(parts, lang.X("premises.room.sharedmark", "fælles lokale"))
	}
	if r.Archived() {
		parts = append(parts, lang.X("premises.archivedmark", "arkiveret"))
	}
	return strings.Join(parts, " · ")
}

func premisesAddress(p data.Premises) string {
	place := strings.TrimSpace(p.Postcode + " " + p.City)
	switch {
	case p.Address != "" && place != "":
		return p.Address + ", " + place
	case p.Address != "":
		return p.Address
	}
	return place
}

func roomCount(p data.Premises) string {
	if p.RoomCount == 1 {
		return lang.X("premises.premises.rooms.one", "1 lokale, {{.Area}}", map[string]any{"Area": data.FormatArea(p.AreaM2)})
	}
	return lang.X("premises.premises.rooms", "{{.N}} lokaler, {{.Area}}",
		map[string]any{"N": p.RoomCount, "Area": data.FormatArea(p.AreaM2)})
}

func roomKindLabel(k data.RoomKind) string { return lang.X("premises.kind."+string(k), k.Label()) }

// show puts a row (premises or room) into the panel on the right.
func (p *roomsPanel) show(r data.PremisesRow) {
	p.current = r
	p.leases = nil
	switch {
	case r.IsRoom():
		p.heading.SetText(r.Room.PremisesName + " · " + r.Room.Name)
		info := roomFacts(r.Room)
		if r.Room.Notes != "" {
			info += "\n" + r.Room.Notes
		}
		p.info.SetText(info)
		ls, err := p.w.store.LeasesOfRoom(ctx(), r.Room.ID)
		if err != nil {
			p.w.ShowError(err)
		}
		p.leases = ls
		p.leaseBox.Show()
		p.editButton.SetText(lang.X("premises.room.edit", "Redigér lokale…"))
		p.newRoomButton.Hide()
		p.newLeaseButton.Show()
		p.newLeaseButton.Disable()
		if !r.Room.Archived() {
			p.newLeaseButton.Enable()
		}
		p.setArchiveButton(r.Room.Archived())
	case r.Premises.ID != 0:
		p.heading.SetText(r.Premises.Name)
		var lines []string
		if a := premisesAddress(r.Premises); a != "" {
			lines = append(lines, a)
		}
		if r.Premises.OwnerName != "" {
			lines = append(lines, lang.X("premises.premises.ownerline", "Ejer: {{.Name}}", map[string]any{"Name": r.Premises.OwnerName}))
		}
		lines = append(lines, roomCount(r.Premises))
		if r.Premises.Notes != "" {
			lines = append(lines, r.Premises.Notes)
		}
		p.info.SetText(strings.Join(lines, "\n"))
		p.leaseBox.Hide()
		p.editButton.SetText(lang.X("premises.premises.edit", "Redigér ejendom…"))
		p.newRoomButton.Show()
		p.newLeaseButton.Hide()
		p.setArchiveButton(r.Premises.Archived())
	default:
		p.heading.SetText(lang.X("premises.rooms.title", "Ejendomme og lokaler"))
		p.info.SetText(lang.X("premises.rooms.pick", "Vælg en ejendom eller et lokale i listen, eller opret en ny ejendom med »Ny ejendom…«."))
		p.leaseBox.Hide()
		p.editButton.Hide()
		p.newRoomButton.Hide()
		p.newLeaseButton.Hide()
		p.archiveButton.Hide()
		p.leaseList.Refresh()
		return
	}
	p.editButton.Show()
	p.archiveButton.Show()
	p.leaseList.Refresh()
}

func (p *roomsPanel) setArchiveButton(archived bool) {
	if archived {
		p.archiveButton.SetText(lang.X("premises.restore", "Genskab"))
		p.editButton.Disable()
		p.newRoomButton.Disable()
	} else {
		p.archiveButton.SetText(lang.X("premises.archive", "Arkivér"))
		p.editButton.Enable()
		p.newRoomButton.Enable()
	}
}

// refreshCurrent re-reads the row shown on the right.
func (p *roomsPanel) refreshCurrent() {
	ctx := ctx()
	if p.current.IsRoom() {
		r, err := p.w.store.Room(ctx, p.current.Room.ID)
		if err == nil {
			prem, _ := p.w.store.Premises(ctx, r.PremisesID)
			p.show(data.PremisesRow{Premises: prem, Room: r})
		}
		return
	}
	if prem, err := p.w.store.Premises(ctx, p.current.Premises.ID); err == nil {
		p.show(data.PremisesRow{Premises: prem})
	}
}

// openRoom shows room id, marked in the list.
func (p *roomsPanel) openRoom(id int64) {
	ctx := ctx()
	r, err := p.w.store.Room(ctx, id)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	prem, _ := p.w.store.Premises(ctx, r.PremisesID)
	p.show(data.PremisesRow{Premises: prem, Room: r})
	p.list.Mark(id)
}

func (p *roomsPanel) openPremises(id int64) {
	prem, err := p.w.store.Premises(ctx(), id)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	p.show(data.PremisesRow{Premises: prem})
	p.list.Mark(-id)
}

func (p *roomsPanel) editCurrent() {
	if p.current.IsRoom() {
		p.editRoom(p.current.Room)
	} else if p.current.Premises.ID != 0 {
		p.editPremises(p.current.Premises)
	}
}

// newRoom opens the room dialog for the premises shown, or asks for
// premises first when there are none.
func (p *roomsPanel) newRoom() {
	all, err := p.w.store.AllPremises(ctx(), false)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	if len(all) == 0 {
		p.editPremises(data.Premises{})
		return
	}
	premisesID := p.current.Premises.ID
	if premisesID == 0 || p.current.Premises.Archived() {
		premisesID = all[0].ID
	}
	p.editRoom(data.Room{PremisesID: premisesID, Kind: data.RoomOther})
}

// toggleArchived restores the room or premises shown at once, and
// archives it after the caseworker confirmed, as every archive button does.
func (p *roomsPanel) toggleArchived() {
	r := p.current
	name := r.Premises.Name
	if r.IsRoom() {
		name = r.Room.PremisesName + " · " + r.Room.Name
	}
	done := func(err error) {
		if err != nil {
			p.w.ShowError(err)
			return
		}
		p.reload()
		p.t.leases.rooms.reload()
		if p.current.IsRoom() && p.current.Room.Archived() || !p.current.IsRoom() && p.current.Premises.Archived() {
			p.w.SetStatus(lang.X("form.archived", "{{.Name}} er arkiveret; den findes under »Vis arkiverede«.", map[string]any{"Name": name}))
		} else {
			p.w.SetStatus(lang.X("form.restored", "{{.Name}} er genskabt.", map[string]any{"Name": name}))
		}
	}
	switch {
	case r.IsRoom() && r.Room.Archived():
		done(p.w.store.RestoreRoom(ctx(), r.Room.ID))
	case r.IsRoom():
		form.ConfirmArchive(p.w, lang.X("premises.room.archive.title", "Arkivér lokale"),
			lang.X("premises.room.archive.question", "Arkivér {{.Name}}? Det kan ikke længere lejes ud, men beholder sine lejemål og kan genskabes under »Vis arkiverede«.",
				map[string]any{"Name": r.Room.Name}),
			func() { done(p.w.store.ArchiveRoom(ctx(), r.Room.ID)) })
	case r.Premises.Archived():
		done(p.w.store.RestorePremises(ctx(), r.Premises.ID))
	case r.Premises.ID != 0:
		form.ConfirmArchive(p.w, lang.X("premises.premises.archive.title", "Arkivér ejendom"),
			lang.X("premises.premises.archive.question", "Arkivér {{.Name}}? Den forsvinder fra listerne med sine lokaler, men kan genskabes under »Vis arkiverede«.",
				map[string]any{"Name": r.Premises.Name}),
			func() { done(p.w.store.ArchivePremises(ctx(), r.Premises.ID)) })
	}
}

// --- dialogs ---

type (
	premisesForm = data.PremisesForm
	roomForm     = data.RoomForm
)

// editPremises opens the form for one premises in a dialog.
func (p *roomsPanel) editPremises(prem data.Premises) {
	w := p.w
	owners, _, _ := w.store.LeaseParties(ctx())
	owner := widgets.NewChoiceSelect("")
	owner.Set(choices{orgOptions(owners), orgIDs(owners)}.after(lang.X("premises.notice.none", "(ingen)")))
	notes := form.Lines("Notes", lang.X("premises.notes", "Noter"), "", func(f *premisesForm) *string { return &f.Notes })
	notes.Entry().SetMinRowsVisible(2)
	title := lang.X("premises.premises.newtitle", "Ny ejendom")
	if prem.ID != 0 {
		title = prem.Name
	}
	var id int64
	p.lastPremises = form.ShowDialog(w, form.DialogSpec[premisesForm]{
		Title: title, Values: prem.Form(),
		Fields: []*form.Binding[premisesForm]{
			form.Text("Name", lang.X("premises.premises.name", "Navn"), "", func(f *premisesForm) *string { return &f.Name }),
			form.Text("Address", lang.X("premises.premises.address", "Adresse"), "", func(f *premisesForm) *string { return &f.Address }),
			form.Text("Postcode", lang.X("premises.premises.postcode", "Postnummer"), "", func(f *premisesForm) *string { return &f.Postcode }),
			form.Text("City", lang.X("premises.premises.city", "By"), "", func(f *premisesForm) *string { return &f.City }),
			form.Text("CadastralNumber", lang.X("premises.premises.cadastral", "Matrikelnummer"), lang.X("premises.premises.cadastral.hint", "fx 12a"),
				func(f *premisesForm) *string { return &f.CadastralNumber }),
			form.Text("CadastralDistrict", lang.X("premises.premises.district", "Ejerlav"), lang.X("premises.premises.district.hint", "fx Korsør Købstads Bygrunde"),
				func(f *premisesForm) *string { return &f.CadastralDistrict }),
			form.Record("OwnerID", lang.X("premises.premises.owner", "Ejer"), owner, func(f *premisesForm) *int64 { return &f.OwnerID }),
			notes,
		},
		Parse: func(f premisesForm) error { _, err := f.Parse(); return err },
		Save: func(f premisesForm) (string, error) {
			saved, err := w.store.SavePremises(ctx(), f)
			id = saved.ID
			return lang.X("premises.premises.saved", "{{.Name}} er gemt.", map[string]any{"Name": saved.Name}), err
		},
		Done: func() {
			p.reload()
			p.openPremises(id)
			p.t.leases.rooms.reload()
		},
	})
}

// editRoom opens the form for one room in a dialog.
func (p *roomsPanel) editRoom(r data.Room) {
	w := p.w
	all, _ := w.store.AllPremises(ctx(), false)
	premises := widgets.NewChoiceSelect("")
	var names []string
	var ids []int64
	for _, prem := range all {
		names, ids = append(names, prem.Name), append(ids, prem.ID)
	}
	premises.Set(names, ids)
	values := r.Form()
	if r.ID == 0 {
		values.Area = ""
	}
	title := lang.X("premises.room.newtitle", "Nyt lokale")
	if r.ID != 0 {
		title = r.PremisesName + " · " + r.Name
	}
	var id int64
	p.lastRoom = form.ShowDialog(w, form.DialogSpec[roomForm]{
		Title: title, Values: values,
		Fields: []*form.Binding[roomForm]{
			form.Record("PremisesID", lang.X("premises.room.premises", "Ejendom"), premises, func(f *roomForm) *int64 { return &f.PremisesID }),
			form.Text("Name", lang.X("premises.room.name", "Navn"), "", func(f *roomForm) *string { return &f.Name }),
			form.Text("Area", lang.X("premises.room.area", "Areal (m²)"), lang.X("premises.room.area.hint", "fx 48 eller 12,5"),
				func(f *roomForm) *string { return &f.Area }),
			form.Choice("Kind", lang.X("premises.room.kind", "Type"), roomKindOptions(), string(data.RoomOther), func(f *roomForm) *string { return &f.Kind }),
			form.YesNo("Shared", lang.X("premises.room.shared", "Fælles lokale"), lang.X("premises.room.shared.check", "Bruges af flere (fx et mødelokale)"),
				func(f *roomForm) *string { return &f.Shared }),
			form.Text("Notes", lang.X("premises.notes", "Noter"), "", func(f *roomForm) *string { return &f.Notes }),
		},
		Parse: func(f roomForm) error { _, err := f.Parse(); return err },
		Save: func(f roomForm) (string, error) {
			saved, err := w.store.SaveRoom(ctx(), f)
			id = saved.ID
			return lang.X("premises.room.saved", "{{.Name}} er gemt.", map[string]any{"Name": saved.PremisesName + " · " + saved.Name}), err
		},
		Done: func() {
			p.reload()
			p.openRoom(id)
			p.t.leases.rooms.reload()
		},
	})
}

func roomKindOptions() []form.Option { return form.Options(data.RoomKinds, roomKindLabel) }

func orgIDs(orgs []data.Organisation) []int64 {
	out := make([]int64, len(orgs))
	for i, o := range orgs {
		out[i] = o.ID
	}
	return out
}
