package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// contactsPanel lists an organisation's contact people under its form.
type contactsPanel struct {
	t            *PartnersTab
	content      fyne.CanvasObject
	orgID        int64
	rows         []data.Contact
	list         *widgets.List
	selected     int
	hint         *widget.Label
	showArchived *widget.Check
	addButton    *widget.Button
	editButton   *widget.Button
	archButton   *widget.Button
	extractBtn   *widget.Button                 // the selected contact's extract (art. 15)
	lastDialog   *form.Dialog[data.ContactForm] // the open contact form, for tests
	onCount      func(n int)                    // tells the tab how many contacts show
}

func newContactsPanel(t *PartnersTab) *contactsPanel {
	p := &contactsPanel{t: t, selected: -1}
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	p.list = widgets.NewTextList(func() int { return len(p.rows) }, func(i int) string { return contactLine(p.rows[i]) })
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
	p.extractBtn = widget.NewButton(lang.X("contacts.extract", "Indsigt…"), func() {
		if p.selected >= 0 {
			k := p.rows[p.selected]
			p.t.w.extractPDF("kontaktperson", k.ID, k.Name).choose()
		}
	})
	buttons := container.NewHBox(p.addButton, p.editButton, p.archButton, p.extractBtn, layout.NewSpacer(), p.showArchived)
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
		rows, err := p.t.w.store.Contacts(ctx(), orgID, p.showArchived.Checked)
		if err != nil {
			p.t.w.ShowError(err)
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
	archived := p.t.Original.Archived()
	if p.orgID == 0 || archived {
		p.addButton.Disable()
	} else {
		p.addButton.Enable()
	}
	if p.selected < 0 {
		p.extractBtn.Disable()
	} else {
		p.extractBtn.Enable() // an archived contact's data is still held
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
		err = p.t.w.store.RestoreContact(ctx(), k.ID)
	} else {
		err = p.t.w.store.ArchiveContact(ctx(), k.ID)
	}
	if err != nil {
		p.t.w.ShowError(err)
	}
	p.load(p.orgID)
}

// edit opens the contact form in a dialog that stays open until the
// contact is saved or the user cancels, so a refused save loses nothing.
func (p *contactsPanel) edit(k data.Contact) {
	w := p.t.w
	type cf = data.ContactForm
	notes := form.Lines("Notes", lang.X("contacts.notes", "Noter"), "", func(f *cf) *string { return &f.Notes })
	notes.Entry().SetMinRowsVisible(2)
	date := lang.X("form.date.hint", "dd.mm.åååå")
	title := lang.X("contacts.new", "Ny kontaktperson")
	if k.ID != 0 {
		title = k.Name
	}
	p.lastDialog = form.ShowDialog(w, form.DialogSpec[cf]{
		Title: title, Values: k.Form(),
		Fields: []*form.Binding[cf]{
			form.Text("Name", lang.X("contacts.name", "Navn"), "", func(f *cf) *string { return &f.Name }),
			form.Text("Title", lang.X("contacts.titlefield", "Titel"), "", func(f *cf) *string { return &f.Title }),
			form.Text("Email", lang.X("contacts.email", "E-mail"), lang.X("contacts.email.hint", "navn@kommune.dk"), func(f *cf) *string { return &f.Email }),
			form.Text("Phone", lang.X("contacts.phone", "Telefon"), "", func(f *cf) *string { return &f.Phone }),
			form.Text("Role", lang.X("contacts.role", "Rolle"), "", func(f *cf) *string { return &f.Role }),
			form.Text("ValidFrom", lang.X("contacts.from", "Fra"), date, func(f *cf) *string { return &f.ValidFrom }),
			form.Text("ValidTo", lang.X("contacts.to", "Til"), date, func(f *cf) *string { return &f.ValidTo }),
			notes,
		},
		Parse: func(f cf) error { _, err := f.Parse(); return err },
		Save: func(f cf) (string, error) {
			saved, err := w.store.SaveContact(ctx(), f)
			return lang.X("contacts.saved", "{{.Name}} er gemt.", map[string]any{"Name": saved.Name}), err
		},
		Done: func() { p.load(p.orgID) },
	})
}
