package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// draftAgreementText names the drafts of an agreement's edited text.
const draftAgreementText = "agreement_text"

// draftView shows one agreement: its text in the preview (the same parse
// tree the PDF prints), "Redigér tekst" while it is a Kladde, and the PDF.
type draftView struct {
	t       *AgreementsTab
	content fyne.CanvasObject

	form       *form.Form
	body       *widgets.Entry
	journal    *widgets.Entry // the journal and KLE numbers (agreements_journal.go)
	kle        *widgets.Entry
	parent     *parentPicker // the agreement it hangs under (agreements_tree.go)
	preview    *widget.RichText
	scroll     *container.Scroll
	parties    *widget.Label
	editButton *widget.Button
	saveButton *widget.Button
	cancelBtn  *widget.Button
	pdfButton  *widget.Button
	printBtn   *widget.Button
	editBar    *fyne.Container
	editorBox  *fyne.Container // the entry and its message, shown while editing
	editing    bool

	signing  *signingActions // Send til underskrift, Underskriv i mødet, papir, Tillæg (signing_actions.go)
	tree     *treeActions    // Tiltrædelse…, Afslut aftale… (agreements_tree_actions.go)
	ceremony *ceremony       // the signing ceremony while it fills the window
	paper    *paperDialog    // the paper signatures' dialog while it is open
	onSealed func(error)     // tests: called when a sealing has ended

	original data.Agreement
}

func newDraftView(t *AgreementsTab) *draftView {
	v := &draftView{t: t}
	v.form = form.New(t.w, draftAgreementText)
	v.form.RecordID = func() int64 { return v.original.ID }
	v.form.Values = func() any { return v.values() }
	v.form.Parse = func() error { _, err := v.values().Parse(); return err }
	v.form.OnChange = v.updateState
	v.body = widgets.NewMultiLineEntry("")
	v.body.TextStyle = fyne.TextStyle{Monospace: true}
	v.body.OnChanged = func(string) { v.form.Changed() }
	v.body.OnEscape = v.cancel
	v.form.Fields.Add(form.NewField("Body", lang.X("agreements.body", "Aftalens tekst (Markdown)"), v.body))
	v.preview = widgets.RichTextOf(nil)
	v.scroll = container.NewVScroll(container.NewPadded(v.preview))
	v.parties = widget.NewLabel("")
	v.parties.Wrapping = fyne.TextWrapWord

	v.editButton = widget.NewButtonWithIcon(lang.X("agreements.edit", "Redigér tekst"), theme.DocumentCreateIcon(), v.enterEdit)
	v.pdfButton = widget.NewButtonWithIcon(lang.X("agreements.pdf", "Gem som PDF…"), theme.DocumentSaveIcon(), v.choosePDF)
	v.printBtn = widget.NewButtonWithIcon(lang.X("agreements.print", "Udskriv"), theme.DocumentPrintIcon(), func() { v.print(nil) })
	v.saveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), v.save)
	v.saveButton.Importance = widget.HighImportance
	v.cancelBtn = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), v.cancel)
	v.editBar = container.NewHBox(v.saveButton, v.cancelBtn)
	v.editBar.Hide()
	bodyField := v.form.Fields.Fields[0]
	editor := container.NewBorder(v.journalRow(), bodyField.Msg, nil, nil, v.body)
	editor.Hide()
	textArea := container.NewStack(v.scroll, editor)
	v.signing = newSigningActions(v)
	v.tree = newTreeActions(v)
	top := container.NewVBox(v.form.Heading, v.form.State, v.parties,
		container.NewHBox(v.editButton, v.signing.bar, v.tree.bar, layout.NewSpacer(), v.pdfButton, v.printBtn), v.signing.options)
	v.signing.top = top
	v.content = container.NewBorder(top, v.editBar, nil, nil, textArea)
	v.editorBox = editor
	// No agreement is shown until the tab first reads its list: none of the
	// actions for one stands in the toolbar (all of them side by side would
	// make the window wider than a laptop's screen).
	v.signing.update(data.Agreement{}, false)
	v.tree.update(data.Agreement{})
	return v
}

// values is the agreement as saved, with the text as edited.
func (v *draftView) values() data.AgreementForm {
	f := v.original.Form()
	f.Body = v.body.Text
	f.JournalNumber, f.KLE = v.journal.Text, v.kle.Text
	f.ParentID = v.parent.id()
	return f
}

func (v *draftView) setValues(f data.AgreementForm) {
	v.body.SetText(f.Body)
	v.journal.SetText(f.JournalNumber)
	v.kle.SetText(f.KLE)
	v.parent.except = v.original.ID
	v.parent.reload()
	v.parent.set(f.ParentID)
}

// fill shows a saved agreement, not in edit mode.
func (v *draftView) fill(a data.Agreement) {
	v.original = a
	v.leaveEdit()
	v.form.Fill(func() { v.setValues(a.Form()) })
	v.form.Reset()
	v.showPreview(a.Body)
	v.parties.SetText(v.tree.partiesText(a))
	v.updateState()
}

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return "–"
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " " + lang.X("agreements.and", "og") + " " + names[len(names)-1]
}

// showPreview renders md through the shared parse tree.
func (v *draftView) showPreview(md string) {
	widgets.ShowMarkdown(v.preview, md)
}

func (v *draftView) isDraft() bool { return v.original.Status == data.StatusDraft }

func (v *draftView) updateState() {
	a := v.original
	s := ""
	if a.Status != "" {
		s = signingStatusLabel(v.t.w.store, a)
	}
	if a.TemplateName != "" {
		s += " · " + lang.X("agreements.fromtemplate", "fra {{.Name}} version {{.Version}}",
			map[string]any{"Name": a.TemplateName, "Version": a.TemplateVersion})
	}
	switch {
	case v.form.Dirty():
		s += " · " + lang.X("form.state.dirty", "Ændringer er ikke gemt.")
	case !a.UpdatedAt.IsZero() && v.isDraft():
		s += " · " + form.SavedAt(a.UpdatedAt)
	}
	if missing := data.MissingFields(a.Body); len(missing) > 0 && v.isDraft() {
		s += " · " + lang.X("agreements.missing.state", "Tomme flettefelter: {{.Fields}}; de skal udfyldes, før aftalen kan sendes til underskrift.",
			map[string]any{"Fields": strings.Join(missing, ", ")})
	}
	if signing := signingStateText(v.t.w.store, a); signing != "" {
		s += " · " + signing
	} else if !v.isDraft() {
		s += " " + lang.X("agreements.locked", "Teksten kan ikke ændres, når aftalen er sendt til underskrift.")
	}
	v.form.SetState(s)
	v.form.Heading.SetText(v.t.draftHeading())
	if v.isDraft() && !v.editing {
		v.editButton.Enable()
	} else {
		v.editButton.Disable()
	}
	if v.isDraft() || a.ID == 0 {
		v.editButton.Show()
	} else {
		v.editButton.Hide() // the text is locked from "Send til underskrift" on
	}
	if v.signing != nil {
		v.signing.update(a, v.editing || v.form.Dirty())
	}
	if v.tree != nil {
		v.tree.update(a)
	}
}

// enterEdit shows the text in an entry (only while the agreement is a Kladde).
func (v *draftView) enterEdit() {
	if !v.isDraft() || v.editing {
		return
	}
	v.editing = true
	v.scroll.Hide()
	v.editorBox.Show()
	v.editBar.Show()
	v.updateState()
	v.t.w.Win.Canvas().Focus(v.body)
}

// leaveEdit goes back to the preview.
func (v *draftView) leaveEdit() {
	v.editing = false
	v.editorBox.Hide()
	v.editBar.Hide()
	v.scroll.Show()
	v.updateState()
}

// save keeps the edited text (Ctrl+S).
func (v *draftView) save() {
	if !v.editing || v.original.ID == 0 {
		return
	}
	a, err := v.t.w.store.SaveAgreementDraft(ctx(), v.original.ID, v.values())
	if ve, ok := data.AsValidation(err); ok {
		v.form.Refused(ve)
		return
	}
	if err != nil {
		v.t.w.ShowError(err)
		return
	}
	v.form.Clean()
	v.fill(a)
	v.t.list.Reload(a.ID)
	v.t.w.SetStatus(lang.X("agreements.saved", "Teksten til {{.Number}} er gemt {{.When}}.",
		map[string]any{"Number": a.Number, "When": time.Now().Format("15.04")}))
}

// cancel throws the edit away (Esc) and shows the saved text.
func (v *draftView) cancel() {
	if !v.editing {
		return
	}
	v.form.Guard(v.t.draftHeading(), func() { v.fill(v.original) }, nil)
}
