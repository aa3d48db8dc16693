package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

var pdfFilter = storage.NewExtensionFileFilter([]string{".pdf", ".PDF"})

// renderPDF builds the agreement's PDF: a signed one is exactly the sealed
// bytes the store holds. It touches no widget, so it runs off the UI goroutine.
func (v *draftView) renderPDF(id int64) ([]byte, error) {
	return agreement.ExportPDF(v.t.ctx(), v.t.w.store, v.t.w.sealer, id)
}

// pdfName is the file name offered for the agreement: "2015-001 Partnerskabsaftale af 2. orden.pdf".
func (v *draftView) pdfName() string {
	name := strings.TrimSpace(v.original.Number + " " + v.original.Title)
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
	return name + ".pdf"
}

func (v *draftView) choosePDF() {
	if v.original.ID == 0 {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			v.t.w.showError(err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		v.writePDF(wc, wc.URI().Path(), nil)
	}, v.t.w.Win)
	d.SetFileName(v.pdfName())
	d.SetFilter(pdfFilter)
	v.t.w.showFileDialog(d)
}

// savePDF writes the PDF to path, as the save dialog does.
func (v *draftView) savePDF(path string, done func(error)) {
	f, err := os.Create(path)
	if err != nil {
		v.t.w.showError(err)
		return
	}
	v.writePDF(f, path, done)
}

// writePDF renders and writes off the UI goroutine, then reports back on it.
func (v *draftView) writePDF(wc io.WriteCloser, path string, done func(error)) {
	id, before := v.original.ID, v.original.Status
	v.t.w.setStatus(lang.X("agreements.pdf.writing", "Skriver {{.Path}} …", map[string]any{"Path": path}))
	go func() {
		b, err := v.renderPDF(id)
		if err == nil {
			_, err = wc.Write(b)
		}
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		fyne.Do(func() {
			if err != nil {
				v.t.w.showError(err)
			} else {
				v.t.w.setStatus(lang.X("agreements.pdf.written", "Aftalen er gemt som {{.Path}}.", map[string]any{"Path": path}))
				v.afterExport(id, before)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// afterExport shows what an export changed: ExportPDF seals an agreement
// every signatory has signed but whose seal was missing, so its status
// moves from Til underskrift to Underskrevet.
func (v *draftView) afterExport(id int64, before data.AgreementStatus) {
	a, err := v.t.w.store.Agreement(v.t.ctx(), id)
	if err != nil || a.Status == before {
		return
	}
	v.t.list.reload(v.original.ID)
	if v.original.ID == id && v.ceremony == nil && !v.editing && !v.form.dirty {
		v.fill(a)
	}
}

// print writes the PDF to a temporary file and hands it to the system to
// print (print_windows.go, print_other.go); done (tests) gets the file's path.
func (v *draftView) print(done func(path string, err error)) {
	if v.original.ID == 0 {
		return
	}
	dir := filepath.Join(os.TempDir(), "partnerskab")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		v.t.w.showError(err)
		return
	}
	path := filepath.Join(dir, v.pdfName())
	v.savePDF(path, func(err error) {
		if err == nil {
			if oerr := openForPrint(v.t.w.App, path); oerr != nil {
				v.t.w.showError(oerr)
			}
		}
		if done != nil {
			done(path, err)
		}
	})
}
