package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

// reportRequest is the report dialog's form: the report's days, and
// whether the PDF is saved or printed.
type reportRequest struct {
	data.StatusReportForm
	Then string // reportSave or reportPrint
}

const (
	reportSave  = "gem"
	reportPrint = "udskriv"
)

// showStatusReport asks for the report's day (asOf as typed; empty: today)
// and period (Filer → Statusrapport for partnerskabet…, or Overblik's
// button with its day), then saves the PDF where the user chooses or
// prints it; a bad date is named on its field and the dialog stays open.
func (w *Window) showStatusReport(asOf string) *form.Dialog[reportRequest] {
	type rf = reportRequest
	date := lang.X("form.date.hint", "dd.mm.åååå")
	if strings.TrimSpace(asOf) == "" {
		asOf = dk.FormatDate(w.store.Now())
	}
	then := []form.Option{
		{Label: lang.X("agreements.pdf", "Gem som PDF…"), Value: reportSave},
		{Label: lang.X("agreements.print", "Udskriv"), Value: reportPrint},
	}
	return form.ShowDialog(w, form.DialogSpec[rf]{
		Title:  lang.X("report.title", "Statusrapport for partnerskabet"),
		Values: rf{StatusReportForm: data.StatusReportForm{AsOf: asOf}, Then: reportSave},
		Fields: []*form.Binding[rf]{
			form.Text("AsOf", lang.X("report.asof", "Opgjort pr."), date, func(f *rf) *string { return &f.AsOf }),
			form.Text("From", lang.X("report.from", "Fra (tom: dagen efter forrige rapport)"), date, func(f *rf) *string { return &f.From }),
			form.Radio("Then", lang.X("report.then", "Derefter"), then, reportSave, func(f *rf) *string { return &f.Then }),
		},
		Parse: func(f rf) error { _, _, err := f.Parse(); return err },
		Save: func(f rf) (string, error) {
			asOf, from, err := f.Parse()
			if err != nil {
				return "", err
			}
			if out := w.statusReportPDF(asOf, from); f.Then == reportPrint {
				out.print(nil)
			} else {
				out.choose()
			}
			return "", nil
		},
	})
}

// statusReportPDF produces the report as of asOf, saved like the other PDFs,
// stored for the next report's trend and named in the audit log.
func (w *Window) statusReportPDF(asOf, from time.Time) pdfOut {
	store := w.store
	return pdfOut{w: w, entity: "statusrapport", what: "PDF: statusrapport pr. " + dk.FormatDate(asOf),
		name: func() string { return "Statusrapport " + dk.ISODate(asOf) + ".pdf" },
		render: func() ([]byte, error) {
			_, b, err := agreement.ProduceStatusReport(ctx(), store, asOf, from, nil)
			return b, err
		},
		written: func(path string) {
			w.SetStatus(lang.X("report.written", "Statusrapporten pr. {{.Date}} er gemt som {{.Path}}.",
				map[string]any{"Date": dk.FormatDate(asOf), "Path": path}))
		}}
}
