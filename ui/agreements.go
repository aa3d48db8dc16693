package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

// AgreementsTab is the Aftaler tab (its drafting half): the list of
// agreements, the form that drafts a new one from a template, and the
// draft itself, read in the preview, its text editable while it is a
// Kladde, saved as PDF or printed.
type AgreementsTab struct {
	w       *Window
	content fyne.CanvasObject

	list  *form.List[data.AgreementNode] // the agreements as a tree (agreements_tree.go)
	right *fyne.Container                // shows newForm or draft
	fresh *newAgreementForm
	draft *draftView
}

func newAgreementsTab(w *Window) *AgreementsTab {
	t := &AgreementsTab{w: w}
	t.buildList()
	t.fresh = newNewAgreementForm(t)
	t.draft = newDraftView(t)
	t.right = container.NewStack(t.fresh.content, t.draft.content)
	split := container.NewHSplit(t.list.Content, container.NewPadded(t.right))
	split.Offset = 0.26
	t.content = split
	w.atFirstShow(func() { t.Reload(); t.showNew() })
	return t
}

func (t *AgreementsTab) buildList() {
	t.list = form.NewList(t.w, form.ListSpec[data.AgreementNode]{
		Search:   lang.X("agreements.search", "Søg: nummer, titel, part (Ctrl+F)"),
		NewLabel: lang.X("agreements.new", "Ny aftale (Ctrl+N)"),
		OnNew:    t.NewRecord,
		Fetch: func(offset, limit int) ([]data.AgreementNode, error) {
			return t.w.store.AgreementTree(ctx(), data.AgreementQuery{Text: t.list.Text(), Offset: offset, Limit: limit})
		},
		Rows:   func() (int, error) { return t.w.store.CountAgreements(ctx(), data.AgreementQuery{Text: t.list.Text()}) },
		ID:     func(n data.AgreementNode) int64 { return n.ID },
		Title:  treeTitle,
		Detail: treeDetail,
		Count: func(n int) string {
			return form.Counted(n, lang.X("agreements.count.one", "1 aftale"),
				lang.X("agreements.count", "{{.N}} aftaler", map[string]any{"N": formatCount(n)}))
		},
	})
	t.list.OnPick = func(a data.AgreementNode) {
		if a.ID == t.draft.original.ID && t.draft.content.Visible() {
			return
		}
		t.draft.form.Guard(t.draftHeading(), func() { t.open(a.ID) }, func() { t.list.Mark(t.draft.original.ID) })
	}
}

// statusLabel is the Danish name of an agreement's status, through the
// translations.
func agreementStatusLabel(st data.AgreementStatus) string {
	return lang.X("agreements.status."+string(st), st.Label())
}

func agreementDetail(a data.Agreement) string {
	s := agreementStatusLabel(a.Status)
	if !a.Date.IsZero() {
		s += " · " + dk.FormatDate(a.Date)
	}
	if a.TemplateName != "" {
		s += " · " + a.TemplateName
	}
	return s
}

// Reload re-reads the list and the choices of the new-agreement form.
func (t *AgreementsTab) Reload() {
	if t.list == nil || t.fresh == nil {
		return
	}
	t.list.Reload(t.draft.original.ID)
	t.fresh.reloadChoices()
}

// showNew shows the form that drafts a new agreement.
func (t *AgreementsTab) showNew() {
	t.draft.content.Hide()
	t.fresh.content.Show()
	t.list.Mark(0)
}

// open shows agreement id as a draft view.
func (t *AgreementsTab) open(id int64) {
	a, err := t.w.store.Agreement(ctx(), id)
	if err != nil {
		t.w.ShowError(err)
		return
	}
	t.draft.fill(a)
	t.fresh.content.Hide()
	t.draft.content.Show()
	t.list.Mark(id)
}

// NewRecord starts a new agreement (Ctrl+N); a new agreement already
// begun is kept or discarded as the caseworker answers.
func (t *AgreementsTab) NewRecord() {
	t.draft.form.Guard(t.draftHeading(), func() {
		t.draft.leaveEdit()
		t.fresh.form.Guard(lang.X("agreements.newheading", "Ny aftale"), func() {
			t.fresh.reset() // with the templates, parties and leases as the store holds them now
			t.showNew()
			t.w.Win.Canvas().Focus(t.fresh.title)
		}, t.showNew)
	}, nil)
}

// Save saves the draft's edited text (Ctrl+S), or creates the draft from
// the new-agreement form.
func (t *AgreementsTab) Save() {
	if t.fresh.content.Visible() {
		t.fresh.create()
		return
	}
	t.draft.save()
}

// Cancel leaves the text edit without saving (Esc).
func (t *AgreementsTab) Cancel() {
	if t.draft.content.Visible() {
		t.draft.cancel()
	}
}

// FocusSearch moves the cursor to the search field (Ctrl+F).
func (t *AgreementsTab) FocusSearch() { t.w.Win.Canvas().Focus(t.list.Search) }

// Dirty tells whether the draft's text or the new-agreement form holds
// unsaved edits.
func (t *AgreementsTab) Dirty() bool { return t.draft.form.Dirty() || t.fresh.form.Dirty() }

// Forms are the draft's text and the new-agreement form; both keep drafts.
func (t *AgreementsTab) Forms() []*form.Form { return []*form.Form{t.draft.form, t.fresh.form} }

func (t *AgreementsTab) RestoreDraft(d data.Draft) {
	if d.Form == draftAgreementNew {
		t.fresh.restoreDraft(d)
		return
	}
	form.RestoreDraft(t.draft.form, d, func(id int64) (data.Agreement, error) { return t.w.store.Agreement(ctx(), id) },
		func(a data.Agreement) {
			t.draft.fill(a)
			t.fresh.content.Hide()
			t.draft.content.Show()
			t.draft.enterEdit()
		}, t.draft.setValues, func() {
			t.draft.updateState()
			t.list.Mark(d.RecordID)
		})
}

func (t *AgreementsTab) DraftTitle(d data.Draft) string {
	if d.Form == draftAgreementNew {
		return t.fresh.draftTitle(d)
	}
	if a, err := t.w.store.Agreement(ctx(), d.RecordID); err == nil {
		return lang.X("agreements.drafttitle", "Teksten til {{.Number}} {{.Title}}", map[string]any{"Number": a.Number, "Title": a.Title})
	}
	return lang.X("tab.agreements", "Aftaler")
}

// HeadingName names what has unsaved edits, for the question at closing.
func (t *AgreementsTab) HeadingName() string {
	if t.fresh.form.Dirty() && !t.draft.form.Dirty() {
		return lang.X("agreements.newheading", "Ny aftale")
	}
	return t.draftHeading()
}

// draftHeading is the draft view's heading: the agreement's number and title.
func (t *AgreementsTab) draftHeading() string {
	if t.draft.original.ID == 0 {
		return lang.X("agreements.newheading", "Ny aftale")
	}
	return t.draft.original.Number + " " + t.draft.original.Title
}
