package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

// duePanel is the Til sletning sub-tab: the placements whose delete-by date
// has passed, and the two things the caseworker can do about all of them.
type duePanel struct {
	t       *StaffingTab
	content fyne.CanvasObject

	rows            []data.DuePlacement
	count           *widget.Label
	list            *form.List[data.DuePlacement]
	anonymiseButton *widget.Button
	deleteButton    *widget.Button
	others          *otherDue
}

func newDuePanel(t *StaffingTab) *duePanel {
	p := &duePanel{t: t}
	heading, help, count := dueLabels(lang.X("staffing.due.heading", "Personoplysninger, der skal slettes"), lang.X("staffing.due.help",
		"Placeringer, hvis slettefrist er overskredet. »Anonymisér« fjerner initialer/pseudonym, noter og målgruppe, men beholder virksomhed, ordning og datoer til optællingerne. »Slet« fjerner placeringerne helt. Begge dele skrives i loggen og kan ikke fortrydes."))
	p.count = count
	p.list = form.NewList(t.w, form.ListSpec[data.DuePlacement]{
		Fetch:  form.Slice(func() []data.DuePlacement { return p.rows }),
		Rows:   func() (int, error) { return len(p.rows), nil },
		ID:     func(r data.DuePlacement) int64 { return r.ID },
		Title:  func(r data.DuePlacement) string { return r.Pseudonym },
		Detail: dueDetail,
	})
	// The list is for looking; the record opens in the Placeringer form.
	p.list.OnPick = func(r data.DuePlacement) {
		p.list.List.UnselectAll()
		t.OpenPlacement(r.ID)
	}
	p.anonymiseButton = widget.NewButton(lang.X("staffing.due.anonymise", "Anonymisér"), func() { p.confirm(false) })
	p.anonymiseButton.Importance = widget.HighImportance
	p.deleteButton = widget.NewButton(lang.X("staffing.due.delete", "Slet"), func() { p.confirm(true) })
	p.deleteButton.Importance = widget.DangerImportance
	top := container.NewVBox(heading, help, p.count)
	buttons := container.NewHBox(p.anonymiseButton, p.deleteButton)
	placements := container.NewBorder(top, buttons, nil, nil, p.list.Content)
	p.others = newOtherDue(p)
	split := container.NewVSplit(placements, p.others.content)
	split.Offset = 0.5
	p.content = container.NewPadded(split)
	return p
}

func dueDetail(r data.DuePlacement) string {
	closed := "–"
	if !r.CaseClosedOn.IsZero() {
		closed = dk.FormatDate(r.CaseClosedOn)
	}
	return lang.X("staffing.due.detail", "{{.Org}} · {{.Scheme}} · {{.Period}} · sagen afsluttet {{.Closed}} · slettes senest {{.DeleteBy}}",
		map[string]any{"Org": r.OrganisationName, "Scheme": r.SchemeName, "Period": staffingPeriod(r.Start, r.End),
			"Closed": closed, "DeleteBy": dk.FormatDate(r.DeleteBy)})
}

// reload re-reads the placements due today.
func (p *duePanel) reload() {
	rows, err := p.t.w.store.DuePlacements(ctx(), staffingToday())
	if err != nil {
		p.t.w.ShowError(err)
		return
	}
	p.rows = rows
	p.list.Reload(0)
	p.others.reload()
	switch len(rows) {
	case 0:
		p.count.SetText(lang.X("staffing.due.none", "Ingen placeringer har overskredet slettefristen i dag ({{.Date}}).",
			map[string]any{"Date": dk.FormatDate(staffingToday())}))
		p.anonymiseButton.Disable()
		p.deleteButton.Disable()
	case 1:
		p.count.SetText(lang.X("staffing.due.count.one", "1 placering har overskredet slettefristen i dag ({{.Date}}).",
			map[string]any{"Date": dk.FormatDate(staffingToday())}))
	default:
		p.count.SetText(lang.X("staffing.due.count", "{{.N}} placeringer har overskredet slettefristen i dag ({{.Date}}).",
			map[string]any{"N": formatCount(len(rows)), "Date": dk.FormatDate(staffingToday())}))
	}
	if len(rows) > 0 {
		p.anonymiseButton.Enable()
		p.deleteButton.Enable()
	}
}

// confirm asks, naming how many, before anonymising or deleting every
// placement in the list; the list the caseworker saw is what is acted on.
func (p *duePanel) confirm(remove bool) {
	ids := make([]int64, len(p.rows))
	for i, r := range p.rows {
		ids[i] = r.ID
	}
	if len(ids) == 0 {
		return
	}
	args := map[string]any{"N": formatCount(len(ids))}
	one := len(ids) == 1
	title := lang.X("staffing.due.anonymise.title", "Anonymisér placeringer")
	question := lang.X("staffing.due.anonymise.question",
		"Anonymisér {{.N}} placeringer? Initialer/pseudonym, noter og målgruppe slettes for altid; virksomhed, ordning og datoer bevares til optællingerne.", args)
	if one {
		question = lang.X("staffing.due.anonymise.question.one",
			"Anonymisér 1 placering? Initialer/pseudonym, noter og målgruppe slettes for altid; virksomhed, ordning og datoer bevares til optællingerne.")
	}
	confirm := lang.X("staffing.due.anonymise.confirm", "Anonymisér {{.N}}", args)
	if remove {
		title = lang.X("staffing.due.delete.title", "Slet placeringer")
		question = lang.X("staffing.due.delete.question", "Slet {{.N}} placeringer helt? De kan ikke genskabes og tælles ikke længere med.", args)
		if one {
			question = lang.X("staffing.due.delete.question.one", "Slet 1 placering helt? Den kan ikke genskabes og tælles ikke længere med.")
		}
		confirm = lang.X("staffing.due.delete.confirm", "Slet {{.N}}", args)
	}
	form.Ask(p.t.w, title, question, confirm, lang.X("dialog.cancel", "Annullér"), func() {
		var n int
		var err error
		if remove {
			n, err = p.t.w.store.DeletePlacements(ctx(), ids)
		} else {
			n, err = p.t.w.store.AnonymisePlacements(ctx(), ids)
		}
		if err != nil {
			p.t.w.ShowError(err)
		}
		done := map[string]any{"N": formatCount(n)}
		if remove {
			p.t.w.SetStatus(lang.X("staffing.due.deleted", "Slettet: {{.N}} placering(er). Handlingen står i loggen.", done))
		} else {
			p.t.w.SetStatus(lang.X("staffing.due.anonymised", "Anonymiseret: {{.N}} placering(er). Handlingen står i loggen.", done))
		}
		// The form may show one of them: it must not keep the old pseudonym,
		// nor write it back as a draft.
		if open := p.t.placements.Original.ID; slices.Contains(ids, open) {
			p.t.placements.Refill(open)
		}
		p.t.Reload()
	})
}

// dueLabels are a due section's heading, its help and its count line.
func dueLabels(heading, help string) (*widget.Label, *widget.Label, *widget.Label) {
	h := widget.NewLabel(heading)
	h.TextStyle.Bold = true
	h.SizeName = theme.SizeNameSubHeadingText
	x := widget.NewLabel(help)
	x.Wrapping = fyne.TextWrapWord
	c := widget.NewLabel("")
	c.TextStyle.Bold = true
	return h, x, c
}
