package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
)

// contactsPanel lists an organisation's contact people under its form.
type contactsPanel struct {
	t            *PartnersTab
	content      fyne.CanvasObject
	orgID        int64
	rows         []data.Contact
	list         *widget.List
	selected     int
	hint         *widget.Label
	showArchived *widget.Check
	addButton    *widget.Button
	editButton   *widget.Button
	archButton   *widget.Button
	lastDialog   *contactDialog // the open contact form, for tests
	onCount      func(n int)    // tells the tab how many contacts show
}

func newContactsPanel(t *PartnersTab) *contactsPanel {
	p := &contactsPanel{t: t, selected: -1}
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Navn, titel")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			obj.(*widget.Label).SetText(contactLine(p.rows[id]))
		})
	p.list.OnSelected = func(id widget.ListItemID) { p.selected = id; p.updateButtons() }
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1; p.updateButtons() }
	p.showArchived = widget.NewCheck(lang.X("contacts.archived", "Vis tidligere"), func(bool) { p.load(p.orgID) })
	p.addButton = widget.NewButton(lang.X("contacts.add", "Tilføj kontaktperson"), func() { p.edit(data.Contact{OrganisationID: p.orgID}) })
	p.editButton = widget.NewButton(lang.X("contacts.edit", "Redigér"), func() {
		if p.selected >= 0 {
			p.edit(p.rows[p.selected])
		}
	})
	p.archButton = widget.NewButton(lang.X("contacts.archive", "Arkivér"), p.toggleArchived)
	buttons := container.NewHBox(p.addButton, p.editButton, p.archButton, layout.NewSpacer(), p.showArchived)
	p.content = container.NewBorder(p.hint, buttons, nil, nil, p.list)
	return p
}

func contactLine(k data.Contact) string {
	s := k.Name
	if k.Title != "" {
		s += ", " + k.Title
	}
	if k.Role != "" {
		s += " (" + k.Role + ")"
	}
	if k.Email != "" {
		s += " · " + k.Email
	}
	if k.Phone != "" {
		s += " · " + k.Phone
	}
	if k.Archived() {
		s += " · " + lang.X("contacts.archivedmark", "arkiveret")
	}
	return s
}

// load shows the contacts of organisation orgID (0: a new organisation).
func (p *contactsPanel) load(orgID int64) {
	p.orgID = orgID
	p.rows = nil
	if orgID != 0 {
		rows, err := p.t.w.store.Contacts(p.t.ctx(), orgID, p.showArchived.Checked)
		if err != nil {
			p.t.w.showError(err)
		}
		p.rows = rows
	}
	switch {
	case orgID == 0:
		p.hint.SetText(lang.X("contacts.savefirst", "Gem organisationen først; så kan du tilføje kontaktpersoner."))
	case len(p.rows) == 0:
		p.hint.SetText(lang.X("contacts.none", "Ingen kontaktpersoner endnu."))
	default:
		p.hint.SetText("")
	}
	if p.hint.Text == "" {
		p.hint.Hide()
	} else {
		p.hint.Show()
	}
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.updateButtons()
	if p.onCount != nil {
		p.onCount(len(p.rows))
	}
}

func (p *contactsPanel) updateButtons() {
	archived := p.t.original.Archived()
	if p.orgID == 0 || archived {
		p.addButton.Disable()
	} else {
		p.addButton.Enable()
	}
	if p.selected < 0 || archived {
		p.editButton.Disable()
		p.archButton.Disable()
		return
	}
	p.editButton.Enable()
	p.archButton.Enable()
	if p.rows[p.selected].Archived() {
		p.archButton.SetText(lang.X("contacts.restore", "Genskab"))
	} else {
		p.archButton.SetText(lang.X("contacts.archive", "Arkivér"))
	}
}

func (p *contactsPanel) toggleArchived() {
	if p.selected < 0 {
		return
	}
	k := p.rows[p.selected]
	var err error
	if k.Archived() {
		err = p.t.w.store.RestoreContact(p.t.ctx(), k.ID)
	} else {
		err = p.t.w.store.ArchiveContact(p.t.ctx(), k.ID)
	}
	if err != nil {
		p.t.w.showError(err)
	}
	p.load(p.orgID)
}

// edit opens the contact form in a dialog that stays open until the
// contact is saved or the user cancels, so a refused save loses nothing.
func (p *contactsPanel) edit(k data.Contact) {
	d := newContactDialog(p.t.w, k, func() { p.load(p.orgID) })
	p.lastDialog = d
	d.show()
}

// contactDialog is the form for one contact person.
type contactDialog struct {
	w        *Window
	id, org  int64
	fields   fieldSet
	name     *entry
	title    *entry
	email    *entry
	phone    *entry
	role     *entry
	from, to *entry
	notes    *entry
	state    *widget.Label
	dlg      *dialog.CustomDialog
	saved    func()
	tried    bool
}

func newContactDialog(w *Window, k data.Contact, saved func()) *contactDialog {
	d := &contactDialog{w: w, id: k.ID, org: k.OrganisationID, saved: saved}
	f := k.Form()
	mk := func(text, hint string) *entry {
		e := newEntry(hint)
		e.SetText(text)
		e.OnChanged = func(string) { d.liveCheck() }
		e.onEscape = func() { d.dlg.Hide() }
		return e
	}
	d.name = mk(f.Name, "")
	d.title = mk(f.Title, "")
	d.email = mk(f.Email, lang.X("contacts.email.hint", "navn@kommune.dk"))
	d.phone = mk(f.Phone, "")
	d.role = mk(f.Role, "")
	d.from = mk(f.ValidFrom, lang.X("form.date.hint", "dd.mm.åååå"))
	d.to = mk(f.ValidTo, lang.X("form.date.hint", "dd.mm.åååå"))
	d.notes = mk(f.Notes, "")
	d.notes.MultiLine = true
	d.notes.Wrapping = fyne.TextWrapWord
	d.notes.SetMinRowsVisible(2)
	add := func(name, label string, in fyne.CanvasObject) { d.fields.add(newField(name, label, in)) }
	add("Name", lang.X("contacts.name", "Navn"), d.name)
	add("Title", lang.X("contacts.titlefield", "Titel"), d.title)
	add("Email", lang.X("contacts.email", "E-mail"), d.email)
	add("Phone", lang.X("contacts.phone", "Telefon"), d.phone)
	add("Role", lang.X("contacts.role", "Rolle"), d.role)
	add("ValidFrom", lang.X("contacts.from", "Fra"), d.from)
	add("ValidTo", lang.X("contacts.to", "Til"), d.to)
	add("Notes", lang.X("contacts.notes", "Noter"), d.notes)
	d.state = widget.NewLabel("")
	d.state.Wrapping = fyne.TextWrapWord
	title := lang.X("contacts.new", "Ny kontaktperson")
	if k.ID != 0 {
		title = k.Name
	}
	body := container.NewVBox(d.fields.object(), d.state)
	d.dlg = dialog.NewCustomWithoutButtons(title, container.New(&minWidth{w: 520}, body), w.Win)
	save := widget.NewButton(lang.X("form.save.plain", "Gem"), d.save)
	save.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.X("dialog.cancel", "Annullér"), d.dlg.Hide), save})
	return d
}

func (d *contactDialog) show() {
	d.dlg.Show()
	d.w.Win.Canvas().Focus(d.name)
}

func (d *contactDialog) form() data.ContactForm {
	return data.ContactForm{ID: d.id, OrganisationID: d.org, Name: d.name.Text, Title: d.title.Text,
		Email: d.email.Text, Phone: d.phone.Text, Role: d.role.Text, ValidFrom: d.from.Text, ValidTo: d.to.Text,
		Notes: d.notes.Text}
}

func (d *contactDialog) liveCheck() {
	_, err := d.form().Parse()
	d.fields.live(err, d.tried)
}

func (d *contactDialog) save() {
	k, err := d.w.store.SaveContact(context.Background(), d.form())
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
	d.w.setStatus(lang.X("contacts.saved", "{{.Name}} er gemt.", map[string]any{"Name": k.Name}))
	d.saved()
}
