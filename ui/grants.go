package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

type (
	grantList = form.Register[data.Grant, data.GrantForm]
	grantForm = data.GrantForm
)

// newGrantList is the Tilskud sub-tab: the grants with their conditions
// and reporting deadlines (which go on the overview's list).
func newGrantList(w *Window) *grantList {
	var rows []data.Grant
	reportsBinding, reports := form.Rows[grantForm, data.GrantReportForm]("Reports", lang.X("grants.reports", "Afrapportering"),
		form.RowsSpec[data.GrantReportForm]{
			Fields: func() []*form.Binding[data.GrantReportForm] {
				type rep = data.GrantReportForm
				return []*form.Binding[rep]{
					form.Text("What", lang.X("grants.report.what", "Hvad"), lang.X("grants.report.what.hint", "fx Statusrapport"), func(f *rep) *string { return &f.What }),
					form.Text("Due", lang.X("grants.report.due", "Frist"), "", func(f *rep) *string { return &f.Due }),
					form.Text("Done", lang.X("grants.report.done", "Afleveret"), "", func(f *rep) *string { return &f.Done }),
				}
			},
			Weights: []float32{4, 1.5, 1.5},
			Add:     lang.X("grants.report.add", "Tilføj frist"),
		}, func(f *grantForm) *[]data.GrantReportForm { return &f.Reports })
	org := orgPicker(w, lang.X("grants.org.hint", "vælg virksomheden (kan udelades)"))
	date := lang.X("form.date.hint", "dd.mm.åååå")
	var r *grantList
	r = form.NewRegister(w, form.Spec[data.Grant, grantForm]{
		Name: lang.X("partnership.tab.grants", "Tilskud"),
		New:  lang.X("grants.new.heading", "Nyt tilskud"), Heading: func(g data.Grant) string { return g.Grantor },
		ID: func(g data.Grant) int64 { return g.ID }, Values: data.Grant.Form,
		Parse: form.ParseOf[data.Grant, grantForm], Read: w.store.Grant, Save: w.store.SaveGrant,
		Updated: func(g data.Grant) time.Time { return g.UpdatedAt },
		Fields: []*form.Binding[grantForm]{
			form.Text("Grantor", lang.X("grants.grantor", "Bevilget af"), lang.X("grants.grantor.hint", "fx en pulje, en fond"), func(f *grantForm) *string { return &f.Grantor }),
			form.Text("Purpose", lang.X("grants.purpose", "Formål"), "", func(f *grantForm) *string { return &f.Purpose }),
			form.Text("Amount", lang.X("grants.amount", "Beløb (kr.)"), lang.X("grants.amount.hint", "fx 1.700.000,00"), func(f *grantForm) *string { return &f.Amount }),
			form.Pair(lang.X("grants.period", "Periode"), 140,
				form.Text("Start", lang.X("grants.start", "Periode fra"), date, func(f *grantForm) *string { return &f.Start }),
				form.Text("End", lang.X("grants.end", "Periode til"), lang.X("grants.end.hint", "til, dd.mm.åååå"), func(f *grantForm) *string { return &f.End })),
			form.Picked("OrganisationID", lang.X("grants.org", "Virksomhed"), org, w.orgName, w.ShowError, func(f *grantForm) *int64 { return &f.OrganisationID }),
			form.Text("Project", lang.X("grants.project", "Projekt"), lang.X("grants.project.hint", "fx ansøgeren eller projektet, tilskuddet hører til"), func(f *grantForm) *string { return &f.Project }),
			form.Lines("Conditions", lang.X("grants.conditions", "Betingelser"), "", func(f *grantForm) *string { return &f.Conditions }),
			form.Lines("Notes", lang.X("grants.notes", "Noter"), "", func(f *grantForm) *string { return &f.Notes }),
			reportsBinding,
		},
		List: form.ListSpec[data.Grant]{
			NewLabel: lang.X("grants.new", "Nyt tilskud (Ctrl+N)"),
			Fetch:    form.Slice(func() []data.Grant { return rows }),
			Rows: func() (n int, err error) {
				rows, err = w.store.Grants(ctx(), r.Archived())
				return len(rows), err
			},
			ID:     func(g data.Grant) int64 { return g.ID },
			Title:  func(g data.Grant) string { return g.Grantor },
			Detail: func(g data.Grant) string { return joinDetail(dk.FormatMoney(g.Amount), g.Funds()) },
			Count: func(int) string {
				var sum int64
				for _, g := range rows {
					sum += g.Amount
				}
				return lang.X("grants.count", "{{.N}} tilskud, i alt {{.Sum}}", map[string]any{"N": formatCount(len(rows)), "Sum": dk.FormatMoney(sum)})
			},
		},
		Archive: &form.Archiving[data.Grant]{Archive: w.store.ArchiveGrant, Restore: w.store.RestoreGrant,
			At: func(g data.Grant) time.Time { return g.ArchivedAt }, Title: lang.X("grants.archive.title", "Arkivér tilskud"),
			Question: func(g data.Grant) string {
				return lang.X("grants.archive.question", "Arkivér tilskuddet fra {{.Name}}? Dets frister forsvinder fra Overblik.", map[string]any{"Name": g.Grantor})
			}},
		Layout: &form.Pane[data.Grant, grantForm]{Split: 0.32, Body: func(fields fyne.CanvasObject) fyne.CanvasObject {
			return container.NewVScroll(container.NewVBox(fields, boldLabel(lang.X("grants.reports", "Afrapportering")), reports.Content))
		}},
	})
	w.atFirstShow(r.Start)
	return r
}
