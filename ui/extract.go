package ui

import (
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// extractPDF is one person's extract (art. 15) as a PDF: for a contact
// person (entity "kontaktperson") or a placement ("placering").
func (w *Window) extractPDF(entity string, id int64, name string) pdfOut {
	store := w.store
	return pdfOut{w: w, entity: entity, id: id, what: "PDF: indsigt (art. 15)",
		name: func() string { return safeFileName("Indsigt "+name) + ".pdf" },
		render: func() ([]byte, error) {
			var x data.Extract
			var err error
			if entity == "placering" {
				x, err = store.PlacementExtract(ctx(), id)
			} else {
				x, err = store.ContactExtract(ctx(), id)
			}
			if err != nil {
				return nil, err
			}
			return agreement.ExtractPDF(ctx(), store, x)
		},
		written: func(path string) {
			w.SetStatus(lang.X("extract.written", "Indsigten er gemt som {{.Path}}.", map[string]any{"Path": path}))
		}}
}
