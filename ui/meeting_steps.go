package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// meetingSteps are the buttons that take a meeting through its life:
// send the invitation, mark it held, approve the minutes, add a
// correction. Each shows only where it applies, and saves the form first.
type meetingSteps struct {
	invite, held, approve, correct *widget.Button
}

func (s *meetingSteps) buttons(p *meetingPanel) []fyne.CanvasObject {
	s.invite = widget.NewButton(lang.X("meetings.step.invite", "Send indkaldelse …"), func() { p.afterSave(p.sendInvitation) })
	s.held = widget.NewButton(lang.X("meetings.step.held", "Markér som afholdt"), func() { p.afterSave(p.markHeld) })
	s.approve = widget.NewButton(lang.X("meetings.step.approve", "Godkend referat …"), func() { p.afterSave(p.approveMinutes) })
	s.correct = widget.NewButton(lang.X("meetings.step.correct", "Tilføj rettelse …"), p.addCorrection)
	s.show(p, data.Meeting{}) // none applies until a meeting is shown
	return []fyne.CanvasObject{s.invite, s.held, s.approve, s.correct}
}

// show shows the steps meeting m can take now.
func (s *meetingSteps) show(_ *meetingPanel, m data.Meeting) {
	visible := widgets.ShowIf
	saved := m.ID != 0 && !m.Archived()
	visible(s.invite, saved && (m.Status == data.MeetingPlanned || m.Status == data.MeetingCalled))
	visible(s.held, saved && (m.Status == data.MeetingPlanned || m.Status == data.MeetingCalled))
	visible(s.approve, saved && m.Status == data.MeetingHeld)
	visible(s.correct, saved && m.Approved())
	if m.Status == data.MeetingCalled {
		s.invite.SetText(lang.X("meetings.step.reinvite", "Send indkaldelse igen …"))
	} else {
		s.invite.SetText(lang.X("meetings.step.invite", "Send indkaldelse …"))
	}
}

// afterSave saves unsaved edits first; step runs only when the meeting is
// saved as shown.
func (p *meetingPanel) afterSave(step func(m data.Meeting)) {
	if p.Dirty() {
		p.Save()
		if p.Dirty() {
			return // refused: the problems are on the fields
		}
	}
	if p.Original.ID != 0 {
		step(p.Original)
	}
}

// stepDone shows the meeting as its step left it.
func (p *meetingPanel) stepDone(m data.Meeting, err error, status string) {
	if err != nil {
		p.w.ShowError(err)
		return
	}
	p.Refill(m.ID)
	p.Reload()
	p.w.SetStatus(status)
}

// sendInvitation records that the invitation with the agenda goes out
// today, after a warning if the notice is short (naming the day it should
// have gone out).
func (p *meetingPanel) sendInvitation(m data.Meeting) {
	today := p.w.today()
	warning, err := p.w.store.InvitationCheck(ctx(), m.ID, today)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	text := lang.X("meetings.invite.question", "Registrér, at indkaldelsen med dagsorden til {{.N}} indbudte er sendt i dag, {{.Today}}?\nGem »Indkaldelse og dagsorden« som PDF og send den til de indbudte.",
		map[string]any{"N": len(m.Invited()), "Today": dk.FormatDate(today)})
	title, ok := lang.X("meetings.invite.title", "Send indkaldelse"), lang.X("meetings.invite.ok", "Registrér indkaldelsen")
	if warning != "" {
		text = noticeWarning(p.w, m) + "\n\n" + text
		title, ok = lang.X("meetings.invite.short", "Kort varsel"), lang.X("meetings.invite.anyway", "Send alligevel")
	}
	form.Ask(p.w, title, text, ok, lang.X("dialog.cancel", "Annullér"), func() {
		m, err := p.w.store.SendInvitation(ctx(), m.ID, today)
		p.stepDone(m, err, lang.X("meetings.invite.done", "Indkaldelsen til {{.Name}} er registreret som sendt {{.Today}}.",
			map[string]any{"Name": meetingHeading(m), "Today": dk.FormatDate(today)}))
	})
}

// noticeWarning is data.NoticeWarning in the window's language.
func noticeWarning(w *Window, m data.Meeting) string {
	notice, _ := w.store.NoticeDays(ctx())
	today := w.today()
	days := int(m.Date.Sub(today).Hours() / 24)
	return lang.X("meetings.invite.warning", "Indkaldelsen skulle være sendt senest {{.By}} ({{.Notice}} dages varsel); mødet {{.Date}} er om {{.Days}} dage.",
		map[string]any{"By": dk.FormatDate(data.InviteBy(m.Date, notice)), "Notice": notice, "Date": dk.FormatDate(m.Date), "Days": days})
}

func (p *meetingPanel) markHeld(m data.Meeting) {
	m, err := p.w.store.MarkHeld(ctx(), m.ID)
	p.stepDone(m, err, lang.X("meetings.held.done", "{{.Name}} er markeret som afholdt. Skriv referatet under »Dagsorden og referat«.",
		map[string]any{"Name": meetingHeading(m)}))
	if err == nil {
		p.pages.SelectIndex(pageAgenda)
	}
}

// approveMinutes approves the minutes today, once the caseworker has been
// told that they are fixed from then on.
func (p *meetingPanel) approveMinutes(m data.Meeting) {
	today := p.w.today()
	form.Ask(p.w, lang.X("meetings.approve.title", "Godkend referat"),
		lang.X("meetings.approve.question", "Referatet af {{.Name}} godkendes i dag, {{.Today}}. Derefter kan mødet, dagsordenen, referatet og handlingspunkterne ikke ændres; en senere rettelse tilføjes som rettelse. Handlingspunkterne kan stadig markeres som udført.",
			map[string]any{"Name": meetingHeading(m), "Today": dk.FormatDate(today)}),
		lang.X("meetings.approve.ok", "Godkend referatet"), lang.X("dialog.cancel", "Annullér"), func() {
			m, err := p.w.store.ApproveMinutes(ctx(), m.ID, today)
			p.stepDone(m, err, lang.X("meetings.approve.done", "Referatet af {{.Name}} er godkendt.", map[string]any{"Name": meetingHeading(m)}))
		})
}

// addCorrection adds a correction to approved minutes.
func (p *meetingPanel) addCorrection() {
	m := p.Original
	if !m.Approved() {
		return
	}
	text := widgets.NewMultiLineEntry(lang.X("meetings.correct.hint", "fx Punkt 3: beslutningen gælder også Bevar."))
	text.SetMinRowsVisible(4)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	intro := widget.NewLabel(lang.X("meetings.correct.intro", "Referatet forbliver som godkendt; rettelsen gemmes ved siden af med dato og kommer med, når referatet udskrives."))
	intro.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	d = dialog.NewForm(lang.X("meetings.correct.title", "Tilføj rettelse"), lang.X("meetings.correct.ok", "Tilføj rettelsen"),
		lang.X("dialog.cancel", "Annullér"),
		[]*widget.FormItem{widget.NewFormItem("", intro), widget.NewFormItem(lang.X("meetings.correct.label", "Rettelse"), text),
			widget.NewFormItem("", msg)},
		func(ok bool) {
			if !ok {
				return
			}
			saved, err := p.w.store.AddCorrection(ctx(), m.ID, text.Text)
			if v, refused := data.AsValidation(err); refused {
				msg.SetText(v.Problems[0].Text)
				msg.Show()
				d.Show() // the dialog stays with what was typed
				return
			}
			p.stepDone(saved, err, lang.X("meetings.correct.done", "Rettelsen er tilføjet referatet af {{.Name}}.", map[string]any{"Name": meetingHeading(m)}))
		}, p.w.Win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}
