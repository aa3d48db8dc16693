package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// The tree's actions on a signed agreement: "Tiltrædelse…" drafts the
// Tillæg by which a new party joins, "Afslut aftale…" records how and when
// the agreement ended. Each dialog stays open on a refusal and says which
// field is wrong, so nothing typed is lost.

type treeActions struct {
	v         *draftView
	join      *widget.Button
	end       *widget.Button
	remerge   *widget.Button // a draft: "Flet igen", e.g. to list the sub-agreements made since
	bar       *fyne.Container
	accession *accessionDialog // while open
	ending    *endingDialog    // while open
}

func newTreeActions(v *draftView) *treeActions {
	a := &treeActions{v: v}
	a.join = widget.NewButtonWithIcon(lang.X("tree.join", "Tiltrædelse…"), theme.ContentAddIcon(), a.askAccession)
	a.end = widget.NewButtonWithIcon(lang.X("tree.end", "Afslut aftale…"), theme.CancelIcon(), a.askEnding)
	a.remerge = widget.NewButtonWithIcon(lang.X("tree.remerge", "Flet igen"), theme.ViewRefreshIcon(), a.askMergeAgain)
	a.bar = container.NewHBox(a.remerge, a.join, a.end)
	return a
}

// update offers the actions on a signed agreement that has not ended.
func (a *treeActions) update(ag data.Agreement) {
	ended := false
	if ag.Status == data.StatusSigned {
		_, ended, _ = a.v.t.w.store.AgreementEnding(ctx(), ag.ID)
	}
	widgets.ShowIf(a.join, ag.Status == data.StatusSigned && !ended)
	widgets.ShowIf(a.end, ag.Status == data.StatusSigned && !ended)
	widgets.ShowIf(a.remerge, ag.Status == data.StatusDraft && ag.TemplateVersionID != 0)
}

// askMergeAgain merges the draft's template again with the facts as they
// are now, once the caseworker agrees that hand edits to the text go.
func (a *treeActions) askMergeAgain() {
	if v := a.v; v.original.ID != 0 && !v.editing && !v.form.Dirty() {
		question := lang.X("tree.remerge.question", "Teksten til {{.Agreement}} flettes igen fra skabelonen med de data, der gælder nu (fx underaftaler lavet siden). Hvad der er skrevet i teksten i hånden, erstattes.\nFlet igen nu?", a.named())
		form.Ask(v.t.w, lang.X("tree.remerge.title", "Flet igen"), question, lang.X("tree.remerge", "Flet igen"),
			lang.X("dialog.cancel", "Annullér"), a.mergeAgain)
	}
}

func (a *treeActions) mergeAgain() {
	v := a.v
	saved, missing, err := agreement.MergeAgain(ctx(), v.t.w.store, v.original.ID)
	if err != nil {
		v.t.w.ShowError(err)
		return
	}
	v.t.list.Reload(saved.ID)
	v.t.open(saved.ID)
	v.t.w.SetStatus(lang.X("tree.remerged", "Teksten til {{.Number}} er flettet igen.", map[string]any{"Number": saved.Number}))
	if len(missing) > 0 {
		v.t.fresh.warnMissing(saved, missing)
	}
}

// partiesText is the draft view's line of parties, with those who joined
// by a Tillæg ("Fra de varme lande medlem fra 1.6.2015") and how the
// agreement ended.
func (a *treeActions) partiesText(ag data.Agreement) string {
	var names []string
	for _, p := range ag.Parties {
		names = append(names, p.Name)
	}
	s := lang.X("agreements.partieslist", "Parter: {{.Names}}", map[string]any{"Names": joinNames(names)})
	if ag.ParentID != 0 {
		if p, err := a.v.t.w.store.Agreement(ctx(), ag.ParentID); err == nil {
			s = lang.X("tree.under", "Hører under aftale {{.Agreement}}", map[string]any{"Agreement": p.Number + " " + p.Title}) + "\n" + s
		}
	}
	if members, err := a.v.t.w.store.AgreementMembers(ctx(), ag.ID); err == nil {
		for _, m := range members {
			s += "\n" + lang.X("tree.member", "Tiltrædelse ved {{.Number}}: {{.Line}}", map[string]any{"Number": m.Number, "Line": m.Line()})
		}
	}
	if e, ended, err := a.v.t.w.store.AgreementEnding(ctx(), ag.ID); err == nil && ended {
		s += "\n" + lang.X("tree.ended", "{{.Kind}} pr. {{.Date}}: {{.Reason}}",
			map[string]any{"Kind": endingKindLabel(e.Kind), "Date": dk.FormatDate(e.On), "Reason": e.Reason})
	}
	return s
}

// accessionDialog asks who joins and from when.
type accessionDialog struct {
	a    *treeActions
	d    dialog.Dialog
	org  *widgets.Picker // every active organisation, read page by page
	from *widgets.Entry
	msg  *widget.Label
}

func (a *treeActions) askAccession() {
	parent := a.v.original
	x := &accessionDialog{a: a}
	party := map[int64]bool{}
	for _, p := range parent.Parties {
		party[p.OrganisationID] = true
	}
	// The parties stay in the list, marked, so that its pages are the
	// store's; picking one says at once that it is a party already.
	x.org = anyOrgPicker(a.v.t.w, lang.X("tree.join.org.choose", "(vælg den nye part)"), func(id int64) string {
		if party[id] {
			return lang.X("tree.join.org.party", "allerede part i aftalen")
		}
		return ""
	})
	x.org.OnChanged = func(id int64) {
		x.msg.SetText("")
		if party[id] {
			_, name := x.org.Selected()
			x.msg.SetText(lang.X("tree.join.org.isparty", "Ny part: {{.Name}} er allerede part i aftale {{.Number}}",
				map[string]any{"Name": name, "Number": parent.Number}))
			x.org.SetSelected(0, "")
		}
	}
	x.from = widgets.NewEntry(lang.X("form.date.hint", "dd.mm.åååå"))
	ok := widget.NewButton(lang.X("tree.join.create", "Opret tillæg"), x.create)
	ok.Importance = widget.HighImportance
	x.d, x.msg = a.dialog(lang.X("tree.join.title", "Tiltrædelse"),
		lang.X("tree.join.intro", "Den nye part tiltræder {{.Agreement}} ved et tillæg, som den nye part og de nuværende underskrivere skriver under.", a.named()),
		widget.NewForm(widget.NewFormItem(lang.X("tree.join.org", "Ny part"), x.org),
			widget.NewFormItem(lang.X("tree.join.from", "Medlem fra"), x.from)),
		ok, func() { a.accession = nil })
	a.accession = x
	x.d.Show()
}

// create drafts the Tillæg and opens it; a refusal stays in the dialog.
func (x *accessionDialog) create() {
	f := data.AccessionForm{From: x.from.Text}
	f.OrganisationID = pickedID(x.org)
	v := x.a.v
	a, err := v.t.w.store.CreateAccession(ctx(), v.original.ID, f)
	if err != nil {
		x.msg.SetText(refusalText(err))
		return
	}
	x.d.Hide()
	x.a.accession = nil
	v.t.list.Reload(a.ID)
	v.t.open(a.ID)
	v.t.w.SetStatus(lang.X("tree.joined", "Tillægget {{.Number}} er oprettet som kladde; send det til underskrift.", map[string]any{"Number": a.Number}))
}

// endingDialog asks how, when and why the agreement ended.
type endingDialog struct {
	a      *treeActions
	d      dialog.Dialog
	kind   *widget.Select
	date   *widgets.Entry
	reason *widgets.Entry
	msg    *widget.Label
}

func (a *treeActions) askEnding() {
	x := &endingDialog{a: a}
	var kinds []string
	for _, k := range data.EndingKinds {
		kinds = append(kinds, endingKindLabel(k))
	}
	x.kind = widget.NewSelect(kinds, nil)
	x.kind.PlaceHolder = lang.X("tree.end.kind.choose", "(vælg)")
	x.date = widgets.NewEntry(lang.X("form.date.hint", "dd.mm.åååå"))
	x.reason = widgets.NewMultiLineEntry("")
	x.reason.SetMinRowsVisible(3)
	ok := widget.NewButton(lang.X("tree.end.save", "Afslut aftalen"), x.save)
	ok.Importance = widget.DangerImportance
	x.d, x.msg = a.dialog(lang.X("tree.end.title", "Afslut aftale"),
		lang.X("tree.end.intro", "Afslutningen af {{.Agreement}} gemmes med dato og begrundelse; aftalens underskrevne tekst ændres ikke.", a.named()),
		widget.NewForm(widget.NewFormItem(lang.X("tree.end.kind", "Afslutning"), x.kind),
			widget.NewFormItem(lang.X("tree.end.date", "Dato"), x.date),
			widget.NewFormItem(lang.X("tree.end.reason", "Begrundelse"), x.reason)),
		ok, func() { a.ending = nil })
	a.ending = x
	x.d.Show()
}

func (x *endingDialog) save() {
	f := data.EndingForm{Date: x.date.Text, Reason: x.reason.Text}
	if i := x.kind.SelectedIndex(); i >= 0 && i < len(data.EndingKinds) {
		f.Kind = string(data.EndingKinds[i])
	}
	v := x.a.v
	e, err := v.t.w.store.EndAgreement(ctx(), v.original.ID, f)
	if err != nil {
		x.msg.SetText(refusalText(err))
		return
	}
	x.d.Hide()
	x.a.ending = nil
	id := v.original.ID
	v.t.list.Reload(id)
	v.t.open(id)
	v.t.w.SetStatus(lang.X("tree.ended.status", "{{.Number}} er {{.Line}}.", map[string]any{"Number": v.original.Number, "Line": e.Line()}))
}

// refusalText is a refusal as the dialogs show it: one problem a line.
func refusalText(err error) string {
	if ve, ok := data.AsValidation(err); ok {
		s := ""
		for i, p := range ve.Problems {
			if i > 0 {
				s += "\n"
			}
			s += p.Error()
		}
		return s
	}
	return data.DanishError(err).Error()
}

// endingKindLabel is the kind's name in the window's language.
func endingKindLabel(k data.EndingKind) string {
	switch k {
	case data.EndingNotice:
		return lang.X("tree.end.kind.notice", "Opsigelse")
	case data.EndingExpiry:
		return lang.X("tree.end.kind.expiry", "Udløb")
	case data.EndingBreach:
		return lang.X("tree.end.kind.breach", "Ophævelse")
	}
	return k.Label()
}

// named is the agreement shown, for the dialogs' texts.
func (a *treeActions) named() map[string]any {
	return map[string]any{"Agreement": a.v.original.Number + " " + a.v.original.Title}
}

// wrapped is a label that breaks its lines to the dialog's width.
// dialog is the frame of the accession and ending dialogs: the intro, the
// form, a line for a refusal, and the action beside Annullér.
func (a *treeActions) dialog(title, intro string, form *widget.Form, ok *widget.Button, cancelled func()) (dialog.Dialog, *widget.Label) {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	var d dialog.Dialog
	cancel := widget.NewButton(lang.X("dialog.cancel", "Annullér"), func() { d.Hide(); cancelled() })
	body := container.NewVBox(wrapped(intro), form, msg, container.NewHBox(ok, cancel))
	d = dialog.NewCustomWithoutButtons(title, container.New(&widgets.MinWidth{W: 520}, body), a.v.t.w.Win)
	return d, msg
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
