package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/widgets"
)

// meetingDocs are the meeting's two documents, "Indkaldelse og dagsorden"
// and "Referat": each a button whose menu saves it as PDF or prints it,
// made from the meeting as saved (unsaved edits are saved first).
type meetingDocs struct {
	agenda, minutes *widget.Button
}

func (d *meetingDocs) buttons(p *meetingPanel) []fyne.CanvasObject {
	button := func(what agreement.MeetingDoc, label string) *widget.Button {
		var b *widget.Button
		b = widget.NewButtonWithIcon(label, theme.DocumentIcon(), func() {
			menu := fyne.NewMenu("",
				fyne.NewMenuItem(lang.X("agreements.pdf", "Gem som PDF…"), func() { p.afterSave(func(m data.Meeting) { p.doc(m, what).choose() }) }),
				fyne.NewMenuItem(lang.X("agreements.print", "Udskriv"), func() { p.afterSave(func(m data.Meeting) { p.doc(m, what).print(nil) }) }))
			c := fyne.CurrentApp().Driver().CanvasForObject(b)
			if c == nil {
				return
			}
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			widget.ShowPopUpMenuAtPosition(menu, c, pos.AddXY(0, b.Size().Height))
		})
		return b
	}
	d.agenda = button(agreement.MeetingAgenda, lang.X("meetings.doc.agenda", "Indkaldelse og dagsorden …"))
	d.minutes = button(agreement.MeetingMinutes, lang.X("meetings.doc.minutes", "Referat …"))
	return []fyne.CanvasObject{d.agenda, d.minutes}
}

// show shows the documents meeting m has: an agenda once it has items,
// minutes once it is held.
func (d *meetingDocs) show(m data.Meeting) {
	saved := m.ID != 0
	widgets.ShowIf(d.agenda, saved && len(m.Items) > 0)
	widgets.ShowIf(d.minutes, saved && (m.Status == data.MeetingHeld || m.Approved()))
}

// doc is meeting m's document what as a PDF to save or print.
func (p *meetingPanel) doc(m data.Meeting, what agreement.MeetingDoc) pdfOut {
	id, store := m.ID, p.w.store
	return pdfOut{w: p.w, entity: "møde", id: id, what: "PDF: " + what.Title(),
		name:   func() string { return safeFileName(what.FileName(m)) },
		render: func() ([]byte, error) { return agreement.ExportMeetingPDF(ctx(), store, id, what) },
		written: func(path string) {
			p.w.SetStatus(lang.X("meetings.doc.written", "{{.What}} er gemt som {{.Path}}.", map[string]any{"What": what.Title(), "Path": path}))
		}}
}
