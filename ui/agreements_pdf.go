package ui

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/form"
)

var pdfExts = []string{".pdf", ".PDF"}

// renderPDF builds the agreement's PDF: a signed one is exactly the sealed
// bytes the store holds. It touches no widget, so it runs off the UI goroutine.
func (v *draftView) renderPDF(id int64) ([]byte, error) {
	return agreement.ExportPDF(ctx(), v.t.w.store, v.t.w.sealer, id)
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
	form.SaveFile(v.t.w, v.pdfName(), pdfExts, func(wc fyne.URIWriteCloser) {
		v.writePDF(wc, wc.URI().Path(), nil)
	})
}

// savePDF writes the PDF to path, as the save dialog does.
func (v *draftView) savePDF(path string, done func(error)) {
	f, err := os.Create(path)
	if err != nil {
		v.t.w.ShowError(err)
		return
	}
	v.writePDF(f, path, done)
}

// writePDF renders and writes off the UI goroutine, then reports back on it.
func (v *draftView) writePDF(wc io.WriteCloser, path string, done func(error)) {
	id, before := v.original.ID, v.original.Status
	v.t.w.SetStatus(lang.X("agreements.pdf.writing", "Skriver {{.Path}} …", map[string]any{"Path": path}))
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
				v.t.w.ShowError(err)
			} else {
				v.t.w.SetStatus(lang.X("agreements.pdf.written", "Aftalen er gemt som {{.Path}}.", map[string]any{"Path": path}))
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
	a, err := v.t.w.store.Agreement(ctx(), id)
	if err != nil || a.Status == before {
		return
	}
	v.t.list.Reload(v.original.ID)
	if v.original.ID == id && v.ceremony == nil && !v.editing && !v.form.Dirty() {
		v.fill(a)
	}
}

// print writes the PDF to a temporary file and opens it in the system's
// PDF viewer, which prints it; done (tests) gets the file's path.
func (v *draftView) print(done func(path string, err error)) {
	if v.original.ID == 0 {
		return
	}
	dir := filepath.Join(os.TempDir(), "partnerskab")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		v.t.w.ShowError(err)
		return
	}
	path := filepath.Join(dir, v.pdfName())
	v.savePDF(path, func(err error) {
		if err == nil {
			u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
			if !strings.HasPrefix(u.Path, "/") {
				u.Path = "/" + u.Path // a Windows path: file:///C:/…
			}
			if oerr := v.t.w.App.OpenURL(u); oerr != nil {
				v.t.w.ShowError(oerr)
			}
		}
		if done != nil {
			done(path, err)
		}
	})
}
