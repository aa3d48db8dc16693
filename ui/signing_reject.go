package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// askReject asks the signer why they reject the agreement; the reason is
// required, and the agreement then shows who rejected it and why.
type rejectDialog struct {
	d       *dialog.CustomDialog
	reason  *widgets.Entry
	message *widget.Label
	confirm *widget.Button
}

func (c *ceremony) askReject() {
	r := &rejectDialog{reason: widgets.NewMultiLineEntry("")}
	r.reason.SetMinRowsVisible(4)
	r.reason.SetPlaceHolder(lang.X("signing.reject.placeholder", "Fx: Timetallet i § 3 passer ikke med det aftalte."))
	r.message = widget.NewLabel("")
	r.message.Importance = widget.DangerImportance
	r.message.Hide()
	intro := widget.NewLabel(lang.X("signing.reject.question", "{{.Signer}} afviser aftalen {{.Agreement}}. Skriv hvorfor; begrundelsen gemmes med aftalen.",
		map[string]any{"Signer": c.signer.Name, "Agreement": c.agreementLine()}))
	intro.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButton(lang.X("dialog.cancel", "Annullér"), func() { r.d.Hide() })
	r.confirm = widget.NewButton(lang.X("signing.reject.confirm", "Afvis aftalen"), func() { c.reject(r) })
	r.confirm.Importance = widget.DangerImportance
	r.reason.OnEscape = func() { r.d.Hide() }
	content := container.New(&widgets.MinWidth{W: 520}, container.NewVBox(intro,
		widget.NewLabel(lang.X("signing.reject.reason", "Begrundelse")), r.reason, r.message))
	r.d = dialog.NewCustomWithoutButtons(lang.X("signing.reject.title", "Afvis aftalen"), content, c.t.w.Win)
	r.d.SetButtons([]fyne.CanvasObject{cancel, r.confirm})
	c.rejecting = r
	r.d.Show()
	c.t.w.Win.Canvas().Focus(r.reason)
}

func (c *ceremony) reject(r *rejectDialog) {
	reason := strings.TrimSpace(r.reason.Text)
	if reason == "" {
		r.message.SetText(lang.X("signing.reject.required", "Begrundelse: skriv, hvorfor aftalen afvises"))
		r.message.Show()
		r.d.Resize(r.d.MinSize())
		return
	}
	err := c.store().Reject(ctx(), c.a.ID, c.signer.ID, reason)
	if ve, ok := data.AsValidation(err); ok {
		r.message.SetText(ve.Error())
		r.message.Show()
		r.d.Resize(r.d.MinSize())
		return
	}
	r.d.Hide()
	c.rejecting = nil
	if err != nil {
		c.fail(err)
		return
	}
	c.leave()
	c.t.w.SetStatus(lang.X("signing.rejected", "{{.Signer}} har afvist aftale {{.Agreement}}.",
		map[string]any{"Signer": c.signer.Name, "Agreement": c.agreementLine()}))
}
