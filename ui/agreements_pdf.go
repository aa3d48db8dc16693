package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// pdf is the agreement's PDF: a signed one is exactly the sealed bytes the
// store holds. The id and status are taken now, so that a later choice in
// the list does not change what is written.
func (v *draftView) pdf() pdfOut {
	id, before := v.original.ID, v.original.Status
	return pdfOut{w: v.t.w, name: v.pdfName, entity: "aftale", id: id, what: "PDF af aftale " + v.original.Number,
		render: func() ([]byte, error) { return agreement.ExportPDF(ctx(), v.t.w.store, v.t.w.sealer, id) },
		written: func(path string) {
			v.t.w.SetStatus(lang.X("agreements.pdf.written", "Aftalen er gemt som {{.Path}}.", map[string]any{"Path": path}))
			v.afterExport(id, before)
		}}
}

// pdfName is the file name offered for the agreement: "2015-001 Partnerskabsaftale af 2. orden.pdf".
func (v *draftView) pdfName() string {
	return safeFileName(strings.TrimSpace(v.original.Number+" "+v.original.Title)) + ".pdf"
}

func (v *draftView) choosePDF() {
	if v.original.ID != 0 {
		v.pdf().choose()
	}
}

// savePDF writes the PDF to path, as the save dialog does.
func (v *draftView) savePDF(path string, done func(error)) { v.pdf().save(path, done) }

// print hands the PDF to the system to print; done (tests) gets the file's path.
func (v *draftView) print(done func(path string, err error)) {
	if v.original.ID != 0 {
		v.pdf().print(done)
	}
}

// afterExport shows what an export changed: ExportPDF seals an agreement
// every signatory has signed but whose seal was missing, so its status
// moves from Til underskrift to Underskrevet.
func (v *draftView) afterExport(id int64, before data.AgreementStatus) {
	a, err := v.t.w.store.Agreement(ctx(), id)
	if err != nil || a.Status == before {
		return
	}
	v.t.list.Reload(v.original.ID)
	if v.original.ID == id && v.ceremony == nil && !v.editing && !v.form.Dirty() {
		v.fill(a)
	}
}
