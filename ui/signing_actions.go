package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// The draft view's signing buttons, shown by the agreement's status:
// a Kladde is sent for signing; one awaiting signatures is signed in the
// meeting or registered as signed on paper; one every signatory has signed
// but whose seal is missing (the sealing failed or was interrupted) is
// sealed with "Forsegl"; a signed one gets an amendment ("Tillæg"), since
// its own text never changes again.

type signingActions struct {
	v        *draftView
	send     *widget.Button
	meeting  *widget.Button
	paper    *widget.Button
	seal     *widget.Button
	amend    *widget.Button
	copy     *widget.Button  // a rejected or cancelled agreement made into a new draft
	options  *fyne.Container // a draft's signing options
	anyOrder *widget.Check
	typed    *widget.Check
	filling  bool // the checks are being set from the store, not by the caseworker
	bar      *fyne.Container
	top      *fyne.Container // the draft view's head, laid out again when buttons come and go
}

func newSigningActions(v *draftView) *signingActions {
	s := &signingActions{v: v}
	s.send = widget.NewButtonWithIcon(lang.X("signing.send", "Send til underskrift"), theme.MailSendIcon(), s.confirmSend)
	s.meeting = widget.NewButtonWithIcon(lang.X("signing.meeting", "Underskriv i mødet"), theme.DocumentCreateIcon(),
		func() { v.t.startCeremony(v.original.ID) })
	s.meeting.Importance = widget.HighImportance
	s.paper = widget.NewButton(lang.X("signing.paper", "Registrér papirunderskrifter …"), v.askPaperSignatures)
	s.seal = widget.NewButtonWithIcon(lang.X("signing.seal", "Forsegl"), theme.ConfirmIcon(), s.sealNow)
	s.seal.Importance = widget.HighImportance
	s.amend = widget.NewButtonWithIcon(lang.X("signing.amend", "Tillæg"), theme.ContentAddIcon(), s.amendment)
	s.copy = widget.NewButtonWithIcon(lang.X("signing.copy", "Kopiér til ny kladde"), theme.ContentCopyIcon(), s.copyToDraft)
	s.anyOrder = widget.NewCheck(lang.X("signing.option.anyorder", "i vilkårlig rækkefølge"), func(bool) { s.saveOptions() })
	s.typed = widget.NewCheck(lang.X("signing.option.typed", "navnet må skrives i stedet for at tegnes"), func(bool) { s.saveOptions() })
	s.options = container.NewHBox(widget.NewLabel(lang.X("signing.option.label", "Underskrift:")), s.anyOrder, s.typed)
	s.bar = container.NewHBox(s.send, s.meeting, s.paper, s.seal, s.amend, s.copy)
	return s
}

// saveOptions keeps a draft's signing options as soon as they are ticked.
func (s *signingActions) saveOptions() {
	if s.filling || s.v.original.ID == 0 {
		return
	}
	if err := s.v.t.w.store.SetSigningOptions(context.Background(), s.v.original.ID, s.anyOrder.Checked, s.typed.Checked); err != nil {
		s.v.t.w.ShowError(err)
	}
}

// update shows the buttons that fit the agreement's status.
func (s *signingActions) update(a data.Agreement, editing bool) {
	show := widgets.ShowIf
	unsealed := false // every signatory has signed, the seal is missing
	if a.ID != 0 && a.Status == data.StatusPending {
		if st, err := s.v.t.w.store.SigningState(context.Background(), a.ID); err == nil {
			unsealed = st.AllSigned
		}
	}
	show(s.send, a.ID != 0 && a.Status == data.StatusDraft)
	show(s.meeting, a.Status == data.StatusPending && !unsealed)
	show(s.paper, a.Status == data.StatusPending && !unsealed)
	show(s.seal, unsealed)
	s.seal.Enable()
	show(s.amend, a.Status == data.StatusSigned)
	show(s.copy, a.Status == data.StatusRejected || a.Status == data.StatusCancelled)
	if a.ID != 0 && a.Status == data.StatusDraft {
		if st, err := s.v.t.w.store.SigningState(context.Background(), a.ID); err == nil {
			s.filling = true
			s.anyOrder.SetChecked(st.Parallel)
			s.typed.SetChecked(st.AllowTyped)
			s.filling = false
		}
		s.options.Show()
	} else {
		s.options.Hide()
	}
	if editing {
		s.send.Disable()
	} else {
		s.send.Enable()
	}
	if s.top != nil {
		s.top.Refresh()
	}
}

func (s *signingActions) confirmSend() {
	v := s.v
	if v.original.ID == 0 || v.form.Dirty() {
		return
	}
	form.Ask(v.t.w, lang.X("signing.send.title", "Send til underskrift"),
		lang.X("signing.send.question", "Når {{.Agreement}} er sendt til underskrift, kan teksten ikke længere ændres.\nSend den nu?",
			map[string]any{"Agreement": v.original.Number + " " + v.original.Title}),
		lang.X("signing.send", "Send til underskrift"), lang.X("dialog.cancel", "Annullér"), s.sendNow)
}

func (s *signingActions) sendNow() {
	v := s.v
	id := v.original.ID
	if err := v.t.w.store.SendForSigning(context.Background(), id); err != nil {
		if ve, ok := data.AsValidation(err); ok {
			v.t.w.ShowError(ve)
			return
		}
		v.t.w.ShowError(err)
		return
	}
	v.t.list.Reload(id)
	v.t.open(id)
	v.t.w.SetStatus(lang.X("signing.sent", "{{.Agreement}} er sendt til underskrift; teksten er låst.",
		map[string]any{"Agreement": v.original.Number}))
}

// sealNow seals an agreement every signatory has signed, as the ceremony
// does after the last signature; the button waits until the sealing ends.
func (s *signingActions) sealNow() {
	if s.v.original.ID == 0 {
		return
	}
	s.seal.Disable()
	s.v.seal(s.v.original.ID)
}

// amendment drafts a "Tillæg" that refers to the signed agreement.
func (s *signingActions) amendment() {
	v := s.v
	a, err := v.t.w.store.CreateAmendment(context.Background(), v.original.ID)
	if err != nil {
		v.t.w.ShowError(err)
		return
	}
	v.t.list.Reload(a.ID)
	v.t.open(a.ID)
	v.enterEdit()
	v.t.w.SetStatus(lang.X("signing.amended", "Tillægget {{.Number}} er oprettet som kladde.", map[string]any{"Number": a.Number}))
}

// copyToDraft makes a rejected or cancelled agreement into a new draft, to
// mend what was refused, and opens it.
func (s *signingActions) copyToDraft() {
	v := s.v
	a, err := v.t.w.store.CopyAgreement(context.Background(), v.original.ID)
	if err != nil {
		v.t.w.ShowError(err)
		return
	}
	v.t.list.Reload(a.ID)
	v.t.open(a.ID)
	v.t.w.SetStatus(lang.X("signing.copied", "{{.Old}} er kopieret til den nye kladde {{.New}}; ret den, og send den til underskrift igen.",
		map[string]any{"Old": v.original.Number, "New": a.Number}))
}
