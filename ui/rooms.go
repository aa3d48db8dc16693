package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// roomsPanel is the Lokaler sub-tab: the premises with their rooms in one
// grouped list, what is known about the one picked (for a room: its
// leases), and dialogs to create and edit them.
type roomsPanel struct {
	t       *PremisesTab
	w       *Window
	content fyne.CanvasObject

	list         *recordList[data.PremisesRow]
	showArchived *widget.Check
	current      data.PremisesRow

	heading, info                 *widget.Label
	leases                        []data.Lease
	leaseList                     *widget.List
	leaseBox                      *fyne.Container
	editButton, archiveButton     *widget.Button
	newRoomButton, newLeaseButton *widget.Button
	active                        *formDialog // the open dialog, which Ctrl+S saves
	lastPremises                  *premisesDialog
	lastRoom                      *roomDialog
	newPremisesButton             *widget.Button
}

func newRoomsPanel(t *PremisesTab) *roomsPanel {
	p := &roomsPanel{t: t, w: t.w}
	p.showArchived = widget.NewCheck(lang.X("premises.archived", "Vis arkiverede"), func(bool) { p.reload() })
	p.newPremisesButton = widget.NewButton(lang.X("premises.premises.new", "Ny ejendom…"), func() { p.editPremises(data.Premises{}) })
	p.list = newRecordList(p.w, recordListSpec[data.PremisesRow]{
		placeholder: lang.X("premises.rooms.search", "Søg: lokale, ejendom, type, adresse (Ctrl+F)"),
		newLabel:    lang.X("premises.room.new", "Nyt lokale (Ctrl+N)"),
		onNew:       p.newRoom,
		filters:     container.NewBorder(nil, nil, p.newPremisesButton, p.showArchived),
		fetch: func(offset, limit int) ([]data.PremisesRow, error) {
			q := p.query()
			q.Offset, q.Limit = offset, limit
			return p.w.store.SearchPremisesRows(context.Background(), q)
		},
		countRows: func() (int, error) { return p.w.store.CountPremisesRows(context.Background(), p.query()) },
		id:        rowID,
		title:     rowTitle,
		detail:    rowDetail,
		countText: func(int) string { return p.countText() },
		onPick:    p.show,
	})

	p.heading = widget.NewLabel("")
	p.heading.TextStyle.Bold = true
	p.heading.SizeName = "subHeadingText"
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	p.leaseList = widget.NewList(func() int { return len(p.leases) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Lejemål")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			l := p.leases[id]
			obj.(*widget.Label).SetText(l.TenantName + " · " + leaseDetail(l, p.t.today()))
		})
	p.leaseList.OnSelected = func(id widget.ListItemID) {
		p.leaseList.UnselectAll()
		if id < len(p.leases) {
			p.t.OpenLease(p.leases[id].ID)
		}
	}
	leaseTitle := widget.NewLabel(lang.X("premises.room.leases", "Lejemål af lokalet (vælg et for at åbne det)"))
	leaseTitle.TextStyle.Bold = true
	p.leaseBox = container.NewVBox(leaseTitle, container.New(&minHeight{h: 160}, p.leaseList))
	p.editButton = widget.NewButton("", p.editCurrent)
	p.archiveButton = widget.NewButton("", p.toggleArchived)
	p.newRoomButton = widget.NewButton(lang.X("premises.room.newhere", "Nyt lokale her…"), p.newRoom)
	p.newLeaseButton = widget.NewButton(lang.X("premises.room.newlease", "Nyt lejemål af lokalet"), func() {
		id := p.current.Room.ID
		p.t.showTab(0)
		p.t.leases.newRecord(id)
	})
	detail := container.NewBorder(container.NewVBox(p.heading, p.info),
		container.NewHBox(p.editButton, p.newRoomButton, p.newLeaseButton, layout.NewSpacer(), p.archiveButton),
		nil, nil, p.leaseBox)
	split := container.NewHSplit(container.NewBorder(nil, p.t.w.csvButtons("rooms", p.t.w.Reload), nil, nil, p.list.content),
		container.NewPadded(detail))
	split.Offset = 0.42
	p.content = split
	p.show(data.PremisesRow{})
	return p
}

func (p *roomsPanel) query() data.RoomQuery {
	return data.RoomQuery{Text: p.list.search.Text, Archived: p.showArchived.Checked}
}

// countText counts the rooms listed (the premises rows are headings).
func (p *roomsPanel) countText() string {
	n, err := p.w.store.CountRooms(context.Background(), p.query())
	if err != nil {
		return ""
	}
	if n == 1 {
		return lang.X("premises.room.count.one", "1 lokale")
	}
	return lang.X("premises.room.count", "{{.N}} lokaler", map[string]any{"N": n})
}

func (p *roomsPanel) reload() {
	if p.list == nil || p.showArchived == nil {
		return
	}
	p.list.reload(rowID(p.current))
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

func roomKindLabel(k data.RoomKind) string {
	switch k {
	case data.RoomWorkshop:
		return lang.X("premises.kind.workshop", "Værksted")
	case data.RoomKitchen:
		return lang.X("premises.kind.kitchen", "Køkken")
	case data.RoomCafe:
		return lang.X("premises.kind.cafe", "Café")
	case data.RoomMeeting:
		return lang.X("premises.kind.meeting", "Mødelokale")
	case data.RoomStorage:
		return lang.X("premises.kind.storage", "Lager")
	case data.RoomOther:
		return lang.X("premises.kind.other", "Andet")
	}
	return string(k)
}

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
		ls, err := p.w.store.LeasesOfRoom(context.Background(), r.Room.ID)
		if err != nil {
			p.w.showError(err)
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
	ctx := context.Background()
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
	ctx := context.Background()
	r, err := p.w.store.Room(ctx, id)
	if err != nil {
		p.w.showError(err)
		return
	}
	prem, _ := p.w.store.Premises(ctx, r.PremisesID)
	p.show(data.PremisesRow{Premises: prem, Room: r})
	p.list.mark(id)
}

func (p *roomsPanel) openPremises(id int64) {
	prem, err := p.w.store.Premises(context.Background(), id)
	if err != nil {
		p.w.showError(err)
		return
	}
	p.show(data.PremisesRow{Premises: prem})
	p.list.mark(-id)
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
	all, err := p.w.store.AllPremises(context.Background(), false)
	if err != nil {
		p.w.showError(err)
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

func (p *roomsPanel) toggleArchived() {
	ctx := context.Background()
	r := p.current
	var err error
	switch {
	case r.IsRoom() && r.Room.Archived():
		err = p.w.store.RestoreRoom(ctx, r.Room.ID)
	case r.IsRoom():
		err = p.w.store.ArchiveRoom(ctx, r.Room.ID)
	case r.Premises.Archived():
		err = p.w.store.RestorePremises(ctx, r.Premises.ID)
	case r.Premises.ID != 0:
		err = p.w.store.ArchivePremises(ctx, r.Premises.ID)
	}
	if err != nil {
		p.w.showError(err)
		return
	}
	p.reload()
	p.t.leases.rooms.reload()
}

// --- dialogs ---

// formDialog is a small form in a dialog that stays open until what was
// typed is saved or the user cancels, so a refused save loses nothing.
type formDialog struct {
	w      *Window
	fields fieldSet
	state  *widget.Label
	dlg    *dialog.CustomDialog
	parse  func() error
	submit func() error
	first  fyne.Focusable
	tried  bool
	onDone func() // after a successful save
}

func newFormDialog(w *Window, parse, submit func() error) *formDialog {
	d := &formDialog{w: w, parse: parse, submit: submit}
	d.state = widget.NewLabel("")
	d.state.Wrapping = fyne.TextWrapWord
	return d
}

// entry makes an entry of the dialog, checked as the user types.
func (d *formDialog) entry(text, hint string) *entry {
	e := newEntry(hint)
	e.SetText(text)
	e.OnChanged = func(string) { d.liveCheck() }
	e.onEscape = func() { d.dlg.Hide() }
	if d.first == nil {
		d.first = e
	}
	return e
}

func (d *formDialog) add(name, label string, in fyne.CanvasObject) {
	d.fields.add(newField(name, label, in))
}

func (d *formDialog) build(title string, panel *roomsPanel) {
	body := container.NewVBox(d.fields.object(), d.state)
	d.dlg = dialog.NewCustomWithoutButtons(title, container.New(&minWidth{w: 520}, body), d.w.Win)
	save := widget.NewButton(lang.X("form.save.plain", "Gem"), d.save)
	save.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.X("dialog.cancel", "Annullér"), d.dlg.Hide), save})
	d.dlg.SetOnClosed(func() {
		if panel.active == d {
			panel.active = nil
		}
	})
	panel.active = d
	d.dlg.Show()
	if d.first != nil {
		d.w.Win.Canvas().Focus(d.first)
	}
}

func (d *formDialog) liveCheck() {
	if d.dlg == nil {
		return // still being filled in
	}
	d.fields.live(d.parse(), d.tried)
}

func (d *formDialog) save() {
	err := d.submit()
	if v, ok := data.AsValidation(err); ok {
		d.tried = true
		d.fields.show(v)
		d.state.SetText(refusedText(v))
		return
	}
	if err != nil {
		d.w.showError(err)
		return
	}
	d.dlg.Hide()
	if d.onDone != nil {
		d.onDone()
	}
}

// premisesDialog is the form for one premises.
type premisesDialog struct {
	*formDialog
	id                                 int64
	name, address, postcode, city, not *entry
	owner                              *widget.Select
	owners                             []data.Organisation
}

func (p *roomsPanel) editPremises(prem data.Premises) {
	d := &premisesDialog{id: prem.ID}
	d.formDialog = newFormDialog(p.w, func() error { _, err := d.form().Parse(); return err }, func() error {
		saved, err := p.w.store.SavePremises(context.Background(), d.form())
		if err == nil {
			d.id = saved.ID
			p.w.setStatus(lang.X("premises.premises.saved", "{{.Name}} er gemt.", map[string]any{"Name": saved.Name}))
		}
		return err
	})
	d.onDone = func() {
		p.reload()
		p.openPremises(d.id)
		p.t.leases.rooms.reload()
	}
	f := prem.Form()
	d.name = d.entry(f.Name, "")
	d.address = d.entry(f.Address, "")
	d.postcode = d.entry(f.Postcode, "")
	d.city = d.entry(f.City, "")
	d.owners, _, _ = p.w.store.LeaseParties(context.Background())
	none := lang.X("premises.notice.none", "(ingen)")
	d.owner = widget.NewSelect(append([]string{none}, orgOptions(d.owners)...), func(string) { d.liveCheck() })
	d.owner.SetSelected(none)
	selectOrg(d.owner, d.owners, f.OwnerID)
	if d.owner.Selected == "" {
		d.owner.SetSelected(none)
	}
	d.not = d.entry(f.Notes, "")
	d.not.MultiLine = true
	d.not.Wrapping = fyne.TextWrapWord
	d.not.SetMinRowsVisible(2)
	d.add("Name", lang.X("premises.premises.name", "Navn"), d.name)
	d.add("Address", lang.X("premises.premises.address", "Adresse"), d.address)
	d.add("Postcode", lang.X("premises.premises.postcode", "Postnummer"), d.postcode)
	d.add("City", lang.X("premises.premises.city", "By"), d.city)
	d.add("OwnerID", lang.X("premises.premises.owner", "Ejer"), d.owner)
	d.add("Notes", lang.X("premises.notes", "Noter"), d.not)
	title := lang.X("premises.premises.newtitle", "Ny ejendom")
	if prem.ID != 0 {
		title = prem.Name
	}
	p.lastPremises = d
	d.build(title, p)
}

func (d *premisesDialog) form() data.PremisesForm {
	return data.PremisesForm{ID: d.id, Name: d.name.Text, Address: d.address.Text, Postcode: d.postcode.Text,
		City: d.city.Text, OwnerID: selectedOrg(d.owner, d.owners), Notes: d.not.Text}
}

// roomDialog is the form for one room.
type roomDialog struct {
	*formDialog
	id              int64
	name, area, not *entry
	premises, kind  *widget.Select
	shared          *widget.Check
	all             []data.Premises
}

func (p *roomsPanel) editRoom(r data.Room) {
	d := &roomDialog{id: r.ID}
	d.formDialog = newFormDialog(p.w, func() error { _, err := d.form().Parse(); return err }, func() error {
		saved, err := p.w.store.SaveRoom(context.Background(), d.form())
		if err == nil {
			d.id = saved.ID
			p.w.setStatus(lang.X("premises.room.saved", "{{.Name}} er gemt.", map[string]any{"Name": saved.PremisesName + " · " + saved.Name}))
		}
		return err
	})
	d.onDone = func() {
		p.reload()
		p.openRoom(d.id)
		p.t.leases.rooms.reload()
	}
	f := r.Form()
	if r.ID == 0 {
		f.Area = ""
	}
	d.name = d.entry(f.Name, "")
	d.area = d.entry(f.Area, lang.X("premises.room.area.hint", "fx 48 eller 12,5"))
	d.all, _ = p.w.store.AllPremises(context.Background(), false)
	var names []string
	for _, prem := range d.all {
		names = append(names, prem.Name)
	}
	d.premises = widget.NewSelect(names, func(string) { d.liveCheck() })
	for _, prem := range d.all {
		if prem.ID == f.PremisesID {
			d.premises.SetSelected(prem.Name)
		}
	}
	d.kind = widget.NewSelect(nil, func(string) { d.liveCheck() })
	for _, k := range data.RoomKinds {
		d.kind.Options = append(d.kind.Options, roomKindLabel(k))
	}
	d.kind.SetSelected(roomKindLabel(r.Kind))
	d.shared = widget.NewCheck(lang.X("premises.room.shared.check", "Bruges af flere (fx et mødelokale)"), func(bool) { d.liveCheck() })
	d.shared.SetChecked(r.Shared)
	d.not = d.entry(f.Notes, "")
	d.add("PremisesID", lang.X("premises.room.premises", "Ejendom"), d.premises)
	d.add("Name", lang.X("premises.room.name", "Navn"), d.name)
	d.add("Area", lang.X("premises.room.area", "Areal (m²)"), d.area)
	d.add("Kind", lang.X("premises.room.kind", "Type"), d.kind)
	d.add("Shared", lang.X("premises.room.shared", "Fælles lokale"), d.shared)
	d.add("Notes", lang.X("premises.notes", "Noter"), d.not)
	title := lang.X("premises.room.newtitle", "Nyt lokale")
	if r.ID != 0 {
		title = r.PremisesName + " · " + r.Name
	}
	p.lastRoom = d
	d.build(title, p)
}

func (d *roomDialog) form() data.RoomForm {
	f := data.RoomForm{ID: d.id, Name: d.name.Text, Area: d.area.Text, Shared: data.YesNo(d.shared.Checked), Notes: d.not.Text}
	for _, prem := range d.all {
		if prem.Name == d.premises.Selected {
			f.PremisesID = prem.ID
		}
	}
	for _, k := range data.RoomKinds {
		if roomKindLabel(k) == d.kind.Selected {
			f.Kind = string(k)
		}
	}
	return f
}
