package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftMeeting names the meeting form's drafts: minutes are long, and a
// meeting is where the lid closes.
const draftMeeting = "møde"

type meetingForm = data.MeetingForm

// meetingPanel is the Møder sub-tab: the meetings, newest first, and the
// form of one with three pages: the meeting and its people, the agenda
// with the minutes and decisions per item, and the action items. The
// buttons under it take the meeting through its life.
type meetingPanel struct {
	*form.Register[data.Meeting, meetingForm]
	w       *Window
	body    *widgets.ChoiceSelect
	people  *peopleBox
	agenda  *form.RowsEditor[data.AgendaItemForm]
	actions *form.RowsEditor[data.ActionItemForm]
	links   linkChoices
	pages   *container.AppTabs
	status  *widget.Label
	follow  *fyne.Container // after approval: the action items, to tick off
	steps   meetingSteps
	docs    meetingDocs // the agenda and the minutes as PDF
}

// The meeting form's pages.
const (
	pageMeeting = iota
	pageAgenda
	pageActions
)

func newMeetingPanel(w *Window) *meetingPanel {
	p := &meetingPanel{w: w, body: widgets.NewChoiceSelect(""), status: widget.NewLabel(""), follow: container.NewVBox()}
	p.status.Wrapping = fyne.TextWrapWord
	p.people = newPeopleBox(w, func() (int64, time.Time) {
		f := p.Values()
		d, _ := dk.ParseDate(f.Date)
		return f.BodyID, d
	})
	agendaBinding, agenda := form.Rows[meetingForm, data.AgendaItemForm]("Items", lang.X("meetings.agenda", "Dagsorden"),
		form.RowsSpec[data.AgendaItemForm]{
			Fields: p.agendaFields,
			Title: func(i int) string {
				return lang.X("meetings.agenda.item", "Punkt {{.N}}", map[string]any{"N": i + 1})
			},
			Add:     lang.X("meetings.agenda.add", "Tilføj punkt"),
			Reveal:  func() { p.pages.SelectIndex(pageAgenda) },
			Changed: p.countPages,
		}, func(f *meetingForm) *[]data.AgendaItemForm { return &f.Items })
	actionsBinding, actions := form.Rows[meetingForm, data.ActionItemForm]("Actions", lang.X("meetings.actions", "Handlingspunkter"),
		form.RowsSpec[data.ActionItemForm]{
			Fields:  p.actionFields,
			Weights: []float32{4, 3, 1.4, 1.4},
			Add:     lang.X("meetings.actions.add", "Tilføj handlingspunkt"),
			Reveal:  func() { p.pages.SelectIndex(pageActions) },
			Changed: p.countPages,
		}, func(f *meetingForm) *[]data.ActionItemForm { return &f.Actions })
	p.agenda, p.actions = agenda, actions
	date := lang.X("form.date.hint", "dd.mm.åååå")
	clock := lang.X("meetings.clock.hint", "fx 9.30")
	p.Register = form.NewRegister(w, form.Spec[data.Meeting, meetingForm]{
		Name: lang.X("partnership.tab.meetings", "Møder"), Draft: draftMeeting,
		New: lang.X("meetings.new.heading", "Nyt møde"), Heading: meetingHeading,
		ID: func(m data.Meeting) int64 { return m.ID }, Values: data.Meeting.Form, Blank: p.blank,
		Parse: form.ParseOf[data.Meeting, meetingForm], Read: w.store.Meeting, Save: w.store.SaveMeeting,
		Updated: func(m data.Meeting) time.Time { return m.UpdatedAt },
		CSV:     "action-items",
		Locked: func(m data.Meeting) string {
			if m.Approved() {
				return lang.X("meetings.locked", "Referatet er godkendt {{.Date}} og kan ikke ændres; tilføj en rettelse.",
					map[string]any{"Date": dk.FormatDate(m.ApprovedOn)})
			}
			return ""
		},
		Fields: []*form.Binding[meetingForm]{
			form.Record("BodyID", lang.X("meetings.body", "Møde i"), p.body, func(f *meetingForm) *int64 { return &f.BodyID }),
			form.Text("Title", lang.X("meetings.title", "Titel"), lang.X("meetings.title.hint", "fx Partnerskabsmøde"), func(f *meetingForm) *string { return &f.Title }),
			form.Text("Date", lang.X("meetings.date", "Dato"), date, func(f *meetingForm) *string { return &f.Date }),
			form.Pair(lang.X("meetings.time", "Tidspunkt"), 110,
				form.Text("Starts", lang.X("meetings.starts", "Starter kl."), clock, func(f *meetingForm) *string { return &f.Starts }),
				form.Text("Ends", lang.X("meetings.ends", "Slutter kl."), lang.X("meetings.ends.hint", "slutter kl., fx 11.30"), func(f *meetingForm) *string { return &f.Ends })),
			form.Text("Place", lang.X("meetings.place", "Sted"), lang.X("meetings.place.hint", "fx Kvarterhuset, mødelokalet"), func(f *meetingForm) *string { return &f.Place }),
			p.people.binding(),
			form.Lines("Notes", lang.X("meetings.notes", "Noter"), lang.X("meetings.notes.hint", "fx referent, afbud, indledning til referatet"), func(f *meetingForm) *string { return &f.Notes }),
			agendaBinding,
			actionsBinding,
		},
		List: form.ListSpec[data.Meeting]{
			Search:   lang.X("meetings.search", "Søg: titel, sted, organ (Ctrl+F)"),
			NewLabel: lang.X("meetings.new", "Nyt møde (Ctrl+N)"),
			Fetch:    func(o, l int) ([]data.Meeting, error) { return w.store.Meetings(ctx(), p.query(o, l)) },
			Rows:     func() (int, error) { return w.store.CountMeetings(ctx(), p.query(0, 0)) },
			ID:       func(m data.Meeting) int64 { return m.ID },
			Title:    func(m data.Meeting) string { return dk.FormatDate(m.Date) + " " + m.Title },
			Detail:   func(m data.Meeting) string { return bodyLabel(m) + " · " + meetingStatusLabel(m.Status) },
			Count: func(n int) string {
				return form.Counted(n, lang.X("meetings.count.one", "1 møde"), lang.X("meetings.count", "{{.N}} møder", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[data.Meeting]{Archive: w.store.ArchiveMeeting, Restore: w.store.RestoreMeeting,
			At: func(m data.Meeting) time.Time { return m.ArchivedAt }, Title: lang.X("meetings.archive.title", "Arkivér møde"),
			Question: func(m data.Meeting) string {
				return lang.X("meetings.archive.question", "Arkivér {{.Name}}? Det tælles ikke længere med i årets møder; et godkendt referat er uændret.",
					map[string]any{"Name": meetingHeading(m)})
			}},
		Choices: p.choices,
		OnFill:  p.filled,
		Refresh: p.countPages,
		Layout: &form.Pane[data.Meeting, meetingForm]{Split: 0.3, Above: []fyne.CanvasObject{p.status},
			Body: p.layoutPages, Buttons: append(p.steps.buttons(p), p.docs.buttons(p)...)},
	})
	w.atFirstShow(p.Start)
	return p
}

func meetingHeading(m data.Meeting) string { return m.Title + " " + dk.FormatDate(m.Date) }

func bodyLabel(m data.Meeting) string {
	if m.BodyID == 0 {
		return lang.X("meetings.body.other", "Andet møde")
	}
	return m.Body
}

func meetingStatusLabel(st data.MeetingStatus) string {
	return lang.X("meetings.status."+string(st), st.Label())
}

func (p *meetingPanel) query(offset, limit int) data.MeetingQuery {
	return data.MeetingQuery{Text: p.List.Text(), Archived: p.Archived(), Offset: offset, Limit: limit}
}

// blank is a new meeting: of the partnership, two weeks and a day ahead
// (so that the notice can be kept), at the place meetings were held last.
func (p *meetingPanel) blank() data.Meeting {
	m := data.Meeting{Title: lang.X("meetings.default.title", "Partnerskabsmøde"), Date: p.w.today().AddDate(0, 0, 15)}
	if bodies, err := p.w.store.Bodies(ctx(), false); err == nil {
		for _, b := range bodies {
			if b.Code == data.BodyPartnership {
				m.BodyID, m.Body = b.ID, b.Name
			}
		}
	}
	if last, err := p.w.store.Meetings(ctx(), data.MeetingQuery{Limit: 1}); err == nil && len(last) > 0 {
		m.Place = last[0].Place
	}
	return m
}

// layoutPages puts the meeting's fields, the agenda and the action items
// on three pages; their tabs count what they hold.
func (p *meetingPanel) layoutPages(fields fyne.CanvasObject) fyne.CanvasObject {
	propose := widget.NewButton(lang.X("meetings.propose", "Foreslå dagsorden"), p.propose)
	agenda := container.NewBorder(container.NewHBox(propose), nil, nil, nil, container.NewVScroll(p.agenda.Content))
	actions := container.NewBorder(nil, nil, nil, nil, container.NewVScroll(container.NewVBox(p.actions.Content, p.follow)))
	p.pages = container.NewAppTabs(
		widgets.NewTabItem(lang.X("meetings.page.meeting", "Mødet"), container.NewVScroll(fields)),
		widgets.NewTabItem(lang.X("meetings.page.agenda", "Dagsorden og referat"), agenda),
		widgets.NewTabItem(lang.X("meetings.page.actions", "Handlingspunkter"), actions))
	return p.pages
}

// countPages writes the pages' counts on their tabs.
func (p *meetingPanel) countPages() {
	if p.pages == nil {
		return
	}
	p.pages.Items[pageAgenda].Text = lang.X("meetings.page.agenda.n", "Dagsorden og referat ({{.N}})", map[string]any{"N": p.agenda.Len()})
	p.pages.Items[pageActions].Text = lang.X("meetings.page.actions.n", "Handlingspunkter ({{.N}})", map[string]any{"N": p.actions.Len()})
	p.pages.Refresh()
}

// choices reads the bodies and what an agenda item can be about.
func (p *meetingPanel) choices(m data.Meeting) {
	bodies, err := p.w.store.Bodies(ctx(), false)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	labels, ids := []string{lang.X("meetings.body.other", "Andet møde")}, []int64{0}
	for _, b := range bodies {
		labels, ids = append(labels, b.Name), append(ids, b.ID)
	}
	if m.BodyID != 0 && !contains64(ids, m.BodyID) { // an archived body keeps its meetings
		labels, ids = append(labels, m.Body), append(ids, m.BodyID)
	}
	p.body.Set(labels, ids)
	p.links.load(p.w, m)
}

func contains64(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// filled shows a meeting's state, locks what approved minutes fix and
// lists the action items to follow up.
func (p *meetingPanel) filled(m data.Meeting) {
	p.status.SetText(p.statusText(m))
	p.showFollowUp(m)
	p.steps.show(p, m)
	p.docs.show(m)
	p.countPages()
}

// statusText says where the meeting is, what comes next, and the year's count.
func (p *meetingPanel) statusText(m data.Meeting) string {
	year := m.Date.Year()
	if m.ID == 0 {
		year = p.w.today().Year()
	}
	count := ""
	if y, err := p.w.store.MeetingYear(ctx(), year); err == nil {
		count = meetingYearText(y)
	}
	if m.ID == 0 {
		return count
	}
	var s string
	switch m.Status {
	case data.MeetingPlanned:
		notice, _ := p.w.store.NoticeDays(ctx())
		s = lang.X("meetings.state.planned", "Planlagt. Indkaldelsen med dagsorden skal sendes senest {{.By}} ({{.N}} dages varsel).",
			map[string]any{"By": dk.FormatDate(data.InviteBy(m.Date, notice)), "N": notice})
	case data.MeetingCalled:
		s = lang.X("meetings.state.called", "Indkaldt {{.On}}.", map[string]any{"On": dk.FormatDate(m.InvitedOn)})
	case data.MeetingHeld:
		s = lang.X("meetings.state.held", "Afholdt. Skriv referat og beslutninger, og godkend referatet.")
	case data.MeetingApproved:
		s = lang.X("meetings.state.approved", "Referat godkendt {{.On}}.", map[string]any{"On": dk.FormatDate(m.ApprovedOn)})
		if n := len(m.Corrections); n > 0 {
			s += " " + lang.X("meetings.state.corrections", "Rettelser: {{.N}}.", map[string]any{"N": formatCount(n)})
		}
	}
	return s + " " + count
}

func meetingYearText(y data.MeetingYear) string {
	args := map[string]any{"Held": y.Held, "Min": y.Min, "Max": y.Max, "Year": y.Year, "Planned": y.Planned}
	if y.Planned > 0 {
		return lang.X("meetings.year.planned", "{{.Held}} af {{.Min}}–{{.Max}} møder i {{.Year}} ({{.Planned}} planlagt)", args)
	}
	return lang.X("meetings.year", "{{.Held}} af {{.Min}}–{{.Max}} møder i {{.Year}}", args)
}

// showFollowUp lists an approved meeting's action items with a box to
// tick each off: following up goes on after the minutes are fixed.
func (p *meetingPanel) showFollowUp(m data.Meeting) {
	p.follow.Objects = nil
	if m.Approved() && len(m.Actions) > 0 {
		title := widget.NewLabel(lang.X("meetings.followup", "Opfølgning: markér et handlingspunkt som udført"))
		title.TextStyle.Bold = true
		p.follow.Add(widget.NewSeparator())
		p.follow.Add(title)
		for _, a := range m.Actions {
			text := fmt.Sprintf("%s (%s, %s)", a.What, a.Owner, lang.X("meetings.followup.due", "frist {{.Due}}", map[string]any{"Due": dk.FormatDate(a.Due)}))
			if !a.Done.IsZero() {
				text += " · " + lang.X("meetings.followup.done", "udført {{.Done}}", map[string]any{"Done": dk.FormatDate(a.Done)})
			}
			c := widgets.NewCheck(text, nil)
			c.SetChecked(!a.Open())
			c.OnChanged = func(on bool) {
				day := time.Time{}
				if on {
					day = p.w.today()
				}
				if err := p.w.store.SetActionDone(ctx(), a.ID, day); err != nil {
					p.w.ShowError(err)
				}
				p.Open(m.ID)
			}
			p.follow.Add(c)
		}
	}
	p.follow.Refresh()
}

// propose drafts the agenda from what is due by the meeting's date and
// puts it after the points there are (or in their place).
func (p *meetingPanel) propose() {
	if p.locked() {
		return
	}
	f := p.Values()
	day, err := dk.ParseDate(f.Date)
	if err != nil {
		day = p.w.today()
	}
	items, err := p.w.store.ProposeAgenda(ctx(), f.BodyID, day)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	if p.agenda.Len() == 0 {
		p.agenda.Append(items)
		p.pages.SelectIndex(pageAgenda)
		return
	}
	form.AskWhich(p.w, lang.X("meetings.propose.title", "Foreslå dagsorden"),
		lang.X("meetings.propose.question", "Dagsordenen har allerede {{.N}} punkter. Skal de {{.M}} forslag komme efter dem eller erstatte dem?",
			map[string]any{"N": p.agenda.Len(), "M": len(items)}),
		[]string{lang.X("meetings.propose.append", "Tilføj efter"), lang.X("meetings.propose.replace", "Erstat dagsordenen")},
		func(i int) {
			if i == 1 {
				p.agenda.Set(nil)
			}
			p.agenda.Append(items)
			p.pages.SelectIndex(pageAgenda)
		})
}

func (p *meetingPanel) locked() bool { return p.Original.Approved() }

// agendaFields are one agenda point's fields.
func (p *meetingPanel) agendaFields() []*form.Binding[data.AgendaItemForm] {
	type item = data.AgendaItemForm
	return []*form.Binding[item]{
		form.Text("Title", lang.X("meetings.item.title", "Overskrift"), "", func(f *item) *string { return &f.Title }),
		form.Lines("Text", lang.X("meetings.item.text", "Tekst"), lang.X("meetings.item.text.hint", "det, de indbudte skal vide på forhånd"), func(f *item) *string { return &f.Text }),
		pickedPerson(p.w, "OwnerID", lang.X("meetings.item.owner", "Ansvarlig"), lang.X("meetings.item.owner.hint", "vælg en person (kan udelades)"),
			func(f *item) *int64 { return &f.OwnerID }),
		p.links.binding(),
		form.Lines("Minutes", lang.X("meetings.item.minutes", "Referat"), "", func(f *item) *string { return &f.Minutes }),
		form.Lines("Decision", lang.X("meetings.item.decision", "Beslutning"), "", func(f *item) *string { return &f.Decision }),
	}
}

// actionFields are one action item's fields, side by side.
func (p *meetingPanel) actionFields() []*form.Binding[data.ActionItemForm] {
	type action = data.ActionItemForm
	return []*form.Binding[action]{
		form.Text("What", lang.X("meetings.action.what", "Hvad"), "", func(f *action) *string { return &f.What }),
		pickedPerson(p.w, "OwnerID", lang.X("meetings.action.owner", "Ansvarlig"), "", func(f *action) *int64 { return &f.OwnerID }),
		form.Text("Due", lang.X("meetings.action.due", "Frist"), "", func(f *action) *string { return &f.Due }),
		form.Text("Done", lang.X("meetings.action.done", "Udført"), "", func(f *action) *string { return &f.Done }),
	}
}

// OpenMeeting shows one meeting (the overview calls it).
func (p *meetingPanel) OpenMeeting(id int64) { p.Show(id) }
