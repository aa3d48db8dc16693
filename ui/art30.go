package ui

import (
	"fyne.io/fyne/v2/lang"

	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// art30PDF is the record of processing (art. 30) as the database holds it
// now, saved like the other PDFs and named in the audit log.
func (w *Window) art30PDF() pdfOut {
	store := w.store
	return pdfOut{w: w, entity: "fortegnelse", what: "PDF: fortegnelse (art. 30)",
		name:   func() string { return "Fortegnelse art. 30 " + dk.ISODate(store.Now()) + ".pdf" },
		render: func() ([]byte, error) { return agreement.Art30PDF(ctx(), store) },
		written: func(path string) {
			w.SetStatus(lang.X("art30.written", "Fortegnelsen er gemt som {{.Path}}.", map[string]any{"Path": path}))
		}}
}
